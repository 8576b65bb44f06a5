import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { organizationNotFound, isUuid } from '../../employers/organization-access';
import { ApplicationEmailChoice } from '../../employers/organization-member.entity';
import { User } from '../../users/user.entity';

export interface ApplicationEmailsView {
  organizationId: string;
  organizationName: string;
  applicationEmails: ApplicationEmailChoice;
}

export const APPLICATION_EMAIL_LABELS: Record<ApplicationEmailChoice, { label: string; hint: string }> = {
  instant: { label: 'Each new application', hint: 'An email as soon as someone applies to one of your jobs.' },
  daily: { label: 'A daily summary', hint: 'One email a day listing the new applications, only on days with some.' },
  off: { label: 'No emails', hint: 'You see new applications on your dashboard.' },
};

/** Each member's own choice of how to hear about new applications to the organization's jobs. */
@Injectable()
export class ApplicationEmailsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(user: User, organizationId: string): Promise<ApplicationEmailsView> {
    const rows: Array<{ organization_id: string; name: string; application_emails: ApplicationEmailChoice }> = isUuid(organizationId)
      ? await this.dataSource.query(
          `SELECT m.organization_id, o.name, m.application_emails
             FROM organization_members m JOIN organizations o ON o.id = m.organization_id
            WHERE m.organization_id = $1 AND m.user_id = $2`,
          [organizationId, user.id],
        )
      : [];
    const row = rows[0];
    if (!row) throw organizationNotFound();
    return { organizationId: row.organization_id, organizationName: row.name, applicationEmails: row.application_emails };
  }

  /** The user's choice in their (first) organization, for the web page; undefined outside any organization. */
  async getMine(user: User): Promise<ApplicationEmailsView | undefined> {
    const [row]: Array<{ organization_id: string }> = await this.dataSource.query(
      `SELECT organization_id FROM organization_members WHERE user_id = $1 ORDER BY created_at LIMIT 1`,
      [user.id],
    );
    return row ? this.get(user, row.organization_id) : undefined;
  }

  /**
   * Switching to the daily digest starts it from now: the applications before
   * were already emailed one by one, or the member chose to hear nothing of them.
   */
  async set(user: User, organizationId: string, choice: ApplicationEmailChoice): Promise<ApplicationEmailsView> {
    const [, updated]: [unknown, number] = isUuid(organizationId)
      ? await this.dataSource.query(
          `UPDATE organization_members
              SET application_emails = $3::varchar,
                  application_digest_sent_at = CASE WHEN $3::varchar = 'daily' AND application_emails <> 'daily' THEN $4::timestamptz ELSE application_digest_sent_at END
            WHERE organization_id = $1 AND user_id = $2`,
          [organizationId, user.id, choice, this.clock.now()],
        )
      : [[], 0];
    if (!updated) throw organizationNotFound();
    return this.get(user, organizationId);
  }
}
