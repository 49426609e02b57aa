import { Server } from 'node:http';
import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { json, NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule, AppRuntime } from './app.module';
import { apiDocsArePublic, ConfigError } from './config/config';
import { bearerToken } from './platform/auth/auth.guard';
import { SessionCheck } from './platform/auth/session-check';
import { dataSourceOptions } from './platform/database/data-source.options';
import { AppRole, prepareAppRole } from './platform/database/app-role';
import { migrateUnderLock } from './platform/database/migrate';
import { migrateQueueSchema } from './platform/queue/queue.backend';
import { AllExceptionsFilter } from './platform/http/http-exception.filter';
import { createValidationPipe } from './platform/http/validation';
import { noStore, securityHeaders, thirdPartyUiCsp } from './platform/http/security-headers';
import { jsonDepthLimit } from './platform/http/input-guard';
import { pathEncodingCheck } from './platform/http/path-encoding';
import { BULL_BOARD_PATH, mountBullBoard } from './platform/queue/bull-board';
import { webAppDir, webAppHandlers } from './platform/web-app';

export const API_PREFIX = 'api/v1';
/** Routes outside /api/v1; `/s/<token>` is the duty-slip link in SMS, short because every character of it counts; `/fonts` the public pages' font; `/metrics` Prometheus' scrape. */
export const OUTSIDE_API_PREFIX = ['health', 'health/ready', 'verify/{*path}', 'verify', 's/{*path}', 'fonts/{*path}', 'metrics'];

/** The routes' prefix, set the same way on the served app and on the one `npm run web:schema` reads. */
export function applyApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: OUTSIDE_API_PREFIX });
}

/** The OpenAPI document of the app's routes (served at /api/docs-json; typed into web/src/api/schema.d.ts). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const openapi = new DocumentBuilder()
    .setTitle('police-ops')
    .setDescription('Bhopal police operations: protest permissions, dak, verifications, VIP programmes, duty charts')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, openapi);
}

export interface MigrateOptions {
  /** DATABASE_APP_URL: the role the app runs as, if given. */
  appUrl?: string;
  /** The BullMQ schema is migrated too when the queues run on PostgreSQL. */
  queueOnPostgres?: boolean;
}

/**
 * Applies pending migrations as the owner, before the app starts using the schema, then
 * prepares the role the app runs as (no DDL; the audit trail append-only) and returns it.
 */
export async function migrateDatabase(databaseUrl: string, log: (m: string) => void, options: MigrateOptions = {}): Promise<AppRole> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    const role = await migrateUnderLock(dataSource, log, async () => {
      if (options.queueOnPostgres ?? true) await migrateQueueSchema(databaseUrl, log);
      return prepareAppRole(dataSource, databaseUrl, options.appUrl);
    });
    return role!;
  } finally {
    await dataSource.destroy();
  }
}

/**
 * How long an idle keep-alive connection is held. Longer than the 60 s idle timeout of the usual
 * reverse proxies and longer than any client's own, so that the client or proxy always closes an
 * idle connection first: when the server closes first, a request sent on that connection at the
 * same moment fails with "socket hang up" (a proxy answers 502). Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function holdIdleConnections(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // A request's headers must be allowed to take longer than the idle wait (Node's rule).
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

/** Builds the fully configured app (not yet listening). Used by main.ts and by the e2e tests. */
export async function createApp(runtime: AppRuntime): Promise<INestApplication> {
  // Boot messages print before the app's logger exists; a caller that collects the logs (the
  // e2e tests) gets the app's own lines only.
  const quiet = runtime.config.LOG_LEVEL === 'silent' || runtime.logStream !== undefined;
  const role = await migrateDatabase(runtime.databaseUrl, (m) => quiet || new NestLogger('Migrations').log(m), {
    appUrl: runtime.config.DATABASE_APP_URL,
    queueOnPostgres: !runtime.config.REDIS_URL,
  });
  if (!role.separate && runtime.config.NODE_ENV === 'production') {
    throw new ConfigError([
      `DATABASE_APP_URL: required in production when the DATABASE_URL role (${role.role}) may not create roles: give a role without DDL rights, so the app cannot rewrite the audit trail`,
    ]);
  }
  if (!role.separate && !quiet) {
    new NestLogger('Database').warn(
      `the app runs as the database owner (${role.role}): the audit trail is protected by triggers only. Set DATABASE_APP_URL to a role without DDL rights.`,
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...runtime, databaseUrl: role.url }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', runtime.config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(securityHeaders({ https: runtime.config.BASE_URL.startsWith('https:') }));
  app.use(`/${API_PREFIX}`, noStore());
  app.use('/api/docs', thirdPartyUiCsp());
  app.use(pathEncodingCheck());
  app.use(json({ limit: runtime.config.JSON_BODY_LIMIT, strict: true }));
  app.use(jsonDepthLimit());
  // Body-parser errors (broken JSON, too large, bad charset) never reach Nest's filters.
  const errorShape = new AllExceptionsFilter();
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const body = errorShape.toBody(err);
    res.status(body.statusCode).json(body);
  });
  applyApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());

  // The browser app at `/`; its fallback leaves /api, /verify, /health and /admin/queues alone.
  const web = webAppHandlers({ dir: webAppDir(), tileSource: runtime.config.web.mapTileSource });
  app.use('/assets', web.assets);
  app.use(web.page);
  if (!web.built && !quiet) new NestLogger('App').warn('the web app is not built (dist/web): `npm run build` builds it');
  if (!apiDocsArePublic(runtime.config)) {
    // Production: the API's map is for logged-in users only (API_DOCS; README "OpenAPI").
    const sessions = app.get(SessionCheck);
    app.use(['/api/docs', '/api/docs-json', '/api/docs-yaml'], (req: Request, res: Response, next: NextFunction) => {
      const token = bearerToken(req);
      const refuse = () => res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'The API documentation needs a login: send Authorization: Bearer <token>' });
      if (!token) return refuse();
      sessions.verify(token).then((claims) => (claims ? next() : refuse()), next);
    });
  }
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  holdIdleConnections(app);
  mountBullBoard(app);
  if (!quiet) new NestLogger('App').log(`queue board at ${BULL_BOARD_PATH}`);
  return app;
}
