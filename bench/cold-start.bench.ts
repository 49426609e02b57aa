/**
 * Time from `node dist/src/main.js` to GET /health/ready = 200 on the embedded PostgreSQL:
 * cold (empty DATA_DIR: initdb, migrations, first-run admin) and warm (existing data).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../src/platform/database/embedded-postgres.launcher';

async function timeToReady(dataDir: string): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    // The README's first command: the embedded default, which NODE_ENV=production refuses.
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      if (res?.status === 200) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error('not ready after 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-start-'));
  try {
    const cold = await timeToReady(dataDir);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timeToReady(dataDir));
    console.log(`startup.coldToReady.ms: ${cold.toFixed(0)}`);
    console.log(`startup.warmToReady.ms: ${Math.min(...warm).toFixed(0)} (best of 3)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
