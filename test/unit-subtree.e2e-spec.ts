import { DataSource } from 'typeorm';
import { TransactionService } from '../src/platform/database/transaction.service';
import { inUnitSubtree, unitSubtreeSql, UnitsService } from '../src/platform/units';
import { applicationBody } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Unit codes are [A-Z0-9_] and nearly all contain '_', which SQL LIKE reads as "any character":
 * `path LIKE 'BPL.ZN_1.%'` also matched everything under `BPL.ZN11`. These units differ only
 * where the '_' is (ZN_1 / ZN11) or by a prefix (ZN1 / ZN11), and each zone's users must see
 * nothing of the other zones, through the SQL lists and the TypeScript checks alike.
 */
describe('unit subtree (e2e)', () => {
  let t: TestApp;
  let control: string;
  let duty: string;
  const auth = { type: 'bearer' } as const;

  beforeAll(async () => {
    t = await bootTestApp();
    const units = t.app.get(UnitsService);
    await t.app.get(TransactionService).run(async (em) => {
      for (const [zone, thana] of [
        ['ZN_1', 'TH_1'],
        ['ZN11', 'TH11'],
        ['ZN1', 'TH1'],
      ] as const) {
        await units.create(em, {
          code: zone,
          kind: 'ZONE',
          nameEn: `Zone ${zone}`,
          nameHi: `ज़ोन ${zone}`,
          parentCode: 'BPL',
        });
        await units.create(em, {
          code: thana,
          kind: 'THANA',
          nameEn: `Thana ${thana}`,
          nameHi: `थाना ${thana}`,
          parentCode: zone,
          lat: 23.24,
          lng: 77.4,
        });
      }
    });
    control = await t.tokenFor(['CONTROL_ROOM']);
    duty = await t.tokenFor(['DUTY_OFFICER', 'ADMIN']);
  });
  afterAll(() => t.close());

  describe('through the API', () => {
    const apps: Record<string, { id: string; ref: string }> = {};

    beforeAll(async () => {
      for (const thana of ['TH_1', 'TH11', 'TH1']) {
        const route = {
          thanaCode: thana,
          points: [
            { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 },
            { name: 'Polytechnic Square', lat: 23.251, lng: 77.393 },
          ],
        };
        const res = await t.http
          .post('/api/v1/protests')
          .auth(control, auth)
          .send(applicationBody({ event: { venueCode: undefined, route } }))
          .expect(201);
        apps[thana] = res.body;
        await t.http
          .post('/api/v1/officers')
          .auth(duty, auth)
          .send({
            beltNo: `SUB-${thana.replace('_', 'X')}`,
            nameEn: `Officer of ${thana}`,
            nameHi: 'परीक्षण आरक्षक',
            rank: 'CONSTABLE',
            gender: 'M',
            unitCode: thana,
          })
          .expect(201);
      }
    });

    it('lists to a zone officer the protests of their own zone only', async () => {
      for (const [zone, thana] of [
        ['ZN_1', 'TH_1'],
        ['ZN11', 'TH11'],
        ['ZN1', 'TH1'],
      ]) {
        const officer = await t.tokenFor(['OFFICER'], zone);
        const res = await t.http.get('/api/v1/protests?limit=100').auth(officer, auth).expect(200);
        expect(res.body.items.map((s: { thana: { code: string } }) => s.thana.code)).toEqual([
          thana,
        ]);
      }
    });

    it("does not show a zone officer another zone's application, as if it did not exist", async () => {
      const officer = await t.tokenFor(['OFFICER'], 'ZN_1');
      await t.http.get(`/api/v1/protests/${apps.TH_1!.id}`).auth(officer, auth).expect(200);
      await t.http.get(`/api/v1/protests/${apps.TH11!.id}`).auth(officer, auth).expect(404);
      await t.http.get(`/api/v1/protests/${apps.TH1!.id}`).auth(officer, auth).expect(404);
    });

    it("lists to a zone's duty officer the officers of their own zone only", async () => {
      for (const [zone, belt] of [
        ['ZN_1', 'SUB-THX1'],
        ['ZN11', 'SUB-TH11'],
        ['ZN1', 'SUB-TH1'],
      ]) {
        const token = await t.tokenFor(['DUTY_OFFICER'], zone);
        const res = await t.http.get('/api/v1/officers?q=SUB-').auth(token, auth).expect(200);
        expect(res.body.items.map((o: { beltNo: string }) => o.beltNo)).toEqual([belt]);
      }
    });

    it('filters officers by a unit code to that unit subtree only', async () => {
      const belts = async (unitCode: string) =>
        (
          await t.http
            .get(`/api/v1/officers?q=SUB-&unitCode=${unitCode}`)
            .auth(duty, auth)
            .expect(200)
        ).body.items.map((o: { beltNo: string }) => o.beltNo);
      expect(await belts('ZN_1')).toEqual(['SUB-THX1']);
      expect(await belts('ZN11')).toEqual(['SUB-TH11']);
      expect(await belts('ZN1')).toEqual(['SUB-TH1']);
    });
  });

  describe('SQL and TypeScript', () => {
    it('agree on every pair of a generated set of paths', async () => {
      // Codes that share prefixes and differ where '_' is, and random ones from the same alphabet.
      const tricky = [
        'Z',
        'Z1',
        'Z_1',
        'Z11',
        'Z10',
        'Z_10',
        'ZONE_1',
        'ZONE11',
        'ZONE_10',
        '_1',
        '__',
        '1_',
        'TH_1',
        'TH11',
        'TH1',
      ];
      let seed = 20261127;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const code = () =>
        random() < 0.7
          ? pick(tricky)
          : Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
              pick(['Z', '1', '_', '0']),
            ).join('');
      const paths = new Set<string>(['BPL']);
      while (paths.size < 250) {
        const parent = pick([...paths]);
        paths.add(`${parent}.${code()}`);
      }
      const list = [...paths];
      const rows: Array<{ path: string; root: string; inside: boolean; by_like: boolean }> =
        await t.app.get(DataSource).query(
          `SELECT a.p AS path, b.p AS root, ${unitSubtreeSql('a.p', 'b.p')} AS inside, (a.p = b.p OR a.p LIKE b.p || '.%') AS by_like
           FROM unnest($1::text[]) a(p) CROSS JOIN unnest($1::text[]) b(p)`,
          [list],
        );
      expect(rows).toHaveLength(list.length ** 2);
      const disagreements = rows.filter((r) => r.inside !== inUnitSubtree(r.path, r.root));
      expect(disagreements).toEqual([]);
      // The set exercises both answers, and pairs where yesterday's LIKE said "inside" wrongly.
      expect(rows.filter((r) => r.inside).length).toBeGreaterThan(list.length);
      expect(rows.filter((r) => r.by_like && !r.inside).length).toBeGreaterThan(0);
    });
  });
});
