import { presentApplicantsPage, presentApplicationPage } from './applicants-page.presenter';
import { ApplicantList, ApplicantView, ApplicationDetail } from './pipeline.service';

const JOB_ID = '6f1c1d52-0d4e-4a8e-9a47-0c6a3d0b7e11';

function applicant(overrides: Partial<ApplicantView> = {}): ApplicantView {
  return {
    id: 'a1',
    jobId: JOB_ID,
    status: 'new',
    statusLabel: 'New',
    appliedAt: '2026-03-03T14:05:00.000Z',
    updatedAt: '2026-03-03T14:05:00.000Z',
    candidate: {
      id: 'c1',
      name: 'Ada Park',
      email: 'ada@example.test',
      anonymized: false,
      headline: null,
      city: 'Austin',
      state: 'TX',
      yearsExperience: 4,
      credentials: [],
      specialties: [],
    },
    answers: [],
    knockout: false,
    resume: { fileName: 'ada.pdf', size: 2_400_000, url: '/api/applications/a1/resume' },
    nextStatuses: ['reviewed', 'rejected'],
    ...overrides,
  };
}

function list(overrides: Partial<ApplicantList> = {}): ApplicantList {
  return {
    job: { id: JOB_ID, title: 'Inpatient Coder', status: 'published' },
    query: { status: null, credential: 'CPC', q: 'ada park', sort: 'name', page: 3, perPage: 10 },
    total: 95,
    counts: { all: 95, new: 90, reviewed: 0, shortlisted: 0, interviewing: 0, offered: 0, hired: 0, rejected: 0, withdrawn: 5 },
    applications: [applicant(), applicant({ id: 'a2', status: 'withdrawn', statusLabel: 'Withdrawn', nextStatuses: [], resume: null })],
    ...overrides,
  };
}

describe('presentApplicantsPage', () => {
  const page = presentApplicantsPage(list(), [{ code: 'CPC', name: 'Certified Professional Coder' }]);
  const base = `/employer/jobs/${JOB_ID}/applicants`;

  it('keeps the filters in every page link, and leaves defaults out of them', () => {
    expect(page.pagination!.previousPath).toBe(`${base}?credential=CPC&q=ada+park&sort=name&page=2`);
    expect(page.pagination!.nextPath).toBe(`${base}?credential=CPC&q=ada+park&sort=name&page=4`);
    expect(page.pagination!.links.map((l) => l && l.number)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(page.pagination!.links[0]!.path).toBe(`${base}?credential=CPC&q=ada+park&sort=name`);
  });

  it('has a tab per stage with its count, back on the first page', () => {
    expect(page.tabs[0]).toEqual({ label: 'All', count: 95, path: `${base}?credential=CPC&q=ada+park&sort=name`, current: true });
    expect(page.tabs.find((tab) => tab.label === 'Withdrawn')).toMatchObject({
      count: 5,
      path: `${base}?status=withdrawn&credential=CPC&q=ada+park&sort=name`,
      current: false,
    });
    expect(page.filters.clearPath).toBe(`${base}?sort=name`);
  });

  it('lets only open applications be checked, and sizes resumes for people', () => {
    expect(page.applications.map((a) => a.selectable)).toEqual([true, false]);
    expect(page.applications[0]).toMatchObject({
      location: 'Austin, TX',
      resumePath: '/employer/applications/a1/resume',
      resumeSize: '2.3 MB',
      applied: { label: 'March 3, 2026' },
    });
  });
});

describe('presentApplicationPage', () => {
  const detail: ApplicationDetail = {
    ...applicant({ status: 'shortlisted', statusLabel: 'Shortlisted', nextStatuses: ['interviewing', 'rejected'] }),
    job: { id: JOB_ID, title: 'Inpatient Coder', status: 'published' },
    coverLetter: null,
    profile: null,
    timeline: [{ status: 'new', statusLabel: 'New', at: '2026-03-03T14:05:00.000Z', actor: 'Ada Park', message: null }],
    notes: [],
  };

  it('offers the next stages as actions, saying which email the candidate', () => {
    const page = presentApplicationPage(detail);
    expect(page.title).toBe('Ada Park: Inpatient Coder');
    expect(page.moves).toEqual([
      { value: 'interviewing', label: 'Invite to interview', emailsCandidate: true },
      { value: 'rejected', label: 'Reject', emailsCandidate: true },
    ]);
    expect(page.timeline[0].when).toEqual({ iso: '2026-03-03T14:05:00.000Z', label: 'Mar 3, 2026, 2:05 PM UTC' });
  });
});
