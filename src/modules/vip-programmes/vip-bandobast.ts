import { CreateBandobastDto } from '../duty-charts';
import { Leg } from './leg';
import { legPoints } from './units-along-route';

/** Staff a point from an hour before the convoy passes until half an hour after. */
const BEFORE_MS = 60 * 60_000;
const AFTER_MS = 30 * 60_000;

/**
 * A bandobast draft along a programme's route: one division, a sector per leg, a fixed point
 * at each place the leg passes, one shift around the leg's window. A starting point for the
 * duty officer, who then edits posts and requirements as usual.
 */
export function bandobastDraftFor(p: { ref: string; title: string; legs: Leg[] }): CreateBandobastDto {
  return {
    nameEn: `${p.ref}: ${p.title}`.slice(0, 200),
    nameHi: `${p.ref}: ${p.title}`.slice(0, 200),
    kind: 'VIP_VISIT',
    briefing: `Draft from VIP programme ${p.ref}; edit posts and requirements before solving.`,
    divisions: [
      {
        code: 'D1',
        name: 'VIP route / अति विशिष्ट व्यक्ति मार्ग',
        sectors: p.legs.map((leg, i) => ({
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
                start: new Date(Date.parse(leg.start) - BEFORE_MS).toISOString(),
                end: new Date(Date.parse(leg.end) + AFTER_MS).toISOString(),
                ranks: { HEAD_CONSTABLE: 1, CONSTABLE: 2 },
              },
            ],
          })),
        })),
      },
    ],
  } as CreateBandobastDto;
}
