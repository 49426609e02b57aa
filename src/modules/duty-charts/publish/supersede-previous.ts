import type { Change } from '../../../platform/change';
import type { DocumentsService } from '../../../platform/documents';
import { CHART_ENTITY } from '../charts/chart-solve.service';
import { AS_SYSTEM } from '../../../platform/workflow';
import { CHART_WORKFLOW } from '../charts/chart-states';
import { DutyChart } from '../charts/duty-chart.entity';

export interface IssuedCharts {
  master: string;
  thanas: Map<string, string>;
}

/**
 * Retires the version in force when a newer one is published: it stops booking its officers,
 * and its master and thana charts are marked superseded by the new ones (or revoked, for a
 * thana with no duties left), so their verify links say so.
 */
export async function supersedePrevious(
  change: Change,
  documents: DocumentsService,
  chart: DutyChart,
  charts: IssuedCharts,
): Promise<void> {
  const { em } = change;
  const previous = await em.findOne(DutyChart, {
    where: { bandobastId: chart.bandobastId, status: 'PUBLISHED' },
    lock: { mode: 'pessimistic_write' },
  });
  if (!previous) return;
  previous.status = CHART_WORKFLOW.next(previous.status, 'supersede', AS_SYSTEM, previous);
  await em.save(previous);
  await em.query(`UPDATE duty_assignment SET live = false WHERE chart_id = $1`, [previous.id]);
  const papers = await documents.ofSource('duty_chart', previous.id, { status: 'VALID' }, em);
  for (const p of papers) {
    const newer =
      p.variant === 'master' ? charts.master : charts.thanas.get(p.variant.replace(/^thana-/, ''));
    if (newer) await change.supersedePaper(p.id, newer);
    else await change.revokePaper(p.id, `no duties for this thana in version ${chart.versionNo}`);
  }
  change.audit({
    action: 'duty_chart.superseded',
    entityType: CHART_ENTITY,
    entityId: previous.id,
    diff: { by: chart.id, versionNo: chart.versionNo },
  });
}
