import {
  bandobastBody,
  chartOf,
  istDay,
  newChart,
  seedForce,
  shift,
  solveChart,
} from './support/duty-charts';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };
const at = (hhmm: string) => `${istDay(3)}T${hhmm}:00+05:30`;
const P = 'divisions[0].sectors[0].posts[0].shifts[0]';

describe('bandobast structure: event → divisions → sectors → posts → shifts (e2e)', () => {
  let t: TestApp;
  let duty: string;

  beforeAll(async () => {
    t = await bootTestApp();
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    await seedForce(t, {
      unitCode: 'TT_NAGAR',
      prefix: 'ST',
      ranks: { CONSTABLE: 8, SI: 1, DSP: 1, ASP: 1 },
    });
  });
  afterAll(() => t.close());

  it('names every bad field of a submitted structure by its path', async () => {
    const body = bandobastBody('Broken', [
      {
        code: 'X1',
        shifts: [
          shift('X1-A', at('14:00'), at('06:00'), { CONSTABEL: 2 }, { skills: { armd: 1 } }),
        ],
      },
    ]);
    const res = await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining([`${P}.end`, `${P}.ranks.CONSTABEL`, `${P}.skills.armd`]),
    );
    expect(res.body.message).toContain('did you mean "armed"');
  });

  it('refuses duplicate codes and in-charges of the wrong rank', async () => {
    const body = bandobastBody(
      'Twice',
      [
        { code: 'Y1', shifts: [shift('Y1-A', at('06:00'), at('14:00'), { CONSTABLE: 1 })] },
        { code: 'Y1', shifts: [shift('Y1-A', at('06:00'), at('14:00'), { CONSTABLE: 1 })] },
      ],
      { sectorInCharge: 'ST-0001', divisionInCharge: 'ST-0099' },
    );
    const res = await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(400);
    const messages = res.body.fields.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toContain('post code Y1 is used twice');
    expect(messages).toContain('shift code Y1-A is used twice');
    expect(messages).toContain(
      'ST-0001 is CONSTABLE; a sector in-charge must be ASP or DSP or INSPECTOR',
    );
    expect(messages).toContain('no officer with belt number ST-0099');
  });

  it('returns the whole tree with the in-charges named, and shifts that cross midnight', async () => {
    const body = bandobastBody(
      'Tree',
      [
        {
          code: 'Z1',
          shifts: [shift('Z1-C', at('22:00'), `${istDay(4)}T06:00:00+05:30`, { CONSTABLE: 2 })],
        },
      ],
      {
        unitCode: 'TT_NAGAR',
        sectorInCharge: 'ST-0010',
        divisionInCharge: 'ST-0011',
      },
    );
    const id = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201))
      .body.id;
    const tree = (await t.http.get(`/api/v1/bandobasts/${id}`).auth(duty, auth).expect(200)).body;
    expect(tree.ref).toMatch(/^BDB\/\d{4}\/\d{6}$/);
    expect(tree.divisions[0].inCharge).toMatchObject({ beltNo: 'ST-0011', rank: 'ASP' });
    expect(tree.divisions[0].sectors[0].inCharge).toMatchObject({ beltNo: 'ST-0010', rank: 'DSP' });
    const night = tree.divisions[0].sectors[0].posts[0].shifts[0];
    expect(new Date(night.endsAt).getTime() - new Date(night.startsAt).getTime()).toBe(
      8 * 3600_000,
    );
  });

  it('keeps a post’s Hindi name, and refuses a blank one naming the field', async () => {
    const body = bandobastBody('Names', [
      { code: 'H1', shifts: [shift('H1-A', at('06:00'), at('14:00'), { CONSTABLE: 1 })] },
      { code: 'H2', shifts: [shift('H2-A', at('06:00'), at('14:00'), { CONSTABLE: 1 })] },
    ]);
    const posts = body.divisions[0]!.sectors[0]!.posts as Array<Record<string, unknown>>;
    posts[0]!.nameHi = '   ';
    const refused = await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['divisions[0].sectors[0].posts[0].nameHi']);
    posts[0]!.nameHi = 'न्यू मार्केट चौराहा';
    const id = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201)).body.id;
    const tree = (await t.http.get(`/api/v1/bandobasts/${id}`).auth(duty, auth).expect(200)).body;
    expect(tree.divisions[0].sectors[0].posts.map((p: { nameHi: string | null }) => p.nameHi)).toEqual(['न्यू मार्केट चौराहा', null]);
  });

  it('marks a solved draft stale when divisions are added, so the new posts get staffed', async () => {
    const body = bandobastBody(
      'Grows',
      [{ code: 'G1', shifts: [shift('G1-A', at('06:00'), at('12:00'), { CONSTABLE: 2 })] }],
      { unitCode: 'TT_NAGAR' },
    );
    const id = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201))
      .body.id;
    const chartId = await newChart(t, duty, id);
    expect((await solveChart(t, duty, chartId)).solveResult).toBe('OK');
    const more = bandobastBody('More', [
      { code: 'G2', shifts: [shift('G2-A', at('13:00'), at('18:00'), { CONSTABLE: 2 })] },
    ]);
    more.divisions[0]!.code = 'D2';
    more.divisions[0]!.sectors[0]!.code = 'D2-S1';
    await t.http
      .post(`/api/v1/bandobasts/${id}/divisions`)
      .auth(duty, auth)
      .send({ divisions: more.divisions })
      .expect(201);
    expect((await chartOf(t, duty, chartId)).solveResult).toBe('STALE');
    const solved = await solveChart(t, duty, chartId);
    expect(solved).toMatchObject({ solveResult: 'OK', assignments: 4 });
  });
});
