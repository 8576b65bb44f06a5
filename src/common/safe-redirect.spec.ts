import { safeNextPath } from './safe-redirect';

describe('safeNextPath', () => {
  it.each([
    ['/jobs?q=cpc', '/jobs?q=cpc'],
    ['/account', '/account'],
    ['/codes/icd-10-cm/E11.9#jobs', '/codes/icd-10-cm/E11.9#jobs'],
  ])('keeps the local path %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    'http://evil.example/x',
    'javascript:alert(1)',
    '/%0d%0aLocation:x\r\n',
    '',
    undefined,
    ['/a'],
    'evil.example',
    '/\tevil',
  ])('sends %p to the home page', (input) => {
    expect(safeNextPath(input)).toBe('/');
  });
});
