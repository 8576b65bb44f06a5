import { Controller, Get, Param, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { serializeJsonLd } from '../jobs/job-posting-ld';
import { JobSearchService } from '../search/job-search.service';
import { searchPath } from '../search/search-url';
import { User } from '../users/user.entity';
import { CodeBrowseService, CodeSetPage } from './code-browse.service';
import { CodeHistoryService } from './code-history.service';
import { CODE_SYSTEM_NAMES, CodeSystem } from './code-sections';
import { CodeViewMeter } from './code-view-meter';
import { CODE_SYSTEMS, CodesService, CodeView } from './codes.service';
import { CodeSearchDto } from './dto/code-search.dto';
import { CodeSectionPageDto } from './dto/code-section-page.dto';

/** Open jobs listed on a code page (and for the codes a coder looks up). */
const JOBS_ON_CODE_PAGE = 5;
/** The specialties of a coder's lookups that "jobs for the codes you look up" searches: the most looked up. */
const HISTORY_SPECIALTIES = 3;

/** The code reference's pages. */
@ApiExcludeController()
@Controller('codes')
export class CodePagesController {
  constructor(
    private readonly codes: CodesService,
    private readonly browsing: CodeBrowseService,
    private readonly jobs: JobSearchService,
    private readonly meter: CodeViewMeter,
    private readonly history: CodeHistoryService,
  ) {}

  @Public()
  @Get()
  async search(@Query() { q, system, billable, page }: CodeSearchDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = q ? await this.codes.search({ q, system, billable, page: page ?? 1 }) : null;
    const user = req.user as User | undefined;
    res.render('codes/index', {
      history: user?.role === 'candidate' ? await this.lookupHistory(user.id) : null,
      q: q ?? '',
      systems: CODE_SYSTEMS.map((value) => ({ value, name: CODE_SYSTEM_NAMES[value], selected: value === system })),
      billable,
      result,
      previousPage: result && result.page > 1 ? codesUrl({ q, system, billable, page: result.page - 1 }) : null,
      nextPage: result && result.page < result.pageCount ? codesUrl({ q, system, billable, page: result.page + 1 }) : null,
    });
  }

  /** A code set by chapter or section. Not metered, like search: it lists codes with their descriptions as search results do. */
  @Public()
  @Get(':system')
  @Render('codes/browse')
  browse(@Param('system') system: string): Promise<CodeSetPage> {
    return this.browsing.codeSet(system);
  }

  @Public()
  @Get(':system/sections/:section')
  async section(
    @Param('system') system: string,
    @Param('section') section: string,
    @Query() { page }: CodeSectionPageDto,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.browsing.section(system, section, page ?? 1);
    // One address per section: chapter 4 and e00-e89 redirect to E00-E89, j to J.
    if (section !== view.key) return res.redirect(301, page && page > 1 ? `${view.path}?page=${page}` : view.path);
    res.render('codes/section', view);
  }

  @Public()
  @Get(':system/:code')
  async show(@Param('system') system: string, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const known = CODE_SYSTEMS.includes(system as CodeSystem) ? (system as CodeSystem) : null;
    const view = known ? await this.codes.lookup(known, code) : null;
    if (!view) {
      const suggestions = known ? await this.codes.nearest(known, code) : [];
      res.status(404).render('codes/unknown', { code, systemName: known ? CODE_SYSTEM_NAMES[known] : system, suggestions });
      return;
    }
    // The canonical address has the code as stored (E119 for E11.9).
    if (code !== view.code) return res.redirect(301, `/codes/${view.system}/${view.code}`);
    const meter = await this.meter.view(req, res, view.system, view.code);
    if (meter.allowed) await this.history.record(req.user as User | undefined, view);
    const shown = meter.allowed ? view : CodeViewMeter.gate(view);
    res.render('codes/show', {
      title: `${view.systemName} ${view.display}`,
      code: shown,
      // Past the limit the page is a sign-up prompt: not for search engines.
      gated: !meter.allowed,
      noindex: !meter.allowed,
      meter,
      signUpPath: `/register?next=${encodeURIComponent(`/codes/${view.system}/${view.code}`)}`,
      signInPath: `/login?next=${encodeURIComponent(`/codes/${view.system}/${view.code}`)}`,
      jobs: await this.openJobs(view),
      jsonLd: serializeJsonLd(medicalCode(shown)),
    });
  }

  /** A coder's lookup history switch and, when on, open jobs in the specialties of the codes they look up most. */
  private async lookupHistory(userId: string) {
    if (!(await this.history.isOn(userId))) return { on: false, jobs: null };
    const specialty = (await this.history.specialties(userId)).slice(0, HISTORY_SPECIALTIES).map((s) => s.slug);
    if (!specialty.length) return { on: true, jobs: null };
    const [result, all] = await Promise.all([this.jobs.search({ specialty, perPage: String(JOBS_ON_CODE_PAGE) }), this.jobs.queryOf({ specialty })]);
    return { on: true, jobs: { total: result.total, hits: result.hits.map((h) => h.job), searchPath: searchPath(all) } };
  }

  /** Open jobs tagged with the code's subsection or its section, and the search that lists them all. */
  private async openJobs(view: CodeView) {
    const specialty = [view.subsection?.slug, view.section?.slug].filter((s): s is string => Boolean(s));
    if (!specialty.length) return null;
    const [result, all] = await Promise.all([this.jobs.search({ specialty, perPage: String(JOBS_ON_CODE_PAGE) }), this.jobs.queryOf({ specialty })]);
    return { total: result.total, hits: result.hits.map((h) => h.job), searchPath: searchPath(all) };
  }
}

function codesUrl(params: CodeSearchDto): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  return `/codes?${query.toString()}`;
}

/** schema.org MedicalCode (https://schema.org/MedicalCode). */
function medicalCode(view: CodeView): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalCode',
    codeValue: view.display,
    codingSystem: view.systemName,
    ...(view.description ? { name: view.description } : {}),
  };
}
