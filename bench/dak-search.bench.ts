/**
 * The dak register's search (issue 15): p50, p95 and max of GET /dak?q=… through the real HTTP
 * API over 500,000 receipts (BENCH_DAK_RECEIPTS), goal p95 < 50 ms.
 *
 * The receipts are written by one INSERT … SELECT over generate_series a batch at a time (the
 * generated search columns computed as the app's inserts compute them), half in Hindi and half
 * in English: a subject from a topic, a locality of Bhopal and a purpose, a sender (a person and
 * an office), a letter number, a channel and a received time over three years, from the
 * vocabulary below. The search's indexes are built after the load, as a bulk import would,
 * then ANALYZE. The queries are a mix of what a dak clerk types: a common word in either
 * script, a word with a typo, the beginning of a word, a sender's name, a letter number,
 * two words, a word with a channel and a month, and a word that is nowhere; each answered
 * with its page of 50 and the total (counted up to 1,000). The plan of each kind is checked for the search's
 * indexes.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { DakReceipt } from '../src/modules/dak/entities/dak-receipt.entity';
import {
  applyDakSearch,
  DakSearchFilters,
  dakSearchSql,
  NEAR_SPELLINGS,
  NEAR_SPELLINGS_SQL,
  nearSpellings,
  onSearchConnection,
  searchWords,
} from '../src/modules/dak/dak-search';
import { UsersService } from '../src/platform/auth/users.service';
import { TransactionService } from '../src/platform/database/transaction.service';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { UnitsService } from '../src/platform/units/units.service';

const RECEIPTS = Number(process.env.BENCH_DAK_RECEIPTS ?? 500_000);
const ROUNDS = Number(process.env.BENCH_DAK_SEARCH_ROUNDS ?? 3);
const GOAL_P95_MS = 50;
const BATCH = 50_000;
const PASSWORD = 'bench-horse-battery-staple';

/** [Hindi, English] pairs: a topic, a place, a purpose, an office, a person's name parts. */
const TOPICS: Array<[string, string]> = [
  ['धरना-प्रदर्शन की अनुमति', 'Permission for dharna'],
  ['रैली की अनुमति', 'Permission for a rally'],
  ['जुलूस मार्ग की अनुमति', 'Procession route permission'],
  ['शिकायत', 'Complaint'],
  ['चोरी की शिकायत', 'Complaint of theft'],
  ['गुमशुदगी की सूचना', 'Missing person report'],
  ['सुरक्षा व्यवस्था', 'Security arrangements'],
  ['यातायात व्यवस्था', 'Traffic arrangements'],
  ['चरित्र सत्यापन', 'Character verification'],
  ['किरायेदार सत्यापन', 'Tenant verification'],
  ['शस्त्र लाइसेंस नवीनीकरण', 'Arms licence renewal'],
  ['ध्वनि विस्तारक यंत्र की अनुमति', 'Loudspeaker permission'],
  ['वीआईपी भ्रमण कार्यक्रम', 'VIP visit programme'],
  ['परीक्षा केंद्र पर पुलिस बल', 'Police force at examination centre'],
  ['चुनाव ड्यूटी', 'Election duty'],
  ['मेला सुरक्षा', 'Fair security'],
  ['त्योहार बंदोबस्त', 'Festival bandobast'],
  ['सड़क दुर्घटना प्रतिवेदन', 'Road accident report'],
  ['साइबर धोखाधड़ी', 'Cyber fraud'],
  ['महिला हेल्पलाइन प्रकरण', 'Women helpline case'],
  ['न्यायालय का समन', 'Court summons'],
  ['जांच प्रतिवेदन', 'Inquiry report'],
  ['अवकाश आवेदन', 'Leave application'],
  ['स्थानांतरण आदेश', 'Transfer order'],
  ['बैठक की सूचना', 'Notice of meeting'],
  ['वेतन निर्धारण', 'Pay fixation'],
  ['वाहन मरम्मत', 'Vehicle repair'],
  ['अतिक्रमण हटाने हेतु बल', 'Force for encroachment removal'],
  ['नशा मुक्ति अभियान', 'De-addiction drive'],
  ['सूचना का अधिकार आवेदन', 'Right to information application'],
];
const PLACES: Array<[string, string]> = [
  ['टीटी नगर', 'TT Nagar'],
  ['कमला नगर', 'Kamla Nagar'],
  ['एमपी नगर', 'MP Nagar'],
  ['हबीबगंज', 'Habibganj'],
  ['कोहेफ़िज़ा', 'Kohefiza'],
  ['शाहजहानाबाद', 'Shahjahanabad'],
  ['बैरसिया', 'Berasia'],
  ['बैरागढ़', 'Bairagarh'],
  ['गोविंदपुरा', 'Govindpura'],
  ['अशोका गार्डन', 'Ashoka Garden'],
  ['पिपलानी', 'Piplani'],
  ['जहांगीराबाद', 'Jahangirabad'],
  ['तलैया', 'Talaiya'],
  ['हनुमानगंज', 'Hanumanganj'],
  ['मंगलवारा', 'Mangalwara'],
  ['कोलार', 'Kolar'],
  ['मिसरोद', 'Misrod'],
  ['अयोध्या नगर', 'Ayodhya Nagar'],
  ['श्यामला हिल्स', 'Shyamla Hills'],
  ['नीलम पार्क', 'Neelam Park'],
  ['बिट्टन मार्केट', 'Bittan Market'],
  ['अरेरा कॉलोनी', 'Arera Colony'],
  ['शिवाजी नगर', 'Shivaji Nagar'],
  ['छोला', 'Chhola'],
];
const PURPOSES: Array<[string, string]> = [
  ['हेतु आवेदन', 'application'],
  ['के संबंध में', 'regarding'],
  ['बाबत', 'in the matter'],
  ['की जानकारी', 'information'],
  ['पर कार्यवाही', 'action requested'],
  ['विषयक पत्र', 'letter'],
];
const OFFICES: Array<[string, string]> = [
  ['कलेक्टर कार्यालय भोपाल', 'Collectorate, Bhopal'],
  ['नगर निगम भोपाल', 'Bhopal Municipal Corporation'],
  ['पुलिस मुख्यालय', 'Police Headquarters'],
  ['गृह विभाग', 'Home Department'],
  ['जिला न्यायालय भोपाल', 'District Court, Bhopal'],
  ['एसडीएम हुज़ूर', 'SDM Huzur'],
  ['मध्यप्रदेश विद्युत मंडल', 'MP Electricity Board'],
  ['व्यापारी संघ', 'Traders Association'],
  ['भोपाल विकास प्राधिकरण', 'Bhopal Development Authority'],
  ['रेलवे सुरक्षा बल', 'Railway Protection Force'],
  ['बरकतउल्ला विश्वविद्यालय', 'Barkatullah University'],
  ['जिला शिक्षा अधिकारी', 'District Education Officer'],
];
const FIRST: Array<[string, string]> = [
  ['रमेश', 'Ramesh'],
  ['सुनीता', 'Sunita'],
  ['राजेश', 'Rajesh'],
  ['अनिल', 'Anil'],
  ['प्रिया', 'Priya'],
  ['मोहम्मद', 'Mohammad'],
  ['संजय', 'Sanjay'],
  ['कविता', 'Kavita'],
  ['दिनेश', 'Dinesh'],
  ['फ़ातिमा', 'Fatima'],
  ['विकास', 'Vikas'],
  ['अंजलि', 'Anjali'],
  ['महेश', 'Mahesh'],
  ['पूजा', 'Pooja'],
  ['अरविंद', 'Arvind'],
  ['नसरीन', 'Nasreen'],
  ['गोपाल', 'Gopal'],
  ['रेखा', 'Rekha'],
  ['इमरान', 'Imran'],
  ['सीमा', 'Seema'],
];
const LAST: Array<[string, string]> = [
  ['शर्मा', 'Sharma'],
  ['अहिरवार', 'Ahirwar'],
  ['यादव', 'Yadav'],
  ['खान', 'Khan'],
  ['तिवारी', 'Tiwari'],
  ['मालवीय', 'Malviya'],
  ['चौहान', 'Chouhan'],
  ['कुशवाहा', 'Kushwaha'],
  ['जैन', 'Jain'],
  ['कुरैशी', 'Qureshi'],
  ['पटेल', 'Patel'],
  ['सक्सेना', 'Saxena'],
  ['लोधी', 'Lodhi'],
  ['ठाकुर', 'Thakur'],
  ['मिश्रा', 'Mishra'],
];
const DESKS = ['Reader', 'Steno', 'SP', 'DCP', 'Collector', 'Home', 'PHQ', 'Legal', 'Estb', 'RTI'];
const CHANNELS = ['EOFFICE', 'EMAIL', 'WHATSAPP', 'WALK_IN', 'POST'];

/** One statement per batch; $1.. the vocabulary, each `text[]` of [Hindi…, English…]. */
const SEED_SQL = `
  INSERT INTO dak_receipt (ref, subject, sender_name, sender_office, letter_no, letter_date, language, intake_channel,
    received_at, grading, priority, status, unit_id, holder_unit_id, marked_at, due_at, closed_reason, created_by,
    created_at, updated_at)
  SELECT 'DAK/B/' || lpad(g::text, 7, '0'),
    topic[t] || ' ' || place[p] || ' ' || purpose[u],
    first[f] || ' ' || last[l],
    CASE WHEN g % 4 = 0 THEN NULL ELSE office[o] END,
    CASE WHEN g % 5 = 0 THEN NULL ELSE (1 + (g::bigint * 7919) % 9999)::text || '/' || desk[1 + g % cardinality(desk)] || '/' || (2024 + g % 3)::text END,
    (received - interval '3 days')::date,
    CASE WHEN g % 2 = 0 THEN 'hi' ELSE 'en' END,
    channel[1 + g % cardinality(channel)],
    received,
    CASE WHEN g % 50 = 0 THEN 'CONFIDENTIAL' ELSE 'NORMAL' END,
    (ARRAY['NORMAL', 'NORMAL', 'NORMAL', 'URGENT', 'IMMEDIATE'])[1 + g % 5],
    -- Most of three years' dak is closed; the last weeks' is still with its holders.
    CASE WHEN received < now() - interval '30 days' THEN 'CLOSED' WHEN g % 3 = 0 THEN 'DIARISED' ELSE 'MARKED' END,
    $8::uuid, $8::uuid,
    CASE WHEN received >= now() - interval '30 days' AND g % 3 <> 0 THEN received END,
    CASE WHEN received >= now() - interval '30 days' AND g % 3 <> 0 THEN received + interval '7 days' END,
    CASE WHEN received < now() - interval '30 days' THEN 'Disposed of' END,
    $9::uuid, received, received
  FROM (
    SELECT g,
      -- Hindi rows take the first half of each list, English rows the second.
      (g % 2) * (cardinality($1::text[]) / 2) + 1 + floor(random() * cardinality($1::text[]) / 2)::int AS t,
      (g % 2) * (cardinality($2::text[]) / 2) + 1 + floor(random() * cardinality($2::text[]) / 2)::int AS p,
      (g % 2) * (cardinality($3::text[]) / 2) + 1 + floor(random() * cardinality($3::text[]) / 2)::int AS u,
      (g % 2) * (cardinality($4::text[]) / 2) + 1 + floor(random() * cardinality($4::text[]) / 2)::int AS o,
      (g % 2) * (cardinality($5::text[]) / 2) + 1 + floor(random() * cardinality($5::text[]) / 2)::int AS f,
      (g % 2) * (cardinality($6::text[]) / 2) + 1 + floor(random() * cardinality($6::text[]) / 2)::int AS l,
      $1::text[] AS topic, $2::text[] AS place, $3::text[] AS purpose, $4::text[] AS office,
      $5::text[] AS first, $6::text[] AS last, $7::text[] AS desk, $10::text[] AS channel,
      -- Written as it arrives: the newer the receipt, the later in the table.
      now() - interval '3 years' * (1 - g::float8 / $13::int) - random() * interval '2 hours' AS received
    FROM generate_series($11::int, $12::int) g
  ) s`;

const both = (pairs: Array<[string, string]>) => [...pairs.map((p) => p[0]), ...pairs.map((p) => p[1])];

interface Query {
  kind: string;
  filters: Record<string, string>;
}

/** What a dak clerk types, kind by kind. */
function queries(letterNos: string[], now: Date): Query[] {
  const month = (i: number) => {
    const to = new Date(now.getTime() - i * 30 * 86_400_000);
    return { from: new Date(to.getTime() - 30 * 86_400_000).toISOString(), to: to.toISOString() };
  };
  const kinds: Array<[string, string[] | Array<Record<string, string>>]> = [
    ['Hindi word', ['धरना', 'जुलूस', 'शिकायत', 'सत्यापन', 'यातायात', 'बंदोबस्त', 'दुर्घटना', 'अतिक्रमण']],
    ['English word', ['dharna', 'procession', 'complaint', 'verification', 'traffic', 'bandobast', 'accident', 'encroachment']],
    ['typo, English', ['dharan', 'procesion', 'complant', 'verifcation', 'trafic', 'bandobst', 'acident', 'encroachmnt']],
    ['typo, Hindi', ['धरन', 'जुलुस', 'शिकयत', 'सत्यापान', 'यातयात', 'बंदोबस', 'दुर्घटन', 'अतिक्रमन']],
    ['beginning', ['prad', 'proces', 'verif', 'शिका', 'सत्या', 'Koh', 'बैरा', 'encr']],
    ['sender', ['Ramesh Ahirwar', 'सुनीता यादव', 'Fatima Qureshi', 'राजेश शर्मा', 'Traders Association', 'नगर निगम', 'Barkatullah', 'विद्युत मंडल']],
    ['letter number', letterNos],
    ['two words', ['dharna Kohefiza', 'धरना कोहेफ़िज़ा', 'rally Piplani', 'सुरक्षा कोलार', 'theft Misrod', 'चोरी मिसरोद', 'summons Court', 'वेतन निर्धारण']],
    [
      'word, channel and month',
      [
        { q: 'complaint', intakeChannel: 'EMAIL', ...month(0) },
        { q: 'शिकायत', intakeChannel: 'WALK_IN', ...month(1) },
        { q: 'dharna', intakeChannel: 'WHATSAPP', ...month(2) },
        { q: 'धरना', intakeChannel: 'POST', ...month(3) },
        { q: 'traffic', intakeChannel: 'EOFFICE', ...month(4) },
        { q: 'सत्यापन', intakeChannel: 'EMAIL', ...month(5) },
        { q: 'Habibganj', intakeChannel: 'POST', ...month(6) },
        { q: 'हबीबगंज', intakeChannel: 'WALK_IN', ...month(7) },
      ],
    ],
    ['nowhere', ['zebra', 'submarine', 'ज्वालामुखी', 'हिमस्खलन', 'quantum', 'पनडुब्बी', 'glacier', 'xylophone']],
  ];
  return kinds.flatMap(([kind, list]) =>
    (list as Array<string | Record<string, string>>).map((x) => ({ kind, filters: typeof x === 'string' ? { q: x } : x })),
  );
}

function percentile<T>(sorted: T[], p: number): T {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (x: number) => x.toFixed(1).padStart(6);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-dak-search-'));
  const db = new EmbeddedDatabase({ dataDir });
  const url = await db.start();
  try {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '100000' });
    const app = await createApp({ config, databaseUrl: url });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    const { unitId, userId } = await app.get(TransactionService).run(async (em) => {
      const unit = await app.get(UnitsService).byCode('BPL', em);
      const user = await app.get(UsersService).insert(em, {
        username: 'bench.dak',
        displayNameEn: 'Bench dak clerk',
        displayNameHi: 'बेंच डाक लिपिक',
        rank: 'SI',
        unitId: unit.id,
        roles: ['CONTROL_ROOM'],
        password: PASSWORD,
        mustChangePassword: false,
      });
      return { unitId: unit.id, userId: user.id };
    });

    // The load, on the owner's connection (the app's role may not drop indexes).
    const owner = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
    await owner.initialize();
    const loadStart = performance.now();
    await owner.query('DROP INDEX dak_receipt_search_vector, dak_search_word_folded_trgm');
    // The register's words are taken once after the load, as the migration takes them.
    await owner.query('ALTER TABLE dak_receipt DISABLE TRIGGER dak_search_words');
    await owner.query('SELECT setseed(0.15)');
    for (let i = 1; i <= RECEIPTS; i += BATCH)
      await owner.query(SEED_SQL, [
        both(TOPICS),
        both(PLACES),
        both(PURPOSES),
        both(OFFICES),
        both(FIRST),
        both(LAST),
        DESKS,
        unitId,
        userId,
        CHANNELS,
        i,
        Math.min(RECEIPTS, i + BATCH - 1),
        RECEIPTS,
      ]);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const indexStart = performance.now();
    await owner.query(`SET maintenance_work_mem = '256MB'`);
    await owner.query('CREATE INDEX dak_receipt_search_vector ON dak_receipt USING gin (search_vector)');
    await owner.query(`
      INSERT INTO dak_search_word (lexeme, folded)
      SELECT l, dak_search_fold(l) FROM (SELECT DISTINCT unnest(tsvector_to_array(search_vector)) AS l FROM dak_receipt) w
      WHERE l !~ '[0-9]' ON CONFLICT DO NOTHING`);
    await owner.query('ALTER TABLE dak_receipt ENABLE TRIGGER dak_search_words');
    await owner.query('CREATE INDEX dak_search_word_folded_trgm ON dak_search_word USING gin (folded gin_trgm_ops)');
    await owner.query('VACUUM ANALYZE dak_search_word');
    await owner.query('VACUUM ANALYZE dak_receipt');
    const indexSeconds = (performance.now() - indexStart) / 1000;
    const [size] = await owner.query(
      `SELECT count(*)::int AS rows, pg_size_pretty(pg_table_size('dak_receipt')) AS table,
              pg_size_pretty(pg_relation_size('dak_receipt_search_vector')) AS fts,
              (SELECT count(*) FROM dak_search_word)::int AS words FROM dak_receipt`,
    );
    const letterNos: string[] = (
      await owner.query(`SELECT letter_no FROM dak_receipt WHERE letter_no IS NOT NULL ORDER BY ref LIMIT 8 OFFSET 1000`)
    ).map((r: { letter_no: string }) => r.letter_no);
    await owner.destroy();
    console.log(
      `dak.search.receipts: ${size.rows} (written in ${loadSeconds.toFixed(0)} s, words and search indexes in ${indexSeconds.toFixed(0)} s; table ${size.table}, full-text GIN ${size.fts}; ${size.words} distinct words)`,
    );

    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.dak', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (filters: Record<string, string>) =>
      new Promise<{ total: number; capped: boolean; ms: number }>((resolve, reject) => {
        const path = `/api/v1/dak?${new URLSearchParams(filters).toString()}`;
        const started = performance.now();
        const req = http.get(
          { agent, host: '127.0.0.1', port: new URL(base).port, path, headers: { authorization: `Bearer ${accessToken}` } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const took = performance.now() - started;
              const body = Buffer.concat(chunks).toString();
              if (res.statusCode !== 200) reject(new Error(`GET ${path} answered ${res.statusCode}: ${body}`));
              else {
                const page = JSON.parse(body) as { total: number; totalCapped: boolean };
                resolve({ total: page.total, capped: page.totalCapped, ms: took });
              }
            });
          },
        );
        req.on('error', reject);
      });

    const mix = queries(letterNos, new Date());
    // Warm the caches and plans the way a running server has them.
    for (const q of mix) await get(q.filters);
    const all: number[] = [];
    const byKind = new Map<string, { times: number[]; totals: string[] }>();
    for (let round = 0; round < ROUNDS; round++)
      for (const q of mix) {
        const { ms: took, total, capped } = await get(q.filters);
        all.push(took);
        const k = byKind.get(q.kind) ?? { times: [], totals: [] };
        k.times.push(took);
        if (round === 0) k.totals.push(capped ? `${total}+` : String(total));
        byKind.set(q.kind, k);
      }
    agent.destroy();

    // The plans: each kind's first query, as the app builds it, and the lookup of near spellings.
    const ds = app.get(DataSource);
    const plans = new Map<string, string>();
    const explain = async (sql: string, params: unknown[]) =>
      ((await ds.query(`EXPLAIN ${sql}`, params)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
    for (const q of mix) {
      if (plans.has(q.kind)) continue;
      // The page's first band, the one most searches are answered from.
      const search = dakSearchSql(q.filters as DakSearchFilters, await nearSpellings(ds, q.filters.q), 'd', { now: new Date() });
      const qb = applyDakSearch(ds.getRepository(DakReceipt).createQueryBuilder('d'), search);
      qb.andWhere(search.bands[0]!).select('d.id', 'id').limit(50);
      plans.set(q.kind, await explain(...qb.getQueryAndParameters()));
    }
    const lookupPlan = await onSearchConnection(ds, async (runner) =>
      ((await runner.query(`EXPLAIN ${NEAR_SPELLINGS_SQL}`, [searchWords('dharan procesion'), NEAR_SPELLINGS])) as Array<{ 'QUERY PLAN': string }>)
        .map((r) => r['QUERY PLAN'])
        .join('\n'),
    );
    plans.set('(near spellings)', lookupPlan);

    console.log('  kind                       p50     p95     max   rows found (median)   indexes in the plan');
    for (const [kind, k] of byKind) {
      const t = [...k.times].sort((a, b) => a - b);
      const totals = [...k.totals].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
      const plan = plans.get(kind) ?? '';
      const used = ['dak_receipt_search_vector', 'dak_receipt_received_idx'].filter((i) =>
        plan.includes(i),
      );
      console.log(
        `  ${kind.padEnd(24)} ${ms(percentile(t, 50))} ${ms(percentile(t, 95))} ${ms(t[t.length - 1]!)}   ${String(percentile(totals, 50)).padStart(8)}              ${used.join(', ') || (/Seq Scan/.test(plan) ? 'sequential scan' : '-')}`,
      );
    }
    console.log(
      `  near spellings are looked up through ${/dak_search_word_folded_trgm/.test(lookupPlan) ? 'dak_search_word_folded_trgm (GIN, pg_trgm %>)' : 'NO index (sequential scan)'}`,
    );
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 95);
    console.log(
      `dak.search.p50: ${ms(percentile(all, 50)).trim()} ms, p95: ${ms(p95).trim()} ms, max: ${ms(all[all.length - 1]!).trim()} ms over ${all.length} searches through GET /dak (goal p95 < ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? 'met' : 'NOT met'})`,
    );
    if (process.env.BENCH_DAK_SEARCH_PLANS) for (const [kind, plan] of plans) console.log(`\n-- ${kind}\n${plan}`);
    await app.close();
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
