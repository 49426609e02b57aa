import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DUTY_CHART_SETTINGS } from '../src/modules/duty-charts/settings';
import { SlipLinks } from '../src/modules/duty-charts/slips/slip-links';
import { dutySms, fetchBinary, linkIn, publishedBandobast } from './support/duty-charts';
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
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
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

  it('refuses the link once it has expired', async () => {
    const [first] = await dutySms(t);
    const expired = t.app.get(SlipLinks).token(first!.source_id, new Date(Date.now() - 1000));
    const page = await t.http.get(`/s/${expired}`).expect(410);
    expect(page.text).toContain('expired');
    expect(page.text).not.toContain(await beltOf(first!.source_id));
    await t.http.get(`/s/${expired}/pdf`).expect(410);
    await t.http.get(`/api/v1/duty-slips/public/${expired}`).expect(410);
  });

  it('refuses a forged link', async () => {
    const [first] = await dutySms(t);
    const path = linkIn(first!.body);
    await t.http.get(path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA')).expect(404);
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
});
