import { createSecretKey, KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

/** The secret shipped for development; production refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
      ? true
      : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
        ? false
        : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the app reads, validated once at boot. Nothing else in src/
 * reads process.env: inject `Env` instead.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Public base URL, used in links inside emails. Defaults to http://localhost:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  APP_URL?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL?: string = undefined;

  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT?: number = undefined;

  @IsString()
  @MinLength(1)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'careercenter';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'careercenter';

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_TTL_DAYS = 30;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string = undefined;

  @IsString()
  @MinLength(3)
  @MaxLength(200)
  MAIL_FROM = 'CareerCenter <no-reply@careercenter.localhost>';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_RETRY_DELAY_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  MAIL_RETRY_LIMIT = 10;

  /** The sender's postal address, in every alert email's footer (CAN-SPAM asks for one). */
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  MAIL_POSTAL_ADDRESS = 'CareerCenter, 100 Example Street, Springfield, IL 62701, USA';

  /** Local hour (0–23) daily and weekly alert digests go out, in each alert's time zone; weekly ones on Mondays. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  ALERT_DIGEST_HOUR = 7;

  /** The time zone of alerts that name none (guests, and members who did not choose). */
  @IsTimeZone()
  ALERT_DEFAULT_TIME_ZONE = 'America/New_York';

  /** Instant alert emails per address per day; matches past the cap wait for the next daily digest. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ALERT_INSTANT_DAILY_CAP = 5;

  /** Code pages a signed-out visitor sees in full per rolling 24 hours (then a sign-up prompt). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  CODE_VIEWS_SIGNED_OUT = 3;

  /** Code pages a signed-in coder sees in full per rolling 24 hours; employers and admins are not metered. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  CODE_VIEWS_MEMBER = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  QUEUE_POLL_SECONDS = 2;

  /** Job page views and apply clicks are counted in memory and written this often (and at shutdown): a crash loses at most this much. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  INSIGHT_FLUSH_SECONDS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = false;

  /** Postings of organizations an admin has not verified wait for review before they are published. */
  @Transform(toBool)
  @IsBoolean()
  JOB_MODERATION = true;

  /** Meilisearch serves job search when set; Postgres full-text search answers otherwise, and whenever Meilisearch cannot. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  MEILI_URL?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEILI_KEY?: string = undefined;

  /** The live index's name; a reindex builds `<name>_next` and swaps it in. */
  @Matches(/^[A-Za-z0-9_-]{1,100}$/)
  MEILI_INDEX = 'jobs';

  /** A search slower than this answers from Postgres instead. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(10000)
  MEILI_TIMEOUT_MS = 300;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 900;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get appUrl(): string {
    return (this.APP_URL ?? `http://localhost:${this.PORT}`).replace(/\/+$/, '');
  }

  /**
   * JWT_SECRET as a key object, made once. Given the string, jsonwebtoken
   * first tries to read it as a PEM private key on every signature, which
   * costs about a millisecond: too much for thousands of signed email links.
   */
  get jwtSigningKey(): KeyObject {
    this.#signingKey ??= createSecretKey(Buffer.from(this.JWT_SECRET, 'utf8'));
    return this.#signingKey;
  }

  #signingKey?: KeyObject;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its meaning.`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const constraints = Object.values(e.constraints ?? {}).join('; ');
    return `${e.property}=${JSON.stringify(e.value)}: ${constraints}`;
  });
}

/** Reads `.env` (if present) under the real environment, which wins. */
export function readEnvironment(cwd = process.cwd(), environment: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parse(readFileSync(file)) : {};
  return { ...fromFile, ...environment };
}

export function validateEnv(raw: Record<string, unknown>): Env {
  const known = Object.keys(new Env());
  // Only our own variables: the process environment holds many others.
  const picked = Object.fromEntries(Object.entries(raw).filter(([k, v]) => known.includes(k) && v !== undefined));
  const env = plainToInstance(Env, picked);
  const problems = describe(validateSync(env, { skipMissingProperties: false }));
  if (env.isProduction) {
    if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET: the development default cannot be used in production; set a random secret of at least 32 bytes');
    } else if (Buffer.byteLength(env.JWT_SECRET, 'utf8') < 32) {
      problems.push('JWT_SECRET: must be at least 32 bytes in production');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}

export function loadEnv(overrides: Record<string, string | undefined> = {}): Env {
  return validateEnv({ ...readEnvironment(), ...overrides });
}
