import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { CompanyPagesController } from './company-pages.controller';
import { EmployerPagesController } from './employer-pages.controller';
import { InvitationPagesController } from './invitation-pages.controller';
import { LogoUploadMiddleware } from './logo-upload';
import { OrganizationInvitation } from './organization-invitation.entity';
import { OrganizationMember } from './organization-member.entity';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';

/** Organizations, their teams and invitations, and the public company pages. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationMember, OrganizationInvitation])],
  controllers: [OrganizationsController, TeamController, CompaniesController, CompanyPagesController, EmployerPagesController, InvitationPagesController],
  providers: [OrganizationsService, TeamService, CompaniesService],
  exports: [OrganizationsService],
})
export class EmployersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The web form's upload only; the API's upload is parsed by FileInterceptor, after the guards.
    consumer.apply(LogoUploadMiddleware).forRoutes({ path: 'employer/organization/logo', method: RequestMethod.POST });
  }
}
