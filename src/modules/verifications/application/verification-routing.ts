import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../../platform/auth';
import { fieldError } from '../../../platform/http';
import { Unit, UnitsService } from '../../../platform/units';
import { VerificationLocality } from '../entities/verification-locality.entity';
import { nameKey } from '../matching/name-key';
import { RoutedBy } from '../verification-terms';
import { OPEN_STATUSES } from '../verification-workflow';

export interface Routed {
  thana: Unit;
  routedBy: RoutedBy;
  note: string | null;
}

/**
 * Which thana an application goes to, and which verifier there. The thana is the one of the
 * present address: its locality in the register (in either script and any spelling: by name
 * key), else a thana whose own name the locality is; a person may send it elsewhere, with a
 * reason. The verifier is the thana's VERIFIER with the least open work.
 */
@Injectable()
export class VerificationRouting {
  constructor(
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  async thanaFor(em: EntityManager, locality: string, override?: { thanaCode: string; reason: string }, overrideField = 'routing.thanaCode'): Promise<Routed> {
    if (override) return { thana: await this.thanaByCode(em, override.thanaCode, overrideField), routedBy: 'OVERRIDE', note: override.reason };
    const key = nameKey(locality);
    if (key) {
      const known = await em.findOne(VerificationLocality, { where: { nameKey: key } });
      if (known) {
        const thana = await em.findOneOrFail(Unit, { where: { id: known.thanaUnitId } });
        if (thana.isActive) return { thana, routedBy: 'LOCALITY', note: `locality ${known.name}` };
      }
      const thanas = (await this.units.list(em)).filter((u) => u.kind === 'THANA' && u.isActive);
      const named = thanas.filter((t) => nameKey(t.nameEn) === key || nameKey(t.nameHi) === key);
      if (named.length === 1) return { thana: named[0]!, routedBy: 'THANA_NAME', note: null };
    }
    throw fieldError('presentAddress.locality', `presentAddress.locality "${locality}" is not in the locality register and is no thana's name; add it to the register or give routing.thanaCode`);
  }

  async thanaByCode(em: EntityManager, code: string, field: string): Promise<Unit> {
    const thana = await this.units.activeByCode(code, em, field);
    if (thana.kind !== 'THANA') throw fieldError(field, `${field} ${code} is not a thana`);
    return thana;
  }

  /**
   * The thana's verifier with the fewest open applications (then the fewest ever given, then by
   * id), or null when the thana has none: the application waits in the thana's queue. Callers
   * hold the thana's lock (`lockThana`), so two intakes at once do not both pick the same one.
   */
  async verifierFor(em: EntityManager, thana: Unit): Promise<string | null> {
    const ids = (await this.users.holders([thana.id], 'VERIFIER', em)).map((h) => h.id);
    if (ids.length === 0) return null;
    const loads: Array<{ assigned_to: string; open: number; total: number }> = await em.query(
      `SELECT assigned_to, count(*) FILTER (WHERE status = ANY($2))::int AS open, count(*)::int AS total
         FROM verification_application WHERE assigned_to = ANY($1) GROUP BY assigned_to`,
      [ids, OPEN_STATUSES],
    );
    const load = new Map(loads.map((l) => [l.assigned_to, l]));
    return [...ids].sort((a, b) => {
      const la = load.get(a);
      const lb = load.get(b);
      return (la?.open ?? 0) - (lb?.open ?? 0) || (la?.total ?? 0) - (lb?.total ?? 0) || (a < b ? -1 : 1);
    })[0]!;
  }

  /** Whether this user is an active VERIFIER of the thana. */
  async isVerifierOf(em: EntityManager, thana: Unit, userId: string): Promise<boolean> {
    return (await this.users.holders([thana.id], 'VERIFIER', em)).some((h) => h.id === userId);
  }

  /** Serialises assignments to one thana's verifiers until the transaction ends. */
  async lockThana(em: EntityManager, thana: Unit): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('verification-assign'), hashtext($1))`, [thana.id]);
  }
}
