import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';

/** Provides `CLOCK` (the system clock) everywhere; a test module may override it. */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class TimeModule {}
