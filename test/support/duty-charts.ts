import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import type { BandobastInstance } from '../../src/modules/duty-charts/solver';
import { BHOPAL_THANAS } from '../../src/modules/duty-charts/solver/bhopal-thanas';
import { TransactionService } from '../../src/platform/database/transaction.service';
import { addDays, istDateKey } from '../../src/platform/time';
import { UnitsService } from '../../src/platform/units/units.service';
import { waitFor } from './databases';
import { TestApp } from './test-app';

/** The IST calendar date `days` from now, "2026-12-05": duties in the future keep slip links valid. */
export function istDay(days: number): string {
  return istDateKey(addDays(new Date(), days));
}

export interface ForceSpec {
  unitCode: string;
  prefix: string;
  /** Officers per rank. */
  ranks: Record<string, number>;
  /** Every n-th officer is a woman (0: none). */
  womenEvery?: number;
  /** Every n-th officer holds "armed" (0: none). */
  armedEvery?: number;
}

/** Puts officers on the roll directly (fast); returns belt number → officer id. */
export async function seedForce(t: TestApp, spec: ForceSpec): Promise<Map<string, string>> {
  const col = {
    belt: [] as string[],
    rank: [] as string[],
    gender: [] as string[],
    skills: [] as string[],
  };
  let n = 0;
  for (const [rank, count] of Object.entries(spec.ranks)) {
    for (let i = 0; i < count; i++, n++) {
      col.belt.push(`${spec.prefix}-${String(n + 1).padStart(4, '0')}`);
      col.rank.push(rank);
      col.gender.push(spec.womenEvery && (n + 1) % spec.womenEvery === 0 ? 'F' : 'M');
      col.skills.push(spec.armedEvery && (n + 1) % spec.armedEvery === 0 ? 'armed' : '');
    }
  }
  const ids: Array<{ id: string; belt_no: string }> = await t.app.get(DataSource).query(
    `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id, mobile, skills)
     SELECT b, 'Officer ' || b, 'अधिकारी ' || b, r, g, (SELECT id FROM unit WHERE code = $5),
            '98' || lpad(n::text, 8, '0'), coalesce(string_to_array(nullif(s, ''), ','), '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(b, r, g, s, n)
     RETURNING id, belt_no`,
    [col.belt, col.rank, col.gender, col.skills, spec.unitCode],
  );
  return new Map(ids.map((r) => [r.belt_no, r.id]));
}

export interface ShiftSpec {
  code: string;
  start: string;
  end: string;
  reportAt?: string;
  ranks: Record<string, number>;
  minWomen?: number;
  skills?: Record<string, number>;
  armed?: boolean;
}

/** A shift in one line: `shift('P1-A', at('06:00'), at('14:00'), { SI: 1, CONSTABLE: 3 }, { minWomen: 1 })`. */
export function shift(
  code: string,
  start: string,
  end: string,
  ranks: Record<string, number>,
  extra: Partial<ShiftSpec> = {},
): ShiftSpec {
  return { code, start, end, ranks, ...extra };
}

const bearer = { type: 'bearer' as const };

export interface BandobastOptions {
  unitCode?: string;
  /** Belt numbers of the ADCP and the ACP/Inspector in charge. */
  divisionInCharge?: string;
  sectorInCharge?: string;
}

/** A one-division, one-sector bandobast whose posts each carry the given shifts. */
export function bandobastBody(
  name: string,
  posts: Array<{ code: string; shifts: ShiftSpec[]; equipment?: string; name?: string; nameHi?: string }>,
  options: BandobastOptions = {},
) {
  return {
    nameEn: `${name} bandobast`,
    nameHi: `${name} बंदोबस्त`,
    kind: 'FESTIVAL',
    ...(options.unitCode ? { unitCode: options.unitCode } : {}),
    divisions: [
      {
        code: 'D1',
        name: 'Division 1: Old City',
        ...(options.divisionInCharge ? { inCharge: options.divisionInCharge } : {}),
        sectors: [
          {
            code: 'D1-S1',
            name: 'Sector 1: New Market',
            ...(options.sectorInCharge ? { inCharge: options.sectorInCharge } : {}),
            posts: posts.map((p, i) => ({
              code: p.code,
              name: p.name ?? `Point ${p.code}`,
              ...(p.nameHi ? { nameHi: p.nameHi } : {}),
              kind: i % 2 === 0 ? 'FIXED_POINT' : 'CHECK_POINT',
              location: `New Market square, gate ${i + 1}`,
              lat: 23.2336 + i / 1000,
              lng: 77.4006,
              equipment: p.equipment ?? 'Lathi, helmet',
              shifts: p.shifts,
            })),
          },
        ],
      },
    ],
  };
}

export interface ChartView {
  id: string;
  status: string;
  solveResult: string | null;
  shortfalls: Array<{ shiftCode: string; requirement: string; missing: number; reason: string }>;
  solveErrors: string[];
  releasedPins: Array<{ beltNo: string; shiftCode: string; reason: string }>;
  assignments: number;
  pinned: number;
}

export async function chartOf(t: TestApp, token: string, chartId: string): Promise<ChartView> {
  return (await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(token, bearer).expect(200)).body;
}

/** Requests a solve and waits until the job has stored its result. */
export async function solveChart(
  t: TestApp,
  token: string,
  chartId: string,
  seed?: number,
): Promise<ChartView> {
  await t.http
    .post(`/api/v1/duty-charts/${chartId}/solve`)
    .auth(token, bearer)
    .send(seed === undefined ? {} : { seed })
    .expect(202);
  return waitFor(
    async () => {
      const chart = await chartOf(t, token, chartId);
      return chart.status === 'DRAFT' ? chart : undefined;
    },
    { what: `chart ${chartId} to be solved`, timeoutMs: 60_000 },
  );
}

/** Creates the next version of a bandobast's chart and returns its id. */
export async function newChart(t: TestApp, token: string, bandobastId: string): Promise<string> {
  return (
    await t.http
      .post(`/api/v1/bandobasts/${bandobastId}/charts`)
      .auth(token, bearer)
      .send({})
      .expect(201)
  ).body.id;
}

/** Sends the request and buffers its binary body (a PDF). */
export function fetchBinary(req: Test) {
  return req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

/** Publishes a solved chart and waits until the job has issued everything and switched it. */
export async function publishChart(t: TestApp, token: string, chartId: string, timeoutMs = 90_000) {
  const res = await t.http
    .post(`/api/v1/duty-charts/${chartId}/publish`)
    .auth(token, bearer)
    .expect(202);
  return waitFor(
    async () => {
      const p = (
        await t.http.get(`/api/v1/duty-charts/${chartId}/progress`).auth(token, bearer).expect(200)
      ).body;
      return p.status === 'PUBLISHED' && p.publish.state === 'completed'
        ? { ...p, jobId: res.body.jobId }
        : undefined;
    },
    { what: `chart ${chartId} to be published`, timeoutMs, intervalMs: 500 },
  );
}

export interface DutySms {
  recipient: string;
  template: string;
  language: string;
  body: string;
  parts: number;
  /** The duty_slip id. */
  source_id: string;
}

/** Every duty SMS queued so far, oldest first. */
export function dutySms(t: TestApp): Promise<DutySms[]> {
  return t.app
    .get(DataSource)
    .query(
      `SELECT recipient, template, language, body, parts, source_id FROM notification WHERE source_type = 'duty_slip' ORDER BY created_at, id`,
    );
}

/** The path of the slip link inside an SMS body. */
export function linkIn(body: string): string {
  return new URL(/https?:\/\/\S+/.exec(body)![0]).pathname;
}

/**
 * A published one-day bandobast of Kamla Nagar's force: 7 officers on two posts, one of them
 * a night shift across midnight, ten days from now (so slip links are still valid).
 */
export async function publishedBandobast(t: TestApp) {
  const duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
  const officers = await seedForce(t, {
    unitCode: 'KAMLA_NAGAR',
    prefix: 'KN',
    ranks: { CONSTABLE: 14, HEAD_CONSTABLE: 4, SI: 2, INSPECTOR: 1 },
    womenEvery: 4,
  });
  const day = istDay(10);
  const at = (hhmm: string, d = day) => `${d}T${hhmm}:00+05:30`;
  const body = bandobastBody(
    'Durga visarjan',
    [
      {
        code: 'P1',
        shifts: [shift('P1-A', at('06:00'), at('14:00'), { SI: 1, CONSTABLE: 3 }, { minWomen: 1 })],
      },
      {
        code: 'P2',
        shifts: [
          shift('P2-C', at('22:00'), at('06:00', istDay(11)), { HEAD_CONSTABLE: 1, CONSTABLE: 2 }),
        ],
      },
    ],
    { unitCode: 'KAMLA_NAGAR', sectorInCharge: 'KN-0021' },
  );
  const bandobastId: string = (
    await t.http.post('/api/v1/bandobasts').auth(duty, bearer).send(body).expect(201)
  ).body.id;
  const chartId = await newChart(t, duty, bandobastId);
  const solved = await solveChart(t, duty, chartId);
  if (solved.solveResult !== 'OK')
    throw new Error(`fixture chart did not solve: ${JSON.stringify(solved)}`);
  const published = await publishChart(t, duty, chartId);
  return { duty, officers, bandobastId, chartId, published, at };
}

/**
 * A published one-shift bandobast with one duty each for `count` constables of Kamla Nagar
 * (posts of 20), twelve days from now; returns each officer's slip link (its path), one per
 * officer. For tests and benches of many officers opening their slips at shift change.
 */
export async function publishedRoll(
  t: TestApp,
  count: number,
  /** The posts' names in English and Hindi (numbered when there are several); default "Point R1". */
  post?: { name: string; nameHi: string },
): Promise<string[]> {
  const { duty, chartId } = await solvedRoll(t, count, post);
  await publishChart(t, duty, chartId, 180_000);
  const links = new Map((await dutySms(t)).map((s) => [s.source_id, linkIn(s.body)]));
  if (links.size !== count) throw new Error(`expected ${count} slip links, found ${links.size}`);
  return [...links.values()];
}

/** `publishedRoll`'s chart, solved and not yet published; `spare` constables more on the roll stay off duty. */
export async function solvedRoll(
  t: TestApp,
  count: number,
  post?: { name: string; nameHi: string },
  spare = 0,
): Promise<{ duty: string; chartId: string }> {
  const duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
  await seedForce(t, { unitCode: 'KAMLA_NAGAR', prefix: 'KR', ranks: { CONSTABLE: count, INSPECTOR: 1 } });
  if (spare > 0) await seedForce(t, { unitCode: 'KAMLA_NAGAR', prefix: 'KS', ranks: { CONSTABLE: spare } });
  const day = istDay(12);
  const posts = Array.from({ length: Math.ceil(count / 20) }, (_, i) => ({
    code: `R${i + 1}`,
    ...(post
      ? count > 20
        ? { name: `${post.name} ${i + 1}`, nameHi: `${post.nameHi} ${i + 1}` }
        : post
      : {}),
    shifts: [
      shift(`R${i + 1}-A`, `${day}T06:00:00+05:30`, `${day}T14:00:00+05:30`, {
        CONSTABLE: Math.min(20, count - i * 20),
      }),
    ],
  }));
  const inCharge = `KR-${String(count + 1).padStart(4, '0')}`;
  const body = bandobastBody('Shift change', posts, { unitCode: 'KAMLA_NAGAR', sectorInCharge: inCharge });
  const bandobastId: string = (
    await t.http.post('/api/v1/bandobasts').auth(duty, bearer).send(body).expect(201)
  ).body.id;
  const chartId = await newChart(t, duty, bandobastId);
  const solved = await solveChart(t, duty, chartId);
  if (solved.solveResult !== 'OK' || solved.assignments !== count)
    throw new Error(`roll chart did not solve: ${JSON.stringify(solved)}`);
  return { duty, chartId };
}

/** A generator unit ("TT Nagar" or "TT_NAGAR") as a unit code. */
export const unitCodeOf = (unit: string) => unit.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/**
 * Puts a generated force on the roll, each thana under its zone (ZONE_1 … ZONE_4, created as
 * needed), so a bandobast organised by a zone sees that zone's officers only.
 */
export async function seedGeneratedForce(
  t: TestApp,
  officers: BandobastInstance['officers'],
): Promise<void> {
  const zoneOf = new Map(BHOPAL_THANAS.map((thana) => [thana.unit, thana.zone]));
  const units = t.app.get(UnitsService);
  await t.app.get(TransactionService).run(async (em) => {
    const known = new Set((await units.list()).map((u) => u.code));
    const ensure = async (code: string, create: () => Promise<unknown>) => {
      if (known.has(code)) return;
      known.add(code);
      await create();
    };
    for (const o of officers) {
      const zone = `ZONE_${zoneOf.get(unitCodeOf(o.unit)) ?? 1}`;
      await ensure(zone, () =>
        units.create(em, {
          code: zone,
          kind: 'ZONE',
          nameEn: zone,
          nameHi: zone,
          parentCode: 'BPL',
        }),
      );
      const code = unitCodeOf(o.unit);
      await ensure(code, () =>
        units.create(em, {
          code,
          kind: 'THANA',
          nameEn: o.unit,
          nameHi: o.unit,
          parentCode: zone,
          lat: o.location?.lat ?? null,
          lng: o.location?.lng ?? null,
        }),
      );
    }
  });
  await t.app.get(DataSource).query(
    `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id, mobile, skills)
     SELECT b, 'Officer ' || b, 'अधिकारी ' || b, r, g, (SELECT id FROM unit WHERE code = u), '98' || lpad(n::text, 8, '0'),
            coalesce(string_to_array(nullif(replace(s, '_', '-'), ''), ','), '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(b, r, g, u, s, n)`,
    [
      officers.map((x) => x.id),
      officers.map((x) => x.rank),
      officers.map((x) => x.gender),
      officers.map((x) => unitCodeOf(x.unit)),
      officers.map((x) => (x.skills ?? []).join(',')),
    ],
  );
}

/** A bandobast body with a generated instance's posts: divisions and sectors from the sector ids. */
export function generatedBandobastBody(
  instance: BandobastInstance,
  nameEn: string,
  unitCode: string,
) {
  const sectors = [...new Set(instance.posts.map((p) => p.sector))];
  const divisions = [...new Set(sectors.map((s) => s.split('-')[0]!))].map((d) => ({
    code: d,
    name: `Division ${d}`,
    sectors: sectors
      .filter((s) => s.startsWith(`${d}-`))
      .map((s) => ({
        code: s,
        name: `Sector ${s}`,
        posts: instance.posts
          .filter((p) => p.sector === s)
          .map((p) => ({
            code: p.id,
            name: `Point ${p.id}`,
            kind: 'FIXED_POINT',
            location: `Point ${p.id}, Bhopal`,
            lat: p.location?.lat,
            lng: p.location?.lng,
            equipment: 'Lathi, helmet',
            shifts: p.shifts.map((sh) => ({
              code: sh.id,
              start: sh.start,
              end: sh.end,
              ranks: sh.require.ranks,
              minWomen: sh.require.minWomen ?? 0,
              skills: Object.fromEntries(
                Object.entries(sh.require.skills ?? {}).map(([k, v]) => [k.replace(/_/g, '-'), v]),
              ),
            })),
          })),
      })),
  }));
  return { nameEn, nameHi: nameEn, kind: 'FESTIVAL', unitCode, divisions };
}
