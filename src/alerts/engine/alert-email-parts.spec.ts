import { alertSearchLink, mailboxOf, unsubscribeHeaders } from './alert-email-parts';

describe('alertSearchLink', () => {
  it('is the search page with the alert’s parameters in the search’s order, repeated keys kept', () => {
    expect(alertSearchLink('https://jobs.example.org', { state: 'TX', credential: ['CCS', 'CPC'], q: 'E/M coder' })).toBe(
      'https://jobs.example.org/jobs?q=E%2FM+coder&credential=CCS&credential=CPC&state=TX',
    );
  });

  it('is the plain search page for an alert without filters', () => {
    expect(alertSearchLink('https://jobs.example.org', {})).toBe('https://jobs.example.org/jobs');
  });
});

describe('mailboxOf', () => {
  it('takes the address out of a From field, or the field when it is only an address', () => {
    expect(mailboxOf('CareerCenter <no-reply@example.org>')).toBe('no-reply@example.org');
    expect(mailboxOf('alerts@example.org')).toBe('alerts@example.org');
  });
});

describe('unsubscribeHeaders', () => {
  it('gives the one-click URL and a mailto naming the alert, and says a POST unsubscribes (RFC 8058)', () => {
    const headers = unsubscribeHeaders('https://jobs.example.org/alerts/unsubscribe?token=abc', 'alerts@example.org', { id: 'a1', name: 'Remote CPC' });
    expect(headers).toEqual({
      'List-Unsubscribe':
        '<https://jobs.example.org/alerts/unsubscribe?token=abc>, <mailto:alerts@example.org?subject=Unsubscribe%20from%20the%20job%20alert%20%22Remote%20CPC%22%20(a1)>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('keeps a name with line breaks on one line, so it cannot start a header of its own', () => {
    const headers = unsubscribeHeaders('https://jobs.example.org/u', 'alerts@example.org', { id: 'a1', name: 'CPC\r\nBcc: someone@example.org' });
    expect(headers['List-Unsubscribe']).not.toMatch(/[\r\n]|%0D|%0A/);
    expect(headers['List-Unsubscribe']).toContain('CPC%20Bcc%3A%20someone%40example.org');
  });
});
