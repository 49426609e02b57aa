import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, istDateKey } from '../../src/platform/time/ist';
import { dutySms, linkIn } from '../support/duty-charts';
import { bootTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import {
  listen,
  openBrowser,
  screens,
  SCREENS_DIR,
  type AxeFinding,
  type Browser,
} from './support/browser';
import { appText, appTextPattern, logIn, type Lang } from './support/texts';

/** dd-mm-yyyy of the IST date `days` from today, as the forms take it. */
const formDate = (days: number) =>
  istDateKey(addDays(new Date(), days)).split('-').reverse().join('-');
/** Ten days ahead: the shifts are new work (never in the past) and the slip links stay valid. */
const DAY = 10;

const HEADER = [
  'Belt No',
  'Name (English)',
  'Name (Hindi)',
  'Rank',
  'Gender',
  'Thana',
  'Home thana',
  'Mobile',
  'Skills',
];
/**
 * Kamla Nagar's small roll: 2 SIs, 1 head constable, 3 constables (all needed; one with no mobile
 * on the roll, so the publication cannot tell him), and a row whose rank nobody has (CONSTABEL).
 */
// prettier-ignore
const ROLL: string[][] = [
  ['KN-1001', 'Ramesh Yadav', 'रमेश यादव', 'SI', 'M', 'KAMLA_NAGAR', '', '9826000101', ''],
  ['KN-1002', 'Suresh Tiwari', 'सुरेश तिवारी', 'SI', 'M', 'KAMLA_NAGAR', '', '9826000102', ''],
  ['KN-1003', 'Mahesh Patel', 'महेश पटेल', 'HC', 'M', 'KAMLA_NAGAR', '', '9826000103', 'wireless'],
  ['KN-1004', 'Anil Verma', 'अनिल वर्मा', 'Constable', 'M', 'KAMLA_NAGAR', '', '9826000104', 'armed'],
  ['KN-1005', 'Sunita Bai', 'सुनीता बाई', 'Constable', 'F', 'KAMLA_NAGAR', '', '9826000105', ''],
  ['KN-1006', 'Rakesh Meena', 'राकेश मीणा', 'Constable', 'M', 'KAMLA_NAGAR', '', '', ''],
  ['KN-1008', 'Vijay Kushwaha', 'विजय कुशवाहा', 'CONSTABEL', 'M', 'KAMLA_NAGAR', '', '9826000108', ''],
];
const csv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

/** Every change of the solve's progress bar (its phase and value) from now on, kept in the page. */
const WATCH_PROGRESS = `(() => {
  const seen = (window.__solveProgress = []);
  const note = () => {
    const box = document.querySelector('.solve-progress');
    const bar = box && box.querySelector('progress');
    if (!bar) return;
    const state = box.getAttribute('data-phase') + ':' + bar.getAttribute('value');
    if (seen[seen.length - 1] !== state) seen.push(state);
  };
  note();
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'data-phase'] });
  return true;
})()`;

/**
 * Journey 3: the duty officer imports the roll from a CSV (a row error seen in the preview, the
 * good rows confirmed), enters an officer's leave, builds a bandobast in the tree editor (the
 * API's field error beside its field), solves it (short of a head constable on leave: the
 * shortfall in plain words), cancels the leave and solves again with the progress bar seen
 * moving, is refused a manual duty with the API's reason beside it, publishes (the officer
 * without a mobile listed as not told), opens the master chart; then an officer's slip opens
 * at 360 px from the signed link in the SMS sink. In Hindi and in English.
 */
describe.each(['hi', 'en'] as const)(
  'a duty chart from roll import to the officer’s slip in a real browser (%s)',
  (lang: Lang) => {
    let t: TestApp;
    let browser: Browser;
    let chartUrl: string;
    const found: AxeFinding[] = [];
    /** Every path the page asked for: the duty-chart builder must come only when it is opened. */
    const scripts: string[] = [];
    const spilled: string[] = [];
    const T = (key: string, vars?: Record<string, string | number>) => appText(lang, key, vars);
    const rank = (r: string) => T(`dutyCharts.rank.${r}`);

    beforeAll(async () => {
      t = await bootTestApp();
      const base = await listen(t);
      await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
      browser = await openBrowser(base);
      browser.page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
      await logIn(browser.page, lang, 't_duty_officer_zone_1', TEST_PASSWORD);
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    /** Photographs and axe-checks the screen at both widths; no key shown raw, nothing wider than a phone. */
    async function shoot(page: Page, name: string) {
      found.push(...(await screens(page, name, lang)));
      const body = (await page.locator('body').innerText()) as string;
      expect(body.match(/\bdutyCharts\.[\w.]+/g) ?? []).toEqual([]);
      await page.setViewportSize({ width: 360, height: 780 });
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      if (width > 360) spilled.push(`${name}: ${width} px`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    const nav = (page: Page) => page.getByRole('navigation', { name: T('shell.navigation') });
    const group = (page: Page, key: string, code: string) =>
      page.getByRole('group', { name: T(key, { code }), exact: true });
    const field = (scope: ReturnType<Page['getByRole']>, key: string) =>
      scope.getByLabel(T(key), { exact: true }).first();

    it('imports the roll from a CSV: the row with an error seen in the preview, then the good rows confirmed; and an officer’s leave', async () => {
      const { page } = browser;
      const builder = (paths: string[]) =>
        paths.filter((p) => /\/assets\/duty-charts-[\w-]+\.js$/.test(p));
      // The first load (login, the first screen) leaves the builder out; opening it fetches it.
      expect(builder(scripts)).toEqual([]);
      await nav(page)
        .getByRole('link', { name: T('dutyCharts.nav.charts') })
        .click();
      await page.getByRole('heading', { level: 1, name: T('dutyCharts.list.title') }).waitFor();
      expect(builder(scripts)).toHaveLength(1);
      await page
        .getByRole('navigation', { name: T('dutyCharts.nav.label') })
        .getByRole('link', { name: T('dutyCharts.nav.roll') })
        .click();
      await page.getByRole('heading', { level: 1, name: T('dutyCharts.roll.title') }).waitFor();

      const importer = page.getByRole('region', { name: T('dutyCharts.import.title') });
      await importer
        .getByLabel(T('dutyCharts.import.file'), { exact: true })
        .setInputFiles({ name: 'kamla-nagar-roll.csv', mimeType: 'text/csv', buffer: csv(ROLL) });
      await importer.getByRole('button', { name: T('dutyCharts.import.check') }).click();
      await importer
        .getByText(T('dutyCharts.import.refused', { count: 1, total: ROLL.length }))
        .waitFor();
      const errorRow = importer.locator('.import-rows tbody tr');
      expect(await errorRow.count()).toBe(1);
      expect(await errorRow.textContent()).toContain('KN-1008');
      expect(await errorRow.textContent()).toMatch(/CONSTABEL/);
      // Nothing went in yet.
      const officers = page.getByRole('region', { name: T('dutyCharts.roll.officers') });
      await officers.getByText(T('dutyCharts.roll.count', { count: 0 })).waitFor();
      await shoot(page, 'duty-roll-preview');

      await importer
        .getByRole('button', {
          name: T('dutyCharts.import.importGood', { count: ROLL.length - 1 }),
        })
        .click();
      await importer
        .getByText(T('dutyCharts.import.imported', { count: ROLL.length - 1 }))
        .waitFor();
      await officers.getByText(T('dutyCharts.roll.count', { count: ROLL.length - 1 })).waitFor();
      await officers.getByRole('cell', { name: 'KN-1006', exact: true }).waitFor();

      // The head constable goes on leave for the bandobast's day.
      await officers
        .getByRole('button', { name: T('dutyCharts.roll.showAvailability', { belt: 'KN-1003' }) })
        .click();
      const leave = page.getByRole('region', {
        name: appTextPattern(lang, 'dutyCharts.availability.title', { belt: 'KN-1003' }),
      });
      await leave.getByText(T('dutyCharts.availability.none')).waitFor();
      await leave
        .getByLabel(T('dutyCharts.availability.kind'), { exact: true })
        .selectOption('LEAVE');
      // A date the form cannot read is named beside its field; nothing is sent.
      await leave.getByLabel(T('dutyCharts.availability.from'), { exact: true }).fill('32-13-2026');
      await leave.getByLabel(T('dutyCharts.availability.to'), { exact: true }).fill(formDate(DAY));
      await leave.getByRole('button', { name: T('dutyCharts.availability.save') }).click();
      expect(
        await leave
          .getByLabel(T('dutyCharts.availability.from'), { exact: true })
          .getAttribute('aria-invalid'),
      ).toBe('true');
      await leave
        .getByLabel(T('dutyCharts.availability.from'), { exact: true })
        .fill(formDate(DAY));
      await leave.getByLabel(T('dutyCharts.availability.note'), { exact: true }).fill('EL 45/2026');
      await leave.getByRole('button', { name: T('dutyCharts.availability.save') }).click();
      await leave.getByText('EL 45/2026').waitFor();
      await shoot(page, 'duty-roll-leave');
    });

    it('builds the bandobast in the tree editor, with the API’s field error beside its field', async () => {
      const { page } = browser;
      await page
        .getByRole('navigation', { name: T('dutyCharts.nav.label') })
        .getByRole('link', { name: T('dutyCharts.nav.bandobasts') })
        .click();
      await page.getByRole('link', { name: T('dutyCharts.editor.title') }).click();
      await page.getByRole('heading', { level: 1, name: T('dutyCharts.editor.title') }).waitFor();

      await page
        .getByLabel(T('dutyCharts.editor.nameHi'), { exact: true })
        .fill('दुर्गा विसर्जन बंदोबस्त');
      await page
        .getByLabel(T('dutyCharts.editor.nameEn'), { exact: true })
        .fill('Durga visarjan bandobast');
      await page.getByLabel(T('dutyCharts.editor.day'), { exact: true }).fill(formDate(DAY));
      const division = group(page, 'dutyCharts.tree.division', 'D1');
      await field(division, 'dutyCharts.tree.divisionName').fill('Division 1: Old City');
      const sector = group(page, 'dutyCharts.tree.sector', 'D1-S1');
      await field(sector, 'dutyCharts.tree.sectorName').fill('Sector 1: Kamla Park');

      // Point 1, a day shift: 1 SI and 2 constables.
      const p1 = group(page, 'dutyCharts.tree.post', 'D1-S1-P1');
      await field(p1, 'dutyCharts.tree.postNameHi').fill('कमला पार्क चौराहा');
      await field(p1, 'dutyCharts.tree.postName').fill('Kamla Park square');
      await field(p1, 'dutyCharts.tree.location').fill('Kamla Park square, near the ghat');
      const a = group(page, 'dutyCharts.tree.shift', 'D1-S1-P1-A');
      expect(await field(a, 'dutyCharts.tree.date').inputValue()).toBe(formDate(DAY));
      await a.getByLabel(rank('SI'), { exact: true }).fill('1');
      await a.getByLabel(rank('CONSTABLE'), { exact: true }).fill('2');

      // Point 2, a night shift across midnight: 1 head constable and 1 constable.
      await sector
        .getByRole('button', { name: T('dutyCharts.tree.addPost', { sector: 'D1-S1' }) })
        .click();
      const p2 = group(page, 'dutyCharts.tree.post', 'D1-S1-P2');
      await field(p2, 'dutyCharts.tree.postNameHi').fill('प्रेमपुरा घाट');
      await field(p2, 'dutyCharts.tree.postName').fill('Prempura ghat');
      await field(p2, 'dutyCharts.tree.postKind').selectOption('CHECK_POINT');
      const night = group(page, 'dutyCharts.tree.shift', 'D1-S1-P2-A');
      await field(night, 'dutyCharts.tree.start').fill('22:00');
      await field(night, 'dutyCharts.tree.end').fill('06:00');
      await night.getByLabel(rank('HEAD_CONSTABLE'), { exact: true }).fill('1');
      await night.getByLabel(rank('CONSTABLE'), { exact: true }).fill('1');

      // Point 2's location left out: the API names it, and it stands beside that field.
      await page.getByRole('button', { name: T('dutyCharts.editor.save') }).click();
      const location = field(p2, 'dutyCharts.tree.location');
      await page.getByText(T('errors.refused')).waitFor();
      expect(await location.getAttribute('aria-invalid')).toBe('true');
      // …and has the focus, deep in the tree as it is.
      const locationId = (await location.getAttribute('id'))!;
      // Polled from here: waitForFunction polls with eval in the page, which its CSP refuses.
      const focusedId = () => page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
      for (const deadline = Date.now() + 10_000; (await focusedId()) !== locationId && Date.now() < deadline; ) await page.waitForTimeout(100);
      expect(await focusedId()).toBe(locationId);
      expect(await field(p1, 'dutyCharts.tree.location').getAttribute('aria-invalid')).toBeNull();
      await shoot(page, 'duty-bandobast-refused');
      await location.fill('Prempura ghat, visarjan kund');
      await page.getByRole('button', { name: T('dutyCharts.editor.save') }).click();

      await page.waitForURL(/\/duty-charts\/[0-9a-f-]{36}$/);
      const heading = lang === 'hi' ? 'दुर्गा विसर्जन बंदोबस्त' : 'Durga visarjan bandobast';
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const structure = page.getByRole('region', { name: T('dutyCharts.tree.title') });
      await structure
        .getByText(
          T('dutyCharts.tree.shiftTime', { date: formDate(DAY), start: '22:00', end: '06:00' }),
          { exact: false },
        )
        .waitFor();
      await shoot(page, 'duty-bandobast');
      await page.getByRole('button', { name: T('dutyCharts.bandobast.newVersion') }).click();
      await page.waitForURL(/\/duty-charts\/charts\/[0-9a-f-]{36}$/);
      chartUrl = new URL(page.url()).pathname;
      await page.getByText(T('dutyCharts.solve.phase.none')).waitFor();
      await shoot(page, 'duty-chart-draft');
    });

    it('solves: short of the head constable on leave, in plain words; the leave cancelled, solved again with the progress bar moving', async () => {
      const { page } = browser;
      const solvePanel = page.getByRole('region', { name: T('dutyCharts.solve.title') });
      await solvePanel.getByRole('button', { name: T('dutyCharts.solve.run') }).click();
      await solvePanel.locator('[data-result="INFEASIBLE"]').waitFor({ timeout: 60_000 });
      const shortfall = page.getByRole('region', { name: T('dutyCharts.shortfall.title') });
      await shortfall
        .getByText(
          T('dutyCharts.shortfall.line', {
            shift: 'D1-S1-P2-A',
            post: 'D1-S1-P2 (Prempura ghat)',
            what: rank('HEAD_CONSTABLE'),
            count: 1,
            needed: 1,
            assigned: 0,
          }),
        )
        .waitFor();
      await shortfall
        .getByText(
          T('dutyCharts.shortfall.post', { post: 'D1-S1-P2 (Prempura ghat)', sector: 'D1-S1' }),
          { exact: false },
        )
        .waitFor();
      // A chart that goes short is never published.
      await page
        .getByRole('region', { name: T('dutyCharts.publish.title') })
        .getByText(T('dutyCharts.publish.notYet'))
        .waitFor();
      expect(await page.getByRole('button', { name: T('dutyCharts.publish.run') }).count()).toBe(0);
      await shoot(page, 'duty-chart-shortfall');

      // Recalled from leave.
      await page
        .getByRole('navigation', { name: T('dutyCharts.nav.label') })
        .getByRole('link', { name: T('dutyCharts.nav.roll') })
        .click();
      await page
        .getByRole('button', { name: T('dutyCharts.roll.showAvailability', { belt: 'KN-1003' }) })
        .click();
      const leave = page.getByRole('region', {
        name: appTextPattern(lang, 'dutyCharts.availability.title', { belt: 'KN-1003' }),
      });
      await leave.getByRole('button', { name: T('dutyCharts.availability.cancel') }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel(T('dutyCharts.availability.reason'), { exact: true })
        .fill('Recalled for the visarjan');
      await dialog.getByRole('button', { name: T('dutyCharts.availability.cancelYes') }).click();
      await leave.getByText('Recalled for the visarjan').waitFor();

      // Left and come back: the chart is as the solve left it.
      await page.goto(chartUrl);
      await solvePanel.locator('[data-result="INFEASIBLE"]').waitFor();
      await page.evaluate(WATCH_PROGRESS);
      await solvePanel.getByRole('button', { name: T('dutyCharts.solve.again') }).click();
      await solvePanel.locator('[data-result="OK"]').waitFor({ timeout: 60_000 });
      const seen = (await page.evaluate('window.__solveProgress')) as string[];
      // Queued (or further) first, solved at the end: the bar moved through at least two states.
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen[seen.length - 1]).toBe('done:100');
      expect(seen.some((s) => /^(queued|building|solving|saving):/.test(s))).toBe(true);
      expect(new Set(seen.map((s) => s.split(':')[1])).size).toBeGreaterThanOrEqual(2);
      expect(
        await page.getByRole('region', { name: T('dutyCharts.shortfall.title') }).count(),
      ).toBe(0);
      await shoot(page, 'duty-chart-solved');
    });

    it('refuses a manual duty that breaks a rule, with the API’s reason beside the edit, and pins one that keeps them', async () => {
      const { page } = browser;
      const duties = page.getByRole('region', { name: T('dutyCharts.duties.title') });
      const onDayShift = duties.locator('tbody tr', { hasText: 'D1-S1-P1-A' });
      await onDayShift.first().waitFor();
      expect(await onDayShift.count()).toBe(3);
      // Point 1's SI place is taken: a second SI is refused on the spot.
      const placed = (await onDayShift
        .filter({ hasText: rank('SI') })
        .first()
        .getAttribute('data-belt'))!;
      expect(['KN-1001', 'KN-1002']).toContain(placed);
      const other = placed === 'KN-1001' ? 'KN-1002' : 'KN-1001';
      const form = page.locator('form.add-duty');
      await form.getByLabel(T('dutyCharts.officer.beltNo'), { exact: true }).fill(other);
      await form.getByLabel(T('dutyCharts.duties.shift'), { exact: true }).selectOption({
        label: T('dutyCharts.duties.shiftOption', {
          code: 'D1-S1-P1-A',
          date: formDate(DAY),
          start: '06:00',
          end: '14:00',
        }),
      });
      await form.getByRole('button', { name: T('dutyCharts.duties.add') }).click();
      await form.getByText(T('dutyCharts.duties.refused')).waitFor();
      await form.getByText(/already has its 1 SI/).waitFor();
      // An unknown belt number is named beside its field.
      await form.getByLabel(T('dutyCharts.officer.beltNo'), { exact: true }).fill('KN-9999');
      await form.getByRole('button', { name: T('dutyCharts.duties.add') }).click();
      await form.getByText(T('dutyCharts.duties.noSuchBelt', { belt: 'KN-9999' })).waitFor();
      expect(
        await form
          .getByLabel(T('dutyCharts.officer.beltNo'), { exact: true })
          .getAttribute('aria-invalid'),
      ).toBe('true');
      await shoot(page, 'duty-chart-edit-refused');

      // The SI placed is pinned: the chart stays publishable (pinning is not a change of duties).
      await duties
        .getByRole('button', { name: T('dutyCharts.duties.pin', { belt: placed }) })
        .click();
      await duties
        .getByRole('button', { name: T('dutyCharts.duties.unpin', { belt: placed }) })
        .waitFor();
    });

    it('publishes with its progress, lists the officer not told by SMS, and opens the master chart', async () => {
      const { page } = browser;
      const publish = page.getByRole('region', { name: T('dutyCharts.publish.title') });
      // Pinning changed no duty: the solve still holds.
      await page.locator('[data-result="OK"]').waitFor();
      await publish.getByRole('button', { name: T('dutyCharts.publish.run') }).click();
      await publish.locator('.publish-progress').waitFor();
      await publish.locator('.publish-progress[data-state="done"]').waitFor({ timeout: 90_000 });
      await page
        .getByRole('heading', { level: 1 })
        .getByText(T('dutyCharts.chartStatus.PUBLISHED'))
        .waitFor();
      const notTold = publish.getByRole('table', {
        name: T('dutyCharts.publish.notNotified', { count: 1 }),
      });
      await notTold.getByRole('cell', { name: 'KN-1006', exact: true }).waitFor();

      const papers = page.getByRole('region', { name: T('dutyCharts.papers.title') });
      const master = papers.getByRole('listitem', { name: T('dutyCharts.papers.master') });
      await master.waitFor();
      await papers
        .getByRole('listitem', {
          name: T('dutyCharts.papers.thana', { thana: lang === 'hi' ? 'कमला नगर' : 'Kamla Nagar' }),
        })
        .waitFor();
      await shoot(page, 'duty-chart-published');
      const [tab] = await Promise.all([
        browser.context.waitForEvent('page'),
        master.getByRole('button', { name: T('dutyCharts.papers.open') }).click(),
      ]);
      await tab.waitForURL(/^blob:/);
      await tab.close();
    });

    it('opens an officer’s slip at 360 px from the signed link in the SMS, with the post and the reporting time', async () => {
      const sms = await dutySms(t);
      // Everyone on the chart (5) but the officer without a mobile.
      expect(sms.length).toBe(4);
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(linkIn(sms[0]!.body));
      const body = (await page.locator('body').innerText()) as string;
      // Point 1 reports at 05:30 for its 06:00 shift, point 2 at 21:30 for 22:00.
      expect(body).toMatch(
        /(D1-S1-P1[\s\S]*05:30|05:30[\s\S]*D1-S1-P1|D1-S1-P2[\s\S]*21:30|21:30[\s\S]*D1-S1-P2)/,
      );
      await page.screenshot({
        path: join(SCREENS_DIR, `duty-slip-${lang}-360.png`),
        fullPage: true,
      });
      await page.close();
    });

    it('met the bars on every screen: no axe finding, no console error, nothing wider than a phone', () => {
      expect(found).toEqual([]);
      expect(browser.problems).toEqual([]);
      expect(spilled).toEqual([]);
    });
  },
);
