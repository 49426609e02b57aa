import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit';
import { UnitOfWork } from '../../platform/change';
import { Actor } from '../../platform/context';
import { fieldError, safeFilename, sniffFileType } from '../../platform/http';
import { holdsNow, isGraded } from './dak-access';
import { DakRecords } from './dak-records.service';
import { DAK_SOURCE } from './dak-terms';
import { DAK_DESK_ROLES } from './dak-workflow';
import { DakScan } from './entities/dak-scan.entity';

/**
 * An item's scans, several per item: PDF, JPEG or PNG by their first bytes (the name made safe),
 * kept with their sha256. Reading one is reading the item: the same need-to-know, and a
 * download of a graded item's scan is audited.
 */
@Injectable()
export class DakScans {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly records: DakRecords,
    private readonly audit: AuditService,
  ) {}

  /** Added by its holder or the dak desk while the item is open. */
  async add(actor: Actor, receiptId: string, file: Express.Multer.File | undefined): Promise<void> {
    if (!file || file.size === 0) throw fieldError('file', 'file is required (multipart field "file": a PDF, JPEG or PNG)');
    const type = sniffFileType(file.buffer);
    if (!type) throw fieldError('file', 'file must be a PDF, JPEG or PNG (checked by its content, not its name)');
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await this.uow.run(async (change) => {
      const { em } = change;
      const dak = await this.records.find(em, actor, receiptId, true);
      if (dak.status === 'CLOSED') throw fieldError('file', `${dak.ref} is closed: reopen it to add a scan`);
      const desk = actor.roles.some((r) => (DAK_DESK_ROLES as readonly string[]).includes(r));
      if (!desk && !holdsNow(actor, dak)) throw new ForbiddenException(`only the holder of ${dak.ref} or the dak desk (CONTROL_ROOM, ADMIN) may add a scan`);
      // The same file sent twice (a retry, a double click) is one scan.
      if (await em.findOne(DakScan, { where: { receiptId: dak.id, sha256 } })) return;
      const saved = em.create(DakScan, {
        receiptId: dak.id,
        filename: safeFilename(file.originalname, type.extension),
        contentType: type.contentType,
        sizeBytes: file.size,
        sha256,
        bytes: file.buffer,
        uploadedBy: actor.id,
      });
      await em.insert(DakScan, saved);
      change.audit({
        action: 'dak.scan_added',
        entityType: DAK_SOURCE,
        entityId: dak.id,
        diff: { ref: dak.ref, scanId: saved.id, contentType: type.contentType, sizeBytes: file.size, sha256 },
      });
    });
  }

  async bytes(actor: Actor, receiptId: string, scanId: string): Promise<DakScan> {
    const dak = await this.records.find(this.dataSource.manager, actor, receiptId);
    const scan = await this.dataSource
      .getRepository(DakScan)
      .createQueryBuilder('s')
      .addSelect('s.bytes')
      .where('s.id = :scanId AND s.receipt_id = :receiptId', { scanId, receiptId: dak.id })
      .getOne();
    if (!scan) throw new NotFoundException(`Scan ${scanId} not found on ${dak.ref}`);
    if (isGraded(dak.grading))
      await this.audit.recordAlone({ action: 'dak.scan_downloaded', entityType: DAK_SOURCE, entityId: dak.id, diff: { ref: dak.ref, grading: dak.grading, scanId } });
    return scan;
  }
}
