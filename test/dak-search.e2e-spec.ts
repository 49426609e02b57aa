import { fixedClock } from '../src/platform/time';
import { createTestDatabase, withClient } from './support/databases';
import { bootTestApp } from './support/test-app';

/** The register's entries the searches run over, with the names the tests use for them. */
const RECEIPTS = {
  hindiDharna: {
    subject: 'धरना-प्रदर्शन की अनुमति हेतु आवेदन',
    senderName: 'सचिव, भोपाल व्यापारी संघ',
    letterNo: '45/संघ/2026',
    intakeChannel: 'WALK_IN',
    receivedAt: '2026-11-20T11:00:00+05:30',
    markedTo: 'TT_NAGAR',
    priority: 'URGENT',
  },
  englishDharna: {
    subject: 'Application for permission to hold a dharna at Neelam Park',
    senderName: 'Secretary, Bhopal Traders Association',
    senderOffice: 'Collectorate, Bhopal',
    letterNo: '1234/Reader/2026',
    intakeChannel: 'EMAIL',
    receivedAt: '2026-11-22T15:30:00+05:30',
    markedTo: 'KAMLA_NAGAR',
  },
  hindiTraffic: {
    subject: 'यातायात व्यवस्था हेतु पुलिस बल की मांग',
    senderName: 'आयुक्त, नगर निगम भोपाल',
    intakeChannel: 'POST',
    receivedAt: '2026-11-23T10:00:00+05:30',
  },
  englishTraffic: {
    subject: 'Request for traffic police and parking at the Diwali fair',
    senderName: 'Municipal Corporation',
    intakeChannel: 'WHATSAPP',
    receivedAt: '2026-11-24T09:00:00+05:30',
    grading: 'CONFIDENTIAL',
  },
  dharmaSabha: {
    subject: 'Dharma sabha procession route',
    senderName: 'Arya Samaj Mandir',
    intakeChannel: 'POST',
    receivedAt: '2026-11-25T12:00:00+05:30',
  },
} as const;
type Name = keyof typeof RECEIPTS;

/**
 * A register on the given database, and its search answering with the names of what it found.
 * Diarised (and the two marked ones marked) at noon IST on 26 November 2026.
 */
async function registerOn(databaseUrl?: string) {
  const clock = fixedClock('2026-11-26T06:30:00Z');
  const t = await bootTestApp({}, databaseUrl, { clock });
  const control = await t.tokenFor(['CONTROL_ROOM']);
  const names = new Map<string, Name>();
  for (const [name, body] of Object.entries(RECEIPTS)) {
    const res = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(body).expect(201);
    names.set(res.body.id, name as Name);
  }
  const search = async (query: Record<string, string>, status = 200) =>
    (await t.http.get('/api/v1/dak').auth(control, { type: 'bearer' }).query(query).expect(status)).body;
  const found = async (query: Record<string, string>): Promise<Name[]> => {
    const page = await search(query);
    expect(page.total).toBe(page.items.length);
    return (page.items as Array<{ id: string }>).map((d) => names.get(d.id)!);
  };
  return { t, clock, search, found };
}

describe('dak search (e2e)', () => {
  let reg: Awaited<ReturnType<typeof registerOn>>;
  const found = (query: Record<string, string>) => reg.found(query);

  beforeAll(async () => {
    reg = await registerOn();
  });
  afterAll(async () => {
    await reg.t.close();
  });

  it('finds "धरना" in a Hindi subject and "dharna" in an English one, the whole word first', async () => {
    expect(await found({ q: 'धरना' })).toEqual(['hindiDharna']);
    expect(await found({ q: 'dharna' })).toEqual(['englishDharna']);
  });

  it('ranks a whole word before a word it begins, whatever is newer', async () => {
    expect(await found({ q: 'park' })).toEqual(['englishDharna', 'englishTraffic']);
  });

  it('tolerates one letter wrong, missing or extra, in either script', async () => {
    expect(await found({ q: 'dharan' })).toContain('englishDharna');
    expect(await found({ q: 'darna' })).toContain('englishDharna');
    expect(await found({ q: 'aplication' })).toEqual(['englishDharna']);
    expect((await found({ q: 'धरन' }))[0]).toBe('hindiDharna');
    expect(await found({ q: 'प्रदशन' })).toEqual(['hindiDharna']);
    expect(await found({ q: 'व्यवस्ता' })).toEqual(['hindiTraffic']);
    // Typed in Latin letters, a Hindi word finds its Devanagari spelling.
    expect(await found({ q: 'pradarshan' })).toEqual(['hindiDharna']);
    // A word that only shares an ending with one of theirs is not a typo of it.
    expect(await found({ q: 'traffic' })).toEqual(['englishTraffic']);
    // A word the register has is taken as typed: dharma is not a typo of dharna.
    expect(await found({ q: 'dharma' })).toEqual(['dharmaSabha']);
  });

  it('finds the beginning of a word, and the sender by name or office', async () => {
    expect(await found({ q: 'प्रदर्' })).toEqual(['hindiDharna']);
    expect(await found({ q: 'Neel' })).toEqual(['englishDharna']);
    expect(await found({ q: 'व्यापारी' })).toEqual(['hindiDharna']);
    expect(await found({ q: 'Traders' })).toEqual(['englishDharna']);
    expect(await found({ q: 'Collectorate' })).toEqual(['englishDharna']);
    expect(await found({ q: 'नगर निगम' })).toEqual(['hindiTraffic']);
  });

  it('finds a letter by its own number, whole or begun', async () => {
    expect(await found({ q: '1234/Reader/2026' })).toEqual(['englishDharna']);
    expect(await found({ q: '1234' })).toEqual(['englishDharna']);
    expect(await found({ q: 'Reader/2026' })).toEqual(['englishDharna']);
    expect(await found({ q: '45/संघ' })).toEqual(['hindiDharna']);
  });

  it('finds only receipts with every word of the query', async () => {
    expect(await found({ q: 'dharna Neelam' })).toEqual(['englishDharna']);
    expect(await found({ q: 'dharna traffic' })).toEqual([]);
    expect(await found({ q: 'हेतु' })).toEqual(['hindiTraffic', 'hindiDharna']);
  });

  it('filters by channel, grading and the date received, with or without words', async () => {
    expect(await found({ q: 'dharna', intakeChannel: 'EMAIL' })).toEqual(['englishDharna']);
    expect(await found({ intakeChannel: 'POST' })).toEqual(['dharmaSabha', 'hindiTraffic']);
    expect(await found({ grading: 'CONFIDENTIAL' })).toEqual(['englishTraffic']);
    // Times without an offset are IST: the 22nd from midnight to the 24th's midnight.
    expect(await found({ from: '2026-11-22T00:00', to: '2026-11-24T00:00' })).toEqual(['hindiTraffic', 'englishDharna']);
    expect(await found({ q: 'हेतु', from: '2026-11-21T00:00' })).toEqual(['hindiTraffic']);
    // No words: newest first.
    expect(await found({})).toEqual(['dharmaSabha', 'englishTraffic', 'hindiTraffic', 'englishDharna', 'hindiDharna']);
  });

  it('filters by holder, status, priority and language', async () => {
    expect(await found({ holder: 'TT_NAGAR' })).toEqual(['hindiDharna']);
    expect(await found({ q: 'dharna', holder: 'KAMLA_NAGAR' })).toEqual(['englishDharna']);
    expect(await found({ status: 'MARKED' })).toEqual(['englishDharna', 'hindiDharna']);
    expect(await found({ status: 'DIARISED', q: 'traffic' })).toEqual(['englishTraffic']);
    expect(await found({ priority: 'URGENT' })).toEqual(['hindiDharna']);
    expect(await found({ language: 'hi' })).toEqual(['hindiTraffic', 'hindiDharna']);
    expect(await found({ language: 'en', q: 'हेतु' })).toEqual([]);
  });

  it('filters by age, and by overdue on the clock', async () => {
    // Received more than four days before noon IST on 26 November: the 20th, not the 22nd at 15:30.
    expect(await found({ olderThanDays: '4' })).toEqual(['hindiDharna']);
    expect(await found({ olderThanDays: '3' })).toEqual(['hindiTraffic', 'englishDharna', 'hindiDharna']);
    expect(await found({ overdue: 'true' })).toEqual([]);
    // URGENT, marked on the 26th: three days, overdue from 00:00 IST on 30 November; NORMAL from 4 December.
    reg.clock.set('2026-11-29T18:29:00Z');
    expect(await found({ overdue: 'true' })).toEqual([]);
    reg.clock.set('2026-11-29T18:30:00Z');
    expect(await found({ overdue: 'true' })).toEqual(['hindiDharna']);
    expect(await found({ overdue: 'false', status: 'MARKED' })).toEqual(['englishDharna']);
    reg.clock.set('2026-11-26T06:30:00Z');
  });

  it('pages the results with the total of all of them', async () => {
    const first = await reg.search({ q: 'हेतु', limit: '1' });
    expect(first.total).toBe(2);
    expect(first.items).toHaveLength(1);
    const rest = await reg.search({ q: 'हेतु', limit: '5', offset: '1' });
    expect(rest.total).toBe(2);
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0].id).not.toBe(first.items[0].id);
    const past = await reg.search({ q: 'हेतु', offset: '5' });
    expect(past).toMatchObject({ total: 2, items: [] });
  });

  it('pages across the bands of relevance: a whole word before a word it begins, each page taking up where the last ended', async () => {
    const pageAt = async (offset: number) => {
      const page = await reg.search({ q: 'park', limit: '1', offset: String(offset) });
      expect(page).toMatchObject({ total: 2, totalCapped: false });
      return (page.items as Array<{ id: string }>).map((d) => d.id);
    };
    const [whole, begun, past] = [await pageAt(0), await pageAt(1), await pageAt(2)];
    expect(whole).toHaveLength(1);
    expect(begun).toHaveLength(1);
    expect(past).toEqual([]);
    expect(await found({ q: 'park' })).toEqual(['englishDharna', 'englishTraffic']);
    const ids = (await reg.search({ q: 'park' })).items.map((d: { id: string }) => d.id);
    expect([...whole, ...begun]).toEqual(ids);
  });

  it('refuses a query with nothing to search for and a date range that ends before it starts, naming the field', async () => {
    const q = await reg.search({ q: '-- //' }, 400);
    expect(q.fields.map((f: { field: string }) => f.field)).toEqual(['q']);
    const range = await reg.search({ from: '2026-11-24T00:00', to: '2026-11-22T00:00' }, 400);
    expect(range.fields.map((f: { field: string }) => f.field)).toEqual(['to']);
    const channel = await reg.search({ intakeChannel: 'PIGEON' }, 400);
    expect(channel.fields.map((f: { field: string }) => f.field)).toEqual(['intakeChannel']);
    const holder = await reg.search({ holder: 'NO_SUCH_UNIT' }, 400);
    expect(holder.fields.map((f: { field: string }) => f.field)).toEqual(['holder']);
    const filters = await reg.search({ overdue: 'yes', olderThanDays: '-1', priority: 'SOON', holderUser: 'ravi' }, 400);
    expect(filters.fields.map((f: { field: string }) => f.field).sort()).toEqual(['holderUser', 'olderThanDays', 'overdue', 'priority']);
  });
});

describe('dak search on a database created with the C locale (e2e)', () => {
  let reg: Awaited<ReturnType<typeof registerOn>>;

  beforeAll(async () => {
    const url = await createTestDatabase('e2e_c');
    const name = new URL(url).pathname.slice(1);
    // Recreated with the C locale, as `initdb --locale=C` would make every database.
    const admin = new URL(url);
    admin.pathname = '/postgres';
    await withClient(admin.toString(), async (c) => {
      await c.query(`DROP DATABASE ${name}`);
      await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
    });
    reg = await registerOn(url);
  });
  afterAll(async () => {
    await reg.t.close();
  });

  it('still finds Hindi words with a typo, though pg_trgm there sees no Devanagari letter', async () => {
    const trigrams = await withClient(reg.t.databaseUrl, async (c) => (await c.query(`SELECT show_trgm('धरना') AS t`)).rows[0].t);
    expect(trigrams).toEqual([]);
    expect(await reg.found({ q: 'धरना' })).toEqual(['hindiDharna']);
    expect(await reg.found({ q: 'प्रदशन' })).toEqual(['hindiDharna']);
    expect(await reg.found({ q: 'व्यवस्ता' })).toEqual(['hindiTraffic']);
    expect(await reg.found({ q: 'pradarshan' })).toEqual(['hindiDharna']);
    expect(await reg.found({ q: 'dharan' })).toContain('englishDharna');
  });
});

describe('dak search over more receipts than it counts (e2e)', () => {
  let reg: Awaited<ReturnType<typeof registerOn>>;

  beforeAll(async () => {
    reg = await registerOn();
    // 1,100 more copies of the English dharna letter, each its own receipt, written at once.
    await withClient(reg.t.databaseUrl, async (c) => {
      const columns = (
        await c.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'dak_receipt' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        )
      ).rows.map((r: { column_name: string }) => r.column_name as string);
      const values = columns.map((col) =>
        col === 'id' ? 'gen_random_uuid()' : col === 'ref' ? `ref || '-' || g` : col === 'received_at' ? `received_at - g * interval '1 minute'` : col,
      );
      await c.query(
        `INSERT INTO dak_receipt (${columns.join(', ')})
         SELECT ${values.join(', ')} FROM dak_receipt, generate_series(1, 1100) g WHERE subject LIKE 'Application for permission%'`,
      );
    });
  });
  afterAll(async () => {
    await reg.t.close();
  });

  it('says "more than 1,000" rather than counting every match, and still pages past the thousandth', async () => {
    const first = await reg.search({ q: 'dharna' });
    expect(first).toMatchObject({ total: 1000, totalCapped: true });
    expect(first.items).toHaveLength(50);
    const deep = await reg.search({ q: 'dharna', offset: '1090' });
    expect(deep.items).toHaveLength(11);
    expect(deep).toMatchObject({ total: 1101, totalCapped: true });
    // A rare word is counted exactly, and a page that holds every match needs no count.
    expect(await reg.search({ q: 'यातायात' })).toMatchObject({ total: 1, totalCapped: false });
    expect(await reg.search({ q: 'dharna', grading: 'CONFIDENTIAL' })).toMatchObject({ total: 0, totalCapped: false, items: [] });
  });
});
