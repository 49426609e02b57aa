import { Module } from '@nestjs/common';
import { SharedRateLimitStore } from './rate-limit-store';

/** The throttlers' shared store (see SharedRateLimitStore), for ThrottlerModule.forRootAsync. */
@Module({ providers: [SharedRateLimitStore], exports: [SharedRateLimitStore] })
export class RateLimitModule {}
