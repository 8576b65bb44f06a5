import { ConfigError, DEVELOPMENT_JWT_SECRET, validateEnv } from './env';

describe('validateEnv', () => {
  it('fills in defaults for a development start', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: './.data', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
    expect(env.appUrl).toBe('http://localhost:3000');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', DEMO_DATA: 'true', EMBEDDED_PG_PORT: '5544', APP_URL: 'https://jobs.example.org/' });
    expect(env.PORT).toBe(8080);
    expect(env.DEMO_DATA).toBe(true);
    expect(env.EMBEDDED_PG_PORT).toBe(5544);
    expect(env.appUrl).toBe('https://jobs.example.org');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['SMTP_URL', 'not a url'],
    ['DEMO_DATA', 'maybe'],
  ])('stops with a message naming %s when it is %p', (name, value) => {
    expect(() => validateEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => validateEnv({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it('refuses the development JWT secret and short secrets in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: the development default/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/JWT_SECRET: must be at least 32 bytes/);
    expect(validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).isProduction).toBe(true);
  });

  it('ignores variables that are not ours', () => {
    expect(() => validateEnv({ HOME: '/root', PATH: '/bin' })).not.toThrow();
  });
});
