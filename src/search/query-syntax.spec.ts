import { parseQuery } from './query-syntax';

const texts = (q: string) =>
  parseQuery(q).map((clause) => clause.map((t) => `${t.negated ? '-' : ''}${t.phrase ? `"${t.text}"` : t.text}${t.prefix ? '*' : ''}`).join(' | '));

describe('parseQuery', () => {
  it('makes every word a clause and the last plain word a prefix', () => {
    expect(texts('inpatient coder')).toEqual(['inpatient', 'coder*']);
  });

  it('stops treating the last word as a prefix once a space follows it', () => {
    expect(texts('inpatient coder ')).toEqual(['inpatient', 'coder']);
  });

  it('keeps quoted phrases together, even unterminated', () => {
    expect(texts('"risk adjustment" coder')).toEqual(['"risk adjustment"', 'coder*']);
    expect(texts('coder "risk adjust')).toEqual(['coder', '"risk adjust"']);
  });

  it('reads -word and -"phrase" as exclusions', () => {
    expect(texts('coder -inpatient -"home health"')).toEqual(['coder', '-inpatient', '-"home health"']);
  });

  it('joins the terms around `or` into one clause', () => {
    expect(texts('cardiology or radiology coder')).toEqual(['cardiology | radiology', 'coder*']);
    expect(texts('a or b OR c')).toEqual(['a | b | c']);
  });

  it('ignores a dangling or leading `or` and terms with nothing searchable', () => {
    expect(texts('or coder or')).toEqual(['coder*']);
    expect(texts("' OR 1=1-- % _ \\ :* & ! ( )")).toEqual(['"1 1"']);
  });

  it('keeps the joiners codes use inside words', () => {
    expect(texts('E/M E&M CPC-A ob/gyn')).toEqual(['E/M', 'E&M', 'CPC-A', 'ob/gyn']);
  });

  it('keeps at most twelve terms', () => {
    expect(parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});
