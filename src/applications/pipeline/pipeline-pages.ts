import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { APPLICATION_EMAIL_CHOICES } from '../../employers/organization-member.entity';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import { User } from '../../users/user.entity';
import { APPLICATION_EMAIL_LABELS, ApplicationEmailsService } from './application-emails.service';
import { presentApplicantsPage, presentApplicationPage } from './applicants-page.presenter';
import { ApplicantsParams } from './applicants-query';
import { PipelineService } from './pipeline.service';

export type Page = Record<string, unknown>;

/** Builds each page's data; also used to show a refused form again in its full page. */
@Injectable()
export class PipelinePages {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly applicationEmails: ApplicationEmailsService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async applicants(user: User, jobId: string, params: ApplicantsParams = {}): Promise<Page> {
    const [list, credentials] = await Promise.all([this.pipeline.applicants(user, jobId, params), this.taxonomy.listCredentials()]);
    return presentApplicantsPage(list, credentials);
  }

  async application(user: User, id: string): Promise<Page> {
    return presentApplicationPage(await this.pipeline.application(user, id));
  }

  async emails(user: User): Promise<Page> {
    const current = await this.applicationEmails.getMine(user);
    return {
      organization: current && { id: current.organizationId, name: current.organizationName },
      choices: APPLICATION_EMAIL_CHOICES.map((value) => ({ value, ...APPLICATION_EMAIL_LABELS[value], checked: value === current?.applicationEmails })),
    };
  }
}

/**
 * Loads the page a form belongs to into `res.locals` before the pipes
 * validate it, so that a refused form (FormView) comes back in its full page.
 */
abstract class PageLocals implements NestInterceptor {
  protected abstract load(user: User, params: Record<string, string>): Promise<Page>;

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    Object.assign(http.getResponse<Response>().locals, await this.load(req.user as User, req.params as Record<string, string>));
    return next.handle();
  }
}

@Injectable()
export class ApplicantsPageLocals extends PageLocals {
  constructor(private readonly pages: PipelinePages) {
    super();
  }

  protected load(user: User, params: Record<string, string>): Promise<Page> {
    return this.pages.applicants(user, params.id);
  }
}

@Injectable()
export class ApplicationPageLocals extends PageLocals {
  constructor(private readonly pages: PipelinePages) {
    super();
  }

  protected load(user: User, params: Record<string, string>): Promise<Page> {
    return this.pages.application(user, params.id);
  }
}

@Injectable()
export class ApplicationEmailsPageLocals extends PageLocals {
  constructor(private readonly pages: PipelinePages) {
    super();
  }

  protected load(user: User): Promise<Page> {
    return this.pages.emails(user);
  }
}
