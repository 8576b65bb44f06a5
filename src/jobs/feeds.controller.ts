import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { Clock } from '../common/clock';
import { Env } from '../config/env';
import { buildIndeedFeed, buildRss, buildSitemap, robotsTxt } from './feeds';
import { PublicJobsService } from './public-jobs.service';

const RSS_ITEMS = 50;
/** Feeds are read by robots on their own schedule; a few minutes of caching spares the database. */
const CACHE = 'public, max-age=300';

@ApiExcludeController()
@Controller()
export class FeedsController {
  constructor(
    private readonly jobs: PublicJobsService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get('jobs.rss')
  @Header('Content-Type', 'application/rss+xml; charset=utf-8')
  @Header('Cache-Control', CACHE)
  async rss(): Promise<string> {
    return buildRss(await this.jobs.feedJobs(RSS_ITEMS), this.env.appUrl, this.clock.now());
  }

  @Public()
  @Get('feeds/indeed.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', CACHE)
  async indeed(): Promise<string> {
    return buildIndeedFeed(await this.jobs.feedJobs(), this.env.appUrl);
  }

  @Public()
  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', CACHE)
  async sitemap(): Promise<string> {
    return buildSitemap(await this.jobs.sitemapEntries(), this.env.appUrl);
  }

  @Public()
  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', CACHE)
  robots(): string {
    return robotsTxt(this.env.appUrl);
  }
}
