import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AVAILABILITY_PHRASES,
  AvailabilityKind,
  AvailabilityService,
  OfficerCard,
  PersonnelDirectory,
} from '../../personnel';
import { Bandobast } from '../bandobast/bandobast.entity';
import { loadStructure, StructureTree } from '../bandobast/structure-tree';
import { BandobastPost, BandobastShift } from '../bandobast/structure.entity';
import { BandobastInstance, Post as SolverPost, Rank } from '../solver';
import { historyOf } from './duty-history';
import { Busy, solverOfficer, solverPost } from './solver-shapes';

const HOUR = 3600_000;

export interface ShiftPlace {
  shift: BandobastShift;
  post: BandobastPost;
  sectorCode: string;
  divisionCode: string;
}

export interface BuiltInstance {
  instance: BandobastInstance;
  tree: StructureTree;
  officersByBelt: Map<string, OfficerCard>;
  shiftsByCode: Map<string, ShiftPlace>;
  /** Pins that could no longer be kept (leave entered since, booked elsewhere, left the force). */
  releasedPins: Array<{ assignmentId: string; beltNo: string; shiftCode: string; reason: string }>;
}

/**
 * Turns the database's view of a bandobast into the solver's contract: the force of the
 * organising unit (minus the in-charges, who lead rather than stand), their leave and
 * their duties elsewhere as unavailable windows, 30-day history for fairness, and the pins.
 */
@Injectable()
export class InstanceBuilder {
  constructor(
    private readonly directory: PersonnelDirectory,
    private readonly availability: AvailabilityService,
  ) {}

  async build(
    em: EntityManager,
    bandobast: Bandobast,
    chartId: string,
    seed: number,
  ): Promise<BuiltInstance> {
    const tree = await loadStructure(em, this.directory, bandobast.id);
    const shiftsByCode = new Map<string, ShiftPlace>();
    const posts: SolverPost[] = [];
    const inCharges = new Set<string>();
    for (const d of tree.divisions) {
      if (d.inChargeOfficerId) inCharges.add(d.inChargeOfficerId);
      for (const s of d.sectors) {
        if (s.inChargeOfficerId) inCharges.add(s.inChargeOfficerId);
        for (const p of s.posts) {
          for (const shift of p.shifts)
            shiftsByCode.set(shift.code, {
              shift,
              post: p,
              sectorCode: s.code,
              divisionCode: d.code,
            });
          posts.push(solverPost(p, s.code));
        }
      }
    }
    const shifts = [...shiftsByCode.values()].map((x) => x.shift);
    const start = new Date(Math.min(...shifts.map((s) => s.startsAt.getTime())));
    const end = new Date(Math.max(...shifts.map((s) => s.endsAt.getTime())));
    const restMs = bandobast.minRestHours * HOUR;
    const from = new Date(start.getTime() - restMs);
    const to = new Date(end.getTime() + restMs);

    const pool = (await this.directory.pool(bandobast.unitId, em)).filter(
      (o) => !inCharges.has(o.id),
    );
    const busy = await this.busy(em, bandobast.id, from, to, restMs);
    const history = await historyOf(em, bandobast.id, start);
    const busyByOfficer = new Map<string, Busy[]>();
    for (const b of busy)
      busyByOfficer.set(b.officerId, [...(busyByOfficer.get(b.officerId) ?? []), b]);

    const officersByBelt = new Map(pool.map((o) => [o.beltNo, o]));
    const officers = pool.map((o) =>
      solverOfficer(o, busyByOfficer.get(o.id) ?? [], history.get(o.id)),
    );
    const { pinned, releasedPins } = await this.pins(em, chartId, pool, busyByOfficer, inCharges);
    const instance: BandobastInstance = {
      seed,
      rules: {
        minRestHours: bandobast.minRestHours,
        maxHoursPer24h: bandobast.maxHoursPer24h,
        higherRankMayFillLower: bandobast.higherRankMayFillLower,
      },
      officers,
      posts,
      pinned,
    };
    return { instance, tree, officersByBelt, shiftsByCode, releasedPins };
  }

  /**
   * Leave and duties in other bandobasts. Other duties are widened by the rest period on both
   * sides, because the solver only sees rest between the duties of this one chart.
   */
  private async busy(
    em: EntityManager,
    bandobastId: string,
    from: Date,
    to: Date,
    restMs: number,
  ): Promise<Busy[]> {
    const leave = (await this.availability.unavailable(null, from, to, em)).map((w) => ({
      officerId: w.officerId,
      from: w.from,
      to: w.to,
      why: AVAILABILITY_PHRASES[w.kind as AvailabilityKind] ?? 'unavailable',
    }));
    const elsewhere: Array<{ officer_id: string; f: Date; t: Date; ref: string }> = await em.query(
      `SELECT a.officer_id, lower(a.during) AS f, upper(a.during) AS t, b.ref
         FROM duty_assignment a JOIN bandobast b ON b.id = a.bandobast_id
        WHERE a.live AND a.bandobast_id <> $1 AND a.during && tstzrange($2, $3)`,
      [bandobastId, new Date(from.getTime() - restMs), new Date(to.getTime() + restMs)],
    );
    return [
      ...leave,
      ...elsewhere.map((e) => ({
        officerId: e.officer_id,
        from: new Date(e.f.getTime() - restMs),
        to: new Date(e.t.getTime() + restMs),
        why: `on duty in ${e.ref}`,
      })),
    ];
  }

  private async pins(
    em: EntityManager,
    chartId: string,
    pool: OfficerCard[],
    busy: Map<string, Busy[]>,
    inCharges: Set<string>,
  ) {
    const pinRows: Array<{
      id: string;
      officer_id: string;
      slot_rank: Rank;
      code: string;
      starts_at: Date;
      ends_at: Date;
    }> = await em.query(
      `SELECT a.id, a.officer_id, a.slot_rank, s.code, s.starts_at, s.ends_at
         FROM duty_assignment a JOIN bandobast_shift s ON s.id = a.shift_id
        WHERE a.chart_id = $1 AND a.pinned ORDER BY s.starts_at, s.code`,
      [chartId],
    );
    // Belt numbers come from personnel's directory (pinned officers may have left the pool).
    const belts = new Map(
      (await this.directory.byIds([...new Set(pinRows.map((p) => p.officer_id))], em)).map((o) => [
        o.id,
        o.beltNo,
      ]),
    );
    const rows = pinRows
      .map((p) => ({ ...p, belt_no: belts.get(p.officer_id)! }))
      .sort(
        (a, b) =>
          a.starts_at.getTime() - b.starts_at.getTime() ||
          byCodePoints(a.code, b.code) ||
          byCodePoints(a.belt_no, b.belt_no),
      );
    const inPool = new Set(pool.map((o) => o.id));
    const pinned: NonNullable<BandobastInstance['pinned']> = [];
    const releasedPins: BuiltInstance['releasedPins'] = [];
    for (const r of rows) {
      const clash = (busy.get(r.officer_id) ?? []).find(
        (b) => b.from < r.ends_at && b.to > r.starts_at,
      );
      const reason = inCharges.has(r.officer_id)
        ? 'now an in-charge of this bandobast'
        : !inPool.has(r.officer_id)
          ? 'no longer active in the organising unit'
          : clash
            ? `now ${clash.why}`
            : null;
      if (reason)
        releasedPins.push({ assignmentId: r.id, beltNo: r.belt_no, shiftCode: r.code, reason });
      else pinned.push({ officerId: r.belt_no, shiftId: r.code, slotRank: r.slot_rank });
    }
    return { pinned, releasedPins };
  }
}

/** Plain code-point order, as PostgreSQL's C collation sorts codes and belt numbers. */
const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
