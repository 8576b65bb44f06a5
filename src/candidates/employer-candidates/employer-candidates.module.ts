import { Module } from '@nestjs/common';
import { EmployersModule } from '../../employers/employers.module';
import { TaxonomyModule } from '../../taxonomy/taxonomy.module';
import { CandidateInvitationsService } from './candidate-invitations.service';
import { CandidateSearchService } from './candidate-search.service';
import { EmployerCandidatePagesController } from './employer-candidate-pages.controller';
import { EmployerCandidatesController } from './employer-candidates.controller';
import { MyInvitationPagesController } from './my-invitation-pages.controller';
import { MyInvitationsController } from './my-invitations.controller';

/** Employers finding opted-in candidates, inviting them to apply, and the candidates' answers. Profile summaries come from the (global) CandidatesModule. */
@Module({
  imports: [TaxonomyModule, EmployersModule],
  controllers: [EmployerCandidatesController, EmployerCandidatePagesController, MyInvitationsController, MyInvitationPagesController],
  providers: [CandidateSearchService, CandidateInvitationsService],
})
export class EmployerCandidatesModule {}
