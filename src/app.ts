import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { json, NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule, AppRuntime } from './app.module';
import { dataSourceOptions } from './platform/database/data-source.options';
import { migrateUnderLock } from './platform/database/migrate';
import { AllExceptionsFilter } from './platform/http/http-exception.filter';
import { createValidationPipe } from './platform/http/validation';
import { BULL_BOARD_PATH, mountBullBoard } from './platform/queue/bull-board';

export const API_PREFIX = 'api/v1';

/** Applies pending migrations before the app starts using the schema. */
export async function migrateDatabase(databaseUrl: string, log: (m: string) => void): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    await migrateUnderLock(dataSource, log);
  } finally {
    await dataSource.destroy();
  }
}

/** Builds the fully configured app (not yet listening). Used by main.ts and by the e2e tests. */
export async function createApp(runtime: AppRuntime): Promise<INestApplication> {
  const quiet = runtime.config.LOG_LEVEL === 'silent';
  await migrateDatabase(runtime.databaseUrl, (m) => quiet || new NestLogger('Migrations').log(m));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', runtime.config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(json({ limit: runtime.config.JSON_BODY_LIMIT, strict: true }));
  // Body-parser errors (broken JSON, too large, bad charset) never reach Nest's filters.
  const errorShape = new AllExceptionsFilter();
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const body = errorShape.toBody(err);
    res.status(body.statusCode).json(body);
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready', 'verify/{*path}', 'verify'] });
  app.useGlobalPipes(createValidationPipe());

  const openapi = new DocumentBuilder()
    .setTitle('police-ops')
    .setDescription('Bhopal police operations: protest permissions, dak, verifications, VIP programmes, duty charts')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  mountBullBoard(app);
  if (!quiet) new NestLogger('App').log(`queue board at ${BULL_BOARD_PATH}`);
  return app;
}
