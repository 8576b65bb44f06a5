import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { Env } from '../config/env';
import { JobSearchParams } from './job-search-query';
import { JobSearchService } from './job-search.service';
import { presentSearchPage } from './search-page.presenter';

/** /jobs: the search page, on the same query object as GET /api/jobs. */
@ApiExcludeController()
@Controller('jobs')
export class SearchPageController {
  constructor(
    private readonly search: JobSearchService,
    private readonly env: Env,
  ) {}

  /** 404 past the last page; a bad parameter is a 400 page naming what is allowed. */
  @Public()
  @Get()
  async index(@Query() params: JobSearchParams, @Res() res: Response): Promise<void> {
    const result = await this.search.search(params);
    res.status(result.pastEnd ? 404 : 200).render('jobs/search', presentSearchPage(result, this.env.appUrl));
  }
}
