import { Organization } from '../employers/organization.entity';
import { Job } from './job.entity';
import { buildJobPostingLd, serializeJsonLd } from './job-posting-ld';
import { presentJob, taxonomyNames } from './job-presenter';

const APP_URL = 'https://careers.example.org';
const names = taxonomyNames(
  [
    { code: 'CPC', name: 'Certified Professional Coder' },
    { code: 'CCS', name: 'Certified Coding Specialist' },
  ],
  [{ slug: 'pro-fee', name: 'Professional fee (pro-fee / physician)' }],
);

function organization(overrides: Partial<Organization> = {}): Organization {
  return Object.assign(new Organization(), {
    id: 'a5f6b3c0-0000-4000-8000-000000000001',
    name: 'Lakeside Health',
    slug: 'lakeside-health',
    website: 'https://lakeside.example.org',
    logoUpdatedAt: new Date('2026-01-02T03:04:05Z'),
    logoContentType: 'image/png',
    verifiedAt: null,
    headquartersCity: null,
    headquartersState: null,
    ...overrides,
  });
}

function job(overrides: Partial<Job> = {}): Job {
  return Object.assign(new Job(), {
    id: '0b8d7d2e-1111-4222-8333-444455556666',
    status: 'published',
    title: 'Outpatient Coder II',
    description: 'Code **E/M**.',
    descriptionHtml: '<p>Code <strong>E/M</strong>.</p>',
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [{ city: 'Austin', state: 'TX', postalCode: '78701' }],
    locationStates: ['TX'],
    remoteStates: [],
    salaryMin: 52000,
    salaryMax: 64000,
    salaryCurrency: 'USD',
    salaryPeriod: 'YEAR',
    credentialCodes: ['CPC', 'CCS'],
    apprenticeFriendly: false,
    specialtySlugs: [],
    settingSlugs: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['Epic'],
    productivity: null,
    applyMethod: 'url',
    applyUrl: 'https://lakeside.example.org/apply/1',
    applyEmail: null,
    publishedAt: new Date('2026-03-01T15:00:00Z'),
    validThrough: new Date('2026-03-31T15:00:00Z'),
    ...overrides,
  });
}

const ld = (j: Job, o = organization(), directApply = false) => buildJobPostingLd(presentJob(j, o, names), { appUrl: APP_URL, directApply });

describe('buildJobPostingLd', () => {
  it('describes an onsite job with every required and recommended property', () => {
    expect(ld(job())).toEqual({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Outpatient Coder II',
      description: '<p>Code <strong>E/M</strong>.</p>',
      datePosted: '2026-03-01T15:00:00.000Z',
      validThrough: '2026-03-31T15:00:00.000Z',
      employmentType: 'FULL_TIME',
      hiringOrganization: {
        '@type': 'Organization',
        name: 'Lakeside Health',
        sameAs: 'https://lakeside.example.org/',
        logo: `${APP_URL}/companies/lakeside-health/logo?v=${Date.parse('2026-01-02T03:04:05Z')}`,
      },
      jobLocation: [
        {
          '@type': 'Place',
          address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', postalCode: '78701', addressCountry: 'US' },
        },
      ],
      baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 52000, maxValue: 64000, unitText: 'YEAR' } },
      identifier: { '@type': 'PropertyValue', name: 'Lakeside Health', value: '0b8d7d2e-1111-4222-8333-444455556666' },
      directApply: false,
      educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'professional certificate' },
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 24 },
      occupationalCategory: '29-2072.00',
    });
  });

  it('keeps a hybrid job at its places, without TELECOMMUTE', () => {
    const data = ld(
      job({
        workplace: 'hybrid',
        locations: [
          { city: 'Tulsa', state: 'OK', postalCode: '74103' },
          { city: 'Dallas', state: 'TX' },
        ],
      }),
    );
    expect(data.jobLocationType).toBeUndefined();
    expect(data.applicantLocationRequirements).toBeUndefined();
    expect(data.jobLocation).toEqual([
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Tulsa', addressRegion: 'OK', postalCode: '74103', addressCountry: 'US' } },
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Dallas', addressRegion: 'TX', addressCountry: 'US' } },
    ]);
  });

  it('marks a fully remote job TELECOMMUTE with the states it hires in, by full name, and no place without an office', () => {
    const data = ld(job({ workplace: 'remote', locations: [], locationStates: [], remoteStates: ['TX', 'OK'] }));
    expect(data.jobLocationType).toBe('TELECOMMUTE');
    expect(data.applicantLocationRequirements).toEqual([
      { '@type': 'State', name: 'Texas' },
      { '@type': 'State', name: 'Oklahoma' },
    ]);
    expect(data.jobLocation).toBeUndefined();
  });

  it('names the whole country for a remote job open to any state, and keeps an office it lists', () => {
    const data = ld(job({ workplace: 'remote', remoteStates: [] }));
    expect(data.applicantLocationRequirements).toEqual({ '@type': 'Country', name: 'US' });
    expect(data.jobLocation).toHaveLength(1);
  });

  it('gives a single amount as a value, one-sided ranges as minValue or maxValue, and no salary when none is stated', () => {
    expect(ld(job({ salaryMin: 25, salaryMax: 25, salaryPeriod: 'HOUR' })).baseSalary).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', value: 25, unitText: 'HOUR' },
    });
    expect((ld(job({ salaryMax: null })).baseSalary as { value: unknown }).value).toEqual({ '@type': 'QuantitativeValue', minValue: 52000, unitText: 'YEAR' });
    expect(ld(job({ salaryMin: null, salaryMax: null, salaryPeriod: null })).baseSalary).toBeUndefined();
  });

  it('leaves out credential and experience requirements the job does not have, and says when no experience is needed', () => {
    const none = ld(job({ credentialCodes: [], minYearsExperience: null }));
    expect(none.educationRequirements).toBeUndefined();
    expect(none.experienceRequirements).toBeUndefined();
    expect(ld(job({ minYearsExperience: 0 })).experienceRequirements).toBe('no requirements');
  });

  it('leaves out the logo and website the organization does not have, and any website that is not http(s)', () => {
    expect(ld(job(), organization({ logoUpdatedAt: null, website: 'javascript:alert(1)' })).hiringOrganization).toEqual({
      '@type': 'Organization',
      name: 'Lakeside Health',
    });
  });

  it('claims directApply only when told to', () => {
    expect(ld(job({ applyMethod: 'onsite', applyUrl: null }), organization(), true).directApply).toBe(true);
    expect(ld(job({ applyMethod: 'onsite', applyUrl: null })).directApply).toBe(false);
  });
});

describe('serializeJsonLd', () => {
  const hostile = { title: '</script><script>alert(1)</script>', note: '<!-- & -->', separators: 'a\u2028b\u2029c' };

  it('leaves no character that could end a script element or a JavaScript line', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('is still the same JSON', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});
