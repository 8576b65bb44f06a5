import { Writable } from 'node:stream';
import pino from 'pino';
import { validateEnv } from '../config/env';
import { loggerOptions, REDACTED_PATHS } from './logging';

describe('log redaction', () => {
  it('never writes authorization headers, cookies, passwords or tokens', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const options = loggerOptions(validateEnv({}));
    expect(options.pinoHttp).toMatchObject({ redact: { paths: REDACTED_PATHS } });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: { headers: { authorization: 'Bearer secret-access-token', cookie: 'cc_access=secret-cookie', 'x-csrf-token': 'secret-csrf' } },
      res: { headers: { 'set-cookie': 'cc_refresh=secret-refresh' } },
      body: { password: 'secret-password', token: 'secret-token', newPassword: 'secret-new' },
    });
    const output = lines.join('');
    expect(output).toContain('[redacted]');
    expect(output).not.toMatch(/secret-/);
  });
});
