import type { Block, TableColumn, TemplateStore } from '../../../platform/documents';
import { formatIstDateTime, formatIstWindow } from '../../../platform/time';
import { groupBy } from '../bandobast/structure-tree';
import { ChartData, ChartDuty } from './chart-data';
import { inChargeText, postKindLabel, shortRank } from './labels';

const MASTER_COLUMNS: TableColumn[] = [
  { header: 'ड्यूटी स्थल / Post', width: 3 },
  { header: 'पता / Location', width: 3 },
  { header: 'समय / Shift', width: 2.2 },
  { header: 'पद / Rank', width: 1.4 },
  { header: 'बेल्ट / Belt', width: 1.3 },
  { header: 'नाम / Name', width: 3 },
  { header: 'थाना / Unit', width: 1.6 },
  { header: 'शस्त्र-उपकरण / Equipment', width: 2 },
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
const post = (d: ChartDuty) => `${d.post.name} (${d.post.code}), ${postKindLabel(d.post.kind)}`;
const equipment = (d: ChartDuty) =>
  [d.shift.armed ? 'सशस्त्र / Armed' : null, d.post.equipment].filter(Boolean).join('; ') || '—';

/** The master chart: the whole order, division by division and sector by sector. */
export function masterChartBlocks(data: ChartData, templates: TemplateStore): Block[] {
  const blocks = preamble(data, templates, 'सम्पूर्ण / Master chart');
  const bySector = groupBy(data.duties, (d) => d.sector.id);
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
      blocks.push({
        kind: 'table',
        fontSize: 8,
        columns: MASTER_COLUMNS,
        rows: duties.map((d) => [
          post(d),
          d.post.location,
          `${formatIstWindow(d.shift.startsAt, d.shift.endsAt)}`,
          shortRank(d.slotRank),
          d.officer.beltNo,
          who(d),
          d.officer.unitCode,
          equipment(d),
        ]),
      });
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
  const reportMs = data.bandobast.reportMinutesBefore * 60_000;
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
          const report = d.shift.reportAt ?? new Date(d.shift.startsAt.getTime() - reportMs);
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
