import { ChartData } from './chart-data';
import { slipsOf } from './slip-content';

const inCharge = {
  id: 'i',
  beltNo: 'BPL-9',
  rank: 'INSPECTOR',
  nameEn: 'Suresh',
  nameHi: 'सुरेश',
  mobile: '9425012345',
};
const officer = (id: string) => ({
  id,
  beltNo: `BPL-${id}`,
  nameEn: `N ${id}`,
  nameHi: `न ${id}`,
  rank: 'CONSTABLE',
  unitNameEn: 'TT Nagar',
  unitNameHi: 'टीटी नगर',
});
const shift = (code: string, start: string, end: string) => ({
  id: code,
  code,
  startsAt: new Date(start),
  endsAt: new Date(end),
  reportAt: null,
  armed: code.endsWith('C'),
});
const post = {
  id: 'p',
  code: 'P1',
  name: 'Point 1',
  kind: 'FIXED_POINT',
  location: 'New Market',
  lat: 23.2,
  lng: 77.4,
  equipment: 'Lathi',
  briefing: null,
};

function chart(versionNo: number, sectorInCharge = inCharge, nameHi?: string | null): ChartData {
  const sector = { id: 's', code: 'D1-S1', name: 'Sector 1', inCharge: sectorInCharge };
  const division = { id: 'd', code: 'D1', name: 'Division 1', inCharge };
  const duty = (o: string, s: ReturnType<typeof shift>) => ({
    officer: officer(o),
    slotRank: 'CONSTABLE',
    shift: s,
    post: nameHi === undefined ? post : { ...post, nameHi },
    sector,
    division,
    inCharge: sector.inCharge,
  });
  const a = shift('P1-A', '2026-12-01T06:00:00+05:30', '2026-12-01T14:00:00+05:30');
  const c = shift('P1-C', '2026-12-01T22:00:00+05:30', '2026-12-02T06:00:00+05:30');
  return {
    chart: { versionNo },
    bandobast: {
      ref: 'BDB/2026/000001',
      nameEn: 'Diwali',
      nameHi: 'दीपावली',
      reportMinutesBefore: 30,
    },
    divisions: [],
    duties: [
      duty('1', c),
      duty('2', a),
      duty('1', shift('P1-X', '2026-11-30T06:00:00+05:30', '2026-11-30T14:00:00+05:30')),
    ],
  } as unknown as ChartData;
}

describe('slipsOf', () => {
  it('gives one slip per officer, duties in time order, with the reporting time and equipment', () => {
    const slips = slipsOf(chart(1));
    expect(slips.map((s) => s.content.officer.beltNo)).toEqual(['BPL-1', 'BPL-2']);
    const first = slips[0]!;
    expect(first.content.duties.map((d) => d.shiftCode)).toEqual(['P1-X', 'P1-C']);
    expect(first.content.duties[1]).toMatchObject({
      reportAt: '2026-12-01T16:00:00.000Z',
      equipment: 'सशस्त्र / Armed; Lathi',
    });
    expect(first.lastDutyEnd).toEqual(new Date('2026-12-02T06:00:00+05:30'));
  });

  it('keeps the same hash in a later version when the officer’s duties are the same', () => {
    expect(slipsOf(chart(2)).map((s) => s.hash)).toEqual(slipsOf(chart(1)).map((s) => s.hash));
  });

  it('changes the hash when anything printed on the slip changes, such as the in-charge', () => {
    const other = { ...inCharge, beltNo: 'BPL-8', nameEn: 'Mahesh' };
    expect(slipsOf(chart(2, other))[0]!.hash).not.toBe(slipsOf(chart(1))[0]!.hash);
  });

  it('keeps the hash slips had before posts had Hindi names, so a post without one re-texts nobody', () => {
    // The hash of officer BPL-1's slip as published before the Hindi name existed.
    const before = slipsOf(chart(1))[0]!.hash;
    expect(before).toBe('fa9dfa8f18648a829e615e7f3268b039b9e0836bc28bfb958b62a30aba9ab333');
    expect(slipsOf(chart(2, inCharge, null))[0]!.hash).toBe(before);
    const named = slipsOf(chart(2, inCharge, 'प्वाइंट 1'))[0]!;
    expect(named.content.duties[0]!.postNameHi).toBe('प्वाइंट 1');
    expect(named.hash).not.toBe(before);
  });
});
