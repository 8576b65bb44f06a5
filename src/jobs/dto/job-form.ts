import { Type } from 'class-transformer';
import { IsIn } from 'class-validator';
import { validationPipe } from '../../common/common.module';
import { DomainError, FieldErrors } from '../../common/domain-error';
import { Credential } from '../../taxonomy/credential.entity';
import { Specialty, SpecialtyGroup } from '../../taxonomy/specialty.entity';
import { APPLY_METHODS, EMPLOYMENT_TYPES, Job, SALARY_PERIODS, WORKPLACES } from '../job.entity';
import { US_STATE_NAMES } from '../us-states';
import { JobInputDto } from './job-input.dto';
import { EMPLOYMENT_TYPE_LABELS } from '../job-presenter';
import { parseScreeningQuestionRows, screeningQuestionField, screeningQuestionRows, screeningQuestionValues } from './screening-question-form';

/*
 * The employer's posting form on the web. The app parses urlencoded bodies
 * without qs nesting, so the form uses flat names (salaryMin, location2City,
 * applyUrl…) and repeated names for checkboxes; this file turns that into the
 * JobInputDto the API takes, validated by the same pipe and rules, and turns
 * the DTO paths of any error ('salary.max', 'locations.1.state') back into
 * the names of the inputs, so each message sits next to its field.
 */

/** A urlencoded form body: a repeated name (ticked checkboxes) arrives as an array. */
export type JobFormBody = Record<string, unknown>;

/** What the form's inputs hold, by input name. */
export type JobFormValues = Record<string, string | string[]>;

export type JobFormIntent = 'draft' | 'publish' | 'save';

const LOCATION_ROWS = 3;

const SPECIALTY_GROUPS: Array<{ label: string; groups: SpecialtyGroup[]; strip?: string }> = [
  { label: 'CPT sections', groups: ['cpt-section'] },
  { label: 'Surgery subsections', groups: ['cpt-surgery-subsection'], strip: 'Surgery: ' },
  { label: 'Diagnosis and inpatient procedure coding', groups: ['diagnosis', 'inpatient-procedure'] },
  { label: 'HCPCS Level II', groups: ['hcpcs'] },
  { label: 'Service lines', groups: ['service-line'] },
];

const locationField = (row: number, part: 'City' | 'State' | 'PostalCode') => `location${row}${part}`;

/** A date input's value for a stored instant: its UTC day, as the site shows expiry dates. */
const dateInputValue = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : '');

/** The form filled in with a saved posting, for its edit page. */
export function jobFormValues(job: Job): JobFormValues {
  const values: JobFormValues = {
    title: job.title,
    description: job.description,
    employmentType: job.employmentType,
    workplace: job.workplace,
    remoteScope: job.remoteStates.length ? 'states' : 'any',
    remoteStates: job.remoteStates,
    salaryMin: job.salaryMin?.toString() ?? '',
    salaryMax: job.salaryMax?.toString() ?? '',
    salaryCurrency: job.salaryCurrency,
    salaryPeriod: job.salaryPeriod ?? '',
    credentials: job.credentialCodes,
    apprenticeFriendly: job.apprenticeFriendly ? 'yes' : '',
    specialties: job.specialtySlugs,
    settings: job.settingSlugs,
    minYearsExperience: job.minYearsExperience?.toString() ?? '',
    tools: job.tools.join(', '),
    productivity: job.productivity ?? '',
    applyMethod: job.applyMethod,
    applyUrl: job.applyUrl ?? '',
    applyEmail: job.applyEmail ?? '',
    validThrough: dateInputValue(job.validThrough),
    ...screeningQuestionValues(job.screeningQuestions),
  };
  job.locations.slice(0, LOCATION_ROWS).forEach((location, i) => {
    values[locationField(i + 1, 'City')] = location.city;
    values[locationField(i + 1, 'State')] = location.state;
    values[locationField(i + 1, 'PostalCode')] = location.postalCode ?? '';
  });
  return values;
}

/** A new posting's form: pay in US dollars, applications on this site. */
export const NEW_JOB_VALUES: JobFormValues = { salaryCurrency: 'USD', applyMethod: 'onsite', remoteScope: 'any' };

const text = (body: JobFormBody, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
};

const list = (body: JobFormBody, name: string): string[] => {
  const value = body[name];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
};

/** What the browser sent, as the form's inputs show it again after a refused submission. */
export function submittedFormValues(body: JobFormBody): JobFormValues {
  const values: JobFormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

/** The submitted posting, with what is needed to report the service's errors in the form's terms. */
export interface ParsedJobForm {
  intent: JobFormIntent;
  input: JobInputDto;
  /** The form row (1-based) of each entry of `input.locations`: empty rows are skipped. */
  locationRows: number[];
  /** The same for `input.screeningQuestions`. */
  questionRows: number[];
}

/**
 * The submitted form as a full JobInputDto, validated like an API body. An
 * empty optional field is `null`, which clears it when a posting is edited
 * (JobsService's patch semantics). A `validThrough` left at the saved job's
 * date is not sent, so editing never moves the exact expiry.
 */
export async function parseJobForm(body: JobFormBody, current?: Job): Promise<ParsedJobForm> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  const number = (name: string, wholeOnly = false): number | null => {
    const raw = text(body, name).replace(/[$,\s]/g, '');
    if (raw === '') return null;
    const value = Number(raw);
    if (Number.isFinite(value) && (!wholeOnly || Number.isInteger(value))) return value;
    add(name, wholeOnly ? 'Enter a whole number of years, such as 2.' : 'Enter an amount in numbers, such as 52000 or 24.50.');
    // Reported here, in words for this form; the DTO need not say it again.
    return null;
  };

  const intentValue = text(body, 'intent');
  const intent: JobFormIntent = intentValue === 'publish' || intentValue === 'save' ? intentValue : 'draft';
  const workplace = text(body, 'workplace');

  const locations: Array<{ city: string; state: string; postalCode?: string }> = [];
  const locationRows: number[] = [];
  for (let row = 1; row <= LOCATION_ROWS; row++) {
    const [city, state, postalCode] = (['City', 'State', 'PostalCode'] as const).map((part) => text(body, locationField(row, part)));
    if (!city && !state && !postalCode) continue;
    locations.push({ city, state, ...(postalCode ? { postalCode } : {}) });
    locationRows.push(row);
  }

  // The state checkboxes are on the page whatever the workplace; they count only for a remote job, and only when "these states" is chosen.
  const remoteStates = workplace === 'remote' && text(body, 'remoteScope') === 'states' ? list(body, 'remoteStates') : [];
  if (workplace === 'remote' && text(body, 'remoteScope') === 'states' && remoteStates.length === 0) {
    add('remoteStates', 'Tick the states you can hire in, or choose “Any US state”.');
  }

  const salaryMin = number('salaryMin');
  const salaryMax = number('salaryMax');
  const applyMethod = text(body, 'applyMethod') || 'onsite';
  // Comma-separated tags; a repeat in other letter case is dropped, as the list is for people to read.
  const tools: string[] = [];
  for (const part of text(body, 'tools').split(',')) {
    const tool = part.trim();
    if (tool && !tools.some((t) => t.toLowerCase() === tool.toLowerCase())) tools.push(tool);
  }

  const screening = parseScreeningQuestionRows((name) => text(body, name));

  let validThrough: string | null | undefined = null;
  const date = text(body, 'validThrough');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) add('validThrough', 'Enter a date such as 2026-06-30.');
  else if (current && date === dateInputValue(current.validThrough)) validThrough = undefined;
  // A posting is listed through the whole of the chosen day.
  else if (date) validThrough = `${date}T23:59:59.999Z`;

  const input = {
    title: text(body, 'title'),
    description: typeof body.description === 'string' ? body.description : '',
    employmentType: text(body, 'employmentType'),
    workplace,
    locations,
    remoteStates,
    salary:
      salaryMin === null && salaryMax === null
        ? null
        : { min: salaryMin, max: salaryMax, currency: text(body, 'salaryCurrency') || 'USD', period: text(body, 'salaryPeriod') || null },
    credentials: list(body, 'credentials'),
    apprenticeFriendly: text(body, 'apprenticeFriendly') !== '',
    specialties: list(body, 'specialties'),
    settings: list(body, 'settings'),
    minYearsExperience: number('minYearsExperience', true),
    tools,
    productivity: text(body, 'productivity') || null,
    // Only the chosen method's detail (an address left in the other box is not meant); a missing one is reported by the service.
    apply: {
      method: applyMethod,
      ...(applyMethod === 'url' && text(body, 'applyUrl') ? { url: text(body, 'applyUrl') } : {}),
      ...(applyMethod === 'email' && text(body, 'applyEmail') ? { email: text(body, 'applyEmail') } : {}),
    },
    screeningQuestions: screening.questions,
    ...(validThrough === undefined ? {} : { validThrough }),
  };

  const dto = await (validationPipe.transform(input, { type: 'body', metatype: JobInputDto }) as Promise<JobInputDto>).catch((error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    for (const [field, messages] of Object.entries(error.fields ?? {})) for (const message of messages) add(field, message);
    return undefined;
  });
  if (!dto || Object.keys(errors).length) throw inFormTerms(DomainError.invalid(errors), locationRows, screening.rows);
  return { intent, input: dto, locationRows, questionRows: screening.rows };
}

/** The input a DTO path belongs to: 'salary.max' → salaryMax, 'locations.1.city' → the second filled row's city. */
function formField(path: string, locationRows: number[], questionRows: number[]): string {
  const question = screeningQuestionField(path, questionRows);
  if (question) return question;
  const location = /^locations\.(\d+)\.(city|state|postalCode)$/.exec(path);
  if (location) {
    const row = locationRows[Number(location[1])] ?? 1;
    return locationField(row, location[2] === 'postalCode' ? 'PostalCode' : location[2] === 'city' ? 'City' : 'State');
  }
  if (/^locations\.\d+$/.test(path)) return 'locations';
  const nested: Record<string, string> = {
    salary: 'salaryMin',
    'salary.min': 'salaryMin',
    'salary.max': 'salaryMax',
    'salary.currency': 'salaryCurrency',
    'salary.period': 'salaryPeriod',
    apply: 'applyMethod',
    'apply.method': 'applyMethod',
    'apply.url': 'applyUrl',
    'apply.email': 'applyEmail',
  };
  return nested[path] ?? path;
}

/**
 * A refusal with field errors, its fields renamed to the form's inputs; any
 * other error as it is. `locationRows` is the form row of each location, and
 * `questionRows` of each screening question (a saved posting's fill the rows
 * in order).
 */
export function inFormTerms(error: unknown, locationRows: number[] = [1, 2, 3], questionRows: number[] = [1, 2, 3, 4, 5]): unknown {
  if (!(error instanceof DomainError) || !error.fields) return error;
  const fields: FieldErrors = {};
  for (const [path, messages] of Object.entries(error.fields)) (fields[formField(path, locationRows, questionRows)] ??= []).push(...messages);
  return new DomainError(error.code, error.message, fields);
}

/**
 * For `.catch()` on a service call with a parsed form: a refusal is thrown
 * again in the form's terms, so @FormView shows each message by its input.
 */
export function rethrowInFormTerms(parsed: Pick<ParsedJobForm, 'locationRows' | 'questionRows'>) {
  return (error: unknown): never => {
    throw inFormTerms(error, parsed.locationRows, parsed.questionRows);
  };
}

export interface JobFormTaxonomy {
  credentials: Credential[];
  specialties: Specialty[];
  settings: Specialty[];
}

interface Choice {
  value: string;
  label: string;
  hint?: string;
  checked: boolean;
}

/**
 * Everything the form's selects, radios and checkboxes show, with the
 * current choices marked. Built from the same values the text inputs show,
 * so a refused submission comes back exactly as it was sent.
 */
export function jobFormChoices(taxonomy: JobFormTaxonomy, values: JobFormValues) {
  const chosen = (name: string) => {
    const value = values[name];
    return new Set(Array.isArray(value) ? value : value ? [value] : []);
  };
  const choices = (name: string, options: Array<{ value: string; label: string; hint?: string }>): Choice[] => {
    const selected = chosen(name);
    return options.map((o) => ({ ...o, checked: selected.has(o.value) }));
  };
  const states = Object.entries(US_STATE_NAMES).map(([code, name]) => ({ value: code, label: name }));

  const issuers = [...new Set(taxonomy.credentials.map((c) => c.issuer))];
  return {
    employmentTypes: choices(
      'employmentType',
      EMPLOYMENT_TYPES.map((t) => ({ value: t, label: EMPLOYMENT_TYPE_LABELS[t] })),
    ),
    workplaces: choices('workplace', [
      { value: WORKPLACES[0], label: 'On site', hint: 'Coders work at one of the locations below.' },
      { value: WORKPLACES[1], label: 'Hybrid', hint: 'Some days on site, some at home: list the office locations.' },
      { value: WORKPLACES[2], label: 'Remote', hint: 'Fully remote; add an office below only if there is one.' },
    ]),
    locationRows: Array.from({ length: LOCATION_ROWS }, (_, i) => {
      const row = i + 1;
      return {
        row,
        city: locationField(row, 'City'),
        state: locationField(row, 'State'),
        postalCode: locationField(row, 'PostalCode'),
        states: choices(locationField(row, 'State'), states),
      };
    }),
    remoteScopes: choices('remoteScope', [
      { value: 'any', label: 'Any US state' },
      { value: 'states', label: 'Only the states ticked below' },
    ]),
    remoteStates: choices('remoteStates', states),
    remoteStatesOpen: chosen('remoteStates').size > 0 || values.remoteScope === 'states',
    salaryPeriods: choices(
      'salaryPeriod',
      SALARY_PERIODS.map((p) => ({ value: p, label: p === 'HOUR' ? 'Per hour' : 'Per year' })),
    ),
    // Issuers in the taxonomy's order (AAPC, AHIMA first): the first two and any with a choice made start open.
    credentialGroups: issuers.map((issuer, index) => {
      const items = choices(
        'credentials',
        taxonomy.credentials.filter((c) => c.issuer === issuer).map((c) => ({ value: c.code, label: c.code, hint: c.name })),
      );
      return { label: issuer, items, open: index < 2 || items.some((i) => i.checked) };
    }),
    specialtyGroups: SPECIALTY_GROUPS.map((group, index) => {
      const items = choices(
        'specialties',
        taxonomy.specialties
          .filter((s) => s.group && group.groups.includes(s.group))
          .map((s) => ({ value: s.slug, label: group.strip && s.name.startsWith(group.strip) ? s.name.slice(group.strip.length) : s.name })),
      );
      // The first group, and any with a choice made, start open; the rest fold away to keep the form short.
      return { label: group.label, items, open: index === 0 || items.some((i) => i.checked) };
    }),
    settings: choices(
      'settings',
      taxonomy.settings.map((s) => ({ value: s.slug, label: s.name })),
    ),
    questionRows: screeningQuestionRows(values),
    applyMethods: choices(
      'applyMethod',
      APPLY_METHODS.map((m) => ({
        value: m,
        label: m === 'onsite' ? 'On CareerCenter' : m === 'url' ? 'On our careers site' : 'By email',
        hint:
          m === 'onsite'
            ? 'Coders apply here with their resume and an optional cover letter, and answer your screening questions below. You follow applicants on your dashboard.'
            : m === 'url'
              ? 'Give the https:// address of the application page.'
              : 'Applications go to the address you give.',
      })),
    ),
  };
}

/** How long a renewal keeps a posting open, counted from today (at most 90 days). */
export const RENEW_DAYS = [30, 60, 90] as const;

/** The dashboard's renew form: a choice of period rather than a date, so it cannot be out of range. */
export class RenewFormDto {
  @Type(() => Number)
  @IsIn(RENEW_DAYS, { message: 'Choose 30, 60 or 90 days.' })
  days: number;
}
