import type { QueryClause } from './query-syntax';

/**
 * Words coders use interchangeably. Each group's entries are equivalent;
 * a query term equal to one entry also matches the others. Credential codes
 * and their names join these groups at run time ("CPC" ↔ "certified
 * professional coder").
 */
export const SYNONYM_GROUPS: readonly string[][] = [
  ['e/m', 'e&m', 'evaluation and management'],
  ['hcc', 'risk adjustment', 'hierarchical condition category'],
  ['remote', 'work from home', 'wfh', 'telecommute'],
  ['ortho', 'orthopedic', 'orthopaedic', 'orthopedics', 'orthopaedics'],
  ['cdi', 'clinical documentation integrity', 'clinical documentation improvement'],
  ['ed', 'emergency department', 'er'],
  ['asc', 'ambulatory surgery center', 'ambulatory surgical center'],
  ['ob/gyn', 'obgyn', 'obstetrics and gynecology', 'obstetrics gynecology'],
];

export interface CredentialName {
  code: string;
  name: string;
}

export const normalizeTerm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every group: the fixed ones and one per credential. */
export function synonymGroups(credentials: CredentialName[]): string[][] {
  return [...SYNONYM_GROUPS.map((g) => [...g]), ...credentials.map((c) => [c.code.toLowerCase(), c.name.toLowerCase()])];
}

/** The term and what it is a synonym of, or just the term. */
export function alternativesOf(term: string, groups: string[][]): string[] {
  const key = normalizeTerm(term);
  const alternatives = new Set([key]);
  for (const group of groups) if (group.includes(key)) group.forEach((g) => alternatives.add(g));
  return [...alternatives];
}

/**
 * Joins runs of plain words that spell a multi-word synonym into one
 * phrase term, so "evaluation and management coder" also finds "E/M coder".
 */
export function joinSynonymPhrases(clauses: QueryClause[], groups: string[][]): QueryClause[] {
  const phrases = groups
    .flat()
    .filter((p) => p.includes(' '))
    .map((p) => p.split(' '))
    .sort((a, b) => b.length - a.length);
  const plain = (c: QueryClause) => c.length === 1 && !c[0].phrase && !c[0].negated;
  const result: QueryClause[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const phrase = phrases.find((words) => words.every((w, k) => clauses[i + k] && plain(clauses[i + k]) && normalizeTerm(clauses[i + k][0].text) === w));
    if (phrase) {
      result.push([{ text: phrase.join(' '), phrase: true, negated: false, prefix: false }]);
      i += phrase.length - 1;
    } else {
      result.push(clauses[i]);
    }
  }
  return result;
}
