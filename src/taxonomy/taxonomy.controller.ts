import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { Credential } from './credential.entity';
import { Specialty } from './specialty.entity';
import { TaxonomyService } from './taxonomy.service';

@ApiTags('taxonomy')
@Public()
@Controller('api')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  /** Coding credentials a posting may require (CPC, CCS, CRC…). */
  @Get('credentials')
  credentials(): Promise<Credential[]> {
    return this.taxonomy.listCredentials();
  }

  /** Code specialties, settings and service lines, with CPT number ranges where they have them. */
  @Get('specialties')
  specialties(): Promise<Specialty[]> {
    return this.taxonomy.listSpecialties();
  }
}
