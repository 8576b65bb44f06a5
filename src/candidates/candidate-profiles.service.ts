import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, FieldErrors } from '../common/domain-error';
import { SalaryPeriod, Workplace } from '../jobs/job.entity';
import { TaxonomyNames, taxonomyNames } from '../jobs/job-presenter';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CandidateCredential } from './candidate-credential.entity';
import { lockCandidate } from './candidate-lock';
import { CandidateProfile, ProfileVisibility } from './candidate-profile.entity';
import { CandidateSpecialty } from './candidate-specialty.entity';
import { CandidateView, CandidateViewKind } from './candidate-view.entity';
import { CandidateProfileDto } from './dto/candidate-profile.dto';

export interface CredentialHeld {
  code: string;
  name: string;
  earnedOn: string | null;
  expiresOn: string | null;
  /** Its expiry date has passed: still listed, shown as expired. */
  expired: boolean;
}

export interface SpecialtyYears {
  slug: string;
  name: string;
  years: number;
}

/**
 * What employers may see of a candidate (their applicants, or a visible
 * candidate in search): never contact details, nor certificate numbers
 * (an issuer's lookup by number names the holder), nor the LinkedIn link.
 */
export interface CandidateSummary {
  userId: string;
  headline: string | null;
  summary: string | null;
  city: string | null;
  state: string | null;
  openToRelocation: boolean;
  workplacePreferences: Workplace[];
  desiredPay: { min: number; period: SalaryPeriod } | null;
  yearsExperience: number | null;
  settings: { slug: string; name: string }[];
  tools: string[];
  credentials: CredentialHeld[];
  specialties: SpecialtyYears[];
  visibility: ProfileVisibility;
}

/** The candidate's own view of the profile: everything, certificate numbers and link included. */
export interface CandidateProfileView extends Omit<CandidateSummary, 'userId' | 'credentials' | 'settings'> {
  settings: string[];
  linkedinUrl: string | null;
  credentials: Array<CredentialHeld & { certificateNumber: string | null }>;
  /** Null until the profile is first saved. */
  updatedAt: string | null;
}

export interface ProfileViewEntry {
  organization: { name: string; slug: string };
  kind: CandidateViewKind;
  at: string;
}

/** How many of the latest views and downloads the candidate sees. */
const VIEWS_SHOWN = 100;

const EMPTY_PROFILE: Omit<CandidateProfile, 'userId' | 'createdAt' | 'updatedAt'> = {
  headline: null,
  summary: null,
  city: null,
  state: null,
  openToRelocation: false,
  workplacePreferences: [],
  desiredPayMin: null,
  desiredPayPeriod: null,
  settingSlugs: [],
  tools: [],
  yearsExperience: null,
  linkedinUrl: null,
  visibility: 'private',
};

/** Comma-separated or listed tools, trimmed, without empties or repeats in other letter case. */
function distinctTools(tools: string[]): string[] {
  const result: string[] = [];
  for (const tool of tools.map((t) => t.trim()).filter(Boolean)) {
    if (!result.some((t) => t.toLowerCase() === tool.toLowerCase())) result.push(tool);
  }
  return result;
}

/** A candidate's profile: the candidate edits it; employers read summaries of it. */
@Injectable()
export class CandidateProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(CandidateProfile) private readonly profiles: Repository<CandidateProfile>,
    @InjectRepository(CandidateCredential) private readonly credentials: Repository<CandidateCredential>,
    @InjectRepository(CandidateSpecialty) private readonly specialties: Repository<CandidateSpecialty>,
    @InjectRepository(CandidateView) private readonly views: Repository<CandidateView>,
    private readonly taxonomy: TaxonomyService,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<CandidateProfileView> {
    const [profile, credentials, specialties, names] = await Promise.all([
      this.profiles.findOneBy({ userId }),
      this.credentials.find({ where: { userId }, order: { credentialCode: 'ASC' } }),
      this.specialties.find({ where: { userId }, order: { years: 'DESC', specialtySlug: 'ASC' } }),
      this.names(),
    ]);
    const base = profile ?? EMPTY_PROFILE;
    return {
      ...this.publicFields(base, specialties, names),
      settings: base.settingSlugs,
      linkedinUrl: base.linkedinUrl,
      credentials: credentials.map((c) => ({ ...this.credentialHeld(c, names), certificateNumber: c.certificateNumber })),
      updatedAt: profile ? profile.updatedAt.toISOString() : null,
    };
  }

  /**
   * Replaces the whole profile in one transaction (created on first save).
   * 422 with messages by field for unknown credentials, specialties or
   * settings, repeats, a credential earned in the future or expiring before
   * it was earned, and a LinkedIn address that is not a profile link.
   */
  async update(userId: string, dto: CandidateProfileDto): Promise<CandidateProfileView> {
    await this.check(dto);
    const credentials = dto.credentials ?? [];
    const specialties = dto.specialties ?? [];
    await this.dataSource.transaction(async (manager) => {
      await lockCandidate(manager, userId);
      const profile: Omit<CandidateProfile, 'createdAt' | 'updatedAt'> = {
        userId,
        headline: dto.headline || null,
        summary: dto.summary?.trim() || null,
        city: dto.city || null,
        state: dto.state || null,
        openToRelocation: dto.openToRelocation ?? false,
        workplacePreferences: dto.workplacePreferences ?? [],
        desiredPayMin: dto.desiredPay?.min ?? null,
        desiredPayPeriod: dto.desiredPay?.period ?? null,
        settingSlugs: dto.settings ?? [],
        tools: distinctTools(dto.tools ?? []),
        yearsExperience: dto.yearsExperience ?? null,
        linkedinUrl: dto.linkedinUrl || null,
        visibility: dto.visibility ?? 'private',
      };
      await manager.upsert(CandidateProfile, profile, ['userId']);
      await manager.delete(CandidateCredential, { userId });
      await manager.delete(CandidateSpecialty, { userId });
      if (credentials.length) {
        await manager.insert(
          CandidateCredential,
          credentials.map((c) => ({
            userId,
            credentialCode: c.code,
            certificateNumber: c.certificateNumber || null,
            earnedOn: c.earnedOn || null,
            expiresOn: c.expiresOn || null,
          })),
        );
      }
      if (specialties.length)
        await manager.insert(
          CandidateSpecialty,
          specialties.map((s) => ({ userId, specialtySlug: s.slug, years: s.years })),
        );
    });
    return this.get(userId);
  }

  /**
   * Employer-safe summaries by user id, for applicant lists and candidate
   * search: credentials with the expired ones flagged, specialties with years.
   * A user without a saved profile gets an empty one.
   */
  async summaryFor(userIds: string[]): Promise<Map<string, CandidateSummary>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const [profiles, credentials, specialties, names] = await Promise.all([
      this.profiles.findBy({ userId: In(ids) }),
      this.credentials.find({ where: { userId: In(ids) }, order: { credentialCode: 'ASC' } }),
      this.specialties.find({ where: { userId: In(ids) }, order: { years: 'DESC', specialtySlug: 'ASC' } }),
      this.names(),
    ]);
    const byUser = new Map(profiles.map((p) => [p.userId, p]));
    return new Map(
      ids.map((userId) => {
        const base = byUser.get(userId) ?? EMPTY_PROFILE;
        return [
          userId,
          {
            userId,
            ...this.publicFields(
              base,
              specialties.filter((s) => s.userId === userId),
              names,
            ),
            settings: base.settingSlugs.map((slug) => ({ slug, name: names.specialties.get(slug) ?? slug })),
            credentials: credentials.filter((c) => c.userId === userId).map((c) => this.credentialHeld(c, names)),
          },
        ];
      }),
    );
  }

  /** The organizations that viewed the candidate's profile or downloaded a resume, newest first. */
  async viewsOf(userId: string): Promise<ProfileViewEntry[]> {
    const rows = await this.views.find({ where: { candidateId: userId }, relations: { organization: true }, order: { createdAt: 'DESC' }, take: VIEWS_SHOWN });
    return rows.map((v) => ({ organization: { name: v.organization!.name, slug: v.organization!.slug }, kind: v.kind, at: v.createdAt.toISOString() }));
  }

  private publicFields(
    base: typeof EMPTY_PROFILE,
    specialties: CandidateSpecialty[],
    names: TaxonomyNames,
  ): Omit<CandidateSummary, 'userId' | 'credentials' | 'settings'> {
    return {
      headline: base.headline,
      summary: base.summary,
      city: base.city,
      state: base.state,
      openToRelocation: base.openToRelocation,
      workplacePreferences: base.workplacePreferences,
      desiredPay: base.desiredPayMin !== null && base.desiredPayPeriod ? { min: base.desiredPayMin, period: base.desiredPayPeriod } : null,
      yearsExperience: base.yearsExperience,
      tools: base.tools,
      specialties: specialties.map((s) => ({ slug: s.specialtySlug, name: names.specialties.get(s.specialtySlug) ?? s.specialtySlug, years: s.years })),
      visibility: base.visibility,
    };
  }

  private credentialHeld(c: CandidateCredential, names: TaxonomyNames): CredentialHeld {
    return {
      code: c.credentialCode,
      name: names.credentials.get(c.credentialCode) ?? c.credentialCode,
      earnedOn: c.earnedOn,
      expiresOn: c.expiresOn,
      expired: c.expiresOn !== null && c.expiresOn < this.today(),
    };
  }

  /** Today's date (UTC), as the site shows dates: a credential expiring today is still current. */
  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  private async names(): Promise<TaxonomyNames> {
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listSpecialties()]);
    return taxonomyNames(credentials, specialties);
  }

  private async check(dto: CandidateProfileDto): Promise<void> {
    const errors: FieldErrors = {};
    const add = (field: string, message: string) => (errors[field] ??= []).push(message);
    const credentials = dto.credentials ?? [];
    const specialties = dto.specialties ?? [];

    const unknownCredentials = new Set(await this.taxonomy.unknownCredentials(credentials.map((c) => c.code)));
    const seenCredentials = new Set<string>();
    credentials.forEach((c, i) => {
      if (unknownCredentials.has(c.code)) add(`credentials.${i}.code`, `${c.code || 'This'} is not a credential we know. Choose one from the list.`);
      else if (seenCredentials.has(c.code)) add(`credentials.${i}.code`, `${c.code} is listed twice.`);
      seenCredentials.add(c.code);
      if (c.earnedOn && c.earnedOn > this.today()) add(`credentials.${i}.earnedOn`, 'The date earned cannot be in the future.');
      if (c.earnedOn && c.expiresOn && c.expiresOn < c.earnedOn) add(`credentials.${i}.expiresOn`, 'The expiry date must come after the date earned.');
    });

    const unknownSpecialties = new Set(
      await this.taxonomy.unknownSpecialties(
        specialties.map((s) => s.slug),
        'specialty',
      ),
    );
    const seenSpecialties = new Set<string>();
    specialties.forEach((s, i) => {
      if (unknownSpecialties.has(s.slug)) add(`specialties.${i}.slug`, 'This is not a code specialty we know. Choose one from the list.');
      else if (seenSpecialties.has(s.slug)) add(`specialties.${i}.slug`, 'This specialty is listed twice.');
      seenSpecialties.add(s.slug);
    });

    const unknownSettings = await this.taxonomy.unknownSpecialties(dto.settings ?? [], 'setting');
    if (unknownSettings.length) add('settings', `Unknown setting(s): ${unknownSettings.join(', ')}.`);
    if (dto.linkedinUrl && !/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/(in|pub)\/[^/?#]+/i.test(dto.linkedinUrl)) {
      add('linkedinUrl', 'Enter your LinkedIn profile address, such as https://www.linkedin.com/in/your-name');
    }
    if (Object.keys(errors).length) throw DomainError.invalid(errors);
  }
}
