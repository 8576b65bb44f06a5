import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CodeBrowseService } from './code-browse.service';
import { CodeHistoryController } from './code-history.controller';
import { CodeHistoryService } from './code-history.service';
import { CodeImportService } from './code-import.service';
import { CodeReleases } from './code-releases';
import { CodePagesController } from './code-pages.controller';
import { CodeViewMeter } from './code-view-meter';
import { CodesController } from './codes.controller';
import { CodesService } from './codes.service';

@Module({
  imports: [TaxonomyModule],
  controllers: [CodesController, CodePagesController, CodeHistoryController],
  providers: [CodeBrowseService, CodeHistoryService, CodeImportService, CodeReleases, CodesService, CodeViewMeter],
  exports: [CodeHistoryService, CodeImportService, CodesService],
})
export class CodesModule {}
