import { slugify } from '../employers/organizations.service';
import { Job } from './job.entity';

/** The canonical page of a job: `/jobs/:id/:slug`; a wrong or missing slug redirects here. */
export function jobPath(job: Pick<Job, 'id' | 'title'>): string {
  return `/jobs/${job.id}/${slugify(job.title)}`;
}
