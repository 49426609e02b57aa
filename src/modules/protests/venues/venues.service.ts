import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../../platform/change';
import { assertVersion, fieldError } from '../../../platform/http';
import { UnitsService } from '../../../platform/units';
import { ProtestVenue } from '../entities/protest-venue.entity';
import { changedFields } from '../audit-diff';
import { CreateVenueDto, UpdateVenueDto } from './venue.dto';

export const VENUE_SOURCE = 'protest_venue';

const EDITABLE = ['code', 'nameEn', 'nameHi', 'lat', 'lng', 'capacity', 'opensAt', 'closesAt', 'thanaUnitId', 'kind', 'notes', 'isActive'] as const;

/** The venue registry, kept by admins; intake picks from it by code. */
@Injectable()
export class VenuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
  ) {}

  list(includeInactive = false): Promise<ProtestVenue[]> {
    return this.dataSource.getRepository(ProtestVenue).find({ where: includeInactive ? {} : { isActive: true }, order: { nameEn: 'ASC' } });
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<ProtestVenue> {
    const venue = await em.findOne(ProtestVenue, { where: { id } });
    if (!venue) throw new NotFoundException(`Venue ${id} not found`);
    return venue;
  }

  /** For intake: an unknown or closed venue is the caller's input error, naming the field. */
  async byCode(code: string, em: EntityManager, field: string): Promise<ProtestVenue> {
    const venue = await em.findOne(ProtestVenue, { where: { code } });
    if (!venue) throw fieldError(field, `${field} ${code} is not a registered venue`);
    if (!venue.isActive) throw fieldError(field, `${field} ${code} is no longer in use`);
    return venue;
  }

  create(dto: CreateVenueDto): Promise<ProtestVenue> {
    return this.uow.run(async (change) => {
      const { em } = change;
      checkHours(dto.opensAt, dto.closesAt);
      if (await em.findOne(ProtestVenue, { where: { code: dto.code } })) throw fieldError('code', `code ${dto.code} is already used by another venue`);
      const { thanaCode, ...fields } = dto;
      const thana = await this.units.byCode(thanaCode, em, 'thanaCode');
      const venue = await em.save(
        em.create(ProtestVenue, {
          ...fields,
          capacity: dto.capacity ?? null,
          opensAt: dto.opensAt ?? null,
          closesAt: dto.closesAt ?? null,
          kind: dto.kind ?? null,
          notes: dto.notes ?? null,
          thanaUnitId: thana.id,
          isActive: true,
        }),
      );
      change.audit({ action: 'protest.venue_created', entityType: VENUE_SOURCE, entityId: venue.id, diff: { ...fields, thanaCode } });
      return venue;
    });
  }

  update(id: string, dto: UpdateVenueDto): Promise<ProtestVenue> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const venue = await em.findOne(ProtestVenue, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!venue) throw new NotFoundException(`Venue ${id} not found`);
      assertVersion('Venue', venue.version, dto.version);
      const { version: _v, thanaCode, ...changes } = dto;
      if (changes.code && changes.code !== venue.code && (await em.findOne(ProtestVenue, { where: { code: changes.code } }))) {
        throw fieldError('code', `code ${changes.code} is already used by another venue`);
      }
      const before = { ...venue };
      Object.assign(venue, changes);
      if (thanaCode) venue.thanaUnitId = (await this.units.byCode(thanaCode, em, 'thanaCode')).id;
      checkHours(venue.opensAt, venue.closesAt);
      const saved = await em.save(venue);
      change.audit({ action: 'protest.venue_updated', entityType: VENUE_SOURCE, entityId: id, diff: changedFields(before, saved, EDITABLE) });
      return saved;
    });
  }
}

function checkHours(opensAt: string | null | undefined, closesAt: string | null | undefined): void {
  if (!opensAt !== !closesAt) throw fieldError(opensAt ? 'closesAt' : 'opensAt', 'give both opensAt and closesAt, or neither');
  if (opensAt && closesAt && opensAt >= closesAt) throw fieldError('closesAt', 'closesAt must be later than opensAt on the same day');
}
