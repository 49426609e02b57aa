import { ChildProcess, spawn } from 'node:child_process';
import { findFreePort } from '../../src/platform/database/embedded-postgres.launcher';
import { waitFor } from './databases';

export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the real entry point (src/main.ts) as its own process, as `npm start` does. */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: { ...pathOnly(), LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitFor(
        async () => (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.status === 200,
        { timeoutMs: 90_000, intervalMs: 200, what: `the app on port ${port} to be ready` },
      ),
      exited.then((code) => Promise.reject(new Error(`app exited with ${code} before it was ready`))),
    ]);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n--- app output ---\n${out}`, { cause: e });
  }
  return { child, baseUrl, output: () => out, exited };
}

/**
 * Runs the real entry point with settings it should refuse, and waits for it to exit
 * (within 60 s): its exit code and everything it printed.
 */
export async function bootExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: { ...pathOnly(), LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

/** The child gets only what it needs, so a DATABASE_URL or REDIS_URL in the test env cannot leak in. */
function pathOnly(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper reading arbitrary JSON
export async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
