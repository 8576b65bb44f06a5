/**
 * The search box's syntax, as websearch engines have taught people: words
 * must all match, "quoted phrases" match in order, -word excludes, and
 * `or` between two terms accepts either. The last plain word also matches
 * as a prefix, so a half-typed word still finds something.
 */
export interface QueryTerm {
  /** Letters, digits and the few joiners codes use (E/M, E&M, CPC-A); never empty. */
  text: string;
  phrase: boolean;
  negated: boolean;
  prefix: boolean;
}

/** Terms joined by OR; a query is clauses joined by AND. */
export type QueryClause = QueryTerm[];

/** More terms than this are ignored: nobody types them, and each one costs the engine. */
export const MAX_QUERY_TERMS = 12;

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

/** Keeps what a search can use of a word: letters, digits, and / & - ' inside it. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}/&'\- ]+/gu, ' ')
    .replace(/(^|\s)[/&'-]+|[/&'-]+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

export function parseQuery(input: string): QueryClause[] {
  const clauses: QueryClause[] = [];
  let joinNext = false;
  let count = 0;
  for (const match of input.matchAll(TOKEN)) {
    if (count >= MAX_QUERY_TERMS) break;
    const [, minus, quoted, bare] = match;
    if (bare !== undefined && bare.toLowerCase() === 'or') {
      joinNext = clauses.length > 0 && !clauses[clauses.length - 1][0].negated;
      continue;
    }
    const negated = quoted !== undefined ? minus === '-' : bare.startsWith('-') && bare.length > 1;
    const text = clean(quoted ?? (negated ? bare.slice(1) : bare));
    if (!hasWord(text)) continue;
    const term: QueryTerm = { text, phrase: quoted !== undefined || text.includes(' '), negated, prefix: false };
    count++;
    if (joinNext && !negated) clauses[clauses.length - 1].push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  // Only a plain last word that the user is still typing: not a phrase, an exclusion, or part of an `or`.
  const last = clauses[clauses.length - 1];
  if (last && last.length === 1 && !last[0].phrase && !last[0].negated && !/\s$/.test(input) && /^[\p{L}\p{N}]{2,}$/u.test(last[0].text)) {
    last[0].prefix = true;
  }
  return clauses;
}
