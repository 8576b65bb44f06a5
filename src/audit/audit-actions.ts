/**
 * Every action the audit log records, dotted and subject first, with the
 * name the admin pages show. The filters offer exactly these, so an action
 * recorded anywhere must be listed here.
 */
export const AUDIT_ACTION_LABELS = {
  'job.published': 'Job published',
  'job.submitted_for_review': 'Job sent for review',
  'job.renewed': 'Job renewed or extended',
  'job.closed': 'Job closed',
  'team.member_invited': 'Team member invited',
  'team.invitation_revoked': 'Team invitation withdrawn',
  'team.member_joined': 'Team member joined',
  'team.member_removed': 'Team member removed',
  'application.status_changed': 'Applicant status changed',
  'application.withdrawn': 'Application withdrawn',
  'job.approved': 'Job approved',
  'job.rejected': 'Job sent back to the employer',
  'job.paused_by_reports': 'Job paused by reports',
  'report.dismissed': 'Reports dismissed',
  'organization.verified': 'Organization verified',
  'organization.suspended': 'Organization suspended',
  'organization.reinstated': 'Organization reinstated',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled again',
  'user.verification_resent': 'Verification email sent again',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];
