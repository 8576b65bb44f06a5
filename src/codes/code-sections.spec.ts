import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayCode, normalizeCode, placeCode, SectionSource } from './code-sections';

// As the taxonomy loads them: a specialty without ranges in the file has none.
const specialties = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'specialties.json'), 'utf8')) as SectionSource[]).map((s) => ({
  ...s,
  ranges: s.ranges ?? [],
}));
const cpt = (input: string) => {
  const code = normalizeCode('cpt', input);
  if (!code) return null;
  const { section, subsection } = placeCode('cpt', code, specialties);
  return [code, section?.slug ?? null, subsection?.slug ?? null];
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
    expect(cpt(code)).toEqual([code, section, subsection]);
  });

  it('prefers the narrower of two ranges that hold a code: 99100–99140 are anesthesia, not medicine', () => {
    expect(cpt('99100')).toEqual(['99100', 'cpt-anesthesia', null]);
    expect(cpt('99141')).toEqual(['99141', 'cpt-medicine', null]);
  });

  it('knows a well-formed number in no range as a CPT code of unknown section, not an error', () => {
    expect(cpt('69995')).toEqual(['69995', null, null]);
    expect(cpt('70000')).toEqual(['70000', null, null]);
    expect(cpt('9999F')).toEqual(['9999F', null, null]);
  });

  it('upper-cases the letter and refuses what is not a CPT code', () => {
    expect(normalizeCode('cpt', ' 0001f ')).toBe('0001F');
    for (const input of ['2192', '219250', 'ABCDE', '1234X', 'E11.9', '', '99 202']) expect(cpt(input)).toBeNull();
  });
});

describe('ICD-10-CM and HCPCS codes', () => {
  it('reads ICD-10-CM with or without the dot and shows it with the dot', () => {
    expect(normalizeCode('icd-10-cm', 'e11.9')).toBe('E119');
    expect(normalizeCode('icd-10-cm', 'E119')).toBe('E119');
    expect(displayCode('icd-10-cm', 'E119')).toBe('E11.9');
    expect(displayCode('icd-10-cm', 'E11')).toBe('E11');
    expect(displayCode('icd-10-cm', 'S0001XA')).toBe('S00.01XA');
    for (const input of ['11.9', 'E', 'E11.9999999', '21925']) expect(normalizeCode('icd-10-cm', input)).toBeNull();
  });

  it('places codes in their code set and HCPCS letter groups', () => {
    const place = (system: 'icd-10-cm' | 'hcpcs', code: string) => {
      const { section, subsection } = placeCode(system, code, specialties);
      return [section?.slug ?? null, subsection?.slug ?? null];
    };
    expect(place('icd-10-cm', 'E119')).toEqual(['icd-10-cm', null]);
    expect(place('hcpcs', 'J1100')).toEqual(['hcpcs-level-ii', 'hcpcs-drugs-j-codes']);
    expect(place('hcpcs', 'K0001')).toEqual(['hcpcs-level-ii', 'hcpcs-dme']);
    expect(place('hcpcs', 'A0021')).toEqual(['hcpcs-level-ii', null]);
    expect(place('hcpcs', 'LT')).toEqual(['hcpcs-level-ii', null]);
    expect(normalizeCode('hcpcs', 'j1100')).toBe('J1100');
  });
});
