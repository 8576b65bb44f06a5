import { DomainError } from '../common/domain-error';
import { idempotentRequest } from './idempotency.service';

const request = (body: unknown, file?: { originalname: string; buffer: Buffer }) => ({ method: 'POST', path: '/api/jobs/1/applications', body, file });

describe('idempotentRequest', () => {
  it('is undefined without a key', () => {
    expect(idempotentRequest(undefined, request({}))).toBeUndefined();
  });

  it('digests the same request the same way, whatever the order of its fields', () => {
    const a = idempotentRequest('key-1', request({ coverLetter: 'Hello', answers: [{ questionId: 'q', answer: 'yes' }] }));
    const b = idempotentRequest('key-1', request({ answers: [{ answer: 'yes', questionId: 'q' }], coverLetter: 'Hello' }));
    expect(a).toEqual(b);
    expect(a?.requestHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells apart another body, another path and another file', () => {
    const hash = (r: ReturnType<typeof request>) => idempotentRequest('key-1', r)?.requestHash;
    const base = hash(request({ coverLetter: 'Hello' }, { originalname: 'cv.pdf', buffer: Buffer.from('one') }));
    expect(hash(request({ coverLetter: 'Hello!' }, { originalname: 'cv.pdf', buffer: Buffer.from('one') }))).not.toBe(base);
    expect(hash(request({ coverLetter: 'Hello' }, { originalname: 'cv.pdf', buffer: Buffer.from('two') }))).not.toBe(base);
    expect(hash({ ...request({ coverLetter: 'Hello' }, { originalname: 'cv.pdf', buffer: Buffer.from('one') }), path: '/api/jobs/2/applications' })).not.toBe(
      base,
    );
  });

  it.each(['', 'x'.repeat(256), 'with space', 'naïve'])('refuses the key %j with 400', (key) => {
    expect(() => idempotentRequest(key, request({}))).toThrow(DomainError);
    try {
      idempotentRequest(key, request({}));
    } catch (error) {
      expect((error as DomainError).status).toBe(400);
    }
  });
});
