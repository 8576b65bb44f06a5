import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Job } from '../jobs/job.entity';
import { CodesModule } from '../codes/codes.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { UsersModule } from '../users/users.module';
import { CandidateAccountController } from './candidate-account.controller';
import { CandidateAccountService } from './candidate-account.service';
import { CandidateCredential } from './candidate-credential.entity';
import { CandidatePagesController } from './candidate-pages.controller';
import { CandidatePagesService } from './candidate-pages.service';
import { CandidateProfile } from './candidate-profile.entity';
import { CandidateProfileController } from './candidate-profile.controller';
import { CandidateProfilesService } from './candidate-profiles.service';
import { CandidateSpecialty } from './candidate-specialty.entity';
import { CandidateView } from './candidate-view.entity';
import { Resume } from './resume.entity';
import { ResumeTextExtractor } from './resume-text-extractor';
import { ResumeUploadMiddleware } from './resume-upload';
import { ResumesController } from './resumes.controller';
import { ResumesService } from './resumes.service';
import { SavedJob } from './saved-job.entity';
import { SavedJobsController } from './saved-jobs.controller';
import { SavedJobsService } from './saved-jobs.service';

/**
 * Candidate profiles, resumes, saved jobs, and the candidate's data export
 * and account deletion. Global: the job pages and search results (saved
 * state), applying (resumes) and the employer pipeline and candidate search
 * (profile summaries, resume downloads) all use its services.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([CandidateProfile, CandidateCredential, CandidateSpecialty, CandidateView, Resume, SavedJob, Job]),
    TaxonomyModule,
    CodesModule,
    UsersModule,
    AuthModule,
  ],
  controllers: [CandidateProfileController, ResumesController, SavedJobsController, CandidateAccountController, CandidatePagesController],
  providers: [CandidateProfilesService, ResumesService, ResumeTextExtractor, SavedJobsService, CandidateAccountService, CandidatePagesService],
  exports: [CandidateProfilesService, ResumesService, SavedJobsService],
})
export class CandidatesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The web form's upload only; the API's upload is parsed by ResumeUploadInterceptor, after the guards.
    consumer.apply(ResumeUploadMiddleware).forRoutes({ path: 'me/resumes', method: RequestMethod.POST });
  }
}
