import { DynamicModule, Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RETENTION_RULES, RetentionService } from './retention.service';
import { RetentionRule } from './retention-rule';

/** Retention, given the rules of the modules that own personal data (app.module lists them). */
@Module({})
export class RetentionModule {
  static forRules(rules: readonly RetentionRule[]): DynamicModule {
    return {
      module: RetentionModule,
      controllers: [RetentionController],
      providers: [{ provide: RETENTION_RULES, useValue: rules }, RetentionService],
    };
  }
}
