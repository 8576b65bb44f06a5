import { EMPLOYMENT_TYPES, EmploymentType, Workplace, WORKPLACES } from '../jobs/job.entity';
import { EMPLOYMENT_TYPE_LABELS, JobDetailsView, WORKPLACE_LABELS } from '../jobs/job-presenter';
import { stateName, US_STATE_NAMES } from '../jobs/us-states';
import type { Specialty } from '../taxonomy/specialty.entity';
import { InferredFilter, inferFilters } from './filter-inference';
import { JobSearchQuery, ListFilter, MAX_QUERY_LENGTH } from './job-search-query';
import type { JobSearchResult } from './job-search-result';
import { Facet, MAX_RESULT_WINDOW, POSTED_WITHIN_DAYS, PostedWithin, SALARY_BANDS, SEARCH_SORTS, SearchSort } from './job-search.port';
import {
  asLiteral,
  atPage,
  searchParams,
  searchPath,
  SearchParam,
  SingleFilter,
  sortedBy,
  withInference,
  withoutFilter,
  withoutFilters,
  withoutInferred,
  withoutValue,
} from './search-url';

export interface LinkView {
  label: string;
  path: string;
}

export interface FacetOptionView {
  /** The input's id, unique on the page. */
  id: string;
  value: string;
  label: string;
  /** A credential's full name beside its code. */
  detail: string | null;
  /** Jobs the search would find with this value too; null where no count applies. */
  count: string | null;
  checked: boolean;
  /** Set by words of the query: shown ticked but not sent, so the words stay the one place it lives. */
  inferred: boolean;
  /** A subsection shown under its parent (Surgery: Digestive System under Surgery). */
  child: boolean;
}

export interface FacetGroupView {
  /** The URL parameter the inputs send. */
  name: SearchParam;
  legend: string;
  type: 'checkbox' | 'radio';
  options: FacetOptionView[];
  /** Long enough to scroll in its own box. */
  long: boolean;
}

/** An active filter, with the search without it. */
export interface ChipView {
  label: string;
  path: string;
  inferred: boolean;
}

export interface PageLinkView {
  number: number;
  path: string;
  current: boolean;
}

export interface SortView {
  label: string;
  path: string;
  current: boolean;
}

export interface SearchPageView {
  /** For the layout's <title>: the heading, with the page number past the first. */
  title: string;
  heading: string;
  metaDescription: string;
  canonicalUrl: string;
  q: string;
  /** The longest query the search accepts, for the box's maxlength. */
  maxQueryLength: number;
  /** What the form sends that has no control of its own (employer, sort, page size, literal). */
  hiddenFields: Array<{ name: string; value: string }>;
  facetGroups: FacetGroupView[];
  chips: ChipView[];
  /** Removes every chosen filter; only when more than one is active. */
  clearFiltersPath: string | null;
  /** Words of the query that became filters, and the way back to plain words. */
  inference: { q: string; filters: string; literal: LinkView } | null;
  /** The query searched as typed although some words could be filters. */
  literalSearch: { q: string; inference: LinkView } | null;
  /** "1,234 jobs", "about 480,000 jobs". */
  summary: string;
  /** "21–40" for the hits shown; null when they are all of them (or none). */
  range: string | null;
  sorts: SortView[];
  cards: Array<JobDetailsView & { highlightHtml: string | null }>;
  pagination: { previousPath: string | null; nextPath: string | null; links: Array<PageLinkView | null> } | null;
  capped: { message: string; lastPage: LinkView } | null;
  pastEnd: { message: string; firstPage: LinkView } | null;
  empty: { message: string; suggestions: Array<{ text: string; links: LinkView[] }> } | null;
}

const FILTER_NOUNS: Record<ListFilter | SingleFilter, string> = {
  credential: 'Credential',
  specialty: 'Specialty',
  setting: 'Setting',
  workplace: 'Workplace',
  state: 'State',
  employmentType: 'Employment type',
  organization: 'Employer',
  salaryMin: 'Salary',
  apprentice: 'Apprentice-friendly',
  postedWithin: 'Posted',
};

const POSTED_LABELS: Record<PostedWithin, string> = { 1: 'Past 24 hours', 7: 'Past 7 days', 30: 'Past 30 days' };

const SORT_LABELS: Record<SearchSort, string> = { relevance: 'Relevance', newest: 'Newest', salary: 'Highest salary' };

/** Filters that are chips on the page but not inputs of the form (no facet lists them). */
const HIDDEN_PARAMS: ReadonlySet<SearchParam> = new Set(['organization', 'sort', 'perPage', 'literal']);

/** More options than this scroll inside their group. */
const LONG_GROUP = 10;

const number = (n: number) => n.toLocaleString('en-US');
const jobsCount = (n: number) => `${number(n)} job${n === 1 ? '' : 's'}`;
const usd = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);
const salaryLabel = (yearly: number) => `${usd(yearly)}+`;

/** The label of a filter's value ("CPC", "Texas", "Surgery: Digestive System"). */
type ValueLabel = (filter: ListFilter, value: string) => string;

/** Labels of every value a filter may hold, from the taxonomy and the jobs on the page. */
function valueLabels(result: JobSearchResult): ValueLabel {
  const specialtyNames = new Map(result.taxonomy.specialties.map((s) => [s.slug, s.name]));
  const organizationNames = new Map(result.hits.map(({ job }) => [job.organization.slug, job.organization.name]));
  return (filter, value) => {
    switch (filter) {
      case 'specialty':
      case 'setting':
        return specialtyNames.get(value) ?? value;
      case 'workplace':
        return WORKPLACE_LABELS[value as Workplace] ?? value;
      case 'state':
        return stateName(value);
      case 'employmentType':
        return EMPLOYMENT_TYPE_LABELS[value as EmploymentType] ?? value;
      case 'organization':
        return organizationNames.get(value) ?? value;
      default:
        return value;
    }
  };
}

/** Specialties in taxonomy order, each parent followed by its subsections. */
function specialtyTree(specialties: Specialty[]): Array<{ specialty: Specialty; depth: number }> {
  const slugs = new Set(specialties.map((s) => s.slug));
  const children = new Map<string, Specialty[]>();
  for (const s of specialties) if (s.parent && slugs.has(s.parent)) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const ordered: Array<{ specialty: Specialty; depth: number }> = [];
  const visit = (s: Specialty, depth: number) => {
    ordered.push({ specialty: s, depth });
    for (const child of children.get(s.slug) ?? []) visit(child, depth + 1);
  };
  for (const s of specialties) if (!s.parent || !slugs.has(s.parent)) visit(s, 0);
  return ordered;
}

function option(name: SearchParam, value: string, label: string, more: Partial<FacetOptionView> = {}): FacetOptionView {
  const id = `filter-${name}-${(value || 'any').replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return { id, value, label, detail: null, count: null, checked: false, inferred: false, child: false, ...more };
}

function group(name: SearchParam, legend: string, type: FacetGroupView['type'], options: FacetOptionView[]): FacetGroupView {
  return { name, legend, type, options, long: options.length > LONG_GROUP };
}

function facetGroups(result: JobSearchResult, label: ValueLabel): FacetGroupView[] {
  const { query, facets } = result;
  const { selected } = query;

  /** The values of a list facet that some job has, and those chosen (even without jobs, so they can be unticked). */
  const listed = (filter: ListFilter & Facet, values: Array<{ value: string; detail?: string; depth?: number }>): FacetOptionView[] =>
    values.flatMap(({ value, detail, depth }) => {
      const count = facets[filter][value] ?? 0;
      const inferred = query.inferred.some((f) => f.filter === filter && f.value === value);
      const checked = inferred || (selected[filter] as string[]).includes(value);
      if (!count && !checked) return [];
      return [option(filter, value, label(filter, value), { detail: detail ?? null, count: number(count), checked, inferred, child: !!depth })];
    });

  // An amount typed into the URL shows beside the bands, chosen, so sending the form keeps it.
  const bands = [...new Set<number>([...SALARY_BANDS, ...(selected.salaryMin ? [selected.salaryMin] : [])])].sort((a, b) => a - b);
  const salary = [
    option('salaryMin', '', 'Any salary', { checked: !selected.salaryMin }),
    ...bands.flatMap((band) => {
      const count = facets.salary[String(band)];
      const checked = selected.salaryMin === band;
      if (!count && !checked) return [];
      return [option('salaryMin', String(band), salaryLabel(band), { count: count == null ? null : number(count), checked })];
    }),
  ];
  const posted = [
    option('postedWithin', '', 'Any time', { checked: !selected.postedWithin }),
    ...POSTED_WITHIN_DAYS.map((days) => option('postedWithin', String(days), POSTED_LABELS[days], { checked: selected.postedWithin === days })),
  ];
  const credentials = result.taxonomy.credentials.map((c) => ({ value: c.code, detail: c.name }));
  const specialties = specialtyTree(result.taxonomy.specialties.filter((s) => s.group !== 'setting')).map(({ specialty, depth }) => ({
    value: specialty.slug,
    depth,
  }));
  const settings = result.taxonomy.specialties.filter((s) => s.group === 'setting').map((s) => ({ value: s.slug }));
  const values = (list: readonly string[]) => list.map((value) => ({ value }));

  return [
    group('credential', 'Credentials', 'checkbox', listed('credential', credentials)),
    group('workplace', 'Workplace', 'checkbox', listed('workplace', values(WORKPLACES))),
    group('state', 'State', 'checkbox', listed('state', values(Object.keys(US_STATE_NAMES)))),
    group('salaryMin', 'Salary (yearly)', 'radio', salary),
    group('specialty', 'Specialties', 'checkbox', listed('specialty', specialties)),
    group('setting', 'Settings', 'checkbox', listed('setting', settings)),
    group('employmentType', 'Employment type', 'checkbox', listed('employmentType', values(EMPLOYMENT_TYPES))),
    group('postedWithin', 'Posted', 'radio', posted),
    group('apprentice', 'Apprentices', 'checkbox', [option('apprentice', 'true', 'Apprentice-friendly (CPC-A welcome)', { checked: selected.apprentice })]),
  ].filter((g) => g.options.length > 0);
}

function chips(query: JobSearchQuery, label: ValueLabel): ChipView[] {
  const { selected } = query;
  const chip = (text: string, path: string, inferred = false): ChipView => ({ label: text, path, inferred });
  const inferred = query.inferred.map((f) => chip(`${inferredLabel(f, label)} (from your search)`, searchPath(query, withoutInferred(f)), true));
  const chosen = (['credential', 'specialty', 'setting', 'workplace', 'state', 'employmentType', 'organization'] as const).flatMap((filter) =>
    (selected[filter] as string[]).map((value) => chip(`${FILTER_NOUNS[filter]} ${label(filter, value)}`, searchPath(query, withoutValue(filter, value)))),
  );
  if (selected.salaryMin) chosen.push(chip(`Salary ${salaryLabel(selected.salaryMin)} a year`, searchPath(query, withoutFilter('salaryMin'))));
  if (selected.postedWithin) {
    chosen.push(chip(`Posted in the ${POSTED_LABELS[selected.postedWithin].toLowerCase()}`, searchPath(query, withoutFilter('postedWithin'))));
  }
  if (selected.apprentice) chosen.push(chip(FILTER_NOUNS.apprentice, searchPath(query, withoutFilter('apprentice'))));
  return [...inferred, ...chosen];
}

const inferredLabel = (f: InferredFilter, label: ValueLabel) => `${FILTER_NOUNS[f.filter]} ${label(f.filter, f.value)}`;

/** "CPC jobs in Texas", "Remote jobs": a title that names the search when it is only a credential, a workplace and a state. */
function headingOf(query: JobSearchQuery): string {
  const f = query.filters;
  const plain =
    !query.clauses.length &&
    [f.specialty, f.setting, f.employmentType, f.organizationIds].every((list) => !list.length) &&
    !f.salaryMin &&
    !f.apprentice &&
    !f.postedWithin &&
    f.credential.length <= 1 &&
    f.workplace.length <= 1 &&
    f.state.length <= 1;
  if (!plain) return 'Search jobs';
  const what = [f.workplace.length ? WORKPLACE_LABELS[f.workplace[0]] : '', f.credential[0] ?? ''].filter(Boolean).join(' ');
  if (!what && !f.state.length) return 'Jobs for medical coders';
  const jobs = what ? `${what} jobs` : 'Jobs';
  return f.state.length ? `${jobs} in ${stateName(f.state[0])}` : jobs;
}

function pageLinks(query: JobSearchQuery, pageCount: number): Array<PageLinkView | null> {
  const links: Array<PageLinkView | null> = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - query.page) <= 2) links.push({ number: n, path: searchPath(query, atPage(n)), current: n === query.page });
    else if (links[links.length - 1] !== null) links.push(null);
  }
  return links;
}

function emptyState(query: JobSearchQuery, activeChips: ChipView[]): NonNullable<SearchPageView['empty']> {
  if (!query.q && !activeChips.length) {
    return { message: 'No jobs are open right now. New postings appear here as soon as employers publish them.', suggestions: [] };
  }
  const suggestions: Array<{ text: string; links: LinkView[] }> = [];
  if (activeChips.length) suggestions.push({ text: 'Remove a filter:', links: activeChips.map(({ label, path }) => ({ label, path })) });
  if (query.clauses.length) suggestions.push({ text: `Check the spelling of “${query.text}”.`, links: [] });
  if (query.clauses.length > 1) suggestions.push({ text: 'Use fewer words, or more general ones such as a credential or a specialty.', links: [] });
  suggestions.push({ text: 'Or start again:', links: [{ label: 'Browse all open jobs', path: '/jobs' }] });
  return { message: 'No open jobs match this search.', suggestions };
}

/**
 * Everything the search page shows of one answered search. Pure: every
 * link comes from search-url.ts, so what the page links to is what the
 * query builder reads back. A degraded answer (Meilisearch down, Postgres
 * answered) looks like any other here; the service logs it.
 */
export function presentSearchPage(result: JobSearchResult, appUrl: string): SearchPageView {
  const { query } = result;
  const label = valueLabels(result);
  const activeChips = chips(query, label);
  const heading = headingOf(query);
  const summary = result.approximate ? `about ${jobsCount(result.total)}` : jobsCount(result.total);
  const offset = (query.page - 1) * query.perPage;
  const inferredChips = activeChips.filter((c) => c.inferred);
  const credentialCodes = result.taxonomy.credentials.map((c) => c.code);
  const wouldInfer = query.literal && !!query.q && inferFilters(query.q, credentialCodes).inferred.length > 0;
  // Past the deepest reachable result of a search with fewer results than that, the page is simply past the end.
  const capped = result.capped && result.total > MAX_RESULT_WINDOW;
  const pastEnd = !capped && (result.pastEnd || result.capped) && result.total > 0;

  return {
    title: query.page > 1 ? `${heading}, page ${query.page}` : heading,
    heading,
    metaDescription: `${heading}: ${summary} open now. Filter by credential, specialty, setting, workplace, state and salary.`,
    canonicalUrl: `${appUrl}${searchPath(query)}`,
    q: query.q,
    maxQueryLength: MAX_QUERY_LENGTH,
    hiddenFields: searchParams(query)
      .filter(([name]) => HIDDEN_PARAMS.has(name))
      .map(([name, value]) => ({ name, value })),
    facetGroups: facetGroups(result, label),
    chips: activeChips,
    clearFiltersPath: activeChips.length - inferredChips.length > 1 ? searchPath(query, withoutFilters()) : null,
    inference: inferredChips.length
      ? {
          q: query.q,
          filters: query.inferred.map((f) => inferredLabel(f, label)).join(', '),
          literal: { label: `Search for “${query.q}” as words instead`, path: searchPath(query, asLiteral()) },
        }
      : null,
    literalSearch: wouldInfer
      ? { q: query.q, inference: { label: 'Use its credential, workplace and state words as filters', path: searchPath(query, withInference()) } }
      : null,
    summary,
    range: result.hits.length && result.hits.length < result.total ? `${number(offset + 1)}–${number(offset + result.hits.length)}` : null,
    sorts: result.total
      ? SEARCH_SORTS.filter((sort) => sort !== 'relevance' || query.clauses.length > 0).map((sort) => ({
          label: SORT_LABELS[sort],
          path: searchPath(query, sortedBy(sort)),
          current: sort === query.sort,
        }))
      : [],
    cards: result.hits.map(({ job, highlightHtml }) => ({ ...job, highlightHtml })),
    pagination:
      result.total && result.pageCount > 1
        ? {
            previousPath: query.page > 1 ? searchPath(query, atPage(Math.min(query.page - 1, result.pageCount))) : null,
            nextPath: query.page < result.pageCount ? searchPath(query, atPage(query.page + 1)) : null,
            links: pageLinks(query, result.pageCount),
          }
        : null,
    capped: capped
      ? {
          message: `Only the first ${number(MAX_RESULT_WINDOW)} results can be shown. Add a filter or a word to narrow the search.`,
          lastPage: { label: `Go to page ${number(result.pageCount)}, the last one shown`, path: searchPath(query, atPage(result.pageCount)) },
        }
      : null,
    pastEnd: pastEnd
      ? {
          message: `There is no page ${number(query.page)}: this search has ${result.pageCount === 1 ? 'only 1 page' : `${number(result.pageCount)} pages`}.`,
          firstPage: { label: 'Go to the first page', path: searchPath(query, atPage(1)) },
        }
      : null,
    empty: result.total ? null : emptyState(query, activeChips),
  };
}
