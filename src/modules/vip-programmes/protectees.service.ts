import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { TransactionService } from '../../platform/database/transaction.service';
import { CreateProtecteeDto } from './vip.dto';
import { Protectee, SecurityCategoryNorm } from './vip.entity';

@Injectable()
export class ProtecteesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /** The ranked list, highest first. */
  list(): Promise<Protectee[]> {
    return this.dataSource.getRepository(Protectee).find({ where: { isActive: true }, order: { listRank: 'ASC' } });
  }

  create(dto: CreateProtecteeDto): Promise<Protectee> {
    return this.tx.run(async (em) => {
      const p = await em.save(em.create(Protectee, { ...dto, callSign: dto.callSign ?? null, isActive: true }));
      await this.audit.record(em, { action: 'vip.protectee_created', entityType: 'protectee', entityId: p.id, diff: { category: p.category, listRank: p.listRank } });
      return p;
    });
  }

  /** Personnel norms per security category: data, not code, because sources disagree. */
  norms(): Promise<SecurityCategoryNorm[]> {
    return this.dataSource.getRepository(SecurityCategoryNorm).find({ order: { rankOrder: 'ASC' } });
  }
}
