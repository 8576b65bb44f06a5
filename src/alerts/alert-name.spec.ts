import { buildSearchQuery, JobSearchParams } from '../search/job-search-query';
import { cleanAlertName, defaultAlertName, MAX_ALERT_NAME_LENGTH } from './alert-name';

const vocabulary = {
  credentials: ['CPC', 'CRC', 'CCS'],
  specialties: ['risk-adjustment-hcc'],
  settings: ['pro-fee'],
  organizations: (slugs: string[]) => Promise.resolve(new Map(slugs.map((slug) => [slug, `id-${slug}`]))),
};
const specialties = [
  { slug: 'risk-adjustment-hcc', name: 'Risk adjustment (HCC) coding' },
  { slug: 'pro-fee', name: 'Professional fee' },
];

const nameOf = async (params: JobSearchParams) => defaultAlertName(await buildSearchQuery(params, vocabulary), specialties);

describe('defaultAlertName', () => {
  it('names a search by its filters, those read from the words included', async () => {
    expect(await nameOf({ q: 'CPC remote Texas' })).toBe('CPC · Remote · Texas');
    expect(await nameOf({ credential: ['CRC', 'CCS'], state: 'FL', employmentType: 'PART_TIME' })).toBe('CRC · CCS · Florida · Part-time');
  });

  it('puts the words searched first, then every other filter', async () => {
    expect(await nameOf({ q: 'inpatient', specialty: 'risk-adjustment-hcc', salaryMin: '55000', apprentice: 'true' })).toBe(
      '“inpatient” · Risk adjustment (HCC) coding · $55,000+ a year · Apprentice-friendly',
    );
    expect(await nameOf({ q: '"inpatient coder"', setting: 'pro-fee', organization: 'prairie-meridian', postedWithin: '7' })).toBe(
      '“"inpatient coder"” · Professional fee · prairie-meridian · Past 7 days',
    );
  });

  it('names a search without words or filters, and shortens a long one to the column', async () => {
    expect(await nameOf({})).toBe('All new jobs');
    const long = await nameOf({ q: 'coder '.repeat(30).trim() });
    expect(long).toHaveLength(MAX_ALERT_NAME_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('cleanAlertName', () => {
  it('keeps a typed name on one line, without control characters', () => {
    expect(cleanAlertName('  Remote\r\nBcc: x@example.com\t CPC\u0000 ')).toBe('Remote Bcc: x@example.com CPC');
    expect(cleanAlertName('\u2028\u00a0')).toBe('');
  });
});
