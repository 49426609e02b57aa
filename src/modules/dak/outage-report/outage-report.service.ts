import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import { UnitOfWork } from '../../../platform/change';
import { Actor } from '../../../platform/context';
import { DocumentsService, TemplateStore } from '../../../platform/documents';
import { EofficeOutage, EofficeOutages } from '../../../platform/eoffice';
import { CLOCK, Clock, formatIstDate } from '../../../platform/time';
import { dakVisibleScope, isGraded } from '../dak-access';
import { DakRecords } from '../dak-records.service';
import { DakReceipt } from '../entities/dak-receipt.entity';
import { OutageReportRow, outagePeriod, outageReportBlocks, outageReportCsv } from './outage-report-content';

export const OUTAGE_REPORT_KIND = 'DAK_OUTAGE_REPORT';
const OUTAGE_SOURCE = 'eoffice_outage';

/**
 * "Received during the outage of …": every item that reached us, or was entered in the
 * register, while e-Office was down, with our diary number beside the receipt number e-Office
 * gave it when it came back, the channel it came by and who holds it now. The reader sees the
 * items the register shows them (a graded item only on its need-to-know); the paper and the CSV
 * never carry a graded item's subject.
 */
@Injectable()
export class DakOutageReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outages: EofficeOutages,
    private readonly records: DakRecords,
    private readonly uow: UnitOfWork,
    private readonly documents: DocumentsService,
    private readonly templates: TemplateStore,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(actor: Actor, outageId: string): Promise<{ outage: EofficeOutage; asAt: Date; rows: OutageReportRow[] }> {
    const outage = await this.outages.get(outageId);
    const asAt = this.clock.now();
    const until = outage.endedAt ?? asAt;
    const scope = dakVisibleScope(actor);
    const items = await this.dataSource
      .getRepository(DakReceipt)
      .createQueryBuilder('d')
      .where(
        '((d.received_at >= :began AND d.received_at < :until) OR (d.created_at >= :began AND d.created_at < :until))',
        { began: outage.beganAt, until },
      )
      .andWhere(scope.sql, scope.params)
      .orderBy('d.received_at', 'ASC')
      .addOrderBy('d.ref', 'ASC')
      .getMany();
    await this.records.auditViews(items, 'outage-report', { outageId });
    const views = await this.records.views(actor, items);
    const rows = views.map((v) => ({
      ref: v.ref,
      eofficeRef: v.eofficeRef,
      intakeChannel: v.intakeChannel,
      receivedAt: v.receivedAt,
      grading: v.grading,
      subject: isGraded(v.grading) ? null : v.subject,
      status: v.status,
      holder: v.status === 'CLOSED' ? null : holderOf(v),
    }));
    return { outage, asAt, rows };
  }

  /** The CSV, its export audited like the register's other exports. */
  async csv(actor: Actor, outageId: string): Promise<{ filename: string; text: string }> {
    const { outage, rows } = await this.report(actor, outageId);
    await this.audit.recordAlone({ action: 'dak.outage_report_exported', entityType: OUTAGE_SOURCE, entityId: outage.id, diff: { format: 'csv', items: rows.length } });
    return { filename: `dak-outage-${formatIstDate(outage.beganAt).replace(/[^0-9]+/g, '-')}.csv`, text: outageReportCsv(rows) };
  }

  /** Issues the bilingual paper (verifiable by its QR) as the report stands now. */
  async issue(actor: Actor, outageId: string) {
    const { outage, asAt, rows } = await this.report(actor, outageId);
    const ref = `DAK-OUTAGE/${formatIstDate(outage.beganAt)}`;
    return this.uow.run({
      draw: (d) =>
        d.paper({
          kind: OUTAGE_REPORT_KIND,
          language: 'bi',
          title: 'ई-ऑफिस बंद रहने के दौरान प्राप्त डाक / Dak received during the e-Office outage',
          label: outagePeriod(outage),
          sourceType: OUTAGE_SOURCE,
          sourceId: outage.id,
          sourceRef: ref,
          variant: `as-at-${asAt.toISOString()}`,
          issuingUnitId: actor.unitId,
          issuedAt: asAt,
          reference: ref,
          landscape: true,
          publicFacts: [{ key: 'period', label: { hi: 'अवधि', en: 'Period' }, value: { hi: outagePeriod(outage), en: outagePeriod(outage) } }],
          blocks: outageReportBlocks(outage, rows, asAt, this.templates),
        }),
      write: async (change, drawn) => {
        const doc = await change.storePaper(drawn);
        change.audit({ action: 'dak.outage_report_issued', entityType: OUTAGE_SOURCE, entityId: outage.id, diff: { documentId: doc.id, items: rows.length, asAt: asAt.toISOString() } });
        return doc;
      },
    });
  }

  /** A report paper's bytes; 404 for any other document. */
  async pdf(outageId: string, documentId: string) {
    const found = await this.documents.bytes(documentId).catch(() => null);
    if (!found || found.doc.kind !== OUTAGE_REPORT_KIND || found.doc.sourceId !== outageId) throw new NotFoundException(`Outage report ${documentId} not found`);
    return found;
  }
}

const holderOf = (v: Awaited<ReturnType<DakRecords['views']>>[number]) => {
  const unit = v.holderUnit;
  const user = v.holderUser;
  return user
    ? { hi: `${user.nameHi}, ${unit.nameHi}`, en: `${user.nameEn}, ${unit.nameEn}` }
    : { hi: unit.nameHi, en: unit.nameEn };
};
