import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EofficeSimulator, startEofficeSimulator } from '../../src/platform/eoffice/simulator/simulator';
import { addDays, istDateKey } from '../../src/platform/time/ist';
import { fastEofficeEnv } from '../support/eoffice';
import { applicationBody, createApplication, driveTo, istAt, protestActors, seedVenues } from '../support/protests';
import { bootTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { docsScreenshot, listen, openBrowser, screens, type Browser, type AxeFinding } from './support/browser';
import en from '../../web/src/i18n/en.json';
import hi from '../../web/src/i18n/hi.json';

const TEXTS = { hi, en } as const;
const NEW_PASSWORD = 'monsoon-lotus-kettle-2026';

/** A text of the app as the screen shows it (interpolations filled in by the caller). */
function text(lang: 'hi' | 'en', key: string): string {
  let node: unknown = TEXTS[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text ${key}`);
  return node;
}

/**
 * Journey: a first-time admin opens the app, logs in with the one-time password from the data
 * folder, must choose a password, reaches the control-room dashboard, and is sent back to the
 * login page with the reason when the session is ended from elsewhere. In Hindi and English;
 * every screen axe-checked and photographed at 1280 and 360 px.
 */
describe.each(['hi', 'en'] as const)('first login in a real browser (%s)', (lang) => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let oneTimePassword: string;
  const found: AxeFinding[] = [];
  let approvedRef: string;
  let slaRef: string;

  beforeAll(async () => {
    // e-Office up: the mode follows its health check, and the dashboard should say connected.
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    base = await listen(t);
    oneTimePassword = readFileSync(join(t.dataDir, 'initial-admin-password'), 'utf8').trim();
    // Tomorrow's approved dharna for the board and map; an undecided one starting in six hours for the SLA flags.
    const a = await protestActors(t);
    await seedVenues(t, a.admin);
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    approvedRef = (
      await driveTo(t, a, 'APPROVED', await createApplication(t, a, applicationBody({ event: { startsAt: istAt(1, '11:00'), endsAt: istAt(1, '14:00') }, intake: { receivedAt: threeDaysAgo } })))
    ).ref;
    const soon = new Date(Date.now() + 6 * 3_600_000);
    slaRef = (
      await createApplication(
        t,
        a,
        applicationBody({ applicant: { nameHi: 'रमेश कुमार', nameEn: 'Ramesh Kumar' }, event: { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 2 * 3_600_000).toISOString(), venueCode: 'NEELAM_PARK' } }),
      )
    ).ref;
    browser = await openBrowser(base);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('logs in with the one-time password, changes it, and reaches the dashboard', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.waitForURL('**/login');
    if (lang === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.reload();
    }
    await page.getByRole('heading', { level: 1, name: text(lang, 'login.title') }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    found.push(...(await screens(page, 'login', lang)));

    // Our own server unreachable: the app says so and keeps what was typed.
    await page.route('**/api/v1/auth/session', (route) => route.abort('internetdisconnected'));
    await page.getByLabel(text(lang, 'login.username')).fill('admin');
    await page.getByLabel(text(lang, 'login.password')).fill(oneTimePassword);
    await page.getByRole('button', { name: text(lang, 'login.submit') }).click();
    await page.getByText(text(lang, 'offline.notSaved')).waitFor();
    await page.getByText(text(lang, 'offline.notice')).waitFor();
    expect(await page.getByLabel(text(lang, 'login.username')).inputValue()).toBe('admin');
    expect(await page.getByLabel(text(lang, 'login.password')).inputValue()).toBe(oneTimePassword);
    found.push(...(await screens(page, 'login-offline', lang)));
    await page.unroute('**/api/v1/auth/session');

    await page.getByRole('button', { name: text(lang, 'login.submit') }).click();
    await page.waitForURL('**/change-password');
    await page.getByRole('heading', { level: 1, name: text(lang, 'password.forcedTitle') }).waitFor();
    found.push(...(await screens(page, 'password-forced', lang)));

    // The API's field error shows beside its field.
    const newPassword = page.getByLabel(text(lang, 'password.new'), { exact: true });
    await page.getByLabel(text(lang, 'password.oneTime')).fill(oneTimePassword);
    await newPassword.fill('short');
    await page.getByLabel(text(lang, 'password.repeat')).fill('short');
    await page.getByRole('button', { name: text(lang, 'password.submit') }).click();
    await page.getByText(text(lang, 'password.refused')).waitFor();
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await newPassword.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).textContent();
    expect(message).toMatch(/^Must be at least 12 characters/);
    found.push(...(await screens(page, 'password-refused', lang)));

    await newPassword.fill(NEW_PASSWORD);
    await page.getByLabel(text(lang, 'password.repeat')).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: text(lang, 'password.submit') }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { level: 1, name: text(lang, 'dashboard.title') }).waitFor();

    // e-Office's line on the screen, the day's list, the SLA flags, the messages, the map.
    await page.locator('.mode-banner[data-mode="ONLINE"]').getByText(text(lang, 'mode.online')).waitFor();
    const tomorrow = istDateKey(addDays(new Date(), 1)).split('-').reverse().join('-');
    await page.getByRole('heading', { level: 3, name: text(lang, 'dashboard.days.tomorrow').replace('{{date}}', tomorrow) }).waitFor();
    await page.locator('.days-panel').getByText(new RegExp(approvedRef.replace(/\//g, '\\/'))).waitFor();
    await page.locator('.row.item .time', { hasText: '11:00–14:00' }).waitFor();
    await page.getByRole('region', { name: text(lang, 'dashboard.sla.title') }).getByText(slaRef).waitFor();
    await page.getByRole('region', { name: text(lang, 'dashboard.unsent.title') }).waitFor();
    const map = page.getByRole('region', { name: text(lang, 'dashboard.map.label') });
    await map.waitFor();
    await map.locator('.leaflet-control-scale').waitFor();
    // No MAP_TILE_URL: vector layers (thanas, the event) over a plain background, no tiles.
    await map.locator('path.leaflet-interactive').first().waitFor();
    expect(await map.locator('path.leaflet-interactive').count()).toBeGreaterThanOrEqual(4);
    expect(await map.locator('.leaflet-tile').count()).toBe(0);
    found.push(...(await screens(page, 'dashboard', lang)));
    // The README's picture of the dashboard (UPDATE_DOCS_SCREENSHOTS=1 only).
    if (lang === 'en') await docsScreenshot(page, 'dashboard-en-1280.png', 1280);
  });

  it('keeps the session across a reload through the cookie alone, with nothing sensitive in page storage', async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: text(lang, 'dashboard.title') }).waitFor();
    expect(page.url()).toMatch(/\/dashboard$/);
    const stored = await page.evaluate('({ cookies: document.cookie, local: Object.keys(localStorage), session: Object.keys(sessionStorage) })');
    expect(stored).toEqual({ cookies: '', local: ['police-ops.language'].filter(() => lang === 'en'), session: [] });
    const cookies = await browser.context.cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, path: c.path }))).toEqual([
      { name: 'po_session', httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/session' },
    ]);
  });

  it('shows my sessions, and lands on the login page with the reason when the session is ended elsewhere', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: text(lang, 'nav.sessions') }).click();
    await page.getByRole('heading', { level: 1, name: text(lang, 'sessions.title') }).waitFor();
    await page.getByText(text(lang, 'sessions.thisOne')).waitFor();
    found.push(...(await screens(page, 'sessions', lang)));

    // The admin, logged in from elsewhere, ends the browser's session.
    const elsewhere = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: NEW_PASSWORD }).expect(200);
    const list = await t.http.get('/api/v1/auth/sessions').auth(elsewhere.body.accessToken, { type: 'bearer' }).expect(200);
    const browserSession = list.body.find((s: { current: boolean }) => !s.current);
    await t.http.post(`/api/v1/auth/sessions/${browserSession.id}/revoke`).auth(elsewhere.body.accessToken, { type: 'bearer' }).expect(204);

    // The next call the screen makes (the e-Office line every 15 s) finds out, tries one refresh, and gives up.
    await page.waitForURL('**/login', { timeout: 30_000 });
    await page.getByText(text(lang, 'login.ended.revoked')).waitFor();
    found.push(...(await screens(page, 'login-ended', lang)));
  });

  it('takes the same user back to their page after logging in again, and never the next user after a logout', async () => {
    const { page } = browser;
    const logInAs = async (username: string, password: string) => {
      await page.getByLabel(text(lang, 'login.username')).fill(username);
      await page.getByLabel(text(lang, 'login.password')).fill(password);
      await page.getByRole('button', { name: text(lang, 'login.submit') }).click();
    };
    // Ended elsewhere on "my sessions": the admin logs in again and is back there.
    await logInAs('admin', NEW_PASSWORD);
    await page.waitForURL('**/sessions');
    // Logged out there; a control-room user logs in on the same browser and starts at their own home.
    await t.tokenFor(['CONTROL_ROOM']);
    await page.getByRole('button', { name: text(lang, 'shell.logout') }).click();
    await page.waitForURL('**/login');
    await logInAs('t_control_room_bpl', TEST_PASSWORD);
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { level: 1, name: text(lang, 'dashboard.title') }).waitFor();
  });

  it('has no serious or critical accessibility finding, console error or CSP refusal on any screen', () => {
    expect(found).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
