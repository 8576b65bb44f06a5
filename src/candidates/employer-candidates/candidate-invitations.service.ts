import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { Env } from '../../config/env';
import { companyPath } from '../../employers/organizations.service';
import { jobPath } from '../../jobs/job-paths';
import { dateView } from '../../jobs/job-presenter';
import { JobStatus } from '../../jobs/job.entity';
import { MailService } from '../../mail/mail.service';
import { User } from '../../users/user.entity';
import { CandidateInvitationStatus } from '../candidate-invitation.entity';
import { SentInvitationStatus, sentStatus } from './candidate-search.service';
import { candidatePath, shortName } from './candidate-summary';
import { contactVisibleSql } from './contact-access';
import { VISIBLE_CANDIDATE } from './visible-candidates';
import { InviteCandidateDto } from './dto/invite-candidate.dto';

/** Invitations an organization may send in any 24 hours: each is an email we send to a coder on the employer's word. */
export const MAX_INVITATIONS_PER_DAY = 100;
const DAY_MS = 86400_000;
/** The longest list either side is shown; older invitations have long been answered. */
const LIST_LIMIT = 500;

export const MY_INVITATIONS_PATH = '/me/invitations';
export const SENT_INVITATIONS_PATH = '/employer/candidates/invitations';

/** An invitation as the organization that sent it sees it. */
export interface SentInvitationView {
  id: string;
  status: SentInvitationStatus;
  message: string | null;
  sentAt: string;
  sentOn: string;
  /** Only an acceptance is reported: ignoring is silent. */
  acceptedAt: string | null;
  job: { id: string; title: string };
  candidate: { id: string; displayName: string; path: string };
  /** Once revealed (contact-access.ts). */
  contact: { name: string; email: string } | null;
  invitedBy: string | null;
}

/** An invitation as the candidate sees it. */
export interface ReceivedInvitationView {
  id: string;
  status: CandidateInvitationStatus;
  message: string | null;
  sentAt: string;
  sentOn: string;
  respondedAt: string | null;
  organization: { name: string; slug: string; url: string };
  job: { id: string; title: string; url: string; open: boolean };
  /** The candidate has applied to the job since. */
  applied: boolean;
}

interface SentRow {
  id: string;
  status: CandidateInvitationStatus;
  message: string | null;
  created_at: Date;
  responded_at: Date | null;
  job_id: string;
  job_title: string;
  candidate_id: string;
  candidate_name: string;
  candidate_email: string;
  inviter_name: string | null;
  contact_visible: boolean;
}

interface ReceivedRow {
  id: string;
  status: CandidateInvitationStatus;
  message: string | null;
  created_at: Date;
  responded_at: Date | null;
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  invited_by: string | null;
  job_id: string;
  job_title: string;
  job_status: JobStatus;
  valid_through: Date | null;
  applied: boolean;
}

const RECEIVED_SELECT = `SELECT i.id, i.status, i.message, i.created_at, i.responded_at, i.invited_by,
       o.id AS organization_id, o.name AS organization_name, o.slug AS organization_slug,
       j.id AS job_id, j.title AS job_title, j.status AS job_status, j.valid_through,
       EXISTS (SELECT 1 FROM applications a WHERE a.job_id = i.job_id AND a.candidate_id = i.candidate_id) AS applied
  FROM candidate_invitations i JOIN organizations o ON o.id = i.organization_id JOIN jobs j ON j.id = i.job_id`;

const notFound = () => new DomainError('not_found', 'There is no such invitation among yours.');

/**
 * "Invite to apply": a verified organization emails a visible candidate
 * about one of its open jobs; the candidate accepts (revealing their contact
 * details to it, and telling its inviter) or ignores it, silently.
 */
@Injectable()
export class CandidateInvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  /**
   * One invitation per candidate and job. The job's organization must be one
   * of the user's (checked in the query) and verified, and the job open. The
   * organization's row is locked, so the daily limit holds under parallel requests.
   */
  async invite(user: User, candidateId: string, input: InviteCandidateDto): Promise<SentInvitationView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const [job]: Array<{
        id: string;
        title: string;
        status: JobStatus;
        valid_through: Date | null;
        organization_id: string;
        organization_name: string;
        verified_at: Date | null;
      }> = await manager.query(
        `SELECT j.id, j.title, j.status, j.valid_through, j.organization_id, o.name AS organization_name, o.verified_at
             FROM jobs j JOIN organizations o ON o.id = j.organization_id
            WHERE j.id = $1 AND j.organization_id IN (SELECT m.organization_id FROM organization_members m WHERE m.user_id = $2)
              FOR UPDATE OF o`,
        [input.jobId, user.id],
      );
      if (!job) {
        throw new DomainError('not_found', 'There is no such job among your organization’s postings.', { jobId: ['Choose one of your open jobs.'] });
      }
      if (!job.verified_at) throw new DomainError('forbidden', 'Only verified employers can invite candidates to apply.');
      if (job.status !== 'published' || (job.valid_through && job.valid_through <= now)) {
        throw new DomainError('conflict', `“${job.title}” is not open, so nobody can apply to it. Choose an open job.`, {
          jobId: ['Choose one of your open jobs.'],
        });
      }
      const [candidate]: Array<{ id: string; name: string; email: string; applied: boolean }> = isUUID(candidateId)
        ? await manager.query(
            `SELECT u.id, u.name, u.email, EXISTS (SELECT 1 FROM applications a WHERE a.job_id = $2 AND a.candidate_id = u.id) AS applied
               FROM candidate_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1 AND ${VISIBLE_CANDIDATE}`,
            [candidateId, job.id],
          )
        : [];
      if (!candidate) throw new DomainError('not_found', 'There is no such candidate, or they are no longer visible to employers.');
      const name = shortName(candidate.name);
      if (candidate.applied) {
        throw new DomainError('conflict', `${name} has already applied to “${job.title}”.`, { jobId: ['This candidate has already applied to this job.'] });
      }
      await this.checkDailyLimit(manager, job.organization_id, now);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO candidate_invitations (organization_id, job_id, candidate_id, invited_by, message, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_id, candidate_id) DO NOTHING RETURNING id`,
        [job.organization_id, job.id, candidate.id, user.id, input.message ?? null, now],
      );
      if (!inserted.length) {
        throw new DomainError('conflict', `You have already invited ${name} to apply to “${job.title}”.`, {
          jobId: ['This candidate has already been invited to this job.'],
        });
      }
      await this.mail.send(
        'candidate-invitation',
        candidate.email,
        {
          name: candidate.name,
          organizationName: job.organization_name,
          jobTitle: job.title,
          jobLink: `${this.env.appUrl}${jobPath(job)}`,
          message: input.message ?? null,
          invitationsLink: `${this.env.appUrl}${MY_INVITATIONS_PATH}`,
        },
        { manager },
      );
      const [view] = await this.sentRows(manager, user.id, inserted[0].id);
      return view;
    });
  }

  /** The invitations of the user's organizations, newest first. */
  sentByMyOrganizations(user: User): Promise<SentInvitationView[]> {
    return this.sentRows(this.dataSource.manager, user.id);
  }

  /** The candidate's invitations, newest first. */
  async received(user: User): Promise<ReceivedInvitationView[]> {
    const rows: ReceivedRow[] = await this.dataSource.query(
      `${RECEIVED_SELECT} WHERE i.candidate_id = $1 ORDER BY i.created_at DESC, i.id LIMIT ${LIST_LIMIT}`,
      [user.id],
    );
    return rows.map((row) => this.receivedView(row));
  }

  /**
   * Reveals the candidate's name and email to the organization, and tells
   * whoever sent the invitation. Accepting again changes nothing; an
   * ignored invitation can still be accepted.
   */
  async accept(user: User, id: string): Promise<ReceivedInvitationView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockReceived(manager, user, id);
      if (row.status === 'accepted') return this.receivedView(row);
      const now = this.clock.now();
      await manager.query(`UPDATE candidate_invitations SET status = 'accepted', responded_at = $2 WHERE id = $1`, [row.id, now]);
      await this.tellInviter(manager, row, user);
      return this.receivedView({ ...row, status: 'accepted', responded_at: now });
    });
  }

  /** Declines without telling the organization; its invitation simply stays unanswered. An accepted one cannot be taken back. */
  async ignore(user: User, id: string): Promise<ReceivedInvitationView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockReceived(manager, user, id);
      if (row.status === 'accepted') {
        throw new DomainError('conflict', `You accepted this invitation, so ${row.organization_name} already has your contact details.`);
      }
      if (row.status === 'ignored') return this.receivedView(row);
      const now = this.clock.now();
      await manager.query(`UPDATE candidate_invitations SET status = 'ignored', responded_at = $2 WHERE id = $1`, [row.id, now]);
      return this.receivedView({ ...row, status: 'ignored', responded_at: now });
    });
  }

  private async checkDailyLimit(manager: EntityManager, organizationId: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - DAY_MS);
    const [{ sent, oldest }]: Array<{ sent: number; oldest: Date | null }> = await manager.query(
      `SELECT count(*)::int AS sent, min(created_at) AS oldest FROM candidate_invitations WHERE organization_id = $1 AND created_at > $2`,
      [organizationId, since],
    );
    if (sent < MAX_INVITATIONS_PER_DAY) return;
    const until = new Date((oldest ?? now).getTime() + DAY_MS);
    const at = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(until);
    throw new DomainError(
      'rate_limited',
      `Your organization has sent ${MAX_INVITATIONS_PER_DAY} invitations in the last 24 hours, the most we send in a day. You can send more after ${at} UTC.`,
    );
  }

  /** The user's organizations' invitations (or the one with `id`), with the contact rule applied. */
  private async sentRows(manager: EntityManager, userId: string, id?: string): Promise<SentInvitationView[]> {
    const rows: SentRow[] = await manager.query(
      `SELECT i.id, i.status, i.message, i.created_at, i.responded_at, j.id AS job_id, j.title AS job_title,
              c.id AS candidate_id, c.name AS candidate_name, c.email AS candidate_email, inviter.name AS inviter_name,
              ${contactVisibleSql('i.organization_id', 'i.candidate_id')} AS contact_visible
         FROM candidate_invitations i
         JOIN jobs j ON j.id = i.job_id
         JOIN users c ON c.id = i.candidate_id
         LEFT JOIN users inviter ON inviter.id = i.invited_by
        WHERE i.organization_id IN (SELECT m.organization_id FROM organization_members m WHERE m.user_id = $1)${id ? ' AND i.id = $2' : ''}
        ORDER BY i.created_at DESC, i.id LIMIT ${LIST_LIMIT}`,
      id ? [userId, id] : [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      status: sentStatus(r.status),
      message: r.message,
      sentAt: r.created_at.toISOString(),
      sentOn: dateView(r.created_at)!.label,
      acceptedAt: r.status === 'accepted' && r.responded_at ? r.responded_at.toISOString() : null,
      job: { id: r.job_id, title: r.job_title },
      candidate: { id: r.candidate_id, displayName: r.contact_visible ? r.candidate_name : shortName(r.candidate_name), path: candidatePath(r.candidate_id) },
      contact: r.contact_visible ? { name: r.candidate_name, email: r.candidate_email } : null,
      invitedBy: r.inviter_name,
    }));
  }

  /** The candidate's own invitation, locked; anyone else's is not found. */
  private async lockReceived(manager: EntityManager, user: User, id: string): Promise<ReceivedRow> {
    const [row]: ReceivedRow[] = isUUID(id)
      ? await manager.query(`${RECEIVED_SELECT} WHERE i.id = $1 AND i.candidate_id = $2 FOR UPDATE OF i`, [id, user.id])
      : [];
    if (!row) throw notFound();
    return row;
  }

  /** The member who sent the invitation, or the owners if that member has left the team. */
  private async tellInviter(manager: EntityManager, row: ReceivedRow, candidate: User): Promise<void> {
    const recipients: Array<{ email: string; name: string }> = await manager.query(
      `WITH team AS (
         SELECT u.id, u.email, u.name, m.role FROM organization_members m JOIN users u ON u.id = m.user_id
          WHERE m.organization_id = $1 AND u.disabled_at IS NULL)
       SELECT email, name FROM team
        WHERE id = $2 OR (role = 'owner' AND NOT EXISTS (SELECT 1 FROM team WHERE id = $2))
        ORDER BY email`,
      [row.organization_id, row.invited_by],
    );
    for (const recipient of recipients) {
      await this.mail.send(
        'candidate-invitation-accepted',
        recipient.email,
        {
          name: recipient.name,
          candidateName: candidate.name,
          candidateEmail: candidate.email,
          jobTitle: row.job_title,
          invitationsLink: `${this.env.appUrl}${SENT_INVITATIONS_PATH}`,
        },
        { manager },
      );
    }
  }

  private receivedView(row: ReceivedRow): ReceivedInvitationView {
    const open = row.job_status === 'published' && (row.valid_through === null || row.valid_through > this.clock.now());
    return {
      id: row.id,
      status: row.status,
      message: row.message,
      sentAt: row.created_at.toISOString(),
      sentOn: dateView(row.created_at)!.label,
      respondedAt: row.responded_at?.toISOString() ?? null,
      organization: { name: row.organization_name, slug: row.organization_slug, url: companyPath({ slug: row.organization_slug }) },
      job: { id: row.job_id, title: row.job_title, url: jobPath({ id: row.job_id, title: row.job_title }), open },
      applied: row.applied,
    };
  }
}
