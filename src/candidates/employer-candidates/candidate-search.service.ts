import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { MyOrganizationView, OrganizationsService } from '../../employers/organizations.service';
import { jobPath } from '../../jobs/job-paths';
import { dateView, httpUrl } from '../../jobs/job-presenter';
import { Credential } from '../../taxonomy/credential.entity';
import { Specialty } from '../../taxonomy/specialty.entity';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import { User } from '../../users/user.entity';
import { CandidateInvitationStatus } from '../candidate-invitation.entity';
import { CandidateProfilesService } from '../candidate-profiles.service';
import { buildCandidateSearchQuery, CandidateSearchParams, CandidateSearchQuery, MAX_CANDIDATE_RESULT_WINDOW } from './candidate-search-query';
import { EmployerCandidateView, isoDay, presentForEmployer } from './candidate-summary';
import { contactVisibleSql } from './contact-access';
import { VISIBLE_CANDIDATE } from './visible-candidates';

/**
 * Resume text is searched up to this many characters: a resume is a few
 * pages, and tsvectors have a size limit. An expression index on resumes
 * must use this same expression to serve the search.
 */
const RESUME_TSVECTOR = `to_tsvector('cc_english', left(coalesce(r.text, ''), 100000))`;
const PROFILE_TSVECTOR = `(setweight(to_tsvector('cc_english', coalesce(p.headline, '')), 'A') || setweight(to_tsvector('cc_english', coalesce(p.summary, '')), 'B'))`;
/** Resumes still on the profile; a removed one stays only for the employers it was sent to. */
const CURRENT_RESUMES = `FROM resumes r WHERE r.user_id = p.user_id AND r.removed_at IS NULL`;

/** Views by the same member within this time count once: reloading a page is not another look. */
const VIEW_DEDUP_MS = 3600_000;

/** An invitation as the inviting organization sees it: ignoring one is silent, so it stays pending. */
export type SentInvitationStatus = 'pending' | 'accepted';
export const sentStatus = (status: CandidateInvitationStatus): SentInvitationStatus => (status === 'accepted' ? 'accepted' : 'pending');

export interface InvitationOnCandidate {
  id: string;
  jobId: string;
  jobTitle: string;
  status: SentInvitationStatus;
  sentAt: string;
  sentOn: string;
}

export interface CandidateHit extends EmployerCandidateView {
  /** This organization's invitations to the candidate. */
  invitations: InvitationOnCandidate[];
}

export interface CandidateSearchResult {
  organization: MyOrganizationView;
  query: CandidateSearchQuery;
  /** What the search form offers. */
  choices: { credentials: Credential[]; specialties: Specialty[] };
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  hits: CandidateHit[];
}

/** Revealed once the candidate applied to one of the organization's jobs or accepted its invitation (contact-access.ts). */
export interface CandidateContact {
  name: string;
  email: string;
  linkedinUrl: string | null;
}

export interface EmployerCandidateProfile extends CandidateHit {
  contact: CandidateContact | null;
  /** The organization's open jobs the candidate has neither been invited to nor applied to. */
  invitableJobs: Array<{ id: string; title: string; path: string }>;
}

/** A visible candidate as the queries find them; the profile itself comes from CandidateProfilesService. */
interface CandidateRow {
  user_id: string;
  name: string;
  updated_at: Date;
}

type Params = unknown[];
const param = (params: Params, value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;

/**
 * Verified employers finding candidates who opted in. Every query carries
 * the visibility rule; contact details appear only through contact-access.
 */
@Injectable()
export class CandidateSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly taxonomy: TaxonomyService,
    private readonly profiles: CandidateProfilesService,
    private readonly clock: Clock,
  ) {}

  /**
   * The organization an employer searches for: their first, as on the
   * dashboard. Only a verified organization may search: candidates opted in
   * to being seen by employers we know are genuine.
   */
  private async searchingOrganization(user: User): Promise<MyOrganizationView> {
    const [organization] = await this.organizations.listMine(user);
    if (!organization) throw new DomainError('forbidden', 'Your account does not belong to an organization, so it cannot search candidates.');
    if (!organization.verified) {
      throw new DomainError(
        'forbidden',
        `Candidate search is open to verified employers only, and we have not verified ${organization.name} yet. Coders chose to be seen by employers we know are genuine.`,
      );
    }
    return organization;
  }

  async search(user: User, params: CandidateSearchParams): Promise<CandidateSearchResult> {
    const organization = await this.searchingOrganization(user);
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listCodeSpecialties()]);
    const query = buildCandidateSearchQuery(params, { credentials: credentials.map((c) => c.code), specialties: specialties.map((s) => s.slug) });
    const manager = this.dataSource.manager;

    const values: Params = [];
    const { where, tsquery } = await this.conditions(query, values);
    const from = `FROM candidate_profiles p JOIN users u ON u.id = p.user_id WHERE ${where.join(' AND ')}`;
    const countValues = [...values];
    const page = `ORDER BY ${this.order(query, tsquery)} LIMIT ${param(values, query.perPage)} OFFSET ${param(values, (query.page - 1) * query.perPage)}`;
    const [[{ total }], rows] = (await Promise.all([
      manager.query(`SELECT count(*)::int AS total ${from}`, countValues),
      manager.query(`SELECT p.user_id, u.name, p.updated_at ${from} ${page}`, values),
    ])) as [Array<{ total: number }>, CandidateRow[]];
    const [summaries, invitations] = await Promise.all([
      this.present(rows),
      this.invitationsOf(
        manager,
        organization.id,
        rows.map((r) => r.user_id),
      ),
    ]);
    return {
      organization,
      query,
      choices: { credentials, specialties },
      total,
      page: query.page,
      perPage: query.perPage,
      // Pages past the result window are refused, so they are not offered.
      pageCount: Math.min(Math.ceil(total / query.perPage), Math.ceil(MAX_CANDIDATE_RESULT_WINDOW / query.perPage)),
      hits: summaries.map((s) => ({ ...s, invitations: invitations.filter((i) => i.candidateId === s.id).map(({ candidateId: _, ...i }) => i) })),
    };
  }

  /**
   * A visible candidate's profile for an employer; 404 for anyone else, as
   * if they did not exist. Unless `record` is false (a form shown again),
   * the look is logged in candidate_views for the candidate to see.
   */
  async profile(user: User, candidateId: string, options: { record?: boolean } = {}): Promise<EmployerCandidateProfile> {
    const organization = await this.searchingOrganization(user);
    return this.dataSource.transaction(async (manager) => {
      const [row]: Array<CandidateRow & { email: string; linkedin_url: string | null; contact_visible: boolean }> = isUUID(candidateId)
        ? await manager.query(
            `SELECT p.user_id, u.name, p.updated_at, u.email, p.linkedin_url, ${contactVisibleSql('$2::uuid', 'p.user_id')} AS contact_visible
               FROM candidate_profiles p JOIN users u ON u.id = p.user_id
              WHERE p.user_id = $1 AND ${VISIBLE_CANDIDATE}`,
            [candidateId, organization.id],
          )
        : [];
      if (!row) throw new DomainError('not_found', 'There is no such candidate, or they are no longer visible to employers.');
      const [summary] = await this.present([row]);
      const invitations = (await this.invitationsOf(manager, organization.id, [candidateId])).map(({ candidateId: _, ...i }) => i);
      const invitableJobs: Array<{ id: string; title: string }> = await manager.query(
        `SELECT j.id, j.title FROM jobs j
          WHERE j.organization_id = $1 AND j.status = 'published' AND (j.valid_through IS NULL OR j.valid_through > $3)
            AND NOT EXISTS (SELECT 1 FROM candidate_invitations i WHERE i.job_id = j.id AND i.candidate_id = $2)
            AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.job_id = j.id AND a.candidate_id = $2)
          ORDER BY j.published_at DESC NULLS LAST, j.id`,
        [organization.id, candidateId, this.clock.now()],
      );
      if (options.record !== false) await this.recordView(manager, organization.id, user.id, candidateId);
      return {
        ...summary,
        // Contact data replaces the short name only once revealed.
        ...(row.contact_visible ? { displayName: row.name } : {}),
        // Only an http(s) address becomes a link, whatever was stored.
        contact: row.contact_visible ? { name: row.name, email: row.email, linkedinUrl: httpUrl(row.linkedin_url) } : null,
        invitations,
        invitableJobs: invitableJobs.map((j) => ({ ...j, path: jobPath(j) })),
      };
    });
  }

  /** The employer's view of each candidate, in the order of `rows`. */
  private async present(rows: CandidateRow[]): Promise<EmployerCandidateView[]> {
    const summaries = await this.profiles.summaryFor(rows.map((r) => r.user_id));
    return rows.map((r) => presentForEmployer(summaries.get(r.user_id)!, { name: r.name, updatedAt: r.updated_at }));
  }

  /** The WHERE conditions of `query`, and the tsquery expression when there are words (for ranking). */
  private async conditions(query: CandidateSearchQuery, values: Params): Promise<{ where: string[]; tsquery: string | null }> {
    const where = [VISIBLE_CANDIDATE];
    if (query.credential.length) {
      // An expired credential stays on the profile but does not qualify.
      where.push(`EXISTS (SELECT 1 FROM candidate_credentials c WHERE c.user_id = p.user_id AND c.credential_code = ANY (${param(values, query.credential, '::text[]')})
        AND (c.expires_on IS NULL OR c.expires_on >= ${param(values, isoDay(this.clock.now()), '::date')}))`);
    }
    if (query.specialty.length) {
      const slugs = await this.taxonomy.withDescendants(query.specialty);
      where.push(`EXISTS (SELECT 1 FROM candidate_specialties s WHERE s.user_id = p.user_id AND s.specialty_slug = ANY (${param(values, slugs, '::text[]')})
        AND s.years >= ${param(values, query.minYears ?? 0, '::int')})`);
    } else if (query.minYears !== null) {
      where.push(`p.years_experience >= ${param(values, query.minYears, '::int')}`);
    }
    if (query.state.length) where.push(`p.state = ANY (${param(values, query.state, '::text[]')})`);
    if (query.workplace.length) where.push(`p.workplace_preferences && ${param(values, query.workplace, '::text[]')}`);
    if (!query.q) return { where, tsquery: null };
    // Web-search syntax ("phrases", -exclusions, or), parsed by Postgres, which accepts any input.
    const tsquery = `websearch_to_tsquery('cc_english', ${param(values, query.q)})`;
    // Words that are all stop words leave an empty query, which would match nothing: then they do not filter.
    where.push(`(numnode(${tsquery}) = 0 OR ${PROFILE_TSVECTOR} @@ ${tsquery} OR EXISTS (SELECT 1 ${CURRENT_RESUMES} AND ${RESUME_TSVECTOR} @@ ${tsquery}))`);
    return { where, tsquery };
  }

  private order(query: CandidateSearchQuery, tsquery: string | null): string {
    const newest = 'p.updated_at DESC, p.user_id';
    if (query.sort === 'experience') return `p.years_experience DESC NULLS LAST, ${newest}`;
    if (query.sort === 'relevance' && tsquery) {
      const resumeRank = `(SELECT max(ts_rank(${RESUME_TSVECTOR}, ${tsquery})) ${CURRENT_RESUMES})`;
      return `ts_rank(${PROFILE_TSVECTOR}, ${tsquery}) + coalesce(${resumeRank}, 0) DESC, ${newest}`;
    }
    return newest;
  }

  private async invitationsOf(
    manager: EntityManager,
    organizationId: string,
    candidateIds: string[],
  ): Promise<Array<InvitationOnCandidate & { candidateId: string }>> {
    if (!candidateIds.length) return [];
    const rows: Array<{ id: string; candidate_id: string; job_id: string; title: string; status: CandidateInvitationStatus; created_at: Date }> =
      await manager.query(
        `SELECT i.id, i.candidate_id, i.job_id, j.title, i.status, i.created_at FROM candidate_invitations i JOIN jobs j ON j.id = i.job_id
          WHERE i.organization_id = $1 AND i.candidate_id = ANY ($2::uuid[]) ORDER BY i.created_at DESC`,
        [organizationId, candidateIds],
      );
    return rows.map((r) => ({
      id: r.id,
      candidateId: r.candidate_id,
      jobId: r.job_id,
      jobTitle: r.title,
      status: sentStatus(r.status),
      sentAt: r.created_at.toISOString(),
      sentOn: dateView(r.created_at)!.label,
    }));
  }

  /** One row per look, except that the same member's looks within an hour count once. */
  private async recordView(manager: EntityManager, organizationId: string, viewerId: string, candidateId: string): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO candidate_views (candidate_id, organization_id, viewer_id, kind, created_at)
       SELECT $1, $2, $3, 'profile', $4
        WHERE NOT EXISTS (SELECT 1 FROM candidate_views v
                           WHERE v.candidate_id = $1 AND v.organization_id = $2 AND v.viewer_id = $3 AND v.kind = 'profile' AND v.created_at > $5)`,
      [candidateId, organizationId, viewerId, now, new Date(now.getTime() - VIEW_DEDUP_MS)],
    );
  }
}
