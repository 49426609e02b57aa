import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../platform/audit';
import { groupBy } from '../bandobast/structure-tree';
import { ChartData } from './chart-data';

export interface SlipDuty {
  shiftCode: string;
  postCode: string;
  postName: string;
  /** Present only when the post has a Hindi name, so older slips hash as they did. */
  postNameHi?: string;
  postKind: string;
  location: string;
  lat: number | null;
  lng: number | null;
  sector: string;
  division: string;
  start: string;
  end: string;
  reportAt: string;
  slotRank: string;
  inCharge: {
    rank: string;
    beltNo: string;
    nameEn: string;
    nameHi: string;
    mobile: string | null;
  } | null;
  equipment: string;
  briefing: string | null;
}

/** Exactly what an officer's slip says. Its hash decides whether a new version changed it. */
export interface SlipContent {
  bandobast: { ref: string; nameEn: string; nameHi: string };
  officer: {
    id: string;
    beltNo: string;
    nameEn: string;
    nameHi: string;
    rank: string;
    unitNameEn: string;
    unitNameHi: string;
  };
  duties: SlipDuty[];
}

export interface Slip {
  content: SlipContent;
  hash: string;
  lastDutyEnd: Date;
}

const ARMED = 'सशस्त्र / Armed';

/** "न्यू मार्केट चौराहा / New Market square", or the English name alone while there is no Hindi one. */
export function postNames(p: { postName: string; postNameHi?: string | null }): string {
  return p.postNameHi && p.postNameHi !== p.postName ? `${p.postNameHi} / ${p.postName}` : p.postName;
}

/** One slip per officer on the chart, with the duties in time order. */
export function slipsOf(data: ChartData): Slip[] {
  const byOfficer = groupBy(data.duties, (d) => d.officer.id);
  const b = data.bandobast;
  return [...byOfficer.values()].map((duties) => {
    const o = duties[0]!.officer;
    duties.sort((x, y) => x.shift.startsAt.getTime() - y.shift.startsAt.getTime());
    const content: SlipContent = {
      bandobast: { ref: b.ref, nameEn: b.nameEn, nameHi: b.nameHi },
      officer: {
        id: o.id,
        beltNo: o.beltNo,
        nameEn: o.nameEn,
        nameHi: o.nameHi,
        rank: o.rank,
        unitNameEn: o.unitNameEn,
        unitNameHi: o.unitNameHi,
      },
      duties: duties.map((d) => ({
        shiftCode: d.shift.code,
        postCode: d.post.code,
        postName: d.post.name,
        ...(d.post.nameHi ? { postNameHi: d.post.nameHi } : {}),
        postKind: d.post.kind,
        location: d.post.location,
        lat: d.post.lat,
        lng: d.post.lng,
        sector: `${d.sector.name} (${d.sector.code})`,
        division: `${d.division.name} (${d.division.code})`,
        start: d.shift.startsAt.toISOString(),
        end: d.shift.endsAt.toISOString(),
        reportAt: (
          d.shift.reportAt ?? new Date(d.shift.startsAt.getTime() - b.reportMinutesBefore * 60_000)
        ).toISOString(),
        slotRank: d.slotRank,
        inCharge: d.inCharge && {
          rank: d.inCharge.rank,
          beltNo: d.inCharge.beltNo,
          nameEn: d.inCharge.nameEn,
          nameHi: d.inCharge.nameHi,
          mobile: d.inCharge.mobile,
        },
        equipment:
          [d.shift.armed ? ARMED : null, d.post.equipment].filter(Boolean).join('; ') || '—',
        briefing: d.post.briefing,
      })),
    };
    const hash = createHash('sha256').update(canonicalJson(content)).digest('hex');
    return {
      content,
      hash,
      lastDutyEnd: new Date(Math.max(...duties.map((d) => d.shift.endsAt.getTime()))),
    };
  });
}
