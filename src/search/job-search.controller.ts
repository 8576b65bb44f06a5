import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { DomainError } from '../common/domain-error';
import { KeptJson } from '../common/kept-json';
import { Env } from '../config/env';
import { EMPLOYMENT_TYPES, WORKPLACES } from '../jobs/job.entity';
import { toJobSearchApiResult } from './job-search-api';
import { JobSearchParams } from './job-search-query';
import { JobSearchResult } from './job-search-result';
import { JobSearchService } from './job-search.service';
import { MAX_PER_PAGE, MAX_RESULT_WINDOW, POSTED_WITHIN_DAYS, SEARCH_SORTS } from './job-search.port';

const many = { required: false, isArray: true, type: String };

/** Open jobs over JSON, with the same query object, filters and facets as the /jobs page. */
@ApiTags('search')
@Controller('api/jobs')
export class JobSearchController {
  /** JobSearchService keeps its answers. */
  private readonly json = new KeptJson<JobSearchResult>((result) => toJobSearchApiResult(result, this.env.appUrl));

  constructor(
    private readonly search: JobSearchService,
    private readonly env: Env,
  ) {}

  /**
   * Searches open jobs. Words of `q` that are plainly filters (a credential
   * code, remote, a state) become filters; `literal=1` searches them as words.
   */
  @Public()
  @Get()
  @ApiQuery({ name: 'q', required: false, description: 'Words; "phrases", -exclusions and `or` work as on web search engines.' })
  @ApiQuery({ name: 'credential', ...many, description: 'Credential codes (any of), e.g. CPC.' })
  @ApiQuery({ name: 'specialty', ...many, description: 'Specialty slugs (any of); a parent matches its subsections.' })
  @ApiQuery({ name: 'setting', ...many })
  @ApiQuery({ name: 'workplace', ...many, enum: WORKPLACES })
  @ApiQuery({ name: 'state', ...many, description: 'Two-letter states; remote jobs open to the state match.' })
  @ApiQuery({ name: 'employmentType', ...many, enum: EMPLOYMENT_TYPES })
  @ApiQuery({ name: 'salaryMin', required: false, type: Number, description: 'Yearly dollars; hourly pay counts × 2080.' })
  @ApiQuery({ name: 'apprentice', required: false, type: Boolean })
  @ApiQuery({ name: 'postedWithin', required: false, enum: [...POSTED_WITHIN_DAYS] })
  @ApiQuery({ name: 'organization', ...many, description: 'Employer slugs.' })
  @ApiQuery({ name: 'sort', required: false, enum: SEARCH_SORTS })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'perPage', required: false, type: Number, description: `At most ${MAX_PER_PAGE}.` })
  @ApiQuery({ name: 'literal', required: false, type: Boolean })
  @ApiOkResponse({
    description: 'Hits hydrated from Postgres, facet counts (each ignoring its own filter), the filters applied, and the engine that answered.',
  })
  @Header('Content-Type', 'application/json; charset=utf-8')
  async find(@Query() params: JobSearchParams): Promise<string> {
    const result = await this.search.search(params);
    if (result.capped) {
      throw new DomainError('bad_request', `Only the first ${MAX_RESULT_WINDOW} results can be paged through. Add a filter or a word to narrow the search.`, {
        page: [`Use a page up to ${Math.ceil(MAX_RESULT_WINDOW / result.perPage)} at ${result.perPage} per page.`],
      });
    }
    return this.json.of(result);
  }
}
