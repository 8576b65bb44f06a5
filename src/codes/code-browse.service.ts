import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Specialty } from '../taxonomy/specialty.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CodeReleases } from './code-releases';
import { CODE_SYSTEM_NAMES, CodeSystem, displayCode } from './code-sections';
import { CODE_SYSTEMS, CodeRef } from './codes.service';
import { HCPCS_SECTIONS } from './hcpcs-sections';
import { ICD10CM_CHAPTERS } from './icd10cm-chapters';

/** Codes per page of a chapter or section. */
export const CODES_PER_SECTION_PAGE = 100;

/** Counts and pages kept: a few hundred cover every page of every section, and they change only with an import. */
const KEPT_ANSWERS = 500;

export interface ChapterSummary {
  number: number;
  title: string;
  /** As coders write it: E00–E89. */
  range: string;
  path: string;
  codes: string;
  billable: string;
}

export interface LetterSummary {
  letter: string;
  name: string;
  path: string;
  codes: string;
}

export interface CptSectionLink {
  name: string;
  /** Its number ranges (10004–69990), or null for the sections that grow with every release (Category III, PLA). */
  ranges: string | null;
  /** Its specialty page, where its ranges lead into the code reference and its jobs are listed. */
  path: string;
}

export interface CptSectionSummary extends CptSectionLink {
  description: string;
  subsections: CptSectionLink[];
}

/** A code set's page: ICD-10-CM chapters, HCPCS Level II letters or CPT sections. */
export interface CodeSetPage {
  system: CodeSystem;
  systemName: string;
  title: string;
  chapters?: ChapterSummary[];
  letters?: LetterSummary[];
  sections?: CptSectionSummary[];
}

export interface CodeSectionPage {
  system: CodeSystem;
  systemName: string;
  title: string;
  /** The section as its address names it (E00-E89, J): other spellings of it redirect there. */
  key: string;
  path: string;
  heading: string;
  range: string;
  /** ICD-10-CM chapters list their three-character categories only: each category's page lists the codes under it. */
  categoriesOnly: boolean;
  total: number;
  /** The total as the page writes it (1,188). */
  totalText: string;
  page: number;
  pageCount: number;
  codes: CodeRef[];
  previousPath: string | null;
  nextPath: string | null;
}

/** What a section page lists, as SQL over `codes` ($1 is the system). */
interface SectionScope {
  key: string;
  heading: string;
  range: string;
  categoriesOnly: boolean;
  match: string;
  params: string[];
}

const count = (n: number) => n.toLocaleString('en-US');
const dashed = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/**
 * Browsing the code reference by code set, then by ICD-10-CM chapter or
 * HCPCS Level II letter. CPT has no list to browse (its descriptors are
 * AMA-licensed): its sections lead to their specialty pages instead.
 */
@Injectable()
export class CodeBrowseService {
  /** Kept under the newest release's id, as code lookups are: an import starts afresh. */
  private readonly kept = new LRUCache<string, object>({ max: KEPT_ANSWERS });

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly releases: CodeReleases,
  ) {}

  async codeSet(input: string): Promise<CodeSetPage> {
    const system = knownSystem(input);
    const systemName = CODE_SYSTEM_NAMES[system];
    if (system === 'cpt') return { system, systemName, title: `${systemName} sections`, sections: await this.cptSections() };
    if (system === 'hcpcs') return { system, systemName, title: `${systemName} sections`, letters: await this.keep(['letters'], () => this.letters()) };
    return { system, systemName, title: `${systemName} chapters`, chapters: await this.keep(['chapters'], () => this.chapters()) };
  }

  /** One page of a chapter (by its range, or its number) or a HCPCS letter; 404 past the last page. */
  async section(input: string, section: string, page: number): Promise<CodeSectionPage> {
    const system = knownSystem(input);
    const scope = system === 'icd-10-cm' ? chapterScope(section) : system === 'hcpcs' ? letterScope(section) : null;
    if (!scope) {
      const message =
        system === 'cpt'
          ? 'CPT codes are shown by number and section only, not listed: its sections are at /codes/cpt.'
          : `${CODE_SYSTEM_NAMES[system]} has no section “${section}”: its sections are at /codes/${system}.`;
      throw new DomainError('not_found', message);
    }
    const { total, codes } = await this.keep([system, scope.key, page], () => this.codesIn(system, scope, page));
    if (!codes.length && page > 1) throw new DomainError('not_found', `${scope.heading} has no page ${page}.`);
    const pageCount = Math.max(1, Math.ceil(total / CODES_PER_SECTION_PAGE));
    const path = `/codes/${system}/sections/${scope.key}`;
    const pagePath = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
    return {
      system,
      systemName: CODE_SYSTEM_NAMES[system],
      title: `${CODE_SYSTEM_NAMES[system]} ${scope.heading}${page > 1 ? `, page ${page}` : ''}`,
      key: scope.key,
      path,
      heading: scope.heading,
      range: scope.range,
      categoriesOnly: scope.categoriesOnly,
      total,
      totalText: count(total),
      page,
      pageCount,
      codes,
      previousPath: page > 1 ? pagePath(page - 1) : null,
      nextPath: page < pageCount ? pagePath(page + 1) : null,
    };
  }

  /** Codes per chapter in one query: categories first (a few thousand), then summed into the chapters' ranges. */
  private async chapters(): Promise<ChapterSummary[]> {
    const rows = await this.dataSource.query<Array<{ first_category: string; codes: number; billable: number }>>(
      `WITH categories AS (
         SELECT left(code, 3) AS category, count(*)::int AS codes, (count(*) FILTER (WHERE billable))::int AS billable
         FROM codes WHERE system = 'icd-10-cm' GROUP BY 1)
       SELECT ch.first_category, coalesce(sum(c.codes), 0)::int AS codes, coalesce(sum(c.billable), 0)::int AS billable
       FROM unnest($1::text[], $2::text[]) AS ch (first_category, last_category)
       LEFT JOIN categories c ON c.category COLLATE "C" BETWEEN ch.first_category AND ch.last_category
       GROUP BY ch.first_category`,
      [ICD10CM_CHAPTERS.map((c) => c.first), ICD10CM_CHAPTERS.map((c) => c.last)],
    );
    return ICD10CM_CHAPTERS.map((chapter) => {
      const row = rows.find((r) => r.first_category === chapter.first);
      return {
        number: chapter.number,
        title: chapter.title,
        range: dashed(chapter.first, chapter.last),
        path: `/codes/icd-10-cm/sections/${chapter.first}-${chapter.last}`,
        codes: count(row?.codes ?? 0),
        billable: count(row?.billable ?? 0),
      };
    });
  }

  private async letters(): Promise<LetterSummary[]> {
    const rows = await this.dataSource.query<Array<{ letter: string; codes: number }>>(
      `SELECT left(code, 1) AS letter, count(*)::int AS codes FROM codes WHERE system = 'hcpcs' AND kind = 'code' GROUP BY 1`,
    );
    return HCPCS_SECTIONS.map(({ letter, name }) => ({
      letter,
      name,
      path: `/codes/hcpcs/sections/${letter}`,
      codes: count(rows.find((r) => r.letter === letter)?.codes ?? 0),
    }));
  }

  /** From the taxonomy, in its order: the sections, and the surgery subsections under theirs. */
  private async cptSections(): Promise<CptSectionSummary[]> {
    const cpt = (await this.taxonomy.listCodeSpecialties()).filter((s) => s.codeSystem === CODE_SYSTEM_NAMES.cpt);
    const link = (s: Specialty): CptSectionLink => ({
      name: s.name,
      ranges: s.ranges.length ? s.ranges.map(([from, to]) => dashed(from, to)).join(', ') : null,
      path: `/specialties/${s.slug}`,
    });
    return cpt
      .filter((s) => !s.parent)
      .map((s) => ({ ...link(s), description: s.description, subsections: cpt.filter((sub) => sub.parent === s.slug).map(link) }));
  }

  private async codesIn(system: CodeSystem, scope: SectionScope, page: number): Promise<{ total: number; codes: CodeRef[] }> {
    const rows = await this.dataSource.query<Array<{ code: string; description: string; billable: boolean | null; total: number }>>(
      `SELECT code, description, billable, count(*) OVER ()::int AS total FROM codes WHERE system = $1 AND ${scope.match}
       ORDER BY position LIMIT ${CODES_PER_SECTION_PAGE} OFFSET ${(page - 1) * CODES_PER_SECTION_PAGE}`,
      [system, ...scope.params],
    );
    return {
      total: rows[0]?.total ?? 0,
      codes: rows.map((row) => ({ system, code: row.code, display: displayCode(system, row.code), description: row.description, billable: row.billable })),
    };
  }

  private async keep<T extends object>(key: unknown[], read: () => Promise<T>): Promise<T> {
    const id = JSON.stringify([await this.releases.newest(), ...key]);
    const hit = this.kept.get(id);
    if (hit) return hit as T;
    const value = await read();
    this.kept.set(id, value);
    return value;
  }
}

function knownSystem(input: string): CodeSystem {
  if (CODE_SYSTEMS.includes(input as CodeSystem)) return input as CodeSystem;
  throw new DomainError('not_found', `There is no code set “${input}” here: the code reference holds ICD-10-CM, HCPCS Level II and CPT.`);
}

/** A chapter by its range (E00-E89) or its number (4). */
function chapterScope(section: string): SectionScope | null {
  const wanted = section.toUpperCase();
  const chapter = ICD10CM_CHAPTERS.find((c) => `${c.first}-${c.last}` === wanted || (/^\d{1,2}$/.test(wanted) && c.number === Number(wanted)));
  if (!chapter) return null;
  return {
    key: `${chapter.first}-${chapter.last}`,
    heading: `Chapter ${chapter.number}: ${chapter.title}`,
    range: dashed(chapter.first, chapter.last),
    categoriesOnly: true,
    // Character by character, whatever the database's collation: O9A sorts after O99.
    match: `length(code) = 3 AND code COLLATE "C" BETWEEN $2 AND $3`,
    params: [chapter.first, chapter.last],
  };
}

function letterScope(section: string): SectionScope | null {
  const found = HCPCS_SECTIONS.find((s) => s.letter === section.toUpperCase());
  if (!found) return null;
  return {
    key: found.letter,
    heading: `${found.letter} codes: ${found.name}`,
    range: dashed(`${found.letter}0000`, `${found.letter}9999`),
    categoriesOnly: false,
    match: `kind = 'code' AND code LIKE $2`,
    params: [`${found.letter}%`],
  };
}
