import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../platform/context';
import { DocumentsService, IssuedDocument } from '../../../platform/documents';
import { PersonnelDirectory } from '../../personnel';
import { DutySlip } from './duty-slip.entity';
import { SlipLinks } from './slip-links';

export type PublicSlip =
  { state: 'ok'; slip: DutySlip } | { state: 'expired' | 'invalid' | 'cancelled' };

/** Reading slips: an officer their own (by login or by signed link), nobody else's. */
@Injectable()
export class SlipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly directory: PersonnelDirectory,
    private readonly links: SlipLinks,
  ) {}

  async mine(
    actor: Actor,
  ): Promise<
    Array<Pick<DutySlip, 'id' | 'bandobastId' | 'status' | 'content' | 'documentId' | 'updatedAt'>>
  > {
    const officer = await this.directory.byUserId(actor.id);
    if (!officer)
      throw new NotFoundException(
        'No personnel record is linked to your login; ask the administrator to link it',
      );
    const slips = await this.dataSource
      .getRepository(DutySlip)
      .find({ where: { officerId: officer.id }, order: { updatedAt: 'DESC' } });
    return slips
      .filter((s) => s.status !== 'PENDING')
      .map(({ id, bandobastId, status, content, documentId, updatedAt }) => ({
        id,
        bandobastId,
        status,
        content,
        documentId,
        updatedAt,
      }));
  }

  async minePdf(actor: Actor, slipId: string): Promise<{ doc: IssuedDocument; bytes: Buffer }> {
    const officer = await this.directory.byUserId(actor.id);
    const slip = officer
      ? await this.dataSource
          .getRepository(DutySlip)
          .findOneBy({ id: slipId, officerId: officer.id })
      : null;
    // Someone else's slip is "not found", not "forbidden": its existence is not disclosed.
    if (!slip) throw new NotFoundException(`Slip ${slipId} not found`);
    return this.pdfOf(slip);
  }

  async byToken(token: string): Promise<PublicSlip> {
    const check = this.links.check(token);
    if (!check.ok) return { state: check.reason };
    const slip = await this.dataSource.getRepository(DutySlip).findOneBy({ id: check.slipId });
    if (!slip || slip.status === 'PENDING') return { state: 'invalid' };
    if (slip.status === 'CANCELLED') return { state: 'cancelled' };
    return { state: 'ok', slip };
  }

  async pdfByToken(token: string): Promise<{ doc: IssuedDocument; bytes: Buffer }> {
    const found = await this.byToken(token);
    if (found.state === 'expired' || found.state === 'cancelled')
      throw new GoneException(
        found.state === 'expired' ? 'This link has expired' : 'This duty has been cancelled',
      );
    if (found.state !== 'ok') throw new NotFoundException('This link is not valid');
    return this.pdfOf(found.slip);
  }

  private async pdfOf(slip: DutySlip): Promise<{ doc: IssuedDocument; bytes: Buffer }> {
    if (!slip.documentId || slip.status !== 'ACTIVE')
      throw new GoneException('This duty has been cancelled');
    return this.documents.bytes(slip.documentId);
  }
}
