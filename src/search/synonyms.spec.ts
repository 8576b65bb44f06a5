import { parseQuery } from './query-syntax';
import { alternativesOf, joinSynonymPhrases, synonymGroups } from './synonyms';

const groups = synonymGroups([{ code: 'CPC', name: 'Certified Professional Coder' }]);

describe('synonyms', () => {
  it('finds the equivalents of a term, credential names included', () => {
    expect(alternativesOf('E&M', groups)).toEqual(expect.arrayContaining(['e/m', 'e&m', 'evaluation and management']));
    expect(alternativesOf('CPC', groups)).toEqual(['cpc', 'certified professional coder']);
    expect(alternativesOf('auditor', groups)).toEqual(['auditor']);
  });

  it('joins words that spell a multi-word synonym into one phrase', () => {
    const joined = joinSynonymPhrases(parseQuery('evaluation and management coder'), groups);
    expect(joined.map((c) => c[0].text)).toEqual(['evaluation and management', 'coder']);
    expect(joined[0][0].phrase).toBe(true);
  });

  it('leaves exclusions and phrases alone', () => {
    const joined = joinSynonymPhrases(parseQuery('-risk adjustment'), groups);
    expect(joined.map((c) => c[0].text)).toEqual(['risk', 'adjustment']);
  });
});
