import { CreateBandobastDto } from '../duty-charts';
import { fieldError } from '../../platform/http';
import { parseIstInstant } from '../../platform/time';
import { Leg } from './leg';
import { legPoints } from './units-along-route';

/** Staff a point from an hour before the convoy passes until half an hour after. */
const BEFORE_MS = 60 * 60_000;
const AFTER_MS = 30 * 60_000;
const MINUTE_MS = 60_000;

/**
 * A bandobast draft along a programme's route: one division, a sector per leg still to come at
 * `now`, a fixed point at each place the leg passes, one shift around the leg's window (from
 * the next minute when that window has begun, since a new shift may not start in the past).
 * A starting point for the duty officer, who then edits posts and requirements as usual.
 */
export function bandobastDraftFor(p: { ref: string; title: string; legs: Leg[] }, now: Date): CreateBandobastDto {
  // The next whole minute: a slip prints minutes, and the structure's own check reads the clock a moment later.
  const earliest = (Math.floor(now.getTime() / MINUTE_MS) + 1) * MINUTE_MS;
  const window = (leg: Leg) => ({
    start: new Date(Math.max(parseIstInstant(leg.start).getTime() - BEFORE_MS, earliest)),
    end: new Date(parseIstInstant(leg.end).getTime() + AFTER_MS),
  });
  const legs = p.legs.filter((leg) => window(leg).end > window(leg).start);
  if (legs.length === 0) throw fieldError('legs', 'every leg of this programme is over: there is nothing left to staff');
  return {
    nameEn: `${p.ref}: ${p.title}`.slice(0, 200),
    nameHi: `${p.ref}: ${p.title}`.slice(0, 200),
    kind: 'VIP_VISIT',
    briefing: `Draft from VIP programme ${p.ref}; edit posts and requirements before solving.`,
    divisions: [
      {
        code: 'D1',
        name: 'VIP route / अति विशिष्ट व्यक्ति मार्ग',
        sectors: legs.map((leg, i) => ({
          code: `S${i + 1}`,
          name: `${leg.from.name} → ${leg.to.name}`.slice(0, 200),
          posts: legPoints(leg).map((point, j) => ({
            code: `S${i + 1}-P${j + 1}`,
            name: point.name.slice(0, 200),
            kind: 'FIXED_POINT' as const,
            location: point.name.slice(0, 200),
            lat: point.lat,
            lng: point.lng,
            shifts: [
              {
                code: `S${i + 1}-P${j + 1}-A`,
                start: window(leg).start.toISOString(),
                end: window(leg).end.toISOString(),
                ranks: { HEAD_CONSTABLE: 1, CONSTABLE: 2 },
              },
            ],
          })),
        })),
      },
    ],
  } as CreateBandobastDto;
}
