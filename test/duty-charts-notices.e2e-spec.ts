import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { waitFor } from './support/databases';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import {
  bandobastBody,
  dutySms,
  fetchBinary,
  istDay,
  newChart,
  publishChart,
  seedForce,
  shift,
  solveChart,
} from './support/duty-charts';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };
/** As long as a state government host gets: the SMS must keep to two parts even so. */
const BASE_URL = 'https://police-ops.bhopal.mp.gov.in';
const LONG_HINDI_POST = 'पुराना सब्ज़ी मंडी चौराहा, श्री हनुमान मंदिर के सामने, पीर गेट के पास';

interface Notices {
  officers: number;
  sent: number;
  keptInSink: number;
  pending: number;
  notNotified: number;
  byReason: Record<string, number>;
  notNotifiedOfficers: Array<Record<string, unknown>>;
  message: { hi: string; en: string };
}

/**
 * Officers the SMS gateway cannot reach: one without a mobile number, one whose number the
 * gateway refuses (422), one whose message it refuses (400). The publish result and the chart
 * view must name each, with the reason, in both languages.
 */
describe('who a duty-chart publication did not notify, and why (e2e)', () => {
  let t: TestApp;
  let gateway: Server;
  const received: Array<{ to: string; text: string }> = [];
  let duty: string;
  let chartId: string;
  let bandobastId: string;

  const noticesOf = async (id: string): Promise<Notices> =>
    waitFor(
      async () => {
        const p = (await t.http.get(`/api/v1/duty-charts/${id}/progress`).auth(duty, auth).expect(200)).body;
        return p.notices && p.notices.pending === 0 ? (p.notices as Notices) : undefined;
      },
      { what: 'every duty SMS to be handled' },
    );

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const msg = JSON.parse(body) as { to: string; text: string };
        received.push(msg);
        if (msg.to === '9111111122') return res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"unknown subscriber"}');
        if (msg.to === '9111111133') return res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"template not registered"}');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as AddressInfo;
    t = await bootTestApp({ BASE_URL, NOTIFY_SMS_ADAPTER: 'http', NOTIFY_SMS_URL: `http://127.0.0.1:${port}/send` });
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    // Exactly the force the order needs: every constable and the head constable get a duty.
    await seedForce(t, { unitCode: 'KAMLA_NAGAR', prefix: 'KN', ranks: { CONSTABLE: 4, HEAD_CONSTABLE: 1, INSPECTOR: 1 } });
    const db = t.app.get(DataSource);
    await db.query(`UPDATE officer SET mobile = NULL WHERE belt_no = 'KN-0001'`);
    await db.query(`UPDATE officer SET mobile = '9111111122' WHERE belt_no = 'KN-0002'`);
    await db.query(`UPDATE officer SET mobile = '9111111133' WHERE belt_no = 'KN-0003'`);
    const day = istDay(10);
    const at = (hhmm: string) => `${day}T${hhmm}:00+05:30`;
    const body = bandobastBody(
      'Ganesh visarjan',
      [
        { code: 'P1', shifts: [shift('P1-A', at('06:00'), at('14:00'), { CONSTABLE: 2 })] },
        { code: 'P2', shifts: [shift('P2-A', at('06:00'), at('14:00'), { CONSTABLE: 2, HEAD_CONSTABLE: 1 })] },
      ],
      { unitCode: 'KAMLA_NAGAR', sectorInCharge: 'KN-0006' },
    );
    // P1 has a long Hindi name; P2 has none, so its Hindi SMS falls back to the English one.
    (body.divisions[0]!.sectors[0]!.posts[0] as Record<string, unknown>).nameHi = LONG_HINDI_POST;
    bandobastId = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201)).body.id;
    chartId = await newChart(t, duty, bandobastId);
    const solved = await solveChart(t, duty, chartId);
    expect(solved.solveResult).toBe('OK');
    await publishChart(t, duty, chartId);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('names each officer not notified, with rank, belt number, unit, post and the reason, on the publish result', async () => {
    const notices = await noticesOf(chartId);
    expect(notices).toMatchObject({
      officers: 5,
      sent: 2,
      notNotified: 3,
      byReason: { NO_MOBILE: 1, INVALID_NUMBER: 1, SMS_FAILED: 1 },
    });
    expect(notices.notNotifiedOfficers.map((o) => [o.beltNo, o.reason])).toEqual([
      ['KN-0001', 'NO_MOBILE'],
      ['KN-0002', 'INVALID_NUMBER'],
      ['KN-0003', 'SMS_FAILED'],
    ]);
    for (const o of notices.notNotifiedOfficers)
      expect(o).toMatchObject({
        nameEn: `Officer ${o.beltNo}`,
        nameHi: `अधिकारी ${o.beltNo}`,
        rank: 'CONSTABLE',
        unitNameEn: 'Kamla Nagar',
        unitNameHi: 'कमला नगर',
        postCode: expect.stringMatching(/^P[12]$/),
        template: 'duty-slip',
      });
    const [noMobile, invalid, failed] = notices.notNotifiedOfficers;
    expect(noMobile).toMatchObject({ reasonText: { hi: 'मोबाइल नंबर दर्ज नहीं', en: 'no mobile number on the roll' }, detail: null });
    expect(invalid).toMatchObject({ reasonText: { en: 'invalid mobile number' }, detail: 'SMS gateway answered 422: unknown subscriber' });
    expect(failed).toMatchObject({ reasonText: { en: 'SMS failed' }, detail: 'SMS gateway answered 400: template not registered' });
    expect(notices.message.en).toBe(
      '2 of 5 officers notified by SMS; 3 not notified (1 no mobile number on the roll, 1 invalid mobile number, 1 SMS failed)',
    );
    expect(notices.message.hi).toMatch(/^5 में से 2 अधिकारियों को एसएमएस भेजा गया; 3 को सूचना नहीं/);
  });

  it('shows the same in the chart view', async () => {
    const chart = (await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(duty, auth).expect(200)).body;
    expect(chart.notices).toEqual(await noticesOf(chartId));
  });

  it('gives up a refused SMS at once instead of retrying it for hours', async () => {
    const rows: Array<{ recipient: string; status: string; failure: string; attempts: number }> = await t.app
      .get(DataSource)
      .query(`SELECT recipient, status, failure, attempts FROM notification WHERE source_type = 'duty_slip' ORDER BY recipient`);
    expect(rows.filter((r) => r.status === 'FAILED')).toEqual([
      { recipient: '9111111122', status: 'FAILED', failure: 'INVALID_NUMBER', attempts: 1 },
      { recipient: '9111111133', status: 'FAILED', failure: 'REFUSED', attempts: 1 },
    ]);
    expect(received.filter((m) => m.to.startsWith('91111111'))).toHaveLength(2);
  });

  it('keeps every Hindi duty SMS to two parts, the post in Hindi (shortened) or in English while it has no Hindi name', async () => {
    const sms = await dutySms(t);
    expect(sms).toHaveLength(4);
    for (const m of sms) {
      expect(m.language).toBe('hi');
      // UCS-2: two concatenated parts hold 134 UTF-16 code units.
      expect(m.body.length).toBeLessThanOrEqual(134);
      expect(m.parts).toBe(2);
      expect(m.body).toMatch(new RegExp(`पर्ची ${BASE_URL.replace(/\./g, '\\.')}/s/[A-Za-z0-9_-]{40}$`));
    }
    const posts = sms.map((m) => /^ड्यूटी (.+), रिपोर्ट \d\d-\d\d \d\d:\d\d।/.exec(m.body)?.[1]);
    expect(posts.filter((p) => p === 'Point P2')).toHaveLength(2);
    const hindi = posts.filter((p) => p !== 'Point P2');
    expect(hindi).toHaveLength(2);
    for (const p of hindi) {
      expect(p).toMatch(/…$/);
      expect(LONG_HINDI_POST.startsWith(p!.slice(0, -1))).toBe(true);
    }
    // What the gateway got is what was stored.
    expect(received.map((m) => m.text).sort()).toEqual(sms.map((m) => m.body).sort());
  });

  it('prints the master chart grouped by post, with the Hindi post name, the reporting time and unit names', async () => {
    const pdf = await fetchBinary(t.http.get(`/api/v1/duty-charts/${chartId}/pdf`).auth(duty, auth)).expect(200);
    const poppler = await Poppler.create();
    try {
      const text = (await poppler.pagesText(pdf.body as Buffer, { layout: true })).join('\n');
      expect(text.split(`P1: ${LONG_HINDI_POST} / Point P1, फिक्स पॉइंट / Fixed point`).length - 1).toBe(1);
      expect(text.split('P2: Point P2, नाका / Check-point').length - 1).toBe(1);
      expect(text.split('New Market square, gate 1').length - 1).toBe(1);
      expect(text).toContain('रिपोर्टिंग / Report');
      expect(text).toMatch(/06:00–14:00\s+05:30\s/);
      expect(text).toContain('कमला नगर / Kamla Nagar');
      expect(text).not.toContain('KAMLA_NAGAR');
      for (let i = 1; i <= 5; i++) expect(text).toContain(`KN-000${i}`);
    } finally {
      await poppler.dispose();
    }
  });

  it('still names them on the next version, where their unchanged slips send nothing new', async () => {
    const before = (await dutySms(t)).length;
    const v2 = await newChart(t, duty, bandobastId);
    await solveChart(t, duty, v2);
    await publishChart(t, duty, v2);
    expect((await dutySms(t)).length).toBe(before);
    const notices = await noticesOf(v2);
    expect(notices).toMatchObject({ officers: 5, sent: 2, notNotified: 3 });
    expect(notices.notNotifiedOfficers.map((o) => [o.beltNo, o.reason])).toEqual([
      ['KN-0001', 'NO_MOBILE'],
      ['KN-0002', 'INVALID_NUMBER'],
      ['KN-0003', 'SMS_FAILED'],
    ]);
  });
});
