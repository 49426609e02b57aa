import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import { UsersService } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { idsOf } from '../../../platform/http';
import { CLOCK, Clock } from '../../../platform/time';
import { unitRef } from '../../../platform/units';
import { VerificationPapers } from '../certificate/verification-papers.service';
import { VerificationAppeal } from '../entities/verification-appeal.entity';
import { VerificationAttachment } from '../entities/verification-attachment.entity';
import { VerificationFieldVisit } from '../entities/verification-field-visit.entity';
import { VerificationRecordHit } from '../entities/verification-record-hit.entity';
import { daysLeft } from '../rules/days-left';
import { slaState } from '../rules/sla';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { PURPOSES, VERIFICATION_SOURCE } from '../verification-terms';
import { OPEN_STATUSES, VERIFICATION_WORKFLOW } from '../verification-workflow';
import { VerificationRecords } from './verification-access';

/**
 * One application as its verifier, the DSP and an auditor see it: the applicant, the Lok Seva
 * counter, where it was routed and to whom, the visits, the records check with its rulings, the
 * report and the sign-off. Every view is audited (BRIEF §6: who saw whose verification).
 */
@Injectable()
export class VerificationView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: VerificationRecords,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly papers: VerificationPapers,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string) {
    const em = this.dataSource.manager;
    const { app, thana } = await this.records.find(em, actor, id);
    const [visits, hits, attachments, appeals, papers] = await Promise.all([
      em.find(VerificationFieldVisit, { where: { applicationId: app.id }, order: { createdAt: 'ASC' } }),
      em.find(VerificationRecordHit, { where: { applicationId: app.id }, order: { rank: 'ASC', foundAt: 'ASC' } }),
      em.find(VerificationAttachment, { where: { applicationId: app.id }, order: { createdAt: 'ASC' } }),
      em.find(VerificationAppeal, { where: { applicationId: app.id }, order: { level: 'ASC' } }),
      this.papers.forApplication(app.id, em),
    ]);
    const now = this.clock.now();
    const people = await this.users.people(
      idsOf(app.enteredBy, app.assignedTo, app.recordsCheckedBy, app.reportedBy, app.signedOffBy, visits.map((v) => v.recordedBy), hits.map((h) => h.decidedBy), attachments.map((a) => a.uploadedBy), appeals.map((a) => [a.enteredBy, a.decidedBy]).flat(), app.certificateWithdrawnBy),
      em,
    );
    await this.audit.recordAlone({ action: 'verification.viewed', entityType: VERIFICATION_SOURCE, entityId: app.id, diff: { ref: app.ref } });
    return {
      id: app.id,
      ref: app.ref,
      status: app.status,
      version: app.version,
      allowedActions: VERIFICATION_WORKFLOW.allowedActions(app.status, actor.roles, app),
      purpose: app.purpose,
      purposeLabel: PURPOSES[app.purpose],
      applicant: {
        nameHi: app.nameHi,
        nameEn: app.nameEn,
        nameDerived: app.nameDerived,
        relativeName: app.relativeName,
        relation: app.relation,
        dob: app.dob,
        gender: app.gender,
        mobile: app.mobile,
        smsLanguage: app.smsLanguage,
        idDocumentType: app.idDocumentType,
        idLast4: app.idLast4,
      },
      presentAddress: { address: app.presentAddress, locality: app.presentLocality, years: app.presentYears },
      permanentAddress: app.permanentAddress === null ? null : { address: app.permanentAddress, locality: app.permanentLocality!, years: app.permanentYears! },
      requestingParty: app.requestingPartyName === null ? null : { name: app.requestingPartyName, address: app.requestingPartyAddress! },
      intake: { channel: app.intakeChannel, receivedAt: app.receivedAt, enteredBy: people.of(app.enteredBy) },
      fee: { status: app.feeStatus, amount: app.feeAmount, challanNo: app.challanNo },
      lokSeva: {
        limitDays: app.limitDays,
        dueOn: app.dueOn,
        daysLeft: daysLeft(app.dueOn, this.clock.now()),
        sla: !OPEN_STATUSES.includes(app.status) ? null : slaState(app.dueOn, this.clock.now(), this.settings.warnDaysLeft),
        warnedAt: app.slaWarnedAt,
        breachNoticedAt: app.slaBreachNoticedAt,
      },
      thana: unitRef(thana),
      routing: { routedBy: app.routedBy, note: app.routingNote },
      assignedTo: people.ofOptional(app.assignedTo),
      assignedAt: app.assignedAt,
      consentLetterOnFile: attachments.some((a) => a.kind === 'CONSENT_LETTER'),
      visits: visits.map((v) => ({
        id: v.id,
        visitedOn: v.visitedOn,
        officerName: v.officerName,
        officerRank: v.officerRank,
        lat: v.lat,
        lng: v.lng,
        accuracyM: v.accuracyM,
        neighbours: v.neighbours,
        outcome: v.outcome,
        note: v.note,
        recordedBy: people.of(v.recordedBy),
        createdAt: v.createdAt,
        photoIds: attachments.filter((a) => a.visitId === v.id).map((a) => a.id),
      })),
      recordsCheck: app.recordsCheckedAt && {
        checkedAt: app.recordsCheckedAt,
        checkedBy: people.ofOptional(app.recordsCheckedBy),
        hits: hits.map((h) => ({
          id: h.id,
          rank: h.rank,
          score: h.score,
          band: h.band,
          nameSimilarity: h.nameSimilarity,
          why: h.reasons,
          record: h.record,
          decision: h.decision,
          decisionReason: h.decisionReason,
          decidedBy: people.ofOptional(h.decidedBy),
          decidedAt: h.decidedAt,
        })),
      },
      report: app.reportedAt && {
        outcome: app.outcome!,
        grounds: app.outcomeGrounds,
        missing: app.outcomeMissing,
        citedHitIds: app.citedHitIds,
        reportedAt: app.reportedAt,
        reportedBy: people.ofOptional(app.reportedBy),
      },
      signOff: app.signedOffAt && { at: app.signedOffAt, by: people.ofOptional(app.signedOffBy), note: app.signOffNote },
      sentBackReason: app.sentBackReason,
      appeals: appeals.map((a) => ({
        id: a.id,
        level: a.level,
        receivedAt: a.receivedAt,
        channel: a.intakeChannel,
        grounds: a.grounds,
        enteredBy: people.of(a.enteredBy),
        limitDays: a.limitDays,
        dueOn: a.dueOn,
        daysLeft: daysLeft(a.dueOn, now),
        sla: a.decision ? null : slaState(a.dueOn, now, this.settings.appealWarnDaysLeft),
        decision: a.decision,
        reasons: a.reasons,
        decidedBy: people.ofOptional(a.decidedBy),
        decidedAt: a.decidedAt,
      })),
      papers,
      certificateWithdrawal: app.certificateWithdrawnAt && { at: app.certificateWithdrawnAt, by: people.ofOptional(app.certificateWithdrawnBy), reason: app.certificateWithdrawalReason! },
      attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, visitId: a.visitId, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256, uploadedBy: people.of(a.uploadedBy), createdAt: a.createdAt })),
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
    };
  }
}
