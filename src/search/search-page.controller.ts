import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { alertFormView } from '../alerts/alert-form';
import { alertParams } from '../alerts/alert-search';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { SavedJobsService } from '../candidates/saved-jobs.service';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { JobSearchParams } from './job-search-query';
import { JobSearchService } from './job-search.service';
import { presentSearchPage } from './search-page.presenter';

/** /jobs: the search page, on the same query object as GET /api/jobs. */
@ApiExcludeController()
@Controller('jobs')
export class SearchPageController {
  constructor(
    private readonly search: JobSearchService,
    private readonly savedJobs: SavedJobsService,
    private readonly env: Env,
  ) {}

  /** 404 past the last page; a bad parameter is a 400 page naming what is allowed. */
  @Public()
  @Get()
  async index(@Query() params: JobSearchParams, @CurrentUser() user: User | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = await this.search.search(params);
    const page = presentSearchPage(result, this.env.appUrl);
    // Each card's save button, which brings the candidate back to these same results.
    const cards = await this.savedJobs.withSavedState(user, page.cards);
    // "Create an alert for this search": the search without its sort and page.
    const alertForm = alertFormView(user, alertParams(result.query), req.originalUrl, { id: 'search-alert', label: 'Create an alert for this search' });
    res.status(result.pastEnd ? 404 : 200).render('jobs/search', { ...page, cards, alertForm, returnTo: req.originalUrl });
  }
}
