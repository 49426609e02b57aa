import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor } from '../../../platform/context';
import { Change, Drawing, UnitOfWork } from '../../../platform/change';
import { assertVersion, fieldError, fieldErrors, FieldProblem } from '../../../platform/http';
import { CLOCK, Clock, formatIstDateTime, istDateKey, parseIstInstant } from '../../../platform/time';
import { inUnitSubtree, Unit } from '../../../platform/units';
import {
  AdjudicateHitDto,
  DecideAppealDto,
  FieldVisitDto,
  FileAppealDto,
  ReassignDto,
  ReportDto,
  SendBackDto,
  SignOffDto,
  VerificationVersionDto,
  WithdrawCertificateDto,
} from '../dto/verification-actions.dto';
import { DrawnVerificationPaper, VerificationPapers } from '../certificate/verification-papers.service';
import { VerificationAppeal } from '../entities/verification-appeal.entity';
import { dueOn } from '../rules/days-left';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { mayDecideAppeal, mayDecideAtCircle } from './verification-deciders';
import { CLOCK_SKEW_MS } from './verification-intake.service';
import { VerificationApplication } from '../entities/verification-application.entity';
import { VerificationAttachment } from '../entities/verification-attachment.entity';
import { VerificationFieldVisit } from '../entities/verification-field-visit.entity';
import { VerificationRecordHit } from '../entities/verification-record-hit.entity';
import { VerificationNotices, VerificationNoticeStage } from '../notices/verification-notices';
import { nameKey } from '../matching/name-key';
import { CriminalRecordsIndex, RecordCandidate } from '../records/criminal-records.index';
import { AppealLevel, VERIFICATION_SOURCE } from '../verification-terms';
import { VERIFICATION_WORKFLOW, VerificationAction, VerificationStatus } from '../verification-workflow';
import { VerificationRecords } from './verification-access';
import { VerificationRouting } from './verification-routing';

/** How many candidates a records check keeps: the matching core's recall is measured at 5. */
export const RECORDS_CHECK_HITS = 10;

interface Step<D = undefined> {
  /**
   * Draws the papers of the new state, before any transaction (the unit of work's draw): from the
   * record as read then, at the decision's instant `at`. The write checks the version again, so
   * what was drawn is what the record holds.
   */
  draw?(d: Drawing, app: VerificationApplication, thana: Unit, at: Date): Promise<D>;
  /** Checks and sets the new state's fields on the locked row; returns what the audit row says beyond the status. */
  apply(em: EntityManager, app: VerificationApplication, thana: Unit, change: Change, drawn: D, at: Date): Promise<Record<string, unknown>>;
  /** The SMS this step sends the applicant, if any (after apply: it may depend on what apply set). */
  notice?(app: VerificationApplication): VerificationNoticeStage | null;
  /** The day the SMS names, when not the application's own due day. */
  noticeDueOn?(): string | undefined;
  /** The thana to write the SMS from, when the step moved it. */
  thanaAfter?(): Unit | undefined;
}

/**
 * The workflow's actions. Who may take each is in VERIFICATION_WORKFLOW; the user's unit must
 * further be the application's thana or above it (as for reading it: others get 404), and the
 * deciding level for the decisions (`verification-deciders.ts`). Each action locks the row,
 * checks the table and the version, and writes the change, its papers, e-Office items, audit
 * row and the applicant's SMS in one unit of work; papers are drawn before it.
 */
@Injectable()
export class VerificationWorkflow {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: VerificationRecords,
    private readonly routing: VerificationRouting,
    private readonly notices: VerificationNotices,
    private readonly index: CriminalRecordsIndex,
    private readonly papers: VerificationPapers,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private move<D = undefined>(actor: Actor, id: string, action: VerificationAction, dto: VerificationVersionDto, step: Step<D>): Promise<VerificationApplication> {
    const check = (app: VerificationApplication) => {
      const to = VERIFICATION_WORKFLOW.next(app.status, action, actor.roles, app);
      assertVersion('Verification application', app.version, dto.version);
      return to;
    };
    return this.uow.run({
      draw: async (d) => {
        const at = this.clock.now();
        if (!step.draw) return { at, drawn: undefined as D };
        const { app, thana } = await this.records.find(d.em, actor, id);
        check(app);
        return { at, drawn: await step.draw(d, app, thana, at) };
      },
      write: async (change, { at, drawn }) => {
        const { em } = change;
        const { app, thana } = await this.records.find(em, actor, id, true);
        const from: VerificationStatus = app.status;
        const to = check(app);
        const diff = await step.apply(em, app, thana, change, drawn, at);
        app.status = to;
        // A step that leaves the state as it was still changes the record: its version moves on.
        app.updatedAt = at;
        const saved = await em.save(app);
        change.audit({
          action: `verification.${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
          entityType: VERIFICATION_SOURCE,
          entityId: saved.id,
          diff: { ref: saved.ref, ...(from !== to ? { status: { from, to } } : {}), ...diff },
        });
        const stage = step.notice?.(saved);
        if (stage) await this.notices.stage(change, saved, step.thanaAfter?.() ?? thana, stage, step.noticeDueOn?.());
        return saved;
      },
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

  /**
   * The DSP (an APPROVER of the circle or above) signs the report off: a CLEAR one issues the
   * certificate, valid for VERIFICATION_CERTIFICATE_VALID_MONTHS; an ADVERSE or INCOMPLETE one the
   * report letter. The paper goes to e-Office; the applicant is told.
   */
  signOff(actor: Actor, id: string, dto: SignOffDto): Promise<VerificationApplication> {
    return this.move<DrawnVerificationPaper>(actor, id, 'signOff', dto, {
      draw: (d, app, thana, at) => {
        mayDecideAtCircle(actor, thana, `The sign-off of ${app.ref}`);
        return this.papers.draw(d, app.outcome === 'CLEAR' ? 'CERTIFICATE' : 'REPORT', app, thana, { actor, at, appeal: null });
      },
      apply: async (_em, app, thana, change, drawn, at) => {
        mayDecideAtCircle(actor, thana, `The sign-off of ${app.ref}`);
        Object.assign(app, { signedOffAt: at, signedOffBy: actor.id, signOffNote: dto.note ?? null });
        // The decision and its paper go on the e-Office file; no outcome in what the outbox shows.
        const doc = await this.papers.store(change, app, thana, drawn, 'VERIFICATION_REPORT', `Character verification ${app.ref}: signed off`);
        if (drawn.kind === 'CERTIFICATE') app.certificateDocumentId = doc.id;
        return { outcome: app.outcome, documentId: doc.id, paper: drawn.kind, ...(doc.validUntil ? { validUntil: doc.validUntil.toISOString() } : {}) };
      },
      notice: (app) => ({ CLEAR: 'clear', ADVERSE: 'adverse', INCOMPLETE: 'incomplete' } as const)[app.outcome!],
    });
  }

  /** The applicant's first appeal (to the Addl. SP) against an ADVERSE or INCOMPLETE decision. */
  fileFirstAppeal(actor: Actor, id: string, dto: FileAppealDto): Promise<VerificationApplication> {
    return this.fileAppeal(actor, id, dto, 'FIRST');
  }

  /** The second appeal (to the SP) against a first appeal's order that upheld the decision. */
  fileSecondAppeal(actor: Actor, id: string, dto: FileAppealDto): Promise<VerificationApplication> {
    return this.fileAppeal(actor, id, dto, 'SECOND');
  }

  private fileAppeal(actor: Actor, id: string, dto: FileAppealDto, level: AppealLevel): Promise<VerificationApplication> {
    let due: string | undefined;
    return this.move(actor, id, level === 'FIRST' ? 'fileFirstAppeal' : 'fileSecondAppeal', dto, {
      apply: async (em, app, _thana, _change, _drawn, at) => {
        const receivedAt = parseIstInstant(dto.receivedAt);
        const decidedAt = level === 'FIRST' ? app.signedOffAt! : (await this.appeal(em, app, 'FIRST')).decidedAt!;
        if (receivedAt.getTime() > at.getTime() + CLOCK_SKEW_MS) throw fieldError('receivedAt', 'receivedAt cannot be in the future');
        if (receivedAt.getTime() < decidedAt.getTime()) throw fieldError('receivedAt', `receivedAt is before the decision appealed against (${formatIstDateTime(decidedAt)} IST)`);
        const limitDays = this.settings.appealLimitDays[level];
        due = dueOn(receivedAt, limitDays);
        const appeal = await em.save(
          em.create(VerificationAppeal, { applicationId: app.id, level, receivedAt, intakeChannel: dto.channel, grounds: dto.grounds, enteredBy: actor.id, limitDays, dueOn: due }),
        );
        return { appealId: appeal.id, level, receivedAt: dto.receivedAt, channel: dto.channel, limitDays, dueOn: due };
      },
      notice: () => 'appeal-received',
      noticeDueOn: () => due,
    });
  }

  decideFirstAppeal(actor: Actor, id: string, dto: DecideAppealDto): Promise<VerificationApplication> {
    return this.decideAppeal(actor, id, dto, 'FIRST');
  }

  decideSecondAppeal(actor: Actor, id: string, dto: DecideAppealDto): Promise<VerificationApplication> {
    return this.decideAppeal(actor, id, dto, 'SECOND');
  }

  /**
   * The appellate authority's decision with its reasons, and its order; OVERTURNED sets the
   * decision aside and issues the certificate with the order, valid from the order's day.
   */
  private decideAppeal(actor: Actor, id: string, dto: DecideAppealDto, level: AppealLevel): Promise<VerificationApplication> {
    const decide = async (em: EntityManager, app: VerificationApplication, thana: Unit, at: Date) => {
      const appeal = await this.appeal(em, app, level);
      const first = level === 'SECOND' ? await this.appeal(em, app, 'FIRST') : null;
      mayDecideAppeal(actor, await em.findOneOrFail(Unit, { where: { id: actor.unitId } }), thana, app, level, first);
      return Object.assign(appeal, { decision: dto.decision, reasons: dto.reasons, decidedBy: actor.id, decidedAt: at });
    };
    return this.move<DrawnVerificationPaper[]>(actor, id, level === 'FIRST' ? 'decideFirstAppeal' : 'decideSecondAppeal', dto, {
      draw: async (d, app, thana, at) => {
        const appeal = await decide(d.em, app, thana, at);
        const signing = { actor, at, appeal };
        const order = await this.papers.draw(d, 'APPEAL_ORDER', app, thana, signing);
        return dto.decision === 'OVERTURNED' ? [order, await this.papers.draw(d, 'CERTIFICATE', app, thana, signing)] : [order];
      },
      apply: async (em, app, thana, change, drawn, at) => {
        const appeal = await em.save(await decide(em, app, thana, at));
        const what = `Character verification ${app.ref}: ${level.toLowerCase()} appeal decided`;
        const [order, certificate] = drawn;
        const orderDoc = await this.papers.store(change, app, thana, order!, 'VERIFICATION_APPEAL_ORDER', what);
        const certDoc = certificate ? await this.papers.store(change, app, thana, certificate, 'VERIFICATION_REPORT', what) : null;
        if (certDoc) app.certificateDocumentId = certDoc.id;
        return { appealId: appeal.id, level, decision: dto.decision, orderDocumentId: orderDoc.id, certificateDocumentId: certDoc?.id ?? null };
      },
      notice: () => (dto.decision === 'OVERTURNED' ? 'appeal-overturned' : 'appeal-upheld'),
    });
  }

  /** The certificate withdrawn with the reason: /verify answers "revoked" from now on. */
  withdrawCertificate(actor: Actor, id: string, dto: WithdrawCertificateDto): Promise<VerificationApplication> {
    return this.move(actor, id, 'withdrawCertificate', dto, {
      apply: async (_em, app, thana, change, _drawn, at) => {
        mayDecideAtCircle(actor, thana, `Withdrawing the certificate of ${app.ref}`);
        await change.revokePaper(app.certificateDocumentId!, dto.reason);
        Object.assign(app, { certificateWithdrawnAt: at, certificateWithdrawnBy: actor.id, certificateWithdrawalReason: dto.reason });
        await change.toEoffice({
          sourceType: VERIFICATION_SOURCE,
          sourceId: app.id,
          sourceRef: app.ref,
          kind: 'VERIFICATION_CERTIFICATE_WITHDRAWN',
          subject: `Character verification ${app.ref}: certificate withdrawn`,
          grading: 'CONFIDENTIAL',
          metadata: { ref: app.ref, thana: thana.code, documentId: app.certificateDocumentId },
        });
        return { documentId: app.certificateDocumentId, reason: dto.reason };
      },
      notice: () => 'certificate-withdrawn',
    });
  }

  private async appeal(em: EntityManager, app: VerificationApplication, level: AppealLevel): Promise<VerificationAppeal> {
    return em.findOneOrFail(VerificationAppeal, { where: { applicationId: app.id, level } });
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

