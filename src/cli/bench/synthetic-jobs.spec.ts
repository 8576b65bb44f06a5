import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { US_STATE } from '../../jobs/dto/job-input.dto';
import { DATA_DIR } from '../../taxonomy/reference-data';
import { generatorVocabulary, MIN_DAYS_OPEN, PUBLISHED_SPREAD_DAYS, syntheticJob, syntheticOrganizations } from './synthetic-jobs';

const DAY_MS = 86_400_000;
const now = new Date('2026-03-01T12:00:00Z');
const organizations = syntheticOrganizations(200, 7);

describe('synthetic jobs for the search benchmark', () => {
  it('makes the same job for the same seed and index, and a different one for another seed', () => {
    expect(syntheticJob(7, 123, 1000, organizations, now)).toEqual(syntheticJob(7, 123, 1000, organizations, now));
    expect(syntheticOrganizations(200, 7)).toEqual(organizations);
    expect(syntheticJob(8, 123, 1000, organizations, now)).not.toEqual(syntheticJob(7, 123, 1000, organizations, now));
  });

  it('gives a million-job dataset employers with unique slugs that fit their columns', () => {
    const many = syntheticOrganizations(20_000, 7);
    expect(new Set(many.map((o) => o.slug)).size).toBe(many.length);
    expect(many.every((o) => o.name.length <= 120 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.slug))).toBe(true);
  });

  it('uses only credentials, specialties and settings of the taxonomy in data/', () => {
    const credentials = (JSON.parse(readFileSync(join(DATA_DIR, 'credentials.json'), 'utf8')) as { code: string }[]).map((c) => c.code);
    const specialties = JSON.parse(readFileSync(join(DATA_DIR, 'specialties.json'), 'utf8')) as { slug: string; group?: string }[];
    const vocabulary = generatorVocabulary();
    expect(vocabulary.credentials.filter((c) => !credentials.includes(c))).toEqual([]);
    expect(vocabulary.specialties.filter((s) => !specialties.some((t) => t.slug === s && t.group !== 'setting'))).toEqual([]);
    expect(vocabulary.settings.filter((s) => !specialties.some((t) => t.slug === s && t.group === 'setting'))).toEqual([]);
  });

  it('makes postings the jobs table accepts, open now and published within the spread, oldest first', () => {
    let previous = 0;
    for (let i = 0; i < 2000; i++) {
      const job = syntheticJob(7, i, 2000, organizations, now);
      expect(job.publishedAt.getTime()).toBeGreaterThanOrEqual(previous);
      previous = job.publishedAt.getTime();
      expect(job.title.length).toBeLessThanOrEqual(120);
      expect(job.credentialCodes.length).toBeGreaterThan(0);
      expect(job.organization).toBeLessThan(organizations.length);
      if (job.salaryMin !== null) expect(job.salaryMin).toBeLessThanOrEqual(job.salaryMax!);
      expect(job.workplace === 'remote' ? job.locations.length === 0 : job.locations.length > 0).toBe(true);
      expect([...job.locationStates, ...job.remoteStates].every((s) => US_STATE.test(s))).toBe(true);
      expect(now.getTime() - job.publishedAt.getTime()).toBeLessThanOrEqual(PUBLISHED_SPREAD_DAYS * DAY_MS);
      expect(job.validThrough.getTime() - now.getTime()).toBeGreaterThanOrEqual(MIN_DAYS_OPEN * DAY_MS);
    }
  });

  it('puts "coder" in most postings and the rare words in very few', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => {
      const job = syntheticJob(7, i, 5000, organizations, now);
      return `${job.title} ${job.description}`.toLowerCase();
    });
    const share = (word: string) => texts.filter((t) => t.includes(word)).length / texts.length;
    expect(share('coder')).toBeGreaterThan(0.8);
    for (const word of ['lymphoma', 'kyphoplasty', 'lithotripsy', 'hyperbaric']) expect(share(word)).toBeLessThan(0.01);
  });
});
