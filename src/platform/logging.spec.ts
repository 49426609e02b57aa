import pino from 'pino';
import pinoHttp, { Options } from 'pino-http';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../config/config';
import { loggerParams, REDACT_PATHS, redactDeep, scrubUrl } from './logging';

function sink(): { stream: Writable; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

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

describe("the app's own logger configuration (loggerParams)", () => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
  const PERSONAL = ['9876543210', '9123456780', 'Arera Colony', 'Shahpura', '2346', 'hunter2', 'SLIPTOKEN', 'DOCSIG'];

  /** The real pino-http middleware with loggerParams, in front of a tiny handler, writing into `out`. */
  async function serve(handler: (req: IncomingMessage & { log: pino.Logger }, res: ServerResponse) => void) {
    const out = sink();
    const middleware = pinoHttp(loggerParams(config).pinoHttp as Options, out.stream);
    const server = createServer((req, res) => middleware(req, res, () => handler(req as IncomingMessage & { log: pino.Logger }, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { out, base, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('redacts personal fields at any depth, in objects, arrays and errors', async () => {
    const app = await serve((req, res) => {
      req.log.info({
        body: { applicant: { name: 'Ramesh', mobile: '9876543210', address: '12 Arera Colony' } },
        organisers: [{ contact: { mobile: '9123456780' } }],
        deep: { a: { b: { c: { d: { password: 'hunter2-hunter2', idLast4: '2346' } } } } },
        applicantMobile: '9876543210',
      });
      const err = Object.assign(new Error('gateway refused'), { response: { to: { mobile: '9123456780' }, address: 'Shahpura' } });
      req.log.error({ err }, 'sms failed');
      req.log.warn({ cause: err }, 'nested error');
      res.end('ok');
    });
    try {
      await fetch(`${app.base}/api/v1/anything`);
      const text = app.out.text();
      for (const secret of PERSONAL) expect(text).not.toContain(secret);
      const [info] = app.out.lines();
      expect(info).toMatchObject({ body: { applicant: { name: 'Ramesh', mobile: '[redacted]', address: '[redacted]' } } });
      expect(text).toContain('gateway refused');
    } finally {
      await app.close();
    }
  });

  it('prints no public slip or verify token in the access log, and the request id it was given', async () => {
    const app = await serve((_req, res) => res.end('ok'));
    try {
      await fetch(`${app.base}/api/v1/duty-slips/public/SLIPTOKEN.abc`, { headers: { 'x-request-id': 'req-slip-1' } });
      await fetch(`${app.base}/api/v1/duty-slips/public/SLIPTOKEN.abc/pdf`);
      await fetch(`${app.base}/s/SHORTSLIPTOKEN`);
      await fetch(`${app.base}/s/SHORTSLIPTOKEN/pdf`);
      await fetch(`${app.base}/verify/DOCID.DOCSIG`);
      await fetch(`${app.base}/api/v1/personnel?mobile=9876543210&unit=TT_NAGAR`);
      const text = app.out.text();
      for (const secret of PERSONAL) expect(text).not.toContain(secret);
      const urls = app.out.lines().map((l) => (l.req as { url: string }).url);
      expect(urls).toEqual([
        '/api/v1/duty-slips/public/[redacted]',
        '/api/v1/duty-slips/public/[redacted]/pdf',
        '/s/[redacted]',
        '/s/[redacted]/pdf',
        '/verify/[redacted]',
        '/api/v1/personnel?mobile=[redacted]&unit=TT_NAGAR',
      ]);
      expect(app.out.lines()[0]!.req).toMatchObject({ id: 'req-slip-1' });
    } finally {
      await app.close();
    }
  });
});

describe('scrubUrl and redactDeep', () => {
  it('keeps what is not a token', () => {
    expect(scrubUrl('/verify/upload')).toBe('/verify/upload');
    expect(scrubUrl('/api/v1/duty-slips/mine')).toBe('/api/v1/duty-slips/mine');
    expect(scrubUrl('/api/v1/dak?limit=5')).toBe('/api/v1/dak?limit=5');
  });

  it('survives cycles and refuses to walk forever', () => {
    const a: Record<string, unknown> = { mobile: '9876543210' };
    a.self = a;
    expect(redactDeep(a)).toEqual({ mobile: '[redacted]', self: '[circular]' });
    let deep: Record<string, unknown> = { mobile: '1' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(JSON.stringify(redactDeep(deep))).toContain('[too deep]');
  });
});
