import type { AlertFrequency } from '../../../alerts/alert.entity';
import type { JobSearchParams } from '../../../search/job-search-query';
import { Random } from '../random';
import { generatorVocabulary } from '../synthetic-jobs';

/**
 * Saved searches for the alert benchmark, as coders make them: nearly all
 * name the credential they hold and where they can work (on site near home,
 * remote from their state, remote anywhere), most a few words, some a
 * specialty, a setting or a minimum pay; one alert in four is instant. The
 * same seed gives the same alerts, alert by alert.
 */
export interface SyntheticAlert {
  params: JobSearchParams;
  frequency: AlertFrequency;
  timeZone: string;
  /** A member's alert (mailed at the account's address), or a guest's. */
  member: boolean;
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

const CREDENTIALS: Weighted<string> = [
  ['CPC', 40],
  ['CCS', 14],
  ['CRC', 12],
  ['COC', 7],
  ['RHIT', 6],
  ['CIC', 5],
  ['CCS-P', 4],
  ['RHIA', 4],
  ['CCA', 4],
  ['CEMC', 2],
  ['CPMA', 2],
];

/** Where postings are (the job generator's cities), weighted toward the big states. */
const STATES: Weighted<string> = [
  ['TX', 12],
  ['CA', 10],
  ['FL', 10],
  ['NY', 7],
  ['IL', 5],
  ['PA', 5],
  ['OH', 5],
  ['GA', 4],
  ['NC', 4],
  ['MI', 4],
  ['AZ', 3],
  ['TN', 3],
  ['MO', 3],
  ['WA', 3],
  ['CO', 3],
  ['MA', 3],
  ['VA', 3],
  ['MN', 2],
  ['WI', 2],
  ['IN', 2],
];

/** Words coders type: plain ones, synonyms (E/M, HCC, ED), and "remote", which becomes the workplace filter. */
const QUERIES: Weighted<string> = [
  ['coder', 3],
  ['remote coder', 3],
  ['E/M', 4],
  ['HCC', 5],
  ['risk adjustment', 3],
  ['inpatient', 5],
  ['outpatient', 4],
  ['auditor', 3],
  ['profee', 2],
  ['ED', 2],
  ['surgery', 3],
  ['oncology', 2],
  ['cardiology', 2],
  ['denials', 1],
  ['CDI', 1],
  ['abstractor', 1],
  ['lead coder', 1],
];

const TIME_ZONES: Weighted<string> = [
  ['America/New_York', 50],
  ['America/Chicago', 25],
  ['America/Denver', 8],
  ['America/Los_Angeles', 17],
];

const FREQUENCIES: Weighted<AlertFrequency> = [
  ['instant', 25],
  ['daily', 55],
  ['weekly', 20],
];

/** Alert `index` of the dataset with `seed`; `organizations` are employer slugs a few alerts follow. */
export function syntheticAlert(seed: number, index: number, organizations: readonly string[]): SyntheticAlert {
  const r = Random.of(seed, 'alert', index);
  const vocabulary = generatorVocabulary();
  const params: JobSearchParams = {};
  if (r.chance(0.95)) params.credential = r.weightedSample(CREDENTIALS, r.chance(0.85) ? 1 : 2);
  // Where they can work: near home, remote from their state, remote anywhere, or anything.
  const where = r.weighted([
    ['near', 40],
    ['remote from', 35],
    ['remote', 15],
    ['anywhere', 10],
  ] as const);
  if (where === 'near' || where === 'remote from') params.state = r.weighted(STATES);
  if (where === 'near') params.workplace = ['hybrid', 'onsite'];
  if (where === 'remote from' || where === 'remote') params.workplace = 'remote';
  if (r.chance(0.3)) params.specialty = r.pick(vocabulary.specialties);
  if (r.chance(0.2)) params.setting = r.pick(vocabulary.settings);
  if (r.chance(0.25)) params.employmentType = 'FULL_TIME';
  if (r.chance(0.25)) params.salaryMin = String(r.pick([40000, 50000, 60000, 70000]));
  if (r.chance(0.04)) params.apprentice = 'true';
  if (r.chance(0.1)) params.postedWithin = '7';
  if (r.chance(0.6)) params.q = r.weighted(QUERIES);
  if (organizations.length && r.chance(0.02)) params.organization = r.pick(organizations);
  return { params, frequency: r.weighted(FREQUENCIES), timeZone: r.weighted(TIME_ZONES), member: r.chance(0.7) };
}
