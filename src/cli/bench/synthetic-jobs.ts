import type { OrganizationSizeBand } from '../../employers/organization.entity';
import type { ApplyMethod, EmploymentType, JobLocation, SalaryPeriod, Workplace } from '../../jobs/job.entity';
import { Random } from './random';

/**
 * Synthetic job postings for the search benchmark: the same seed gives the
 * same organizations and jobs, job by job, however they are batched. The
 * mix imitates what coders search through: "coder" in most postings, a few
 * words in a handful (lymphoma, kyphoplasty), credentials weighted toward
 * CPC, CCS and CRC, and the taxonomy's specialty and setting slugs.
 */

/** Bump when the generated data changes, so saved datasets made by an older generator are loaded again. */
export const GENERATOR_VERSION = 2;

/** About one employer per this many jobs. */
export const JOBS_PER_ORGANIZATION = 50;

/** How far back postings were published: the 30-day "posted within" filter sees about half of them. */
export const PUBLISHED_SPREAD_DAYS = 60;

/** Every posting stays open at least this long after the dataset's moment: the expiry warning (three days ahead) never fires mid-run. */
export const MIN_DAYS_OPEN = 5;

const DAY_MS = 86_400_000;

export interface SyntheticOrganization {
  name: string;
  slug: string;
  website: string;
  headquartersCity: string;
  headquartersState: string;
  sizeBand: OrganizationSizeBand;
}

export interface SyntheticJob {
  /** Index into the organizations made for the same dataset. */
  organization: number;
  title: string;
  /** Markdown. */
  description: string;
  descriptionHtml: string;
  employmentType: EmploymentType;
  workplace: Workplace;
  locations: JobLocation[];
  locationStates: string[];
  remoteStates: string[];
  salaryMin: number | null;
  salaryMax: number | null;
  salaryPeriod: SalaryPeriod | null;
  credentialCodes: string[];
  apprenticeFriendly: boolean;
  specialtySlugs: string[];
  settingSlugs: string[];
  minYearsExperience: number;
  tools: string[];
  productivity: string | null;
  applyMethod: ApplyMethod;
  applyUrl: string | null;
  applyEmail: string | null;
  publishedAt: Date;
  validThrough: Date;
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

const CITIES: readonly JobLocation[] = [
  { city: 'Birmingham', state: 'AL', postalCode: '35203' },
  { city: 'Phoenix', state: 'AZ', postalCode: '85004' },
  { city: 'Tucson', state: 'AZ', postalCode: '85701' },
  { city: 'Little Rock', state: 'AR', postalCode: '72201' },
  { city: 'Los Angeles', state: 'CA', postalCode: '90012' },
  { city: 'Sacramento', state: 'CA', postalCode: '95814' },
  { city: 'San Diego', state: 'CA', postalCode: '92101' },
  { city: 'Denver', state: 'CO', postalCode: '80202' },
  { city: 'Hartford', state: 'CT', postalCode: '06103' },
  { city: 'Jacksonville', state: 'FL', postalCode: '32202' },
  { city: 'Miami', state: 'FL', postalCode: '33130' },
  { city: 'Orlando', state: 'FL', postalCode: '32801' },
  { city: 'Tampa', state: 'FL', postalCode: '33602' },
  { city: 'Atlanta', state: 'GA', postalCode: '30303' },
  { city: 'Boise', state: 'ID', postalCode: '83702' },
  { city: 'Chicago', state: 'IL', postalCode: '60601' },
  { city: 'Indianapolis', state: 'IN', postalCode: '46204' },
  { city: 'Des Moines', state: 'IA', postalCode: '50309' },
  { city: 'Wichita', state: 'KS', postalCode: '67202' },
  { city: 'Louisville', state: 'KY', postalCode: '40202' },
  { city: 'New Orleans', state: 'LA', postalCode: '70112' },
  { city: 'Baltimore', state: 'MD', postalCode: '21201' },
  { city: 'Boston', state: 'MA', postalCode: '02108' },
  { city: 'Detroit', state: 'MI', postalCode: '48226' },
  { city: 'Grand Rapids', state: 'MI', postalCode: '49503' },
  { city: 'Minneapolis', state: 'MN', postalCode: '55401' },
  { city: 'Jackson', state: 'MS', postalCode: '39201' },
  { city: 'Kansas City', state: 'MO', postalCode: '64106' },
  { city: 'St. Louis', state: 'MO', postalCode: '63101' },
  { city: 'Omaha', state: 'NE', postalCode: '68102' },
  { city: 'Las Vegas', state: 'NV', postalCode: '89101' },
  { city: 'Newark', state: 'NJ', postalCode: '07102' },
  { city: 'Albuquerque', state: 'NM', postalCode: '87102' },
  { city: 'Buffalo', state: 'NY', postalCode: '14202' },
  { city: 'New York', state: 'NY', postalCode: '10007' },
  { city: 'Charlotte', state: 'NC', postalCode: '28202' },
  { city: 'Raleigh', state: 'NC', postalCode: '27601' },
  { city: 'Cleveland', state: 'OH', postalCode: '44113' },
  { city: 'Columbus', state: 'OH', postalCode: '43215' },
  { city: 'Oklahoma City', state: 'OK', postalCode: '73102' },
  { city: 'Portland', state: 'OR', postalCode: '97204' },
  { city: 'Philadelphia', state: 'PA', postalCode: '19107' },
  { city: 'Pittsburgh', state: 'PA', postalCode: '15222' },
  { city: 'Columbia', state: 'SC', postalCode: '29201' },
  { city: 'Nashville', state: 'TN', postalCode: '37203' },
  { city: 'Austin', state: 'TX', postalCode: '78701' },
  { city: 'Dallas', state: 'TX', postalCode: '75201' },
  { city: 'Houston', state: 'TX', postalCode: '77002' },
  { city: 'San Antonio', state: 'TX', postalCode: '78205' },
  { city: 'Salt Lake City', state: 'UT', postalCode: '84111' },
  { city: 'Richmond', state: 'VA', postalCode: '23219' },
  { city: 'Seattle', state: 'WA', postalCode: '98104' },
  { city: 'Milwaukee', state: 'WI', postalCode: '53202' },
];

// prettier-ignore
const ORGANIZATION_PREFIXES = [
  'Cedar', 'Prairie', 'Summit', 'Harbor', 'Alder', 'Sable', 'North', 'Silver', 'Blue', 'Granite',
  'Maple', 'Willow', 'Pioneer', 'Lakeshore', 'Riverbend', 'Evergreen', 'Heritage', 'Keystone', 'Magnolia', 'Aspen',
  'Redwood', 'Sycamore', 'Juniper', 'Bayview', 'Crescent', 'Meridian', 'Beacon', 'Liberty', 'Sterling', 'Oak',
  'Pine', 'Stone', 'Canyon', 'Coastal', 'Highland', 'Hillcrest', 'Fairview', 'Brookside', 'Golden', 'Ironwood',
];
// prettier-ignore
const ORGANIZATION_PLACES = [
  'Valley', 'Ridge', 'Creek', 'River', 'Lake', 'Point', 'Springs', 'Hills', 'Bay', 'Grove',
  'Park', 'Crossing', 'Plains', 'Mountain', 'Meadow', 'Falls', 'Harbor', 'Mesa', 'Prairie', 'Forest',
  'Glen', 'Heights', 'Shore', 'Trail', 'County',
];
const ORGANIZATION_KINDS: ReadonlyArray<readonly [string, OrganizationSizeBand]> = [
  ['Health System', '5001+'],
  ['Medical Center', '1001-5000'],
  ['Regional Hospital', '1001-5000'],
  ['Physician Group', '201-1000'],
  ['Multispecialty Clinic', '201-1000'],
  ['Orthopedic Associates', '51-200'],
  ['Cardiology Partners', '51-200'],
  ['Revenue Cycle Partners', '201-1000'],
  ['Coding Solutions', '51-200'],
  ['Risk Analytics', '201-1000'],
  ['Billing Services', '11-50'],
  ['Surgery Center', '51-200'],
  ['Health Partners', '1001-5000'],
  ["Children's Hospital", '1001-5000'],
  ['Cancer Institute', '201-1000'],
  ['Imaging Associates', '51-200'],
  ['Community Health', '201-1000'],
  ['Medical Group', '201-1000'],
  ['HIM Services', '11-50'],
  ['Health Plan', '1001-5000'],
  ['Anesthesia Associates', '51-200'],
  ['Urgent Care', '51-200'],
  ['Home Health', '51-200'],
  ['Dermatology Group', '11-50'],
  ["Women's Health", '51-200'],
  ['Pediatrics', '11-50'],
  ['Gastroenterology Associates', '51-200'],
  ['Urology Partners', '11-50'],
  ['Emergency Physicians', '201-1000'],
  ['Rural Health Network', '201-1000'],
];
const NAME_COMBINATIONS = ORGANIZATION_PREFIXES.length * ORGANIZATION_PLACES.length * ORGANIZATION_KINDS.length;

/** A job family: what its titles, credentials, specialties, settings, pay and duties look like. */
interface Archetype {
  weight: number;
  /** `{cred}` becomes the first credential. */
  titles: readonly string[];
  credentials: Weighted<string>;
  /** Code specialties and service lines (taxonomy slugs). */
  specialties: readonly string[];
  settings: readonly string[];
  /** What the job does, as a verb phrase ("code inpatient stays"). */
  focus: readonly string[];
  duties: readonly string[];
  /** Yearly pay range of a mid-level posting. */
  pay: readonly [number, number];
  apprentice?: boolean;
}

const SERVICE_LINES: Readonly<Record<string, string>> = {
  cardiology: 'Cardiology',
  'interventional-radiology': 'Interventional Radiology',
  orthopedics: 'Orthopedics',
  'hematology-oncology': 'Hematology/Oncology',
  'obstetrics-gynecology': 'OB/GYN',
  gastroenterology: 'Gastroenterology',
  'general-surgery': 'General Surgery',
  'anesthesia-pain': 'Anesthesia and Pain',
  dermatology: 'Dermatology',
  urology: 'Urology',
  pediatrics: 'Pediatrics',
  'primary-care': 'Primary Care',
};

/** A coder certified in one service line: its title, credential and procedures. */
function specialtyCoder(line: string, credential: string, weight: number, focus: string, duty: string): Archetype {
  return {
    weight,
    titles: [`${SERVICE_LINES[line]} Coder`, `${SERVICE_LINES[line]} Coding Specialist`, `{cred} Coder`],
    credentials: [
      [credential, 6],
      ['CPC', 5],
      ['COC', 0.5],
    ],
    specialties: [line, 'cpt-evaluation-management', 'icd-10-cm', 'cpt-medicine'],
    settings: ['pro-fee', 'outpatient-facility'],
    focus: [`code ${focus}`, `code ${SERVICE_LINES[line].toLowerCase()} office visits and procedures`],
    duties: [duty, `Work closely with our ${SERVICE_LINES[line].toLowerCase()} providers on documentation and modifiers.`],
    pay: [56000, 72000],
  };
}

const ARCHETYPES: readonly Archetype[] = [
  {
    weight: 24,
    titles: [
      '{cred} Coder',
      'Professional Fee Coder',
      'Outpatient Coder',
      'Medical Coder',
      'Physician Coder',
      'Coding Specialist',
      'Medical Coding Specialist',
    ],
    credentials: [
      ['CPC', 12],
      ['COC', 2],
      ['CCS-P', 2],
      ['CCA', 1],
      ['RHIT', 1],
      ['CEMC', 1],
    ],
    specialties: [
      'cpt-evaluation-management',
      'cpt-medicine',
      'icd-10-cm',
      'primary-care',
      'pediatrics',
      'dermatology',
      'orthopedics',
      'cardiology',
      'surgery-integumentary',
    ],
    settings: ['pro-fee', 'outpatient-facility'],
    focus: [
      'code professional-fee E/M visits and office procedures',
      'code clinic visits, minor procedures and injections',
      'code physician services across a multi-specialty group',
    ],
    duties: [
      'Assign CPT, HCPCS Level II and ICD-10-CM codes from provider notes and apply the right modifiers.',
      'Level E/M visits by medical decision making or time, following the current guidelines.',
      'Review charge entry before claims go out and fix edits from the clearinghouse.',
      'Educate providers on documentation gaps you find while coding.',
    ],
    pay: [48000, 62000],
  },
  {
    weight: 14,
    titles: ['Inpatient Coder', 'Inpatient Coding Specialist', 'Inpatient Coding Professional', 'DRG Coder', 'Hospital Coder'],
    credentials: [
      ['CCS', 12],
      ['CIC', 4],
      ['RHIT', 4],
      ['RHIA', 3],
    ],
    specialties: ['icd-10-cm', 'icd-10-pcs'],
    settings: ['inpatient-facility'],
    focus: ['code acute inpatient stays, from medical admissions to complex surgical cases', 'code inpatient records for our regional hospitals'],
    duties: [
      'Assign ICD-10-CM and ICD-10-PCS codes and validate the MS-DRG and APR-DRG.',
      'Abstract discharge disposition, POA indicators and secondary diagnoses that affect severity.',
      'Send compliant queries to providers when documentation is unclear or conflicting.',
      'Keep unbilled accounts under our DNFB target.',
    ],
    pay: [60000, 78000],
  },
  {
    weight: 14,
    titles: ['Risk Adjustment Coder', 'Risk Adjustment Coder (HCC)', 'HCC Coder', 'Retrospective Chart Reviewer', 'Risk Adjustment Coding Specialist'],
    credentials: [
      ['CRC', 12],
      ['CPC', 6],
      ['CCS', 2],
    ],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    focus: ['review Medicare Advantage charts for HCC capture', 'code risk adjustment chart reviews for health plans'],
    duties: [
      'Review outpatient records and capture every supported HCC under the current CMS model.',
      'Apply MEAT criteria to each diagnosis and document where the support is found.',
      'Support RADV audits and second-level quality reviews.',
    ],
    pay: [54000, 68000],
  },
  {
    weight: 8,
    titles: ['Emergency Department Coder', 'ED Facility Coder', 'Outpatient Facility Coder', 'Observation and ED Coder'],
    credentials: [
      ['COC', 3],
      ['CPC', 4],
      ['CCS', 4],
      ['CEDC', 2],
    ],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'cpt-radiology', 'cpt-medicine'],
    settings: ['emergency-department', 'outpatient-facility'],
    focus: ['code emergency department and observation visits', 'code hospital outpatient encounters, from ED visits to infusions'],
    duties: [
      'Assign facility E/M levels using our hospital criteria and code procedures performed in the ED.',
      'Code infusions, injections and observation hours with the right units.',
      'Work the outpatient edits queue, including NCCI and medical necessity edits.',
    ],
    pay: [50000, 64000],
  },
  {
    weight: 8,
    titles: ['Surgical Coder', 'ASC Coder', 'Operative Coder', 'Surgery Coding Specialist'],
    credentials: [
      ['CPC', 6],
      ['COC', 4],
      ['CASCC', 2],
      ['CGSC', 1],
    ],
    specialties: [
      'cpt-surgery',
      'surgery-musculoskeletal',
      'surgery-digestive',
      'surgery-integumentary',
      'surgery-cardiovascular',
      'surgery-eye-ocular-adnexa',
      'surgery-urinary',
      'surgery-nervous',
      'general-surgery',
      'orthopedics',
    ],
    settings: ['ambulatory-surgery-center', 'outpatient-facility', 'pro-fee'],
    focus: ['code operative reports for same-day surgery', 'code surgical cases across our surgery centers'],
    duties: [
      'Code operative reports with CPT and ICD-10-CM, applying NCCI bundling and global periods.',
      'Append modifiers for bilateral, staged and distinct procedures.',
      'Query surgeons when an operative note does not support the procedure billed.',
    ],
    pay: [55000, 70000],
  },
  specialtyCoder(
    'cardiology',
    'CCC',
    3,
    'cardiac catheterizations, device checks and echocardiograms',
    'Code diagnostic and interventional cardiology procedures.',
  ),
  specialtyCoder(
    'interventional-radiology',
    'CIRCC',
    0.6,
    'interventional radiology and vascular procedures',
    'Code selective catheter placement, angiography and embolization with supervision and interpretation.',
  ),
  specialtyCoder(
    'hematology-oncology',
    'CHONC',
    2,
    'chemotherapy administration and oncology visits',
    'Code chemotherapy and infusion administration with the drugs given and their units.',
  ),
  specialtyCoder(
    'anesthesia-pain',
    'CANPC',
    1.5,
    'anesthesia time and pain management procedures',
    'Calculate anesthesia base and time units and code nerve blocks.',
  ),
  specialtyCoder(
    'obstetrics-gynecology',
    'COBGC',
    1.5,
    'global obstetric packages and gynecologic surgery',
    'Code global maternity care and track what falls outside the package.',
  ),
  specialtyCoder('gastroenterology', 'CGIC', 1.5, 'endoscopies and colonoscopies', 'Code screening and diagnostic endoscopy with the right modifiers.'),
  specialtyCoder(
    'pediatrics',
    'CPEDC',
    1,
    'well-child visits, vaccines and newborn care',
    'Code preventive visits, vaccine administration and developmental screenings.',
  ),
  specialtyCoder('urology', 'CUC', 1, 'urology procedures and office visits', 'Code cystoscopies, prostate procedures and urodynamic studies.'),
  specialtyCoder('orthopedics', 'COSC', 2, 'fracture care, joint replacements and arthroscopy', 'Code fracture care, casting and arthroscopic procedures.'),
  specialtyCoder('dermatology', 'CPCD', 1, 'skin lesion removals and repairs', 'Code excisions and repairs by size and site.'),
  {
    weight: 6,
    titles: ['Coding Auditor', 'Coding Quality Auditor', 'Coding Educator', 'Coding Compliance Auditor', 'Coding Quality Analyst'],
    credentials: [
      ['CPMA', 6],
      ['CPC', 5],
      ['CCS', 4],
      ['RHIA', 2],
      ['CDEO', 1],
      ['CPCO', 1],
    ],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'icd-10-pcs', 'cpt-surgery'],
    settings: ['pro-fee', 'inpatient-facility', 'outpatient-facility'],
    focus: ['audit coder and provider work', 'lead coding quality reviews across our facilities'],
    duties: [
      'Audit a sample of every coder’s work each quarter and report accuracy by category.',
      'Teach coders and providers what the audits find, one on one and in monthly sessions.',
      'Keep our coding policies current with payer and CMS changes.',
    ],
    pay: [68000, 88000],
  },
  {
    weight: 4,
    titles: ['Clinical Documentation Integrity Specialist', 'CDI Specialist', 'Clinical Documentation Specialist'],
    credentials: [
      ['CCDS', 5],
      ['CDIP', 5],
      ['RHIA', 2],
      ['CCS', 2],
    ],
    specialties: ['icd-10-cm', 'icd-10-pcs'],
    settings: ['inpatient-facility'],
    focus: ['run concurrent reviews of inpatient records', 'review documentation so it supports accurate coding'],
    duties: [
      'Review records while patients are in house and query providers for missing specificity.',
      'Work with coders to reconcile working and final DRGs.',
      'Track query response rates and present trends to physician leaders.',
    ],
    pay: [78000, 98000],
  },
  {
    weight: 6,
    titles: [
      'Medical Billing and Coding Specialist',
      'Charge Capture Specialist',
      'Denials and Appeals Specialist',
      'Revenue Cycle Coding Specialist',
      'Billing Coder',
    ],
    credentials: [
      ['CPB', 5],
      ['CPC', 5],
      ['CBCS', 2],
      ['CMRS', 1],
      ['NCICS', 1],
    ],
    specialties: ['hcpcs-level-ii', 'cpt-evaluation-management', 'icd-10-cm', 'hcpcs-temporary-g-q'],
    settings: ['pro-fee'],
    focus: ['work charges, denials and appeals for physician practices', 'resolve claims that come back denied'],
    duties: [
      'Work coding denials, correct claims and write appeals with the supporting documentation.',
      'Reconcile charges against schedules so no visit goes unbilled.',
      'Answer coding questions from the billing team and the front desk.',
    ],
    pay: [42000, 54000],
  },
  {
    weight: 4,
    titles: ['Entry-Level Medical Coder', 'Coding Apprentice', 'Junior Coder', 'Coder I (CPC-A welcome)'],
    credentials: [
      ['CPC-A', 6],
      ['CPC', 4],
      ['CCA', 4],
      ['CBCS', 2],
    ],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'primary-care'],
    settings: ['pro-fee'],
    focus: ['code office visits while you build your experience', 'code straightforward clinic visits with a mentor at your side'],
    duties: [
      'Code office visits and simple procedures with a mentor who reviews your work.',
      'Learn our encoder and charge entry system in your first weeks.',
      'Meet with your mentor every week to go over feedback.',
    ],
    pay: [38000, 46000],
    apprentice: true,
  },
  {
    weight: 2,
    titles: ['Home Health Coder', 'Home Health Coding Specialist (OASIS)'],
    credentials: [
      ['CPC', 3],
      ['CCS', 3],
      ['RHIT', 2],
    ],
    specialties: ['icd-10-cm'],
    settings: ['home-health'],
    focus: ['code home health episodes and review OASIS answers', 'code home health admissions and recertifications'],
    duties: ['Code primary and secondary diagnoses for home health episodes under PDGM.', 'Review OASIS answers against the referral documentation.'],
    pay: [52000, 66000],
  },
  {
    weight: 3,
    titles: ['Radiology Coder', 'Pathology and Laboratory Coder', 'Diagnostic Coding Specialist'],
    credentials: [
      ['CPC', 5],
      ['COC', 3],
      ['CIRCC', 0.3],
    ],
    specialties: ['cpt-radiology', 'cpt-pathology-laboratory', 'icd-10-cm'],
    settings: ['outpatient-facility', 'pro-fee'],
    focus: ['code diagnostic imaging and laboratory services', 'code high-volume radiology reads'],
    duties: ['Code diagnostic imaging with professional and technical components.', 'Code laboratory panels and pathology specimens by the level examined.'],
    pay: [48000, 60000],
  },
  {
    weight: 2,
    titles: ['DME Coder', 'HCPCS Coding Specialist', 'Infusion and Drug Coder'],
    credentials: [
      ['CPC', 4],
      ['CPB', 2],
      ['COC', 2],
    ],
    specialties: ['hcpcs-level-ii', 'hcpcs-drugs-j-codes', 'hcpcs-dme', 'hcpcs-orthotics-prosthetics'],
    settings: ['outpatient-facility', 'home-health'],
    focus: ['code durable medical equipment and supply claims', 'code drug and biological units for infusion centers'],
    duties: [
      'Assign HCPCS Level II codes and units for drugs, supplies and equipment.',
      'Check that every order carries the documentation the payer requires.',
    ],
    pay: [45000, 58000],
  },
];

const TOOLS = ['Epic', '3M 360 Encompass', 'Optum EncoderPro', 'Cerner', 'athenahealth', 'eClinicalWorks', 'TruCode', 'Meditech', 'NextGen', 'Find-A-Code'];

const AUDIENCES = [
  'our hospitals and clinics',
  'a growing multi-specialty group',
  'clients across the country',
  'our regional medical center',
  'our surgery centers',
  'our health plan partners',
];

const SUMMARIES: ReadonlyArray<(slot: { org: string; title: string; focus: string; audience: string }) => string> = [
  (s) => `${s.org} is hiring ${article(s.title)} ${s.title} to ${s.focus} for ${s.audience}.`,
  (s) => `Join the coding team at ${s.org} and ${s.focus}.`,
  (s) => `As ${article(s.title)} ${s.title} at ${s.org}, you will ${s.focus} for ${s.audience}.`,
  (s) => `We are looking for an experienced coder to ${s.focus} at ${s.org}.`,
  (s) => `${s.org} needs a detail-minded coder to ${s.focus}.`,
];

const TEAM_SENTENCES = [
  'Coders here answer provider questions and send compliant queries when documentation is unclear.',
  'Our coding leads review a sample of every coder’s work each month and share feedback.',
  'You will keep up with NCCI edits, payer policies and the annual code set updates.',
  'New team members train with a dedicated coding lead for their first weeks.',
  'Productivity targets are set per chart type and reviewed with each coder.',
  'Expect a steady volume of charts and a supportive team of experienced coders.',
  'You will help reduce denials by coding accurately the first time.',
];

const BENEFITS = [
  'We offer medical, dental and vision coverage, a 401(k) match and paid CEUs.',
  'Benefits include paid time off, tuition help and a paid AAPC or AHIMA membership.',
  'You get a company laptop, two monitors and a monthly internet stipend.',
  'Full-time coders earn a quarterly bonus for accuracy and productivity.',
  'We pay for one credential renewal a year and give you a day off for your exam.',
];

/** Sentences that give a few postings a word almost nobody else uses. */
const RARE_SENTENCES: Weighted<string> = [
  ['Experience coding lymphoma and leukemia treatment regimens is a plus.', 0.003],
  ['Our spine service performs kyphoplasty and vertebroplasty every week.', 0.001],
  ['You will code lithotripsy and other stone procedures for our urology team.', 0.001],
  ['Familiarity with Mohs micrographic surgery helps.', 0.001],
  ['The wound care center includes hyperbaric oxygen therapy.', 0.0005],
];

const LEVELS: Weighted<{ prefix: string; suffix: string; pay: number; years: [number, number] }> = [
  [{ prefix: '', suffix: '', pay: 1, years: [1, 3] }, 40],
  [{ prefix: '', suffix: ' I', pay: 0.9, years: [0, 1] }, 10],
  [{ prefix: '', suffix: ' II', pay: 1.05, years: [2, 3] }, 20],
  [{ prefix: '', suffix: ' III', pay: 1.15, years: [4, 6] }, 10],
  [{ prefix: 'Senior ', suffix: '', pay: 1.2, years: [5, 8] }, 12],
  [{ prefix: 'Lead ', suffix: '', pay: 1.3, years: [6, 10] }, 8],
];
const ENTRY_LEVEL = { prefix: '', suffix: '', pay: 1, years: [0, 0] };

const EMPLOYMENT_TYPES: Weighted<EmploymentType> = [
  ['FULL_TIME', 70],
  ['PART_TIME', 10],
  ['CONTRACTOR', 10],
  ['TEMPORARY', 4],
  ['PER_DIEM', 4],
  ['INTERN', 2],
];

const WORKPLACES: Weighted<Workplace> = [
  ['remote', 50],
  ['hybrid', 20],
  ['onsite', 30],
];

const STATES = [...new Set(CITIES.map((c) => c.state))];

const article = (word: string) => (/^[AEIOU]/i.test(word) ? 'an' : 'a');

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** The organizations of a dataset; names are unique (and so are slugs) up to NAME_COMBINATIONS, numbered beyond. */
export function syntheticOrganizations(count: number, seed: number): SyntheticOrganization[] {
  // Walking the name space with a step coprime to its size spreads consecutive organizations over every prefix, place and kind.
  const step = 7919;
  const offset = new Random(seed).int(0, NAME_COMBINATIONS - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = (offset + i * step) % NAME_COMBINATIONS;
    const prefix = ORGANIZATION_PREFIXES[n % ORGANIZATION_PREFIXES.length];
    const place = ORGANIZATION_PLACES[Math.floor(n / ORGANIZATION_PREFIXES.length) % ORGANIZATION_PLACES.length];
    const [kind, sizeBand] = ORGANIZATION_KINDS[Math.floor(n / (ORGANIZATION_PREFIXES.length * ORGANIZATION_PLACES.length))];
    const round = Math.floor(i / NAME_COMBINATIONS);
    const name = `${prefix} ${place} ${kind}${round ? ` ${round + 1}` : ''}`;
    const slug = slugify(name);
    const headquarters = Random.of(seed, 'organization', i).pick(CITIES);
    return { name, slug, website: `https://www.${slug}.example`, headquartersCity: headquarters.city, headquartersState: headquarters.state, sizeBand };
  });
}

function markdownAndHtml(paragraphs: string[], heading: string, items: string[], closing: string): { markdown: string; html: string } {
  const markdown = [...paragraphs, `### ${heading}`, items.map((item) => `- ${item}`).join('\n'), closing].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<h3>${escapeHtml(heading)}</h3>`,
    `<ul>\n${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`,
    `<p>${escapeHtml(closing)}</p>`,
  ].join('\n');
  return { markdown, html };
}

const listWords = (items: string[], last: string) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;

/**
 * Job `index` of the `count` jobs of the dataset with `seed`. `now` is the
 * dataset's moment: postings were published up to PUBLISHED_SPREAD_DAYS
 * before it, in index order (a board stores postings as they are published,
 * so its tables hold them roughly in date order), and stay open at least
 * MIN_DAYS_OPEN after it.
 */
export function syntheticJob(seed: number, index: number, count: number, organizations: readonly SyntheticOrganization[], now: Date): SyntheticJob {
  const r = Random.of(seed, 'job', index);
  const archetype = r.weighted(ARCHETYPES.map((a) => [a, a.weight] as const));
  // Squaring skews postings toward the first employers: a few post a lot, most post a little.
  const organization = Math.floor(r.next() ** 2 * organizations.length);
  const employer = organizations[organization];

  const credentialCodes = r.weightedSample(
    archetype.credentials,
    r.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
    ] as const),
  );
  const specialtySlugs = r.sample(archetype.specialties, r.int(1, Math.min(3, archetype.specialties.length)));
  const settingSlugs = r.sample(archetype.settings, r.int(0, Math.min(2, archetype.settings.length)));
  const level = archetype.apprentice ? ENTRY_LEVEL : r.weighted(LEVELS);
  const workplace = r.weighted(WORKPLACES);

  let locations: JobLocation[] = [];
  let remoteStates: string[] = [];
  if (workplace === 'remote') {
    remoteStates = r.chance(0.5) ? [] : r.sample(STATES, r.int(1, 6)).sort();
  } else {
    const home = CITIES.find((c) => c.city === employer.headquartersCity)!;
    locations = [r.chance(0.6) ? home : r.pick(CITIES)];
    if (r.chance(0.15)) locations.push(r.pick(CITIES.filter((c) => c.state === locations[0].state && c !== locations[0])) ?? r.pick(CITIES));
    locations = [...new Set(locations)];
  }

  const line = specialtySlugs.map((s) => SERVICE_LINES[s]).find(Boolean);
  let title = `${level.prefix}${r.pick(archetype.titles).replace('{cred}', credentialCodes[0])}${level.suffix}`;
  if (line && !title.includes(line) && r.chance(0.4)) title += ` — ${line}`;
  else if (!title.includes(credentialCodes[0]) && r.chance(0.25)) title += ` (${credentialCodes[0]})`;
  if (workplace === 'remote' && r.chance(0.4)) title = `Remote ${title}`;

  const tools = r.sample(TOOLS, r.int(1, 2));
  const years = r.int(level.years[0], level.years[1]);
  const where =
    workplace === 'remote'
      ? `This is a fully remote position open to ${remoteStates.length ? `residents of ${listWords(remoteStates, 'and')}` : 'candidates in any US state'}.`
      : workplace === 'hybrid'
        ? `This hybrid role works from our ${locations[0].city} office two days a week and from home the rest.`
        : `This role is based in our ${locations[0].city} office.`;
  const summary = r.pick(SUMMARIES)({ org: employer.name, title, focus: r.pick(archetype.focus), audience: r.pick(AUDIENCES) });
  const duties = [...r.sample(archetype.duties, 2), r.pick(TEAM_SENTENCES)];
  const requirements = [
    credentialCodes.length > 1 ? `${listWords(credentialCodes, 'or')} (one is enough)` : `${credentialCodes[0]} credential required`,
    years ? `${years}+ years of coding experience` : 'New coders welcome: we train you',
    `Experience with ${listWords(tools, 'and')}`,
  ];
  const rare = RARE_SENTENCES.filter(([, probability]) => r.chance(probability)).map(([sentence]) => sentence);
  const { markdown, html } = markdownAndHtml([`${summary} ${where}`, duties.join(' ')], 'What you bring', requirements, [r.pick(BENEFITS), ...rare].join(' '));

  const yearly = r.int(archetype.pay[0], archetype.pay[1]) * level.pay;
  const pay = r.weighted([
    ['yearly', 50],
    ['hourly', 35],
    ['none', 15],
  ] as const);
  const spread = 1 + r.int(8, 20) / 100;
  const [salaryMin, salaryMax, salaryPeriod] =
    pay === 'yearly'
      ? [Math.round(yearly / 500) * 500, Math.round((yearly * spread) / 500) * 500, 'YEAR' as const]
      : pay === 'hourly'
        ? [Math.round((yearly / 2080) * 2) / 2, Math.round(((yearly * spread) / 2080) * 2) / 2, 'HOUR' as const]
        : [null, null, null];

  const age = (count - index - r.next()) / count;
  const publishedAt = new Date(now.getTime() - Math.floor(age * PUBLISHED_SPREAD_DAYS * DAY_MS));
  const validThrough = new Date(publishedAt.getTime() + (PUBLISHED_SPREAD_DAYS + MIN_DAYS_OPEN + r.int(0, 25)) * DAY_MS);
  const applyMethod = r.weighted([
    ['onsite', 60],
    ['url', 30],
    ['email', 10],
  ] as const);

  return {
    organization,
    title,
    description: markdown,
    descriptionHtml: html,
    employmentType: archetype.apprentice && r.chance(0.3) ? 'INTERN' : r.weighted(EMPLOYMENT_TYPES),
    workplace,
    locations,
    locationStates: [...new Set(locations.map((l) => l.state))],
    remoteStates,
    salaryMin,
    salaryMax,
    salaryPeriod,
    credentialCodes,
    apprenticeFriendly: archetype.apprentice === true || r.chance(0.08),
    specialtySlugs,
    settingSlugs,
    minYearsExperience: years,
    tools,
    productivity: r.chance(0.5) ? `${r.int(12, 30)} charts a day after training, at 95% accuracy` : null,
    applyMethod,
    applyUrl: applyMethod === 'url' ? `https://careers.${employer.slug}.example/jobs/${100000 + index}` : null,
    applyEmail: applyMethod === 'email' ? `recruiting@${employer.slug}.example` : null,
    publishedAt,
    validThrough,
  };
}

/** Every credential code and specialty slug the generator may put on a job: they must exist in the taxonomy. */
export function generatorVocabulary(): { credentials: string[]; specialties: string[]; settings: string[] } {
  return {
    credentials: [...new Set(ARCHETYPES.flatMap((a) => a.credentials.map(([code]) => code)))],
    specialties: [...new Set(ARCHETYPES.flatMap((a) => a.specialties))],
    settings: [...new Set(ARCHETYPES.flatMap((a) => a.settings))],
  };
}
