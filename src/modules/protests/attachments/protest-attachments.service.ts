import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PersonRef, UsersService } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError, safeFilename, sniffFileType } from '../../../platform/http';
import { ProtestRecords } from '../application/protest-records';
import { AttachmentKind, ProtestAttachment } from '../entities/protest-attachment.entity';
import { PROTEST_SOURCE } from '../protest-source';

/** Scans of the application and the applicant's ID, kept with their sha256 in PostgreSQL. */
@Injectable()
export class ProtestAttachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly records: ProtestRecords,
    private readonly users: UsersService,
  ) {}

  /** The attachment as the record view lists it, with who uploaded it. */
  async add(actor: Actor, applicationId: string, kind: AttachmentKind, file: Express.Multer.File | undefined): Promise<Omit<ProtestAttachment, 'bytes' | 'uploadedBy'> & { uploadedBy: PersonRef }> {
    if (!file || file.size === 0) throw fieldError('file', 'file is required (multipart field "file": a PDF, JPEG or PNG scan)');
    const type = sniffFileType(file.buffer);
    if (!type) throw fieldError('file', 'file must be a PDF, JPEG or PNG (checked by its content, not its name)');
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const added = await this.uow.run(async (change) => {
      const { em } = change;
      const app = await this.records.find(em, actor, applicationId, true);
      // The same scan sent twice (a retry, a double click) is one attachment.
      const existing = await em.findOne(ProtestAttachment, { where: { applicationId: app.id, sha256 } });
      if (existing) return existing;
      const saved = await em.save(
        em.create(ProtestAttachment, {
          applicationId: app.id,
          kind,
          filename: safeFilename(file.originalname, type.extension),
          contentType: type.contentType,
          sizeBytes: file.size,
          sha256,
          bytes: file.buffer,
          uploadedBy: actor.id,
        }),
      );
      change.audit({
        action: 'protest.attachment_added',
        entityType: PROTEST_SOURCE,
        entityId: app.id,
        diff: { ref: app.ref, attachmentId: saved.id, kind, contentType: type.contentType, sizeBytes: file.size, sha256 },
      });
      const { bytes: _bytes, ...meta } = saved;
      return meta;
    });
    const people = await this.users.people([added.uploadedBy]);
    return { ...added, uploadedBy: people.of(added.uploadedBy) };
  }

  async bytes(actor: Actor, applicationId: string, attachmentId: string): Promise<ProtestAttachment> {
    const app = await this.records.find(this.dataSource.manager, actor, applicationId);
    const attachment = await this.dataSource
      .getRepository(ProtestAttachment)
      .createQueryBuilder('a')
      .addSelect('a.bytes')
      .where('a.id = :attachmentId AND a.application_id = :applicationId', { attachmentId, applicationId: app.id })
      .getOne();
    if (!attachment) throw new NotFoundException(`Attachment ${attachmentId} not found on ${app.ref}`);
    return attachment;
  }
}
