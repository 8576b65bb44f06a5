import { US_STATE } from '../jobs/dto/job-input.dto';
import { US_STATE_NAMES } from '../jobs/us-states';

const WORKPLACE_WORDS: Record<string, 'remote' | 'hybrid' | 'onsite'> = {
  remote: 'remote',
  wfh: 'remote',
  'work from home': 'remote',
  telecommute: 'remote',
  hybrid: 'hybrid',
  onsite: 'onsite',
  'on-site': 'onsite',
};

export interface InferredFilter {
  filter: 'credential' | 'workplace' | 'state';
  value: string;
  /** The words of the query that became this filter, to show and to undo. */
  words: string;
}

export interface Inference {
  /** What is left of the query for full-text search. */
  text: string;
  inferred: InferredFilter[];
}

/** A whole word or phrase, case-insensitive, between the spaces `inferFilters` pads with. */
const wordPattern = (phrase: string) => new RegExp(`(?<=\\s)(${phrase.replace(/[-/]/g, '\\$&')})(?=\\s)`, 'gi');

// Compiled once, longest phrases first, so "work from home" wins over its words and "West Virginia" over "Virginia".
const WORKPLACE_PATTERNS = Object.entries(WORKPLACE_WORDS)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([phrase, value]) => [wordPattern(phrase), value] as const);
const STATE_NAME_PATTERNS = Object.entries(US_STATE_NAMES)
  .sort((a, b) => b[1].length - a[1].length)
  .map(([code, name]) => [wordPattern(name.toLowerCase()), code] as const);

/**
 * Turns words that are plainly filters into filters: "CPC remote Texas"
 * becomes credential CPC, workplace remote and state TX with no text left.
 * Only whole words match, and a two-letter state only counts in capitals
 * ("in", "or" and "me" are words).
 */
export function inferFilters(query: string, credentialCodes: string[]): Inference {
  const codes = new Map(credentialCodes.map((c) => [c.toLowerCase(), c]));
  const inferred: InferredFilter[] = [];
  let rest = ` ${query.replace(/\s+/g, ' ').trim()} `;

  const take = (pattern: RegExp, make: (match: string) => InferredFilter | undefined) => {
    rest = rest.replace(pattern, (whole, word: string) => {
      const filter = make(word);
      if (!filter || inferred.some((f) => f.filter === filter.filter && f.value === filter.value)) return whole;
      inferred.push(filter);
      return ' ';
    });
  };

  for (const [pattern, value] of WORKPLACE_PATTERNS) take(pattern, (word) => ({ filter: 'workplace', value, words: word }));
  for (const [pattern, code] of STATE_NAME_PATTERNS) take(pattern, (word) => ({ filter: 'state', value: code, words: word }));
  take(/(?<=\s)([A-Za-z]{2,6}(?:-[A-Za-z])?)(?=\s)/g, (word) => {
    const code = codes.get(word.toLowerCase());
    return code ? { filter: 'credential', value: code, words: word } : undefined;
  });
  take(/(?<=\s)([A-Z]{2})(?=\s)/g, (word) => (US_STATE.test(word) ? { filter: 'state', value: word, words: word } : undefined));

  return { text: rest.replace(/\s+/g, ' ').trim(), inferred };
}
