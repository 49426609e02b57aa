import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, CLOCK, systemClock } from './clock';

/**
 * Provides `CLOCK` everywhere: the system clock, or the one the app is created with (the e2e
 * tests pass a `fixedClock` to hold time rules a minute either side of IST midnight).
 */
@Global()
@Module({})
export class TimeModule {
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: TimeModule,
      providers: [{ provide: CLOCK, useValue: clock }],
      exports: [CLOCK],
    };
  }
}
