import type { CandidateSummary } from '../candidate-profiles.service';
import { isoDay, presentForEmployer, shortName } from './candidate-summary';

describe('shortName', () => {
  it('keeps the first name and the initial of the next one', () => {
    expect(shortName('Jasmine Carter')).toBe('Jasmine C.');
    expect(shortName('  maría   josé de la Cruz ')).toBe('maría J.');
    expect(shortName('Prince')).toBe('Prince');
    expect(shortName('Ana Łukasz')).toBe('Ana Ł.');
    expect(shortName('   ')).toBe('Candidate');
  });
});

describe('isoDay', () => {
  it('is the UTC date, as credential dates are stored', () => {
    expect(isoDay(new Date('2026-03-01T23:59:59Z'))).toBe('2026-03-01');
  });
});

describe('presentForEmployer', () => {
  const summary: CandidateSummary = {
    userId: 'c0ffee00-0000-4000-8000-000000000001',
    headline: 'Outpatient coder',
    summary: 'Six years of E/M.',
    city: 'Austin',
    state: 'TX',
    openToRelocation: true,
    workplacePreferences: ['remote', 'hybrid'],
    desiredPay: { min: 27.5, period: 'HOUR' },
    yearsExperience: 6,
    settings: [{ slug: 'pro-fee', name: 'Professional fee' }],
    tools: ['Epic'],
    credentials: [
      { code: 'CCS', name: 'Certified Coding Specialist', earnedOn: null, expiresOn: null, expired: false },
      { code: 'CPC', name: 'Certified Professional Coder', earnedOn: '2018-05-01', expiresOn: '2026-01-31', expired: true },
      { code: 'CRC', name: 'Certified Risk Adjustment Coder', earnedOn: null, expiresOn: '2030-01-01', expired: false },
    ],
    specialties: [
      { slug: 'cpt-evaluation-management', name: 'Evaluation and Management (E/M)', years: 6 },
      { slug: 'surgery-musculoskeletal', name: 'Musculoskeletal', years: 0 },
    ],
    visibility: 'employers',
  };

  it('labels the summary, with a short name, valid credentials first and no visibility setting', () => {
    expect(presentForEmployer(summary, { name: 'Jasmine Carter', updatedAt: new Date('2026-03-01T12:00:00Z') })).toEqual({
      id: summary.userId,
      displayName: 'Jasmine C.',
      headline: 'Outpatient coder',
      summary: 'Six years of E/M.',
      city: 'Austin',
      state: 'TX',
      location: 'Austin, TX',
      openToRelocation: true,
      workplacePreferences: ['remote', 'hybrid'],
      workplaceLabel: 'Remote or hybrid',
      yearsExperience: 6,
      yearsLabel: '6 years of coding',
      settings: [{ slug: 'pro-fee', name: 'Professional fee' }],
      tools: ['Epic'],
      credentials: [
        { ...summary.credentials[0], earnedLabel: null, expiresLabel: null },
        { ...summary.credentials[2], earnedLabel: null, expiresLabel: 'January 1, 2030' },
        { ...summary.credentials[1], earnedLabel: 'May 1, 2018', expiresLabel: 'January 31, 2026' },
      ],
      specialties: [
        { slug: 'cpt-evaluation-management', name: 'Evaluation and Management (E/M)', years: 6, yearsLabel: '6 years' },
        { slug: 'surgery-musculoskeletal', name: 'Musculoskeletal', years: 0, yearsLabel: 'less than a year' },
      ],
      desiredPay: { min: 27.5, period: 'HOUR', label: 'From $27.50 per hour' },
      updatedAt: '2026-03-01T12:00:00.000Z',
      updatedOn: 'March 1, 2026',
      path: `/employer/candidates/${summary.userId}`,
    });
  });

  it('says what is missing rather than inventing it', () => {
    const view = presentForEmployer(
      { ...summary, city: null, workplacePreferences: ['onsite', 'hybrid', 'remote'], yearsExperience: null, desiredPay: null },
      { name: 'Sam', updatedAt: new Date('2026-03-01T12:00:00Z') },
    );
    expect(view).toMatchObject({ displayName: 'Sam', location: 'TX', workplaceLabel: 'On-site, hybrid or remote', yearsLabel: null, desiredPay: null });
  });
});
