import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { JobInsightQueryDto } from './dto/job-insight-query.dto';
import { JobInsight, JobInsightService } from './job-insight.service';

/** A job's insight over JSON: only its organization's members. */
@ApiTags('jobs')
@ApiBearerAuth()
@Roles('employer')
@Controller('api')
export class JobInsightController {
  constructor(private readonly insight: JobInsightService) {}

  @Get('jobs/:id/insight')
  @ApiOkResponse({ description: 'Views, unique visitors, apply clicks and applications per UTC day, oldest first, and their totals.' })
  show(@CurrentUser() user: User, @Param('id') id: string, @Query() query: JobInsightQueryDto): Promise<JobInsight> {
    return this.insight.forMember(user, id, query.days);
  }
}
