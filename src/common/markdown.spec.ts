import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('keeps the allowed structure', () => {
    const html = renderMarkdown('## Duties\n\n- Code **E/M** visits\n- Query *providers*\n\n> Remote\n\n[Apply](https://example.org/jobs)');
    expect(html).toContain('<h3>Duties</h3>');
    expect(html).toContain('<li>Code <strong>E/M</strong> visits</li>');
    expect(html).toContain('<em>providers</em>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://example.org/jobs" rel="nofollow noopener">Apply</a>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /onerror|<img/i],
    ['[x](javascript:alert(1))', /javascript:/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['<svg onload=alert(1)><circle/></svg>', /<svg|onload/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<p style="color:red" onclick="x()">hi</p>', /style=|onclick/i],
    ['[x](//evil.example)', /evil\.example/],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', /data:/i],
  ])('neutralises %s', (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it('gives plain text without markup', () => {
    expect(markdownToText('## Title\n\nSome **bold** <script>x</script> text')).toBe('Title Some bold text');
  });
});
