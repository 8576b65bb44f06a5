import { dateView } from '../jobs/job-presenter';
import { AdminOrganization, ORGANIZATION_STATES } from './organization-moderation.service';
import { JobAwaitingReview } from './review-queue.service';

export type AdminSection = 'dashboard' | 'review' | 'reports' | 'organizations' | 'users' | 'audit';

/** What every admin page's layout reads: its section for the navigation, its title, and never indexed. */
export function adminPage<T extends object>(
  adminSection: AdminSection,
  title: string,
  content: T,
): T & { adminSection: AdminSection; title: string; noindex: true } {
  return { ...content, adminSection, title, noindex: true };
}

export function reviewPage(jobs: JobAwaitingReview[]) {
  return adminPage('review', 'Review queue', {
    jobs: jobs.map((job) => ({ ...job, waitingSince: dateView(job.updatedAt), pausedByReports: job.openReports > 0 })),
  });
}

export function organizationsPage(organizations: AdminOrganization[], filter: { q?: string; state?: string }) {
  return adminPage('organizations', 'Organizations', {
    filter,
    states: ORGANIZATION_STATES.map((value) => ({ value, selected: value === (filter.state ?? 'all') })),
    organizations: organizations.map((o) => ({ ...o, created: dateView(o.createdAt), verified: dateView(o.verifiedAt), suspended: dateView(o.suspendedAt) })),
  });
}
