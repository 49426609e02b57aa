import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { idsOf } from '../../../platform/http';
import { CLOCK, Clock } from '../../../platform/time';
import { Unit, unitRef } from '../../../platform/units';
import { ClashDetector } from '../clash/clash-detector.service';
import { ProtestAttachment } from '../entities/protest-attachment.entity';
import { ProtestVenue } from '../entities/protest-venue.entity';
import { EVENT_TYPES } from '../event-types';
import { ProtestLetters } from '../letters/protest-letters.service';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { allowedNext, PROTEST_WORKFLOW } from '../protest-workflow';
import { slaAtRisk } from '../rules/sla';
import { ProtestAssessment } from './protest-assessment';
import { ProtestRecords } from './protest-records';

/** One application as the DCP and the control room see it: the record, its rules, clashes and papers. */
@Injectable()
export class ProtestView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: ProtestRecords,
    private readonly assessment: ProtestAssessment,
    private readonly letters: ProtestLetters,
    private readonly detector: ClashDetector,
    private readonly users: UsersService,
    @Inject(PROTEST_SETTINGS) private readonly settings: ProtestSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string) {
    const em = this.dataSource.manager;
    const app = await this.records.find(em, actor, id);
    const venue = app.venueId ? await em.findOneOrFail(ProtestVenue, { where: { id: app.venueId } }) : null;
    const thana = await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
    const assessed = await this.assessment.assess(em, app, venue);
    const { rules } = assessed;
    // Only what this user may see of the records in the way, now and at the decision.
    const clashes = await this.detector.shownTo(em, actor, assessed.clashes);
    const clashesAtDecision = app.clashesAtDecision && (await this.detector.shownTo(em, actor, app.clashesAtDecision));
    const { sync, letters } = await this.letters.forApplication(app.id, em);
    const attachments = await em.find(ProtestAttachment, { where: { applicationId: app.id }, order: { createdAt: 'ASC' } });
    // Everyone who took a step, in one lookup.
    const people = await this.users.people(
      idsOf(app.enteredBy, app.thanaReportRequestedBy, app.thanaReportedBy, app.decidedBy, app.withdrawnBy, app.revokedBy, attachments.map((x) => x.uploadedBy)),
      em,
    );
    return {
      id: app.id,
      ref: app.ref,
      status: app.status,
      version: app.version,
      allowedNext: allowedNext(app.status),
      /** What this user may do with it now (the routes under /protests/:id). */
      allowedActions: PROTEST_WORKFLOW.allowedActions(app.status, actor.roles, app),
      applicant: {
        nameHi: app.applicantNameHi,
        nameEn: app.applicantNameEn,
        organisation: app.organisation,
        address: app.address,
        mobile: app.mobile,
        idDocumentType: app.idDocumentType,
        idLast4: app.idLast4,
        smsLanguage: app.smsLanguage,
      },
      event: {
        type: app.eventType,
        typeLabel: EVENT_TYPES[app.eventType],
        purpose: app.purpose,
        startsAt: app.startsAt,
        endsAt: app.endsAt,
        expectedParticipants: app.expectedParticipants,
        venue: venue && { id: venue.id, code: venue.code, nameEn: venue.nameEn, nameHi: venue.nameHi, lat: venue.lat, lng: venue.lng },
        route: app.route,
        loudspeaker: app.loudspeakerFrom ? { from: app.loudspeakerFrom, to: app.loudspeakerTo } : null,
        vehicles: { count: app.vehicleCount, details: app.vehicleDetails },
      },
      intake: { channel: app.intakeChannel, receivedAt: app.receivedAt, enteredBy: people.of(app.enteredBy) },
      thana: unitRef(thana),
      flags: { late: app.isLate, leadTimeHours: app.leadTimeHours, slaAtRisk: slaAtRisk(app, this.settings.slaHours, this.clock.now()), clash: clashes.length > 0 },
      rules,
      clashes,
      thanaReport: app.thanaReportRequestedAt && {
        requestedAt: app.thanaReportRequestedAt,
        requestedBy: people.ofOptional(app.thanaReportRequestedBy),
        note: app.thanaReportNote,
        recommendation: app.thanaRecommendation,
        report: app.thanaReport,
        reportedBy: people.ofOptional(app.thanaReportedBy),
        reportedAt: app.thanaReportedAt,
      },
      decision: app.decidedAt && {
        decidedAt: app.decidedAt,
        decidedBy: people.ofOptional(app.decidedBy),
        conditions: app.conditions,
        grounds: app.grounds,
        lateOverrideReason: app.lateOverrideReason,
        rulesAtDecision: app.rulesAtDecision,
        clashesAtDecision,
      },
      withdrawal: app.withdrawnAt && { at: app.withdrawnAt, by: people.ofOptional(app.withdrawnBy), reason: app.withdrawalReason },
      revocation: app.revokedAt && {
        at: app.revokedAt,
        by: people.ofOptional(app.revokedBy),
        reason: app.revocationReason,
        linkedRecord: app.revocationLinkedType ? { type: app.revocationLinkedType, ref: app.revocationLinkedRef } : null,
      },
      eofficeStatus: sync.status,
      eofficeSync: sync,
      letters,
      attachments: attachments.map((x) => ({ ...x, uploadedBy: people.of(x.uploadedBy) })),
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
    };
  }
}
