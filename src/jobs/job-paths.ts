import { slugify } from '../employers/organizations.service';
import { Job } from './job.entity';

/** Pages under /jobs/:id/ that are routes of their own: a job titled "Apply" must not have its page there. */
const ROUTE_SLUGS = new Set(['apply', 'extend', 'report']);

/** The canonical page of a job: `/jobs/:id/:slug`; a wrong or missing slug redirects here. */
export function jobPath(job: Pick<Job, 'id' | 'title'>): string {
  const slug = slugify(job.title);
  return `/jobs/${job.id}/${ROUTE_SLUGS.has(slug) ? `${slug}-job` : slug}`;
}

/** The job page's apply buttons lead here: the click is counted, then the browser is sent on to where applying happens. */
export function jobApplyLinkPath(job: Pick<Job, 'id'>): string {
  return `/jobs/${job.id}/apply`;
}
