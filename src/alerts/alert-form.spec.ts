import { alertFormView, frequencyPhrase, jobAlertParams, paramsOfSearchField, searchFieldOf, searchPathOf } from './alert-form';

describe('the search as one form field', () => {
  it('writes parameters in the search’s order, repeated keys for lists, and reads them back', () => {
    const params = { state: ['OK', 'TX'], q: 'pro-fee & E/M', credential: 'CPC' };
    const field = searchFieldOf(params);
    expect(field).toBe('q=pro-fee+%26+E%2FM&credential=CPC&state=OK&state=TX');
    expect(paramsOfSearchField(field)).toEqual(params);
    expect(searchPathOf(params)).toBe(`/jobs?${field}`);
    expect(searchPathOf({})).toBe('/jobs');
  });

  it('keeps names the search does not know, for its query builder to refuse', () => {
    expect(paramsOfSearchField('colour=blue&q=coder')).toEqual({ colour: 'blue', q: 'coder' });
  });
});

describe('jobAlertParams', () => {
  const job = {
    credentials: [{ code: 'CPC', name: '' }],
    specialties: [{ slug: 'cpt-surgery', name: '' }],
    workplace: 'hybrid' as const,
    locations: [
      { city: 'Austin', state: 'TX', stateName: 'Texas', postalCode: null, label: '' },
      { city: 'Dallas', state: 'TX', stateName: 'Texas', postalCode: null, label: '' },
    ],
    remote: null,
  };

  it('watches a job’s credentials, specialties, workplace and office states', () => {
    expect(jobAlertParams(job)).toEqual({ workplace: 'hybrid', credential: ['CPC'], specialty: ['cpt-surgery'], state: ['TX'] });
  });

  it('watches the states a remote job hires in, and no state for one open to every state', () => {
    const remote = { ...job, workplace: 'remote' as const, locations: [], credentials: [], specialties: [] };
    expect(jobAlertParams({ ...remote, remote: { anyState: false, states: [{ code: 'FL', name: 'Florida' }], label: '' } })).toEqual({
      workplace: 'remote',
      state: ['FL'],
    });
    expect(jobAlertParams({ ...remote, remote: { anyState: true, states: [], label: '' } })).toEqual({ workplace: 'remote' });
  });
});

describe('alertFormView', () => {
  it('is for coders and visitors, not for employers and admins', () => {
    const form = { id: 'job-alert', label: 'Alert me' };
    expect(alertFormView(undefined, { credential: 'CPC' }, '/jobs/1/x', form)).toEqual({
      search: 'credential=CPC',
      next: '/jobs/1/x',
      id: 'job-alert',
      frequencyId: 'job-alert-frequency',
      label: 'Alert me',
    });
    expect(alertFormView({ role: 'candidate' }, {}, '/jobs', form)).not.toBeNull();
    expect(alertFormView({ role: 'employer' }, {}, '/jobs', form)).toBeNull();
    expect(alertFormView({ role: 'admin' }, {}, '/jobs', form)).toBeNull();
  });
});

describe('frequencyPhrase', () => {
  it('reads inside a sentence', () => {
    expect(frequencyPhrase('weekly')).toBe('once a week, on Mondays');
  });
});
