import type { CodeSystem } from '../codes/code-sections';

/** One of a specialty's code ranges as its page shows it: linked where the reference can open it. */
export interface CodeRangeView {
  label: string;
  /** The first and last codes' pages (CPT and ICD-10-CM), or the code set's section (HCPCS letters). */
  links: Array<{ label: string; path: string }>;
}

/** The reference's code systems by the names the taxonomy uses; ICD-10-PCS has no pages here. */
const SYSTEM_OF: Record<string, CodeSystem> = { CPT: 'cpt', 'ICD-10-CM': 'icd-10-cm', 'HCPCS Level II': 'hcpcs' };

/**
 * A range's links. A CPT number always opens (by structure), an ICD-10-CM
 * range is a chapter span of three-character categories, and a HCPCS range
 * (J0000–J9999) is a letter's section: its bounds are not codes.
 */
export function codeRangeView(codeSystem: string, [from, to]: [string, string]): CodeRangeView {
  const label = from === to ? from : `${from}–${to}`;
  const system = SYSTEM_OF[codeSystem];
  if (system === 'hcpcs') {
    const letters = [...new Set([from[0], to[0]])];
    return { label, links: letters.map((letter) => ({ label: `HCPCS ${letter} codes`, path: `/codes/hcpcs/sections/${letter}` })) };
  }
  if (system === 'cpt' || system === 'icd-10-cm') {
    const bounds = from === to ? [from] : [from, to];
    return { label, links: bounds.map((code) => ({ label: code, path: `/codes/${system}/${code}` })) };
  }
  return { label, links: [] };
}

/** The credentials most asked for, from the search's credential facet (counts of open jobs), most first. */
export function topCredentials(
  counts: Record<string, number>,
  credentials: ReadonlyArray<{ code: string; name: string }>,
  limit: number,
): Array<{ code: string; name: string; jobs: number }> {
  return credentials
    .map(({ code, name }) => ({ code, name, jobs: counts[code] ?? 0 }))
    .filter((c) => c.jobs > 0)
    .sort((a, b) => b.jobs - a.jobs || a.code.localeCompare(b.code))
    .slice(0, limit);
}
