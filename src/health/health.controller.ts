import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { JobSearchService } from '../search/job-search.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly search: JobSearchService,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: the database answers. Search is `degraded` (still 200) when
   * Meilisearch is configured but not answering and Postgres serves searches.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 }), () => this.searchCheck()]);
  }

  private async searchCheck() {
    const status = await this.search.checkEngine();
    const indicator = this.indicators.check('search');
    return status.degraded
      ? indicator.degraded({ engine: status.engine, configured: status.configured, reason: status.reason, since: status.since })
      : indicator.up({ engine: status.engine });
  }
}
