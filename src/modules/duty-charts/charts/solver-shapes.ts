import { OfficerCard } from '../../personnel';
import { BandobastPost, BandobastShift } from '../bandobast/structure.entity';
import { istIso } from '../../../platform/time';
import { Officer as SolverOfficer, Post as SolverPost, Rank } from '../solver';
import { OfficerHistory } from './duty-history';

/** A window in which the officer cannot serve, with the reason a person would give. */
export interface Busy {
  officerId: string;
  from: Date;
  to: Date;
  why: string;
}

export function solverPost(
  p: BandobastPost & { shifts: BandobastShift[] },
  sectorCode: string,
): SolverPost {
  return {
    id: p.code,
    sector: sectorCode,
    ...(p.lat !== null && p.lng !== null ? { location: { lat: p.lat, lng: p.lng } } : {}),
    shifts: p.shifts.map((s) => {
      const total = Object.values(s.ranks).reduce((a, n) => a + (n ?? 0), 0);
      // "Armed" means everyone on the shift: as a skill minimum, that is the head count.
      const skills = s.armed
        ? { ...s.skills, armed: Math.max(s.skills.armed ?? 0, total) }
        : s.skills;
      return {
        id: s.code,
        start: istIso(s.startsAt),
        end: istIso(s.endsAt),
        require: { ranks: s.ranks, minWomen: s.minWomen, skills },
      };
    }),
  };
}

export function solverOfficer(
  o: OfficerCard,
  busy: Busy[],
  history: OfficerHistory | undefined,
): SolverOfficer {
  return {
    id: o.beltNo,
    rank: o.rank as Rank,
    gender: o.gender,
    unit: o.unitCode,
    skills: o.skills,
    ...(o.lat !== null && o.lng !== null ? { location: { lat: o.lat, lng: o.lng } } : {}),
    unavailable: busy.map((b) => ({ from: istIso(b.from), to: istIso(b.to) })),
    history: history ?? { dutyHours30d: 0, nightDuties30d: 0 },
  };
}
