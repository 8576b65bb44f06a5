import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { PublicJobsService } from './public-jobs.service';

/** ?page= as a page number; anything else is the first page. */
function pageNumber(page: unknown): number {
  return typeof page === 'string' && /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1;
}

/** The public job pages: the browse list and each posting. */
@ApiExcludeController()
@Controller('jobs')
export class PublicJobsController {
  constructor(private readonly jobs: PublicJobsService) {}

  @Public()
  @Get()
  async index(@Query('page') page: unknown, @Res() res: Response): Promise<void> {
    const list = await this.jobs.listOpen(pageNumber(page));
    res.status(list.pastEnd ? 404 : 200).render('jobs/index', { list });
  }

  /** 200 for an open job, 301 to the canonical address, 410 once closed or expired; 404 otherwise. */
  @Public()
  @Get([':id', ':id/:slug'])
  async show(@Param('id') id: string, @Param('slug') slug: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const page = await this.jobs.jobPage(id);
    if (page.kind === 'gone') {
      res.status(410).render('jobs/gone', page);
      return;
    }
    if (req.path !== page.job.path) {
      const query = req.originalUrl.indexOf('?');
      res.redirect(301, query >= 0 ? `${page.job.path}${req.originalUrl.slice(query)}` : page.job.path);
      return;
    }
    res.render('jobs/show', page);
  }
}
