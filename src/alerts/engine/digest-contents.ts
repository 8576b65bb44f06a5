import { AlertJob, newestFirst } from './alert-jobs';

/** A digest lists at most this many jobs; the full search has the rest. */
export const DIGEST_MAX_JOBS = 20;

/**
 * One alert's digest from its pending deliveries: the open jobs, newest
 * first, at most DIGEST_MAX_JOBS. The other deliveries (a job closed or
 * expired, or past the limit) are skipped: each job goes to an alert once.
 */
export function digestContents<D extends { id: string; jobId: string }>(
  pending: readonly D[],
  openJobs: ReadonlyMap<string, AlertJob>,
): { included: Array<{ delivery: D; job: AlertJob }>; skipped: D[] } {
  const open = pending.flatMap((delivery) => {
    const job = openJobs.get(delivery.jobId);
    return job ? [{ delivery, job }] : [];
  });
  open.sort((a, b) => newestFirst(a.job, b.job));
  const included = open.slice(0, DIGEST_MAX_JOBS);
  const kept = new Set(included.map((i) => i.delivery.id));
  return { included, skipped: pending.filter((d) => !kept.has(d.id)) };
}
