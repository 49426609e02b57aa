import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { Role } from '../../src/platform/auth/roles';
import { TransactionService } from '../../src/platform/database/transaction.service';
import type { Clock } from '../../src/platform/time';
import { UnitsService } from '../../src/platform/units/units.service';
import { UsersService } from '../../src/platform/auth/users.service';
import { keepPdfs, logStream } from './artifacts';
import { createMigratedTestDatabase } from './databases';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  databaseUrl: string;
  dataDir: string;
  /**
   * Creates (once) a user with exactly these roles in `unitCode`, and returns a bearer token;
   * `name` tells apart several users of the same roles and unit (two verifiers of one thana).
   */
  tokenFor(roles: Role[], unitCode?: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface BootOptions {
  /** The app's clock (`fixedClock(…)`), for time rules; the machine's clock by default. */
  clock?: Clock;
}

/** Boots the real AppModule on a fresh database. Pass env overrides as strings, as in production. */
export async function bootTestApp(env: Record<string, string> = {}, existingDatabaseUrl?: string, options: BootOptions = {}): Promise<TestApp> {
  const databaseUrl = existingDatabaseUrl ?? (await createMigratedTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-e2e-'));
  // The app logs at info into test/artifacts/logs (scanned for personal data at the end of the
  // run), or to the console at TEST_LOG_LEVEL.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '100000',
    // A test app lives seconds and most never draw a paper: the fonts load on the first one.
    PDF_WARM_UP: 'false',
    ...env,
  });
  // Named by the test file (jest's expect knows it; the build of test/support has no jest types).
  const testPath = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState().testPath;
  const artifactName = `${basename(testPath ?? 'test', '.e2e-spec.ts')}-${basename(dataDir)}`;
  const logs = process.env.TEST_LOG_LEVEL ? undefined : logStream(artifactName);
  const app = await createApp({ config, databaseUrl, logStream: logs, clock: options.clock });
  const handler = app.getHttpAdapter().getInstance() as RequestListener;
  const http = request.agent(keepPdfs(handler, artifactName));
  await ensureTestUnits(app);
  const tokens = new Map<string, string>();

  return {
    app,
    http,
    databaseUrl,
    dataDir,
    async tokenFor(roles, unitCode = 'BPL', name) {
      const username = `t_${roles.join('_').toLowerCase()}_${unitCode.toLowerCase()}${name ? `_${name}` : ''}`.slice(0, 60);
      const cached = tokens.get(username);
      if (cached) return cached;
      const users = app.get(UsersService);
      const units = app.get(UnitsService);
      await app.get(TransactionService).run(async (em) => {
        const unit = await units.byCode(unitCode, em);
        await users.insert(em, {
          username,
          displayNameEn: username,
          displayNameHi: 'परीक्षण उपयोगकर्ता',
          rank: 'SI',
          unitId: unit.id,
          roles,
          password: TEST_PASSWORD,
          mustChangePassword: false,
        });
      });
      const res = await http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      // The log file stays open: a timer of the closed app may still log a line.
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small slice of the Bhopal tree: commissionerate → zone → ACP circle → thanas. */
async function ensureTestUnits(app: INestApplication): Promise<void> {
  const units = app.get(UnitsService);
  await app.get(TransactionService).run(async (em) => {
    const existing = await units.list();
    if (existing.some((u) => u.code === 'ZONE_1')) return;
    await units.create(em, { code: 'ZONE_1', kind: 'ZONE', nameEn: 'Zone-1', nameHi: 'ज़ोन-1', parentCode: 'BPL' });
    await units.create(em, { code: 'ZONE_2', kind: 'ZONE', nameEn: 'Zone-2', nameHi: 'ज़ोन-2', parentCode: 'BPL' });
    await units.create(em, { code: 'ACP_TT_NAGAR', kind: 'DIVISION', nameEn: 'ACP TT Nagar', nameHi: 'एसीपी टीटी नगर', parentCode: 'ZONE_1' });
    await units.create(em, { code: 'TT_NAGAR', kind: 'THANA', nameEn: 'TT Nagar', nameHi: 'टीटी नगर', parentCode: 'ACP_TT_NAGAR', lat: 23.2345, lng: 77.4 });
    await units.create(em, { code: 'KAMLA_NAGAR', kind: 'THANA', nameEn: 'Kamla Nagar', nameHi: 'कमला नगर', parentCode: 'ACP_TT_NAGAR', lat: 23.219, lng: 77.3915 });
    await units.create(em, { code: 'MP_NAGAR', kind: 'THANA', nameEn: 'MP Nagar', nameHi: 'एमपी नगर', parentCode: 'ZONE_2', lat: 23.2325, lng: 77.4285 });
  });
}
