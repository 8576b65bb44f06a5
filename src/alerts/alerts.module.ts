import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthModule } from '../auth/auth.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { AlertLinks } from './alert-links';
import { AlertPagesController } from './alert-pages.controller';
import { AlertSearch } from './alert-search';
import { AlertUnsubscribeController } from './alert-unsubscribe.controller';
import { AlertUnsubscribeService } from './alert-unsubscribe.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { GuestAlertPagesController } from './guest-alert-pages.controller';
import { GuestAlertsService } from './guest-alerts.service';

/**
 * Job alerts as people see them: the API and pages of a coder's alerts,
 * guests' alerts (double opt-in, managed by signed link) and unsubscribing.
 * Matching and sending live in the alert engine.
 */
@Module({
  imports: [JwtModule.register({}), TaxonomyModule, AuthModule],
  controllers: [AlertsController, AlertPagesController, GuestAlertPagesController, AlertUnsubscribeController],
  providers: [AlertsService, GuestAlertsService, AlertUnsubscribeService, AlertSearch, AlertLinks],
  exports: [AlertSearch, AlertLinks],
})
export class AlertsModule {}
