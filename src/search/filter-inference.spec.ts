import { inferFilters } from './filter-inference';

const CODES = ['CPC', 'CPC-A', 'CCS', 'CCS-P', 'CRC', 'RHIT'];

describe('inferFilters', () => {
  it('turns "CPC remote Texas" into three filters and no text', () => {
    expect(inferFilters('CPC remote Texas', CODES)).toEqual({
      text: '',
      inferred: [
        { filter: 'workplace', value: 'remote', words: 'remote' },
        { filter: 'state', value: 'TX', words: 'Texas' },
        { filter: 'credential', value: 'CPC', words: 'CPC' },
      ],
    });
  });

  it('keeps the words that are not filters as the text query', () => {
    expect(inferFilters('inpatient coder ccs-p work from home in North Carolina', CODES)).toEqual({
      text: 'inpatient coder in',
      inferred: [
        { filter: 'workplace', value: 'remote', words: 'work from home' },
        { filter: 'state', value: 'NC', words: 'North Carolina' },
        { filter: 'credential', value: 'CCS-P', words: 'ccs-p' },
      ],
    });
  });

  it('reads a two-letter state only in capitals, and never part of a word', () => {
    expect(inferFilters('coder in or near me', CODES).inferred).toEqual([]);
    expect(inferFilters('coder OR', CODES).inferred).toEqual([{ filter: 'state', value: 'OR', words: 'OR' }]);
    expect(inferFilters('CPCs remotely', CODES).inferred).toEqual([]);
  });

  it('prefers the longer state name ("West Virginia" is not Virginia)', () => {
    expect(inferFilters('West Virginia hospital', CODES).inferred).toEqual([{ filter: 'state', value: 'WV', words: 'West Virginia' }]);
  });

  it('takes a repeated filter once and leaves hostile text alone', () => {
    expect(inferFilters('CPC cpc', CODES).inferred).toHaveLength(1);
    expect(inferFilters(`' OR 1=1-- %_\\ "x"`, CODES)).toEqual({ text: `' 1=1-- %_\\ "x"`, inferred: [{ filter: 'state', value: 'OR', words: 'OR' }] });
  });
});
