import { api } from './http';

/** A complete, valid `POST /api/jobs` body: a hybrid CPC-or-CCS job in Austin, TX; `overrides` replace fields. */
export function jobBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Outpatient Coder II (CPC or CCS)',
    description: 'Code **professional-fee** E/M and minor procedures for a busy multi-specialty clinic.',
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    locations: [{ city: 'Austin', state: 'TX', postalCode: '78701' }],
    remoteStates: [],
    salary: { min: 52000, max: 64000, currency: 'USD', period: 'YEAR' },
    credentials: ['CPC', 'CCS'],
    apprenticeFriendly: true,
    specialties: ['cpt-evaluation-management', 'surgery-musculoskeletal'],
    settings: ['pro-fee'],
    minYearsExperience: 2,
    tools: ['Epic', '3M'],
    productivity: '20 charts an hour after training',
    apply: { method: 'url', url: 'https://careers.example.org/apply/123' },
    ...overrides,
  };
}

/** Creates a posting through the API (a draft unless `publish: true` is among the overrides) and returns its JSON. */
export async function createJob(baseUrl: string, token: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await api(baseUrl).post('/api/jobs', jobBody(overrides), token);
  if (res.status !== 201) throw new Error(`creating a job failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
