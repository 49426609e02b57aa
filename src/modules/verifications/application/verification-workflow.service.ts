import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor } from '../../../platform/context';
import { Change, UnitOfWork } from '../../../platform/change';
import { assertVersion, fieldError, fieldErrors, FieldProblem } from '../../../platform/http';
import { CLOCK, Clock, istDateKey } from '../../../platform/time';
import { inUnitSubtree, Unit } from '../../../platform/units';
import { AdjudicateHitDto, FieldVisitDto, ReassignDto, ReportDto, SendBackDto, SignOffDto, VerificationVersionDto } from '../dto/verification-actions.dto';
import { VerificationApplication } from '../entities/verification-application.entity';
import { VerificationAttachment } from '../entities/verification-attachment.entity';
import { VerificationFieldVisit } from '../entities/verification-field-visit.entity';
import { VerificationRecordHit } from '../entities/verification-record-hit.entity';
import { VerificationNotices, VerificationNoticeStage } from '../notices/verification-notices';
import { nameKey } from '../matching/name-key';
import { CriminalRecordsIndex, RecordCandidate } from '../records/criminal-records.index';
import { VERIFICATION_SOURCE } from '../verification-terms';
import { VERIFICATION_WORKFLOW, VerificationAction, VerificationStatus } from '../verification-workflow';
import { VerificationRecords } from './verification-access';
import { VerificationRouting } from './verification-routing';

/** How many candidates a records check keeps: the matching core's recall is measured at 5. */
export const RECORDS_CHECK_HITS = 10;

interface Step {
  /** Checks and sets the new state's fields on the locked row; returns what the audit row says beyond the status. */
  apply(em: EntityManager, app: VerificationApplication, thana: Unit, change: Change): Promise<Record<string, unknown>>;
  /** The SMS this step sends the applicant, if any (after apply: it may depend on what apply set). */
  notice?(app: VerificationApplication): VerificationNoticeStage | null;
  /** The thana to write the SMS from, when the step moved it. */
  thanaAfter?(): Unit | undefined;
}

/**
 * The workflow's actions. Who may take each is in VERIFICATION_WORKFLOW; the user's unit must
 * further be the application's thana or above it (as for reading it: others get 404). Each
 * action locks the row, checks the table and the version, and writes the change, its audit row
 * and the applicant's SMS in one unit of work.
 */
@Injectable()
export class VerificationWorkflow {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: VerificationRecords,
    private readonly routing: VerificationRouting,
    private readonly notices: VerificationNotices,
    private readonly index: CriminalRecordsIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private move(actor: Actor, id: string, action: VerificationAction, dto: VerificationVersionDto, step: Step): Promise<VerificationApplication> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const { app, thana } = await this.records.find(em, actor, id, true);
      const from: VerificationStatus = app.status;
      const to = VERIFICATION_WORKFLOW.next(app.status, action, actor.roles, app);
      assertVersion('Verification application', app.version, dto.version);
      const diff = await step.apply(em, app, thana, change);
      app.status = to;
      // A step that leaves the state as it was still changes the record: its version moves on.
      app.updatedAt = this.clock.now();
      const saved = await em.save(app);
      change.audit({
        action: `verification.${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
        entityType: VERIFICATION_SOURCE,
        entityId: saved.id,
        diff: { ref: saved.ref, ...(from !== to ? { status: { from, to } } : {}), ...diff },
      });
      const stage = step.notice?.(saved);
      if (stage) await this.notices.stage(change, saved, step.thanaAfter?.() ?? thana, stage);
      return saved;
    });
  }

  /** To another verifier of the thana, or to another thana (its least-loaded verifier unless named). */
  reassign(actor: Actor, id: string, dto: ReassignDto): Promise<VerificationApplication> {
    let moved: Unit | undefined;
    return this.move(actor, id, 'reassign', dto, {
      apply: async (em, app, thana) => {
        if (!dto.thanaCode && !dto.verifierId) throw fieldError('verifierId', 'verifierId or thanaCode is required: whom or where to give it to');
        const target = dto.thanaCode ? await this.routing.thanaByCode(em, dto.thanaCode, 'thanaCode') : thana;
        // Sending it to a thana outside one's own chain is for someone above both.
        if (!inUnitSubtree(target.path, actor.unitPath) && !actor.roles.includes('APPROVER')) {
          throw new ForbiddenException(`Only a user above both thanas may send ${app.ref} to ${target.nameEn}`);
        }
        await this.routing.lockThana(em, target);
        let verifier: string | null;
        if (dto.verifierId) {
          if (!(await this.routing.isVerifierOf(em, target, dto.verifierId))) throw fieldError('verifierId', `verifierId is not an active VERIFIER of ${target.nameEn} thana`);
          verifier = dto.verifierId;
        } else {
          verifier = await this.routing.verifierFor(em, target);
        }
        const before = { thana: thana.code, verifier: app.assignedTo };
        if (target.id !== thana.id) {
          moved = target;
          Object.assign(app, { thanaUnitId: target.id, routedBy: 'OVERRIDE', routingNote: dto.reason });
        }
        Object.assign(app, { assignedTo: verifier, assignedAt: verifier ? new Date() : null });
        return { from: before, to: { thana: target.code, verifier }, reason: dto.reason };
      },
      notice: () => (moved ? 'rerouted' : null),
      thanaAfter: () => moved,
    });
  }

  recordVisit(actor: Actor, id: string, dto: FieldVisitDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'recordVisit', dto, {
      apply: async (em, app) => {
        const today = istDateKey(this.clock.now());
        const problems: FieldProblem[] = [];
        if (dto.visitedOn > today) problems.push({ field: 'visitedOn', message: `visitedOn ${dto.visitedOn} is in the future (today is ${today} IST)` });
        if (dto.visitedOn < istDateKey(app.receivedAt)) problems.push({ field: 'visitedOn', message: `visitedOn ${dto.visitedOn} is before ${app.ref} was received` });
        if (problems.length) throw fieldErrors(problems);
        const visit = await em.save(
          em.create(VerificationFieldVisit, {
            applicationId: app.id,
            visitedOn: dto.visitedOn,
            officerName: dto.officerName,
            officerRank: dto.officerRank ?? null,
            lat: dto.lat,
            lng: dto.lng,
            accuracyM: dto.accuracyM,
            neighbours: dto.neighbours.map((n) => ({ name: n.name, address: n.address ?? null, statement: n.statement })),
            outcome: dto.outcome,
            note: dto.note ?? null,
            recordedBy: actor.id,
          }),
        );
        return { visitId: visit.id, visitedOn: dto.visitedOn, outcome: dto.outcome, neighbours: dto.neighbours.length, accuracyM: dto.accuracyM };
      },
      notice: () => 'visited',
    });
  }

  /**
   * Runs the search of the criminal-records index for the applicant (both spellings of the name,
   * the father's or husband's name, the date of birth, the addresses) and keeps what it found,
   * with the score and why. Run again, it adds new hits and keeps the rulings already made.
   */
  checkRecords(actor: Actor, id: string, dto: VerificationVersionDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'checkRecords', dto, {
      apply: async (em, app) => {
        const found = await this.search(em, app);
        const known = new Set((await em.find(VerificationRecordHit, { select: { recordId: true }, where: { applicationId: app.id } })).map((h) => h.recordId));
        const now = this.clock.now();
        const fresh = found.filter((c) => !known.has(c.record.id));
        if (fresh.length) {
          await em.insert(
            VerificationRecordHit,
            fresh.map((c) => ({
              applicationId: app.id,
              recordId: c.record.id,
              rank: found.indexOf(c) + 1,
              score: c.score,
              band: c.band,
              nameSimilarity: c.nameSimilarity,
              reasons: c.why,
              record: c.record,
              foundAt: now,
            })),
          );
        }
        Object.assign(app, { recordsCheckedAt: now, recordsCheckedBy: actor.id });
        return { found: found.length, added: fresh.length, strong: found.filter((c) => c.band === 'STRONG').length, recordIds: found.map((c) => c.record.id) };
      },
    });
  }

  /**
   * The index searched for the applicant. Each spelling of the name is searched on its own (one
   * name of six parts in two scripts would score as nobody), the one the applicant wrote first;
   * a record found by both keeps its better score.
   */
  private async search(em: EntityManager, app: VerificationApplication): Promise<RecordCandidate[]> {
    const written = app.nameDerived === 'hi' ? [app.nameEn, app.nameHi] : [app.nameHi, app.nameEn];
    const names = written.filter((n, i) => i === 0 || nameKey(n) !== nameKey(written[0]!));
    const best = new Map<string, RecordCandidate>();
    for (const name of names) {
      const found = await this.index.candidates(
        {
          name,
          relative: app.relativeName,
          relation: app.relation,
          birth: { dob: app.dob },
          address: [app.presentAddress, app.presentLocality, app.permanentAddress, app.permanentLocality].filter(Boolean).join(', '),
        },
        RECORDS_CHECK_HITS,
        em,
      );
      for (const c of found) if ((best.get(c.record.id)?.score ?? -1) < c.score) best.set(c.record.id, c);
    }
    return [...best.values()].sort((x, y) => y.score - x.score || (x.record.id < y.record.id ? -1 : 1)).slice(0, RECORDS_CHECK_HITS);
  }

  /** The verifier's ruling on one hit: the same person or a different one, and why. */
  adjudicateHit(actor: Actor, id: string, hitId: string, dto: AdjudicateHitDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'adjudicateHit', dto, {
      apply: async (em, app) => {
        const hit = await em.findOne(VerificationRecordHit, { where: { id: hitId, applicationId: app.id } });
        if (!hit) throw fieldError('hitId', `hitId ${hitId} is not a records-check hit of ${app.ref}`);
        const previous = hit.decision;
        Object.assign(hit, { decision: dto.decision, decisionReason: dto.reason, decidedBy: actor.id, decidedAt: this.clock.now() });
        await em.save(hit);
        return { hitId, recordId: hit.recordId, decision: dto.decision, previous };
      },
    });
  }

  /**
   * The verifier's report to the DSP. Every outcome needs the consent letter on file. CLEAR needs
   * a field visit and a records check whose every hit is ruled on, none the same person; ADVERSE
   * names its grounds and the hits, ruled the same person, they rest on; INCOMPLETE says what is
   * missing.
   */
  submitReport(actor: Actor, id: string, dto: ReportDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'submitReport', dto, {
      apply: async (em, app) => {
        const problems: FieldProblem[] = [];
        const add = (field: string, message: string) => problems.push({ field, message: `${field} ${message}` });
        const consent = await em.count(VerificationAttachment, { where: { applicationId: app.id, kind: 'CONSENT_LETTER' } });
        const hits = await em.find(VerificationRecordHit, { where: { applicationId: app.id } });
        const same = hits.filter((h) => h.decision === 'SAME');
        const open = hits.filter((h) => h.decision === null);
        if (consent === 0) add('consentLetter', `is missing: upload the applicant's signed consent letter (POST /verifications/${app.id}/attachments, kind CONSENT_LETTER) before reporting`);
        if (dto.outcome !== 'ADVERSE' && (dto.grounds || dto.citedHitIds?.length)) add('grounds', `and citedHitIds are for an ADVERSE report only`);
        if (dto.outcome !== 'INCOMPLETE' && dto.missing) add('missing', 'is for an INCOMPLETE report only');
        if (dto.outcome === 'CLEAR') {
          const visits = await em.count(VerificationFieldVisit, { where: { applicationId: app.id } });
          if (visits === 0) add('outcome', 'CLEAR needs a field visit first');
          if (!app.recordsCheckedAt) add('outcome', 'CLEAR needs the records check run first');
          if (open.length) add('outcome', `CLEAR needs every records-check hit ruled on first; ${open.length} open`);
          if (same.length) add('outcome', `CLEAR is not possible with ${same.length} record(s) ruled the same person: report ADVERSE citing them`);
        }
        if (dto.outcome === 'ADVERSE') {
          if (!dto.grounds) add('grounds', 'is required for an ADVERSE report');
          const cited = dto.citedHitIds ?? [];
          if (cited.length === 0) add('citedHitIds', 'is required for an ADVERSE report: the records, ruled the same person, it rests on');
          const sameIds = new Set(same.map((h) => h.id));
          const wrong = cited.filter((c) => !sameIds.has(c));
          if (wrong.length) add('citedHitIds', `must be hits of ${app.ref} ruled the same person; these are not: ${wrong.join(', ')}`);
        }
        if (dto.outcome === 'INCOMPLETE' && !dto.missing) add('missing', 'is required for an INCOMPLETE report: what is missing');
        if (problems.length) throw fieldErrors(problems);
        const citedHits = hits.filter((h) => dto.citedHitIds?.includes(h.id));
        Object.assign(app, {
          outcome: dto.outcome,
          outcomeGrounds: dto.grounds ?? null,
          outcomeMissing: dto.missing ?? null,
          citedHitIds: dto.citedHitIds ?? [],
          reportedAt: this.clock.now(),
          reportedBy: actor.id,
          sentBackReason: null,
        });
        return { outcome: dto.outcome, citedRecordIds: citedHits.map((h) => h.recordId) };
      },
    });
  }

  /** The DSP (an APPROVER of the circle or above) signs the report off; the applicant is told. */
  signOff(actor: Actor, id: string, dto: SignOffDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'signOff', dto, {
      apply: async (_em, app, thana, change) => {
        if (thana.path === actor.unitPath) throw new ForbiddenException(`${app.ref} is signed off by the circle's DSP, not at the thana`);
        Object.assign(app, { signedOffAt: this.clock.now(), signedOffBy: actor.id, signOffNote: dto.note ?? null });
        // The decision goes on the e-Office file; no personal data in its metadata.
        await change.toEoffice({
          sourceType: VERIFICATION_SOURCE,
          sourceId: app.id,
          sourceRef: app.ref,
          kind: 'VERIFICATION_REPORT',
          // The outcome is for the file's readers: neither the subject nor the metadata, which the
          // outbox screens show to people who may not read the application, carries it (§2).
          subject: `Character verification ${app.ref}: signed off`,
          grading: 'CONFIDENTIAL',
          metadata: { ref: app.ref, thana: thana.code },
        });
        return { outcome: app.outcome };
      },
      notice: (app) => ({ CLEAR: 'clear', ADVERSE: 'adverse', INCOMPLETE: 'incomplete' } as const)[app.outcome!],
    });
  }

  sendBack(actor: Actor, id: string, dto: SendBackDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'sendBack', dto, {
      apply: async (_em, app) => {
        const outcome = app.outcome;
        Object.assign(app, { sentBackReason: dto.reason, outcome: null, outcomeGrounds: null, outcomeMissing: null, citedHitIds: [], reportedAt: null, reportedBy: null });
        return { reason: dto.reason, outcome };
      },
    });
  }
}

