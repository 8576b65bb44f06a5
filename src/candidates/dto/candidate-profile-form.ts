import { validationPipe } from '../../common/common.module';
import { DomainError, FieldErrors } from '../../common/domain-error';
import { SALARY_PERIODS, WORKPLACES } from '../../jobs/job.entity';
import { WORKPLACE_LABELS } from '../../jobs/job-presenter';
import { US_STATE_NAMES } from '../../jobs/us-states';
import { Credential } from '../../taxonomy/credential.entity';
import { Specialty } from '../../taxonomy/specialty.entity';
import type { CandidateProfileView } from '../candidate-profiles.service';
import { CandidateProfileDto, MAX_PROFILE_CREDENTIALS, MAX_PROFILE_SPECIALTIES } from './candidate-profile.dto';

/*
 * The profile form on /me/profile. Urlencoded bodies are parsed without qs
 * nesting, so the form uses flat names (desiredPayMin, credential2Code,
 * specialty1Years…) and repeated names for checkboxes. This file turns them
 * into the CandidateProfileDto the API takes, validated by the same pipe,
 * and turns the DTO paths of any error ('credentials.1.expiresOn') back into
 * the names of the inputs, so each message sits beside its field.
 */

export type ProfileFormBody = Record<string, unknown>;
export type ProfileFormValues = Record<string, string | string[]>;

type CredentialPart = 'Code' | 'Number' | 'Earned' | 'Expires';
type SpecialtyPart = 'Slug' | 'Years';

const credentialField = (row: number, part: CredentialPart) => `credential${row}${part}`;
const specialtyField = (row: number, part: SpecialtyPart) => `specialty${row}${part}`;

/** Blank rows offered below the filled ones (the form has no script to add rows). */
const SPARE_ROWS = 2;
const MIN_ROWS = 3;

const text = (body: ProfileFormBody, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
};

const list = (body: ProfileFormBody, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
};

/** The form filled in with the saved profile. */
export function profileFormValues(profile: CandidateProfileView): ProfileFormValues {
  const values: ProfileFormValues = {
    headline: profile.headline ?? '',
    summary: profile.summary ?? '',
    city: profile.city ?? '',
    state: profile.state ?? '',
    openToRelocation: profile.openToRelocation ? 'yes' : '',
    workplacePreferences: profile.workplacePreferences,
    desiredPayMin: profile.desiredPay?.min.toString() ?? '',
    desiredPayPeriod: profile.desiredPay?.period ?? '',
    yearsExperience: profile.yearsExperience?.toString() ?? '',
    linkedinUrl: profile.linkedinUrl ?? '',
    visibility: profile.visibility,
    settings: profile.settings,
    tools: profile.tools.join(', '),
  };
  profile.credentials.forEach((c, i) => {
    values[credentialField(i + 1, 'Code')] = c.code;
    values[credentialField(i + 1, 'Number')] = c.certificateNumber ?? '';
    values[credentialField(i + 1, 'Earned')] = c.earnedOn ?? '';
    values[credentialField(i + 1, 'Expires')] = c.expiresOn ?? '';
  });
  profile.specialties.forEach((s, i) => {
    values[specialtyField(i + 1, 'Slug')] = s.slug;
    values[specialtyField(i + 1, 'Years')] = String(s.years);
  });
  return values;
}

/** The submitted profile, with the form row of each credential and specialty sent (blank rows are skipped). */
export interface ParsedProfileForm {
  input: CandidateProfileDto;
  credentialRows: number[];
  specialtyRows: number[];
}

/** The highest row number any input of a row family was sent or filled for. */
function lastRow(source: Record<string, unknown>, prefix: 'credential' | 'specialty'): number {
  let last = 0;
  for (const name of Object.keys(source)) {
    const match = new RegExp(`^${prefix}(\\d{1,2})[A-Z]`).exec(name);
    if (match) last = Math.max(last, Number(match[1]));
  }
  return last;
}

/** The submitted form as a full CandidateProfileDto, validated like an API body; refusals are in the form's terms. */
export async function parseProfileForm(body: ProfileFormBody): Promise<ParsedProfileForm> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  const number = (name: string, wholeOnly: boolean): number | null => {
    const raw = text(body, name).replace(/[$,\s]/g, '');
    if (raw === '') return null;
    const value = Number(raw);
    if (Number.isFinite(value) && (!wholeOnly || Number.isInteger(value))) return value;
    add(name, wholeOnly ? 'Enter a whole number of years, such as 3.' : 'Enter an amount in numbers, such as 55000 or 26.50.');
    return null;
  };

  const credentials: Array<Record<string, string | null>> = [];
  const credentialRows: number[] = [];
  for (let row = 1; row <= Math.min(lastRow(body, 'credential'), MAX_PROFILE_CREDENTIALS + SPARE_ROWS); row++) {
    const [code, certificateNumber, earnedOn, expiresOn] = (['Code', 'Number', 'Earned', 'Expires'] as const).map((part) =>
      text(body, credentialField(row, part)),
    );
    if (!code && !certificateNumber && !earnedOn && !expiresOn) continue;
    if (!code) add(credentialField(row, 'Code'), 'Choose the credential, or clear this row.');
    credentials.push({ code, certificateNumber: certificateNumber || null, earnedOn: earnedOn || null, expiresOn: expiresOn || null });
    credentialRows.push(row);
  }

  const specialties: Array<{ slug: string; years: number | null }> = [];
  const specialtyRows: number[] = [];
  for (let row = 1; row <= Math.min(lastRow(body, 'specialty'), MAX_PROFILE_SPECIALTIES + SPARE_ROWS); row++) {
    const slug = text(body, specialtyField(row, 'Slug'));
    const yearsText = text(body, specialtyField(row, 'Years'));
    if (!slug && !yearsText) continue;
    if (!slug) add(specialtyField(row, 'Slug'), 'Choose the specialty, or clear this row.');
    specialties.push({ slug, years: number(specialtyField(row, 'Years'), true) ?? 0 });
    specialtyRows.push(row);
  }

  const payMin = number('desiredPayMin', false);
  const payPeriod = text(body, 'desiredPayPeriod');
  if (payMin !== null && !payPeriod) add('desiredPayPeriod', 'Choose per hour or per year.');

  const input = {
    headline: text(body, 'headline') || null,
    summary: typeof body.summary === 'string' && body.summary.trim() ? body.summary : null,
    city: text(body, 'city') || null,
    state: text(body, 'state') || null,
    openToRelocation: text(body, 'openToRelocation') !== '',
    workplacePreferences: list(body, 'workplacePreferences'),
    desiredPay: payMin === null ? null : { min: payMin, period: payPeriod },
    settings: list(body, 'settings'),
    tools: text(body, 'tools').split(','),
    yearsExperience: number('yearsExperience', true),
    linkedinUrl: text(body, 'linkedinUrl') || null,
    visibility: text(body, 'visibility') || 'private',
    credentials,
    specialties,
  };

  const dto = await (validationPipe.transform(input, { type: 'body', metatype: CandidateProfileDto }) as Promise<CandidateProfileDto>).catch(
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      for (const [field, messages] of Object.entries(error.fields ?? {})) for (const message of messages) add(field, message);
      return undefined;
    },
  );
  const rows = { credentialRows, specialtyRows };
  if (!dto || Object.keys(errors).length) throw profileInFormTerms(DomainError.invalid(errors), rows);
  dto.tools = dto.tools?.filter(Boolean) ?? [];
  return { input: dto, ...rows };
}

/** The input a DTO path belongs to: 'desiredPay.min' → desiredPayMin, 'credentials.1.expiresOn' → the second filled row's expiry. */
function formField(path: string, rows: Pick<ParsedProfileForm, 'credentialRows' | 'specialtyRows'>): string {
  const credential = /^credentials\.(\d+)\.(code|certificateNumber|earnedOn|expiresOn)$/.exec(path);
  if (credential) {
    const parts: Record<string, CredentialPart> = { code: 'Code', certificateNumber: 'Number', earnedOn: 'Earned', expiresOn: 'Expires' };
    return credentialField(rows.credentialRows[Number(credential[1])] ?? 1, parts[credential[2]]);
  }
  const specialty = /^specialties\.(\d+)\.(slug|years)$/.exec(path);
  if (specialty) return specialtyField(rows.specialtyRows[Number(specialty[1])] ?? 1, specialty[2] === 'slug' ? 'Slug' : 'Years');
  const nested: Record<string, string> = { desiredPay: 'desiredPayMin', 'desiredPay.min': 'desiredPayMin', 'desiredPay.period': 'desiredPayPeriod' };
  return nested[path] ?? path;
}

/** A refusal with field errors, its fields renamed to the form's inputs; any other error as it is. */
export function profileInFormTerms(error: unknown, rows: Pick<ParsedProfileForm, 'credentialRows' | 'specialtyRows'>): unknown {
  if (!(error instanceof DomainError) || !error.fields) return error;
  const fields: FieldErrors = {};
  for (const [path, messages] of Object.entries(error.fields)) (fields[formField(path, rows)] ??= []).push(...messages);
  return new DomainError(error.code, error.message, fields);
}

export interface ProfileFormTaxonomy {
  credentials: Credential[];
  specialties: Specialty[];
  settings: Specialty[];
}

interface Choice {
  value: string;
  label: string;
  checked: boolean;
}

/**
 * What the form's selects, radios and checkboxes show, marked as in
 * `values`, and its credential and specialty rows: the filled ones plus two
 * blank ones (at least three). Built from the same values the text inputs
 * show, so a refused form comes back exactly as it was sent.
 */
export function profileFormChoices(taxonomy: ProfileFormTaxonomy, values: ProfileFormValues) {
  const chosen = (name: string) => {
    const value = values[name];
    return new Set(Array.isArray(value) ? value : value ? [value] : []);
  };
  const choices = (name: string, options: Array<{ value: string; label: string }>): Choice[] => {
    const selected = chosen(name);
    return options.map((o) => ({ ...o, checked: selected.has(o.value) }));
  };
  const rowCount = (prefix: 'credential' | 'specialty', max: number) => Math.min(Math.max(lastRow(values, prefix) + SPARE_ROWS, MIN_ROWS), max);
  const credentialOptions = taxonomy.credentials.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }));
  const specialtyOptions = taxonomy.specialties.map((s) => ({ value: s.slug, label: s.name }));

  return {
    states: choices(
      'state',
      Object.entries(US_STATE_NAMES).map(([code, name]) => ({ value: code, label: name })),
    ),
    workplaces: choices(
      'workplacePreferences',
      WORKPLACES.map((w) => ({ value: w, label: WORKPLACE_LABELS[w] })),
    ),
    payPeriods: choices(
      'desiredPayPeriod',
      SALARY_PERIODS.map((p) => ({ value: p, label: p === 'HOUR' ? 'Per hour' : 'Per year' })),
    ),
    visibilities: choices('visibility', [
      { value: 'private', label: 'Private: only you see your profile' },
      { value: 'employers', label: 'Visible to verified employers: they can find your profile and invite you to apply, without seeing your contact details' },
    ]),
    settings: choices(
      'settings',
      taxonomy.settings.map((s) => ({ value: s.slug, label: s.name })),
    ),
    credentialRows: Array.from({ length: rowCount('credential', MAX_PROFILE_CREDENTIALS) }, (_, i) => {
      const row = i + 1;
      return {
        row,
        code: credentialField(row, 'Code'),
        number: credentialField(row, 'Number'),
        earned: credentialField(row, 'Earned'),
        expires: credentialField(row, 'Expires'),
        options: choices(credentialField(row, 'Code'), credentialOptions),
      };
    }),
    specialtyRows: Array.from({ length: rowCount('specialty', MAX_PROFILE_SPECIALTIES) }, (_, i) => {
      const row = i + 1;
      return { row, slug: specialtyField(row, 'Slug'), years: specialtyField(row, 'Years'), options: choices(specialtyField(row, 'Slug'), specialtyOptions) };
    }),
  };
}
