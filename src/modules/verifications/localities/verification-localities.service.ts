import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError } from '../../../platform/http';
import { Unit, unitRef, UnitsService } from '../../../platform/units';
import { VerificationRouting } from '../application/verification-routing';
import { VerificationLocality } from '../entities/verification-locality.entity';
import { nameKey } from '../matching/name-key';

/** The locality register: which thana's area a locality (mohalla, colony) is. */
@Injectable()
export class VerificationLocalities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly routing: VerificationRouting,
    private readonly units: UnitsService,
  ) {}

  async list() {
    const rows = await this.dataSource.getRepository(VerificationLocality).find({ order: { name: 'ASC' } });
    const units = await this.units.refs(rows.map((r) => r.thanaUnitId));
    return rows.map((r) => ({ id: r.id, name: r.name, thana: units.of(r.thanaUnitId) }));
  }

  /** One entry; a locality the register already has (in any script or spelling) is refused, naming the thana it is with. */
  async add(actor: Actor, name: string, thanaCode: string) {
    const key = nameKey(name);
    if (!key) throw fieldError('name', 'name has no letters to match on');
    return this.uow.run(async (change) => {
      const { em } = change;
      const thana = await this.routing.thanaByCode(em, thanaCode, 'thanaCode');
      const existing = await em.findOne(VerificationLocality, { where: { nameKey: key } });
      if (existing) {
        const with_ = await em.findOneOrFail(Unit, { where: { id: existing.thanaUnitId } });
        throw fieldError('name', `name "${name}" is already in the register as "${existing.name}" (${with_.nameEn} thana)`);
      }
      const saved = await em.save(em.create(VerificationLocality, { name, nameKey: key, thanaUnitId: thana.id, createdBy: actor.id }));
      change.audit({ action: 'verification.locality_added', entityType: 'verification_locality', entityId: saved.id, diff: { name, thana: thana.code } });
      return { id: saved.id, name: saved.name, thana: unitRef(thana) };
    });
  }
}
