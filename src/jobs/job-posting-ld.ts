import { JobDetailsView } from './job-presenter';

export interface JobPostingLdOptions {
  /** Absolute base URL of the site (no trailing slash), for the logo and page addresses. */
  appUrl: string;
  /** True only when applying completes on this site (Google shows "Apply directly" then). */
  directApply: boolean;
}

type Ld = Record<string, unknown>;

/**
 * schema.org JobPosting for Google for Jobs, built from the same view the
 * page shows so that every value in it is visible on the page.
 * https://developers.google.com/search/docs/appearance/structured-data/job-posting
 */
export function buildJobPostingLd(job: JobDetailsView, options: JobPostingLdOptions): Ld {
  const organization: Ld = { '@type': 'Organization', name: job.organization.name };
  if (job.organization.website) organization.sameAs = job.organization.website;
  if (job.organization.logoPath) organization.logo = `${options.appUrl}${job.organization.logoPath}`;

  const ld: Ld = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: job.descriptionHtml,
    identifier: { '@type': 'PropertyValue', name: job.organization.name, value: job.id },
    hiringOrganization: organization,
    employmentType: job.employmentType,
    occupationalCategory: job.occupation.code,
    directApply: options.directApply,
  };
  if (job.posted) ld.datePosted = job.posted.iso;
  if (job.validThrough) ld.validThrough = job.validThrough.iso;

  // One Place per location. A fully remote job lists places only for an office it also has;
  // hybrid work is not telecommuting, so it keeps its places and no jobLocationType.
  if (job.locations.length > 0) {
    ld.jobLocation = job.locations.map((l) => ({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: l.city,
        addressRegion: l.state,
        ...(l.postalCode ? { postalCode: l.postalCode } : {}),
        addressCountry: 'US',
      },
    }));
  }
  if (job.remote) {
    ld.jobLocationType = 'TELECOMMUTE';
    ld.applicantLocationRequirements = job.remote.anyState
      ? { '@type': 'Country', name: 'US' }
      : job.remote.states.map((s) => ({ '@type': 'State', name: s.name }));
  }

  if (job.salary) {
    const { min, max, currency, period } = job.salary;
    const value: Ld = { '@type': 'QuantitativeValue' };
    if (min != null && max != null && min === max) value.value = min;
    else {
      if (min != null) value.minValue = min;
      if (max != null) value.maxValue = max;
    }
    if (period) value.unitText = period;
    ld.baseSalary = { '@type': 'MonetaryAmount', currency, value };
  }

  if (job.credentials.length > 0) {
    ld.educationRequirements = { '@type': 'EducationalOccupationalCredential', credentialCategory: 'professional certificate' };
  }
  if (job.minYearsExperience != null) {
    ld.experienceRequirements =
      job.minYearsExperience > 0 ? { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: job.minYearsExperience * 12 } : 'no requirements';
  }
  return ld;
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` block. The escapes keep
 * `</script>` or `<!--` in any field from ending the block, and are still
 * the same JSON to a parser.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c]);
}
