import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AlertMatcher } from '../alerts/engine/alert-matcher';
import { ApplicationEvent } from '../applications/application-event.entity';
import { Application } from '../applications/application.entity';
import { PasswordService } from '../auth/passwords/password.service';
import { CandidateCredential } from '../candidates/candidate-credential.entity';
import { CandidateProfile } from '../candidates/candidate-profile.entity';
import { CandidateSpecialty } from '../candidates/candidate-specialty.entity';
import { Resume } from '../candidates/resume.entity';
import { ResumesService } from '../candidates/resumes.service';
import { Clock } from '../common/clock';
import { renderMarkdown } from '../common/markdown';
import { OrganizationMember } from '../employers/organization-member.entity';
import { OrganizationsService } from '../employers/organizations.service';
import { Job } from '../jobs/job.entity';
import { SearchSyncService } from '../search/search-sync.service';
import { User } from '../users/user.entity';
import {
  DEMO_APPLICATIONS,
  DEMO_CANDIDATE_PROFILES,
  DEMO_JOBS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  DemoJob,
  DemoOrganizationProfile,
} from './demo-content';
import { textPdf } from './text-pdf';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How long a demo posting stays open after publishing, as the posting form's default. */
const VALID_DAYS = 30;

/** Namespace of the demo job ids (a fixed random UUID). */
const DEMO_JOB_NAMESPACE = Buffer.from('9faf41be723d4f55a718e50b66f38735', 'hex');

/**
 * The id of the demo job with `key`: a name-based UUID (version 5, RFC 9562
 * section 5.5), so every load computes the same id and finds the job an
 * earlier load made.
 */
export function demoJobId(key: string): string {
  const bytes = createHash('sha1').update(DEMO_JOB_NAMESPACE).update(`demo-job:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The day `months` months after `now` (before it when negative), as a date column holds it. */
export function demoDate(now: Date, months: number): string {
  const day = new Date(now);
  day.setUTCMonth(day.getUTCMonth() + months);
  return day.toISOString().slice(0, 10);
}

/** What one section of the dataset found already there and what it added. */
interface Tally {
  what: string;
  created: number;
  existing: number;
}

/** State shared by the sections of one load. */
interface DemoLoad {
  manager: EntityManager;
  now: Date;
  /** Demo user ids by email, filled by the users section for the ones after it. */
  userIds: Map<string, string>;
  /** Demo organizations by name, with their owner's id, filled by the organizations section. */
  organizations: Map<string, { id: string; ownerId: string }>;
}

/**
 * Loads the demo dataset (see demo-content.ts). Loading again adds only what
 * is missing and changes nothing that exists, so it is safe on every start.
 */
@Injectable()
export class DemoDataService {
  /** In order: a section may use what the ones before it made. */
  private readonly sections: Array<(load: DemoLoad) => Promise<Tally>> = [
    (load) => this.loadUsers(load),
    (load) => this.loadOrganizations(load),
    (load) => this.loadJobs(load),
    (load) => this.loadCandidateProfiles(load),
    (load) => this.loadApplications(load),
  ];

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    private readonly searchSync: SearchSyncService,
    private readonly resumes: ResumesService,
    private readonly alertMatcher: AlertMatcher,
  ) {}

  async load(log: (message: string) => void): Promise<void> {
    const tallies = await this.dataSource.transaction(async (manager) => {
      // Two loads at once (the app started with --demo and `demo:load`) take turns instead of racing on the same rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('careercenter.demo-data'))`);
      const load: DemoLoad = { manager, now: this.clock.now(), userIds: new Map(), organizations: new Map() };
      const done: Tally[] = [];
      for (const section of this.sections) done.push(await section(load));
      return done;
    });
    log(`Demo data: ${tallies.map((t) => `${t.created + t.existing} ${t.what} (created ${t.created}, already there ${t.existing})`).join(', ')}.`);
  }

  private async loadUsers({ manager, userIds }: DemoLoad): Promise<Tally> {
    const found = await manager.find(User, { select: { id: true, email: true }, where: { email: In(DEMO_USERS.map((u) => u.email)) } });
    for (const user of found) userIds.set(user.email, user.id);
    // argon2 is slow on purpose: hash once, and only when an account is missing.
    let passwordHash: Promise<string> | undefined;
    for (const user of DEMO_USERS.filter((u) => !userIds.has(u.email))) {
      passwordHash ??= this.passwords.hash(DEMO_PASSWORD);
      const { identifiers } = await manager.insert(User, { ...user, passwordHash: await passwordHash, emailVerified: true });
      userIds.set(user.email, identifiers[0].id as string);
    }
    return { what: 'users', created: DEMO_USERS.length - found.length, existing: found.length };
  }

  private async loadOrganizations({ manager, now, userIds, organizations }: DemoLoad): Promise<Tally> {
    let created = 0;
    for (const demo of DEMO_ORGANIZATIONS) {
      const ownerId = userIds.get(demo.owner)!;
      // Found by owner and name rather than slug: a real organization may already hold the slug.
      let organization = (await this.organizations.findForMember(manager, ownerId)).find((o) => o.name === demo.name);
      if (!organization) {
        organization = await this.organizations.createWithOwner(manager, demo.name, ownerId);
        created++;
      }
      const organizationId = organization.id;
      organizations.set(demo.name, { id: organizationId, ownerId });
      await this.fillProfile(manager, organizationId, demo.profile, now);
      const recruiters = demo.recruiters.map((email) => ({ organizationId, userId: userIds.get(email)!, role: 'recruiter' as const }));
      if (recruiters.length) await manager.createQueryBuilder().insert().into(OrganizationMember).values(recruiters).orIgnore().execute();
    }
    return { what: 'organizations', created, existing: DEMO_ORGANIZATIONS.length - created };
  }

  /**
   * Fills the profile fields that are still empty, and verifies the
   * organization so its postings publish without review. What an owner has
   * written stays as it is; a complete profile is not written at all.
   */
  private async fillProfile(manager: EntityManager, organizationId: string, profile: DemoOrganizationProfile, now: Date): Promise<void> {
    await manager.query(
      `UPDATE organizations
          SET website = COALESCE(website, $2),
              about_html = CASE WHEN about IS NULL THEN $4 ELSE about_html END,
              about = COALESCE(about, $3),
              headquarters_city = COALESCE(headquarters_city, $5),
              headquarters_state = COALESCE(headquarters_state, $6),
              size_band = COALESCE(size_band, $7),
              verified_at = COALESCE(verified_at, $8),
              updated_at = now()
        WHERE id = $1
          AND (website IS NULL OR about IS NULL OR headquarters_city IS NULL OR headquarters_state IS NULL OR size_band IS NULL OR verified_at IS NULL)`,
      [
        organizationId,
        profile.website,
        profile.about,
        renderMarkdown(profile.about),
        profile.headquartersCity,
        profile.headquartersState,
        profile.sizeBand,
        now,
      ],
    );
  }

  private async loadJobs({ manager, now, organizations }: DemoLoad): Promise<Tally> {
    const rows = DEMO_JOBS.map((demo, index) => this.jobRow(demo, organizations.get(demo.organization)!, now, index));
    // A job an earlier load made keeps its id, so the conflict leaves it (and any edit an employer made) alone.
    const result = await manager.createQueryBuilder().insert().into(Job).values(rows).orIgnore().returning('id').updateEntity(false).execute();
    const created = (result.raw as Array<{ id: string }>).map((row) => row.id);
    await this.searchSync.jobsChanged(manager, created);
    await this.alertMatcher.jobsChanged(manager, created);
    return { what: 'jobs', created: created.length, existing: DEMO_JOBS.length - created.length };
  }

  private jobRow(demo: DemoJob, organization: { id: string; ownerId: string }, now: Date, index: number): Partial<Job> {
    const { lifecycle } = demo;
    // A minute apart, so no two demo jobs share a publishing time and "newest first" has one order.
    const publishedAt = lifecycle.status === 'draft' ? null : new Date(now.getTime() - lifecycle.postedDaysAgo * DAY_MS - index * MINUTE_MS);
    return {
      id: demoJobId(demo.key),
      organizationId: organization.id,
      createdBy: organization.ownerId,
      status: lifecycle.status,
      title: demo.title,
      description: demo.description,
      descriptionHtml: renderMarkdown(demo.description),
      employmentType: demo.employmentType,
      workplace: demo.workplace,
      locations: demo.locations,
      locationStates: [...new Set(demo.locations.map((l) => l.state))],
      remoteStates: demo.remoteStates,
      salaryMin: demo.salary?.min ?? null,
      salaryMax: demo.salary?.max ?? null,
      salaryCurrency: 'USD',
      salaryPeriod: demo.salary?.period ?? null,
      credentialCodes: demo.credentials,
      apprenticeFriendly: demo.apprenticeFriendly ?? false,
      specialtySlugs: demo.specialties,
      settingSlugs: demo.settings,
      minYearsExperience: demo.minYearsExperience,
      tools: demo.tools,
      productivity: demo.productivity ?? null,
      applyMethod: demo.apply.method,
      applyUrl: demo.apply.url ?? null,
      applyEmail: demo.apply.email ?? null,
      publishedAt,
      validThrough: publishedAt && new Date(publishedAt.getTime() + VALID_DAYS * DAY_MS),
      closedAt: lifecycle.status === 'closed' ? new Date(now.getTime() - lifecycle.closedDaysAgo * DAY_MS) : null,
      closeReason: lifecycle.status === 'closed' ? 'filled' : null,
    };
  }

  /**
   * Gives each demo coder the dataset's profile and resume, once: a coder
   * who already has a profile (from an earlier load, or saved by hand) keeps
   * it as it is, resumes included. Rows are written here rather than by
   * CandidateProfilesService.update(), which runs its own transaction and so
   * would not see users this load has not committed yet.
   */
  private async loadCandidateProfiles({ manager, now, userIds }: DemoLoad): Promise<Tally> {
    const rows: Array<Omit<CandidateProfile, 'createdAt' | 'updatedAt'>> = DEMO_CANDIDATE_PROFILES.map((demo) => ({
      userId: userIds.get(demo.coder)!,
      headline: demo.headline,
      summary: demo.summary,
      city: demo.city,
      state: demo.state,
      openToRelocation: demo.openToRelocation,
      workplacePreferences: demo.workplacePreferences,
      desiredPayMin: demo.desiredPay.min,
      desiredPayPeriod: demo.desiredPay.period,
      settingSlugs: demo.settings,
      tools: demo.tools,
      yearsExperience: demo.yearsExperience,
      linkedinUrl: null,
      visibility: demo.visibility,
    }));
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CandidateProfile)
      .values(rows)
      .orIgnore()
      .returning('user_id')
      .updateEntity(false)
      .execute();
    const created = new Set((result.raw as Array<{ user_id: string }>).map((row) => row.user_id));
    for (const demo of DEMO_CANDIDATE_PROFILES) {
      const userId = userIds.get(demo.coder)!;
      if (!created.has(userId)) continue;
      await manager.insert(
        CandidateCredential,
        demo.credentials.map((c) => ({
          userId,
          credentialCode: c.code,
          earnedOn: demoDate(now, -c.earnedMonthsAgo),
          expiresOn: demoDate(now, c.expiresInMonths),
        })),
      );
      await manager.insert(
        CandidateSpecialty,
        demo.specialties.map((s) => ({ userId, specialtySlug: s.slug, years: s.years })),
      );
      // Through the upload's checks and text extraction, so employers' candidate search reads it like any resume.
      const pdf = textPdf(demo.resume.paragraphs);
      await this.resumes.store(manager, userId, { buffer: pdf, originalname: demo.resume.fileName, size: pdf.length });
    }
    return { what: 'candidate profiles', created: created.size, existing: DEMO_CANDIDATE_PROFILES.length - created.size };
  }

  /**
   * Adds the applications no earlier load made, each with its timeline: the
   * coder applied, then the organization's owner moved it along. Unlike
   * applying, it records no email: nobody really applied.
   */
  private async loadApplications({ manager, now, userIds, organizations }: DemoLoad): Promise<Tally> {
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const coderIds = DEMO_APPLICATIONS.map((demo) => userIds.get(demo.coder)!);
    const defaultResumes = await manager.find(Resume, {
      select: { id: true, userId: true },
      where: { userId: In(coderIds), isDefault: true, removedAt: IsNull() },
    });
    let created = 0;
    for (const demo of DEMO_APPLICATIONS) {
      const coder = DEMO_USERS.find((u) => u.email === demo.coder)!;
      const candidateId = userIds.get(demo.coder)!;
      const organization = organizations.get(DEMO_JOBS.find((j) => j.key === demo.job)!.organization)!;
      const latest = demo.steps.at(-1);
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Application)
        .values({
          jobId: demoJobId(demo.job),
          organizationId: organization.id,
          candidateId,
          candidateName: coder.name,
          candidateEmail: coder.email,
          // The default resume, as applying sends it; none when the coder has taken every resume off the profile.
          resumeId: defaultResumes.find((r) => r.userId === candidateId)?.id ?? null,
          coverLetter: demo.coverLetter ?? null,
          status: latest?.status ?? 'new',
          createdAt: daysAgo(demo.appliedDaysAgo),
          updatedAt: daysAgo(latest?.daysAgo ?? demo.appliedDaysAgo),
        })
        // The unique (job, candidate): an application an earlier load made, and whatever happened to it since, stays.
        .orIgnore()
        .returning('id')
        .updateEntity(false)
        .execute();
      const [application] = result.raw as Array<{ id: string }>;
      if (!application) continue;
      created++;
      await manager.insert(ApplicationEvent, [
        { applicationId: application.id, status: 'new', actorId: candidateId, createdAt: daysAgo(demo.appliedDaysAgo) },
        ...demo.steps.map((step) => ({ applicationId: application.id, status: step.status, actorId: organization.ownerId, createdAt: daysAgo(step.daysAgo) })),
      ]);
    }
    return { what: 'applications', created, existing: DEMO_APPLICATIONS.length - created };
  }
}
