import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/context';
import { ProtestList, ClashDetector, ShownClash } from '../protests';
import { Leg } from './leg';
import { legClashPoints } from './units-along-route';

export interface LegClashes {
  legKey: string;
  clashes: ShownClash[];
}

/**
 * What stands near each leg of a programme: protest events (and other VIP programmes) in the
 * same time window, found through the same clash sources a protest approver sees.
 */
@Injectable()
export class VipClashesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly detector: ClashDetector,
    private readonly protests: ProtestList,
  ) {}

  /** What `viewer` may see near each leg (the desk: everything). */
  async forLegs(viewer: Actor, programmeId: string, legs: Leg[]): Promise<LegClashes[]> {
    const out: LegClashes[] = [];
    for (const leg of legs) {
      const clashes = await this.detector.findFor(this.dataSource.manager, viewer, {
        startsAt: new Date(leg.start),
        endsAt: new Date(leg.end),
        venueId: null,
        points: legClashPoints(leg),
        excludeId: programmeId,
      });
      if (clashes.length) out.push({ legKey: leg.key, clashes });
    }
    return out;
  }

  /** Protests revoked because of this programme (the protest records the programme's reference). */
  revokedFor(ref: string): Promise<Array<{ id: string; ref: string; status: string }>> {
    return this.protests.revokedFor('VIP_PROGRAMME', ref);
  }
}
