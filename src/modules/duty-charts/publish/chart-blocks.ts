import type { Block, TableColumn, TableGroupRow, TableRow, TemplateStore } from '../../../platform/documents';
import { formatIstDate, formatIstDateTime, formatIstTime, formatIstWindow } from '../../../platform/time';
import { groupBy } from '../bandobast/structure-tree';
import { ChartData, ChartDuty } from './chart-data';
import { inChargeText, postKindLabel, shortRank } from './labels';
import { postNames } from './slip-content';

/**
 * The master chart's rows are grouped by post: the post (code, Hindi and English names, kind),
 * its location and equipment once, as the group's heading, then one row per officer. The shift
 * and reporting time print once for each run of officers on the same shift.
 */
const MASTER_COLUMNS: TableColumn[] = [
  { header: 'क्र. / No.', width: 0.55, align: 'right' },
  { header: 'समय / Shift', width: 2.7, mergeRepeats: true },
  { header: 'रिपोर्टिंग / Report', width: 1.25, mergeRepeats: true },
  { header: 'पद / Rank', width: 1.2 },
  { header: 'बेल्ट नं. / Belt no.', width: 1.5 },
  { header: 'नाम / Name', width: 3.1 },
  { header: 'इकाई / Unit', width: 2 },
  { header: 'मोबाइल / Mobile', width: 1.3 },
];

const THANA_COLUMNS: TableColumn[] = [
  { header: 'बेल्ट / Belt', width: 1.3 },
  { header: 'पद / Rank', width: 1.4 },
  { header: 'नाम / Name', width: 3 },
  { header: 'ड्यूटी स्थल / Post', width: 3 },
  { header: 'पता / Location', width: 3 },
  { header: 'रिपोर्टिंग / Report', width: 1.4 },
  { header: 'समय / Shift', width: 2.2 },
  { header: 'प्रभारी / In-charge', width: 3 },
];

function preamble(data: ChartData, templates: TemplateStore, scope: string): Block[] {
  const shifts = data.divisions.flatMap((d) =>
    d.sectors.flatMap((s) => s.posts.flatMap((p) => p.shifts)),
  );
  const period =
    shifts.length === 0
      ? '—'
      : formatIstWindow(
          new Date(Math.min(...shifts.map((s) => s.startsAt.getTime()))),
          new Date(Math.max(...shifts.map((s) => s.endsAt.getTime()))),
        );
  const b = data.bandobast;
  return (['hi', 'en'] as const).flatMap(
    (lang) =>
      templates.render('duty-charts', 'duty-chart', lang, {
        event: lang === 'hi' ? b.nameHi : b.nameEn,
        version: String(data.chart.versionNo),
        period,
        scope,
      }).blocks,
  );
}

const who = (d: ChartDuty) => `${d.officer.nameHi} / ${d.officer.nameEn}`;
const unitName = (o: ChartDuty['officer']) => `${o.unitNameHi} / ${o.unitNameEn}`;
const postName = (p: ChartDuty['post']) => postNames({ postName: p.name, postNameHi: p.nameHi });
const post = (d: ChartDuty) => `${postName(d.post)} (${d.post.code}), ${postKindLabel(d.post.kind)}`;

/** When the officer must report: the shift's own reporting time, else the bandobast's lead. */
export function reportAt(d: ChartDuty, reportMinutesBefore: number): Date {
  return d.shift.reportAt ?? new Date(d.shift.startsAt.getTime() - reportMinutesBefore * 60_000);
}

/** The reporting time beside the shift: the time alone when it is on the shift's first day. */
function reportText(report: Date, start: Date): string {
  return formatIstDate(report) === formatIstDate(start) ? formatIstTime(report) : formatIstDateTime(report);
}

/** A post's heading in the master chart: who it is, where, with what, and how many. */
function postGroup(p: ChartDuty['post'], duties: readonly ChartDuty[]): TableGroupRow {
  const detail = [
    `पता / Location: ${p.location}`,
    p.equipment ? `शस्त्र-उपकरण / Equipment: ${p.equipment}` : null,
    `बल / Strength: ${duties.length}`,
  ].filter(Boolean);
  return { group: `${p.code}: ${postName(p)}, ${postKindLabel(p.kind)}`, detail: detail.join(' · ') };
}

/** The master chart: the whole order, division by division and sector by sector, post by post. */
export function masterChartBlocks(data: ChartData, templates: TemplateStore): Block[] {
  const blocks = preamble(data, templates, 'सम्पूर्ण / Master chart');
  const bySector = groupBy(data.duties, (d) => d.sector.id);
  const lead = data.bandobast.reportMinutesBefore;
  for (const division of data.divisions) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `${division.code}: ${division.name}. प्रभारी / In-charge: ${inChargeText(division.inCharge)}`,
    });
    for (const sector of division.sectors) {
      const duties = bySector.get(sector.id) ?? [];
      blocks.push({
        kind: 'paragraph',
        bold: true,
        text: `${sector.code}: ${sector.name}. प्रभारी / In-charge: ${inChargeText(sector.inCharge)} (${duties.length})`,
      });
      if (duties.length === 0) continue;
      const rows: TableRow[] = [];
      let n = 0;
      // Duties arrive in the order's order (post, shift, rank, belt), so each post is one run.
      for (const postDuties of groupBy(duties, (d) => d.post.id).values()) {
        rows.push(postGroup(postDuties[0]!.post, postDuties));
        for (const d of postDuties) {
          const start = d.shift.startsAt;
          rows.push([
            String(++n),
            `${formatIstWindow(start, d.shift.endsAt)}${d.shift.armed ? '\nसशस्त्र / Armed' : ''}`,
            reportText(reportAt(d, lead), start),
            shortRank(d.slotRank),
            d.officer.beltNo,
            who(d),
            unitName(d.officer),
            d.officer.mobile ?? '—',
          ]);
        }
      }
      blocks.push({ kind: 'table', fontSize: 8, columns: MASTER_COLUMNS, rows });
    }
  }
  return blocks;
}

/** One thana's chart: its own people, where each must report and to whom. */
export function thanaChartBlocks(
  data: ChartData,
  templates: TemplateStore,
  unit: { code: string; nameEn: string; nameHi: string },
  duties: readonly ChartDuty[],
): Block[] {
  return [
    ...preamble(data, templates, `${unit.nameHi} / ${unit.nameEn}`),
    {
      kind: 'table',
      fontSize: 8,
      columns: THANA_COLUMNS,
      rows: [...duties]
        .sort(
          (a, b) =>
            a.officer.beltNo.localeCompare(b.officer.beltNo) ||
            a.shift.startsAt.getTime() - b.shift.startsAt.getTime(),
        )
        .map((d) => {
          const report = reportAt(d, data.bandobast.reportMinutesBefore);
          return [
            d.officer.beltNo,
            shortRank(d.officer.rank),
            who(d),
            `${post(d)}; ${d.sector.code}`,
            d.post.location,
            formatIstDateTime(report),
            formatIstWindow(d.shift.startsAt, d.shift.endsAt),
            inChargeText(d.inCharge),
          ];
        }),
    },
  ];
}
