import { headerText, isPermanentSmtpFailure } from './mail-transport';

describe('headerText', () => {
  it('puts text on one line: line breaks, tabs and control characters become single spaces', () => {
    expect(headerText('Remote CPC\r\nBcc: someone@example.org')).toBe('Remote CPC Bcc: someone@example.org');
    expect(headerText(' a\n\n\tb\u0000c\u2028d ')).toBe('a b c d');
  });
});

describe('isPermanentSmtpFailure', () => {
  const smtpError = (code: string, responseCode?: number) => Object.assign(new Error('refused'), { code, responseCode });

  it('is permanent for a 5xx reply to the recipient or to the message', () => {
    expect(isPermanentSmtpFailure(smtpError('EENVELOPE', 550))).toBe(true);
    expect(isPermanentSmtpFailure(smtpError('EMESSAGE', 554))).toBe(true);
  });

  it('is transient for 4xx replies, connection failures, and 5xx replies that are about the server or our settings', () => {
    expect(isPermanentSmtpFailure(smtpError('EENVELOPE', 451))).toBe(false);
    expect(isPermanentSmtpFailure(smtpError('ECONNECTION'))).toBe(false);
    expect(isPermanentSmtpFailure(smtpError('ESOCKET'))).toBe(false);
    expect(isPermanentSmtpFailure(smtpError('EAUTH', 535))).toBe(false);
    expect(isPermanentSmtpFailure(new Error('database is down'))).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
  });
});
