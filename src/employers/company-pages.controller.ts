import { Controller, Get, Param, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { CompaniesService, CompanyView } from './companies.service';
import { OrganizationsService } from './organizations.service';

@ApiExcludeController()
@Controller('companies')
export class CompanyPagesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Public()
  @Get(':slug')
  @Render('companies/show')
  show(@Param('slug') slug: string): Promise<{ company: CompanyView }> {
    return this.companies.profile(slug).then((company) => ({ company }));
  }

  /**
   * The stored bytes with the type read from them at upload. nosniff keeps a
   * browser from second-guessing that type; pages link to a URL that changes
   * with each upload, so a day of caching never shows an old logo there.
   */
  @Public()
  @Get(':slug/logo')
  async logo(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const logo = await this.organizations.logoBySlug(slug);
    res
      .set({
        'Content-Type': logo.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'public, max-age=86400',
        'Last-Modified': logo.updatedAt.toUTCString(),
        'Content-Disposition': 'inline',
      })
      .send(logo.bytes);
  }
}
