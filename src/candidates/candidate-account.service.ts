import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Alert } from '../alerts/alert.entity';
import { AlertView, toAlertView } from '../alerts/alert-view';
import { ApplicationEvent } from '../applications/application-event.entity';
import { Application, ScreeningAnswer } from '../applications/application.entity';
import { PasswordService } from '../auth/passwords/password.service';
import { Clock } from '../common/clock';
import { CodeHistoryExport, CodeHistoryService } from '../codes/code-history.service';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { Email } from '../mail/email.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CandidateInvitation } from './candidate-invitation.entity';
import { CandidateProfilesService, CandidateProfileView, ProfileViewEntry } from './candidate-profiles.service';
import { Resume } from './resume.entity';
import { SavedJob } from './saved-job.entity';

/** The name an employer's records show once the candidate has deleted the account. */
export const FORMER_CANDIDATE_NAME = 'Former candidate';

/** Everything CareerCenter holds about a candidate, as `GET /api/me/export` returns it. */
export interface CandidateExport {
  exportedAt: string;
  account: { id: string; email: string; name: string; role: string; emailVerified: boolean; createdAt: string };
  profile: CandidateProfileView;
  resumes: Array<{
    id: string;
    fileName: string;
    contentType: string;
    size: number;
    isDefault: boolean;
    /** Taken off the profile, kept for the employer it was sent to. */
    removedAt: string | null;
    createdAt: string;
    text: string | null;
    contentBase64: string;
  }>;
  savedJobs: Array<{ jobId: string; title: string; organization: string; savedAt: string }>;
  applications: Array<{
    id: string;
    job: { id: string; title: string; organization: string };
    status: string;
    name: string;
    email: string | null;
    resumeId: string | null;
    coverLetter: string | null;
    answers: ScreeningAnswer[];
    appliedAt: string;
    timeline: Array<{ status: string; at: string; message: string | null }>;
  }>;
  invitations: Array<{
    id: string;
    organization: string;
    job: { id: string; title: string };
    message: string | null;
    status: string;
    sentAt: string;
    respondedAt: string | null;
  }>;
  profileViews: ProfileViewEntry[];
  /** Job alerts, as GET /api/alerts lists them. */
  alerts: AlertView[];
  emails: Array<{ subject: string; status: string; createdAt: string; sentAt: string | null }>;
  /** The opt-in history of code lookups: whether it is on, and the codes kept. */
  codeLookups: CodeHistoryExport;
}

/** The candidate's rights over their data: a full export, and deleting the account. */
@Injectable()
export class CandidateAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CandidateProfilesService,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly codeHistory: CodeHistoryService,
  ) {}

  async export(user: User): Promise<CandidateExport> {
    const manager = this.dataSource.manager;
    const [profile, profileViews, resumes, saved, applications, invitations, alerts, emails, codeLookups] = await Promise.all([
      this.profiles.get(user.id),
      this.profiles.viewsOf(user.id),
      manager.createQueryBuilder(Resume, 'r').addSelect(['r.content', 'r.text']).where('r.user_id = :id', { id: user.id }).orderBy('r.created_at').getMany(),
      manager.find(SavedJob, { where: { userId: user.id }, relations: { job: { organization: true } }, order: { createdAt: 'DESC' } }),
      manager.find(Application, { where: { candidateId: user.id }, relations: { job: { organization: true } }, order: { createdAt: 'DESC' } }),
      manager.find(CandidateInvitation, { where: { candidateId: user.id }, relations: { job: true, organization: true }, order: { createdAt: 'DESC' } }),
      manager.find(Alert, { where: { userId: user.id }, order: { createdAt: 'DESC', id: 'DESC' } }),
      manager.find(Email, { where: { toAddress: user.email }, order: { createdAt: 'DESC' } }),
      this.codeHistory.export(user.id),
    ]);
    const events = applications.length
      ? await manager
          .createQueryBuilder(ApplicationEvent, 'e')
          .where('e.application_id IN (:...ids)', { ids: applications.map((a) => a.id) })
          .orderBy('e.created_at')
          .getMany()
      : [];
    return {
      exportedAt: this.clock.now().toISOString(),
      account: { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified, createdAt: user.createdAt.toISOString() },
      profile,
      resumes: resumes.map((r) => ({
        id: r.id,
        fileName: r.fileName,
        contentType: r.contentType,
        size: r.size,
        isDefault: r.isDefault,
        removedAt: r.removedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        text: r.text,
        contentBase64: r.content.toString('base64'),
      })),
      savedJobs: saved.map((s) => ({ jobId: s.jobId, title: s.job!.title, organization: s.job!.organization!.name, savedAt: s.createdAt.toISOString() })),
      applications: applications.map((a) => ({
        id: a.id,
        job: { id: a.jobId, title: a.job!.title, organization: a.job!.organization!.name },
        status: a.status,
        name: a.candidateName,
        email: a.candidateEmail,
        resumeId: a.resumeId,
        coverLetter: a.coverLetter,
        answers: a.answers,
        appliedAt: a.createdAt.toISOString(),
        timeline: events.filter((e) => e.applicationId === a.id).map((e) => ({ status: e.status, at: e.createdAt.toISOString(), message: e.message })),
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        organization: i.organization!.name,
        job: { id: i.jobId, title: i.job!.title },
        message: i.message,
        status: i.status,
        sentAt: i.createdAt.toISOString(),
        respondedAt: i.respondedAt?.toISOString() ?? null,
      })),
      profileViews,
      alerts: alerts.map((alert) => toAlertView(alert, this.env.appUrl)),
      emails: emails.map((e) => ({ subject: e.subject, status: e.status, createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null })),
      codeLookups,
    };
  }

  /**
   * Deletes the account once the password is confirmed (422 otherwise), in
   * one transaction: the candidate's applications stay in the employers'
   * records, anonymized (no account, name, email, cover letter or resume;
   * the status, timeline, screening answers and the employer's notes stay);
   * resumes, the record of emails sent to the address, job alerts a guest
   * made for the address, and the account go, and with the account (by
   * foreign key) the profile, credentials, specialties, saved jobs, job
   * alerts, invitations, views and one-time tokens.
   */
  async deleteAccount(user: User, password: string): Promise<void> {
    if (!(await this.passwords.verify(await this.users.passwordHashOf(user.id), password))) {
      throw DomainError.invalid({ password: ['Your password is not correct.'] }, 'Your password is not correct.');
    }
    await this.dataSource.transaction(async (manager) => {
      // A second submission waits here, then finds nothing left to delete.
      const [locked] = (await manager.query('SELECT email FROM users WHERE id = $1 FOR UPDATE', [user.id])) as Array<{ email: string }>;
      if (!locked) return;
      await manager
        .createQueryBuilder()
        .update(Application)
        .set({
          candidateId: null,
          candidateName: FORMER_CANDIDATE_NAME,
          candidateEmail: null,
          coverLetter: null,
          resumeId: null,
          anonymizedAt: this.clock.now(),
        })
        .where('candidate_id = :id', { id: user.id })
        .execute();
      await manager.delete(Resume, { userId: user.id });
      await manager.delete(Email, { toAddress: locked.email });
      await manager.delete(Alert, { guestEmail: locked.email });
      await manager.delete(User, { id: user.id });
    });
  }
}
