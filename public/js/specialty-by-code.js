// Picking a specialty by typing a code: a form's [data-specialty-by-code] box asks
// /api/specialties/for-code and offers the specialties found; choosing one ticks its
// checkbox (job form) or fills the first free specialty row (coder profile).
// Without scripts the box stays hidden and the lists work as they are.
(function () {
  'use strict';

  function choose(form, slug) {
    var box = form.querySelector('input[type="checkbox"][name="specialties"][value="' + slug + '"]');
    if (box) {
      box.checked = true;
      var details = box.closest('details');
      if (details) details.open = true;
      box.focus();
      return true;
    }
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-specialty-row]'));
    var already = selects.filter(function (s) {
      return s.value === slug;
    })[0];
    var free =
      already ||
      selects.filter(function (s) {
        return !s.value;
      })[0];
    if (!free) return false;
    free.value = slug;
    free.focus();
    return true;
  }

  function show(widget, form, answers, code) {
    var list = widget.querySelector('[data-specialty-results]');
    list.textContent = '';
    if (!answers.length) {
      var none = document.createElement('li');
      none.textContent = 'No code set knows ' + code + '.';
      list.appendChild(none);
      return;
    }
    answers.forEach(function (answer) {
      var item = document.createElement('li');
      item.appendChild(document.createTextNode(answer.systemName + ' ' + answer.display + ': ' + answer.label + ' '));
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-secondary';
      button.textContent = 'Choose ' + answer.specialties[0].name;
      button.addEventListener('click', function () {
        if (!choose(form, answer.specialties[0].slug)) button.textContent = 'No free row: clear one first';
      });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-specialty-by-code]'), function (widget) {
    var form = widget.closest('form');
    var input = widget.querySelector('input');
    var button = widget.querySelector('button');
    widget.hidden = false;
    function look() {
      var code = input.value.trim();
      if (!code) return;
      fetch('/api/specialties/for-code?code=' + encodeURIComponent(code), { headers: { accept: 'application/json' } })
        .then(function (res) {
          return res.ok ? res.json() : [];
        })
        .then(function (answers) {
          show(widget, form, answers, code);
        })
        .catch(function () {
          show(widget, form, [], code);
        });
    }
    button.addEventListener('click', look);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        look();
      }
    });
  });
})();
