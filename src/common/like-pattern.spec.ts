import { containsPattern } from './like-pattern';

describe('containsPattern', () => {
  it('matches the text anywhere, with LIKE wildcards taken literally', () => {
    expect(containsPattern('Ada')).toBe('%Ada%');
    expect(containsPattern('100%_sure\\')).toBe('%100\\%\\_sure\\\\%');
  });
});
