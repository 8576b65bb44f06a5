import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cptStructure, CptSectionSource, normalizeCptCode } from './cpt-structure';

// As the taxonomy loads them: a specialty without ranges in the file has none.
const specialties = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'specialties.json'), 'utf8')) as CptSectionSource[]).map((s) => ({
  ...s,
  ranges: s.ranges ?? [],
}));
const where = (code: string) => {
  const structure = cptStructure(code, specialties);
  return structure && [structure.code, structure.section?.slug ?? null, structure.subsection?.slug ?? null];
};

describe('CPT structure from the taxonomy ranges', () => {
  it.each([
    ['10004', 'cpt-surgery', 'surgery-general'],
    ['19499', 'cpt-surgery', 'surgery-integumentary'],
    ['20100', 'cpt-surgery', 'surgery-musculoskeletal'],
    ['21925', 'cpt-surgery', 'surgery-musculoskeletal'],
    ['29999', 'cpt-surgery', 'surgery-musculoskeletal'],
    ['69990', 'cpt-surgery', 'surgery-operating-microscope'],
    ['99202', 'cpt-evaluation-management', null],
    ['99499', 'cpt-evaluation-management', null],
    ['00100', 'cpt-anesthesia', null],
    ['70010', 'cpt-radiology', null],
    ['0001F', 'cpt-category-ii', null],
    ['9007F', 'cpt-category-ii', null],
    ['0042T', 'cpt-category-iii', null],
    ['0001U', 'cpt-pla', null],
  ])('places %s in %s › %s', (code, section, subsection) => {
    expect(where(code)).toEqual([code, section, subsection]);
  });

  it('prefers the narrower of two ranges that hold a code: 99100–99140 are anesthesia, not medicine', () => {
    expect(where('99100')).toEqual(['99100', 'cpt-anesthesia', null]);
    expect(where('99141')).toEqual(['99141', 'cpt-medicine', null]);
  });

  it('knows a well-formed number in no range as a CPT code of unknown section, not an error', () => {
    expect(where('69995')).toEqual(['69995', null, null]);
    expect(where('70000')).toEqual(['70000', null, null]);
    expect(where('9999F')).toEqual(['9999F', null, null]);
  });

  it('upper-cases the letter and refuses what is not a CPT code', () => {
    expect(normalizeCptCode(' 0001f ')).toBe('0001F');
    for (const input of ['2192', '219250', 'ABCDE', '1234X', 'E11.9', '', '99 202']) expect(cptStructure(input, specialties)).toBeNull();
  });
});
