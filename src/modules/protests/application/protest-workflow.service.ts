import { ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Change, Drawing } from '../../../platform/change';
import { Actor } from '../../../platform/context';
import { fieldError } from '../../../platform/http';
import { inUnitSubtree, Unit } from '../../../platform/units';
import { StandardConditions } from '../conditions/standard-conditions';
import { ApproveDto, LETTER_PREVIEW_FIELDS, LetterPreviewDto, RejectDto, RequestThanaReportDto, RevokeDto, ThanaReportDto, WithdrawDto } from '../dto/transitions.dto';
import { DrawnLetter, ProtestLetters } from '../letters/protest-letters.service';
import { ProtestAssessment } from './protest-assessment';
import type { ProtestApplication } from '../entities/protest-application.entity';
import { ProtestTransitioner, Step } from './protest-transitioner';

/** The workflow's actions. Who may call each is in PROTEST_WORKFLOW; what each records is here. */
@Injectable()
export class ProtestWorkflow {
  constructor(
    private readonly transitioner: ProtestTransitioner,
    private readonly assessment: ProtestAssessment,
    private readonly conditions: StandardConditions,
    private readonly letters: ProtestLetters,
  ) {}

  requestThanaReport(actor: Actor, id: string, dto: RequestThanaReportDto): Promise<ProtestApplication> {
    return this.transitioner.move(actor, id, 'requestThanaReport', dto.version, {
      apply: async (em, app) => {
        const thana = await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
        Object.assign(app, { thanaReportRequestedAt: new Date(), thanaReportRequestedBy: actor.id, thanaReportNote: dto.note ?? null });
        return { thana: thana.code, note: dto.note ?? null };
      },
    });
  }

  /** Entered by a user of the application's own thana: not its ACP circle, not a neighbour. */
  submitThanaReport(actor: Actor, id: string, dto: ThanaReportDto): Promise<ProtestApplication> {
    return this.transitioner.move(actor, id, 'submitThanaReport', dto.version, {
      apply: async (em, app) => {
        const thana = await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
        if (!inUnitSubtree(actor.unitPath, thana.path)) {
          throw new ForbiddenException(`Only a user of ${thana.nameEn} thana may enter its report on ${app.ref}`);
        }
        Object.assign(app, { thanaRecommendation: dto.recommendation, thanaReport: dto.report, thanaReportedBy: actor.id, thanaReportedAt: new Date() });
        return { recommendation: dto.recommendation };
      },
    });
  }

  /** Late applications need a stated reason; the rules and clashes shown are kept with the decision. */
  approve(actor: Actor, id: string, dto: ApproveDto): Promise<ProtestApplication> {
    return this.transitioner.move(actor, id, 'approve', dto.version, this.approval(actor, dto));
  }

  reject(actor: Actor, id: string, dto: RejectDto): Promise<ProtestApplication> {
    return this.transitioner.move(actor, id, 'reject', dto.version, this.refusal(actor, dto));
  }

  /**
   * The letter approve or reject would issue with this body, drawn by the same steps as a
   * draft: marked on every page, no QR, nothing stored, sent, audited or moved. Not a view of
   * anything the record does not already show, so, like the letters' own GET, not audited.
   */
  async previewLetter(actor: Actor, id: string, dto: LetterPreviewDto): Promise<{ filename: string; bytes: Buffer }> {
    for (const field of LETTER_PREVIEW_FIELDS[dto.decision === 'approve' ? 'reject' : 'approve']) {
      if (dto[field] !== undefined) throw fieldError(field, `${field} is not part of ${dto.decision === 'approve' ? 'an approval' : 'a refusal'}`);
    }
    const letter =
      dto.decision === 'approve'
        ? await this.transitioner.preview(actor, id, 'approve', dto.version, this.approval(actor, dto))
        : await this.transitioner.preview(actor, id, 'reject', dto.version, this.refusal(actor, dto));
    const { rendered, request } = letter.paper;
    if (!rendered) throw new Error('a draft letter is always rendered');
    return { filename: `${request.sourceRef.replace(/\//g, '-')}-${letter.kind.toLowerCase()}-draft.pdf`, bytes: rendered.pdf };
  }

  private approval(actor: Actor, dto: ApproveDto) {
    return {
      apply: async (em: EntityManager, app: ProtestApplication) => {
        if (app.isLate && !dto.lateOverrideReason) {
          throw fieldError('lateOverrideReason', `lateOverrideReason is required: ${app.ref} was received ${app.leadTimeHours} h before the start, less than the required lead time`);
        }
        const { rules, clashes } = await this.assessment.assess(em, app);
        Object.assign(app, {
          conditions: this.conditions.pick(dto.conditionKeys, dto.extraConditions ?? []),
          lateOverrideReason: dto.lateOverrideReason ?? null,
          rulesAtDecision: rules,
          clashesAtDecision: clashes,
          decidedAt: new Date(),
          decidedBy: actor.id,
        });
        const failed = rules.filter((r) => !r.ok).map((r) => r.rule);
        return { conditionKeys: dto.conditionKeys, extraConditions: dto.extraConditions?.length ?? 0, lateOverrideReason: app.lateOverrideReason, rulesFailed: failed, clashes: clashes.map((c) => c.ref) };
      },
      draw: (d: Drawing, app: ProtestApplication) => this.letters.draw(d, 'PERMISSION', app, actor),
      after: async (change: Change, app: ProtestApplication, letter: DrawnLetter) => {
        await this.letters.store(change, app, letter);
      },
    } satisfies Step<DrawnLetter>;
  }

  private refusal(actor: Actor, dto: RejectDto) {
    return {
      apply: async (em: EntityManager, app: ProtestApplication) => {
        const { rules, clashes } = await this.assessment.assess(em, app);
        Object.assign(app, { grounds: dto.grounds, rulesAtDecision: rules, clashesAtDecision: clashes, decidedAt: new Date(), decidedBy: actor.id });
        return { grounds: dto.grounds };
      },
      draw: (d: Drawing, app: ProtestApplication) => this.letters.draw(d, 'REFUSAL', app, actor),
      after: async (change: Change, app: ProtestApplication, letter: DrawnLetter) => {
        await this.letters.store(change, app, letter);
      },
    } satisfies Step<DrawnLetter>;
  }

  withdraw(actor: Actor, id: string, dto: WithdrawDto): Promise<ProtestApplication> {
    return this.transitioner.move(actor, id, 'withdraw', dto.version, {
      apply: async (_em, app) => {
        Object.assign(app, { withdrawnAt: new Date(), withdrawnBy: actor.id, withdrawalReason: dto.reason });
        return { reason: dto.reason };
      },
      // Called off after approval: the permission letter must not verify as valid any more.
      after: async (change, app) => {
        await this.letters.voidPermission(change, app.id, `withdrawn by the applicant: ${dto.reason}`);
      },
    });
  }

  revoke(actor: Actor, id: string, dto: RevokeDto): Promise<ProtestApplication> {
    return this.transitioner.move(actor, id, 'revoke', dto.version, {
      apply: async (_em, app) => {
        Object.assign(app, {
          revokedAt: new Date(),
          revokedBy: actor.id,
          revocationReason: dto.reason,
          revocationLinkedType: dto.linkedRecord?.type ?? null,
          revocationLinkedRef: dto.linkedRecord?.ref ?? null,
        });
        return { reason: dto.reason, linkedRecord: dto.linkedRecord ?? null };
      },
      draw: (d, app) => this.letters.draw(d, 'REVOCATION', app, actor),
      after: async (change, app, letter) => {
        await this.letters.store(change, app, letter);
        await this.letters.voidPermission(change, app.id, `revoked: ${dto.reason}`);
      },
    });
  }
}
