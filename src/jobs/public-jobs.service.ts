import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AlertFormView, alertFormView, jobAlertParams } from '../alerts/alert-form';
import { ApplyFormValues, ApplyPanel, ApplyPanelService, signInToApplyPath } from '../applications/apply-panel.service';
import { SavedJobsService } from '../candidates/saved-jobs.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { companyPath } from '../employers/organizations.service';
import { BACK_FROM_APPLY } from '../insight/job-insight-counter';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { User } from '../users/user.entity';
import type { SitemapEntry } from './feeds';
import { Job } from './job.entity';
import { buildJobPostingLd, serializeJsonLd } from './job-posting-ld';
import { DateView, dateView, JobDetailsView, presentJob, TaxonomyNames, taxonomyNames } from './job-presenter';
import { jobApplyLinkPath, jobPath } from './job-paths';
import { PublicScreeningQuestion, withoutKnockouts } from './screening-questions';

const SIMILAR_JOBS = 5;

export type GoneReason = 'filled' | 'closed' | 'expired';

export interface OpenJobPage {
  kind: 'open';
  job: JobDetailsView;
  jsonLd: string;
  screeningQuestions: PublicScreeningQuestion[];
}

export type JobPage = OpenJobPage | { kind: 'gone'; job: JobDetailsView; reason: GoneReason; since: DateView | null; similar: JobDetailsView[] };

/** An open job's page as one person sees it: `saved` for a coder's (or a visitor's) save button, and the apply section. */
export interface ViewerJobPage extends OpenJobPage {
  job: JobDetailsView & { saved?: boolean };
  /** For a job that takes applications on CareerCenter. */
  apply: ApplyPanel | null;
  /** "Alert me to jobs like this", for coders and visitors. */
  alertForm: AlertFormView | null;
  /** Where the apply buttons point (jobApplyLinkPath). */
  applyLinkPath: string;
}

/**
 * What the public sees of postings: the job page, search hits, feeds
 * and the sitemap. Read-only; "open" means published and not past its
 * valid-through date, even before the expiry run has marked it expired.
 */
@Injectable()
export class PublicJobsService {
  constructor(
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    private readonly taxonomy: TaxonomyService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly savedJobs: SavedJobsService,
    private readonly applyPanels: ApplyPanelService,
  ) {}

  private openJobs(): SelectQueryBuilder<Job> {
    return this.jobs
      .createQueryBuilder('j')
      .innerJoinAndSelect('j.organization', 'o')
      .where(`j.status = 'published' AND (j.valid_through IS NULL OR j.valid_through > :now)`, { now: this.clock.now() });
  }

  private newestFirst(query: SelectQueryBuilder<Job>): SelectQueryBuilder<Job> {
    return query.orderBy('j.published_at', 'DESC', 'NULLS LAST').addOrderBy('j.id', 'DESC');
  }

  private async names(): Promise<TaxonomyNames> {
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listSpecialties()]);
    return taxonomyNames(credentials, specialties);
  }

  private present(jobs: Job[], names: TaxonomyNames): JobDetailsView[] {
    return jobs.map((job) => presentJob(job, job.organization!, names));
  }

  private isOpen(job: Job): boolean {
    return job.status === 'published' && (job.validThrough === null || job.validThrough > this.clock.now());
  }

  /**
   * An open posting with its JSON-LD, or a closed or expired one with
   * similar open jobs. Unknown ids, drafts, postings waiting for review and
   * suspended ones are not found: their members preview them elsewhere.
   */
  async jobPage(id: string): Promise<JobPage> {
    const notFound = new DomainError('not_found', 'There is no job at this address. It may never have been published.');
    if (!isUUID(id)) throw notFound;
    const job = await this.jobs.findOne({ where: { id }, relations: { organization: true } });
    if (!job?.organization || job.status === 'draft' || job.status === 'pending_review' || job.status === 'suspended') throw notFound;
    const names = await this.names();
    const view = presentJob(job, job.organization, names);
    if (this.isOpen(job)) {
      const directApply = view.apply.method === 'onsite';
      const jsonLd = serializeJsonLd(buildJobPostingLd(view, { appUrl: this.env.appUrl, directApply }));
      return { kind: 'open', job: view, jsonLd, screeningQuestions: withoutKnockouts(job.screeningQuestions) };
    }
    const reason: GoneReason = job.status === 'closed' ? (job.closeReason === 'filled' ? 'filled' : 'closed') : 'expired';
    const since = reason === 'expired' ? job.validThrough : job.closedAt;
    return { kind: 'gone', job: view, reason, since: dateView(since), similar: await this.similarOpen(job, names) };
  }

  /** `page` for `user` (or a visitor); `values` are a refused application's, shown again in its form. */
  async viewerPage(user: User | undefined, page: OpenJobPage, values?: ApplyFormValues): Promise<ViewerJobPage> {
    const [job] = await this.savedJobs.withSavedState(user, [page.job]);
    const apply = page.job.apply.method === 'onsite' ? await this.applyPanels.panel(user, page.job, page.screeningQuestions, values) : null;
    const alertForm = alertFormView(user, jobAlertParams(page.job), page.job.path, { id: 'job-alert', label: 'Alert me to jobs like this' });
    return { ...page, job, apply, alertForm, applyLinkPath: jobApplyLinkPath(page.job) };
  }

  /**
   * Where an apply button sends `user`: the employer's application page or
   * address, the form further down the job page, or the sign-in page coming
   * back to it; the job page itself once the job has closed. Each target is
   * the job's own stored link or a path on this site, never anything taken
   * from the request, so the link is no open redirect.
   */
  async applyLink(user: User | undefined, id: string): Promise<{ jobId: string; location: string }> {
    const page = await this.jobPage(id);
    const { apply, path } = page.job;
    const location =
      page.kind === 'gone'
        ? path
        : apply.method === 'url'
          ? (apply.url ?? path)
          : apply.method === 'email'
            ? (apply.mailto ?? path)
            : user
              ? `${path}?${BACK_FROM_APPLY.name}=${BACK_FROM_APPLY.value}#apply-form-title`
              : signInToApplyPath(path);
    return { jobId: page.job.id, location };
  }

  /** Open jobs sharing a credential or a specialty with `job`, newest first. */
  private async similarOpen(job: Job, names: TaxonomyNames): Promise<JobDetailsView[]> {
    if (job.credentialCodes.length === 0 && job.specialtySlugs.length === 0) return [];
    const similar = await this.newestFirst(this.openJobs())
      .andWhere('j.id <> :id', { id: job.id })
      .andWhere('(j.credential_codes && :codes::text[] OR j.specialty_slugs && :slugs::text[])', { codes: job.credentialCodes, slugs: job.specialtySlugs })
      .limit(SIMILAR_JOBS)
      .getMany();
    return this.present(similar, names);
  }

  /**
   * The open jobs among `ids`, presented, in the order given: what search
   * hits are hydrated with. A job closed since the engine answered is left out.
   */
  async openJobViews(ids: string[]): Promise<Map<string, JobDetailsView>> {
    if (!ids.length) return new Map();
    const [jobs, names] = await Promise.all([this.openJobs().andWhere('j.id IN (:...ids)', { ids }).getMany(), this.names()]);
    return new Map(this.present(jobs, names).map((view) => [view.id, view]));
  }

  /** The newest open jobs (`limit`), or all of them, for the feeds. */
  async feedJobs(limit?: number): Promise<JobDetailsView[]> {
    const query = this.newestFirst(this.openJobs());
    if (limit) query.limit(limit);
    return this.present(await query.getMany(), await this.names());
  }

  /** Open jobs, and the company pages of organizations with open jobs, each with its last change. */
  async sitemapEntries(): Promise<{ jobs: SitemapEntry[]; companies: SitemapEntry[] }> {
    const jobs = await this.newestFirst(this.openJobs()).getMany();
    const companies = new Map<string, SitemapEntry>();
    for (const job of jobs) {
      const organization = job.organization!;
      // A company page changes with its profile and with each of its open jobs.
      const lastmod = job.updatedAt > organization.updatedAt ? job.updatedAt : organization.updatedAt;
      const seen = companies.get(organization.id)?.lastmod;
      if (!seen || seen < lastmod) companies.set(organization.id, { path: companyPath(organization), lastmod });
    }
    return {
      jobs: jobs.map((job) => ({ path: jobPath(job), lastmod: job.updatedAt })),
      companies: [...companies.values()],
    };
  }
}
