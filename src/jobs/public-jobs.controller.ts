import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { PublicJobsService } from './public-jobs.service';

/** Each posting's public page (the search page at /jobs lives in the search module). */
@ApiExcludeController()
@Controller('jobs')
export class PublicJobsController {
  constructor(private readonly jobs: PublicJobsService) {}

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
