import { CallHandler, Controller, ExecutionContext, Get, Injectable, NestInterceptor, Query, Render, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { Roles } from '../auth/roles.decorator';
import { FormView } from '../common/form-view';
import { AuditEventsService } from './audit-events.service';
import { AUDIT_PAGE_LOCALS, AuditPageView, presentAuditPage } from './audit-page.presenter';
import { AuditQueryDto } from './dto/audit-query.dto';

/** Sets the filter form's choices before validation, so that refused filters (FormView) show the whole form again. */
@Injectable()
export class AuditPageLocals implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    Object.assign(context.switchToHttp().getResponse<Response>().locals, AUDIT_PAGE_LOCALS);
    return next.handle();
  }
}

/** The audit log in the admin area; refused filters come back as 422 with their messages. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/audit')
export class AuditPagesController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @FormView('admin/audit')
  @UseInterceptors(AuditPageLocals)
  @Render('admin/audit')
  async index(@Query() query: AuditQueryDto): Promise<AuditPageView> {
    return presentAuditPage(await this.events.list(query), query);
  }
}
