import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { CompaniesService, CompanyView } from './companies.service';

@ApiTags('companies')
@Controller('api/companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  /** A company's public profile and its open jobs. */
  @Public()
  @Get(':slug')
  show(@Param('slug') slug: string): Promise<CompanyView> {
    return this.companies.profile(slug);
  }
}
