import { Module } from '@nestjs/common';
import { ReportPagesController } from './report-pages.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, ReportPagesController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
