import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Env } from '../config/env';
import { JobSearchApiHit, toJobSearchApiResult } from '../search/job-search-api';
import { User } from '../users/user.entity';
import { searchParamsOf } from './alert-filters';
import { AlertView, toAlertView } from './alert-view';
import { AlertsService, MAX_MEMBER_ALERTS } from './alerts.service';
import { CreateAlertDto, UpdateAlertDto } from './dto/alert.dto';

/** A coder's job alerts over JSON; another member's alert answers 404. */
@ApiTags('alerts')
@ApiBearerAuth()
@Roles('candidate')
@Controller('api/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly env: Env,
  ) {}

  /** The same query object as GET /api/jobs: a filter value it refuses is a 400 listing the allowed ones. */
  @Post()
  @ApiCreatedResponse({ description: `The alert, confirmed at once. 409 past ${MAX_MEMBER_ALERTS} alerts (unsubscribed ones aside).` })
  async create(@CurrentUser() user: User, @Body() dto: CreateAlertDto): Promise<AlertView> {
    const params = searchParamsOf(dto.query, dto.filters);
    const alert = await this.alerts.create({ userId: user.id }, { name: dto.name, params, frequency: dto.frequency, timeZone: dto.timeZone });
    return toAlertView(alert, this.env.appUrl);
  }

  @Get()
  @ApiOkResponse({ description: 'Newest first, paused and unsubscribed ones included.' })
  async list(@CurrentUser() user: User): Promise<AlertView[]> {
    return (await this.alerts.list({ userId: user.id })).map((alert) => toAlertView(alert, this.env.appUrl));
  }

  /** What the alert would have sent in the last 7 days (its own search, newest first, at most 20). */
  @Get(':id/preview')
  async preview(@CurrentUser() user: User, @Param('id') id: string): Promise<{ days: number; total: number; jobs: JobSearchApiHit[] }> {
    const { days, result } = await this.alerts.preview({ userId: user.id }, id);
    return { days, total: result.total, jobs: toJobSearchApiResult(result, this.env.appUrl).hits };
  }

  @Patch(':id')
  async update(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: UpdateAlertDto): Promise<AlertView> {
    return toAlertView(await this.alerts.update({ userId: user.id }, id, dto), this.env.appUrl);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its pending deliveries.' })
  async remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    await this.alerts.remove({ userId: user.id }, id);
  }
}
