import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CodeImportService } from './code-import.service';
import { CodePagesController } from './code-pages.controller';
import { CodeViewMeter } from './code-view-meter';
import { CodesController } from './codes.controller';
import { CodesService } from './codes.service';

@Module({
  imports: [TaxonomyModule],
  controllers: [CodesController, CodePagesController],
  providers: [CodeImportService, CodesService, CodeViewMeter],
  exports: [CodeImportService, CodesService],
})
export class CodesModule {}
