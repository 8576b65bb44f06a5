import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AuditEventPage, AuditEventsService } from './audit-events.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/audit')
export class AuditController {
  constructor(private readonly events: AuditEventsService) {}

  /** Newest first; pass `nextBefore` back as `before` for the next page. */
  @Get()
  list(@Query() query: AuditQueryDto): Promise<AuditEventPage> {
    return this.events.list(query);
  }
}
