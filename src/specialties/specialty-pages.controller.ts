import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { DomainError } from '../common/domain-error';
import { JobSearchService } from '../search/job-search.service';
import { searchPath } from '../search/search-url';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { codeRangeView, topCredentials } from './specialty-page';

/** Open jobs listed on a specialty page. */
const JOBS_ON_SPECIALTY_PAGE = 10;
/** Credentials named as the ones its jobs ask for most. */
const TOP_CREDENTIALS = 5;

/**
 * Specialty pages: what a code specialty covers, its code ranges (into the
 * code reference), and its open jobs with the credentials they ask for
 * most. Job pages link their specialties here, and code pages their
 * sections, so jobs and codes lead to each other.
 */
@ApiExcludeController()
@Public()
@Controller('specialties')
export class SpecialtyPagesController {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly jobs: JobSearchService,
  ) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    const specialties = await this.taxonomy.listCodeSpecialties();
    const top = specialties.filter((s) => !s.parent);
    res.render('specialties/index', {
      groups: [
        { title: 'CPT sections', items: top.filter((s) => s.group === 'cpt-section') },
        { title: 'Diagnosis and inpatient coding', items: top.filter((s) => s.group === 'diagnosis' || s.group === 'inpatient-procedure') },
        { title: 'HCPCS Level II', items: top.filter((s) => s.group === 'hcpcs') },
        { title: 'Service lines', items: top.filter((s) => s.group === 'service-line') },
      ].map((group) => ({ ...group, items: group.items.map((s) => ({ ...s, children: specialties.filter((c) => c.parent === s.slug) })) })),
    });
  }

  @Get(':slug')
  async show(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    // Code specialties and service lines have pages; settings do not.
    const specialties = await this.taxonomy.listCodeSpecialties();
    const specialty = specialties.find((s) => s.slug === slug);
    if (!specialty) throw new DomainError('not_found', 'There is no code specialty at this address. The list of specialties is at /specialties.');
    // The search matches a parent's subsections too, so its counts and jobs cover them.
    const [result, query, credentials] = await Promise.all([
      this.jobs.search({ specialty: [slug], perPage: String(JOBS_ON_SPECIALTY_PAGE), sort: 'newest' }),
      this.jobs.queryOf({ specialty: [slug] }),
      this.taxonomy.listCredentials(),
    ]);
    res.render('specialties/show', {
      title: specialty.name,
      specialty,
      parent: specialties.find((s) => s.slug === specialty.parent) ?? null,
      children: specialties.filter((s) => s.parent === specialty.slug),
      ranges: specialty.ranges.map((range) => codeRangeView(specialty.codeSystem, range)),
      credentials: topCredentials(result.facets.credential ?? {}, credentials, TOP_CREDENTIALS),
      jobs: { total: result.total, hits: result.hits.map((h) => h.job), searchPath: searchPath(query) },
    });
  }
}
