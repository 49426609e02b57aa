import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../platform/context';
import { DocumentsService, DrawnDocument } from '../../../platform/documents';
import { NotifyService } from '../../../platform/notify';
import { QueueName, QueueService } from '../../../platform/queue';
import { PersonnelDirectory } from '../../personnel';
import { DutySlipNotice } from '../slips/duty-slip-notice.entity';
import { NoticeSummary, summariseNotices } from '../slips/notice-summary';
import { RollCheck } from '../solver';
import { ShortPost, shortPostsOf } from './chart-shortfalls';
import { CHART_WORKFLOW, SolveEnded } from './chart-states';
import { ListAssignmentsDto } from './charts.dto';
import { ChartsService } from './charts.service';
import { DutyChart } from './duty-chart.entity';

export interface AssignmentRow {
  id: string;
  shiftId: string;
  shiftCode: string;
  postCode: string;
  startsAt: Date;
  endsAt: Date;
  officerId: string;
  beltNo: string;
  rank: string;
  slotRank: string;
  nameEn: string;
  nameHi: string;
  unitCode: string;
  pinned: boolean;
}

export interface JobView {
  jobId: string | null;
  state: string;
  progress: unknown;
  failedReason: string | null;
}

/** What a duty officer looks at: the version, its shortfalls, its jobs' progress, its papers. */
@Injectable()
export class ChartReadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly charts: ChartsService,
    private readonly queues: QueueService,
    private readonly documents: DocumentsService,
    private readonly directory: PersonnelDirectory,
    private readonly notify: NotifyService,
  ) {}

  async summary(
    actor: Actor,
    chartId: string,
  ): Promise<
    DutyChart & {
      assignments: number;
      pinned: number;
      officers: number;
      shortPosts: ShortPost[];
      notices: NoticeSummary | null;
    }
  > {
    const chart = await this.charts.get(actor, chartId);
    const [counts] = await this.dataSource.query(
      `SELECT count(*)::int AS assignments, count(*) FILTER (WHERE pinned)::int AS pinned, count(DISTINCT officer_id)::int AS officers
         FROM duty_assignment WHERE chart_id = $1`,
      [chartId],
    );
    return { ...chart, ...counts, shortPosts: shortPostsOf(chart.shortfalls), notices: await this.notices(chart) };
  }

  /**
   * Who the version's publication told of their duty and who it did not, and why: each
   * officer's notice with the state of their SMS now (a failure may come minutes after the
   * publish completed). Null until the version is published.
   */
  async notices(chart: Pick<DutyChart, 'id' | 'publishedAt'>): Promise<NoticeSummary | null> {
    if (!chart.publishedAt) return null;
    const rows = await this.dataSource.getRepository(DutySlipNotice).find({ where: { chartId: chart.id } });
    const states = await this.notify.states(rows.flatMap((r) => r.notificationIds));
    return summariseNotices(rows, states);
  }

  /**
   * A version's duties, a page at a time, in shift order and by belt number within a slot
   * rank. Officers come from personnel's directory, so the page is cut here, not in SQL.
   */
  async assignments(
    actor: Actor,
    chartId: string,
    q: ListAssignmentsDto,
  ): Promise<{ total: number; items: AssignmentRow[] }> {
    await this.charts.get(actor, chartId);
    const where = [`a.chart_id = $1`];
    const params: unknown[] = [chartId];
    if (q.shiftCode) where.push(`s.code = $${params.push(q.shiftCode)}`);
    if (q.beltNo) {
      const ids = (await this.directory.byBeltNos([q.beltNo])).map((o) => o.id);
      where.push(`a.officer_id = ANY($${params.push(ids)}::uuid[])`);
    }
    if (q.pinned) where.push(`a.pinned = $${params.push(q.pinned === 'true')}`);
    const rows: Array<Omit<AssignmentRow, 'beltNo' | 'rank' | 'nameEn' | 'nameHi' | 'unitCode'>> =
      await this.dataSource.query(
        `SELECT a.id, a.shift_id AS "shiftId", s.code AS "shiftCode", p.code AS "postCode", s.starts_at AS "startsAt",
                s.ends_at AS "endsAt", a.officer_id AS "officerId", a.slot_rank AS "slotRank", a.pinned
           FROM duty_assignment a JOIN bandobast_shift s ON s.id = a.shift_id JOIN bandobast_post p ON p.id = s.post_id
          WHERE ${where.join(' AND ')} ORDER BY s.starts_at, s.code, a.slot_rank`,
        params,
      );
    const officers = new Map(
      (await this.directory.byIds([...new Set(rows.map((r) => r.officerId))])).map((o) => [o.id, o]),
    );
    const items = rows
      .map((r, i) => {
        const o = officers.get(r.officerId)!;
        const row: AssignmentRow = {
          ...r,
          beltNo: o.beltNo,
          rank: o.rank,
          nameEn: o.nameEn,
          nameHi: o.nameHi,
          unitCode: o.unitCode,
        };
        return { row, i };
      })
      // Rows arrive in shift and slot-rank order; within the same shift and slot rank, by belt.
      .sort((a, b) =>
        sameSlot(a.row, b.row) ? byCodePoints(a.row.beltNo, b.row.beltNo) : a.i - b.i,
      )
      .map(({ row }) => row);
    return { total: items.length, items: items.slice(q.offset, q.offset + q.limit) };
  }

  /** Solve and publish progress, for the DUTY_OFFICER's screen (the system job view is ADMIN only). */
  async progress(
    actor: Actor,
    chartId: string,
  ): Promise<{
    chartId: string;
    status: string;
    solveResult: string | null;
    solveEnded: SolveEnded | null;
    solveNote: string | null;
    rollCheck: RollCheck | null;
    shortPosts: ShortPost[];
    allowedActions: string[];
    solve: JobView;
    publish: JobView & { done: number; total: number };
    notices: NoticeSummary | null;
  }> {
    const chart = await this.charts.get(actor, chartId);
    return {
      chartId,
      status: chart.status,
      solveResult: chart.solveResult,
      solveEnded: chart.solveEnded,
      solveNote: chart.solveNote,
      rollCheck: chart.rollCheck,
      shortPosts: shortPostsOf(chart.shortfalls),
      allowedActions: CHART_WORKFLOW.allowedActions(chart.status, actor.roles, chart),
      solve: await this.job('duty-solve', chart.solveJobId),
      publish: {
        ...(await this.job('duty-publish', chart.publishJobId)),
        done: chart.publishDone,
        total: chart.publishTotal,
      },
      notices: await this.notices(chart),
    };
  }

  async papers(
    actor: Actor,
    chartId: string,
  ): Promise<
    Array<Pick<DrawnDocument, 'id' | 'variant' | 'title' | 'status' | 'sha256' | 'pageCount'>>
  > {
    await this.charts.get(actor, chartId);
    const papers = await this.documents.ofSource('duty_chart', chartId);
    return papers.map(({ id, variant, title, status, sha256, pageCount }) => ({
      id,
      variant,
      title,
      status,
      sha256,
      pageCount,
    }));
  }

  async pdf(
    actor: Actor,
    chartId: string,
    thana: string | undefined,
  ): Promise<{ doc: DrawnDocument; bytes: Buffer }> {
    await this.charts.get(actor, chartId);
    const variant = thana ? `thana-${thana}` : 'master';
    const [doc] = await this.documents.ofSource('duty_chart', chartId, { variant });
    if (!doc)
      throw new NotFoundException(
        thana
          ? `No chart for thana ${thana} in this version`
          : 'This version has no master chart yet (it is issued on publishing)',
      );
    return this.documents.bytes(doc.id);
  }

  private async job(queue: QueueName, jobId: string | null): Promise<JobView> {
    if (!jobId) return { jobId: null, state: 'none', progress: null, failedReason: null };
    const job = await this.queues.queue(queue).getJob(jobId);
    if (!job) return { jobId, state: 'removed', progress: null, failedReason: null };
    return {
      jobId,
      state: await job.getState(),
      progress: job.progress ?? null,
      failedReason: job.failedReason ?? null,
    };
  }
}

const sameSlot = (a: AssignmentRow, b: AssignmentRow) =>
  a.startsAt.getTime() === b.startsAt.getTime() && a.shiftCode === b.shiftCode && a.slotRank === b.slotRank;

/** Plain code-point order, as PostgreSQL's C collation sorts belt numbers. */
const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
