import type { Specialty } from '../taxonomy/specialty.entity';

export type CodeSystem = 'icd-10-cm' | 'hcpcs' | 'cpt';

/** How each system is named, here and in the taxonomy (a specialty's codeSystem). */
export const CODE_SYSTEM_NAMES: Record<CodeSystem, string> = { 'icd-10-cm': 'ICD-10-CM', hcpcs: 'HCPCS Level II', cpt: 'CPT' };

export type SectionSource = Pick<Specialty, 'slug' | 'name' | 'codeSystem' | 'ranges' | 'group' | 'parent'>;

export interface CodePlace {
  /** The section (or the code set itself), or null for a CPT number in no section's range ("CPT code, section not known"). */
  section: SectionSource | null;
  /** The subsection within it (a surgery subsection, a HCPCS letter group). */
  subsection: SectionSource | null;
}

/**
 * CPT by number and structure only: no AMA descriptor text is shipped or
 * generated. A well-formed code is five digits (Category I), or four digits
 * and F (Category II), T (Category III) or U (Proprietary Laboratory
 * Analyses).
 */
const CPT_CODE = /^(\d{5}|\d{4}[FTU])$/;
/** ICD-10-CM without its dot: a letter, a digit, then one to five letters or digits. */
const ICD_CODE = /^[A-Z]\d[0-9A-Z]{1,5}$/;
/** HCPCS Level II: a letter and four digits, or a two-character modifier. */
const HCPCS_CODE = /^([A-Z]\d{4}|[0-9A-Z]{2})$/;

/** Category III and PLA have no ranges in the taxonomy: their numbers grow with every release. */
const CPT_SECTION_BY_SUFFIX: Record<string, string> = { T: 'cpt-category-iii', U: 'cpt-pla' };

/** The code as stored (upper case, no dot), if it is well formed for its system. */
export function normalizeCode(system: CodeSystem, input: string): string | null {
  const code = input.trim().toUpperCase().replace(/\./g, '');
  const pattern = system === 'cpt' ? CPT_CODE : system === 'icd-10-cm' ? ICD_CODE : HCPCS_CODE;
  return pattern.test(code) ? code : null;
}

/** As coders write it: ICD-10-CM with the dot after the third character (E119 → E11.9). */
export function displayCode(system: CodeSystem, code: string): string {
  return system === 'icd-10-cm' && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/**
 * Whether a range holds the code. ICD-10-CM and HCPCS ranges name
 * categories (A00–Z99, J0000–J9999): the code's first characters are
 * compared. CPT ranges hold codes of one length and form (five digits, or
 * four digits and the same letter).
 */
function holds([from, to]: [string, string], code: string, system: CodeSystem): boolean {
  const key = system === 'cpt' ? code : code.slice(0, from.length);
  if (key.length !== from.length) return false;
  if (system === 'cpt' && /^\d+$/.test(from) !== /^\d+$/.test(code)) return false;
  if (system === 'cpt' && !/^\d+$/.test(code) && from.slice(-1) !== code.slice(-1)) return false;
  return key >= from && key <= to;
}

/** The narrowest of `candidates` with a range that holds the code. */
function narrowest(candidates: readonly SectionSource[], code: string, system: CodeSystem): SectionSource | null {
  let best: { specialty: SectionSource; span: number } | null = null;
  for (const specialty of candidates) {
    for (const range of specialty.ranges) {
      if (!holds(range, code, system)) continue;
      const span = parseInt(range[1].replace(/\D/g, ''), 10) - parseInt(range[0].replace(/\D/g, ''), 10) + (range[0] === range[1] ? 0 : 1);
      if (!best || span < best.span) best = { specialty, span };
    }
  }
  return best?.specialty ?? null;
}

/**
 * Where a code belongs in the taxonomy, from the ranges of its system's
 * specialties: 21925 → Surgery › Musculoskeletal system, J1100 → HCPCS
 * Level II › Drugs (J codes), E11.9 → ICD-10-CM. Where ranges overlap
 * (99100–99140, anesthesia's qualifying circumstances, lie inside Medicine)
 * the narrower wins. A HCPCS modifier belongs to HCPCS Level II itself.
 */
export function placeCode(system: CodeSystem, code: string, specialties: readonly SectionSource[]): CodePlace {
  const own = specialties.filter((s) => s.codeSystem === CODE_SYSTEM_NAMES[system] && s.group !== 'setting');
  const tops = own.filter((s) => !s.parent);
  const bySuffix = system === 'cpt' ? CPT_SECTION_BY_SUFFIX[code.slice(-1)] : undefined;
  let section = bySuffix ? (tops.find((s) => s.slug === bySuffix) ?? null) : narrowest(tops, code, system);
  // ICD-10-CM and HCPCS have one top entry, the code set itself, which holds codes its ranges do not name (modifiers).
  if (!section && system !== 'cpt' && tops.length) section = tops.find((s) => s.ranges.length) ?? tops[0];
  const subsection = section
    ? narrowest(
        own.filter((s) => s.parent === section.slug),
        code,
        system,
      )
    : null;
  return { section, subsection };
}
