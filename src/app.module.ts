import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module';
import { AlertEngineModule } from './alerts/engine/alert-engine.module';
import { ApplicationsModule } from './applications/applications.module';
import { PipelineModule } from './applications/pipeline/pipeline.module';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CandidatesModule } from './candidates/candidates.module';
import { EmployerCandidatesModule } from './candidates/employer-candidates/employer-candidates.module';
import { CommonModule } from './common/common.module';
import { CodesModule } from './codes/codes.module';
import { ConfigModule } from './config/config.module';
import { Env } from './config/env';
import { dataSourceOptions } from './database/data-source';
import { DemoModule } from './demo/demo.module';
import { EmployersModule } from './employers/employers.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { PublicJobsModule } from './jobs/public-jobs.module';
import { loggerOptions } from './common/logging';
import { MailModule } from './mail/mail.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { SearchModule } from './search/search.module';
import { SpecialtiesModule } from './specialties/specialties.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(env: Env, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule.forRoot(loggerOptions(env)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), autoLoadEntities: false }),
        CommonModule,
        AuditModule,
        // Before any module that brings in the public job pages, whose /jobs/:id/:slug would take /jobs/:id/report.
        ReportsModule,
        QueueModule,
        MailModule.forRoot(env),
        UsersModule,
        EmployersModule,
        TaxonomyModule,
        CodesModule,
        SpecialtiesModule,
        JobsModule,
        PublicJobsModule,
        SearchModule.forRoot(env),
        CandidatesModule,
        AlertEngineModule,
        AlertsModule,
        ApplicationsModule,
        PipelineModule,
        EmployerCandidatesModule,
        AuthModule,
        AdminModule,
        HealthModule,
        WebModule,
        DemoModule,
      ],
    };
  }
}
