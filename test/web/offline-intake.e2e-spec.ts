import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { withClient, waitFor } from '../support/databases';
import { dakPdf } from '../support/dak';
import { seedVenues } from '../support/protests';
import { bootTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { openBrowser, SCREENS_DIR, type Browser } from './support/browser';
import { startGateway, type Gateway } from './support/gateway';
import { logInAs, logOut, ScreenLog } from './support/journey';
import { appText } from './support/texts';

/**
 * Issue 17: the control room keeps taking applications and dak while our own server or the
 * network is down. The browser talks to the app through a gateway (as behind nginx), so the app
 * can be killed and started again on the same database while the browser keeps its origin; the
 * browser's context is taken offline as well. Every record is then counted through the API.
 */
const SECRETS = {
  // Shared by every start of the app, as by every instance of a deployment (docs/DEPLOYMENT.md).
  JWT_SECRET: 'offline-intake-test-jwt-secret-0123456789abcdef',
  IDEMPOTENCY_SECRET: 'offline-intake-test-idempotency-secret-0123456789',
};
const CLERK = 't_control_room_bpl';
const SECOND = 't_control_room_bpl_second';
const started = Date.now();
const mark = (what: string) => process.env.TEST_PROGRESS && console.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
const T = (key: string, values?: Record<string, string | number>) => appText('en', key, values);

/** A date on the IST calendar `days` from today, as the form takes it (dd-mm-yyyy). */
function formDate(days: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('day')}-${get('month')}-${get('year')}`;
}

jest.setTimeout(300_000);

describe('offline intake (issue 17): applications and dak saved on the device while the server is away, each sent exactly once', () => {
  let t: TestApp | undefined;
  let databaseUrl: string;
  let gateway: Gateway;
  let profile: string;
  let browser: Browser;
  let admin: string;
  const screens = new ScreenLog();

  async function startApp(): Promise<void> {
    t = await bootTestApp(SECRETS, databaseUrl);
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    gateway.setUpstream(`http://127.0.0.1:${address.port}`);
  }
  async function killApp(): Promise<void> {
    gateway.setUpstream(undefined);
    await t?.close();
    t = undefined;
  }
  /** The API as a client other than the browser sees it (through the gateway): a bearer token. */
  async function apiToken(username: string): Promise<string> {
    const res = await fetch(`${gateway.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }
  async function apiGet<T>(path: string, token: string): Promise<T> {
    const res = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }
  /** How many protest applications and dak items the API holds under each of these names. */
  async function countsOnServer(names: { applicants?: string[]; subjects?: string[] }): Promise<Record<string, number>> {
    const token = await apiToken(CLERK);
    const counts: Record<string, number> = {};
    const protests = await apiGet<{ items: Array<{ applicantName: string | null; ref: string }> }>('/api/v1/protests?limit=100', token);
    for (const name of names.applicants ?? []) counts[name] = protests.items.filter((p) => p.applicantName === name).length;
    for (const subject of names.subjects ?? []) {
      const dak = await apiGet<{ items: Array<{ subject: string }> }>(`/api/v1/dak?limit=100&q=${encodeURIComponent(subject)}`, token);
      counts[subject] = dak.items.filter((d) => d.subject === subject).length;
    }
    return counts;
  }

  async function fillWhen(page: Page, legendKey: string, date: string, time: string): Promise<void> {
    const what = T(legendKey);
    await page.getByLabel(T('protests.form.dateOf', { what }), { exact: true }).fill(date);
    await page.getByLabel(T('protests.form.timeOf', { what }), { exact: true }).fill(time);
  }
  const label = (page: Page, key: string) => page.getByLabel(T(key), { exact: true });
  const savedNotice = (page: Page) => page.locator('.saved-on-device');

  /** Enters one protest application on the intake form and saves it; answers the local number it was kept under. */
  async function enterApplication(page: Page, applicant: string, venue = 'AMBEDKAR_PARK'): Promise<number> {
    await label(page, 'protests.form.nameEn').fill(applicant);
    await label(page, 'protests.form.mobile').fill('9425012345');
    await label(page, 'protests.form.address').fill('45, Arera Colony, Bhopal');
    await label(page, 'protests.form.idLast4').fill('7731');
    await label(page, 'protests.form.participants').fill('150');
    await label(page, 'protests.form.purpose').fill(`Dharna of ${applicant}`);
    await fillWhen(page, 'protests.form.startsAt', formDate(4), '11:00');
    await fillWhen(page, 'protests.form.endsAt', formDate(4), '14:00');
    await label(page, 'protests.form.venue').selectOption(venue);
    await page.getByRole('button', { name: T('protests.intake.save') }).click();
    return savedAs(page);
  }
  async function enterDak(page: Page, subject: string, scan?: { name: string; buffer: Buffer }): Promise<number> {
    await label(page, 'dak.form.subject').fill(subject);
    await label(page, 'dak.form.senderName').fill('Secretary, Bhopal Traders Association');
    if (scan) await label(page, 'dak.scans.choose').setInputFiles([{ ...scan, mimeType: 'application/pdf' }]);
    await page.getByRole('button', { name: T('dak.intake.save') }).click();
    return savedAs(page);
  }
  /** The local number of the save just made, from the form's notice (which then clears for the next). */
  async function savedAs(page: Page): Promise<number> {
    const text = (await savedNotice(page)
      .textContent({ timeout: 15_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(SCREENS_DIR, 'offline-intake-not-saved.png'), fullPage: true });
        throw e;
      }))!;
    const n = Number(/L-(\d+)/.exec(text)![1]);
    return n;
  }
  /** The `count` queued items of one kind on its list screen (they are read from the device after the screen): local number → their state line. */
  async function queuedOn(page: Page, path: string, count: number): Promise<Map<number, string>> {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const rows = page.locator('.queued-item');
    await waitFor(async () => (await rows.count()) === count, { timeoutMs: 15_000, intervalMs: 100, what: `${count} queued items on ${path}` });
    const out = new Map<number, string>();
    for (const row of await rows.all()) out.set(Number(await row.getAttribute('data-local-no')), (await row.locator('.queued-state').textContent()) ?? '');
    return out;
  }
  /**
   * Waits until nothing of the user is left unsent: the banner goes, on a signed-in screen. A
   * browser that lost its newest session cookie (killed before writing it to disk) presents a
   * rotated one, which ends the session: the user logs in again, and their queue, locked
   * meanwhile, goes then.
   */
  async function allSent(page: Page, username = CLERK): Promise<void> {
    const login = page.getByRole('heading', { level: 1, name: T('login.title') });
    const sending = page.getByRole('button', { name: T('shell.logout') });
    await login.or(sending).first().waitFor({ timeout: 60_000 });
    if (await login.isVisible()) {
      mark('the session ended with the browser: logging in again');
      await logInAs(page, 'en', username);
    }
    await page.locator('.outbox-banner').waitFor({ state: 'detached', timeout: 90_000 });
    expect(await sending.isVisible()).toBe(true);
  }
  /** The screen in English and in Hindi (switched on the page, and back). */
  async function shootBoth(page: Page, name: string): Promise<void> {
    await screens.shoot(page, name, 'en');
    await page.getByRole('button', { name: appText('en', 'language.switchTo.hi') }).click();
    await page.locator('html[lang="hi"]').waitFor();
    await screens.shoot(page, name, 'hi');
    await page.getByRole('button', { name: appText('hi', 'language.switchTo.en') }).click();
    await page.locator('html[lang="en"]').waitFor();
  }
  async function goOnline(page: Page): Promise<void> {
    await page.context().setOffline(false);
  }

  beforeAll(async () => {
    gateway = await startGateway();
    t = await bootTestApp(SECRETS);
    databaseUrl = t.databaseUrl;
    admin = await t.tokenFor(['ADMIN']);
    await seedVenues(t, admin);
    await t.tokenFor(['CONTROL_ROOM']);
    await t.tokenFor(['CONTROL_ROOM'], 'BPL', 'second');
    await t.app.listen(0, '127.0.0.1');
    gateway.setUpstream(`http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`);
    profile = mkdtempSync(join(tmpdir(), 'police-ops-offline-profile-'));
    browser = await openBrowser(gateway.url, { profile });
    browser.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await gateway?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('1. takes ten applications and ten dak items with no server and no network, keeps them over a reload and a browser restart, and sends each once when the server returns', async () => {
    let { page } = browser;
    await logInAs(page, 'en', CLERK);
    // One visit while the server answers: the app is kept by its service worker, the form's lists on the device.
    // (Asked from here: a polled page function would be a string eval, which the app's CSP refuses.)
    await waitFor(async () => (await page.evaluate('navigator.serviceWorker.controller !== null')) === true, { timeoutMs: 30_000, intervalMs: 100, what: 'the service worker to control the page' });
    await page.goto('/protests/new');
    await label(page, 'protests.form.venue').locator('option[value="AMBEDKAR_PARK"]').waitFor({ state: 'attached' });
    await page.goto('/dak/new');
    await label(page, 'dak.form.subject').waitFor();

    await killApp();
    await page.context().setOffline(true);
    mark('offline');
    await page.goto('/protests/new');
    await page.getByText(T('offline.workingOffline')).waitFor();
    await page.locator('.cached-copy').waitFor();
    const applicants = Array.from({ length: 10 }, (_, i) => `Offline Applicant ${String(i + 1).padStart(2, '0')}`);
    const subjects = Array.from({ length: 10 }, (_, i) => `Offline dak item ${String(i + 1).padStart(2, '0')} / ऑफ़लाइन डाक`);
    const protestNos: number[] = [];
    for (const a of applicants) protestNos.push(await enterApplication(page, a));
    mark('entered applications');
    await screens.shoot(page, 'offline-intake-saved', 'en');
    await page.goto('/dak/new');
    const dakNos: number[] = [];
    // The first with its scan: queued with it, sent after the record is made.
    for (const [i, s] of subjects.entries()) dakNos.push(await enterDak(page, s, i === 0 ? { name: 'offline-scan.pdf', buffer: dakPdf('Scanned while offline') } : undefined));
    expect(new Set([...protestNos, ...dakNos]).size).toBe(20);
    mark('entered dak');

    // Listed as saved on this device, not yet sent: over a reload and a browser restart.
    const queuedText = T('offline.state.queued');
    expect([...(await queuedOn(page, '/protests', 10)).keys()].sort()).toEqual([...protestNos].sort());
    await page.getByText(T('offline.banner.unsent_other', { count: 20 })).waitFor();
    await shootBoth(page, 'offline-protests-queued');
    await page.reload();
    expect([...(await queuedOn(page, '/dak', 10)).values()].every((s) => s.startsWith(queuedText))).toBe(true);
    await browser.close();
    browser = await openBrowser(gateway.url, { profile });
    page = browser.page;
    page.setDefaultTimeout(15_000);
    await page.context().setOffline(true);
    await page.goto('/device-outbox');
    await page.getByRole('heading', { level: 1, name: T('offline.page.title') }).waitFor();
    expect(await page.locator('.queued-item').count()).toBe(20);
    await shootBoth(page, 'offline-device-outbox');
    // Nothing personal lies in the clear on the device.
    const raw = String(
      await page.evaluate(`new Promise((resolve) => {
        const req = indexedDB.open('police-ops-offline');
        req.onsuccess = () => {
          const all = req.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result.map((i) => new TextDecoder().decode(i.payload.data)).join('\\n'));
        };
      })`),
    );
    expect(raw).not.toContain('Offline Applicant');
    expect(raw).not.toContain('Offline dak item');

    // The server returns: everything goes, in order, each once.
    mark('restarted the browser');
    await startApp();
    await goOnline(page);
    await allSent(page);
    mark(`all sent: ${page.url()}`);
    const sent = await queuedOn(page, '/protests', 10);
    for (const state of sent.values()) expect(state).toMatch(/^Sent: PRT\//);
    await page.getByRole('link', { name: /^PRT\// }).first().waitFor();
    const counts = await countsOnServer({ applicants, subjects });
    expect(counts).toEqual(Object.fromEntries([...applicants, ...subjects].map((n) => [n, 1])));
    const token = await apiToken(CLERK);
    const [first] = (await apiGet<{ items: Array<{ id: string }> }>(`/api/v1/dak?limit=5&q=${encodeURIComponent(subjects[0]!)}`, token)).items;
    const scans = (await apiGet<{ scans: Array<{ filename: string }> }>(`/api/v1/dak/${first!.id}`, token)).scans;
    expect(scans.map((x) => x.filename)).toEqual(['offline-scan.pdf']);
  });

  it('2. brings a queued application the server refuses back to the user with the field error, and sends it once fixed', async () => {
    const { page } = browser;
    await page.goto('/protests/new');
    await label(page, 'protests.form.venue').locator('option[value="NEELAM_PARK"]').waitFor({ state: 'attached' });
    await page.context().setOffline(true);
    const applicant = 'Offline Applicant Refused';
    const no = await enterApplication(page, applicant, 'NEELAM_PARK');
    // Meanwhile the venue is closed to applications.
    const venues = await apiGet<Array<{ id: string; code: string; version: number }>>('/api/v1/protests/venues', admin);
    const venue = venues.find((v) => v.code === 'NEELAM_PARK')!;
    const closed = await fetch(`${gateway.url}/api/v1/protests/venues/${venue.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ isActive: false, version: venue.version }),
    });
    expect(closed.status).toBe(200);

    await goOnline(page);
    await page.goto('/device-outbox');
    const item = page.locator(`.queued-item[data-local-no="${no}"]`);
    await item.locator('.queued-state', { hasText: T('offline.state.refused') }).waitFor({ timeout: 60_000 });
    await page.getByText(T('offline.banner.refused_one', { count: 1 })).waitFor();
    const error = (await item.locator('.field-errors').textContent())!;
    expect(error).toMatch(/venue/i);
    await shootBoth(page, 'offline-refused');

    await item.getByRole('link', { name: T('offline.action.edit', { no: `L-${no}` }) }).click();
    await page.getByText(T('offline.editing', { no: `L-${no}` })).waitFor();
    // The form as it was saved (read from the device), with the server's refusal beside its field.
    await waitFor(async () => (await label(page, 'protests.form.nameEn').inputValue()) === applicant, { timeoutMs: 10_000, intervalMs: 100, what: 'the queued draft in the form' });
    expect(await label(page, 'protests.form.venue').getAttribute('aria-invalid')).toBe('true');
    await label(page, 'protests.form.venue').selectOption('AMBEDKAR_PARK');
    await page.getByRole('button', { name: T('protests.intake.save') }).click();
    await page.waitForURL(/\/protests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /PRT\// }).waitFor();
    expect(await countsOnServer({ applicants: [applicant] })).toEqual({ [applicant]: 1 });
  });

  it('3. shows a second user of the same browser none of the first one’s queue, and sends it only when the first logs in again', async () => {
    const { page } = browser;
    await page.goto('/dak/new');
    await page.context().setOffline(true);
    const subjects = ['Left behind by the first clerk A', 'Left behind by the first clerk B'];
    for (const s of subjects) await enterDak(page, s);
    await logOut(page, 'en');
    await goOnline(page);

    await logInAs(page, 'en', SECOND);
    await page.goto('/device-outbox');
    // Read from the device, and none of it theirs; the first clerk's are still there, locked.
    await page.getByText(T('offline.page.empty')).waitFor();
    expect(await page.locator('.outbox-banner').count()).toBe(0);
    expect(await page.locator('.queued-item').count()).toBe(0);
    expect(Number(await page.evaluate(UNSENT_ON_DEVICE))).toBe(2);
    await shootBoth(page, 'offline-second-user');
    expect(await countsOnServer({ subjects })).toEqual({ [subjects[0]!]: 0, [subjects[1]!]: 0 });
    await logOut(page, 'en');

    await logInAs(page, 'en', CLERK);
    await allSent(page);
    expect(await countsOnServer({ subjects })).toEqual({ [subjects[0]!]: 1, [subjects[1]!]: 1 });
  });

  /** How many items of anyone's wait on this browser's device, unsent (read in the page). */
  const UNSENT_ON_DEVICE = `new Promise((resolve) => {
    const req = indexedDB.open('police-ops-offline');
    req.onsuccess = () => {
      const all = req.result.transaction('outbox').objectStore('outbox').getAll();
      all.onsuccess = () => resolve(all.result.filter((i) => i.state !== 'sent').length);
    };
  })`;

  it('4. ends with exactly one record when the server is killed after committing and before the browser saw its answer', async () => {
    const { page } = browser;
    await page.goto('/dak/new');
    await page.context().setOffline(true);
    const subject = 'Sent as the server died / सर्वर बंद होते समय भेजा';
    const no = await enterDak(page, subject);
    // The server commits, then dies before storing its answer (the key stays COMMITTED) and before answering.
    const lost = gateway.loseNextAnswer(
      (req) => req.method === 'POST' && req.url === '/api/v1/dak',
      async () => {
        await killApp();
        await withClient(databaseUrl, (c) => c.query(`UPDATE idempotency_key SET status = 'COMMITTED', response_body = NULL, response_status = NULL WHERE path = '/api/v1/dak' AND status = 'DONE'`));
      },
    );
    await goOnline(page);
    await lost;
    await page.goto('/device-outbox');
    await page.locator(`.queued-item[data-local-no="${no}"] .queued-state`, { hasText: T('offline.state.queued') }).waitFor();
    await startApp();
    await waitFor(async () => ((await page.locator(`.queued-item[data-local-no="${no}"] .queued-state`).textContent()) ?? '').startsWith('Sent: DAK/'), {
      timeoutMs: 90_000,
      intervalMs: 500,
      what: 'the replayed item to be marked sent with its reference',
    });
    expect(await countsOnServer({ subjects: [subject] })).toEqual({ [subject]: 1 });
  });

  it('looked right: every offline screen at 1280 and 360 px, axe-clean, nothing spilling', () => {
    expect(screens.found).toEqual([]);
    expect(screens.spilled).toEqual([]);
  });
});
