import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '../../../platform/context';
import { inUnitSubtree, type Unit } from '../../../platform/units';
import type { VerificationAppeal } from '../entities/verification-appeal.entity';
import type { VerificationApplication } from '../entities/verification-application.entity';
import type { AppealLevel } from '../verification-terms';

/**
 * Who decides what, from the roles and units that exist (the app has no rank-bound roles):
 *
 * - the sign-off and a certificate's withdrawal: an APPROVER whose unit is the thana's ACP circle
 *   or above (the DSP, an ACP in the commissionerate), never the thana itself;
 * - a first appeal (the Addl. SP, an ADCP): an APPROVER whose unit is the thana's zone or the
 *   commissionerate, who did not sign the decision off;
 * - a second appeal (the SP, a DCP): the same level, who neither signed it off nor decided the
 *   first appeal. In the commissionerate the ADCP and the DCP both sit at the zone, so the
 *   second appeal's independence is by person.
 *
 * The workflow table names the role; these rules add the level and the independence. All of
 * them come after the need-to-know check (the user reads the application: its chain).
 */
export function mayDecideAtCircle(actor: Pick<Actor, 'unitPath'>, thana: Pick<Unit, 'path'>, what: string): void {
  if (thana.path === actor.unitPath) throw new ForbiddenException(`${what} is for the circle's DSP or above, not the thana`);
}

export function mayDecideAppeal(
  actor: Pick<Actor, 'id'>,
  actorUnit: Pick<Unit, 'kind' | 'path'>,
  thana: Pick<Unit, 'path'>,
  app: Pick<VerificationApplication, 'ref' | 'signedOffBy'>,
  level: AppealLevel,
  first: Pick<VerificationAppeal, 'decidedBy'> | null,
): void {
  const authority = level === 'FIRST' ? 'the Addl. SP (an APPROVER of its zone or the commissionerate)' : 'the SP (an APPROVER of its zone or the commissionerate)';
  if (!(actorUnit.kind === 'ZONE' || actorUnit.kind === 'COMMISSIONERATE') || !inUnitSubtree(thana.path, actorUnit.path)) {
    throw new ForbiddenException(`The ${level.toLowerCase()} appeal on ${app.ref} is decided by ${authority}`);
  }
  if (app.signedOffBy === actor.id) throw new ForbiddenException(`You signed ${app.ref} off: its appeal is for another officer`);
  if (level === 'SECOND' && first?.decidedBy === actor.id) throw new ForbiddenException(`You decided the first appeal on ${app.ref}: the second is for another officer`);
}
