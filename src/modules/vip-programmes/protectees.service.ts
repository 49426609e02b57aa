import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../platform/change';
import { CreateProtecteeDto } from './vip.dto';
import { Protectee, SecurityCategoryNorm } from './vip.entity';

@Injectable()
export class ProtecteesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** The ranked list, highest first. */
  list(): Promise<Protectee[]> {
    return this.dataSource.getRepository(Protectee).find({ where: { isActive: true }, order: { listRank: 'ASC' } });
  }

  create(dto: CreateProtecteeDto): Promise<Protectee> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const p = await em.save(em.create(Protectee, { ...dto, callSign: dto.callSign ?? null, isActive: true }));
      change.audit({ action: 'vip.protectee_created', entityType: 'protectee', entityId: p.id, diff: { category: p.category, listRank: p.listRank } });
      return p;
    });
  }

  /** Personnel norms per security category: data, not code, because sources disagree. */
  norms(): Promise<SecurityCategoryNorm[]> {
    return this.dataSource.getRepository(SecurityCategoryNorm).find({ order: { rankOrder: 'ASC' } });
  }
}
