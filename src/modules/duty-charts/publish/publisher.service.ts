import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../../platform/change';
import type { IssueRequest } from '../../../platform/documents';
import { TemplateStore } from '../../../platform/documents';
import { JobHandler } from '../../../platform/queue';
import { PersonnelDirectory } from '../../personnel';
import { DutyChart } from '../charts/duty-chart.entity';
import { groupBy } from '../bandobast/structure-tree';
import { ChartData, ChartDuty, loadChartData } from './chart-data';
import { masterChartBlocks, thanaChartBlocks } from './chart-blocks';
import { PublicationFinaliser } from './publication-finaliser';
import { chartPublicFacts, slipPublicFacts } from './public-facts';
import { slipBlocks } from './slip-blocks';
import { Slip, slipsOf } from './slip-content';

/** Slips issued in one transaction (one insert) at a time; progress moves per batch. */
const SLIP_BATCH = 500;

export interface PublishProgress {
  phase: 'charts' | 'slips' | 'finalising' | 'done';
  done: number;
  total: number;
}

type Paper = Pick<
  IssueRequest,
  'sourceRef' | 'reference' | 'issuingUnitId' | 'issuedAt' | 'language' | 'label' | 'confidential'
>;
type Step = (n: number, phase?: PublishProgress['phase']) => Promise<void>;

/**
 * The publish job: master chart, one chart per thana, one slip per officer, then the switch
 * to PUBLISHED in one transaction. Papers are issued idempotently (same content, same
 * document), so a retried job resumes instead of starting over, and an officer whose duties
 * did not change keeps the very same slip.
 */
@Injectable()
export class PublisherService {
  private readonly logger = new Logger('DutyChartPublish');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly templates: TemplateStore,
    private readonly directory: PersonnelDirectory,
    private readonly finaliser: PublicationFinaliser,
  ) {}

  @JobHandler('duty-chart-publish')
  async run(job: Job<{ chartId: string }>): Promise<{
    result: string;
    slips?: number;
    notified?: number;
    noMobile?: number;
    seconds?: Record<string, number>;
  }> {
    const chart = await this.dataSource
      .getRepository(DutyChart)
      .findOneBy({ id: job.data.chartId });
    if (!chart || chart.status !== 'PUBLISHING')
      return { result: `not publishing (${chart?.status ?? 'missing'})` };
    const clock = stopwatch();
    const data = await loadChartData(this.dataSource.manager, this.directory, chart);
    const slips = slipsOf(data);
    const thanas = byThana(data.duties);
    const progress: PublishProgress = {
      phase: 'charts',
      done: 0,
      total: 1 + thanas.size + slips.length,
    };
    const step: Step = async (n, phase = progress.phase) => {
      Object.assign(progress, { done: progress.done + n, phase });
      await this.dataSource.query(
        `UPDATE duty_chart SET publish_done = $2, publish_total = $3 WHERE id = $1`,
        [chart.id, progress.done, progress.total],
      );
      await job.updateProgress({ ...progress });
    };
    await step(0);
    const seconds: Record<string, number> = { load: clock() };
    const b = data.bandobast;
    const paper: Paper = {
      sourceRef: b.ref,
      reference: b.ref,
      issuingUnitId: b.unitId,
      issuedAt: chart.publishRequestedAt ?? new Date(),
      language: 'bi',
      label: `${b.ref}, version ${chart.versionNo}`,
      // A bandobast drafted from a confidential record (a VIP programme): its papers are too.
      confidential: b.sourceType !== null,
    };

    const charts = await this.issueCharts(data, thanas, paper, step);
    seconds.charts = clock();
    const slipIds = await this.finaliser.ensureSlipRows(
      b.id,
      slips.map((s) => s.content.officer.id),
    );
    const slipDocs = await this.issueSlips(data, slips, slipIds, paper, step);
    seconds.slips = clock();
    await step(0, 'finalising');
    const outcome = await this.finaliser.finalise(chart.id, data, slips, slipDocs, charts);
    seconds.finalise = clock();
    await step(0, 'done');
    this.logger.log(
      `chart ${chart.id} v${chart.versionNo}: ${outcome.result}, ${slips.length} slips, ${outcome.notified} officers sent SMS, ${outcome.noMobile} without a mobile; seconds ${JSON.stringify(seconds)}`,
    );
    return { result: outcome.result, slips: slips.length, notified: outcome.notified, noMobile: outcome.noMobile, seconds };
  }

  private async issueCharts(
    data: ChartData,
    thanas: Map<string, ChartDuty[]>,
    paper: Paper,
    step: Step,
  ) {
    const chartPaper = {
      ...paper,
      kind: 'DUTY_CHART',
      sourceType: 'duty_chart',
      sourceId: data.chart.id,
      landscape: true,
    };
    const master = await this.issue({
      ...chartPaper,
      title: 'ड्यूटी चार्ट / Duty chart',
      variant: 'master',
      publicFacts: chartPublicFacts(data, { hi: 'सम्पूर्ण', en: 'Master chart' }),
      blocks: masterChartBlocks(data, this.templates),
    });
    await step(1);
    const thanaDocs = new Map<string, string>();
    for (const [code, duties] of thanas) {
      const u = duties[0]!.officer;
      const unit = { code, nameEn: u.unitNameEn, nameHi: u.unitNameHi };
      const doc = await this.issue({
        ...chartPaper,
        title: `ड्यूटी चार्ट: ${u.unitNameHi} / Duty chart: ${u.unitNameEn}`,
        variant: `thana-${code}`,
        publicFacts: chartPublicFacts(data, { hi: u.unitNameHi, en: u.unitNameEn }),
        blocks: thanaChartBlocks(data, this.templates, unit, duties),
      });
      thanaDocs.set(code, doc.id);
      await step(1);
    }
    return { master: master.id, thanas: thanaDocs };
  }

  /** Draws one paper outside any transaction, then stores it. */
  private issue(request: IssueRequest) {
    return this.uow.run({ draw: (d) => d.paper(request), write: (change, drawn) => change.storePaper(drawn) });
  }

  /**
   * A slip's document is keyed by its content hash: the same duties give the same paper (and
   * no new SMS) in every later version; changed duties give a new paper that supersedes it.
   * Slips are issued undrawn: each gets its record, number and verify link now, and its bytes
   * on the officer's first download, so a 5,500-officer publish does not wait on 5,500 renders.
   */
  private async issueSlips(
    data: ChartData,
    slips: Slip[],
    slipIds: Map<string, string>,
    paper: Paper,
    step: Step,
  ): Promise<Map<string, string>> {
    const slipDocs = new Map<string, string>();
    for (let i = 0; i < slips.length; i += SLIP_BATCH) {
      const batch = slips.slice(i, i + SLIP_BATCH);
      const docs = await this.uow.run((change) =>
        change.storeUndrawnPapers(
          batch.map((slip) => ({
            ...paper,
            kind: 'DUTY_SLIP',
            title: 'ड्यूटी पर्ची / Duty slip',
            sourceType: 'duty_slip',
            sourceId: slipIds.get(slip.content.officer.id)!,
            variant: `c-${slip.hash.slice(0, 24)}`,
            label: data.bandobast.ref,
            publicFacts: slipPublicFacts(slip.content),
            blocks: slipBlocks(slip.content, this.templates),
            drawOnFirstRead: true,
          })),
        ),
      );
      batch.forEach((slip, j) => slipDocs.set(slip.content.officer.id, docs[j]!.id));
      await step(batch.length, 'slips');
    }
    return slipDocs;
  }
}

function byThana(duties: readonly ChartDuty[]): Map<string, ChartDuty[]> {
  const map = groupBy(duties, (d) => d.officer.unitCode);
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/** Seconds since the previous call, for the job's own timing report. */
function stopwatch(): () => number {
  let last = performance.now();
  return () => Math.round((-last + (last = performance.now())) / 100) / 10;
}
