import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EofficeSimulator, startEofficeSimulator } from '../../src/platform/eoffice/simulator/simulator';
import { istDateKey } from '../../src/platform/time/ist';
import { waitFor } from '../support/databases';
import { fastEofficeEnv } from '../support/eoffice';
import { createApplication, protestActors, seedVenues } from '../support/protests';
import { bootTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { listen, openBrowser, screens, type AxeFinding, type Browser } from './support/browser';
import { appText, appTextPattern, logIn, rawKeysOnScreen, type Lang } from './support/texts';

/**
 * The administrator's screens (accounts, roles, units with the CSV import, messages sent) and
 * the auditor's (search and the chain check), in Hindi and English, against the real API:
 * every change made here is read back through the API, not only from the screen.
 */
describe.each(['hi', 'en'] as const)('administration and audit in a real browser (%s)', (lang: Lang) => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  const found: AxeFinding[] = [];
  const text = (key: string, vars?: Record<string, string | number>) => appText(lang, key, vars);
  /** Photographs the screen at both widths with axe, and finds no i18n key shown in place of its text. */
  const shoot = async (name: string) => {
    found.push(...(await screens(browser.page, name, lang)));
    expect(await rawKeysOnScreen(browser.page)).toEqual([]);
  };
  const api = (path: string) => t.http.get(path).auth(admin, { type: 'bearer' }).expect(200);
  const userRow = (username: string) => browser.page.locator('.user-row', { has: browser.page.getByText(username, { exact: true }) });

  beforeAll(async () => {
    // e-Office down for the whole run (its socket closed), with nothing of ours bound for it.
    sim = await startEofficeSimulator({ port: 0, mode: { mode: 'down' } });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    admin = await t.tokenFor(['ADMIN']);
    await t.tokenFor(['AUDITOR']);
    // A protest application texts its applicant: a message for the development sink to keep.
    const a = await protestActors(t);
    await seedVenues(t, a.admin);
    const application = await createApplication(t, a);
    await waitFor(async () => {
      const sent = (await api(`/api/v1/notifications?sourceType=protest_application&sourceId=${application.id}`)).body as Array<{ status: string }>;
      return sent.some((n) => n.status === 'KEPT_IN_SINK') || undefined;
    }, { what: 'the applicant SMS kept by the sink' });
    browser = await openBrowser(await listen(t));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('creates an account with a one-time password, refusing a bad username beside its field', async () => {
    const { page } = browser;
    await logIn(page, lang, 't_admin_bpl', TEST_PASSWORD);
    await page.getByRole('navigation', { name: text('shell.navigation') }).getByRole('link', { name: text('nav.admin') }).click();
    await page.waitForURL('**/admin/users');
    // Down with nothing waiting: said without "0 papers, the oldest for none".
    await page.locator('.mode-banner[data-mode="DEGRADED"]').getByText(appTextPattern(lang, 'mode.degradedEmpty')).waitFor();
    await page.getByRole('heading', { level: 1, name: text('admin.users.title') }).waitFor();

    const form = page.getByRole('region', { name: text('admin.users.newTitle') });
    const username = form.getByLabel(text('admin.users.username'));
    await username.fill('X');
    await form.getByLabel(text('admin.users.nameHi')).fill('सुरेश वर्मा');
    await form.getByLabel(text('admin.users.nameEn')).fill('Suresh Verma');
    await form.getByLabel(text('admin.users.rank')).fill('SI');
    await form.getByLabel(text('admin.users.unit')).selectOption('TT_NAGAR');
    await form.getByLabel(text('admin.users.mobile')).fill('9827012345');
    await form.getByLabel(text('role.OFFICER.name'), { exact: true }).check();
    await form.getByRole('button', { name: text('admin.users.create') }).click();
    await form.locator('.field-error').first().waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field.invalid .field-error').first().textContent()).toMatch(/lowercase letters/);
    await shoot('admin-users-refused');

    await username.fill('si.verma');
    await form.getByRole('button', { name: text('admin.users.create') }).click();
    const oneTime = page.getByRole('status').filter({ hasText: text('admin.users.oneTime', { username: 'si.verma' }) });
    await oneTime.waitFor();
    const password = (await oneTime.locator('.password').textContent())!;
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'si.verma', password }).expect(200);
    expect(login.body.user ?? login.body).toBeDefined();
    await userRow('si.verma').waitFor();
    await shoot('admin-users');
    await oneTime.getByRole('button', { name: text('admin.users.oneTimeDone') }).click();
  });

  it('changes the roles and stops the login, then gives a new one-time password, each from its dialog', async () => {
    const { page } = browser;
    await userRow('si.verma').getByRole('button', { name: text('admin.users.edit') }).click();
    const dialog = page.getByRole('dialog', { name: text('admin.users.editTitle', { username: 'si.verma' }) });
    await dialog.getByLabel(text('role.DUTY_OFFICER.name'), { exact: true }).check();
    await dialog.getByLabel(text('admin.users.mayLogIn')).uncheck();
    await shoot('admin-user-edit');
    await dialog.getByRole('button', { name: text('admin.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await userRow('si.verma').getByText(text('admin.users.disabled'), { exact: true }).waitFor();
    const users = (await api('/api/v1/users')).body as Array<{ username: string; roles: string[]; isActive: boolean }>;
    expect(users.find((u) => u.username === 'si.verma')).toMatchObject({ roles: ['OFFICER', 'DUTY_OFFICER'], isActive: false });

    await userRow('si.verma').getByRole('button', { name: text('admin.users.resetPassword') }).click();
    const reset = page.getByRole('dialog', { name: text('admin.users.resetTitle') });
    await reset.getByRole('button', { name: text('admin.users.resetYes') }).click();
    await reset.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: text('admin.users.oneTime', { username: 'si.verma' }) }).waitFor();
    const resets = (await api('/api/v1/audit?action=user.password_reset')).body as unknown[];
    expect(resets).toHaveLength(1);
  });

  it('shows what each role may do and who holds it', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: text('admin.nav.label') }).getByRole('link', { name: text('admin.nav.roles') }).click();
    await page.getByRole('heading', { level: 1, name: text('admin.roles.title') }).waitFor();
    await page.getByText(text('role.AUDITOR.does')).waitFor();
    await shoot('admin-roles');
  });

  it('adds, moves and retires a unit, and imports a CSV only after its bad rows are shown and the good ones confirmed', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: text('admin.nav.label') }).getByRole('link', { name: text('admin.nav.units') }).click();
    await page.getByRole('heading', { level: 1, name: text('admin.units.title') }).waitFor();
    const form = page.getByRole('region', { name: text('admin.units.newTitle') });
    await form.getByLabel(text('admin.units.code')).fill('PIPLANI');
    await form.getByLabel(text('admin.units.kindLabel')).selectOption('THANA');
    await form.getByLabel(text('admin.units.nameHi')).fill('पिपलानी');
    await form.getByLabel(text('admin.units.nameEn')).fill('Piplani');
    await form.getByLabel(text('admin.units.parent')).selectOption('ACP_TT_NAGAR');
    await form.getByLabel(text('admin.units.lat')).fill('23.245');
    await form.getByLabel(text('admin.units.lng')).fill('77.47');
    await form.getByRole('button', { name: text('admin.units.create') }).click();
    await form.getByText(text('admin.units.created', { name: lang === 'hi' ? 'पिपलानी' : 'Piplani', path: 'BPL.ZONE_1.ACP_TT_NAGAR.PIPLANI' })).waitFor();
    const unitRow = (code: string) => page.locator('.unit-row', { has: page.getByText(code, { exact: true }) });
    await unitRow('PIPLANI').waitFor();

    await unitRow('PIPLANI').getByRole('button', { name: text('admin.units.move') }).click();
    const move = page.getByRole('dialog');
    await move.getByLabel(text('admin.units.newParent')).selectOption('ZONE_2');
    await move.getByRole('button', { name: text('admin.units.moveYes') }).click();
    await move.waitFor({ state: 'hidden' });
    await waitFor(async () => {
      const units = (await api('/api/v1/units')).body as Array<{ code: string; path: string }>;
      return units.find((u) => u.code === 'PIPLANI')?.path === 'BPL.ZONE_2.PIPLANI' || undefined;
    }, { what: 'PIPLANI under ZONE_2' });

    await unitRow('PIPLANI').getByRole('button', { name: text('admin.units.remove') }).click();
    const remove = page.getByRole('dialog');
    await remove.getByRole('button', { name: text('admin.units.removeYes') }).click();
    await remove.waitFor({ state: 'hidden' });
    await unitRow('PIPLANI').waitFor({ state: 'detached' });

    // One good thana and one without its Hindi name.
    const dir = mkdtempSync(join(tmpdir(), 'units-csv-'));
    const csv = join(dir, 'units.csv');
    writeFileSync(csv, 'zone,zone_hi,thana_en,thana_hi,lat,lng\nZone-2,ज़ोन-2,Habibganj,हबीबगंज,23.2290,77.4350\nZone-2,ज़ोन-2,Ashoka Garden,,23.2500,77.4200\n');
    const importPanel = page.getByRole('region', { name: text('admin.units.importTitle') });
    await importPanel.getByLabel(text('admin.units.file')).setInputFiles(csv);
    await importPanel.getByRole('button', { name: text('admin.units.check') }).click();
    await importPanel.getByText(text('admin.units.refused', { count: 1, total: 2 })).waitFor();
    await importPanel.getByRole('table', { name: text('admin.units.rowErrors') }).getByText('thanaHi').waitFor();
    expect(((await api('/api/v1/units')).body as Array<{ nameEn: string }>).some((u) => u.nameEn === 'Habibganj')).toBe(false);
    await shoot('admin-units-import');
    await importPanel.getByRole('button', { name: text('admin.units.importGood', { count: 1 }) }).click();
    await importPanel.getByText(text('admin.units.imported', { count: 1, created: 1, updated: 0, unchanged: 1 })).waitFor();
    expect(((await api('/api/v1/units')).body as Array<{ nameEn: string }>).some((u) => u.nameEn === 'Habibganj')).toBe(true);
    await page.locator('.unit-row', { hasText: lang === 'hi' ? 'हबीबगंज' : 'Habibganj' }).getByText(text('admin.units.at', { latitude: '23.2290', longitude: '77.4350' }), { exact: false }).waitFor();
    await shoot('admin-units');
  });

  it('lists the messages sent, with their text and SMS parts, and says the development sink kept them', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: text('admin.nav.label') }).getByRole('link', { name: text('admin.nav.notifications') }).click();
    await page.getByRole('heading', { level: 1, name: text('admin.notifications.title') }).waitFor();
    const sent = ((await api('/api/v1/notifications')).body as Array<{ body: string; parts: number; template: string }>).find((n) => n.template === 'protest-received')!;
    const row = page.locator('.message-row', { has: page.getByText('protest-received', { exact: true }) });
    expect(await row.locator('.message-body').textContent()).toBe(sent.body);
    await row.getByText(text('admin.notifications.parts', { count: sent.parts }), { exact: false }).waitFor();
    await page.getByText(text('admin.notifications.sink', { count: 1 })).waitFor();
    await shoot('admin-notifications');
  });

  it('searches the audit trail by actor, action and IST dates, refuses a date that does not exist, and checks the chain', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: text('shell.navigation') }).getByRole('link', { name: text('nav.audit') }).click();
    await page.getByRole('heading', { level: 1, name: text('audit.title') }).waitFor();
    const search = page.getByRole('search', { name: text('audit.search') });
    await search.getByLabel(text('audit.actor')).fill('t_admin_bpl');
    await search.getByLabel(text('audit.action')).fill('user.create');
    await search.getByLabel(text('audit.from')).fill('31-02-2026');
    await search.getByRole('button', { name: text('audit.searchButton') }).click();
    await search.getByText(text('audit.badDate')).waitFor();
    expect(await search.getByLabel(text('audit.from')).getAttribute('aria-invalid')).toBe('true');

    const today = istDateKey(new Date()).split('-').reverse().join('-');
    await search.getByLabel(text('audit.from')).fill(today);
    await search.getByLabel(text('audit.to')).fill(today);
    await search.getByRole('button', { name: text('audit.searchButton') }).click();
    await page.waitForURL(/actor=t_admin_bpl/);
    const results = page.getByRole('region', { name: text('audit.results') });
    const expected = (await api(`/api/v1/audit?actorUsername=t_admin_bpl&action=user.create`)).body as unknown[];
    expect(expected.length).toBeGreaterThan(0);
    // The unfiltered rows stay on screen until the search's answer replaces them: wait for that.
    const rows = results.locator('.audit-row');
    await rows.nth(expected.length - 1).waitFor();
    await rows.nth(expected.length).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(expected.length);
    await results.getByText(text('audit.by', { who: 't_admin_bpl' })).first().waitFor();

    const chain = page.getByRole('region', { name: text('audit.chain.title') });
    await chain.getByRole('button', { name: text('audit.chain.run') }).click();
    await chain.locator('.chain-ok').waitFor();
    await shoot('audit');
  });

  it('shows an auditor the audit screen only, and tells them the admin screens are not theirs', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: text('shell.logout') }).click();
    await page.waitForURL('**/login');
    await page.getByLabel(text('login.username')).fill('t_auditor_bpl');
    await page.getByLabel(text('login.password')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: text('login.submit') }).click();
    const nav = page.getByRole('navigation', { name: text('shell.navigation') });
    await nav.getByRole('link', { name: text('nav.audit') }).waitFor();
    expect(await nav.getByRole('link', { name: text('nav.admin') }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: text('nav.outbox') }).count()).toBe(0);
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: text('notYours.title') }).waitFor();
  });

  it('has no serious or critical accessibility finding, console error or CSP refusal', () => {
    expect(found).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
