import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };
const BHOPAL_UNITS = readFileSync(join(__dirname, '../src/cli/demo/data/bhopal-units.csv'));

interface UnitBody {
  id: string;
  code: string;
  path: string;
  version: number;
  isActive: boolean;
  retiredAt: string | null;
}

/** A fresh install sets its tree up through the API: no demo, no SQL. */
describe('setting up and keeping the unit tree (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let db: DataSource;
  const unitRow = async (code: string) =>
    (
      await db.query(
        `SELECT id, path, parent_id, is_active, retired_at, version FROM unit WHERE code = $1`,
        [code],
      )
    )[0];
  const audits = (action: string) =>
    db.query(`SELECT entity_id, diff FROM audit_log WHERE action = $1 ORDER BY id`, [action]);
  const create = (body: Record<string, unknown>, token = admin) =>
    t.http.post('/api/v1/units').auth(token, auth).send(body);
  const units = async (query = '') =>
    (await t.http.get(`/api/v1/units${query}`).auth(admin, auth).expect(200)).body as UnitBody[];

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.tokenFor(['ADMIN']);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('create and edit', () => {
    it('creates a zone, an ACP circle under it and a thana under that, each with its path', async () => {
      const zone = await create({
        code: 'zone_9',
        kind: 'ZONE',
        nameEn: 'Zone-9',
        nameHi: 'ज़ोन-9',
        parentCode: 'BPL',
      }).expect(201);
      expect(zone.body).toMatchObject({
        code: 'ZONE_9',
        kind: 'ZONE',
        path: 'BPL.ZONE_9',
        isActive: true,
        retiredAt: null,
      });
      await create({
        code: 'ACP_NEW_CITY',
        kind: 'DIVISION',
        nameEn: 'ACP New City',
        nameHi: 'एसीपी न्यू सिटी',
        parentCode: 'ZONE_9',
      }).expect(201);
      const thana = await create({
        code: 'NEW_CITY',
        kind: 'THANA',
        nameEn: 'New City',
        nameHi: 'न्यू सिटी',
        parentCode: 'ACP_NEW_CITY',
        lat: 23.3,
        lng: 77.5,
      }).expect(201);
      expect(thana.body).toMatchObject({
        path: 'BPL.ZONE_9.ACP_NEW_CITY.NEW_CITY',
        lat: 23.3,
        lng: 77.5,
      });
      expect((await units()).map((u) => u.code)).toEqual(
        expect.arrayContaining(['ZONE_9', 'ACP_NEW_CITY', 'NEW_CITY']),
      );
      expect(
        (await audits('unit.created')).map((a: { diff: { code: string } }) => a.diff.code),
      ).toEqual(['ZONE_9', 'ACP_NEW_CITY', 'NEW_CITY']);
    });

    it('refuses a unit out of place, a taken code, a Hindi name not in Devanagari, and non-admins', async () => {
      const misplaced = await create({
        code: 'LOOSE',
        kind: 'THANA',
        nameEn: 'Loose',
        nameHi: 'लूज़',
        parentCode: 'BPL',
      }).expect(400);
      expect(misplaced.body.fields[0]).toEqual({
        field: 'parentCode',
        message:
          'BPL: a thana cannot be placed under a commissionerate (only under a zone or ACP circle)',
      });
      const taken = await create({
        code: 'NEW_CITY',
        kind: 'THANA',
        nameEn: 'Again',
        nameHi: 'फिर',
        parentCode: 'ZONE_9',
      }).expect(409);
      expect(taken.body.fields).toEqual([{ field: 'code', message: 'already exists' }]);
      const latin = await create({
        code: 'LATIN',
        kind: 'THANA',
        nameEn: 'Latin',
        nameHi: 'Latin',
        parentCode: 'ZONE_9',
      }).expect(400);
      expect(latin.body.fields[0].field).toBe('nameHi');
      const unknown = await create({
        code: 'ORPHAN',
        kind: 'THANA',
        nameEn: 'Orphan',
        nameHi: 'अनाथ',
        parentCode: 'NOWHERE',
      }).expect(400);
      expect(unknown.body.fields[0].field).toBe('parentCode');
      const delhi = await create({
        code: 'DELHI',
        kind: 'THANA',
        nameEn: 'Far',
        nameHi: 'दूर',
        parentCode: 'ZONE_9',
        lat: 28.61,
        lng: 77.21,
      }).expect(400);
      expect(delhi.body.fields[0].field).toBe('lat');
      const duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
      await create(
        { code: 'SNEAKY', kind: 'THANA', nameEn: 'Sneaky', nameHi: 'चुपके', parentCode: 'ZONE_1' },
        duty,
      ).expect(403);
      expect(await unitRow('SNEAKY')).toBeUndefined();
    });

    it('edits names with the version last read, and refuses a stale one', async () => {
      const unit = await unitRow('NEW_CITY');
      const res = await t.http
        .patch(`/api/v1/units/${unit.id}`)
        .auth(admin, auth)
        .send({ version: unit.version, nameEn: 'New City Thana', nameHi: 'न्यू सिटी थाना' })
        .expect(200);
      expect(res.body).toMatchObject({
        nameEn: 'New City Thana',
        nameHi: 'न्यू सिटी थाना',
        version: unit.version + 1,
      });
      await t.http
        .patch(`/api/v1/units/${unit.id}`)
        .auth(admin, auth)
        .send({ version: unit.version, nameEn: 'Stale' })
        .expect(409);
      const [audit] = await audits('unit.updated');
      expect(audit.diff).toMatchObject({
        code: 'NEW_CITY',
        nameEn: { from: 'New City', to: 'New City Thana' },
      });
    });
  });

  describe('move', () => {
    it('moves an ACP circle to another zone, rewriting the paths of its whole subtree in one change', async () => {
      await create({
        code: 'OLD_TOWN',
        kind: 'THANA',
        nameEn: 'Old Town',
        nameHi: 'पुराना शहर',
        parentCode: 'ACP_NEW_CITY',
      }).expect(201);
      await create({
        code: 'OLD_TOWN_CHOWKI',
        kind: 'BRANCH',
        nameEn: 'Old Town outpost',
        nameHi: 'पुराना शहर चौकी',
        parentCode: 'OLD_TOWN',
      }).expect(201);
      // An officer posted in the circle: Zone-1's duty officer does not see them yet.
      const zone9 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_9');
      await t.http
        .post('/api/v1/officers')
        .auth(zone9, auth)
        .send({
          beltNo: 'NC-1',
          nameEn: 'Anil Verma',
          nameHi: 'अनिल वर्मा',
          rank: 'CONSTABLE',
          gender: 'M',
          unitCode: 'OLD_TOWN',
        })
        .expect(201);
      const zone1 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
      const seen = async () =>
        (
          (await t.http.get('/api/v1/officers').auth(zone1, auth).expect(200)).body.items as Array<{
            beltNo: string;
          }>
        ).map((o) => o.beltNo);
      expect(await seen()).not.toContain('NC-1');

      const circle = await unitRow('ACP_NEW_CITY');
      const res = await t.http
        .post(`/api/v1/units/${circle.id}/move`)
        .auth(admin, auth)
        .send({ version: circle.version, parentCode: 'ZONE_1' })
        .expect(200);
      expect(res.body.unit).toMatchObject({
        code: 'ACP_NEW_CITY',
        path: 'BPL.ZONE_1.ACP_NEW_CITY',
        version: circle.version + 1,
      });
      expect(res.body.paths).toEqual([
        { code: 'ACP_NEW_CITY', from: 'BPL.ZONE_9.ACP_NEW_CITY', to: 'BPL.ZONE_1.ACP_NEW_CITY' },
        {
          code: 'NEW_CITY',
          from: 'BPL.ZONE_9.ACP_NEW_CITY.NEW_CITY',
          to: 'BPL.ZONE_1.ACP_NEW_CITY.NEW_CITY',
        },
        {
          code: 'OLD_TOWN',
          from: 'BPL.ZONE_9.ACP_NEW_CITY.OLD_TOWN',
          to: 'BPL.ZONE_1.ACP_NEW_CITY.OLD_TOWN',
        },
        {
          code: 'OLD_TOWN_CHOWKI',
          from: 'BPL.ZONE_9.ACP_NEW_CITY.OLD_TOWN.OLD_TOWN_CHOWKI',
          to: 'BPL.ZONE_1.ACP_NEW_CITY.OLD_TOWN.OLD_TOWN_CHOWKI',
        },
      ]);
      expect((await unitRow('OLD_TOWN_CHOWKI')).path).toBe(
        'BPL.ZONE_1.ACP_NEW_CITY.OLD_TOWN.OLD_TOWN_CHOWKI',
      );
      expect((await unitRow('ACP_NEW_CITY')).parent_id).toBe((await unitRow('ZONE_1')).id);
      expect((await unitRow('ZONE_9')).path).toBe('BPL.ZONE_9');
      // Each rewritten path is audited: the move itself, and every unit that moved with it.
      const [moved] = await audits('unit.moved');
      expect(moved.diff).toEqual({
        code: 'ACP_NEW_CITY',
        parent: { from: 'ZONE_9', to: 'ZONE_1' },
        path: { from: 'BPL.ZONE_9.ACP_NEW_CITY', to: 'BPL.ZONE_1.ACP_NEW_CITY' },
      });
      expect(
        (await audits('unit.path_rewritten')).map(
          (a: { diff: { code: string; movedWith: string } }) => [a.diff.code, a.diff.movedWith],
        ),
      ).toEqual([
        ['NEW_CITY', 'ACP_NEW_CITY'],
        ['OLD_TOWN', 'ACP_NEW_CITY'],
        ['OLD_TOWN_CHOWKI', 'ACP_NEW_CITY'],
      ]);
      // Scoping follows the new paths at once.
      expect(await seen()).toContain('NC-1');
    });

    it('refuses a move under the unit itself or its own subtree, and a move out of place', async () => {
      const circle = await unitRow('ACP_NEW_CITY');
      const intoOwn = await t.http
        .post(`/api/v1/units/${circle.id}/move`)
        .auth(admin, auth)
        .send({ version: circle.version, parentCode: 'OLD_TOWN' })
        .expect(400);
      expect(intoOwn.body.message).toBe(
        'ACP_NEW_CITY cannot be moved under OLD_TOWN: OLD_TOWN is inside ACP_NEW_CITY',
      );
      const underThana = await t.http
        .post(`/api/v1/units/${circle.id}/move`)
        .auth(admin, auth)
        .send({ version: circle.version, parentCode: 'MP_NAGAR' })
        .expect(400);
      expect(underThana.body.fields[0].field).toBe('parentCode');
      await t.http
        .post(`/api/v1/units/${circle.id}/move`)
        .auth(admin, auth)
        .send({ version: circle.version - 1, parentCode: 'ZONE_2' })
        .expect(409);
      expect((await unitRow('OLD_TOWN')).path).toBe('BPL.ZONE_1.ACP_NEW_CITY.OLD_TOWN');
    });
  });

  describe('retire or delete', () => {
    const remove = async (code: string, status: number) => {
      const unit = await unitRow(code);
      return t.http
        .delete(`/api/v1/units/${unit.id}?version=${unit.version}`)
        .auth(admin, auth)
        .expect(status);
    };

    it('deletes a unit nothing refers to', async () => {
      await create({
        code: 'MISTAKE',
        kind: 'THANA',
        nameEn: 'Mistake',
        nameHi: 'गलती',
        parentCode: 'ZONE_9',
      }).expect(201);
      const res = await remove('MISTAKE', 200);
      expect(res.body).toMatchObject({
        outcome: 'DELETED',
        unit: { code: 'MISTAKE' },
        referencedBy: [],
      });
      expect(await unitRow('MISTAKE')).toBeUndefined();
      expect((await audits('unit.deleted'))[0].diff).toEqual({
        code: 'MISTAKE',
        path: 'BPL.ZONE_9.MISTAKE',
      });
    });

    it('retires, never deletes, a unit an officer or a user belongs to, and it keeps its records', async () => {
      await remove('OLD_TOWN', 409); // its outpost still hangs from it
      expect((await remove('OLD_TOWN_CHOWKI', 200)).body.outcome).toBe('DELETED');
      const res = await remove('OLD_TOWN', 200);
      expect(res.body.outcome).toBe('RETIRED');
      expect(res.body.unit).toMatchObject({ code: 'OLD_TOWN', isActive: false });
      expect(res.body.referencedBy).toEqual([{ what: 'officer', count: 1 }]);
      const row = await unitRow('OLD_TOWN');
      expect(row).toMatchObject({ is_active: false, path: 'BPL.ZONE_1.ACP_NEW_CITY.OLD_TOWN' });
      expect(row.retired_at).toBeInstanceOf(Date);
      const [officer] = await db.query(`SELECT unit_id FROM officer WHERE belt_no = 'NC-1'`);
      expect(officer.unit_id).toBe(row.id);
      expect((await units()).map((u) => u.code)).not.toContain('OLD_TOWN');
      expect(
        (await units('?includeRetired=true')).find((u) => u.code === 'OLD_TOWN'),
      ).toMatchObject({ isActive: false });
      // Retiring again changes nothing.
      expect((await remove('OLD_TOWN', 200)).body.outcome).toBe('RETIRED');
      expect(await audits('unit.retired')).toHaveLength(1);
      // Zone-9 is empty now, but a login belongs to it.
      const zone = await remove('ZONE_9', 200);
      expect(zone.body).toMatchObject({
        outcome: 'RETIRED',
        referencedBy: [{ what: 'app user', count: 1 }],
      });
      expect((await audits('unit.retired'))[1].diff).toMatchObject({
        code: 'ZONE_9',
        referencedBy: [{ what: 'app user', count: 1 }],
      });
    });

    it('gives a retired unit no new work: no unit under it, no move, no officer posted to it', async () => {
      await create({
        code: 'UNDER_OLD',
        kind: 'BRANCH',
        nameEn: 'Under old',
        nameHi: 'पुराने के नीचे',
        parentCode: 'OLD_TOWN',
      }).expect(400);
      const old = await unitRow('OLD_TOWN');
      await t.http
        .post(`/api/v1/units/${old.id}/move`)
        .auth(admin, auth)
        .send({ version: old.version, parentCode: 'ZONE_2' })
        .expect(409);
      const roll = Buffer.from(
        'Belt No,Name (English),Name (Hindi),Rank,Gender,Thana\nNC-2,Ravi Kumar,रवि कुमार,Sipahi,M,OLD_TOWN\n',
      );
      const res = await t.http
        .post('/api/v1/officers/import')
        .auth(admin, auth)
        .attach('file', roll, 'roll.csv')
        .expect(422);
      expect(res.body.rows[0].errors).toEqual([
        { column: 'unit', message: 'unit OLD_TOWN is retired; no officer can be posted to it' },
      ]);
      const posted = await t.http
        .post('/api/v1/officers')
        .auth(admin, auth)
        .send({
          beltNo: 'NC-3',
          nameEn: 'Mohan Das',
          nameHi: 'मोहन दास',
          rank: 'CONSTABLE',
          gender: 'M',
          unitCode: 'OLD_TOWN',
        })
        .expect(400);
      expect(posted.body.fields).toEqual([
        { field: 'unitCode', message: 'unitCode OLD_TOWN is retired; it takes no new work' },
      ]);
    });

    it('refuses to retire a unit with active units under it, or the commissionerate', async () => {
      const res = await remove('ACP_NEW_CITY', 409);
      expect(res.body.message).toBe(
        'ACP_NEW_CITY still has 1 unit(s) under it (NEW_CITY); move or retire them first',
      );
      await remove('BPL', 409);
    });
  });

  describe('import from CSV', () => {
    const upload = (file: Buffer, confirm = false) =>
      t.http
        .post(`/api/v1/units/import${confirm ? '?confirmPartial=true' : ''}`)
        .auth(admin, auth)
        .attach('file', file, 'bhopal-units.csv');
    const count = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM unit`))[0].n as number;

    it('previews bhopal-units.csv: every row a zone lacks its Hindi name for is reported, and nothing is imported', async () => {
      const before = await count();
      const res = await upload(BHOPAL_UNITS).expect(422);
      expect(res.body).toMatchObject({ total: 41, imported: 0, importable: 25, rejected: 16 });
      const rows = res.body.rows as Array<{
        row: number;
        code: string;
        errors: Array<{ column: string; message: string }>;
      }>;
      expect(rows.map((r) => r.row)).toEqual([
        27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,
      ]);
      expect(rows[0]).toEqual({
        row: 27,
        code: 'KOLAR',
        errors: [
          {
            column: 'zoneHi',
            message: expect.stringContaining(
              'the Hindi name of zone "Zone-4 (inferred)" is required to create it',
            ),
          },
        ],
      });
      expect(rows[10]!.errors[0]!.message).toContain('"Rural (SP Bhopal Dehat; unverified)"');
      expect(await count()).toBe(before);
    });

    it('imports the good rows once confirmed: Zone-3 and its thanas; the thanas already there stay where they are', async () => {
      const before = await count();
      const res = await upload(BHOPAL_UNITS, true).expect(201);
      // 25 rows: Zone-3 is new, 22 thanas are new, TT Nagar, Kamla Nagar and MP Nagar were there.
      expect(res.body).toMatchObject({
        total: 41,
        imported: 25,
        rejected: 16,
        created: 23,
        updated: 0,
        unchanged: 5,
      });
      expect(await count()).toBe(before + 23);
      expect(await unitRow('KOTWALI')).toMatchObject({
        path: 'BPL.ZONE_3.KOTWALI',
        is_active: true,
      });
      expect(await unitRow('KOH_E_FIZA')).toMatchObject({ path: 'BPL.ZONE_3.KOH_E_FIZA' });
      expect((await unitRow('TT_NAGAR')).path).toBe('BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR');
      const [zone3] = await db.query(`SELECT name_en, name_hi FROM unit WHERE code = 'ZONE_3'`);
      expect(zone3).toEqual({ name_en: 'Zone-3', name_hi: 'ज़ोन-3' });
      const [piplani] = await db.query(`SELECT name_hi, lat, lng FROM unit WHERE code = 'PIPLANI'`);
      expect(piplani).toEqual({ name_hi: 'पिपलानी', lat: 23.245, lng: 77.47 });
      const [summary] = await audits('unit.imported');
      expect(summary.diff).toMatchObject({ file: 'bhopal-units.csv', unchanged: 5 });
      expect(summary.diff.created).toHaveLength(23);
      expect(summary.diff.skippedRows).toHaveLength(16);
    });

    it('imports the rest once the file gives the missing Hindi names', async () => {
      const hindi: Record<string, string> = {
        'Zone-4 (inferred)': 'ज़ोन-4 (अनुमानित)',
        'Rural (SP Bhopal Dehat; unverified)': 'ग्रामीण (एसपी भोपाल देहात; असत्यापित)',
        'Rural or urban? (unverified)': 'ग्रामीण अथवा शहरी (असत्यापित)',
      };
      const [header, ...lines] = BHOPAL_UNITS.toString('utf8').trimEnd().split(/\r?\n/);
      // No zone label holds a comma, so the zone is everything before the first one.
      const completed = [
        `zone_hi,${header}`,
        ...lines.map((l) => `${hindi[l.slice(0, l.indexOf(','))] ?? ''},${l}`),
      ].join('\n');
      const res = await upload(Buffer.from(completed)).expect(201);
      expect(res.body).toMatchObject({
        total: 41,
        imported: 41,
        rejected: 0,
        created: 19,
        updated: 0,
      });
      expect(await unitRow('ZONE_4')).toMatchObject({ path: 'BPL.ZONE_4' });
      expect(await unitRow('BERASIA')).toMatchObject({ path: 'BPL.ZONE_RURAL.BERASIA' });
      expect(await unitRow('BILKHIRIYA')).toMatchObject({
        path: 'BPL.ZONE_RURAL_OR_URBAN.BILKHIRIYA',
      });
      const [zone4] = await db.query(`SELECT name_en, name_hi FROM unit WHERE code = 'ZONE_4'`);
      expect(zone4).toEqual({ name_en: 'Zone-4 (inferred)', name_hi: 'ज़ोन-4 (अनुमानित)' });
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = {
        units: await count(),
        audit: (await db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n,
      };
      const versions = await db.query(`SELECT code, version FROM unit ORDER BY code`);
      const res = await upload(BHOPAL_UNITS).expect(201);
      expect(res.body).toMatchObject({
        total: 41,
        imported: 41,
        rejected: 0,
        created: 0,
        updated: 0,
        unchanged: 47,
      });
      expect(await count()).toBe(before.units);
      expect((await db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(before.audit);
      expect(await db.query(`SELECT code, version FROM unit ORDER BY code`)).toEqual(versions);
    });

    it('refuses a file saved in Windows ANSI, saying how to save it', async () => {
      const ansi = Buffer.from('zone,thana_en,thana_hi\nZone-1,Jos\xe9 Nagar,???\n', 'latin1');
      const res = await upload(ansi).expect(400);
      expect(res.body.message).toContain('CSV UTF-8 (Comma delimited)');
    });

    it('refuses a file without the columns it needs, naming them', async () => {
      const res = await upload(Buffer.from('zone,name\nZone-1,TT Nagar\n')).expect(400);
      expect(res.body.message).toContain('missing column(s) thanaEn, thanaHi');
    });
  });
});
