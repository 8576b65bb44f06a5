import { Module } from '@nestjs/common';
import { CodesModule } from '../codes/codes.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { SpecialtyByCodeController } from './specialty-by-code.controller';
import { SpecialtyPagesController } from './specialty-pages.controller';

@Module({
  imports: [TaxonomyModule, CodesModule],
  controllers: [SpecialtyPagesController, SpecialtyByCodeController],
})
export class SpecialtiesModule {}
