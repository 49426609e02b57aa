import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Change, UnitOfWork } from '../../../platform/change';
import { DocumentsService } from '../../../platform/documents';
import { PersonnelDirectory } from '../../personnel';
import { CHART_ENTITY } from '../charts/chart-solve.service';
import { AS_SYSTEM } from '../../../platform/workflow';
import { CHART_WORKFLOW } from '../charts/chart-states';
import { DutyChart } from '../charts/duty-chart.entity';
import { SlipStates } from '../slips/slip-states';
import { DutySlip } from '../slips/duty-slip.entity';
import { SlipNotices } from '../slips/slip-notices';
import { ChartData } from './chart-data';
import { NoticeOfficer, NoticeTemplate } from '../slips/duty-slip-notice.entity';
import { NoticeOutcome } from '../slips/slip-notices';
import { Slip, SlipContent } from './slip-content';
import { IssuedCharts, supersedePrevious } from './supersede-previous';

export interface FinalOutcome {
  result: 'PUBLISHED' | 'already done';
  /** Officers whose SMS was queued. */
  notified: number;
  /** Officers who could not be sent one: no mobile number on the roll. */
  noMobile: number;
  unchanged: number;
  cancelled: number;
}

/** What a notice row says about its officer, from the slip they were told of. */
function noticeOfficer(content: SlipContent): NoticeOfficer {
  const o = content.officer;
  const d = content.duties[0];
  return {
    officerId: o.id,
    beltNo: o.beltNo,
    nameEn: o.nameEn,
    nameHi: o.nameHi,
    rank: o.rank,
    unitNameEn: o.unitNameEn,
    unitNameHi: o.unitNameHi,
    postCode: d?.postCode ?? '—',
    postName: d?.postName ?? '—',
    ...(d?.postNameHi ? { postNameHi: d.postNameHi } : {}),
  };
}

/**
 * The moment a version comes into force, in one transaction: the older version is
 * superseded (and stops booking its officers), each slip points at its new paper, and
 * only officers whose own slip changed (or who were taken off) get an SMS.
 */
@Injectable()
export class PublicationFinaliser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notices: SlipNotices,
    private readonly directory: PersonnelDirectory,
    private readonly documents: DocumentsService,
    private readonly slipStates: SlipStates,
  ) {}

  /** One slip row per (bandobast, officer), created before the papers that cite its id. */
  async ensureSlipRows(bandobastId: string, officerIds: string[]): Promise<Map<string, string>> {
    await this.dataSource.query(
      `INSERT INTO duty_slip (bandobast_id, officer_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT (bandobast_id, officer_id) DO NOTHING`,
      [bandobastId, officerIds],
    );
    const rows: Array<{ id: string; officer_id: string }> = await this.dataSource.query(
      `SELECT id, officer_id FROM duty_slip WHERE bandobast_id = $1`,
      [bandobastId],
    );
    return new Map(rows.map((r) => [r.officer_id, r.id]));
  }

  /** Publishes the version in one unit of work; once it commits, the slip states read for links are read again. */
  async finalise(
    chartId: string,
    data: ChartData,
    slips: Slip[],
    slipDocs: Map<string, string>,
    charts: IssuedCharts,
  ): Promise<FinalOutcome> {
    const outcome = await this.publish(chartId, data, slips, slipDocs, charts);
    this.slipStates.forget();
    return outcome;
  }

  private publish(
    chartId: string,
    data: ChartData,
    slips: Slip[],
    slipDocs: Map<string, string>,
    charts: IssuedCharts,
  ): Promise<FinalOutcome> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const chart = await em.findOne(DutyChart, {
        where: { id: chartId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!chart || chart.status !== 'PUBLISHING')
        return { result: 'already done', notified: 0, noMobile: 0, unchanged: 0, cancelled: 0 };
      await supersedePrevious(change, this.documents, chart, charts);
      Object.assign(chart, {
        status: CHART_WORKFLOW.next(chart.status, 'published', AS_SYSTEM, chart),
        publishedAt: new Date(),
        masterDocumentId: charts.master,
      });
      await em.save(chart);
      const rows = await em.find(DutySlip, {
        where: { bandobastId: chart.bandobastId },
        lock: { mode: 'pessimistic_write' },
      });
      const outcome = {
        result: 'PUBLISHED' as const,
        ...(await this.applySlips(change, chart, data, rows, slips, slipDocs)),
      };
      change.audit({
        action: 'duty_chart.published',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: {
          versionNo: chart.versionNo,
          slips: slips.length,
          ...outcome,
          masterDocumentId: charts.master,
        },
      });
      return outcome;
    });
  }

  private async applySlips(
    change: Change,
    chart: DutyChart,
    data: ChartData,
    rows: DutySlip[],
    slips: Slip[],
    slipDocs: Map<string, string>,
  ) {
    const { em } = change;
    const byOfficer = new Map(rows.map((r) => [r.officerId, r]));
    const mobiles = new Map(data.duties.map((d) => [d.officer.id, d.officer.mobile]));
    const changed: Array<{ row: DutySlip; slip: Slip; documentId: string; wasActive: boolean }> =
      [];
    const unchanged: DutySlip[] = [];
    for (const slip of slips) {
      const row = byOfficer.get(slip.content.officer.id)!;
      byOfficer.delete(row.officerId);
      const documentId = slipDocs.get(row.officerId)!;
      if (row.status === 'ACTIVE' && row.documentId === documentId) unchanged.push(row);
      else changed.push({ row, slip, documentId, wasActive: row.status === 'ACTIVE' });
    }
    // An unchanged officer gets no new SMS: this version keeps the notice that last told them.
    await em.query(
      `INSERT INTO duty_slip_notice (chart_id, slip_id, template, notification_ids, unsent_reason, carried_from, officer)
       SELECT $1, n.slip_id, n.template, n.notification_ids, n.unsent_reason, coalesce(n.carried_from, n.chart_id), n.officer
         FROM duty_slip_notice n JOIN unnest($2::uuid[], $3::uuid[]) AS v(slip, chart) ON n.slip_id = v.slip AND n.chart_id = v.chart`,
      [chart.id, unchanged.map((r) => r.id), unchanged.map((r) => r.chartId)],
    );
    // One statement for thousands of slips: the first publication touches every one of them.
    await em.query(
      `UPDATE duty_slip s SET status = 'ACTIVE', chart_id = $1, document_id = v.doc, content_hash = v.hash, content = v.content,
              last_duty_end = v.last_end, notified_at = now(), updated_at = now()
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::timestamptz[]) AS v(id, doc, hash, content, last_end)
        WHERE s.id = v.id`,
      [
        chart.id,
        changed.map((c) => c.row.id),
        changed.map((c) => c.documentId),
        changed.map((c) => c.slip.hash),
        changed.map((c) => JSON.stringify(c.slip.content)),
        changed.map((c) => c.slip.lastDutyEnd),
      ],
    );
    // Unchanged slips keep their paper and their link; they only move to this version.
    await em.query(
      `UPDATE duty_slip SET chart_id = $1, updated_at = now() WHERE id = ANY($2::uuid[])`,
      [chart.id, unchanged.map((r) => r.id)],
    );
    const notices: Array<{ slip_id: string; template: NoticeTemplate; ids: string[]; unsent: string | null; officer: NoticeOfficer }> = [];
    const record = (slipId: string, template: NoticeTemplate, content: SlipContent, outcome: NoticeOutcome) =>
      notices.push({
        slip_id: slipId,
        template,
        ids: outcome.notificationIds,
        unsent: 'unsent' in outcome ? outcome.unsent : null,
        officer: noticeOfficer(content),
      });
    for (const { row, slip, documentId, wasActive } of changed) {
      if (wasActive && row.documentId)
        await change.supersedePaper(row.documentId, documentId);
      const template = wasActive ? 'duty-slip-changed' : 'duty-slip';
      const outcome = await this.notices.dutyNotice(
        change,
        template,
        { id: row.id, lastDutyEnd: slip.lastDutyEnd },
        slip.content,
        mobiles.get(row.officerId) ?? null,
      );
      record(row.id, template, slip.content, outcome);
    }
    const dropped = [...byOfficer.values()].filter((r) => r.status === 'ACTIVE');
    for (const card of await this.directory.byIds(
      dropped.map((r) => r.officerId),
      em,
    ))
      mobiles.set(card.id, card.mobile);
    for (const row of dropped) {
      if (row.documentId)
        await change.revokePaper(
          row.documentId,
          `duty cancelled in version ${chart.versionNo}`,
        );
      await em.update(
        DutySlip,
        { id: row.id },
        { status: 'CANCELLED', chartId: chart.id, notifiedAt: new Date() },
      );
      if (row.content)
        record(
          row.id,
          'duty-cancelled',
          row.content,
          await this.notices.cancelNotice(change, row, row.content, mobiles.get(row.officerId) ?? null),
        );
    }
    await em.query(
      `INSERT INTO duty_slip_notice (chart_id, slip_id, template, notification_ids, unsent_reason, officer)
       SELECT $1, r.slip_id, r.template, ARRAY(SELECT jsonb_array_elements_text(r.ids))::uuid[], r.unsent, r.officer
         FROM jsonb_to_recordset($2::jsonb) AS r(slip_id uuid, template text, ids jsonb, unsent text, officer jsonb)`,
      [chart.id, JSON.stringify(notices)],
    );
    const noMobile = notices.filter((n) => n.unsent === 'NO_MOBILE').length;
    return {
      notified: notices.length - noMobile,
      noMobile,
      unchanged: unchanged.length,
      cancelled: dropped.length,
    };
  }
}
