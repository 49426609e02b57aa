import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldErrors, FieldProblem } from '../../../platform/http';
import { CLOCK, Clock, istDateKey, parseIstInstant } from '../../../platform/time';
import { CreateVerificationDto } from '../dto/create-verification.dto';
import { VerificationApplication } from '../entities/verification-application.entity';
import { devanagariSpelling } from '../matching/devanagari-spelling';
import { latinSpelling } from '../matching/name-key';
import { VerificationNotices } from '../notices/verification-notices';
import { dueOn } from '../rules/days-left';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { PURPOSES_WITH_PARTY, VERIFICATION_FEE_RUPEES, VERIFICATION_SOURCE } from '../verification-terms';
import { readsApplicationsOf } from './verification-access';
import { VerificationRouting } from './verification-routing';

/** A receipt stamped a few minutes ahead is a clock skew; further ahead is a typing error. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Intake: numbered at once, routed to a thana and a verifier there, the applicant told by SMS. */
@Injectable()
export class VerificationIntake {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly routing: VerificationRouting,
    private readonly notices: VerificationNotices,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(actor: Actor, dto: CreateVerificationDto): Promise<VerificationApplication> {
    const receivedAt = parseIstInstant(dto.intake.receivedAt);
    checkInput(dto, receivedAt, this.clock.now());
    const { applicant: a } = dto;
    const limitDays = this.settings.limitDays[dto.purpose];
    // Either script may be missing; the other is derived, and the record says which.
    const nameHi = a.nameHi ?? devanagariSpelling(a.nameEn!);
    const nameEn = a.nameEn ?? latinSpelling(a.nameHi!);
    return this.uow.run(async (change) => {
      const { em } = change;
      const routed = await this.routing.thanaFor(em, dto.presentAddress.locality, dto.routing);
      // The one who enters it must be able to read it: a thana's verifier enters his own thana's.
      if (!readsApplicationsOf(actor, routed.thana.path)) {
        throw new ForbiddenException(`This application goes to ${routed.thana.nameEn} thana, outside your unit: the intelligence branch or that thana enters it`);
      }
      await this.routing.lockThana(em, routed.thana);
      const verifier = await this.routing.verifierFor(em, routed.thana);
      const ref = await change.takeReference('CV', receivedAt);
      const app = await em.save(
        em.create(VerificationApplication, {
          ref,
          status: 'UNDER_ENQUIRY',
          purpose: dto.purpose,
          nameHi,
          nameEn,
          nameDerived: a.nameHi && a.nameEn ? null : a.nameHi ? 'en' : 'hi',
          relativeName: a.relativeName,
          relation: a.relation,
          dob: a.dob,
          gender: a.gender,
          presentAddress: dto.presentAddress.address,
          presentLocality: dto.presentAddress.locality,
          presentYears: dto.presentAddress.years,
          permanentAddress: dto.permanentAddress?.address ?? null,
          permanentLocality: dto.permanentAddress?.locality ?? null,
          permanentYears: dto.permanentAddress?.years ?? null,
          mobile: a.mobile,
          smsLanguage: a.smsLanguage ?? 'hi',
          idDocumentType: a.idDocumentType,
          idLast4: a.idLast4,
          requestingPartyName: dto.requestingParty?.name ?? null,
          requestingPartyAddress: dto.requestingParty?.address ?? null,
          intakeChannel: dto.intake.channel,
          receivedAt,
          enteredBy: actor.id,
          feeStatus: dto.fee.status,
          feeAmount: dto.fee.status === 'PAID' ? VERIFICATION_FEE_RUPEES : 0,
          challanNo: dto.fee.status === 'PAID' ? dto.fee.challanNo! : null,
          limitDays,
          dueOn: dueOn(receivedAt, limitDays),
          thanaUnitId: routed.thana.id,
          routedBy: routed.routedBy,
          routingNote: routed.note,
          assignedTo: verifier,
          assignedAt: verifier ? new Date() : null,
        }),
      );
      change.made(VERIFICATION_SOURCE, app.id);
      // No personal data in the audit row: the reference leads to the record.
      change.audit({
        action: 'verification.received',
        entityType: VERIFICATION_SOURCE,
        entityId: app.id,
        diff: { ref, status: app.status, purpose: app.purpose, intakeChannel: app.intakeChannel, receivedAt: dto.intake.receivedAt, feeStatus: app.feeStatus, dueOn: app.dueOn, thana: routed.thana.code, routedBy: routed.routedBy, nameDerived: app.nameDerived },
      });
      change.audit({
        action: 'verification.assigned',
        entityType: VERIFICATION_SOURCE,
        entityId: app.id,
        diff: { ref, thana: routed.thana.code, verifier: verifier, by: 'balance', reason: routed.routedBy === 'OVERRIDE' ? 'routing override' : null },
      });
      await this.notices.stage(change, app, routed.thana, 'received');
      return app;
    });
  }
}

/** Every problem at once, each naming its field, before anything is written. */
function checkInput(dto: CreateVerificationDto, receivedAt: Date, at: Date): void {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message: `${field} ${message}` });
  const { applicant: a } = dto;
  if (!a.nameHi && !a.nameEn) add('applicant.nameEn', 'or applicant.nameHi is required: the applicant\'s name in English or Hindi');
  if (receivedAt.getTime() > at.getTime() + CLOCK_SKEW_MS) add('intake.receivedAt', 'cannot be in the future');
  if (a.dob > istDateKey(receivedAt)) add('applicant.dob', 'is after the application was received');
  if (dto.purpose === 'PASSPORT' && dto.permanentAddress) add('permanentAddress', 'is not taken for PASSPORT: the passport office asks for the present address only');
  if (dto.purpose !== 'PASSPORT' && !dto.permanentAddress) add('permanentAddress', `is required for ${dto.purpose} (the same as the present one if the applicant has lived nowhere else)`);
  if (PURPOSES_WITH_PARTY.includes(dto.purpose) && !dto.requestingParty) add('requestingParty', `is required for ${dto.purpose}: the employer, landlord, householder or passport office`);
  if (dto.fee.status === 'PAID' && !dto.fee.challanNo) add('fee.challanNo', `is required when the fee of ₹${VERIFICATION_FEE_RUPEES} is paid`);
  if (dto.fee.status === 'BPL_EXEMPT' && dto.fee.challanNo) add('fee.challanNo', 'is not taken for a BPL applicant, who pays nothing');
  if (problems.length > 0) throw fieldErrors(problems);
}
