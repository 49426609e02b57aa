import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { DocumentSigner } from '../documents/document-signer';
import { parseIstInstant } from '../time';
import { AuditLogEntry } from './audit-log.entity';
import { AuditQueryDto } from './audit.dto';
import { AUDIT_SIGNER, ChainReport, verifyAuditChain } from './audit-verify';

@Injectable()
export class AuditQueryService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUDIT_SIGNER) private readonly signer: DocumentSigner,
  ) {}

  /** The same check as `npm run audit:verify`: the first broken row, signatures, rows not yet chained. */
  verifyChain(): Promise<ChainReport> {
    return verifyAuditChain(this.dataSource, this.signer);
  }

  /** Newest first, keyset-paged by id. */
  list(f: AuditQueryDto): Promise<AuditLogEntry[]> {
    const q = this.dataSource.getRepository(AuditLogEntry).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(f.limit);
    if (f.action) q.andWhere('a.action = :action', { action: f.action });
    if (f.entityType) q.andWhere('a.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) q.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.actorId) q.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    // An auditor knows people by username, and may not list accounts to find their ids.
    if (f.actorUsername) q.andWhere('a.actor_username = :actorUsername', { actorUsername: f.actorUsername });
    if (f.from) q.andWhere('a.at >= :from', { from: parseIstInstant(f.from) });
    if (f.to) q.andWhere('a.at < :to', { to: parseIstInstant(f.to) });
    if (f.before) q.andWhere('a.id < :before', { before: f.before });
    return q.getMany();
  }

  /** A record's entries with these actions, oldest first: e.g. who viewed a VIP programme. */
  ofEntity(entityType: string, entityId: string, actions: readonly string[]): Promise<AuditLogEntry[]> {
    return this.dataSource.getRepository(AuditLogEntry).find({
      where: { entityType, entityId, action: In([...actions]) },
      order: { id: 'ASC' },
    });
  }
}
