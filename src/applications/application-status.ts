import type { ApplicationStatus } from './application.entity';

/**
 * The pipeline an employer moves an application along. Rejected is reachable
 * from any open state; withdrawn only by the candidate; hired, rejected and
 * withdrawn are final.
 */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  new: ['reviewed', 'rejected'],
  reviewed: ['shortlisted', 'rejected'],
  shortlisted: ['interviewing', 'rejected'],
  interviewing: ['offered', 'rejected'],
  offered: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['new', 'reviewed', 'shortlisted', 'interviewing', 'offered'];

export function isOpenApplication(status: ApplicationStatus): boolean {
  return OPEN_APPLICATION_STATUSES.includes(status);
}

/** Whether an employer may move an application from `from` to `to`. */
export function canEmployerMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses an employer can move an application to next. */
export function employerMovesFrom(from: ApplicationStatus): readonly ApplicationStatus[] {
  return NEXT[from];
}

/** A candidate may withdraw an application that is still open. */
export function canWithdraw(from: ApplicationStatus): boolean {
  return isOpenApplication(from);
}

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  new: 'New',
  reviewed: 'Reviewed',
  shortlisted: 'Shortlisted',
  interviewing: 'Interviewing',
  offered: 'Offered',
  hired: 'Hired',
  rejected: 'Not selected',
  withdrawn: 'Withdrawn',
};
