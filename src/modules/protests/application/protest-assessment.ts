import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clash } from '../clash/clash-source';
import { ClashDetector } from '../clash/clash-detector.service';
import type { ProtestApplication } from '../entities/protest-application.entity';
import { ProtestVenue } from '../entities/protest-venue.entity';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { LIVE_STATUSES } from '../protest-workflow';
import { RestrictionCheck } from '../restrictions/restriction-hits';
import { evaluateRules } from '../rules/protest-rules';
import type { RuleResult } from '../rules/rule-result';

export interface Assessment {
  readonly rules: RuleResult[];
  readonly clashes: Clash[];
}

/**
 * What the DCP is shown about an application, computed now: restriction orders and other
 * events change after intake, so neither is frozen until the decision. Clashes are those of a
 * live application (received, awaiting or holding a permission): a refused, withdrawn or
 * revoked event stands in nobody's way, and nothing in its.
 */
@Injectable()
export class ProtestAssessment {
  constructor(
    private readonly clashes: ClashDetector,
    private readonly restrictions: RestrictionCheck,
    @Inject(PROTEST_SETTINGS) private readonly settings: ProtestSettings,
  ) {}

  /** `venue` when the caller has it already; otherwise it is loaded. */
  async assess(em: EntityManager, app: ProtestApplication, known?: ProtestVenue | null): Promise<Assessment> {
    const venue = known !== undefined ? known : app.venueId ? await em.findOneOrFail(ProtestVenue, { where: { id: app.venueId } }) : null;
    const restrictions = await this.restrictions.hits(em, app.startsAt, app.endsAt, app.geoPoints);
    const rules = evaluateRules(
      {
        receivedAt: app.receivedAt,
        startsAt: app.startsAt,
        endsAt: app.endsAt,
        expectedParticipants: app.expectedParticipants,
        loudspeaker: app.loudspeakerFrom && app.loudspeakerTo ? { from: app.loudspeakerFrom, to: app.loudspeakerTo } : null,
        venue,
        restrictions,
      },
      this.settings,
    );
    // Only an event still in play stands in anything's way (as the list's clash flag says); a
    // refused, withdrawn or revoked one keeps what was shown at its decision.
    const clashes = LIVE_STATUSES.includes(app.status)
      ? await this.clashes.find(em, { startsAt: app.startsAt, endsAt: app.endsAt, venueId: app.venueId, points: app.geoPoints, excludeId: app.id })
      : [];
    return { rules, clashes };
  }
}
