/** A kind of search people run, as the GET /api/jobs URLs the benchmark cycles through. */
export interface QueryClass {
  name: string;
  paths: string[];
}

const search = (query: string) => `/api/jobs${query ? `?${query}` : ''}`;

/**
 * The fixed query mix of the benchmark (issue 4). Rare words and typos are
 * words the generator puts in few postings or none; the typos are near
 * words of titles and taxonomy names, which the engine corrects.
 */
export const QUERY_CLASSES: readonly QueryClass[] = [
  {
    name: 'filters only',
    paths: [
      '',
      'credential=CPC',
      'state=TX',
      'workplace=remote',
      'credential=CRC&workplace=remote',
      'employmentType=PART_TIME&postedWithin=7',
      'specialty=cardiology&sort=salary',
      'setting=inpatient-facility&page=3',
    ].map(search),
  },
  {
    name: 'common word',
    paths: ['q=coder', 'q=coding', 'q=coder&page=3', 'q=coder&sort=newest', 'q=coder&sort=salary'].map(search),
  },
  {
    name: 'rare words',
    paths: ['q=CIRCC', 'q=lymphoma', 'q=kyphoplasty', 'q=lithotripsy', 'q=Mohs', 'q=hyperbaric'].map(search),
  },
  {
    name: 'typos',
    paths: ['q=certifed+coder', 'q=cardiolgy', 'q=oncolgy+coder', 'q=ortopedics', 'q=radiolgy', 'q=inpatiant+coding'].map(search),
  },
  {
    name: 'three words',
    paths: [
      'q=inpatient+coding+auditor',
      'q=risk+adjustment+coder',
      'q=emergency+department+coder',
      'q=outpatient+surgery+coding',
      'q=denials+appeals+specialist',
      'q=pediatric+coding+specialist',
    ].map(search),
  },
  {
    name: 'heavy facets',
    paths: [
      'credential=CPC&credential=CCS&credential=CRC&workplace=remote&workplace=hybrid&state=TX&state=FL&state=CA',
      'specialty=cpt-surgery&setting=outpatient-facility&setting=ambulatory-surgery-center&employmentType=FULL_TIME&employmentType=CONTRACTOR&salaryMin=50000',
      'credential=CRC&specialty=risk-adjustment-hcc&workplace=remote&employmentType=FULL_TIME&postedWithin=30&salaryMin=60000',
      'q=coder&credential=CPC&credential=COC&state=NY&state=NJ&state=PA&workplace=onsite&workplace=hybrid',
      'credential=CCS&credential=CIC&credential=RHIT&setting=inpatient-facility&apprentice=true&state=OH&state=MI',
      'specialty=cardiology&specialty=interventional-radiology&specialty=hematology-oncology&workplace=remote&salaryMin=70000&sort=salary',
    ].map(search),
  },
];
