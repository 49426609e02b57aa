/**
 * The criminal-records index imported from a CSV file of 1,000,000 rows
 * (BENCH_RECORDS_IMPORT_ROWS) through the API, as an admin does it: the upload and its
 * preview (read as it arrives, checked and keyed row by row, staged), then the confirmation
 * (the staged rows entered into the index with its trigram and blocking indexes). Prints the
 * time of each step and the process's peak memory, which must not grow with the file.
 */
import 'reflect-metadata';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { peopleWriter } from '../src/modules/verifications/matching/testing/generated-people';
import { UsersService } from '../src/platform/auth/users.service';
import { TransactionService } from '../src/platform/database/transaction.service';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { UnitsService } from '../src/platform/units/units.service';

const ROWS = Number(process.env.BENCH_RECORDS_IMPORT_ROWS ?? 1_000_000);
const PASSWORD = 'bench-horse-battery-staple';

async function writeIndexFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const w = peopleWriter(20_261_201);
  out.write('\uFEFFname,father_name,dob,age,age_on,address,fir_ref,police_station,sections\r\n');
  for (let j = 0; j < ROWS; j++) {
    const { name, relative, birth, address, policeStation, sections } = w.record(w.person());
    const dob = birth && 'dob' in birth ? birth.dob : '';
    const age = birth && 'age' in birth ? String(birth.age) : '';
    const ageOn = birth && 'age' in birth ? birth.on : '';
    const line = [name, relative ?? '', dob, age, ageOn, address ?? '', `${j + 1}/${2005 + (j % 20)}`, policeStation, sections ?? '']
      .map(quote)
      .join(',');
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-import-'));
  const db = new EmbeddedDatabase({ dataDir });
  const url = await db.start();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const file = join(dataDir, 'index.csv');
    const genStart = performance.now();
    await writeIndexFile(file);
    const mb = statSync(file).size / 1024 / 1024;
    console.log(`records.import.file: ${ROWS} rows, ${mb.toFixed(0)} MB (written in ${((performance.now() - genStart) / 1000).toFixed(1)} s)`);

    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '100000' });
    const app = await createApp({ config, databaseUrl: url });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    await app.get(TransactionService).run(async (em) => {
      const unit = await app.get(UnitsService).byCode('BPL', em);
      await app.get(UsersService).insert(em, {
        username: 'bench.admin',
        displayNameEn: 'Bench admin',
        displayNameHi: 'बेंच एडमिन',
        rank: 'SI',
        unitId: unit.id,
        roles: ['ADMIN'],
        password: PASSWORD,
        mustChangePassword: false,
      });
    });
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.admin', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;

    const form = new FormData();
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'index.csv');
    const previewStart = performance.now();
    const res = await fetch(`${base}/verifications/records-index/imports`, { method: 'POST', headers: auth, body: form });
    const preview = (await res.json()) as { id: string; totalRows: number; goodRows: number; badRows: number; errors: unknown[] };
    const previewSeconds = (performance.now() - previewStart) / 1000;
    if (res.status !== 201) throw new Error(`preview answered ${res.status}: ${JSON.stringify(preview).slice(0, 500)}`);
    console.log(
      `records.import.preview: ${previewSeconds.toFixed(1)} s (${Math.round(preview.totalRows / previewSeconds)} rows/s); ${preview.goodRows} good, ${preview.badRows} refused`,
    );
    if (preview.badRows) console.log(`  first errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);

    const confirmStart = performance.now();
    const confirm = await fetch(`${base}/verifications/records-index/imports/${preview.id}/confirm`, { method: 'POST', headers: auth });
    const applied = (await confirm.json()) as { appliedRows: number };
    const confirmSeconds = (performance.now() - confirmStart) / 1000;
    if (confirm.status !== 200) throw new Error(`confirm answered ${confirm.status}: ${JSON.stringify(applied).slice(0, 500)}`);
    console.log(`records.import.confirm: ${confirmSeconds.toFixed(1)} s, ${applied.appliedRows} rows entered`);
    console.log(
      `records.import.memory: peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (${((peakRss - rssBefore) / 1024 / 1024).toFixed(0)} MB over the booted app's ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`,
    );
    await app.close();
  } finally {
    clearInterval(sampler);
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
