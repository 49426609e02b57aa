import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { APP_CONFIG, AppConfig } from './config/config';
import { DAK_RETENTION, DakModule } from './modules/dak';
import { DutyChartsModule } from './modules/duty-charts';
import { PersonnelModule } from './modules/personnel';
import { PROTEST_RETENTION, ProtestsModule } from './modules/protests';
import { VERIFICATION_RETENTION, VerificationsModule } from './modules/verifications';
import { VipProgrammesModule } from './modules/vip-programmes';
import { AuditModule } from './platform/audit/audit.module';
import { AuthModule } from './platform/auth/auth.module';
import { ChangeModule } from './platform/change';
import { RequestContextMiddleware } from './platform/context/request-context.middleware';
import { dataSourceOptions } from './platform/database/data-source.options';
import { DatabaseModule } from './platform/database/database.module';
import { DATABASE_URL } from './platform/database/database.tokens';
import { DocumentsModule } from './platform/documents/documents.module';
import { EofficeModule } from './platform/eoffice/eoffice.module';
import { GeoModule } from './platform/geo';
import { HealthModule } from './platform/health/health.module';
import { ContentTypeMiddleware } from './platform/http/content-type.middleware';
import { AllExceptionsFilter } from './platform/http/http-exception.filter';
import { IdempotencyInterceptor } from './platform/http/idempotency.interceptor';
import { SharedRateLimitStore } from './platform/http/rate-limit-store';
import { RateLimitModule } from './platform/http/rate-limit.module';
import { throttlerOptions } from './platform/http/throttles';
import { loggerParams } from './platform/logging';
import { MetricsModule } from './platform/metrics';
import { NOTIFICATION_RETENTION } from './platform/notify';
import { NotifyModule } from './platform/notify/notify.module';
import { QueueModule } from './platform/queue/queue.module';
import { RetentionModule } from './platform/retention';
import { Clock, TimeModule } from './platform/time';
import { UnitsModule } from './platform/units/units.module';
import { WebAppModule } from './platform/web-app';

export interface AppRuntime {
  config: AppConfig;
  /** DATABASE_URL, or the URL of the embedded server main.ts started. */
  databaseUrl: string;
  /** Where log lines go instead of stdout (the e2e tests keep them, to scan them for personal data). */
  logStream?: DestinationStream;
  /** Where "now" comes from for the app's time rules; the machine's clock unless a test gives one. */
  clock?: Clock;
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    const { config, databaseUrl } = runtime;
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(config, runtime.logStream)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.DB_POOL_SIZE, config.DB_STATEMENT_TIMEOUT_MS), autoLoadEntities: false }),
        ThrottlerModule.forRootAsync({
          imports: [RateLimitModule],
          inject: [SharedRateLimitStore],
          useFactory: (storage: SharedRateLimitStore) =>
            throttlerOptions(
              {
                perAddress: config.RATE_LIMIT_PER_MINUTE,
                perLink: config.RATE_LIMIT_PER_LINK_PER_MINUTE,
                linksPerAddress: config.RATE_LIMIT_LINKS_PER_IP_PER_MINUTE,
              },
              storage,
            ),
        }),
        DatabaseModule,
        TimeModule.forRoot(runtime.clock),
        GeoModule,
        UnitsModule,
        AuditModule,
        AuthModule,
        QueueModule,
        EofficeModule,
        DocumentsModule,
        NotifyModule,
        ChangeModule,
        HealthModule,
        MetricsModule,
        WebAppModule,
        PersonnelModule,
        DakModule,
        DutyChartsModule,
        VipProgrammesModule,
        ProtestsModule,
        VerificationsModule,
        RetentionModule.forRules([PROTEST_RETENTION, VERIFICATION_RETENTION, DAK_RETENTION, NOTIFICATION_RETENTION]),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG, DATABASE_URL],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, ContentTypeMiddleware).forRoutes('{*splat}');
  }
}
