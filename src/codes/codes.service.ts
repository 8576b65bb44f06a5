import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CodeReleases } from './code-releases';
import { CODE_SYSTEM_NAMES, CodeSystem, displayCode, normalizeCode, placeCode, SectionSource } from './code-sections';

export const CODE_SYSTEMS = Object.keys(CODE_SYSTEM_NAMES) as CodeSystem[];

/** Results per page of a code search. */
export const CODES_PER_PAGE = 25;

/** Answers kept per kind: the lists change only with an import, and the same codes are looked up all day. */
const KEPT_ANSWERS = 2000;

/** The notice the AMA licence asks for wherever a CPT descriptor is shown. */
export const CPT_COPYRIGHT = 'CPT® copyright American Medical Association. All rights reserved.';

export interface CodeRef {
  system: CodeSystem;
  code: string;
  /** As coders write it (E11.9). */
  display: string;
  description: string | null;
  billable: boolean | null;
}

export interface CodeView extends CodeRef {
  systemName: string;
  kind: 'code' | 'modifier';
  shortDescription: string | null;
  terminatedOn: string | null;
  /** The published list it comes from ("CMS ICD-10-CM FY2026"); null for a CPT number without a licensed descriptor. */
  source: string | null;
  /** CPT_COPYRIGHT for a CPT code with an imported descriptor, to be shown with it; otherwise null. */
  copyright: string | null;
  section: { slug: string; name: string } | null;
  subsection: { slug: string; name: string } | null;
  /** ICD-10-CM: the nearest code above it, and the codes right below a header. */
  parent: CodeRef | null;
  children: CodeRef[];
  previous: CodeRef | null;
  next: CodeRef | null;
}

export interface CodeSearch {
  q: string;
  system?: CodeSystem;
  billable?: boolean;
  page: number;
}

export interface CodeSearchResult {
  total: number;
  page: number;
  pageCount: number;
  hits: CodeRef[];
  /** True when no word matched as written and the hits are the nearest spellings. */
  corrected: boolean;
  /** CPT_COPYRIGHT when a hit is a CPT code (hits carry their descriptors); otherwise null. */
  copyright: string | null;
}

interface CodeRow {
  system: CodeSystem;
  code: string;
  kind: 'code' | 'modifier';
  description: string;
  short_description: string | null;
  billable: boolean | null;
  terminated_on: string | null;
  position: number;
  source: string;
}

const ref = (row: Pick<CodeRow, 'system' | 'code' | 'description' | 'billable'>): CodeRef => ({
  system: row.system,
  code: row.code,
  display: displayCode(row.system, row.code),
  description: row.description,
  billable: row.billable,
});

const brief = (s: SectionSource | null) => (s ? { slug: s.slug, name: s.name } : null);

/**
 * The code reference: a code with its place (section, parent, children,
 * neighbours) and code search by prefix, words and misspelt words. CPT
 * numbers are known by structure alone; a descriptor shows only when an
 * operator has imported a licensed file.
 */
@Injectable()
export class CodesService {
  /** Kept under the newest release's id: an import, by this process or another, starts afresh. */
  private readonly searches = new LRUCache<string, CodeSearchResult>({ max: KEPT_ANSWERS });
  private readonly views = new LRUCache<string, { view: CodeView | null }>({ max: KEPT_ANSWERS });

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly releases: CodeReleases,
  ) {}

  /** Null for a malformed code, or an ICD-10-CM or HCPCS code the lists do not hold. */
  async lookup(system: CodeSystem, input: string): Promise<CodeView | null> {
    const code = normalizeCode(system, input);
    if (!code) return null;
    const key = JSON.stringify([await this.releases.newest(), system, code]);
    const kept = this.views.get(key);
    if (kept) return kept.view;
    const view = await this.read(system, code);
    this.views.set(key, { view });
    return view;
  }

  private async read(system: CodeSystem, code: string): Promise<CodeView | null> {
    const [row] = await this.dataSource.query<CodeRow[]>(
      `SELECT c.system, c.code, c.kind, c.description, c.short_description, c.billable, c.terminated_on::text, c.position, r.source
       FROM codes c JOIN code_releases r ON r.id = c.release_id WHERE c.system = $1 AND c.code = $2`,
      [system, code],
    );
    if (!row && system !== 'cpt') return null;
    const { section, subsection } = placeCode(system, code, await this.taxonomy.listSpecialties());
    const [parent, children, neighbours] = row
      ? await Promise.all([this.parentOf(row), this.childrenOf(row), this.neighboursOf(row)])
      : [null, [], { previous: null, next: null }];
    return {
      system,
      systemName: CODE_SYSTEM_NAMES[system],
      code,
      display: displayCode(system, code),
      kind: row?.kind ?? 'code',
      description: row?.description ?? null,
      shortDescription: row?.short_description ?? null,
      billable: row?.billable ?? null,
      terminatedOn: row?.terminated_on ?? null,
      source: row?.source ?? null,
      copyright: row && system === 'cpt' ? CPT_COPYRIGHT : null,
      section: brief(section),
      subsection: brief(subsection),
      parent,
      children,
      ...neighbours,
    };
  }

  /** For an unknown code: the codes sharing the longest beginning with it, in list order. */
  async nearest(system: CodeSystem, input: string, limit = 5): Promise<CodeRef[]> {
    const code = input.trim().toUpperCase().replace(/\./g, '');
    for (let length = Math.min(code.length, 7); length >= 1; length--) {
      const rows = await this.dataSource.query<CodeRow[]>(
        `SELECT system, code, description, billable FROM codes WHERE system = $1 AND code LIKE $2 ORDER BY position LIMIT $3`,
        [system, `${escapeLike(code.slice(0, length))}%`, limit],
      );
      if (rows.length) return rows.map(ref);
    }
    return [];
  }

  /**
   * Codes by prefix ("E11", "E11.9"), then by words: full-text search over
   * the descriptions (shorter, more general descriptions first among equal
   * matches), or, when no description holds the words as written, the
   * descriptions with the most similar words ("diabetis").
   */
  async search(search: CodeSearch): Promise<CodeSearchResult> {
    const key = JSON.stringify([await this.releases.newest(), search.q.trim(), search.system ?? null, search.billable ?? null, search.page]);
    const kept = this.searches.get(key);
    if (kept) return kept;
    const result = await this.find(search);
    this.searches.set(key, result);
    return result;
  }

  private async find(search: CodeSearch): Promise<CodeSearchResult> {
    const q = search.q.trim().slice(0, 200);
    const offset = (search.page - 1) * CODES_PER_PAGE;
    const scope = [search.system ?? null, search.billable ?? null];
    const prefix = q.toUpperCase().replace(/\./g, '');
    const asCode = /^[A-Z0-9]{1,7}$/.test(prefix) && /\d/.test(prefix);
    const where = `($1::text IS NULL OR c.system = $1) AND ($2::boolean IS NULL OR c.billable = $2)`;
    const page = async (match: string, order: string, params: unknown[]) => {
      const rows = await this.dataSource.query<Array<CodeRow & { total: number }>>(
        `SELECT c.system, c.code, c.description, c.billable, count(*) OVER ()::int AS total
         FROM codes c WHERE ${where} AND ${match} ORDER BY ${order} LIMIT ${CODES_PER_PAGE} OFFSET ${offset}`,
        [...scope, ...params],
      );
      return { total: rows[0]?.total ?? 0, hits: rows.map(ref) };
    };
    let found = { total: 0, hits: [] as CodeRef[] };
    let corrected = false;
    if (!q) return { total: 0, page: search.page, pageCount: 1, hits: [], corrected, copyright: null };
    if (asCode) found = await page(`c.code LIKE $3`, `c.code = $4 DESC, c.system, c.position`, [`${escapeLike(prefix)}%`, prefix]);
    if (!found.total) {
      found = await page(
        `c.search @@ websearch_to_tsquery('cc_english', $3)`,
        `ts_rank(c.search, websearch_to_tsquery('cc_english', $3), 2) DESC, c.system, c.position`,
        [q],
      );
    }
    if (!found.total && !asCode) {
      corrected = true;
      found = await page(`$3 <% c.description`, `word_similarity($3, c.description) DESC, c.system, c.position`, [q]);
    }
    return {
      ...found,
      page: search.page,
      pageCount: Math.max(1, Math.ceil(found.total / CODES_PER_PAGE)),
      corrected,
      // CPT rows exist only from a licensed import: their descriptors go with the notice, on the search page as on the code page.
      copyright: found.hits.some((hit) => hit.system === 'cpt') ? CPT_COPYRIGHT : null,
    };
  }

  /** ICD-10-CM: the longest code the list holds that this one extends. */
  private async parentOf(row: CodeRow): Promise<CodeRef | null> {
    if (row.system !== 'icd-10-cm' || row.code.length <= 3) return null;
    const prefixes = Array.from({ length: row.code.length - 3 }, (_, i) => row.code.slice(0, 3 + i));
    const [parent] = await this.dataSource.query<CodeRow[]>(
      `SELECT system, code, description, billable FROM codes WHERE system = $1 AND code = ANY ($2::text[]) ORDER BY length(code) DESC LIMIT 1`,
      [row.system, prefixes],
    );
    return parent ? ref(parent) : null;
  }

  /** ICD-10-CM: the codes one level below (the shortest that extend it), in list order. */
  private async childrenOf(row: CodeRow): Promise<CodeRef[]> {
    if (row.system !== 'icd-10-cm' || row.billable) return [];
    const rows = await this.dataSource.query<CodeRow[]>(
      `WITH below AS (SELECT system, code, description, billable, position FROM codes WHERE system = $1 AND code LIKE $2 AND code <> $3)
       SELECT * FROM below WHERE length(code) = (SELECT min(length(code)) FROM below) ORDER BY position LIMIT 100`,
      [row.system, `${escapeLike(row.code)}%`, row.code],
    );
    return rows.map(ref);
  }

  private async neighboursOf(row: CodeRow): Promise<{ previous: CodeRef | null; next: CodeRef | null }> {
    const [previous, next] = await Promise.all(
      [`position < $2 ORDER BY position DESC`, `position > $2 ORDER BY position`].map((order) =>
        this.dataSource.query<CodeRow[]>(`SELECT system, code, description, billable FROM codes WHERE system = $1 AND ${order} LIMIT 1`, [
          row.system,
          row.position,
        ]),
      ),
    );
    return { previous: previous[0] ? ref(previous[0]) : null, next: next[0] ? ref(next[0]) : null };
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
