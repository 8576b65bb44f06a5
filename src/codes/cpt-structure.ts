import type { Specialty } from '../taxonomy/specialty.entity';

/**
 * CPT by number and structure only: no AMA descriptor text is shipped or
 * generated. A well-formed code is five digits (Category I), or four digits
 * and F (Category II), T (Category III) or U (Proprietary Laboratory
 * Analyses).
 */
const CPT_CODE = /^(\d{5}|\d{4}[FTU])$/;

/** Category III and PLA have no ranges in the taxonomy: their numbers grow with every release. */
const SECTION_BY_SUFFIX: Record<string, string> = { T: 'cpt-category-iii', U: 'cpt-pla' };

export type CptSectionSource = Pick<Specialty, 'slug' | 'name' | 'codeSystem' | 'ranges' | 'group' | 'parent'>;

export interface CptStructure {
  /** Upper-cased: 0001f → 0001F. */
  code: string;
  /** The section, or null for a number in no section's range ("CPT code, section not known"). */
  section: CptSectionSource | null;
  /** The surgery subsection, when the section has subsections. */
  subsection: CptSectionSource | null;
}

/** The code as written, upper-cased, if it is a well-formed CPT code. */
export function normalizeCptCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CPT_CODE.test(code) ? code : null;
}

/** Five digits, or the letter a Category II, III or PLA code ends with: only codes of one form share a range. */
const formOf = (code: string) => (/^\d+$/.test(code) ? 'digits' : code.slice(-1));

/** The narrowest of `candidates` whose ranges hold `code` (codes of one length and form compare as strings). */
function narrowest(candidates: readonly CptSectionSource[], code: string): CptSectionSource | null {
  let best: { specialty: CptSectionSource; span: number } | null = null;
  for (const specialty of candidates) {
    for (const [from, to] of specialty.ranges) {
      if (from.length !== code.length || formOf(from) !== formOf(code) || code < from || code > to) continue;
      const span = parseInt(to, 10) - parseInt(from, 10);
      if (!best || span < best.span) best = { specialty, span };
    }
  }
  return best?.specialty ?? null;
}

/**
 * The section and subsection of a well-formed CPT code, from the ranges of
 * the taxonomy's CPT sections (21925 → Surgery › Musculoskeletal system).
 * Where ranges overlap (99100–99140, anesthesia's qualifying circumstances,
 * lies inside Medicine) the narrower range wins. Null for a malformed code.
 */
export function cptStructure(input: string, specialties: readonly CptSectionSource[]): CptStructure | null {
  const code = normalizeCptCode(input);
  if (!code) return null;
  const cpt = specialties.filter((s) => s.codeSystem === 'CPT');
  const sections = cpt.filter((s) => s.group === 'cpt-section');
  const bySuffix = SECTION_BY_SUFFIX[code.slice(-1)];
  const section = bySuffix ? (sections.find((s) => s.slug === bySuffix) ?? null) : narrowest(sections, code);
  const subsection = section
    ? narrowest(
        cpt.filter((s) => s.parent === section.slug),
        code,
      )
    : null;
  return { code, section, subsection };
}
