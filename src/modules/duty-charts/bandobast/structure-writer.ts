import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { fieldErrors, FieldProblem } from '../../../platform/http';
import { parseIstInstant } from '../../../platform/time';
import { OfficerCard, PersonnelDirectory } from '../../personnel';
import { DivisionDto } from './bandobast.dto';
import {
  BandobastDivision,
  BandobastPost,
  BandobastSector,
  BandobastShift,
} from './structure.entity';
import {
  canonicalSkills,
  checkStructure,
  DIVISION_IN_CHARGE_RANKS,
  ExistingCodes,
  SECTOR_IN_CHARGE_RANKS,
} from './structure-check';

export interface WrittenStructure {
  divisions: number;
  sectors: number;
  posts: number;
  shifts: number;
}

/** Checks a divisions → sectors → posts → shifts tree and inserts it in the caller's transaction. */
export async function writeStructure(
  em: EntityManager,
  directory: PersonnelDirectory,
  bandobastId: string,
  divisions: readonly DivisionDto[],
  now: Date,
): Promise<WrittenStructure> {
  const existing = await existingCodes(em, bandobastId);
  const problems = checkStructure(divisions, existing, now);
  const inCharges = await resolveInCharges(em, directory, divisions, problems);
  if (problems.length > 0) throw fieldErrors(problems.slice(0, 200));

  const offset = existing.divisions.size;
  const rows = {
    divisions: [] as BandobastDivision[],
    sectors: [] as BandobastSector[],
    posts: [] as BandobastPost[],
    shifts: [] as BandobastShift[],
  };
  divisions.forEach((d, di) => {
    const division = em.create(BandobastDivision, {
      id: randomUUID(),
      bandobastId,
      code: d.code,
      name: d.name,
      inChargeOfficerId: d.inCharge ? inCharges.get(key(d.inCharge))!.id : null,
      position: offset + di,
    });
    rows.divisions.push(division);
    d.sectors.forEach((s, si) => {
      const sector = em.create(BandobastSector, {
        id: randomUUID(),
        bandobastId,
        divisionId: division.id,
        code: s.code,
        name: s.name,
        inChargeOfficerId: s.inCharge ? inCharges.get(key(s.inCharge))!.id : null,
        position: si,
      });
      rows.sectors.push(sector);
      s.posts.forEach((p, pi) => {
        const post = em.create(BandobastPost, {
          id: randomUUID(),
          bandobastId,
          sectorId: sector.id,
          code: p.code,
          name: p.name,
          nameHi: p.nameHi?.trim() || null,
          kind: p.kind,
          location: p.location,
          lat: p.lat ?? null,
          lng: p.lng ?? null,
          equipment: p.equipment ?? null,
          briefing: p.briefing ?? null,
          position: pi,
        });
        rows.posts.push(post);
        for (const sh of p.shifts) {
          rows.shifts.push(
            em.create(BandobastShift, {
              id: randomUUID(),
              bandobastId,
              postId: post.id,
              code: sh.code,
              startsAt: parseIstInstant(sh.start),
              endsAt: parseIstInstant(sh.end),
              reportAt: sh.reportAt ? parseIstInstant(sh.reportAt) : null,
              ranks: Object.fromEntries(Object.entries(sh.ranks).filter(([, n]) => n > 0)),
              minWomen: sh.minWomen ?? 0,
              skills: canonicalSkills(sh.skills),
              armed: sh.armed ?? false,
            }),
          );
        }
      });
    });
  });
  // Chunks keep each INSERT well under PostgreSQL's 65,535 bind parameters.
  for (const [entity, list] of [
    [BandobastDivision, rows.divisions],
    [BandobastSector, rows.sectors],
    [BandobastPost, rows.posts],
    [BandobastShift, rows.shifts],
  ] as const) {
    for (let i = 0; i < list.length; i += 500)
      await em.insert(entity, list.slice(i, i + 500) as never);
  }
  return {
    divisions: rows.divisions.length,
    sectors: rows.sectors.length,
    posts: rows.posts.length,
    shifts: rows.shifts.length,
  };
}

const key = (beltNo: string) => beltNo.toUpperCase().replace(/\s+/g, '');

async function existingCodes(em: EntityManager, bandobastId: string): Promise<ExistingCodes> {
  const codes = async (table: string) =>
    new Set<string>(
      (await em.query(`SELECT code FROM ${table} WHERE bandobast_id = $1`, [bandobastId])).map(
        (r: { code: string }) => r.code,
      ),
    );
  return {
    divisions: await codes('bandobast_division'),
    sectors: await codes('bandobast_sector'),
    posts: await codes('bandobast_post'),
    shifts: await codes('bandobast_shift'),
  };
}

/** In-charges are named by belt number; each must exist and hold a rank fit to lead. */
async function resolveInCharges(
  em: EntityManager,
  directory: PersonnelDirectory,
  divisions: readonly DivisionDto[],
  problems: FieldProblem[],
): Promise<Map<string, OfficerCard>> {
  const wanted = divisions
    .flatMap((d) => [d.inCharge, ...d.sectors.map((s) => s.inCharge)])
    .filter((b): b is string => !!b);
  const found = new Map((await directory.byBeltNos(wanted, em)).map((o) => [key(o.beltNo), o]));
  const check = (beltNo: string | undefined, field: string, ranks: string[], role: string) => {
    if (!beltNo) return;
    const officer = found.get(key(beltNo));
    if (!officer)
      problems.push({ field, message: `${field}: no officer with belt number ${beltNo}` });
    else if (!ranks.includes(officer.rank))
      problems.push({
        field,
        message: `${field}: ${beltNo} is ${officer.rank}; a ${role} in-charge must be ${ranks.join(' or ')}`,
      });
  };
  divisions.forEach((d, di) => {
    check(d.inCharge, `divisions[${di}].inCharge`, DIVISION_IN_CHARGE_RANKS, 'division');
    d.sectors.forEach((s, si) =>
      check(
        s.inCharge,
        `divisions[${di}].sectors[${si}].inCharge`,
        SECTOR_IN_CHARGE_RANKS,
        'sector',
      ),
    );
  });
  return found;
}
