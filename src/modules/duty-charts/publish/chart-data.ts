import { EntityManager } from 'typeorm';
import { OfficerCard, PersonnelDirectory } from '../../personnel';
import { Bandobast } from '../bandobast/bandobast.entity';
import { DivisionNode, InChargeView, loadStructure, SectorNode } from '../bandobast/structure-tree';
import { BandobastPost, BandobastShift } from '../bandobast/structure.entity';
import { DutyChart } from '../charts/duty-chart.entity';
import { RANKS } from '../../../platform/ranks';

/** One duty of the chart with everything a paper prints about it. */
export interface ChartDuty {
  officer: OfficerCard;
  slotRank: string;
  shift: BandobastShift;
  post: BandobastPost;
  sector: SectorNode;
  division: DivisionNode;
  /** The officer the duty reports to: the sector in-charge, else the division's. */
  inCharge: InChargeView | null;
}

export interface ChartData {
  chart: DutyChart;
  bandobast: Bandobast;
  divisions: DivisionNode[];
  /** In the order of the order: division, sector, post, shift start, rank, belt number. */
  duties: ChartDuty[];
}

const RANK_ORDER: readonly string[] = RANKS;

/** Everything the chart's papers need, read once. */
export async function loadChartData(
  em: EntityManager,
  directory: PersonnelDirectory,
  chart: DutyChart,
): Promise<ChartData> {
  const bandobast = await em.findOneByOrFail(Bandobast, { id: chart.bandobastId });
  const { divisions } = await loadStructure(em, directory, bandobast.id);
  const rows: Array<{ officer_id: string; shift_id: string; slot_rank: string }> = await em.query(
    `SELECT officer_id, shift_id, slot_rank FROM duty_assignment WHERE chart_id = $1`,
    [chart.id],
  );
  const officers = new Map(
    (await directory.byIds([...new Set(rows.map((r) => r.officer_id))], em)).map((o) => [o.id, o]),
  );
  const places = new Map<string, Omit<ChartDuty, 'officer' | 'slotRank'> & { order: number }>();
  let order = 0;
  for (const division of divisions) {
    for (const sector of division.sectors) {
      for (const post of sector.posts) {
        for (const shift of post.shifts)
          places.set(shift.id, {
            shift,
            post,
            sector,
            division,
            inCharge: sector.inCharge ?? division.inCharge,
            order: order++,
          });
      }
    }
  }
  const duties = rows
    .map((r) => {
      const { order: _o, ...place } = places.get(r.shift_id)!;
      return {
        ...place,
        officer: officers.get(r.officer_id)!,
        slotRank: r.slot_rank,
        order: places.get(r.shift_id)!.order,
      };
    })
    .sort(
      (a, b) =>
        a.order - b.order ||
        RANK_ORDER.indexOf(a.slotRank) - RANK_ORDER.indexOf(b.slotRank) ||
        a.officer.beltNo.localeCompare(b.officer.beltNo),
    )
    .map(({ order: _o, ...duty }) => duty);
  return { chart, bandobast, divisions, duties };
}
