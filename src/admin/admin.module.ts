import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JobsModule } from '../jobs/jobs.module';
import { ReportsModule } from '../reports/reports.module';
import { AdminDashboardService } from './admin-dashboard.service';
import { OrganizationsPageLocals, ReviewPageLocals } from './admin-page-locals';
import { AdminPagesController } from './admin-pages.controller';
import { AdminUsersService } from './admin-users.service';
import { AdminController } from './admin.controller';
import { OrganizationModerationService } from './organization-moderation.service';
import { ReviewQueueService } from './review-queue.service';

/** The operator's side: dashboard, review queue, reports, organizations and users, as pages (/admin) and API (/api/admin). */
@Module({
  imports: [JobsModule, ReportsModule, AuthModule],
  controllers: [AdminController, AdminPagesController],
  providers: [AdminDashboardService, ReviewQueueService, OrganizationModerationService, AdminUsersService, ReviewPageLocals, OrganizationsPageLocals],
})
export class AdminModule {}
