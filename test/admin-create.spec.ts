import { AuthService } from '../src/auth/auth.service';
import { parseAdminOptions } from '../src/cli/admin-create';
import { DomainError } from '../src/common/domain-error';
import { signUp } from './support/factories';
import { api, GOOD_PASSWORD, uniqueEmail } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('npm run admin:create', () => {
  describe('its command line', () => {
    it('takes the address, and a name and password when given', () => {
      expect(parseAdminOptions(['--email', 'ops@example.org'])).toEqual({ email: 'ops@example.org', name: 'Administrator', password: undefined });
      expect(parseAdminOptions(['--email', 'ops@example.org', '--name', ' Dana Ops ', '--password', GOOD_PASSWORD])).toEqual({
        email: 'ops@example.org',
        name: 'Dana Ops',
        password: GOOD_PASSWORD,
      });
      expect(parseAdminOptions(['--help'])).toBeNull();
    });

    it('says what is wrong, with the usage', () => {
      expect(() => parseAdminOptions([])).toThrow(/Give the administrator's address with --email\.[\s\S]*Usage: npm run admin:create/);
      expect(() => parseAdminOptions(['--email', 'not-an-address'])).toThrow('"not-an-address" is not an email address.');
      expect(() => parseAdminOptions(['--email', 'ops@example.org', '--role', 'admin'])).toThrow(/Unknown option '--role'[\s\S]*Usage:/);
    });
  });

  describe('the account it makes', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('is a verified administrator who signs in and may use the admin API', async () => {
      const email = uniqueEmail('admin');
      const admin = await t.app.get(AuthService).createAdmin({ email: email.toUpperCase(), password: GOOD_PASSWORD, name: 'Dana Ops' });
      expect(admin).toMatchObject({ email, role: 'admin', emailVerified: true, name: 'Dana Ops' });

      const http = api(t.baseUrl);
      const login = await http.post('/api/auth/login', { email, password: GOOD_PASSWORD });
      expect(login.status).toBe(200);
      const { organizationId } = await signUp(t.baseUrl, 'employer', t.dataSource);
      expect((await http.post(`/api/admin/organizations/${organizationId}/verify`, {}, login.body.accessToken)).status).toBe(200);
    });

    it('refuses an address already in use and a weak password, and writes nothing', async () => {
      const auth = t.app.get(AuthService);
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      await expect(auth.createAdmin({ email: coder.email, password: GOOD_PASSWORD, name: 'Ops' })).rejects.toThrow(
        'An account with this email address already exists.',
      );
      const weak = uniqueEmail('weak');
      const refused = await auth.createAdmin({ email: weak, password: 'password', name: 'Ops' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).fields?.password?.length).toBeGreaterThan(0);
      expect(await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [weak])).toEqual([]);
      const [{ role }] = await t.dataSource.query(`SELECT role FROM users WHERE id = $1`, [coder.id]);
      expect(role).toBe('candidate');
    });
  });
});
