import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TaxonomyModule } from '../../taxonomy/taxonomy.module';
import { AlertLinks } from '../alert-links';
import { AlertDigests } from './alert-digests';
import { AlertEmails } from './alert-emails';
import { AlertJobs } from './alert-jobs';
import { AlertMatcher } from './alert-matcher';

/**
 * The alert engine: matching changed jobs to alerts, instant emails and
 * digests, and composing alert emails when they are sent. Global, so that
 * JobsService (and the demo loader) reach AlertMatcher's hook without
 * importing this module.
 */
@Global()
@Module({
  imports: [TaxonomyModule, JwtModule.register({})],
  providers: [AlertMatcher, AlertDigests, AlertEmails, AlertJobs, AlertLinks],
  exports: [AlertMatcher],
})
export class AlertEngineModule {}
