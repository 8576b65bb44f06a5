import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { jobPath } from '../jobs/job-paths';
import { Job, Workplace } from '../jobs/job.entity';
import { OrganizationsService, OrganizationView, toOrganizationView } from './organizations.service';
import { whereLabel } from '../jobs/job-presenter';

/** One open job in a company's list. */
export interface CompanyJobView {
  id: string;
  title: string;
  url: string;
  workplace: Workplace;
  /** "Austin, TX", "Hybrid: Austin, TX and 2 more", "Remote (TX, FL)", "Remote (US)". */
  location: string;
  publishedAt: string | null;
}

/** The public face of an organization: the profile, without internal ids, and its open jobs. */
export type CompanyView = Omit<OrganizationView, 'id'> & { jobs: CompanyJobView[] };

/** The most jobs a company page lists, newest first. */
const COMPANY_JOBS_LIMIT = 100;
@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * 404 for an unknown slug and for a suspended organization. Open means
   * published and not past its valid-through date, even before the expiry run has marked it.
   */
  async profile(slug: string): Promise<CompanyView> {
    const organization = await this.organizations.findBySlug(slug);
    if (organization.suspendedAt) throw new DomainError('not_found', 'There is no company at this address.');
    const jobs = await this.dataSource
      .getRepository(Job)
      .createQueryBuilder('j')
      .where(`j.organization_id = :id AND j.status = 'published'`, { id: organization.id })
      .andWhere('(j.valid_through IS NULL OR j.valid_through > :now)', { now: this.clock.now() })
      .orderBy('j.published_at', 'DESC', 'NULLS LAST')
      .addOrderBy('j.id')
      .take(COMPANY_JOBS_LIMIT)
      .getMany();
    const { id: _id, ...profile } = toOrganizationView(organization);
    return {
      ...profile,
      jobs: jobs.map((job) => ({
        id: job.id,
        title: job.title,
        url: jobPath(job),
        workplace: job.workplace,
        location: whereLabel(job),
        publishedAt: job.publishedAt?.toISOString() ?? null,
      })),
    };
  }
}
