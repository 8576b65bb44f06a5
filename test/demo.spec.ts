import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PasswordService } from '../src/auth/passwords/password.service';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-content';
import { DemoDataService } from '../src/demo/demo-data.service';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

interface Membership {
  organization: string;
  slug: string;
  email: string;
  user_role: string;
  member_role: string;
}

describe('the demo dataset', () => {
  let t: TestApp;
  const memberships = (): Promise<Membership[]> =>
    t.dataSource.query(
      `SELECT o.name AS organization, o.slug, u.email, u.role AS user_role, m.role AS member_role
         FROM organizations o JOIN organization_members m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
        ORDER BY o.name, m.role, u.email`,
    );
  const demoUsers = () =>
    t.dataSource.query(`SELECT id, email, name, role, email_verified, password_hash, updated_at FROM users WHERE email LIKE $1 ORDER BY email`, [
      `%@${DEMO_EMAIL_DOMAIN}`,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads four employers with an owner each, one recruiter and five candidates; loading again changes nothing', async () => {
    const log: string[] = [];
    await t.app.get(DemoDataService).load((m) => log.push(m));
    const users = await demoUsers();
    const members = await memberships();

    await t.app.get(DemoDataService).load((m) => log.push(m));

    expect(log).toEqual([
      'Demo data: 10 users (created 10, already there 0), 4 organizations (created 4, already there 0).',
      'Demo data: 10 users (created 0, already there 10), 4 organizations (created 0, already there 4).',
    ]);
    expect(await demoUsers()).toEqual(users);
    expect(await memberships()).toEqual(members);
    expect(users.filter((u: { role: string }) => u.role === 'candidate')).toHaveLength(5);
    expect(members).toEqual([
      {
        organization: 'Alder Creek Multispecialty Group',
        slug: 'alder-creek-multispecialty-group',
        email: `priya.raman@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
      {
        organization: 'Northpoint Revenue Cycle Partners',
        slug: 'northpoint-revenue-cycle-partners',
        email: `tom.kowalski@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
      {
        organization: 'Prairie Meridian Health System',
        slug: 'prairie-meridian-health-system',
        email: `denise.okafor@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
      {
        organization: 'Prairie Meridian Health System',
        slug: 'prairie-meridian-health-system',
        email: `marcus.bell@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'recruiter',
      },
      {
        organization: 'Sable Ridge Risk Analytics',
        slug: 'sable-ridge-risk-analytics',
        email: `angela.ruiz@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
    ]);
  });

  it('signs every demo account in with the documented password, its email already verified', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const http = api(t.baseUrl);
    for (const user of DEMO_USERS) {
      const res = await http.post('/api/auth/login', { email: user.email, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ id: expect.any(String), email: user.email, name: user.name, role: user.role, emailVerified: true });
    }
    expect(new PasswordService().problems(DEMO_PASSWORD)).toEqual([]);
  });
});

describe('the demo dataset beside real data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('makes its own organization when a real one already has the same name, and finds it on the next load', async () => {
    const [owner] = await t.dataSource.query(
      `INSERT INTO users (email, password_hash, name, role) VALUES ('hr@prairie.example', 'x', 'Real Owner', 'employer') RETURNING id`,
    );
    const [real] = await t.dataSource.query(
      `INSERT INTO organizations (name, slug) VALUES ('Prairie Meridian Health System', 'prairie-meridian-health-system') RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'owner')`, [real.id, owner.id]);

    await t.app.get(DemoDataService).load(() => undefined);
    await t.app.get(DemoDataService).load(() => undefined);

    const rows = await t.dataSource.query(
      `SELECT o.slug, array_agg(u.email ORDER BY u.email) AS members
         FROM organizations o JOIN organization_members m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
        WHERE o.name = 'Prairie Meridian Health System' GROUP BY o.slug ORDER BY o.slug`,
    );
    expect(rows).toEqual([
      { slug: 'prairie-meridian-health-system', members: ['hr@prairie.example'] },
      { slug: 'prairie-meridian-health-system-2', members: [`denise.okafor@${DEMO_EMAIL_DOMAIN}`, `marcus.bell@${DEMO_EMAIL_DOMAIN}`] },
    ]);
  });
});

describe('the common-password list', () => {
  const lines = readFileSync(join(__dirname, '..', 'data', 'common-passwords.txt'), 'utf8').split('\n');
  const entries = lines.filter((l) => l !== '' && !l.startsWith('#'));

  it('says what it is in a header and holds at least 300 distinct lower-case passwords of 12+ characters', () => {
    expect(lines[0]).toMatch(/^# Common passwords/);
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.filter((p) => [...p].length < 12 || p !== p.toLowerCase() || p !== p.trim())).toEqual([]);
  });

  it('is what the password policy refuses, whatever the case', () => {
    const passwords = new PasswordService();
    expect(passwords.problems('Password1234')).toEqual(['This password is too common; choose one that is harder to guess.']);
    expect(passwords.problems('QWERTYUIOP123')).toEqual(['This password is too common; choose one that is harder to guess.']);
  });
});
