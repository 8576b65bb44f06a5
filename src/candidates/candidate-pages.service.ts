import { Injectable } from '@nestjs/common';
import { dateView, DateView } from '../jobs/job-presenter';
import { stateName } from '../jobs/us-states';
import { CodeHistoryService } from '../codes/code-history.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CandidateProfilesService, CandidateProfileView } from './candidate-profiles.service';
import { profileFormChoices, profileFormValues, ProfileFormValues } from './dto/candidate-profile-form';
import { MAX_RESUMES, ResumesService, resumeView, ResumeView } from './resumes.service';

const SIZE_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
/** Specialties suggested from the coder's code lookups. */
const LOOKUP_SUGGESTIONS = 3;
const VIEW_LABELS = { profile: 'viewed your profile', resume: 'downloaded your resume' } as const;

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${SIZE_FORMAT.format(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface ResumeRowView extends ResumeView {
  sizeLabel: string;
  uploaded: DateView;
  /** Employers searching by words cannot read it (a scanned image, or a file we could not read). */
  textUnreadable: boolean;
}

export interface ProfilePage {
  form: ReturnType<typeof profileFormChoices> & { values: ProfileFormValues };
  profile: CandidateProfileView & { place: string | null; saved: boolean };
  resumes: ResumeRowView[];
  canUploadResume: boolean;
  maxResumes: number;
  views: Array<{ organization: string; action: string; at: DateView }>;
  /** Specialties the coder's code lookups point to that the profile does not list yet (the lookup history is opt-in). */
  lookupSuggestions: Array<{ slug: string; name: string; lookups: number }>;
}

/** What /me/profile shows: the saved profile, its form (as saved, or as just sent), the resumes and who viewed them. */
@Injectable()
export class CandidatePagesService {
  constructor(
    private readonly profiles: CandidateProfilesService,
    private readonly resumes: ResumesService,
    private readonly taxonomy: TaxonomyService,
    private readonly codeHistory: CodeHistoryService,
  ) {}

  async profilePage(userId: string, submitted?: ProfileFormValues): Promise<ProfilePage> {
    const [profile, resumes, views, credentials, specialties, settings, lookedUp] = await Promise.all([
      this.profiles.get(userId),
      this.resumes.list(userId),
      this.profiles.viewsOf(userId),
      this.taxonomy.listCredentials(),
      this.taxonomy.listCodeSpecialties(),
      this.taxonomy.listSettings(),
      this.codeHistory.specialties(userId),
    ]);
    const listed = new Set(profile.specialties.map((s) => s.slug));
    const names = new Map(specialties.map((s) => [s.slug, s.name]));
    const values = submitted ?? profileFormValues(profile);
    const place = [profile.city, profile.state && stateName(profile.state)].filter(Boolean).join(', ');
    return {
      form: { ...profileFormChoices({ credentials, specialties, settings }, values), values },
      profile: { ...profile, place: place || null, saved: profile.updatedAt !== null },
      resumes: resumes.map((r) => ({
        ...resumeView(r),
        sizeLabel: sizeLabel(r.size),
        uploaded: dateView(r.createdAt)!,
        textUnreadable: r.textStatus !== 'extracted',
      })),
      canUploadResume: resumes.length < MAX_RESUMES,
      maxResumes: MAX_RESUMES,
      views: views.map((v) => ({ organization: v.organization.name, action: VIEW_LABELS[v.kind], at: dateView(new Date(v.at))! })),
      lookupSuggestions: lookedUp
        .filter((s) => !listed.has(s.slug) && names.has(s.slug))
        .slice(0, LOOKUP_SUGGESTIONS)
        .map((s) => ({ ...s, name: names.get(s.slug)! })),
    };
  }
}
