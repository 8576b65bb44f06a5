import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Job } from '../jobs/job.entity';
import { dateView, DateView, JobDetailsView, presentJob, taxonomyNames } from '../jobs/job-presenter';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { User } from '../users/user.entity';
import { SavedJob } from './saved-job.entity';

/** A candidate saves jobs to come back to; far more than anyone reads is refused. */
export const MAX_SAVED_JOBS = 500;

export interface SavedJobView {
  savedAt: DateView;
  /** Still published and within its valid-through date: it can be applied to. */
  open: boolean;
  job: JobDetailsView;
}

/** For the API: the saved job and what it is now. */
export interface SavedJobApiView {
  jobId: string;
  savedAt: string;
  open: boolean;
  job: { id: string; title: string; url: string; status: string; organization: { name: string; slug: string }; where: string; salary: string | null };
}

export function savedJobApiView(saved: SavedJobView): SavedJobApiView {
  const { job } = saved;
  return {
    jobId: job.id,
    savedAt: saved.savedAt.iso,
    open: saved.open,
    job: {
      id: job.id,
      title: job.title,
      url: job.path,
      status: job.status,
      organization: { name: job.organization.name, slug: job.organization.slug },
      where: job.whereLabel,
      salary: job.salary?.label ?? null,
    },
  };
}

/** A candidate's saved jobs. Only candidates save jobs; every query names the candidate. */
@Injectable()
export class SavedJobsService {
  constructor(
    @InjectRepository(SavedJob) private readonly saved: Repository<SavedJob>,
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    private readonly taxonomy: TaxonomyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Saves an open job (saving it again changes nothing). A job that was never
   * published is not found; one that has closed or expired since cannot be
   * saved anew (409), though one saved earlier stays saved.
   */
  async save(userId: string, jobId: string): Promise<{ jobId: string; savedAt: Date }> {
    const job = isUUID(jobId) ? await this.jobs.findOneBy({ id: jobId }) : null;
    if (!job || job.status === 'draft' || job.status === 'pending_review') throw new DomainError('not_found', 'There is no such job.');
    const existing = await this.saved.findOneBy({ userId, jobId });
    if (existing) return { jobId, savedAt: existing.createdAt };
    if (!this.isOpen(job)) throw new DomainError('conflict', 'This job is no longer open, so it cannot be saved.');
    if ((await this.saved.countBy({ userId })) >= MAX_SAVED_JOBS) {
      throw new DomainError('conflict', `You can save up to ${MAX_SAVED_JOBS} jobs. Remove some you no longer need first.`);
    }
    // Two saves at once (two tabs) both succeed: the second finds the first's row.
    await this.saved.createQueryBuilder().insert().values({ userId, jobId }).orIgnore().execute();
    const row = await this.saved.findOneByOrFail({ userId, jobId });
    return { jobId, savedAt: row.createdAt };
  }

  /** Unsaving a job that is not saved changes nothing. */
  async unsave(userId: string, jobId: string): Promise<void> {
    if (!isUUID(jobId)) throw new DomainError('not_found', 'There is no such job.');
    await this.saved.delete({ userId, jobId });
  }

  /** The candidate's saved jobs, newest saved first, open or not (a closed one is marked). */
  async list(userId: string): Promise<SavedJobView[]> {
    const rows = await this.saved.find({ where: { userId }, relations: { job: { organization: true } }, order: { createdAt: 'DESC' } });
    if (!rows.length) return [];
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listSpecialties()]);
    const names = taxonomyNames(credentials, specialties);
    return rows.map((row) => ({
      savedAt: dateView(row.createdAt)!,
      open: this.isOpen(row.job!),
      job: presentJob(row.job!, row.job!.organization!, names),
    }));
  }

  /** Which of `jobIds` the user has saved. */
  async savedIds(userId: string, jobIds: string[]): Promise<Set<string>> {
    const ids = jobIds.filter((id) => isUUID(id));
    if (!ids.length) return new Set();
    const rows = await this.saved.find({ select: { jobId: true }, where: { userId, jobId: In(ids) } });
    return new Set(rows.map((r) => r.jobId));
  }

  /**
   * Job cards with `saved` set for the save button (views/partials/save_job_button.hbs):
   * the candidate's state, false for a visitor (the button asks them to sign in),
   * left unset for employers and admins, who have no button.
   */
  async withSavedState<T extends { id: string }>(user: User | undefined, items: T[]): Promise<Array<T & { saved?: boolean }>> {
    if (user && user.role !== 'candidate') return items;
    const saved = user
      ? await this.savedIds(
          user.id,
          items.map((i) => i.id),
        )
      : new Set<string>();
    return items.map((item) => ({ ...item, saved: saved.has(item.id) }));
  }

  private isOpen(job: Job): boolean {
    return job.status === 'published' && (job.validThrough === null || job.validThrough > this.clock.now());
  }
}
