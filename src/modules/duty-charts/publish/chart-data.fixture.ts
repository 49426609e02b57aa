/**
 * A published chart's data as the papers see it, made by hand for the paper specs: two
 * sectors, posts with long Hindi and English names and locations, a day and a night shift,
 * officers of three thanas with belt numbers in the shapes rolls use.
 */
import type { OfficerCard } from '../../personnel';
import type { Bandobast } from '../bandobast/bandobast.entity';
import type { DivisionNode, InChargeView, SectorNode } from '../bandobast/structure-tree';
import type { BandobastPost, BandobastShift, PostKind } from '../bandobast/structure.entity';
import type { DutyChart } from '../charts/duty-chart.entity';
import type { ChartData, ChartDuty } from './chart-data';

const UNITS = {
  HABIBGANJ: { nameEn: 'Habibganj', nameHi: 'हबीबगंज' },
  KAMLA_NAGAR: { nameEn: 'Kamla Nagar', nameHi: 'कमला नगर' },
  TT_NAGAR: { nameEn: 'T.T. Nagar', nameHi: 'टी.टी. नगर' },
} as const;
type UnitCode = keyof typeof UNITS;

export function card(beltNo: string, rank: string, unitCode: UnitCode, n: number, mobile: string | null = `98270${String(10000 + n).slice(-5)}`): OfficerCard {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    beltNo,
    nameEn: `Ramesh Kumar ${['Sharma', 'Verma', 'Chaturvedi', 'Yadav', 'Patel'][n % 5]}`,
    nameHi: `रमेश कुमार ${['शर्मा', 'वर्मा', 'चतुर्वेदी', 'यादव', 'पटेल'][n % 5]}`,
    rank,
    gender: n % 4 === 0 ? 'F' : 'M',
    skills: [],
    mobile,
    unitId: `unit-${unitCode}`,
    unitCode,
    unitNameEn: UNITS[unitCode].nameEn,
    unitNameHi: UNITS[unitCode].nameHi,
    lat: null,
    lng: null,
  };
}

const at = (day: number, hhmm: string) => new Date(`2026-11-${String(27 + day).padStart(2, '0')}T${hhmm}:00+05:30`);

function post(code: string, name: string, nameHi: string | null, kind: PostKind, location: string, equipment: string | null, position: number): BandobastPost {
  return { id: `post-${code}`, bandobastId: 'b1', sectorId: 's', code, name, nameHi, kind, location, lat: 23.2336, lng: 77.4006, equipment, briefing: null, position };
}

function shiftOf(p: BandobastPost, code: string, start: Date, end: Date, armed = false, reportAt: Date | null = null): BandobastShift {
  return { id: `shift-${code}`, bandobastId: 'b1', postId: p.id, code, startsAt: start, endsAt: end, reportAt, ranks: {}, minWomen: 0, skills: {}, armed };
}

const inCharge = (c: OfficerCard): InChargeView => ({ id: c.id, beltNo: c.beltNo, rank: c.rank, nameEn: c.nameEn, nameHi: c.nameHi, mobile: c.mobile });

/** The chart data: about 30 duties on 4 posts in 2 sectors. */
export function chartDataFixture(): ChartData {
  const acp = card('BPL/DSP/0007', 'DSP', 'TT_NAGAR', 90);
  const ti = card('BPL/INSP/10234', 'INSPECTOR', 'HABIBGANJ', 91);
  const posts = [
    post('D1-S1-P1', 'Old Sabzi Mandi square, opposite Shri Hanuman temple', 'पुराना सब्ज़ी मंडी चौराहा, श्री हनुमान मंदिर के सामने', 'FIXED_POINT', 'Old Sabzi Mandi square, near Peer Gate police assistance booth, Old Bhopal', 'Lathi, helmet, whistle', 0),
    post('D1-S1-P2', 'Imami Gate naka', 'इमामी गेट नाका', 'CHECK_POINT', 'Imami Gate, Hamidia Road', 'Barricades, torch', 1),
    post('D1-S2-P1', 'Kamla Park', null, 'PATROL_BEAT', 'Kamla Park to VIP Road, both sides', null, 0),
    post('D1-S2-P2', 'Khatlapura ghat (immersion point)', 'खटलापुरा घाट (विसर्जन स्थल)', 'FIXED_POINT', 'Khatlapura ghat, Upper Lake', 'Life jackets, rope', 1),
  ];
  const shifts = [
    [shiftOf(posts[0]!, 'D1-S1-P1-A', at(0, '06:00'), at(0, '14:00')), shiftOf(posts[0]!, 'D1-S1-P1-C', at(0, '22:00'), at(1, '06:00'), true)],
    [shiftOf(posts[1]!, 'D1-S1-P2-A', at(0, '06:00'), at(0, '14:00'), false, at(0, '05:00'))],
    [shiftOf(posts[2]!, 'D1-S2-P1-B', at(0, '14:00'), at(0, '22:00'))],
    [shiftOf(posts[3]!, 'D1-S2-P2-A', at(0, '06:00'), at(0, '14:00')), shiftOf(posts[3]!, 'D1-S2-P2-B', at(0, '14:00'), at(0, '22:00'))],
  ];
  const sectors: SectorNode[] = [
    { id: 's1', bandobastId: 'b1', divisionId: 'd1', code: 'D1-S1', name: 'Sector 1: Old City', inChargeOfficerId: acp.id, position: 0, inCharge: inCharge(acp), posts: [0, 1].map((i) => ({ ...posts[i]!, sectorId: 's1', shifts: shifts[i]! })) },
    { id: 's2', bandobastId: 'b1', divisionId: 'd1', code: 'D1-S2', name: 'Sector 2: Upper Lake', inChargeOfficerId: ti.id, position: 1, inCharge: inCharge(ti), posts: [2, 3].map((i) => ({ ...posts[i]!, sectorId: 's2', shifts: shifts[i]! })) },
  ];
  const division: DivisionNode = { id: 'd1', bandobastId: 'b1', code: 'D1', name: 'Division 1: Old Bhopal', inChargeOfficerId: null, position: 0, inCharge: null, sectors };
  const units: UnitCode[] = ['HABIBGANJ', 'KAMLA_NAGAR', 'TT_NAGAR'];
  let n = 0;
  const duties: ChartDuty[] = [];
  for (const sector of sectors)
    for (const p of sector.posts)
      for (const s of p.shifts)
        for (const rank of ['SI', 'HEAD_CONSTABLE', 'CONSTABLE', 'CONSTABLE', 'CONSTABLE']) {
          n++;
          const unit = units[n % 3]!;
          const belt = rank === 'SI' ? `BPL/SI/${120000 + n}` : rank === 'HEAD_CONSTABLE' ? `BPL/HC/${10200 + n}` : `${unit.slice(0, 2)}-${String(n).padStart(4, '0')}`;
          duties.push({ officer: card(belt, rank, unit, n, n % 7 === 0 ? null : undefined), slotRank: rank, shift: s, post: p, sector, division, inCharge: sector.inCharge });
        }
  const bandobast = {
    id: 'b1',
    ref: 'BDB/2026/000042',
    nameEn: 'Ganesh visarjan bandobast 2026',
    nameHi: 'गणेश विसर्जन बंदोबस्त 2026',
    kind: 'FESTIVAL',
    unitId: 'unit-BPL',
    reportMinutesBefore: 30,
    sourceType: null,
  } as Bandobast;
  const chart = { id: 'c1', bandobastId: 'b1', versionNo: 2 } as DutyChart;
  return { chart, bandobast, divisions: [division], duties };
}
