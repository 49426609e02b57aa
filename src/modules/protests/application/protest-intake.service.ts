import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError, fieldErrors, FieldProblem } from '../../../platform/http';
import { CLOCK, Clock, formatIstDateTime, parseIstInstant } from '../../../platform/time';
import { Unit, unitRef, UnitsService } from '../../../platform/units';
import { ClashDetector } from '../clash/clash-detector.service';
import { CreateProtestDto, EventDto } from '../dto/create-protest.dto';
import { ProtestApplication } from '../entities/protest-application.entity';
import { ProtestVenue } from '../entities/protest-venue.entity';
import { densify, routeLengthProblem } from '../../../platform/geo';
import { ProtestNotices } from '../notices/protest-notices';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { PROTEST_SOURCE } from '../protest-source';
import { isLate, leadTimeHours } from '../rules/lead-time';
import { VenuesService } from '../venues/venues.service';
import { ProtestAssessment } from './protest-assessment';

/** A receipt stamped a few minutes ahead is a clock skew; further ahead is a typing error. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Far beyond any real programme; the one-day rule itself is shown to the DCP, not enforced here. */
const LONGEST_EVENT_MS = 31 * 24 * 3_600_000;

/** Intake by the control room: numbered at once, the applicant told by SMS. */
@Injectable()
export class ProtestIntake {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly assessment: ProtestAssessment,
    private readonly detector: ClashDetector,
    private readonly venues: VenuesService,
    private readonly units: UnitsService,
    private readonly notices: ProtestNotices,
    @Inject(PROTEST_SETTINGS) private readonly settings: ProtestSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(actor: Actor, dto: CreateProtestDto): Promise<ProtestApplication> {
    const { event, intake } = dto;
    const receivedAt = parseIstInstant(intake.receivedAt);
    const startsAt = parseIstInstant(event.startsAt);
    const endsAt = parseIstInstant(event.endsAt);
    checkInput(dto, receivedAt, startsAt, endsAt, this.clock.now());
    return this.uow.run(async (change) => {
      const { em } = change;
      const { venue, thana, values } = await this.draft(em, dto, receivedAt, startsAt, endsAt);
      const ref = await change.takeReference('PRT', receivedAt);
      const app = await em.save(em.create(ProtestApplication, { ...values, ref, enteredBy: actor.id }));
      change.made(PROTEST_SOURCE, app.id);
      // No personal data in the audit row: the reference leads to the record.
      change.audit({
        action: 'protest.received',
        entityType: PROTEST_SOURCE,
        entityId: app.id,
        diff: { ref, status: app.status, eventType: app.eventType, intakeChannel: app.intakeChannel, receivedAt: intake.receivedAt, startsAt: event.startsAt, thana: thana.code, venue: venue?.code ?? null, isLate: app.isLate },
      });
      await this.notices.stageReached(change, app);
      return app;
    });
  }

  /**
   * What the DCP would be shown about this application if it were entered now (its rules and
   * what stands in its way, as this user may see it), checked as intake checks it; nothing is
   * written, nothing is numbered.
   */
  async check(actor: Actor, dto: CreateProtestDto) {
    const receivedAt = parseIstInstant(dto.intake.receivedAt);
    const startsAt = parseIstInstant(dto.event.startsAt);
    const endsAt = parseIstInstant(dto.event.endsAt);
    checkInput(dto, receivedAt, startsAt, endsAt, this.clock.now());
    const em = this.dataSource.manager;
    const { venue, thana, values } = await this.draft(em, dto, receivedAt, startsAt, endsAt);
    // Never saved: it only carries what the assessment reads.
    const unsaved = em.create(ProtestApplication, values);
    const assessed = await this.assessment.assess(em, unsaved, venue);
    return {
      thana: unitRef(thana),
      venue: venue && { id: venue.id, code: venue.code, nameEn: venue.nameEn, nameHi: venue.nameHi, lat: venue.lat, lng: venue.lng },
      late: values.isLate,
      leadTimeHours: values.leadTimeHours,
      rules: assessed.rules,
      clashes: await this.detector.shownTo(em, actor, assessed.clashes),
    };
  }

  /** The record as it would be stored, but for its number and who entered it. */
  private async draft(em: EntityManager, dto: CreateProtestDto, receivedAt: Date, startsAt: Date, endsAt: Date) {
    const { applicant, event, intake } = dto;
    const { venue, thana } = await this.place(em, event);
    const values = {
      status: 'RECEIVED' as const,
      applicantNameHi: applicant.nameHi ?? null,
      applicantNameEn: applicant.nameEn ?? null,
      organisation: applicant.organisation ?? null,
      address: applicant.address,
      mobile: applicant.mobile,
      idDocumentType: applicant.idDocumentType,
      idLast4: applicant.idLast4,
      smsLanguage: applicant.smsLanguage ?? 'hi',
      eventType: event.type,
      purpose: event.purpose,
      startsAt,
      endsAt,
      expectedParticipants: event.expectedParticipants,
      venueId: venue?.id ?? null,
      route: event.route ? event.route.points.map((p) => ({ name: p.name, lat: p.lat, lng: p.lng })) : null,
      geoPoints: venue ? [{ lat: venue.lat, lng: venue.lng }] : densify(event.route!.points),
      loudspeakerFrom: event.loudspeaker ? parseIstInstant(event.loudspeaker.from) : null,
      loudspeakerTo: event.loudspeaker ? parseIstInstant(event.loudspeaker.to) : null,
      vehicleCount: event.vehicles?.count ?? 0,
      vehicleDetails: event.vehicles?.details ?? null,
      intakeChannel: intake.channel,
      receivedAt,
      thanaUnitId: thana.id,
      leadTimeHours: leadTimeHours(receivedAt, startsAt),
      isLate: isLate(receivedAt, startsAt, this.settings.leadTimeHours),
    };
    return { venue, thana, values };
  }

  /** The venue and its thana, or the route's starting thana. */
  private async place(em: EntityManager, event: EventDto): Promise<{ venue: ProtestVenue | null; thana: Unit }> {
    if (event.venueCode) {
      const venue = await this.venues.byCode(event.venueCode, em, 'event.venueCode');
      return { venue, thana: await em.findOneOrFail(Unit, { where: { id: venue.thanaUnitId } }) };
    }
    const thana = await this.units.byCode(event.route!.thanaCode, em, 'event.route.thanaCode');
    if (thana.kind !== 'THANA') throw fieldError('event.route.thanaCode', `event.route.thanaCode ${thana.code} is not a thana`);
    return { venue: null, thana };
  }
}

/**
 * Every problem at once, each naming its field, before anything is written. The receipt may be
 * back-entered (any past moment, not the future); the event must still be to come at `now`.
 */
function checkInput({ applicant, event }: CreateProtestDto, receivedAt: Date, startsAt: Date, endsAt: Date, at: Date): void {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message: `${field} ${message}` });
  const now = at.getTime();
  if (!applicant.nameHi && !applicant.nameEn) add('applicant.nameEn', 'or applicant.nameHi is required: the applicant\'s name in English or Hindi');
  if (receivedAt.getTime() > now + CLOCK_SKEW_MS) add('intake.receivedAt', 'cannot be in the future');
  if (startsAt.getTime() <= now) add('event.startsAt', `is in the past (now ${formatIstDateTime(at)} IST); permission can only be given for an event still to come`);
  if (endsAt <= startsAt) add('event.endsAt', 'must be after event.startsAt');
  else if (endsAt.getTime() - startsAt.getTime() > LONGEST_EVENT_MS) add('event.endsAt', 'is more than 31 days after event.startsAt');
  if (Boolean(event.venueCode) === Boolean(event.route)) add('event.venueCode', 'or event.route: give exactly one of them');
  // Stored sampled every 100 m, and no more than MAX_ROUTE_POINTS of them (see platform/geo).
  const tooLong = event.route ? routeLengthProblem(event.route.points) : null;
  if (tooLong) add('event.route.points', tooLong);
  if (event.loudspeaker) {
    const from = parseIstInstant(event.loudspeaker.from);
    const to = parseIstInstant(event.loudspeaker.to);
    if (to <= from) add('event.loudspeaker.to', 'must be after event.loudspeaker.from');
    else if (from < startsAt || to > endsAt) add('event.loudspeaker.from', 'and event.loudspeaker.to must lie within the event');
  }
  if (problems.length > 0) throw fieldErrors(problems);
}
