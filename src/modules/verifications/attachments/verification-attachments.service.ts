import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError, safeFilename, sniffFileType } from '../../../platform/http';
import { VerificationRecords } from '../application/verification-access';
import { VerificationAttachment } from '../entities/verification-attachment.entity';
import { VerificationFieldVisit } from '../entities/verification-field-visit.entity';
import { VERIFICATION_SOURCE, VerificationAttachmentKind } from '../verification-terms';
import { OPEN_STATUSES } from '../verification-workflow';

/**
 * The consent letter and a visit's photos, checked by their content as protest attachments are
 * (PDF, JPEG or PNG by the first bytes; the name made safe), kept with their sha256.
 */
@Injectable()
export class VerificationAttachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly records: VerificationRecords,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, applicationId: string, kind: VerificationAttachmentKind, visitId: string | undefined, file: Express.Multer.File | undefined): Promise<string> {
    if (!file || file.size === 0) throw fieldError('file', 'file is required (multipart field "file": a PDF, JPEG or PNG)');
    const type = sniffFileType(file.buffer);
    if (!type) throw fieldError('file', 'file must be a PDF, JPEG or PNG (checked by its content, not its name)');
    if (kind === 'VISIT_PHOTO' && !visitId) throw fieldError('visitId', 'visitId is required for a VISIT_PHOTO: the visit it was taken at');
    if (kind !== 'VISIT_PHOTO' && visitId) throw fieldError('visitId', 'visitId is for a VISIT_PHOTO only');
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.uow.run(async (change) => {
      const { em } = change;
      const { app } = await this.records.find(em, actor, applicationId, true);
      if (!OPEN_STATUSES.includes(app.status)) throw fieldError('file', `${app.ref} is decided: nothing more can be added to it`);
      if (visitId && !(await em.findOne(VerificationFieldVisit, { where: { id: visitId, applicationId: app.id } }))) {
        throw fieldError('visitId', `visitId ${visitId} is not a field visit of ${app.ref}`);
      }
      // The same file sent twice (a retry, a double click) is one attachment.
      const existing = await em.findOne(VerificationAttachment, { where: { applicationId: app.id, sha256 } });
      if (existing) return existing.id;
      const saved = await em.save(
        em.create(VerificationAttachment, {
          applicationId: app.id,
          kind,
          visitId: visitId ?? null,
          filename: safeFilename(file.originalname, type.extension),
          contentType: type.contentType,
          sizeBytes: file.size,
          sha256,
          bytes: file.buffer,
          uploadedBy: actor.id,
        }),
      );
      change.audit({
        action: 'verification.attachment_added',
        entityType: VERIFICATION_SOURCE,
        entityId: app.id,
        diff: { ref: app.ref, attachmentId: saved.id, kind, visitId: visitId ?? null, contentType: type.contentType, sizeBytes: file.size, sha256 },
      });
      return saved.id;
    });
  }

  /** A download is a read of the application: the same need-to-know, and audited. */
  async bytes(actor: Actor, applicationId: string, attachmentId: string): Promise<VerificationAttachment> {
    const { app } = await this.records.find(this.dataSource.manager, actor, applicationId);
    const attachment = await this.dataSource
      .getRepository(VerificationAttachment)
      .createQueryBuilder('a')
      .addSelect('a.bytes')
      .where('a.id = :attachmentId AND a.application_id = :applicationId', { attachmentId, applicationId: app.id })
      .getOne();
    if (!attachment) throw new NotFoundException(`Attachment ${attachmentId} not found on ${app.ref}`);
    await this.audit.recordAlone({ action: 'verification.attachment_downloaded', entityType: VERIFICATION_SOURCE, entityId: app.id, diff: { ref: app.ref, attachmentId, kind: attachment.kind } });
    return attachment;
  }
}
