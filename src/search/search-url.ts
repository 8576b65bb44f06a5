import type { InferredFilter } from './filter-inference';
import { JobSearchQuery, ListFilter, SEARCH_PARAMS } from './job-search-query';
import { DEFAULT_PER_PAGE, SearchSort } from './job-search.port';
import { parseQuery } from './query-syntax';

export type SearchParam = (typeof SEARCH_PARAMS)[number];

/** Filters that hold one value at most: a change clears them rather than removing a value. */
export type SingleFilter = 'salaryMin' | 'apprentice' | 'postedWithin';

/** What a search URL carries: the query as the user asked for it, inferred filters left in `q`. */
export interface SearchUrlState {
  q: string;
  selected: JobSearchQuery['selected'];
  literal: boolean;
  /** Null: the default sort. */
  sort: SearchSort | null;
  /** Whether words remain to rank by, which decides the default sort. */
  hasText: boolean;
  page: number;
  perPage: number;
}

/** One step from the current search to a linked one. */
export type SearchChange = (state: SearchUrlState) => SearchUrlState;

/** Relevance with words to rank by, newest without (as the query builder decides). */
const defaultSort = (hasText: boolean): SearchSort => (hasText ? 'relevance' : 'newest');

function stateOf(query: JobSearchQuery): SearchUrlState {
  const { selected } = query;
  return {
    q: query.q,
    selected: {
      ...selected,
      credential: [...selected.credential],
      specialty: [...selected.specialty],
      setting: [...selected.setting],
      workplace: [...selected.workplace],
      state: [...selected.state],
      employmentType: [...selected.employmentType],
      organization: [...selected.organization],
    },
    literal: query.literal,
    sort: query.sortChosen ? query.sort : null,
    hasText: query.clauses.length > 0,
    page: query.page,
    perPage: query.perPage,
  };
}

function values(state: SearchUrlState, name: SearchParam): string[] {
  const { selected } = state;
  switch (name) {
    case 'q':
      return state.q ? [state.q] : [];
    case 'salaryMin':
      return selected.salaryMin ? [String(selected.salaryMin)] : [];
    case 'apprentice':
      return selected.apprentice ? ['true'] : [];
    case 'postedWithin':
      return selected.postedWithin ? [String(selected.postedWithin)] : [];
    case 'sort':
      return state.sort && state.sort !== defaultSort(state.hasText) ? [state.sort] : [];
    case 'page':
      return state.page > 1 ? [String(state.page)] : [];
    case 'perPage':
      return state.perPage !== DEFAULT_PER_PAGE ? [String(state.perPage)] : [];
    case 'literal':
      // Without words there is nothing to read literally.
      return state.literal && state.q ? ['1'] : [];
    default:
      return [...selected[name]].sort();
  }
}

/**
 * The search's URL parameters in their one canonical form: SEARCH_PARAMS
 * order, repeated keys for several values (as a GET form sends them),
 * values sorted, defaults left out, and inferred filters left in `q` where
 * they came from.
 */
export function searchParams(query: JobSearchQuery, change?: SearchChange): Array<[SearchParam, string]> {
  const state = change ? change(stateOf(query)) : stateOf(query);
  return SEARCH_PARAMS.flatMap((name) => values(state, name).map((value): [SearchParam, string] => [name, value]));
}

/** The canonical, shareable path of the search (or of the search after `change`). */
export function searchPath(query: JobSearchQuery, change?: SearchChange): string {
  const params = new URLSearchParams(searchParams(query, change)).toString();
  return params ? `/jobs?${params}` : '/jobs';
}

/** Any change to what is searched starts again from the first page. */
const restart = (state: SearchUrlState): SearchUrlState => ({ ...state, page: 1 });

export function withValue(filter: ListFilter, value: string): SearchChange {
  return (state) => {
    const list = state.selected[filter] as string[];
    return restart(list.includes(value) ? state : { ...state, selected: { ...state.selected, [filter]: [...list, value] } });
  };
}

export function withoutValue(filter: ListFilter, value: string): SearchChange {
  return (state) => restart({ ...state, selected: { ...state.selected, [filter]: (state.selected[filter] as string[]).filter((v) => v !== value) } });
}

export function withoutFilter(filter: SingleFilter): SearchChange {
  return (state) => restart({ ...state, selected: { ...state.selected, [filter]: filter === 'apprentice' ? false : null } });
}

/** Every filter the user chose off; filters read from the words stay with the words. */
export function withoutFilters(): SearchChange {
  return (state) =>
    restart({
      ...state,
      selected: {
        credential: [],
        specialty: [],
        setting: [],
        workplace: [],
        state: [],
        employmentType: [],
        organization: [],
        salaryMin: null,
        apprentice: false,
        postedWithin: null,
      },
    });
}

/** The inferred filter off, by taking its words out of the query (they are what set it). */
export function withoutInferred(inferred: Pick<InferredFilter, 'words'>): SearchChange {
  return (state) => {
    const padded = ` ${state.q} `;
    const at = padded.indexOf(` ${inferred.words} `);
    if (at < 0) return restart(state);
    const q = `${padded.slice(0, at)} ${padded.slice(at + inferred.words.length + 2)}`.replace(/\s+/g, ' ').trim();
    return restart({ ...state, q });
  };
}

/** Every word of the query searched as typed (`literal=1`): no filters read from it. */
export function asLiteral(): SearchChange {
  return (state) => restart({ ...state, literal: true, hasText: parseQuery(state.q).length > 0 });
}

/** Filter words read as filters again (undoes asLiteral). */
export function withInference(): SearchChange {
  return (state) => restart({ ...state, literal: false });
}

export function sortedBy(sort: SearchSort): SearchChange {
  return (state) => restart({ ...state, sort });
}

export function atPage(page: number): SearchChange {
  return (state) => ({ ...state, page });
}
