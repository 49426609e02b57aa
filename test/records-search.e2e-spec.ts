import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CriminalRecordEntry,
  CriminalRecordsIndex,
  keyParticulars,
  RecordCandidate,
  WORD_SIMILARITY_THRESHOLD,
} from '../src/modules/verifications';
import { peopleGenerator } from '../src/modules/verifications/matching/testing/generated-people';
import {
  BORN_SQL,
  KIN_SQL,
  NAMED_SQL,
  PREFILTER_ROWS,
  prefilterParams,
} from '../src/modules/verifications/records/criminal-records.index';
import { UnitOfWork } from '../src/platform/change';
import { dataSourceOptions } from '../src/platform/database/data-source.options';
import { bootTestApp, TestApp } from './support/test-app';

/** The records check's search on the real database, as the app's own role runs it. */
describe('searching the criminal-records index (e2e)', () => {
  let t: TestApp;
  let index: CriminalRecordsIndex;
  const batch = randomUUID();

  /** The person sought, as the police station wrote him: in Devanagari, his age at the FIR. */
  const written: CriminalRecordEntry = {
    name: 'राजेश कुमार शर्मा',
    relative: 'पुत्र रमेश चंद्र शर्मा',
    birth: { age: 35, on: '2019-06-01' },
    address: 'मकान नं. 12, अशोका गार्डन, भोपाल',
    firRef: '112/2019',
    policeStation: 'Ashoka Garden',
    sections: 'IPC 379',
  };
  /** The same name, another man: another father, born years later. */
  const namesake: CriminalRecordEntry = {
    name: 'Rajesh Kumar Sharma',
    relative: 'S/o Suresh Prasad Sharma',
    birth: { dob: '1996-01-15' },
    address: 'Kolar Road, Bhopal',
    firRef: '431/2021',
    policeStation: 'Kolar Road',
    sections: 'IPC 323, 294, 506',
  };
  /** His brother: one letter from his name, the same father. */
  const brother: CriminalRecordEntry = {
    name: 'Rakesh Kumar Sharma',
    relative: 'S/o Ramesh Chandra Sharma',
    birth: { age: 31, on: '2019-06-01' },
    firRef: '113/2019',
    policeStation: 'Ashoka Garden',
  };
  const irfan: CriminalRecordEntry = {
    name: 'मो. इरफ़ान क़ुरैशी',
    relative: 'वल्द मोहम्मद सलीम क़ुरैशी',
    birth: { dob: '1990-06-15' },
    firRef: '77/2018',
    policeStation: 'Jahangirabad',
    sections: 'NDPS 8/20',
  };

  beforeAll(async () => {
    t = await bootTestApp();
    index = t.app.get(CriminalRecordsIndex);
    // Five hundred other people from the name lists around them, as an import would bring.
    const next = peopleGenerator(7);
    const others: CriminalRecordEntry[] = Array.from({ length: 500 }, () => next());
    await t.app.get(UnitOfWork).run(async (change) => {
      const added = await index.add(change.em, batch, [
        ...others,
        written,
        namesake,
        brother,
        irfan,
      ]);
      change.audit({
        action: 'criminal_records.imported',
        entityType: 'criminal_record_import',
        entityId: batch,
        diff: { added },
      });
    });
  });
  afterAll(() => t?.close());

  const top = (cs: RecordCandidate[]) => cs[0]!;
  const find = (cs: RecordCandidate[], firRef: string) =>
    cs.find((c) => c.record.firRef === firRef);

  it('finds the record written in the other script and spelling first, STRONG, and says why', async () => {
    const cs = await index.candidates({
      name: 'Rajesh Kumar Sharma',
      relative: 'S/o Ramesh Chandra Sharma',
      birth: { dob: '1984-03-12' },
      address: 'H.No. 12, Ashoka Garden, Bhopal',
    });
    expect(top(cs).record).toMatchObject({
      firRef: '112/2019',
      name: 'राजेश कुमार शर्मा',
      policeStation: 'Ashoka Garden',
      sections: 'IPC 379',
      age: { years: 35, on: '2019-06-01' },
      importBatchId: batch,
    });
    expect(top(cs).band).toBe('STRONG');
    expect(top(cs).why.map((w) => w.en)).toEqual([
      "name: same sound key 'rajes kumar sarma'",
      "father's name: same sound key 'rames chandar'",
      'age: age 35 on 01-06-2019 and DOB 12-03-1984 fit',
      "address: both mention '12 asoka garden'",
    ]);
    expect(top(cs).why.every((w) => /[\u0900-\u097f]/.test(w.hi))).toBe(true);
  });

  it('does not score a same-named person with another DOB and father STRONG', async () => {
    const cs = await index.candidates(
      { name: 'राजेश कुमार शर्मा', relative: 'पुत्र रमेश चंद्र शर्मा', birth: { dob: '1984-03-12' } },
      20,
    );
    const other = find(cs, '431/2021')!;
    expect(other).toBeDefined();
    expect(other.band).not.toBe('STRONG');
    expect(other.why.filter((w) => w.effect === 'LOWERS').map((w) => w.field)).toEqual([
      'relative',
      'birth',
    ]);
    // Nor his brother, found through their father's name though his own only resembles.
    expect(find(cs, '113/2019')).toMatchObject({ band: 'POSSIBLE' });
    expect(top(cs).record.firRef).toBe('112/2019');
  });

  it('matches Mohd. with मो. and Mohammed, and the Hindi वल्द for "son of"', async () => {
    const cs = await index.candidates(
      {
        name: 'Mohammed Irfan Qureshi',
        relative: 'S/o Mohd. Saleem Qureshi',
        birth: { dob: '1990-06-15' },
      },
      5,
    );
    expect(top(cs)).toMatchObject({
      band: 'STRONG',
      record: { firRef: '77/2018', relation: 'FATHER' },
    });
  });

  it('returns as many candidates as asked, best first, and nothing for a name with no letters', async () => {
    const cs = await index.candidates({ name: 'Rajesh Sharma' }, 2);
    expect(cs).toHaveLength(2);
    for (let i = 1; i < cs.length; i++) expect(cs[i]!.score).toBeLessThanOrEqual(cs[i - 1]!.score);
    expect(await index.candidates({ name: '—' })).toEqual([]);
  });

  it('runs as the app role, which may use pg_trgm and fuzzystrmatch but not create anything', async () => {
    const ds = t.app.get(DataSource);
    const [{ current_user: role }] = await ds.query('SELECT current_user');
    expect(role).toMatch(/_app$/);
    const [{ s, d }] = await ds.query(
      `SELECT similarity('rajes kumar', 'rajes') AS s, levenshtein_less_equal('rajes', 'rakes', 3) AS d`,
    );
    expect([s, d]).toEqual([0.5, 1]);
    await expect(ds.query('CREATE EXTENSION IF NOT EXISTS unaccent')).rejects.toThrow(
      /permission denied/,
    );
  });

  it("puts the prefilter's settings back before the connection returns to the pool", async () => {
    expect(WORD_SIMILARITY_THRESHOLD).not.toBe(0.6); // pg_trgm's default, so the check below can tell
    const one = new DataSource(dataSourceOptions(t.databaseUrl, 1));
    await one.initialize();
    try {
      const search = new CriminalRecordsIndex(one);
      expect((await search.candidates({ name: 'Rajesh Kumar Sharma' }, 3)).length).toBe(3);
      const [{ threshold, seqscan }] = await one.query(
        `SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold, current_setting('enable_seqscan') AS seqscan`,
      );
      expect([threshold, seqscan]).toEqual(['0.6', 'on']);
      // Inside a transaction it is the transaction's own.
      const inside = await t.app.get(UnitOfWork).run(async (change) => {
        await search.candidates({ name: 'Rajesh Kumar Sharma' }, 3, change.em);
        return (
          await change.em.query(
            `SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold`,
          )
        )[0].threshold as string;
      });
      expect(inside).toBe(String(WORD_SIMILARITY_THRESHOLD));
    } finally {
      await one.destroy();
    }
  });

  it('finds candidates through the indexes, not by reading the table', async () => {
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off');
      const p = prefilterParams(
        keyParticulars({
          name: 'Rajesh Kumar Sharma',
          relative: 'S/o Ramesh',
          birth: { dob: '1984-03-12' },
        }),
      );
      const plan = async (sql: string, params: unknown[]) =>
        ((await runner.query(`EXPLAIN ${sql}`, params)) as Array<{ 'QUERY PLAN': string }>)
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      const index = (name: string, cond: string) =>
        new RegExp(`Bitmap Index Scan on ${name} [^\\n]*\\n\\s+Index Cond: \\(${cond}`);
      const named = await plan(NAMED_SQL, p.named);
      expect(named).toMatch(
        index('criminal_record_search_key_trgm', "search_key %> 'rajes sarma'::text"),
      );
      expect(named).toMatch(index('criminal_record_search_key(_trgm)?', 'search_key = ANY'));
      const born = await plan(BORN_SQL, p.born!);
      expect(born).toMatch(
        index('criminal_record_born_keys', 'born_keys && \'\\{"rjes srma@1982"'),
      );
      const kin = await plan(KIN_SQL, p.kin!);
      expect(kin).toMatch(
        index('criminal_record_kin_keys', "kin_keys && '\\{rjes>rmes,srma>rmes\\}'::text\\[\\]"),
      );
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });

  describe('among more namesakes than a branch of the prefilter takes', () => {
    const him: CriminalRecordEntry = {
      name: 'संजय कुमार',
      relative: 'पुत्र मांगीलाल',
      birth: { age: 32, on: '2021-05-01' },
      firRef: '999/2021',
      policeStation: 'Piplani',
    };
    beforeAll(async () => {
      // Four hundred other Sanjay Kumars, none born near him, added before him: the first
      // branch, by name, is full of them.
      const ages = [20, 21, 22, 23, 24, 25, 26, 27, 38, 39, 40, 41, 42, 45, 50, 55];
      const others: CriminalRecordEntry[] = Array.from(
        { length: PREFILTER_ROWS + 100 },
        (_v, i) => ({
          name: i % 2 ? 'संजय कुमार' : 'Sanjay Kumar',
          relative: `S/o ${['Ramesh', 'Suresh', 'Mahesh', 'Dinesh', 'Naresh'][i % 5]}`,
          birth: { age: ages[i % ages.length]!, on: '2020-01-01' },
          firRef: `${i + 1}/2020`,
          policeStation: 'Piplani',
        }),
      );
      await t.app.get(UnitOfWork).run(async (change) => {
        const added = await index.add(change.em, randomUUID(), [...others, him]);
        change.audit({
          action: 'criminal_records.imported',
          entityType: 'criminal_record_import',
          entityId: batch,
          diff: { added },
        });
      });
    });

    it('finds the applicant by his birth year', async () => {
      const cs = await index.candidates({ name: 'Sanjay Kumar', birth: { dob: '1988-11-20' } }, 5);
      expect(top(cs).record.firRef).toBe('999/2021');
      expect(top(cs).why.find((w) => w.field === 'birth')?.code).toBe('AGE_FITS');
    });

    it("finds the applicant by his father's name", async () => {
      const cs = await index.candidates({ name: 'Sanjay Kumar', relative: 'S/o Mangilal' }, 5);
      expect(top(cs).record.firRef).toBe('999/2021');
    });

    it('finds him STRONG with both', async () => {
      const cs = await index.candidates(
        { name: 'Sanjay Kumar', relative: 'S/o Mangilal', birth: { dob: '1988-11-20' } },
        5,
      );
      expect(top(cs)).toMatchObject({ band: 'STRONG', record: { firRef: '999/2021' } });
    });
  });

  it('refuses an entry whose name has nothing to match on, and adds nothing of its import', async () => {
    const [{ n: before }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM criminal_record');
    await expect(
      t.app
        .get(UnitOfWork)
        .run((change) =>
          index.add(change.em, randomUUID(), [written, { ...written, name: '123 —' }]),
        ),
    ).rejects.toThrow(/entry 2: the name "123 —" has no letters/);
    const [{ n: after }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM criminal_record');
    expect(after).toBe(before);
  });
});
