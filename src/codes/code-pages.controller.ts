import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { serializeJsonLd } from '../jobs/job-posting-ld';
import { JobSearchService } from '../search/job-search.service';
import { searchPath } from '../search/search-url';
import { CODE_SYSTEM_NAMES, CodeSystem } from './code-sections';
import { CodeViewMeter } from './code-view-meter';
import { CODE_SYSTEMS, CodesService, CodeView } from './codes.service';
import { CodeSearchDto } from './dto/code-search.dto';

/** Open jobs listed on a code page. */
const JOBS_ON_CODE_PAGE = 5;

/** The code reference's pages. */
@ApiExcludeController()
@Controller('codes')
export class CodePagesController {
  constructor(
    private readonly codes: CodesService,
    private readonly jobs: JobSearchService,
    private readonly meter: CodeViewMeter,
  ) {}

  @Public()
  @Get()
  async search(@Query() { q, system, billable, page }: CodeSearchDto, @Res() res: Response): Promise<void> {
    const result = q ? await this.codes.search({ q, system, billable, page: page ?? 1 }) : null;
    res.render('codes/index', {
      q: q ?? '',
      systems: CODE_SYSTEMS.map((value) => ({ value, name: CODE_SYSTEM_NAMES[value], selected: value === system })),
      billable,
      result,
      previousPage: result && result.page > 1 ? codesUrl({ q, system, billable, page: result.page - 1 }) : null,
      nextPage: result && result.page < result.pageCount ? codesUrl({ q, system, billable, page: result.page + 1 }) : null,
    });
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
