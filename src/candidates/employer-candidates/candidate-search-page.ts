import { WORKPLACE_LABELS } from '../../jobs/job-presenter';
import { WORKPLACES } from '../../jobs/job.entity';
import { US_STATE_NAMES } from '../../jobs/us-states';
import { CandidateSearchQuery, candidateSearchParams, CandidateSort, MAX_CANDIDATE_QUERY_LENGTH, MAX_YEARS } from './candidate-search-query';
import { CandidateSearchResult } from './candidate-search.service';

const SEARCH_PATH = '/employer/candidates';

const SORT_LABELS: Record<CandidateSort, string> = { relevance: 'Best match', updated: 'Recently updated', experience: 'Most experience' };

const pathOf = (query: CandidateSearchQuery, changes: Partial<CandidateSearchQuery> = {}): string => {
  const params = candidateSearchParams(query, changes).toString();
  return params ? `${SEARCH_PATH}?${params}` : SEARCH_PATH;
};

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

/**
 * What /employer/candidates shows: one GET form with every filter (checkbox
 * groups through the job search's `search_facet` partial), the hits as
 * cards, sorts and pages as links that keep the rest of the search.
 */
export function presentCandidateSearchPage(result: CandidateSearchResult) {
  const { query, choices } = result;
  const facet = (name: 'credential' | 'workplace', legend: string, options: Array<{ value: string; label: string }>) => ({
    name,
    legend,
    type: 'checkbox',
    long: options.length > 8,
    options: options.map((o) => ({ id: `${name}-${o.value}`, value: o.value, label: o.label, checked: (query[name] as string[]).includes(o.value) })),
  });
  const select = (values: string[], options: Array<{ value: string; label: string }>): Option[] =>
    options.map((o) => ({ ...o, selected: values.includes(o.value) }));
  const plural = (n: number) => `${n.toLocaleString('en-US')} candidate${n === 1 ? '' : 's'}`;
  const first = (result.page - 1) * result.perPage + 1;

  return {
    organization: result.organization,
    q: query.q,
    maxQueryLength: MAX_CANDIDATE_QUERY_LENGTH,
    /** Text, so that 0 still shows in the box. */
    minYears: query.minYears === null ? '' : String(query.minYears),
    maxYears: MAX_YEARS,
    facetGroups: [
      facet(
        'credential',
        'Credentials (held, not expired)',
        choices.credentials.map((c) => ({ value: c.code, label: `${c.code}: ${c.name}` })),
      ),
      facet(
        'workplace',
        'Open to',
        WORKPLACES.map((w) => ({ value: w, label: WORKPLACE_LABELS[w] })),
      ),
    ],
    specialtyOptions: select(
      query.specialty,
      choices.specialties.map((s) => ({ value: s.slug, label: s.parent ? `— ${s.name}` : s.name })),
    ),
    stateOptions: select(
      query.state,
      Object.entries(US_STATE_NAMES).map(([code, name]) => ({ value: code, label: name })),
    ),
    summary: result.total ? `${plural(result.total)} found` : 'No candidates match',
    range: result.hits.length ? `${first}–${first + result.hits.length - 1} of ${result.total.toLocaleString('en-US')}` : null,
    sorts: (query.q ? (['relevance', 'updated', 'experience'] as const) : (['updated', 'experience'] as const)).map((sort) => ({
      label: SORT_LABELS[sort],
      current: sort === query.sort,
      path: pathOf(query, { sort, page: 1 }),
    })),
    hits: result.hits,
    clearPath:
      query.q || query.credential.length || query.specialty.length || query.state.length || query.workplace.length || query.minYears !== null
        ? SEARCH_PATH
        : null,
    pagination:
      result.pageCount > 1
        ? {
            previousPath: result.page > 1 ? pathOf(query, { page: result.page - 1 }) : null,
            nextPath: result.page < result.pageCount ? pathOf(query, { page: result.page + 1 }) : null,
            links: Array.from({ length: result.pageCount }, (_, i) => ({
              number: i + 1,
              current: i + 1 === result.page,
              path: pathOf(query, { page: i + 1 }),
            })),
          }
        : null,
  };
}
