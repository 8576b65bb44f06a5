import { AlertJob } from './alert-jobs';
import { DIGEST_MAX_JOBS, digestContents } from './digest-contents';

const job = (id: string, publishedAt: string): AlertJob => ({
  id,
  publishedAt: new Date(publishedAt),
  title: `Job ${id}`,
  company: 'Cedar Valley Health System',
  where: 'Remote · Any US state',
  salary: null,
  credentials: [],
  link: `https://jobs.example.org/jobs/${id}/job`,
});

describe('digestContents', () => {
  it('holds the open jobs newest first and skips the deliveries of closed ones', () => {
    const pending = [
      { id: 'd1', jobId: 'j1' },
      { id: 'd2', jobId: 'j2' },
      { id: 'd3', jobId: 'j3' },
    ];
    const open = new Map([
      ['j1', job('j1', '2026-12-01T10:00:00Z')],
      ['j3', job('j3', '2026-12-01T12:00:00Z')],
    ]);
    const { included, skipped } = digestContents(pending, open);
    expect(included.map((i) => [i.delivery.id, i.job.id])).toEqual([
      ['d3', 'j3'],
      ['d1', 'j1'],
    ]);
    expect(skipped.map((d) => d.id)).toEqual(['d2']);
  });

  it(`holds at most ${DIGEST_MAX_JOBS} jobs and skips the older ones`, () => {
    const ids = Array.from({ length: DIGEST_MAX_JOBS + 2 }, (_, i) => `j${String(i).padStart(2, '0')}`);
    const pending = ids.map((id) => ({ id: `d-${id}`, jobId: id }));
    const open = new Map(ids.map((id, i) => [id, job(id, new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString())]));
    const { included, skipped } = digestContents(pending, open);
    expect(included).toHaveLength(DIGEST_MAX_JOBS);
    expect(included[0].job.id).toBe(ids[ids.length - 1]);
    expect(skipped.map((d) => d.jobId)).toEqual([ids[0], ids[1]]);
  });

  it('holds nothing when every job has closed', () => {
    const { included, skipped } = digestContents([{ id: 'd1', jobId: 'j1' }], new Map());
    expect(included).toEqual([]);
    expect(skipped.map((d) => d.id)).toEqual(['d1']);
  });
});
