import type { ApplicationStatus } from '../applications/application.entity';
import type { ProfileVisibility } from '../candidates/candidate-profile.entity';
import type { OrganizationSizeBand } from '../employers/organization.entity';
import type { ApplyMethod, EmploymentType, JobLocation, SalaryPeriod, Workplace } from '../jobs/job.entity';
import type { UserRole } from '../users/user.entity';

/**
 * What the demo dataset contains. Every name here is made up; the emails use
 * a reserved `.test` domain so no demo message can reach a real inbox, and
 * the organizations' web sites and apply addresses use the reserved
 * `.example` top-level domain. Identity is by email (users), by owner plus
 * name (organizations), by a fixed key (jobs), by coder (profiles, with
 * their resume) and by coder plus job (applications), so loading again finds
 * what an earlier load made.
 */

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_EMAIL_DOMAIN = 'demo.careercenter.test';

export interface DemoUser {
  email: string;
  name: string;
  role: Extract<UserRole, 'candidate' | 'employer'>;
}

/** Filled in on a demo organization wherever the field is still empty. */
export interface DemoOrganizationProfile {
  website: string;
  /** Markdown. */
  about: string;
  headquartersCity: string;
  headquartersState: string;
  sizeBand: OrganizationSizeBand;
}

export interface DemoOrganization {
  name: string;
  /** Email of the owning employer account. */
  owner: string;
  /** Emails of employer accounts that recruit for the organization. */
  recruiters: string[];
  profile: DemoOrganizationProfile;
}

const email = (localPart: string) => `${localPart}@${DEMO_EMAIL_DOMAIN}`;

export const DEMO_USERS: DemoUser[] = [
  // Employers: the person who opened the organization's account, and one recruiter.
  { email: email('denise.okafor'), name: 'Denise Okafor', role: 'employer' },
  { email: email('marcus.bell'), name: 'Marcus Bell', role: 'employer' },
  { email: email('priya.raman'), name: 'Priya Raman', role: 'employer' },
  { email: email('tom.kowalski'), name: 'Tom Kowalski', role: 'employer' },
  { email: email('angela.ruiz'), name: 'Angela Ruiz', role: 'employer' },
  // Coders looking for work.
  { email: email('jasmine.carter'), name: 'Jasmine Carter', role: 'candidate' },
  { email: email('luis.hernandez'), name: 'Luis Hernandez', role: 'candidate' },
  { email: email('emily.nguyen'), name: 'Emily Nguyen', role: 'candidate' },
  { email: email('robert.thompson'), name: 'Robert Thompson', role: 'candidate' },
  { email: email('keisha.williams'), name: 'Keisha Williams', role: 'candidate' },
];

/** What the job postings of one employer share: its name, its (reserved) domain and what it offers every hire. */
interface DemoEmployer {
  name: string;
  domain: string;
  benefits: string[];
}

// A hospital system hiring inpatient and outpatient facility coders and CDI specialists.
const PRAIRIE: DemoEmployer = {
  name: 'Prairie Meridian Health System',
  domain: 'prairiemeridian.example',
  benefits: [
    'Medical, dental and vision coverage from your first day',
    '403(b) with a 5% match after one year',
    'Paid AHIMA or AAPC membership, one credential renewal and 20 CEUs a year',
    'Home-office equipment (two monitors, headset, ergonomic chair) for remote roles',
  ],
};

// A multi-specialty physician group hiring professional-fee coders.
const ALDER_CREEK: DemoEmployer = {
  name: 'Alder Creek Multispecialty Group',
  domain: 'aldercreekgroup.example',
  benefits: [
    'Health, dental and vision plans with a low-deductible option',
    '401(k) with a 4% employer contribution',
    'Paid AAPC membership and exam fees for a specialty credential',
    'Four weeks of paid time off in your first year',
  ],
};

// A revenue-cycle company doing coding and billing for clinics, surgery centers and rural hospitals.
const NORTHPOINT: DemoEmployer = {
  name: 'Northpoint Revenue Cycle Partners',
  domain: 'northpointrcp.example',
  benefits: [
    'Medical, dental and vision from the first of the month after you start',
    'Quarterly accuracy and productivity bonus for full-time coders',
    'A CEU allowance and a paid day off for your certification exam',
    'Company laptop and a monthly internet stipend',
  ],
};

// A risk-adjustment vendor reviewing charts for HCC capture.
const SABLE_RIDGE: DemoEmployer = {
  name: 'Sable Ridge Risk Analytics',
  domain: 'sableridgeanalytics.example',
  benefits: [
    'Fully remote coding teams with flexible start times',
    'Medical, dental and vision with an HSA contribution',
    'Paid CRC exam and AAPC renewal, plus access to an online CEU library',
    'A 401(k) match and paid volunteer days',
  ],
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: PRAIRIE.name,
    owner: email('denise.okafor'),
    recruiters: [email('marcus.bell')],
    profile: {
      website: `https://www.${PRAIRIE.domain}`,
      about: [
        'Prairie Meridian Health System is a not-for-profit network of three regional hospitals, two critical access hospitals and more than forty clinics across eastern Nebraska and western Iowa, with a Level II trauma center and a children’s hospital on its Omaha campus.',
        'Our Health Information Management department brings together about ninety coders, clinical documentation integrity specialists and auditors. Most of them work from home; the Omaha office hosts onboarding, education days and anyone who prefers a desk with colleagues around. We code in **Epic** with **3M 360 Encompass** and pay for every coder’s credential renewal.',
      ].join('\n\n'),
      headquartersCity: 'Omaha',
      headquartersState: 'NE',
      sizeBand: '5001+',
    },
  },
  {
    name: ALDER_CREEK.name,
    owner: email('priya.raman'),
    recruiters: [],
    profile: {
      website: `https://www.${ALDER_CREEK.domain}`,
      about: [
        'Alder Creek Multispecialty Group is a physician-led practice of about 400 providers in more than twenty specialties, from primary care and pediatrics to orthopedics, cardiology and oncology, seeing patients in clinics across southwest and southern Idaho.',
        'Our coding department of sixty professional-fee coders works side by side with providers: coders sit in specialty teams, answer documentation questions within a day and help shape the education our clinicians receive. Coders work in Boise, in Meridian or from home, depending on the team.',
      ].join('\n\n'),
      headquartersCity: 'Boise',
      headquartersState: 'ID',
      sizeBand: '1001-5000',
    },
  },
  {
    name: NORTHPOINT.name,
    owner: email('tom.kowalski'),
    recruiters: [],
    profile: {
      website: `https://www.${NORTHPOINT.domain}`,
      about: [
        'Northpoint Revenue Cycle Partners handles coding, billing, charge capture and denial management for more than 150 physician practices, ambulatory surgery centers and rural hospitals in thirty states.',
        'Almost all of our coders work remotely, each in a client team with a lead who knows that client’s payers and systems. We work in whatever our clients use (Epic, athenahealth, eClinicalWorks, NextGen and others), so you will learn more than one system here.',
      ].join('\n\n'),
      headquartersCity: 'Nashville',
      headquartersState: 'TN',
      sizeBand: '201-1000',
    },
  },
  {
    name: SABLE_RIDGE.name,
    owner: email('angela.ruiz'),
    recruiters: [],
    profile: {
      website: `https://www.${SABLE_RIDGE.domain}`,
      about: [
        'Sable Ridge Risk Analytics reviews medical records for Medicare Advantage, ACA marketplace and Medicaid managed-care plans: retrospective chart review, prospective pre-visit review and support for RADV and internal audits.',
        'Our coders, auditors and educators all work remotely from across the United States. Every chart is coded to the documentation, with a second-level quality review on a sample of every coder’s work, and a coding policy team that publishes its guidance to the whole staff.',
      ].join('\n\n'),
      headquartersCity: 'Denver',
      headquartersState: 'CO',
      sizeBand: '201-1000',
    },
  },
];

/** Where a demo job is in its life, relative to the moment the dataset is loaded. */
export type DemoJobLifecycle =
  | { status: 'published'; postedDaysAgo: number }
  | { status: 'draft' }
  | { status: 'closed'; postedDaysAgo: number; closedDaysAgo: number }
  | { status: 'expired'; postedDaysAgo: number };

/** A posting as an employer would submit it to `POST /api/jobs`, plus its place in the lifecycle. */
export interface DemoJob {
  /** Stable identity: the job's id is derived from it, so never change a key once used. */
  key: string;
  organization: string;
  lifecycle: DemoJobLifecycle;
  title: string;
  /** Markdown. */
  description: string;
  employmentType: EmploymentType;
  workplace: Workplace;
  locations: JobLocation[];
  /** Remote jobs only: the states the employer hires in; empty means any US state. */
  remoteStates: string[];
  salary?: { min: number; max: number; period: SalaryPeriod };
  /** Any one of these qualifies. */
  credentials: string[];
  apprenticeFriendly?: boolean;
  specialties: string[];
  settings: string[];
  minYearsExperience: number;
  tools: string[];
  productivity?: string;
  apply: { method: ApplyMethod; url?: string; email?: string };
}

const published = (postedDaysAgo: number): DemoJobLifecycle => ({ status: 'published', postedDaysAgo });
const DRAFT: DemoJobLifecycle = { status: 'draft' };
const filled = (postedDaysAgo: number, closedDaysAgo: number): DemoJobLifecycle => ({ status: 'closed', postedDaysAgo, closedDaysAgo });
const expired = (postedDaysAgo: number): DemoJobLifecycle => ({ status: 'expired', postedDaysAgo });

const perYear = (min: number, max: number) => ({ min, max, period: 'YEAR' as const });
const perHour = (min: number, max: number) => ({ min, max, period: 'HOUR' as const });

const applyOnline = (employer: DemoEmployer, requisition: string) => ({
  method: 'url' as const,
  url: `https://careers.${employer.domain}/jobs/${requisition}`,
});
const applyByEmail = (employer: DemoEmployer) => ({ method: 'email' as const, email: `recruiting@${employer.domain}` });
const APPLY_ON_THIS_SITE = { method: 'onsite' as const };

const OMAHA: JobLocation = { city: 'Omaha', state: 'NE', postalCode: '68124' };
const OMAHA_CHILDRENS: JobLocation = { city: 'Omaha', state: 'NE', postalCode: '68114' };
const LINCOLN: JobLocation = { city: 'Lincoln', state: 'NE', postalCode: '68506' };
const KEARNEY: JobLocation = { city: 'Kearney', state: 'NE', postalCode: '68845' };
const GRAND_ISLAND: JobLocation = { city: 'Grand Island', state: 'NE', postalCode: '68803' };
const BOISE: JobLocation = { city: 'Boise', state: 'ID', postalCode: '83702' };
const MERIDIAN: JobLocation = { city: 'Meridian', state: 'ID', postalCode: '83642' };
const NAMPA: JobLocation = { city: 'Nampa', state: 'ID', postalCode: '83651' };
const TWIN_FALLS: JobLocation = { city: 'Twin Falls', state: 'ID', postalCode: '83301' };
const NASHVILLE: JobLocation = { city: 'Nashville', state: 'TN', postalCode: '37203' };
const FRANKLIN: JobLocation = { city: 'Franklin', state: 'TN', postalCode: '37067' };
const DENVER: JobLocation = { city: 'Denver', state: 'CO', postalCode: '80202' };

/** A job description in the shape our employers write them: a summary, then duties, requirements and benefits as lists. */
function describe(employer: DemoEmployer, posting: { summary: string[]; duties: string[]; requirements: string[] }): string {
  const list = (items: string[]) => items.map((item) => `- ${item}`).join('\n');
  return [
    ...posting.summary,
    '### What you will do',
    list(posting.duties),
    '### What you bring',
    list(posting.requirements),
    `### Working at ${employer.name}`,
    list(employer.benefits),
  ].join('\n\n');
}

/**
 * The demo job postings, about fifty across the four organizations, with
 * every status the employer dashboard shows. Descriptions name code sets,
 * sections and number ranges only, never a code's descriptor.
 */
export const DEMO_JOBS: DemoJob[] = [
  // ── Prairie Meridian Health System ────────────────────────────────────────
  {
    key: 'prairie-inpatient-coder-ii',
    organization: PRAIRIE.name,
    lifecycle: published(1),
    title: 'Inpatient Coder II (CCS)',
    description: describe(PRAIRIE, {
      summary: [
        'Code acute inpatient stays for our three regional hospitals, from medical admissions to surgical and obstetric cases. You will assign ICD-10-CM and ICD-10-PCS codes, confirm the MS-DRG and APR-DRG, and work closely with our CDI team when the record needs a query.',
        'This is a remote position for residents of the five states where we employ staff. New coders spend their first two weeks on a reduced target with a dedicated trainer and daily feedback.',
      ],
      duties: [
        'Code and abstract inpatient encounters, including discharge disposition, POA indicators and secondary diagnoses that affect severity',
        'Validate the working DRG against the final record and reconcile differences with CDI',
        'Send compliant provider queries through Epic when documentation is unclear or conflicting',
        'Hold unbilled accounts under our DNFB target and flag delays to the coding lead',
      ],
      requirements: [
        'CCS, RHIT or RHIA (one is enough)',
        'Two or more years of inpatient coding in an acute-care hospital',
        'Working knowledge of MS-DRG and APR-DRG grouping, PSIs and HACs',
        'A quiet, secure home workspace and reliable internet of at least 50 Mbps',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: ['NE', 'IA', 'KS', 'MO', 'SD'],
    salary: perYear(62000, 74000),
    credentials: ['CCS', 'RHIT', 'RHIA'],
    specialties: ['icd-10-cm', 'icd-10-pcs'],
    settings: ['inpatient-facility'],
    minYearsExperience: 2,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '2.25 inpatient charts per hour on a blended acute mix, with 95% coding accuracy',
    apply: applyOnline(PRAIRIE, 'R-31042'),
  },
  {
    key: 'prairie-inpatient-coder-iii',
    organization: PRAIRIE.name,
    lifecycle: published(6),
    title: 'Inpatient Coder III – Complex Surgical and Trauma (CCS)',
    description: describe(PRAIRIE, {
      summary: [
        'Our Level II trauma center and cardiovascular surgery program produce some of the longest, most complex records in the system. As an Inpatient Coder III you will code those stays: multiple trauma, open-heart and vascular surgery, transplant evaluations and long ICU admissions.',
        'You will also serve as a second reviewer for DRG mismatches and help newer coders with ICD-10-PCS root operations and approach values.',
      ],
      duties: [
        'Code complex surgical and trauma inpatient stays in ICD-10-CM and ICD-10-PCS',
        'Review DRG mismatches and pre-bill edits, and resolve them with CDI and the coding lead',
        'Answer ICD-10-PCS questions from Coder I and II staff and contribute examples to our coding tips',
        'Take part in monthly case reviews with the trauma and surgical quality teams',
      ],
      requirements: [
        'CCS or RHIA',
        'Five or more years of inpatient coding, at least two in a trauma or tertiary-care hospital',
        'Confident ICD-10-PCS coding of cardiovascular, musculoskeletal and multiple-procedure cases',
        'A record of 95% or better accuracy on external audits',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(70000, 84000),
    credentials: ['CCS', 'RHIA'],
    specialties: ['icd-10-cm', 'icd-10-pcs', 'surgery-cardiovascular', 'general-surgery'],
    settings: ['inpatient-facility'],
    minYearsExperience: 5,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '1.75 charts per hour on complex surgical and trauma stays',
    apply: applyOnline(PRAIRIE, 'R-31077'),
  },
  {
    key: 'prairie-ed-facility-coder',
    organization: PRAIRIE.name,
    lifecycle: published(3),
    title: 'Emergency Department Facility Coder',
    description: describe(PRAIRIE, {
      summary: [
        'Our emergency departments see more than 180,000 visits a year. Join the ED coding team that assigns facility E/M levels (99281–99285), procedures, ICD-10-CM diagnoses and HCPCS Level II codes for those visits, using our facility leveling guidelines.',
        'The team works a hybrid schedule: three days from home and two days in our Omaha office, where the ED coding lead and the charge capture team sit.',
      ],
      duties: [
        'Assign facility E/M levels with our point-based leveling criteria',
        'Code ED procedures, infusions and injections, and append the right modifiers',
        'Work NCCI and outpatient code editor edits before claims drop',
        'Report recurring documentation gaps to the ED nursing educator',
      ],
      requirements: [
        'CPC, COC, CEDC or CCS',
        'One year of emergency department or outpatient facility coding',
        'Familiarity with OPPS, APCs and the outpatient code editor',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [OMAHA],
    remoteStates: [],
    salary: perHour(26, 31),
    credentials: ['CPC', 'COC', 'CEDC', 'CCS'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'hcpcs-level-ii'],
    settings: ['emergency-department'],
    minYearsExperience: 1,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '22 ED facility charts per hour after orientation',
    apply: applyOnline(PRAIRIE, 'R-31015'),
  },
  {
    key: 'prairie-ed-per-diem',
    organization: PRAIRIE.name,
    lifecycle: published(9),
    title: 'ED Facility Coder – Per Diem Weekends',
    description: describe(PRAIRIE, {
      summary: [
        'Help us keep emergency department accounts moving over the weekend. Per diem coders pick up eight-hour shifts on Saturdays and Sundays from home, with a minimum of two weekend shifts a month.',
        'You will code the same facility work as our full-time ED team, with the weekend coding lead on chat for questions.',
      ],
      duties: [
        'Code ED facility visits: E/M level, procedures, diagnoses and HCPCS Level II supplies and drugs',
        'Clear coding edits on weekend accounts so Monday’s billing run is clean',
        'Flag charts with missing documentation for follow-up on Monday',
      ],
      requirements: ['CPC, COC, CEDC or CCS', 'Two years of ED facility coding, preferably in Epic', 'Residence in Nebraska or Iowa'],
    }),
    employmentType: 'PER_DIEM',
    workplace: 'remote',
    locations: [],
    remoteStates: ['NE', 'IA'],
    salary: perHour(29, 33),
    credentials: ['CPC', 'COC', 'CEDC', 'CCS'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'hcpcs-level-ii'],
    settings: ['emergency-department'],
    minYearsExperience: 2,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '22 ED facility charts per hour',
    apply: applyByEmail(PRAIRIE),
  },
  {
    key: 'prairie-cdi-specialist',
    organization: PRAIRIE.name,
    lifecycle: published(4),
    title: 'Clinical Documentation Integrity Specialist (RN, CCDS)',
    description: describe(PRAIRIE, {
      summary: [
        'Our CDI program reviews medical and surgical admissions at the Omaha medical center concurrently, from the first day of the stay. As a CDI specialist you will read the record with a clinician’s eye, spot where the documentation does not yet reflect how sick the patient is, and work with the care team to close the gap.',
        'The role is hybrid: unit rounds and physician education in person two days a week, reviews from home the rest of the week.',
      ],
      duties: [
        'Perform initial and follow-up reviews on assigned units and assign a working DRG',
        'Write compliant, non-leading queries and follow them through to an answer',
        'Reconcile the working and final DRG with the inpatient coders',
        'Educate hospitalists and residents on documentation for severity and risk of mortality',
      ],
      requirements: [
        'Registered nurse licence in Nebraska (or compact), or a physician or coding background with CDI experience',
        'CCDS or CDIP, or the ability to earn one within a year of hire',
        'Three years of acute-care clinical experience or two years of CDI',
        'Comfort with MS-DRG and APR-DRG methodology',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [OMAHA],
    remoteStates: [],
    salary: perYear(82000, 98000),
    credentials: ['CCDS', 'CDIP'],
    specialties: ['icd-10-cm', 'icd-10-pcs'],
    settings: ['inpatient-facility'],
    minYearsExperience: 3,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '10 to 12 new reviews and 15 to 20 follow-up reviews a day',
    apply: applyOnline(PRAIRIE, 'R-31101'),
  },
  {
    key: 'prairie-cdi-pediatrics',
    organization: PRAIRIE.name,
    lifecycle: published(12),
    title: 'CDI Specialist – Pediatrics (CCDS or CDIP)',
    description: describe(PRAIRIE, {
      summary: [
        'Prairie Meridian Children’s Hospital is adding its first dedicated pediatric CDI specialist. You will build the program with our CDI manager: choosing the units to start with, adapting our query templates to pediatric and neonatal care, and measuring results with APR-DRG severity.',
        'The position is onsite at the children’s campus, close to the hospitalist and NICU teams you will work with every day.',
      ],
      duties: [
        'Review pediatric and NICU admissions concurrently and query where documentation is incomplete',
        'Create pediatric-specific query templates and education material',
        'Track query response rates and severity capture, and report them monthly',
      ],
      requirements: [
        'CCDS or CDIP',
        'Two years of CDI experience; pediatric or NICU clinical experience is a strong plus',
        'Comfort presenting to physicians and residents',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [OMAHA_CHILDRENS],
    remoteStates: [],
    credentials: ['CCDS', 'CDIP'],
    specialties: ['icd-10-cm', 'pediatrics'],
    settings: ['inpatient-facility'],
    minYearsExperience: 2,
    tools: ['Epic', '3M 360 Encompass'],
    apply: applyOnline(PRAIRIE, 'R-30988'),
  },
  {
    key: 'prairie-outpatient-observation-surgery',
    organization: PRAIRIE.name,
    lifecycle: published(2),
    title: 'Outpatient Facility Coder – Observation and Same-Day Surgery',
    description: describe(PRAIRIE, {
      summary: [
        'Code observation stays and same-day surgery cases for our hospitals and our two hospital-based surgery centers. You will work from the full record, including operative reports, anesthesia records and observation hours.',
        'This is a fully remote role open to candidates in any state. Your coding lead reviews a sample of your charts every week for the first three months.',
      ],
      duties: [
        'Code outpatient surgery from the CPT surgery section (10004–69990) and the matching ICD-10-CM diagnoses',
        'Code observation stays, including observation hours and separately payable services',
        'Apply HCPCS Level II codes and modifiers for devices, drugs and supplies',
        'Resolve outpatient code editor and medical-necessity edits',
      ],
      requirements: ['CCS, COC or CPC', 'Two years of outpatient facility coding with surgery experience', 'Knowledge of OPPS, APC assignment and NCCI edits'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(56000, 66000),
    credentials: ['CCS', 'COC', 'CPC'],
    specialties: ['cpt-surgery', 'icd-10-cm', 'hcpcs-level-ii'],
    settings: ['outpatient-facility', 'ambulatory-surgery-center'],
    minYearsExperience: 2,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '8 same-day surgery charts or 6 observation charts per hour',
    apply: applyOnline(PRAIRIE, 'R-31120'),
  },
  {
    key: 'prairie-outpatient-coder-i',
    organization: PRAIRIE.name,
    lifecycle: published(5),
    title: 'Outpatient Coder I – Ancillary and Diagnostic (CPC-A welcome)',
    description: describe(PRAIRIE, {
      summary: [
        'A first coding job with real training behind it. Our Outpatient Coder I team codes laboratory, radiology, therapy and other ancillary encounters for the Lincoln hospital and its clinics. New coders train for eight weeks in the Lincoln office with a coding educator before working on their own.',
        'We welcome newly certified coders holding CPC-A or CCA: the experience you gain here counts toward removing the apprentice designation.',
      ],
      duties: [
        'Code ancillary and diagnostic encounters from the CPT radiology (70010–79999) and pathology and laboratory (80047–89398) sections',
        'Assign ICD-10-CM diagnoses that support medical necessity',
        'Work simple edits and route complex ones to a senior coder',
      ],
      requirements: [
        'CPC, CPC-A, COC or CCA',
        'A coding certificate program or associate degree in health information',
        'Attention to detail and willingness to learn from feedback',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [LINCOLN],
    remoteStates: [],
    salary: perYear(42000, 48000),
    credentials: ['CPC', 'CPC-A', 'COC', 'CCA'],
    apprenticeFriendly: true,
    specialties: ['cpt-radiology', 'cpt-pathology-laboratory', 'icd-10-cm'],
    settings: ['outpatient-facility'],
    minYearsExperience: 0,
    tools: ['Epic'],
    productivity: '40 ancillary encounters per hour after the first 90 days',
    apply: APPLY_ON_THIS_SITE,
  },
  {
    key: 'prairie-ir-cath-lab-coder',
    organization: PRAIRIE.name,
    lifecycle: published(8),
    title: 'Interventional Radiology and Cath Lab Coder (CIRCC or CCS)',
    description: describe(PRAIRIE, {
      summary: [
        'Code interventional radiology and cardiac catheterization procedures for our heart and vascular institute, inpatient and outpatient. These cases call for careful reading of the procedure note: vessel selection, imaging guidance, and component coding across the surgery and radiology sections.',
        'Remote, for residents of the six states where we employ staff.',
      ],
      duties: [
        'Code IR and cath lab procedures from the cardiovascular surgery subsection (33016–37799) and radiology section',
        'Assign ICD-10-PCS for inpatient cases and CPT with modifiers for outpatient ones',
        'Work with the cath lab charge team to keep charges and codes in step',
        'Review new procedures with the physician liaison before they go live',
      ],
      requirements: ['CIRCC, CCS or COC', 'Three years of IR or cardiovascular procedure coding', 'Solid vascular anatomy and catheter-placement knowledge'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: ['NE', 'IA', 'KS', 'MO', 'SD', 'MN'],
    salary: perYear(68000, 80000),
    credentials: ['CIRCC', 'CCS', 'COC'],
    specialties: ['interventional-radiology', 'cardiology', 'surgery-cardiovascular', 'cpt-radiology'],
    settings: ['outpatient-facility', 'inpatient-facility'],
    minYearsExperience: 3,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '3 to 4 interventional cases per hour, depending on complexity',
    apply: applyOnline(PRAIRIE, 'R-31066'),
  },
  {
    key: 'prairie-inpatient-auditor',
    organization: PRAIRIE.name,
    lifecycle: published(14),
    title: 'Coding Quality Auditor – Inpatient DRG',
    description: describe(PRAIRIE, {
      summary: [
        'Join our coding quality team and audit inpatient coding before and after billing. You will focus on high-risk DRGs, DRG pairs and cases with a single complication or comorbidity, and turn what you find into education for coders and CDI.',
        'Hybrid: audit work from home, plus one day a week in the Omaha office for education sessions and the monthly quality meeting.',
      ],
      duties: [
        'Perform pre-bill and retrospective DRG validation audits',
        'Write clear audit findings with references to official guidelines and Coding Clinic',
        'Deliver one-on-one and group education based on audit trends',
        'Support responses to external payer and RAC audits',
      ],
      requirements: [
        'CCS, CDIP or RHIA',
        'Five years of inpatient coding, including at least one in an audit or quality role',
        'Excellent written communication',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [OMAHA],
    remoteStates: [],
    salary: perYear(74000, 88000),
    credentials: ['CCS', 'CDIP', 'RHIA'],
    specialties: ['icd-10-cm', 'icd-10-pcs'],
    settings: ['inpatient-facility'],
    minYearsExperience: 5,
    tools: ['Epic', '3M 360 Encompass'],
    productivity: '30 DRG validation audits per week',
    apply: applyOnline(PRAIRIE, 'R-30951'),
  },
  {
    key: 'prairie-coding-manager',
    organization: PRAIRIE.name,
    lifecycle: published(18),
    title: 'Manager, Facility Coding',
    description: describe(PRAIRIE, {
      summary: [
        'Lead a team of about forty inpatient, outpatient and ED facility coders and two coding leads. You will own productivity and accuracy results, unbilled targets, and the hiring and development of your team, most of whom work remotely.',
        'The manager works from the Omaha office at least two days a week and reports to the Director of Health Information Management.',
      ],
      duties: [
        'Set and monitor productivity and quality standards for each coding role',
        'Keep DNFB and coding-hold accounts within target, working with patient financial services',
        'Lead hiring, onboarding, annual reviews and career ladders for coders',
        'Represent coding in revenue-integrity, CDI and compliance committees',
      ],
      requirements: [
        'CCS, RHIA or RHIT',
        'Seven years of facility coding, including three leading people',
        'Experience with coding productivity reporting in Epic or a similar system',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [OMAHA],
    remoteStates: [],
    salary: perYear(96000, 118000),
    credentials: ['CCS', 'RHIA', 'RHIT'],
    specialties: ['icd-10-cm', 'icd-10-pcs', 'cpt-surgery'],
    settings: ['inpatient-facility', 'outpatient-facility', 'emergency-department'],
    minYearsExperience: 7,
    tools: ['Epic', '3M 360 Encompass'],
    apply: applyByEmail(PRAIRIE),
  },
  {
    key: 'prairie-critical-access-coder',
    organization: PRAIRIE.name,
    lifecycle: published(20),
    title: 'HIM Coding Specialist – Critical Access Hospitals',
    description: describe(PRAIRIE, {
      summary: [
        'Our critical access hospitals in Kearney and Grand Island need a coder who enjoys variety. In a single day you may code clinic visits, ED visits, swing-bed stays and a few short inpatient admissions, and help the small HIM team with release of information when it gets busy.',
        'You will be based in one of the two hospitals and spend one day a week at the other.',
      ],
      duties: [
        'Code ED, clinic, observation and short-stay encounters',
        'Code swing-bed and short inpatient stays with support from the system inpatient team',
        'Assign professional E/M levels (99202–99215) for rural health clinic providers',
        'Help with chart completion and deficiency tracking',
      ],
      requirements: [
        'CCA, CPC, COC or RHIT',
        'One year of coding experience in any setting',
        'A valid driver’s licence for travel between the two hospitals (mileage paid)',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [KEARNEY, GRAND_ISLAND],
    remoteStates: [],
    salary: perYear(50000, 58000),
    credentials: ['CCA', 'CPC', 'COC', 'RHIT'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'hcpcs-level-ii'],
    settings: ['outpatient-facility', 'emergency-department', 'inpatient-facility'],
    minYearsExperience: 1,
    tools: ['Epic'],
    apply: APPLY_ON_THIS_SITE,
  },
  {
    key: 'prairie-home-health-coder',
    organization: PRAIRIE.name,
    lifecycle: published(10),
    title: 'Home Health Coding Specialist – Part-Time',
    description: describe(PRAIRIE, {
      summary: [
        'Prairie Meridian Home Care serves patients across Nebraska and Iowa after a hospital stay. We need a part-time coder to review start-of-care and recertification documentation and assign the diagnoses that drive the plan of care and the home health payment grouping.',
        'Twenty to twenty-four hours a week, remote from anywhere in the US, with flexible hours on weekdays.',
      ],
      duties: [
        'Code primary and secondary diagnoses for start-of-care, resumption and recertification episodes',
        'Review the OASIS assessment against the referral and visit notes and flag inconsistencies',
        'Send clarification requests to clinicians and agency managers',
      ],
      requirements: [
        'CCS, COC or CPC; a home health coding credential is a plus',
        'Two years of home health or post-acute coding',
        'Knowledge of PDGM grouping and home health coding conventions',
      ],
    }),
    employmentType: 'PART_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perHour(27, 32),
    credentials: ['CCS', 'COC', 'CPC'],
    specialties: ['icd-10-cm'],
    settings: ['home-health'],
    minYearsExperience: 2,
    tools: ['Epic'],
    productivity: '8 to 10 episodes a day',
    apply: applyOnline(PRAIRIE, 'R-31009'),
  },
  {
    key: 'prairie-inpatient-rehab-coder',
    organization: PRAIRIE.name,
    lifecycle: DRAFT,
    title: 'Inpatient Rehabilitation Coder (CCS)',
    description: describe(PRAIRIE, {
      summary: [
        'Code stays at our 40-bed inpatient rehabilitation unit in Lincoln: impairment group, etiologic diagnosis and comorbidities that set the case-mix group, reviewed against the IRF patient assessment instrument.',
        'Hybrid, with two days a week on the rehab unit.',
      ],
      duties: [
        'Code IRF stays in ICD-10-CM and validate impairment group codes',
        'Review IRF-PAI data with the rehab team before submission',
        'Query physicians when documentation does not support a comorbidity',
      ],
      requirements: ['CCS or RHIT', 'Two years of inpatient or IRF coding', 'Knowledge of the IRF prospective payment system'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [LINCOLN],
    remoteStates: [],
    salary: perYear(60000, 70000),
    credentials: ['CCS', 'RHIT'],
    specialties: ['icd-10-cm'],
    settings: ['inpatient-facility'],
    minYearsExperience: 2,
    tools: ['Epic', '3M 360 Encompass'],
    apply: applyOnline(PRAIRIE, 'R-31140'),
  },

  // ── Alder Creek Multispecialty Group ──────────────────────────────────────
  {
    key: 'alder-creek-em-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(0),
    title: 'Professional Fee Coder – E/M (CPC or CEMC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code office and outpatient visits for our primary care and internal medicine clinics. Most of the work is E/M leveling (99202–99215) by medical decision making or time, with preventive visits, vaccines and in-office tests alongside.',
        'Hybrid: two days a week at our Boise administrative office, the rest from home.',
      ],
      duties: [
        'Review provider documentation and confirm or correct the E/M level and diagnoses',
        'Apply modifiers 25 and 59 correctly and clear claim edits in Epic',
        'Give short, friendly feedback to providers through the coding-question inbox',
        'Track recurring documentation issues for the coding educator',
      ],
      requirements: [
        'CPC, CEMC or CCS-P',
        'Two years of professional-fee coding with a focus on E/M',
        'Thorough knowledge of the current office and outpatient E/M guidelines',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [BOISE],
    remoteStates: [],
    salary: perYear(52000, 62000),
    credentials: ['CPC', 'CEMC', 'CCS-P'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'primary-care'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['Epic'],
    productivity: '110 clinic encounters a day once fully trained',
    apply: applyOnline(ALDER_CREEK, '2025-118'),
  },
  {
    key: 'alder-creek-ortho-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(7),
    title: 'Orthopedic Surgery Coder (COSC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Our orthopedic department of eighteen surgeons covers sports medicine, joints, hand, foot and ankle, and trauma. You will code their surgeries at the hospital and our surgery center, along with clinic visits, injections and fracture care.',
        'This role is onsite at the orthopedic center in Meridian, steps away from the surgeons and their medical assistants.',
      ],
      duties: [
        'Code orthopedic procedures from the musculoskeletal subsection (20100–29999) from operative reports',
        'Apply global-period rules and modifiers for staged, related and unrelated procedures',
        'Code fracture care, casting and joint injections with the matching supplies',
        'Meet monthly with the surgeons to review coding changes',
      ],
      requirements: ['COSC or CPC', 'Three years of orthopedic coding', 'Comfort reading operative reports and imaging results'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [MERIDIAN],
    remoteStates: [],
    salary: perYear(60000, 72000),
    credentials: ['COSC', 'CPC'],
    specialties: ['surgery-musculoskeletal', 'orthopedics', 'cpt-evaluation-management'],
    settings: ['pro-fee', 'ambulatory-surgery-center'],
    minYearsExperience: 3,
    tools: ['Epic'],
    productivity: '30 to 35 operative reports a day',
    apply: applyOnline(ALDER_CREEK, '2025-104'),
  },
  {
    key: 'alder-creek-cardiology-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(3),
    title: 'Cardiology Coder (CCC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code for our cardiology practice: clinic visits, echocardiography, stress testing, device checks and the interventional work our cardiologists perform at two hospitals.',
        'Remote, for residents of Idaho and neighboring western states.',
      ],
      duties: [
        'Code cardiology procedures from the medicine section (93000–93799) and the cardiovascular surgery subsection',
        'Split professional and technical components correctly for hospital-based services',
        'Code device monitoring and remote interrogation services',
        'Work denials for cardiology claims with the billing team',
      ],
      requirements: ['CCC, CCVTC or CPC', 'Three years of cardiology coding', 'Understanding of place-of-service and component billing'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: ['ID', 'OR', 'WA', 'UT', 'MT', 'NV'],
    salary: perYear(60000, 70000),
    credentials: ['CCC', 'CCVTC', 'CPC'],
    specialties: ['cardiology', 'surgery-cardiovascular', 'cpt-medicine'],
    settings: ['pro-fee'],
    minYearsExperience: 3,
    tools: ['Epic'],
    apply: applyOnline(ALDER_CREEK, '2025-121'),
  },
  {
    key: 'alder-creek-dermatology-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(11),
    title: 'Dermatology Coder',
    description: describe(ALDER_CREEK, {
      summary: [
        'Our dermatology team of nine providers sees medical, surgical and Mohs patients. You will code their visits, biopsies, excisions, repairs and destruction procedures, matching each one to the pathology result.',
        'Hybrid: Tuesdays and Thursdays in the Boise dermatology clinic, otherwise from home.',
      ],
      duties: [
        'Code skin procedures from the integumentary subsection (10030–19499) using lesion size, site and pathology',
        'Code Mohs surgery stages and repairs',
        'Code E/M visits on the same day as procedures with the right modifiers',
        'Hold claims until pathology is final and release them promptly',
      ],
      requirements: ['CPC or COC', 'One year of dermatology or surgical pro-fee coding', 'A careful eye for measurement and laterality details'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [BOISE],
    remoteStates: [],
    salary: perYear(50000, 58000),
    credentials: ['CPC', 'COC'],
    specialties: ['dermatology', 'surgery-integumentary', 'cpt-pathology-laboratory'],
    settings: ['pro-fee'],
    minYearsExperience: 1,
    tools: ['Epic'],
    productivity: '80 clinic encounters a day',
    apply: applyOnline(ALDER_CREEK, '2025-097'),
  },
  {
    key: 'alder-creek-obgyn-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(5),
    title: 'OB/GYN Coder (COBGC or CPC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code for our women’s health department: prenatal care, deliveries, gynecologic surgery and office procedures for twenty physicians and midwives.',
        'This is a remote position open to candidates in any state.',
      ],
      duties: [
        'Code global obstetric packages and split them correctly when care changes hands',
        'Code gynecologic procedures from the female genital and maternity subsections (56405–59899)',
        'Code office ultrasounds and in-office procedures with diagnoses that support them',
        'Review payer-specific obstetric billing rules with the billing team',
      ],
      requirements: ['COBGC or CPC', 'Two years of OB/GYN coding', 'Knowledge of global obstetric billing'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(54000, 63000),
    credentials: ['COBGC', 'CPC'],
    specialties: ['obstetrics-gynecology', 'surgery-maternity-delivery', 'surgery-female-genital'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['Epic'],
    apply: applyOnline(ALDER_CREEK, '2025-112'),
  },
  {
    key: 'alder-creek-provider-auditor',
    organization: ALDER_CREEK.name,
    lifecycle: published(9),
    title: 'Coding Auditor – Provider Documentation (CPMA)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Audit provider documentation and coding across all our specialties. Each provider is reviewed at least once a year, and new providers are reviewed in their first ninety days. You will score the sample, write findings and meet each provider to go through them.',
        'Hybrid: audits from home, provider meetings in person or by video.',
      ],
      duties: [
        'Perform prospective and retrospective provider audits on a ten-encounter sample',
        'Write audit reports with the guideline behind every finding',
        'Meet providers to review results and agree on follow-up',
        'Feed trends to the compliance committee each quarter',
      ],
      requirements: ['CPMA, CPC or CDEO', 'Four years of professional-fee coding across several specialties', 'Confidence explaining findings to physicians'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [BOISE],
    remoteStates: [],
    salary: perYear(66000, 78000),
    credentials: ['CPMA', 'CPC', 'CDEO'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 4,
    tools: ['Epic'],
    productivity: '12 provider reviews a week',
    apply: applyOnline(ALDER_CREEK, '2025-101'),
  },
  {
    key: 'alder-creek-coding-educator',
    organization: ALDER_CREEK.name,
    lifecycle: published(16),
    title: 'Coding Educator – Providers and Coders',
    description: describe(ALDER_CREEK, {
      summary: [
        'Teach coding and documentation to the people who need it: new providers during onboarding, established providers after audits, and our own coders when guidelines change each year.',
        'Onsite at our Boise administrative office, with occasional travel to clinics in Nampa and Twin Falls.',
      ],
      duties: [
        'Run onboarding education for every new provider',
        'Prepare the annual code-update training for coders and providers',
        'Build short guides and tip sheets for each specialty',
        'Teach risk-adjustment documentation to primary care providers',
      ],
      requirements: [
        'CDEO, CPMA or CPC',
        'Five years of professional-fee coding and some experience teaching or training',
        'Comfortable presenting to groups of physicians',
      ],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [BOISE],
    remoteStates: [],
    salary: perYear(70000, 82000),
    credentials: ['CDEO', 'CPMA', 'CPC'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'risk-adjustment-hcc'],
    settings: ['pro-fee'],
    minYearsExperience: 5,
    tools: ['Epic'],
    apply: applyByEmail(ALDER_CREEK),
  },
  {
    key: 'alder-creek-entry-level-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(2),
    title: 'Entry-Level Coder – Primary Care (CPC-A welcome)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Start your coding career with a team that trains. Our Nampa primary care coding team takes on two new coders a year, pairs each with a mentor, and reviews every chart for the first month.',
        'We welcome apprentice coders: this role counts toward removing the CPC-A designation.',
      ],
      duties: [
        'Code primary care visits, preventive services and vaccines',
        'Assign ICD-10-CM diagnoses from the provider’s assessment',
        'Clear simple claim edits and ask your mentor about the rest',
      ],
      requirements: ['CPC, CPC-A or CCA', 'A completed coding course', 'Interest in learning professional-fee coding well'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [NAMPA],
    remoteStates: [],
    salary: perYear(40000, 46000),
    credentials: ['CPC', 'CPC-A', 'CCA'],
    apprenticeFriendly: true,
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'primary-care'],
    settings: ['pro-fee'],
    minYearsExperience: 0,
    tools: ['Epic'],
    productivity: '60 encounters a day by the end of training, 100 by six months',
    apply: APPLY_ON_THIS_SITE,
  },
  {
    key: 'alder-creek-gastroenterology-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(13),
    title: 'Gastroenterology Coder (CGIC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code endoscopy, colonoscopy and clinic visits for our gastroenterology group, most of it performed at our endoscopy center. Screening rules and the pathology results make this specialty detail-heavy, and we like it that way.',
        'Fully remote, open in any state.',
      ],
      duties: [
        'Code GI endoscopy procedures from the digestive subsection (40490–49999)',
        'Apply screening versus diagnostic rules and the related modifiers',
        'Code facility and professional claims for our endoscopy center',
      ],
      requirements: ['CGIC or CPC', 'Two years of GI or surgical coding', 'Knowledge of colorectal screening billing rules'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(56000, 66000),
    credentials: ['CGIC', 'CPC'],
    specialties: ['gastroenterology', 'surgery-digestive'],
    settings: ['pro-fee', 'ambulatory-surgery-center'],
    minYearsExperience: 2,
    tools: ['Epic'],
    productivity: '90 endoscopy cases a day',
    apply: applyOnline(ALDER_CREEK, '2025-089'),
  },
  {
    key: 'alder-creek-urology-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(19),
    title: 'Urology Coder – Part-Time',
    description: describe(ALDER_CREEK, {
      summary: [
        'Our urology team needs an experienced coder for about twenty-five hours a week to code office procedures, cystoscopies and surgeries for four urologists.',
        'Remote for residents of Idaho, Oregon, Washington or Utah; you choose your hours between 7 am and 6 pm Mountain time.',
      ],
      duties: [
        'Code urology procedures from the urinary and male genital subsections (50010–55899)',
        'Code in-office drug administration with the right HCPCS Level II drug codes',
        'Keep urology claims within our five-day coding turnaround',
      ],
      requirements: ['CUC or CPC', 'Three years of urology or surgical pro-fee coding'],
    }),
    employmentType: 'PART_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: ['ID', 'OR', 'WA', 'UT'],
    salary: perHour(28, 32),
    credentials: ['CUC', 'CPC'],
    specialties: ['urology', 'surgery-urinary', 'surgery-male-genital'],
    settings: ['pro-fee'],
    minYearsExperience: 3,
    tools: ['Epic'],
    apply: applyOnline(ALDER_CREEK, '2025-083'),
  },
  {
    key: 'alder-creek-pediatrics-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(22),
    title: 'Pediatric Professional Fee Coder (CPEDC or CPC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code well-child visits, sick visits, vaccines and newborn care for our five pediatric clinics. Pediatrics has its own rhythm: preventive services by age, vaccine administration counts and screening tests on the same day.',
        'Hybrid: one day a week in Boise, the rest from home.',
      ],
      duties: [
        'Code preventive and problem-oriented visits for children and adolescents',
        'Code vaccine products and administration with counseling components',
        'Code newborn and hospital care for our pediatric hospitalists',
      ],
      requirements: ['CPEDC or CPC', 'One year of pediatric or primary care coding'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [BOISE],
    remoteStates: [],
    salary: perYear(51000, 60000),
    credentials: ['CPEDC', 'CPC'],
    specialties: ['pediatrics', 'cpt-evaluation-management', 'cpt-medicine'],
    settings: ['pro-fee'],
    minYearsExperience: 1,
    tools: ['Epic'],
    productivity: '120 encounters a day',
    apply: applyOnline(ALDER_CREEK, '2025-076'),
  },
  {
    key: 'alder-creek-hematology-oncology-coder',
    organization: ALDER_CREEK.name,
    lifecycle: published(24),
    title: 'Hematology/Oncology Coder (CHONC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code for our cancer center’s medical oncology and hematology providers and its infusion suite: visits, chemotherapy and drug administration, and the drugs themselves.',
        'Remote, open in any state. The infusion-billing lead meets the team weekly by video.',
      ],
      duties: [
        'Code infusion and injection services from the medicine section (96360–96549)',
        'Assign HCPCS Level II J-codes with the correct units and waste reporting',
        'Code visits and staging-related diagnoses for oncology patients',
        'Work drug-related denials and prior authorization mismatches',
      ],
      requirements: ['CHONC or CPC', 'Three years of oncology or infusion coding'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    credentials: ['CHONC', 'CPC'],
    specialties: ['hematology-oncology', 'hcpcs-drugs-j-codes', 'cpt-medicine'],
    settings: ['pro-fee', 'outpatient-facility'],
    minYearsExperience: 3,
    tools: ['Epic'],
    apply: applyOnline(ALDER_CREEK, '2025-068'),
  },
  {
    key: 'alder-creek-general-surgery-coder',
    organization: ALDER_CREEK.name,
    lifecycle: DRAFT,
    title: 'General Surgery Coder (CGSC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code for our general surgeons in Twin Falls: hernia repairs, gallbladder and bowel surgery, breast procedures and endoscopy, at the hospital and the surgery center.',
        'Hybrid, with one day a week at the Twin Falls clinic.',
      ],
      duties: [
        'Code general surgery procedures from operative reports',
        'Apply global-period rules and modifiers for returns to the operating room',
        'Answer surgeons’ coding questions during clinic days',
      ],
      requirements: ['CGSC or CPC', 'Three years of surgical coding'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [TWIN_FALLS],
    remoteStates: [],
    salary: perYear(58000, 68000),
    credentials: ['CGSC', 'CPC'],
    specialties: ['general-surgery', 'surgery-general', 'surgery-digestive'],
    settings: ['pro-fee'],
    minYearsExperience: 3,
    tools: ['Epic'],
    apply: applyOnline(ALDER_CREEK, '2025-130'),
  },
  {
    key: 'alder-creek-spine-coder',
    organization: ALDER_CREEK.name,
    lifecycle: filled(23, 2),
    title: 'Spine and Pain Management Coder (COSC or CPC)',
    description: describe(ALDER_CREEK, {
      summary: [
        'Code spine surgery and interventional pain procedures for our neurosurgeons and pain physicians at the Meridian spine center.',
        'Onsite in Meridian, working closely with the surgeons’ schedulers and prior-authorization team.',
      ],
      duties: [
        'Code spinal fusion, decompression and instrumentation from operative reports',
        'Code interventional pain procedures and imaging guidance',
        'Check procedures against authorizations before claims go out',
      ],
      requirements: ['COSC or CPC', 'Three years of spine or pain coding'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [MERIDIAN],
    remoteStates: [],
    salary: perYear(62000, 72000),
    credentials: ['COSC', 'CPC'],
    specialties: ['surgery-nervous', 'surgery-musculoskeletal', 'anesthesia-pain'],
    settings: ['pro-fee', 'ambulatory-surgery-center'],
    minYearsExperience: 3,
    tools: ['Epic'],
    apply: applyOnline(ALDER_CREEK, '2025-052'),
  },

  // ── Northpoint Revenue Cycle Partners ─────────────────────────────────────
  {
    key: 'northpoint-remote-profee-coder',
    organization: NORTHPOINT.name,
    lifecycle: published(1),
    title: 'Remote Professional Fee Coder – Multispecialty',
    description: describe(NORTHPOINT, {
      summary: [
        'Code professional-fee encounters for a rotating set of our physician-practice clients: family medicine, internal medicine, urgent care, and minor office procedures. You will learn each client’s system and payer rules with the help of your client team lead.',
        'Fully remote, any US state. Schedules are flexible within core hours of 10 am to 3 pm Central.',
      ],
      duties: [
        'Code office visits (99202–99215), preventive care and in-office procedures',
        'Assign ICD-10-CM diagnoses and HCPCS Level II codes',
        'Clear front-end claim edits in each client’s practice-management system',
        'Keep every client within its agreed coding turnaround',
      ],
      requirements: ['CPC, CCS-P or COC', 'Two years of professional-fee coding', 'Comfort switching between several EHRs in one week'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(50000, 60000),
    credentials: ['CPC', 'CCS-P', 'COC'],
    specialties: ['cpt-evaluation-management', 'cpt-surgery', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['athenahealth', 'eClinicalWorks', 'NextGen'],
    productivity: 'About 18 mixed encounters per hour at 95% accuracy',
    apply: applyOnline(NORTHPOINT, 'NRC-2291'),
  },
  {
    key: 'northpoint-surgical-profee-coder',
    organization: NORTHPOINT.name,
    lifecycle: published(4),
    title: 'Remote Pro-Fee Coder II – Surgical Specialties',
    description: describe(NORTHPOINT, {
      summary: [
        'Our surgical client team codes for independent general surgery, orthopedic and ENT practices and two multi-specialty surgery centers. We are looking for a coder who is at home in operative reports and global-period rules.',
        'Remote in any state.',
      ],
      duties: [
        'Code surgical procedures across the CPT surgery section from operative reports',
        'Apply modifiers for bilateral, staged, assistant and multiple procedures',
        'Code the facility side of cases for our surgery-center clients',
        'Answer client surgeons’ coding questions through our client portal',
      ],
      requirements: ['CPC, CGSC or COSC', 'Three years of surgical coding', 'Experience coding for more than one surgical specialty'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(58000, 68000),
    credentials: ['CPC', 'CGSC', 'COSC'],
    specialties: ['cpt-surgery', 'surgery-musculoskeletal', 'surgery-digestive', 'general-surgery'],
    settings: ['pro-fee', 'ambulatory-surgery-center'],
    minYearsExperience: 3,
    tools: ['athenahealth', 'NextGen', 'Epic'],
    productivity: '5 to 6 operative reports per hour',
    apply: applyOnline(NORTHPOINT, 'NRC-2284'),
  },
  {
    key: 'northpoint-denials-appeals',
    organization: NORTHPOINT.name,
    lifecycle: published(6),
    title: 'Denials and Appeals Specialist',
    description: describe(NORTHPOINT, {
      summary: [
        'Turn denials into payments. You will work coding-related denials for our clinic and hospital clients: read the denial, review the record, decide whether the code or the claim was wrong, and either correct it or write an appeal that wins.',
        'Remote for residents of Tennessee and the neighboring states where we are registered to employ staff.',
      ],
      duties: [
        'Work coding and medical-necessity denials in each client’s work queues',
        'Write appeal letters that cite the record, payer policy and coding guidelines',
        'Track denial reasons by payer and suggest fixes upstream',
        'Meet monthly with client leaders to review denial trends',
      ],
      requirements: ['CPC, CPB or CCS', 'Three years of coding or denial management', 'Strong writing: your appeals will be read by payer medical directors'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: ['TN', 'KY', 'AL', 'GA', 'OH', 'IN'],
    salary: perYear(52000, 62000),
    credentials: ['CPC', 'CPB', 'CCS'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'hcpcs-level-ii'],
    settings: ['pro-fee', 'outpatient-facility'],
    minYearsExperience: 3,
    tools: ['Epic', 'athenahealth'],
    productivity: '25 to 30 denied claims worked a day',
    apply: applyOnline(NORTHPOINT, 'NRC-2270'),
  },
  {
    key: 'northpoint-charge-capture-analyst',
    organization: NORTHPOINT.name,
    lifecycle: published(10),
    title: 'Charge Capture Analyst',
    description: describe(NORTHPOINT, {
      summary: [
        'Make sure our hospital clients bill for the care they deliver. As a charge capture analyst you will reconcile departmental charges against documentation for infusion, cardiology, respiratory and therapy departments, and fix the charge description master lines that cause errors.',
        'Hybrid: three days a week at our Nashville office, two from home.',
      ],
      duties: [
        'Reconcile daily charges against the record for assigned departments',
        'Review charge description master lines for correct CPT and HCPCS Level II assignment and revenue codes',
        'Investigate late and missing charges with department managers',
        'Report charge-lag and missed-charge results to clients monthly',
      ],
      requirements: ['CPC, COC or CCS', 'Three years of outpatient facility coding or charge capture', 'Strong Excel skills'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [NASHVILLE],
    remoteStates: [],
    salary: perYear(56000, 66000),
    credentials: ['CPC', 'COC', 'CCS'],
    specialties: ['hcpcs-level-ii', 'cpt-medicine', 'hcpcs-drugs-j-codes'],
    settings: ['outpatient-facility'],
    minYearsExperience: 3,
    tools: ['Epic', 'Cerner'],
    apply: applyOnline(NORTHPOINT, 'NRC-2259'),
  },
  {
    key: 'northpoint-hcpcs-dme-coder',
    organization: NORTHPOINT.name,
    lifecycle: published(8),
    title: 'HCPCS Coder – DME, Orthotics and Supplies',
    description: describe(NORTHPOINT, {
      summary: [
        'Code durable medical equipment, orthotics and supply orders for our DME supplier and orthopedic clinic clients. This work is all HCPCS Level II: the right code, the right modifiers and the documentation each payer requires before it will pay.',
        'Remote in any state, paid hourly with overtime available at month end.',
      ],
      duties: [
        'Assign HCPCS Level II codes for equipment, orthotics, prosthetics and supplies',
        'Apply rental, purchase, and left/right modifiers correctly',
        'Check orders against payer coverage criteria and request missing documentation',
      ],
      requirements: ['CPC, CPB or CBCS', 'One year of DME or supply coding or billing'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perHour(24, 28),
    credentials: ['CPC', 'CPB', 'CBCS'],
    specialties: ['hcpcs-dme', 'hcpcs-orthotics-prosthetics', 'hcpcs-level-ii', 'icd-10-cm'],
    settings: [],
    minYearsExperience: 1,
    tools: ['NextGen'],
    productivity: '45 orders per hour',
    apply: applyOnline(NORTHPOINT, 'NRC-2263'),
  },
  {
    key: 'northpoint-anesthesia-coder',
    organization: NORTHPOINT.name,
    lifecycle: published(3),
    title: 'Anesthesia Coder (CANPC)',
    description: describe(NORTHPOINT, {
      summary: [
        'Code for our anesthesia group clients, from hospital operating rooms to surgery centers and endoscopy suites. Anesthesia coding rewards precision: the right code from the anesthesia section (00100–01999), accurate time, physical status and the medical direction modifiers.',
        'Remote, any state.',
      ],
      duties: [
        'Code anesthesia cases from the anesthesia record and the operative report',
        'Apply physical status, qualifying circumstance and medical direction modifiers',
        'Code separately reportable lines and nerve blocks',
        'Flag missing time or signatures to the client’s anesthesia coordinator',
      ],
      requirements: ['CANPC or CPC', 'Two years of anesthesia coding'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(55000, 66000),
    credentials: ['CANPC', 'CPC'],
    specialties: ['cpt-anesthesia', 'anesthesia-pain'],
    settings: ['pro-fee', 'ambulatory-surgery-center'],
    minYearsExperience: 2,
    tools: ['Epic', 'athenahealth'],
    productivity: '30 anesthesia cases per hour, time and modifiers included',
    apply: applyOnline(NORTHPOINT, 'NRC-2288'),
  },
  {
    key: 'northpoint-ed-profee-contractor',
    organization: NORTHPOINT.name,
    lifecycle: published(12),
    title: 'Contract Coder – Emergency Department Professional Fee',
    description: describe(NORTHPOINT, {
      summary: [
        'A new emergency physician group client needs experienced ED pro-fee coders for at least six months. Contractors set their own hours as long as the daily volume is coded within 48 hours of the visit.',
        'Remote, any state; paid hourly on a 1099 contract.',
      ],
      duties: [
        'Code ED provider visits (99281–99285), critical care and procedures',
        'Assign ICD-10-CM diagnoses and injury codes with external causes where the client requires them',
        'Note documentation gaps for the client’s physician lead',
      ],
      requirements: ['CEDC or CPC', 'Three years of ED professional-fee coding'],
    }),
    employmentType: 'CONTRACTOR',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perHour(30, 34),
    credentials: ['CEDC', 'CPC'],
    specialties: ['cpt-evaluation-management', 'icd-10-cm'],
    settings: ['emergency-department', 'pro-fee'],
    minYearsExperience: 3,
    tools: ['Epic'],
    productivity: '28 ED provider charts per hour',
    apply: applyByEmail(NORTHPOINT),
  },
  {
    key: 'northpoint-radiology-backlog',
    organization: NORTHPOINT.name,
    lifecycle: published(15),
    title: 'Temporary Backlog Coder – Radiology (3 months)',
    description: describe(NORTHPOINT, {
      summary: [
        'Help a radiology group client clear a coding backlog after a system conversion. The project runs for about three months at 40 hours a week, starting as soon as you are ready.',
        'Remote in any state; paid hourly through our own payroll.',
      ],
      duties: [
        'Code diagnostic radiology, ultrasound, CT and MRI reads from the radiology section (70010–79999)',
        'Apply professional-component and laterality modifiers',
        'Report charts with missing reads or signatures to the project lead',
      ],
      requirements: ['CPC, COC or CIRCC', 'Two years of radiology coding'],
    }),
    employmentType: 'TEMPORARY',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perHour(27, 31),
    credentials: ['CPC', 'COC', 'CIRCC'],
    specialties: ['cpt-radiology', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['eClinicalWorks'],
    productivity: '80 diagnostic radiology reports per hour',
    apply: applyOnline(NORTHPOINT, 'NRC-2241'),
  },
  {
    key: 'northpoint-coding-team-lead',
    organization: NORTHPOINT.name,
    lifecycle: published(17),
    title: 'Coding Team Lead – Physician Services',
    description: describe(NORTHPOINT, {
      summary: [
        'Lead a team of eight to ten remote pro-fee coders serving three client groups. You will coach coders, answer their hardest questions, keep clients informed, and still code part of the time.',
        'Remote in any state, with a trip to Nashville twice a year for team planning.',
      ],
      duties: [
        'Plan daily work and balance volume across the team',
        'Review a sample of each coder’s work and coach on the results',
        'Hold monthly calls with client practice managers',
        'Cover complex charts and escalations yourself',
      ],
      requirements: ['CPC, CCS-P or CPMA', 'Five years of pro-fee coding, including time as a lead or trainer'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(68000, 78000),
    credentials: ['CPC', 'CCS-P', 'CPMA'],
    specialties: ['cpt-evaluation-management', 'cpt-surgery'],
    settings: ['pro-fee'],
    minYearsExperience: 5,
    tools: ['athenahealth', 'eClinicalWorks', 'Epic'],
    apply: applyOnline(NORTHPOINT, 'NRC-2236'),
  },
  {
    key: 'northpoint-billing-coding-specialist',
    organization: NORTHPOINT.name,
    lifecycle: published(21),
    title: 'Billing and Coding Specialist (CPC-A welcome)',
    description: describe(NORTHPOINT, {
      summary: [
        'A great first job in the revenue cycle. Work at our Franklin office on a client team that codes and bills for small practices: you will code straightforward visits, enter charges, post payments and call payers about unpaid claims.',
        'New graduates with CPC-A or CBCS are welcome; we train on the job, and every coder starts with a two-week class.',
      ],
      duties: [
        'Code office visits and simple procedures for small practices',
        'Enter charges and post payments in the client’s practice-management system',
        'Follow up on unpaid and rejected claims with payers',
      ],
      requirements: ['CPB, CPC, CPC-A or CBCS', 'A completed billing and coding program'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [FRANKLIN],
    remoteStates: [],
    salary: perYear(42000, 48000),
    credentials: ['CPB', 'CPC', 'CPC-A', 'CBCS'],
    apprenticeFriendly: true,
    specialties: ['cpt-evaluation-management', 'icd-10-cm', 'hcpcs-level-ii'],
    settings: ['pro-fee'],
    minYearsExperience: 0,
    tools: ['athenahealth', 'eClinicalWorks'],
    apply: APPLY_ON_THIS_SITE,
  },
  {
    key: 'northpoint-pathology-lab-coder',
    organization: NORTHPOINT.name,
    lifecycle: expired(41),
    title: 'Pathology and Laboratory Coder',
    description: describe(NORTHPOINT, {
      summary: [
        'Code for our independent laboratory and pathology group clients: surgical pathology, cytology and clinical laboratory panels.',
        'Remote in any state.',
      ],
      duties: [
        'Code pathology and laboratory services from the pathology and laboratory section (80047–89398)',
        'Check diagnoses against laboratory coverage policies',
        'Work lab-specific claim edits and frequency denials',
      ],
      requirements: ['CPC or COC', 'Two years of pathology or laboratory coding'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(50000, 58000),
    credentials: ['CPC', 'COC'],
    specialties: ['cpt-pathology-laboratory', 'icd-10-cm'],
    settings: ['pro-fee', 'outpatient-facility'],
    minYearsExperience: 2,
    tools: ['eClinicalWorks'],
    productivity: '60 pathology cases per hour',
    apply: applyOnline(NORTHPOINT, 'NRC-2190'),
  },

  // ── Sable Ridge Risk Analytics ────────────────────────────────────────────
  {
    key: 'sable-ridge-ra-coder',
    organization: SABLE_RIDGE.name,
    lifecycle: published(0),
    title: 'Risk Adjustment Coder (CRC) – Remote',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Review outpatient and inpatient medical records for our Medicare Advantage health-plan clients and capture every diagnosis the documentation supports, mapped to the current CMS-HCC model.',
        'Fully remote from any US state, with a forty-hour week you can schedule between 6 am and 8 pm in your time zone.',
      ],
      duties: [
        'Read complete records and code all supported ICD-10-CM diagnoses',
        'Validate each diagnosis against acceptable provider types and face-to-face encounter rules',
        'Record the evidence (MEAT) behind every HCC you capture',
        'Flag records that are illegible, unsigned or outside the review period',
      ],
      requirements: ['CRC, CPC or CCS', 'Two years of risk-adjustment or ICD-10-CM coding', 'Knowledge of CMS-HCC hierarchies and the current model version'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(52000, 62000),
    credentials: ['CRC', 'CPC', 'CCS'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['Epic', 'Cerner', 'eClinicalWorks'],
    productivity: '4 charts per hour on mixed-length records, at 95% accuracy',
    apply: applyOnline(SABLE_RIDGE, 'SR-0412'),
  },
  {
    key: 'sable-ridge-retrospective-coder',
    organization: SABLE_RIDGE.name,
    lifecycle: published(5),
    title: 'Risk Adjustment Coder – Medicare Advantage Retrospective Review',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Join our retrospective review team for the busy season before the final submission deadline. You will code a full year of encounters per member, including hospital stays, specialist visits and primary care.',
        'Remote in any state. Overtime is available, never required.',
      ],
      duties: [
        'Code every supported diagnosis across a member’s records for the year',
        'Separate diagnoses that count for risk adjustment from those that do not',
        'Mark deletions where a previously submitted diagnosis is not supported',
      ],
      requirements: ['CRC, CPC or CCS', 'Two years of risk-adjustment coding', 'Experience with inpatient records as well as office notes'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(54000, 63000),
    credentials: ['CRC', 'CPC', 'CCS'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee', 'inpatient-facility'],
    minYearsExperience: 2,
    tools: ['Epic', 'Cerner', 'Meditech'],
    productivity: '3.5 to 4 charts per hour on full-year records',
    apply: applyOnline(SABLE_RIDGE, 'SR-0405'),
  },
  {
    key: 'sable-ridge-senior-prospective-coder',
    organization: SABLE_RIDGE.name,
    lifecycle: published(7),
    title: 'Senior HCC Coder – Prospective Review',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Prepare pre-visit summaries for primary care providers in our value-based care client networks. You will review the prior two years of a patient’s history and point the provider to conditions that need to be assessed at the upcoming visit, in a compliant and non-leading way.',
        'Remote for residents of Colorado, Arizona, Utah, New Mexico or Texas, where our provider clients are.',
      ],
      duties: [
        'Review prior records and claims for suspected and recapture conditions',
        'Write pre-visit summaries that follow our compliance rules for prospective review',
        'Review the resulting visit notes and close the loop with the care team',
        'Mentor two to three newer coders on prospective review',
      ],
      requirements: ['CRC', 'Four years of risk-adjustment coding, including prospective work', 'Clear, concise writing'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: ['CO', 'AZ', 'UT', 'NM', 'TX'],
    salary: perYear(60000, 70000),
    credentials: ['CRC'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm', 'primary-care'],
    settings: ['pro-fee'],
    minYearsExperience: 4,
    tools: ['athenahealth', 'eClinicalWorks', 'Epic'],
    productivity: '20 pre-visit summaries a day',
    apply: applyOnline(SABLE_RIDGE, 'SR-0398'),
  },
  {
    key: 'sable-ridge-ra-auditor',
    organization: SABLE_RIDGE.name,
    lifecycle: published(9),
    title: 'Risk Adjustment Auditor (CRC; CPMA preferred)',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Overread the work of our risk-adjustment coders and contract vendors. Your audits decide what our clients submit, so we need an auditor who is consistent, well-referenced and fair.',
        'Remote in any state.',
      ],
      duties: [
        'Audit a weekly sample of coded charts for each coder and vendor',
        'Record each finding with the guideline or Coding Clinic reference behind it',
        'Handle coder rebuttals and escalate disagreements to the coding policy team',
      ],
      requirements: ['CRC, CPMA or CCS', 'Four years of risk-adjustment coding, at least one auditing'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(66000, 76000),
    credentials: ['CRC', 'CPMA', 'CCS'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 4,
    tools: ['Epic', 'Cerner'],
    productivity: '35 audited charts a day',
    apply: applyOnline(SABLE_RIDGE, 'SR-0391'),
  },
  {
    key: 'sable-ridge-qa-lead',
    organization: SABLE_RIDGE.name,
    lifecycle: published(13),
    title: 'QA Lead – Risk Adjustment Coding',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Lead a team of six auditors and own the quality program for one of our largest health-plan clients: sampling plans, inter-rater reliability, and the accuracy reports the client sees every month.',
        'Remote in any state, reporting to the Manager of Coding Quality.',
      ],
      duties: [
        'Design sampling plans and run inter-rater reliability reviews each quarter',
        'Assign and review auditors’ work and coach them',
        'Present quality results to the client and answer their questions',
        'Turn audit trends into coder education with our trainers',
      ],
      requirements: ['CRC, CPMA, CCS or RHIA', 'Six years of risk-adjustment experience, including two leading auditors or coders'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(74000, 86000),
    credentials: ['CRC', 'CPMA', 'CCS', 'RHIA'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 6,
    tools: ['Epic', 'Cerner'],
    apply: applyOnline(SABLE_RIDGE, 'SR-0384'),
  },
  {
    key: 'sable-ridge-quality-manager',
    organization: SABLE_RIDGE.name,
    lifecycle: published(20),
    title: 'Manager, Coding Quality and Compliance',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Own coding quality and compliance for all of Sable Ridge: three QA leads, our coding policy, and our readiness for client and government audits.',
        'Hybrid, with two days a week at our Denver headquarters.',
      ],
      duties: [
        'Lead the QA leads and set accuracy standards for coders, auditors and vendors',
        'Maintain our coding policies and their change history',
        'Prepare the company for client audits and RADV support work',
        'Report quality and compliance results to the leadership team',
      ],
      requirements: ['CRC, CPMA, CPCO or RHIA', 'Seven years of coding, with three managing coding quality or compliance'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [DENVER],
    remoteStates: [],
    salary: perYear(92000, 110000),
    credentials: ['CRC', 'CPMA', 'CPCO', 'RHIA'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 7,
    tools: ['Epic'],
    apply: applyByEmail(SABLE_RIDGE),
  },
  {
    key: 'sable-ridge-hcc-contractor',
    organization: SABLE_RIDGE.name,
    lifecycle: published(2),
    title: 'Contract HCC Coder – Project Based',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Pick up risk-adjustment projects as an independent contractor. Projects last four to twelve weeks, and you choose how many hours to commit to each one (20 hours a week at least).',
        'Remote in any state.',
      ],
      duties: [
        'Code assigned charts to the project’s client guidelines',
        'Meet the project’s accuracy threshold on weekly audits',
        'Report blocked charts through the project queue',
      ],
      requirements: ['CRC', 'Three years of risk-adjustment coding'],
    }),
    employmentType: 'CONTRACTOR',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perHour(30, 34),
    credentials: ['CRC'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 3,
    tools: ['Epic', 'Cerner', 'NextGen'],
    productivity: '5 charts per hour on short outpatient records',
    apply: applyOnline(SABLE_RIDGE, 'SR-0415'),
  },
  {
    key: 'sable-ridge-associate-coder',
    organization: SABLE_RIDGE.name,
    lifecycle: published(4),
    title: 'Associate Risk Adjustment Coder (CPC-A welcome)',
    description: describe(SABLE_RIDGE, {
      summary: [
        'New to coding? Our associate program trains newly certified coders in risk adjustment over twelve weeks: a classroom phase by video, then coding real charts with every one reviewed by a trainer.',
        'Remote in any state. CPC-A holders are welcome, and we pay for the CRC exam once you finish the program.',
      ],
      duties: [
        'Code outpatient records for risk adjustment under a trainer’s review',
        'Complete weekly training modules and quizzes',
        'Take part in a weekly case discussion with your cohort',
      ],
      requirements: ['CRC, CPC or CPC-A', 'Strong knowledge of ICD-10-CM conventions and guidelines'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perYear(45000, 50000),
    credentials: ['CRC', 'CPC', 'CPC-A'],
    apprenticeFriendly: true,
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 0,
    tools: ['Epic'],
    productivity: '3 charts per hour in the first 60 days, then 4',
    apply: applyOnline(SABLE_RIDGE, 'SR-0409'),
  },
  {
    key: 'sable-ridge-weekend-coder',
    organization: SABLE_RIDGE.name,
    lifecycle: published(11),
    title: 'Part-Time Weekend HCC Coder',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Code risk-adjustment charts on Saturdays and Sundays, 16 to 20 hours a weekend. A good fit for a certified coder who wants extra hours alongside another job.',
        'Remote in any state.',
      ],
      duties: ['Code outpatient records for HCC capture to client guidelines', 'Meet accuracy and volume targets for the weekend queue'],
      requirements: ['CRC or CPC', 'Two years of risk-adjustment coding'],
    }),
    employmentType: 'PART_TIME',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    salary: perHour(28, 32),
    credentials: ['CRC', 'CPC'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['Epic', 'eClinicalWorks'],
    productivity: '4 charts per hour',
    apply: applyByEmail(SABLE_RIDGE),
  },
  {
    key: 'sable-ridge-radv-support',
    organization: SABLE_RIDGE.name,
    lifecycle: published(16),
    title: 'RADV Audit Support Coder – Temporary',
    description: describe(SABLE_RIDGE, {
      summary: [
        'A health-plan client has been selected for a risk adjustment data validation audit. For about four months we need experienced coders to find, review and select the best medical record for each sampled HCC.',
        'Remote in any state, full-time hours during the project.',
      ],
      duties: [
        'Review retrieved records for each sampled HCC and rate their support',
        'Select the best record and prepare the documentation for submission',
        'Escalate unsupported HCCs to the client’s compliance contact',
      ],
      requirements: ['CRC or CPMA', 'Three years of risk-adjustment coding; prior RADV experience preferred'],
    }),
    employmentType: 'TEMPORARY',
    workplace: 'remote',
    locations: [],
    remoteStates: [],
    credentials: ['CRC', 'CPMA'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee', 'inpatient-facility'],
    minYearsExperience: 3,
    tools: ['Epic', 'Cerner', 'Meditech'],
    apply: applyOnline(SABLE_RIDGE, 'SR-0388'),
  },
  {
    key: 'sable-ridge-coding-trainer',
    organization: SABLE_RIDGE.name,
    lifecycle: published(23),
    title: 'Clinical Coding Trainer – Risk Adjustment',
    description: describe(SABLE_RIDGE, {
      summary: [
        'Teach the next cohorts of our associate program and keep experienced coders current as the CMS-HCC model and guidelines change.',
        'Hybrid: classes run by video, with one week a quarter at our Denver headquarters.',
      ],
      duties: [
        'Teach the twelve-week associate program and review trainees’ charts',
        'Write training modules and quizzes on new guidelines and model changes',
        'Run refresher sessions based on audit trends',
      ],
      requirements: ['CRC, CDEO or CPC', 'Five years of risk-adjustment coding and some teaching or mentoring'],
    }),
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [DENVER],
    remoteStates: [],
    salary: perYear(68000, 80000),
    credentials: ['CRC', 'CDEO', 'CPC'],
    specialties: ['risk-adjustment-hcc', 'icd-10-cm'],
    settings: ['pro-fee'],
    minYearsExperience: 5,
    tools: ['Epic'],
    apply: applyOnline(SABLE_RIDGE, 'SR-0371'),
  },
];

/** A credential on a demo coder's profile, dated relative to the moment the dataset is loaded. */
export interface DemoCredential {
  code: string;
  earnedMonthsAgo: number;
  /** Months after loading; negative for a credential that has lapsed. */
  expiresInMonths: number;
}

/** A coder's profile as the profile form would save it, plus the one resume on it. */
export interface DemoCandidateProfile {
  /** Email of the demo candidate account. */
  coder: string;
  headline: string;
  summary: string;
  city: string;
  state: string;
  openToRelocation: boolean;
  workplacePreferences: Workplace[];
  desiredPay: { min: number; period: SalaryPeriod };
  yearsExperience: number;
  visibility: ProfileVisibility;
  credentials: DemoCredential[];
  specialties: Array<{ slug: string; years: number }>;
  settings: string[];
  /** Encoders and EHRs. */
  tools: string[];
  /** The default resume: a one-page PDF of these paragraphs (Latin-1 text only, the PDF's standard font has no other letters). */
  resume: { fileName: string; paragraphs: string[] };
}

/** The phone numbers are from the 555-0100 to 555-0199 block, reserved for fiction. */
export const DEMO_CANDIDATE_PROFILES: DemoCandidateProfile[] = [
  {
    coder: email('jasmine.carter'),
    headline: 'CPC, COC, CEDC: emergency department and outpatient facility coder',
    summary:
      'Seven years of facility coding in a regional hospital: emergency department E/M levels, observation stays, ancillary and same-day surgery encounters. I keep my DNFB queue clean, hold 96% or better on quarterly audits and train new ED coders. Looking for an onsite or hybrid role in central Nebraska.',
    city: 'Grand Island',
    state: 'NE',
    openToRelocation: false,
    workplacePreferences: ['onsite', 'hybrid'],
    desiredPay: { min: 56000, period: 'YEAR' },
    yearsExperience: 7,
    visibility: 'employers',
    credentials: [
      { code: 'CPC', earnedMonthsAgo: 86, expiresInMonths: 9 },
      { code: 'COC', earnedMonthsAgo: 50, expiresInMonths: 9 },
      { code: 'CEDC', earnedMonthsAgo: 27, expiresInMonths: 9 },
    ],
    specialties: [
      { slug: 'icd-10-cm', years: 7 },
      { slug: 'cpt-evaluation-management', years: 6 },
      { slug: 'hcpcs-level-ii', years: 5 },
      { slug: 'cpt-surgery', years: 2 },
    ],
    settings: ['emergency-department', 'outpatient-facility'],
    tools: ['Epic', '3M 360 Encompass', 'Meditech'],
    resume: {
      fileName: 'Jasmine Carter - Resume.pdf',
      paragraphs: [
        'JASMINE CARTER, CPC, COC, CEDC',
        `Grand Island, NE | ${email('jasmine.carter')} | (308) 555-0142`,
        '',
        'SUMMARY',
        'Emergency department and outpatient facility coder with seven years in a regional hospital. Accurate ED E/M leveling, observation and infusion coding, and a steady DNFB record.',
        '',
        'EXPERIENCE',
        'Facility Coder II - Juniper Hollow Regional Hospital, Grand Island, NE (4 years, current)',
        '- Code about 110 ED and observation encounters a day in Epic with 3M 360 Encompass',
        '- Assign facility E/M levels from the hospital point-based criteria, with 96% audit accuracy',
        '- Train and review new ED coders during their first 60 days',
        'Outpatient Coder - Bluestem Valley Hospital, Hastings, NE (3 years)',
        '- Coded laboratory, radiology, therapy and same-day surgery encounters in Meditech',
        '- Worked NCCI and medical-necessity edits and kept unbilled accounts under five days',
        '',
        'CREDENTIALS',
        'CPC and COC (AAPC), CEDC (AAPC)',
        '',
        'EDUCATION',
        'Associate of Applied Science, Health Information Technology - Platte Prairie Community College',
      ],
    },
  },
  {
    coder: email('luis.hernandez'),
    headline: 'CPC, CPB: professional-fee coding and billing for orthopedic and primary care practices',
    summary:
      'Five years of coding and billing for physician practices: E/M and orthopedic procedure coding, charge entry, payer follow-up and appeals. Bilingual in English and Spanish, comfortable on the phone with patients and payers.',
    city: 'Franklin',
    state: 'TN',
    openToRelocation: false,
    workplacePreferences: ['onsite', 'hybrid'],
    desiredPay: { min: 23, period: 'HOUR' },
    yearsExperience: 5,
    visibility: 'employers',
    credentials: [
      { code: 'CPC', earnedMonthsAgo: 62, expiresInMonths: 17 },
      { code: 'CPB', earnedMonthsAgo: 30, expiresInMonths: 17 },
    ],
    specialties: [
      { slug: 'cpt-evaluation-management', years: 5 },
      { slug: 'icd-10-cm', years: 5 },
      { slug: 'hcpcs-level-ii', years: 4 },
      { slug: 'orthopedics', years: 3 },
      { slug: 'surgery-musculoskeletal', years: 3 },
    ],
    settings: ['pro-fee'],
    tools: ['athenahealth', 'eClinicalWorks', 'Availity'],
    resume: {
      fileName: 'Luis_Hernandez_CPC_CPB.pdf',
      paragraphs: [
        'LUIS HERNANDEZ, CPC, CPB',
        `Franklin, TN | ${email('luis.hernandez')} | (615) 555-0178`,
        '',
        'PROFILE',
        'Coder and biller for physician practices. Fluent in English and Spanish. I like the whole claim: the right codes, a clean submission and a paid account.',
        '',
        'EXPERIENCE',
        'Billing and Coding Specialist - Copperleaf Orthopedic Associates, Franklin, TN (3 years, current)',
        '- Code office visits, injections, fracture care and arthroscopy for six surgeons',
        '- Enter charges in athenahealth and work denials and appeals through Availity',
        '- Cut the practice denial rate for modifier 25 and 59 errors by half in one year',
        'Patient Accounts Representative - Harpeth Bend Family Practice, Brentwood, TN (2 years)',
        '- Posted payments, called payers on unpaid claims and answered patient billing questions',
        '- Coded preventive and sick visits in eClinicalWorks after earning the CPC',
        '',
        'CREDENTIALS',
        'CPC and CPB (AAPC)',
        '',
        'EDUCATION',
        'Medical Billing and Coding Diploma - Cumberland Bend Technical College',
      ],
    },
  },
  {
    coder: email('emily.nguyen'),
    headline: 'CPC-A: newly certified coder looking for a first coding role',
    summary:
      'I passed the CPC exam this year after a nine-month coding certificate program, and completed a three-month externship coding primary care visits. Before that I worked two years at a clinic front desk, so I know how a visit is scheduled, checked in and billed. Happy to start onsite and to move for the right training program.',
    city: 'Nampa',
    state: 'ID',
    openToRelocation: true,
    workplacePreferences: ['onsite', 'hybrid'],
    desiredPay: { min: 20, period: 'HOUR' },
    yearsExperience: 0,
    visibility: 'private',
    credentials: [{ code: 'CPC-A', earnedMonthsAgo: 4, expiresInMonths: 20 }],
    specialties: [
      { slug: 'cpt-evaluation-management', years: 0 },
      { slug: 'icd-10-cm', years: 0 },
      { slug: 'primary-care', years: 0 },
    ],
    settings: ['pro-fee'],
    tools: ['eClinicalWorks'],
    resume: {
      fileName: 'Emily Nguyen CPC-A.pdf',
      paragraphs: [
        'EMILY NGUYEN, CPC-A',
        `Nampa, ID | ${email('emily.nguyen')} | (208) 555-0117`,
        '',
        'OBJECTIVE',
        'A first coding position with training and feedback, in primary care or outpatient ancillary coding.',
        '',
        'EDUCATION AND CERTIFICATION',
        'CPC-A (AAPC), passed on the first attempt',
        'Medical Coding Certificate - Owyhee Ridge Community College (nine months)',
        '',
        'EXPERIENCE',
        'Coding Extern - Bramblewood Family Medicine, Nampa, ID (3 months)',
        '- Coded about 40 primary care visits a day under a senior coder, with 92% accuracy by the last month',
        '- Practiced E/M leveling by medical decision making and preventive visit coding',
        'Front Desk Coordinator - Bramblewood Family Medicine, Nampa, ID (2 years)',
        '- Checked in patients, verified insurance eligibility and collected copays',
        '',
        'SKILLS',
        'ICD-10-CM, CPT E/M, HCPCS Level II basics, eClinicalWorks, insurance verification',
      ],
    },
  },
  {
    coder: email('robert.thompson'),
    headline: 'CCS, RHIT: senior inpatient coder for complex surgical and trauma stays',
    summary:
      'Sixteen years of inpatient coding, the last seven on complex surgical, cardiovascular and trauma stays at a tertiary hospital. I validate DRGs with CDI, second-review mismatches and mentor Coder I and II staff on ICD-10-PCS. I let my CDIP lapse, as I code full time now. Remote only.',
    city: 'Kansas City',
    state: 'MO',
    openToRelocation: false,
    workplacePreferences: ['remote'],
    desiredPay: { min: 78000, period: 'YEAR' },
    yearsExperience: 16,
    visibility: 'employers',
    credentials: [
      { code: 'RHIT', earnedMonthsAgo: 190, expiresInMonths: 15 },
      { code: 'CCS', earnedMonthsAgo: 140, expiresInMonths: 15 },
      { code: 'CDIP', earnedMonthsAgo: 110, expiresInMonths: -7 },
    ],
    specialties: [
      { slug: 'icd-10-cm', years: 16 },
      { slug: 'icd-10-pcs', years: 11 },
      { slug: 'surgery-cardiovascular', years: 7 },
      { slug: 'general-surgery', years: 5 },
    ],
    settings: ['inpatient-facility'],
    tools: ['Epic', 'Cerner', '3M 360 Encompass'],
    resume: {
      fileName: 'Robert Thompson - Inpatient Coder.pdf',
      paragraphs: [
        'ROBERT THOMPSON, CCS, RHIT',
        `Kansas City, MO | ${email('robert.thompson')} | (816) 555-0163`,
        '',
        'SUMMARY',
        'Senior inpatient coder: complex surgical, cardiovascular and multiple-trauma stays, MS-DRG and APR-DRG validation, and mentoring of newer coders on ICD-10-PCS.',
        '',
        'EXPERIENCE',
        'Inpatient Coder III (remote) - Marrowstone Medical Center, Kansas City, MO (7 years, current)',
        '- Code open-heart, vascular, transplant evaluation and long ICU stays, about 1.8 charts an hour',
        '- Second reviewer for DRG mismatches; resolve them with CDI before the final bill',
        '- Lead the monthly coding round table on ICD-10-PCS root operations and approaches',
        'Clinical Documentation Specialist - Ironwood Valley Hospital, Topeka, KS (4 years)',
        '- Reviewed medical and surgical records concurrently and wrote compliant provider queries',
        'Inpatient Coder - Ironwood Valley Hospital, Topeka, KS (5 years)',
        '- Coded medical, surgical and obstetric stays through the move from ICD-9 to ICD-10',
        '',
        'CREDENTIALS',
        'CCS and RHIT (AHIMA); CDIP (AHIMA), lapsed',
        '',
        'EDUCATION',
        'Associate of Science, Health Information Technology - Flint Hills Technical College',
      ],
    },
  },
  {
    coder: email('keisha.williams'),
    headline: 'CRC, CPC: remote risk adjustment coder, retrospective and prospective review',
    summary:
      'Four years of risk-adjustment coding for Medicare Advantage and ACA plans after two years of primary care coding. Consistently above 95% on quality reviews at 25 or more charts a day. Looking for a fully remote role.',
    city: 'Decatur',
    state: 'GA',
    openToRelocation: false,
    workplacePreferences: ['remote'],
    desiredPay: { min: 29, period: 'HOUR' },
    yearsExperience: 6,
    visibility: 'private',
    credentials: [
      { code: 'CPC', earnedMonthsAgo: 74, expiresInMonths: 5 },
      { code: 'CRC', earnedMonthsAgo: 47, expiresInMonths: 5 },
    ],
    specialties: [
      { slug: 'risk-adjustment-hcc', years: 4 },
      { slug: 'icd-10-cm', years: 6 },
      { slug: 'primary-care', years: 2 },
    ],
    settings: ['pro-fee'],
    tools: ['Epic', 'eClinicalWorks', 'NextGen'],
    resume: {
      fileName: 'Keisha Williams Resume.pdf',
      paragraphs: [
        'KEISHA WILLIAMS, CRC, CPC',
        `Decatur, GA | ${email('keisha.williams')} | (404) 555-0129`,
        '',
        'SUMMARY',
        'Remote risk adjustment coder for Medicare Advantage and ACA plans. Strong on MEAT support, CMS-HCC model changes and clear notes for second-level reviewers.',
        '',
        'EXPERIENCE',
        'Risk Adjustment Coder II (remote) - Silverpine Health Partners, Atlanta, GA (4 years, current)',
        '- Review 25 to 30 retrospective charts a day across several EHRs, with 96% quality scores',
        '- Code prospective pre-visit reviews and flag suspected conditions for providers',
        'Professional Fee Coder - Magnolia Crest Physician Group, Decatur, GA (2 years)',
        '- Coded primary care and internal medicine visits and annual wellness visits in NextGen',
        '',
        'CREDENTIALS',
        'CRC and CPC (AAPC)',
        '',
        'EDUCATION',
        'Bachelor of Science, Health Administration - Piedmont Ridge State University',
      ],
    },
  },
];

/** A demo coder's application to a demo job, and the employer's moves on it since. */
export interface DemoApplication {
  coder: string;
  /** Key of a demo job that takes applications on this site. */
  job: string;
  appliedDaysAgo: number;
  coverLetter?: string;
  /** Oldest first, each a move the pipeline allows; the last is where the application is now. */
  steps: Array<{ status: ApplicationStatus; daysAgo: number }>;
}

/** Applications at several stages of the employer pipeline, to the jobs that take them on this site. */
export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    coder: email('jasmine.carter'),
    job: 'prairie-critical-access-coder',
    appliedDaysAgo: 18,
    coverLetter:
      'I code ED and outpatient facility encounters in Epic every day, and I grew up near Kearney: a critical access team where I can cover ED, clinic and short stays is the job I have been looking for.',
    steps: [
      { status: 'reviewed', daysAgo: 16 },
      { status: 'shortlisted', daysAgo: 13 },
      { status: 'interviewing', daysAgo: 6 },
    ],
  },
  {
    coder: email('luis.hernandez'),
    job: 'northpoint-billing-coding-specialist',
    appliedDaysAgo: 17,
    steps: [
      { status: 'reviewed', daysAgo: 15 },
      { status: 'shortlisted', daysAgo: 9 },
    ],
  },
  {
    coder: email('emily.nguyen'),
    job: 'prairie-outpatient-coder-i',
    appliedDaysAgo: 4,
    steps: [
      { status: 'reviewed', daysAgo: 3 },
      { status: 'rejected', daysAgo: 1 },
    ],
  },
  {
    coder: email('emily.nguyen'),
    job: 'alder-creek-entry-level-coder',
    appliedDaysAgo: 1,
    coverLetter:
      'I passed the CPC exam this year and spent my externship coding primary care visits at a Nampa clinic. I would love to start my coding career with your primary care team.',
    steps: [],
  },
];
