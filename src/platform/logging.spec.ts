import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS } from './logging';

describe('log redaction', () => {
  it('never prints passwords, tokens or personal fields', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    log.info({
      req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'po_board=eyJsecret' } },
      body: { password: 'hunter2-hunter2', mobile: '9876543210', address: '12 Arera Colony', aadhaarLast4: '2346' },
      tokens: { accessToken: 'eyJaccess', refreshToken: 'opaque-refresh' },
    });
    const out = lines.join('');
    for (const secret of ['eyJsecret', 'hunter2', '9876543210', 'Arera', '2346', 'eyJaccess', 'opaque-refresh']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
