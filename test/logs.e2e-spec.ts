import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, startAppProcess } from './support/app-process';
import { createTestDatabase, waitFor } from './support/databases';

/** The JSON lines the app printed (pino), skipping anything else. */
function logLines(app: AppProcess): Array<Record<string, unknown>> {
  return app
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

describe('what the running app writes to its logs (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-logs-'));
  let app: AppProcess;
  beforeAll(async () => {
    // Its stdout is a pipe, as under systemd or docker: whatever it prints lands in log files.
    app = await startAppProcess({ DATA_DIR: dataDir, DATABASE_URL: await createTestDatabase('logs'), LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    app.child.kill('SIGTERM');
    await app.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the first-run admin password in its 0600 file only, not in the output', async () => {
    const file = join(dataDir, 'initial-admin-password');
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await waitFor(async () => app.output().includes('created the initial admin account'), { what: 'the first-run log line' });
    expect(app.output()).not.toContain(password);
  });

  it('prints public slip and verify links without their tokens, under the request id it was given', async () => {
    const slipToken = 'eyJzbGlwIjoiMSJ9.SLIPSIGNATURE';
    const verifyToken = 'DOCUMENTID.VERIFYSIGNATURE';
    await fetch(`${app.baseUrl}/api/v1/duty-slips/public/${slipToken}`, { headers: { 'x-request-id': 'req-log-slip' } });
    await fetch(`${app.baseUrl}/verify/${verifyToken}`, { headers: { 'x-request-id': 'req-log-verify' } });
    const access = await waitFor(
      async () => {
        const lines = logLines(app).filter((l) => ['req-log-slip', 'req-log-verify'].includes((l.req as { id?: string } | undefined)?.id ?? ''));
        return new Set(lines.map((l) => (l.req as { id: string }).id)).size === 2 ? lines : undefined;
      },
      { what: 'both access-log lines', timeoutMs: 5000 },
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${app.output().slice(-3000)}`);
    });
    expect(new Set(access.map((l) => (l.req as { url: string }).url))).toEqual(new Set(['/api/v1/duty-slips/public/[redacted]', '/verify/[redacted]']));
    expect(app.output()).not.toContain('SLIPSIGNATURE');
    expect(app.output()).not.toContain('VERIFYSIGNATURE');
  });
});
