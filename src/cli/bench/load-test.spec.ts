import { percentile, requestsFor } from './load-test';

describe('load test arithmetic', () => {
  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('plans whole rounds of the URLs, at least two and one request per connection', () => {
    const options = { durationSeconds: 5, connections: 10, cores: 2 };
    // 2 requests at a time, 10 ms each: 200 a second for 5 seconds.
    expect(requestsFor(options, 8, 10)).toBe(1000);
    // A server that takes seconds still gets two rounds of six URLs.
    expect(requestsFor(options, 6, 20_000)).toBe(12);
    // One request per connection, rounded up to whole rounds.
    expect(requestsFor(options, 3, 20_000)).toBe(12);
  });
});
