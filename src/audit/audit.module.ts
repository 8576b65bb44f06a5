import { Global, Module } from '@nestjs/common';
import { AuditEventsService } from './audit-events.service';
import { AuditLog } from './audit-log.service';
import { AuditPagesController } from './audit-pages.controller';
import { AuditController } from './audit.controller';

/** Global: every feature that changes something sensitive records it. Admins read it at /admin/audit and /api/admin/audit. */
@Global()
@Module({
  controllers: [AuditController, AuditPagesController],
  providers: [AuditLog, AuditEventsService],
  exports: [AuditLog],
})
export class AuditModule {}
