import { Controller, Get, INestApplication, Injectable, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase } from '../src/app';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/config';
import { Roles } from '../src/platform/auth/decorators';
import { JobHandler } from '../src/platform/queue/job-handler.decorator';
import { JobName, JOBS } from '../src/platform/queue/jobs';
import { createTestDatabase } from './support/databases';

/**
 * The checks that stop the boot, exercised the way a mistake would reach them: the real
 * AppModule plus one wrongly wired piece. Had the check been unwired, these boots would succeed.
 */
describe('boot checks (e2e)', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    await migrateDatabase(databaseUrl, () => undefined);
  });

  /** Initialises the real AppModule with extra controllers/providers; resolves to the boot error. */
  async function bootError(extra: {
    controllers?: Type[];
    providers?: Type[];
  }): Promise<Error | undefined> {
    const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-boot-'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    class WithOneMistake {}
    Module({ imports: [AppModule.forRoot({ config, databaseUrl })], ...extra })(WithOneMistake);
    let app: INestApplication | undefined;
    try {
      app = await NestFactory.create(WithOneMistake, {
        logger: false,
        abortOnError: false,
        bodyParser: false,
      });
      await app.init();
      return undefined;
    } catch (e) {
      return e as Error;
    } finally {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('refuses to start with a route that declares neither @Roles nor @Public, and names it', async () => {
    @Controller('stray')
    class StrayController {
      @Get('guarded')
      @Roles('ADMIN')
      guarded(): string {
        return 'ok';
      }

      @Get('forgotten')
      forgotten(): string {
        return 'open to anyone';
      }
    }
    const error = await bootError({ controllers: [StrayController] });
    // Exactly the one forgotten route: every route of the real app declares its access.
    expect(error?.message).toBe('Routes without @Roles() or @Public(): StrayController.forgotten');
  });

  describe('with a job declared in JOBS that no provider handles', () => {
    const jobs = JOBS as Record<string, unknown>;
    beforeAll(() => {
      jobs['stray-job'] = { queue: 'maintenance', concurrency: () => 1 };
    });
    afterAll(() => {
      delete jobs['stray-job'];
    });

    it('refuses to start and names the job', async () => {
      const error = await bootError({});
      // Only the stray job: every real declared job has its handler.
      expect(error?.message).toBe('Declared jobs without a @JobHandler: stray-job');
    });
  });

  it('refuses to start with a @JobHandler for a job that is not declared', async () => {
    @Injectable()
    class StrayWorker {
      @JobHandler('not-declared' as JobName)
      async handle(): Promise<void> {}
    }
    const error = await bootError({ providers: [StrayWorker] });
    expect(error?.message).toBe(
      "@JobHandler('not-declared') names a job that is not declared in JOBS",
    );
  });
});
