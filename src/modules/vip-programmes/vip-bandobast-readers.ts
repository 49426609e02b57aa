import { Injectable } from '@nestjs/common';
import { Actor } from '../../platform/context';
import { BandobastReaders, BandobastReadersProvider } from '../duty-charts';
import { isDesk } from './vip-access';
import { VipReadService } from './vip-read.service';
import { VIP_SOURCE } from './vip-programmes.service';

/**
 * A bandobast drafted from a programme carries its route, points and times: it is read only by
 * the VIP desk and by the duty officers of the units the programme's current revision
 * concerns. Everyone else (ADMIN and AUDITOR included) gets 404 for it, on every bandobast path.
 */
@BandobastReadersProvider()
@Injectable()
export class VipBandobastReaders implements BandobastReaders {
  readonly sourceType = VIP_SOURCE;

  constructor(private readonly reads: VipReadService) {}

  async readable(actor: Actor, programmeIds: readonly string[]): Promise<Set<string>> {
    if (isDesk(actor)) return new Set(programmeIds);
    if (!actor.roles.includes('DUTY_OFFICER')) return new Set();
    return this.reads.concerning(actor, programmeIds);
  }
}
