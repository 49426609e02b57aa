import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../platform/context';
import { DocumentsService, StoredPaper } from '../../../platform/documents';
import { PersonnelDirectory } from '../../personnel';
import { DutyChartSettings, InjectSettings } from '../settings';
import { DutySlip } from './duty-slip.entity';
import { SlipLinks } from './slip-links';
import { SlipState, SlipStates } from './slip-states';
import type { SlipPageLanguage } from './slip-page';

export type PublicSlip =
  | { state: 'ok'; slip: DutySlip }
  | { state: 'cancelled'; slip: DutySlip }
  | { state: 'expired' | 'invalid' };

/** What the phone page shows for a link: the slip in force, and when a later version changed it. */
export type PublicSlipPage =
  | { state: 'ok'; slip: DutySlip; changedAt: Date | null }
  | { state: 'cancelled'; slip: DutySlip }
  | { state: 'expired' | 'invalid' };

/** Reading slips: an officer their own (by login or by signed link), nobody else's. */
@Injectable()
export class SlipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly directory: PersonnelDirectory,
    private readonly links: SlipLinks,
    private readonly states: SlipStates,
    @InjectSettings() private readonly settings: DutyChartSettings,
  ) {}

  /** The phone page leads with the SMS's language (Hindi when both are sent); it shows both. */
  get pageLanguage(): SlipPageLanguage {
    return this.settings.smsLanguage === 'en' ? 'en' : 'hi';
  }

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

  async minePdf(actor: Actor, slipId: string): Promise<StoredPaper> {
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

  byToken(token: string): Promise<PublicSlip> {
    return this.linked(token, (id) => this.dataSource.getRepository(DutySlip).findOneBy({ id }));
  }

  /** The slip a link names, as `read` reads it, or why the link shows none: one rule for the page and the PDF. */
  private async linked<S extends Pick<DutySlip, 'status'>>(
    token: string,
    read: (slipId: string) => Promise<S | null | undefined>,
  ): Promise<{ state: 'invalid' } | { state: 'expired' } | { state: 'cancelled'; slip: S } | { state: 'ok'; slip: S }> {
    const check = this.links.check(token);
    if (!check.ok) return { state: check.reason };
    const slip = await read(check.slipId);
    if (!slip || slip.status === 'PENDING') return { state: 'invalid' };
    return { state: slip.status === 'CANCELLED' ? 'cancelled' : 'ok', slip };
  }

  /**
   * The link's page. Every link of a slip opens the slip in force, so one from an SMS before a
   * change shows the changed duty; the page says when it changed (the last "changed" SMS this
   * slip's own publication sent, not one carried over unchanged to a later version).
   */
  async pageByToken(token: string): Promise<PublicSlipPage> {
    const found = await this.byToken(token);
    if (found.state !== 'ok') return found;
    const [row] = (await this.dataSource.query(
      `SELECT max(created_at) AS at FROM duty_slip_notice
        WHERE slip_id = $1 AND template = 'duty-slip-changed' AND carried_from IS NULL`,
      [found.slip.id],
    )) as Array<{ at: Date | null }>;
    return { ...found, changedAt: row?.at ?? null };
  }

  /**
   * The PDF behind a link. The slip's state comes from SlipStates (a publication on another
   * instance counts within SLIP_STATE_REFRESH_MS), the paper's bytes from the documents' cache.
   */
  async pdfByToken(token: string): Promise<StoredPaper> {
    const found = await this.linkedState(token);
    if (found.state === 'expired') throw new GoneException('This link has expired');
    if (found.state === 'invalid') throw new NotFoundException('This link is not valid');
    return this.pdfOf(found.slip);
  }

  /**
   * The PDF behind a link when the link is good and its slip in force, as `pdfByToken` reads it;
   * undefined otherwise (`pdfByToken` says why). For the shift-change rush's lean path.
   */
  async pdfInForce(token: string): Promise<StoredPaper | undefined> {
    const found = await this.linkedState(token);
    return found.state === 'ok' && inForce(found.slip) ? this.documents.immutableBytes(found.slip.documentId) : undefined;
  }

  /** The link's slip as its PDF needs it: its state from SlipStates. */
  private linkedState(token: string) {
    return this.linked(token, (id) => this.states.of(id));
  }

  private async pdfOf(slip: SlipState): Promise<StoredPaper> {
    if (!inForce(slip)) throw new GoneException('This duty has been cancelled');
    return this.documents.immutableBytes(slip.documentId);
  }
}

function inForce(slip: SlipState): slip is SlipState & { documentId: string } {
  return slip.status === 'ACTIVE' && slip.documentId !== null;
}
