import { applyDailyCap } from './instant-cap';

describe('applyDailyCap', () => {
  const alert = (id: string, address: string) => ({ id, address });

  it('lets an address have emails up to the cap, counting those already sent, and holds the rest in order', () => {
    const alerts = [alert('a1', 'ada@example.org'), alert('a2', 'ada@example.org'), alert('a3', 'ada@example.org'), alert('b1', 'bo@example.org')];
    const { email, hold } = applyDailyCap(alerts, new Map([['ada@example.org', 3]]), 5);
    expect(email.map((a) => a.id)).toEqual(['a1', 'a2', 'b1']);
    expect(hold.map((a) => a.id)).toEqual(['a3']);
  });

  it('holds everything for an address already at the cap', () => {
    const { email, hold } = applyDailyCap([alert('a1', 'ada@example.org')], new Map([['ada@example.org', 5]]), 5);
    expect(email).toEqual([]);
    expect(hold.map((a) => a.id)).toEqual(['a1']);
  });
});
