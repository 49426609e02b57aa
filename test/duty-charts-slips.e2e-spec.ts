import { createHash, createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DUTY_CHART_SETTINGS } from '../src/modules/duty-charts/settings';
import { SlipLinks } from '../src/modules/duty-charts/slips/slip-links';
import type { SlipContent } from '../src/modules/duty-charts/publish/slip-content';
import { formatIstDate, formatIstTime } from '../src/platform/time';
import {
  chartOf,
  dutySms,
  fetchBinary,
  linkIn,
  newChart,
  publishChart,
  publishedBandobast,
  solveChart,
} from './support/duty-charts';
import { waitFor } from './support/databases';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };

describe('officers’ duty slips: the SMS link and their own login (e2e)', () => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof publishedBandobast>>;
  const beltOf = async (slipId: string): Promise<string> =>
    (
      await t.app
        .get(DataSource)
        .query(
          `SELECT o.belt_no FROM duty_slip s JOIN officer o ON o.id = s.officer_id WHERE s.id = $1`,
          [slipId],
        )
    )[0].belt_no;

  beforeAll(async () => {
    // Links are opened here more often than an officer would (throttles.e2e tests the limits).
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test', RATE_LIMIT_PER_LINK_PER_MINUTE: '600' });
    fixture = await publishedBandobast(t);
  });
  afterAll(() => t.close());

  it('opens the slip page from the link without an account, showing only that officer', async () => {
    const [first, ...others] = await dutySms(t);
    const page = await t.http.get(linkIn(first!.body)).expect(200);
    expect(page.type).toBe('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain(await beltOf(first!.source_id));
    for (const other of others) expect(page.text).not.toContain(await beltOf(other.source_id));
    for (const label of [
      'Report at',
      'Shift',
      'Location',
      'In-charge',
      'Arms, equipment',
      'KN-0021',
    ])
      expect(page.text).toContain(label);
    const pdf = await fetchBinary(t.http.get(`${linkIn(first!.body)}/pdf`)).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // Tagged by its stored hash: a client revalidating the copy it kept is told it is unchanged.
    expect(pdf.headers.etag).toBe(`"${createHash('sha256').update(pdf.body as Buffer).digest('hex')}"`);
    const again = await t.http.get(`${linkIn(first!.body)}/pdf`).set('If-None-Match', pdf.headers.etag!).expect(304);
    expect(again.body).toEqual({});
  });

  it('shows post, reporting time in IST, in-charge with a call button, unit, shift and a map pin, in Hindi and English', async () => {
    const [first] = await dutySms(t);
    const path = linkIn(first!.body);
    const page = await t.http.get(path).expect(200);
    const [{ content }] = (await t.app
      .get(DataSource)
      .query(`SELECT content FROM duty_slip WHERE id = $1`, [first!.source_id])) as Array<{ content: SlipContent }>;
    const duty = content.duties[0]!;
    expect(page.text).toContain('<html lang="hi">');
    // Every label in both languages, each marked with its language.
    for (const [hi, en] of [
      ['रिपोर्टिंग समय', 'Report at'],
      ['ड्यूटी स्थल', 'Post'],
      ['ड्यूटी समय', 'Shift'],
      ['प्रभारी', 'In-charge'],
      ['इकाई', 'Unit'],
      ['पता', 'Location'],
    ])
      expect(page.text).toContain(`<span lang="hi">${hi}</span><span class="sep" aria-hidden="true">·</span><span lang="en">${en}</span>`);
    // The reporting time on the 24-hour IST clock and its date as dd-mm-yyyy.
    const report = new Date(duty.reportAt);
    expect(page.text).toContain(
      `<span class="when">${formatIstTime(report)}</span> <span class="day">${formatIstDate(report)}</span>`,
    );
    expect(formatIstDate(report)).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    // The unit, the post, the shift's code, the in-charge with rank and a tap-to-call number.
    expect(page.text).toContain(content.officer.unitNameHi);
    expect(page.text).toContain(content.officer.unitNameEn);
    expect(page.text).toContain(duty.postName);
    expect(page.text).toContain(duty.shiftCode);
    expect(duty.inCharge?.beltNo).toBe('KN-0021');
    expect(page.text).toContain('निरीक्षक');
    expect(page.text).toContain(`href="tel:${duty.inCharge!.mobile}"`);
    // The map pin: the phone's own map app at the post, and the coordinates; nothing from another origin.
    expect(page.text).toContain(`href="geo:${duty.lat!.toFixed(6)},${duty.lng!.toFixed(6)}?q=`);
    expect(page.text).toContain(`${duty.lat!.toFixed(5)}, ${duty.lng!.toFixed(5)}`);
    expect(page.text).toMatch(/<svg [^>]*aria-hidden="true"/);
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page.text).not.toMatch(/<script|<img|<iframe/);
    // The PDF beside the page, under the path the link used.
    expect(page.text).toContain(`href="${path.slice('/s/'.length)}/pdf"`);
    // No later version changed it, so it says nothing of a change.
    expect(page.text).not.toContain('class="changed"');
  });

  it('serves the page’s Devanagari font from its own origin, and nothing else under that path', async () => {
    const page = await t.http.get(linkIn((await dutySms(t))[0]!.body)).expect(200);
    expect(page.text).toContain('url(/fonts/noto-sans-devanagari-400.ttf)');
    for (const weight of [400, 700]) {
      const font = await fetchBinary(t.http.get(`/fonts/noto-sans-devanagari-${weight}.ttf`)).expect(200);
      expect(font.headers['content-type']).toBe('font/ttf');
      expect((font.body as Buffer).readUInt32BE(0)).toBe(0x00010000);
    }
    await t.http.get('/fonts/..%2F..%2Fpackage.json').expect(404);
    await t.http.get('/fonts/constructor').expect(404);
  });

  it('links in the SMS by the short path, outside /api/v1, so that a Hindi SMS keeps to two parts', async () => {
    const [first] = await dutySms(t);
    expect(linkIn(first!.body)).toMatch(/^\/s\/[A-Za-z0-9_-]{40}$/);
  });

  it('still opens the links sent before: the long path, and the 48-character token', async () => {
    const [first] = await dutySms(t);
    const token = linkIn(first!.body).slice('/s/'.length);
    const long = await t.http.get(`/api/v1/duty-slips/public/${token}`).expect(200);
    expect(long.text).toContain(await beltOf(first!.source_id));
    // A token as the app signed them before the short ones: expiry in seconds, 128-bit MAC.
    const payload = Buffer.alloc(20);
    Buffer.from(first!.source_id.replace(/-/g, ''), 'hex').copy(payload, 0);
    payload.writeUInt32BE(Math.floor(Date.now() / 1000) + 86_400, 16);
    const secret = t.app.get<{ slipLinkSecret: string }>(DUTY_CHART_SETTINGS).slipLinkSecret;
    const mac = createHmac('sha256', secret).update('po-duty-slip:').update(payload).digest().subarray(0, 16);
    const legacy = Buffer.concat([payload, mac]).toString('base64url');
    for (const path of [`/api/v1/duty-slips/public/${legacy}`, `/s/${legacy}`]) {
      const page = await t.http.get(path).expect(200);
      expect(page.text).toContain(await beltOf(first!.source_id));
    }
    const pdf = await fetchBinary(t.http.get(`/s/${legacy}/pdf`)).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers the SMS link’s PDF with what its route answers: headers, one count for the link, a 304 for a kept copy', async () => {
    const [, first] = await dutySms(t);
    const token = linkIn(first!.body).slice('/s/'.length);
    // The short link is answered before Nest's router (SlipPdfLeanPath); the long one goes
    // through the router, its guards and the controller.
    const lean = await fetchBinary(t.http.get(`/s/${token}/pdf`)).expect(200);
    const routed = await fetchBinary(t.http.get(`/api/v1/duty-slips/public/${token}/pdf`)).expect(200);
    const names = (headers: Record<string, string>) => Object.keys(headers).filter((h) => h !== 'date').sort();
    expect(names(lean.headers)).toEqual(names(routed.headers));
    for (const h of ['content-type', 'content-disposition', 'etag', 'x-content-sha256', 'cache-control', 'referrer-policy',
      'x-robots-tag', 'content-security-policy', 'strict-transport-security', 'x-ratelimit-limit-perlink', 'x-ratelimit-limit-linksperaddress'])
      expect([h, lean.headers[h]]).toEqual([h, routed.headers[h]]);
    // Both count against the same link.
    expect(Number(routed.headers['x-ratelimit-remaining-perlink'])).toBeLessThan(Number(lean.headers['x-ratelimit-remaining-perlink']));
    expect(lean.body).toEqual(routed.body);
    await t.http.get(`/s/${token}/pdf`).set('If-None-Match', lean.headers.etag!).expect(304);
  });

  it('turns the link away soon after another instance cancels the slip, though this one had it in memory', async () => {
    const [, , first] = await dutySms(t);
    const pdf = `${linkIn(first!.body)}/pdf`;
    await t.http.get(pdf).expect(200);
    const db = t.app.get(DataSource);
    // What another instance's publication commits for an officer it drops.
    await db.query(`UPDATE duty_slip SET status = 'CANCELLED' WHERE id = $1`, [first!.source_id]);
    try {
      await waitFor(async () => (await t.http.get(pdf)).status === 410, { timeoutMs: 5_000, intervalMs: 50, what: 'the cancelled slip’s link to answer 410' });
    } finally {
      await db.query(`UPDATE duty_slip SET status = 'ACTIVE' WHERE id = $1`, [first!.source_id]);
    }
    await waitFor(async () => (await t.http.get(pdf)).status === 200, { timeoutMs: 5_000, intervalMs: 50, what: 'the slip in force again' });
  });

  it('refuses the link once it has expired', async () => {
    const [first] = await dutySms(t);
    const expired = t.app.get(SlipLinks).token(first!.source_id, new Date(Date.now() - 1000));
    const page = await t.http.get(`/s/${expired}`).expect(410);
    expect(page.text).toContain('This link has expired');
    expect(page.text).toContain('यह लिंक समाप्त हो चुका है');
    expect(page.text).toContain('data-problem="expired"');
    expect(page.text).not.toContain(await beltOf(first!.source_id));
    await t.http.get(`/s/${expired}/pdf`).expect(410);
    await t.http.get(`/api/v1/duty-slips/public/${expired}`).expect(410);
  });

  it('refuses a forged link', async () => {
    const [first] = await dutySms(t);
    const path = linkIn(first!.body);
    const forged = await t.http.get(path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA')).expect(404);
    expect(forged.text).toContain('This link is not valid');
    expect(forged.text).toContain('यह लिंक मान्य नहीं है');
    expect(forged.text).not.toContain(await beltOf(first!.source_id));
    await t.http.get('/api/v1/duty-slips/public/not-a-token').expect(404);
    await t.http.get('/s/not-a-token').expect(404);
  });

  it('lets an officer with a login see their own slip and nobody else’s', async () => {
    const officer = await t.tokenFor(['OFFICER'], 'KAMLA_NAGAR');
    const admin = await t.tokenFor(['ADMIN']);
    await t.http.get('/api/v1/duty-slips/mine').auth(officer, auth).expect(404);
    const [first, second] = await dutySms(t);
    const [{ officer_id }] = await t.app
      .get(DataSource)
      .query(`SELECT officer_id FROM duty_slip WHERE id = $1`, [first!.source_id]);
    await t.http
      .put(`/api/v1/officers/${officer_id}/account`)
      .auth(admin, auth)
      .send({ username: 't_officer_kamla_nagar' })
      .expect(200);
    const mine = await t.http.get('/api/v1/duty-slips/mine').auth(officer, auth).expect(200);
    expect(mine.body.map((s: { id: string }) => s.id)).toEqual([first!.source_id]);
    await fetchBinary(
      t.http.get(`/api/v1/duty-slips/mine/${first!.source_id}/pdf`).auth(officer, auth),
    ).expect(200);
    await t.http
      .get(`/api/v1/duty-slips/mine/${second!.source_id}/pdf`)
      .auth(officer, auth)
      .expect(404);
  });

  it('keeps preparing charts to duty officers, and reading them to office roles of the unit', async () => {
    const { chartId, bandobastId } = fixture;
    const officer = await t.tokenFor(['OFFICER'], 'KAMLA_NAGAR');
    await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(officer, auth).expect(403);
    await t.http.get(`/api/v1/duty-charts/${chartId}/pdf`).auth(officer, auth).expect(403);
    await t.http.post(`/api/v1/bandobasts/${bandobastId}/charts`).auth(officer, auth).expect(403);
    const control = await t.tokenFor(['CONTROL_ROOM']);
    await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(control, auth).expect(200);
    await t.http.post(`/api/v1/duty-charts/${chartId}/publish`).auth(control, auth).expect(403);
    const otherZone = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_2');
    await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(otherZone, auth).expect(404);
    await t.http.post(`/api/v1/bandobasts/${bandobastId}/charts`).auth(otherZone, auth).expect(404);
  });

  it('opens the changed slip from the link of the first SMS, saying when it changed', async () => {
    const { duty, bandobastId } = fixture;
    const v2 = await newChart(t, duty, bandobastId);
    const rows = async (code: string) =>
      (
        await t.http.get(`/api/v1/duty-charts/${v2}/assignments?shiftCode=${code}`).auth(duty, auth).expect(200)
      ).body.items as Array<{ id: string; officerId: string; shiftId: string; rank: string }>;
    const gender = async (officerId: string): Promise<string> =>
      (await t.app.get(DataSource).query(`SELECT gender FROM officer WHERE id = $1`, [officerId]))[0].gender;
    // Swap a day constable with a night one of the same gender (the day shift needs a woman).
    const day = (await rows('P1-A')).filter((a) => a.rank === 'CONSTABLE');
    const night = (await rows('P2-C')).filter((a) => a.rank === 'CONSTABLE');
    const pairs = [];
    for (const a of day) for (const b of night) if ((await gender(a.officerId)) === (await gender(b.officerId))) pairs.push([a, b]);
    const [a, b] = pairs[0]!;
    for (const x of [a, b]) await t.http.delete(`/api/v1/duty-charts/${v2}/assignments/${x.id}`).auth(duty, auth).expect(204);
    for (const [who, to] of [[a, b], [b, a]])
      await t.http
        .post(`/api/v1/duty-charts/${v2}/assignments`)
        .auth(duty, auth)
        .send({ officerId: who.officerId, shiftId: to.shiftId })
        .expect(201);
    expect((await solveChart(t, duty, v2)).solveResult).toBe('OK');
    // Officer a's PDF, opened before the change: this instance now knows the slip's paper.
    const [{ id: slipOfA }] = (await t.app.get(DataSource).query(`SELECT id FROM duty_slip WHERE officer_id = $1`, [a.officerId])) as Array<{ id: string }>;
    const pdfOfA = `${linkIn((await dutySms(t)).find((m) => m.source_id === slipOfA)!.body)}/pdf`;
    const paperBefore = (await t.http.get(pdfOfA).expect(200)).headers.etag;
    const before = (await dutySms(t)).length;
    await publishChart(t, duty, v2);
    // The same link gives the changed paper at once.
    expect((await t.http.get(pdfOfA).expect(200)).headers.etag).not.toBe(paperBefore);
    expect((await chartOf(t, duty, v2)).status).toBe('PUBLISHED');
    const changed = (await dutySms(t)).slice(before).filter((m) => m.template === 'duty-slip-changed');
    expect(changed.length).toBeGreaterThanOrEqual(2);
    // The link of the first SMS to that officer opens the slip in force, which says it changed.
    const firstSms = (await dutySms(t)).find((m) => m.source_id === changed[0]!.source_id)!;
    const page = await t.http.get(linkIn(firstSms.body)).expect(200);
    expect(page.text).toContain('class="changed"');
    expect(page.text).toMatch(/यह पर्ची \d{2}-\d{2}-\d{4} \d{2}:\d{2} पर बदली गई।/);
    expect(page.text).toMatch(/This slip was changed on \d{2}-\d{2}-\d{4} \d{2}:\d{2}\./);
    const [{ content }] = (await t.app
      .get(DataSource)
      .query(`SELECT content FROM duty_slip WHERE id = $1`, [firstSms.source_id])) as Array<{ content: SlipContent }>;
    expect(page.text).toContain(`<span class="l">${content.duties[0]!.shiftCode}</span>`);
    // An officer whose slip the new version left as it was is told of no change.
    const steady = (await dutySms(t)).find((m) => !changed.some((c) => c.source_id === m.source_id) && m.template === 'duty-slip');
    const unchangedPage = await t.http.get(linkIn(steady!.body)).expect(200);
    expect(unchangedPage.text).not.toContain('class="changed"');
  });
});
