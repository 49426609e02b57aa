import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/platform/time';
import { bootTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { listen, openBrowser, screens, type AxeFinding, type Browser } from './support/browser';
import { appText, logIn, rawKeysOnScreen, type Lang } from './support/texts';

const BASE = '/api/v1/verifications/records-index/imports';
// Shaped like an Aadhaar number, its check digit failing: refused all the same, and kept nowhere.
const AADHAAR_SHAPED = '2345 6789 0123';
// 23:30 IST: the hour a preview may be confirmed ends on the next IST day.
const START = { hi: '2026-12-01T18:00:00Z', en: '2026-12-02T18:00:00Z' } as const;
const UNTIL = { hi: '02-12-2026 00:30', en: '03-12-2026 00:30' } as const;

interface ImportSummary {
  id: string;
  fileName: string;
  status: string;
  goodRows: number;
  badRows: number;
  appliedRows: number | null;
}

/**
 * The records-index import screen (ADMIN) in a real browser, in Hindi and English, against the
 * real API and its clock: a file with a good row and two bad ones (a cell holding an
 * Aadhaar-shaped number, a date that does not exist) shows each refused row by row and column
 * and enters nothing; confirmed from its dialog by keyboard, its row is entered and the history
 * says so; a preview left past its hour is shown expired, with nothing left to confirm. One
 * app and one browser for both languages.
 */
describe('the records-index import screen in a real browser', () => {
  const clock = fixedClock(START.hi);
  const dir = mkdtempSync(join(tmpdir(), 'records-import-csv-'));
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  const found: AxeFinding[] = [];

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    admin = await t.tokenFor(['ADMIN']);
    await t.tokenFor(['AUDITOR']);
    browser = await openBrowser(await listen(t));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const history = async () =>
    ((await t.http.get(BASE).auth(admin, { type: 'bearer' }).expect(200)).body as { items: ImportSummary[] }).items;
  const file = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `\uFEFFname,father_name,dob,address,fir_ref,police_station,sections\r\n${rows.join('\r\n')}\r\n`, 'utf8');
    return path;
  };

  describe.each(['hi', 'en'] as const)('in %s', (lang: Lang) => {
    const text = (key: string, vars?: Record<string, string | number>) => appText(lang, key, vars);
    const shoot = async (name: string) => {
      found.push(...(await screens(browser.page, name, lang)));
      expect(await rawKeysOnScreen(browser.page)).toEqual([]);
    };
    const indexFile = `index-${lang}.csv`;
    const lateFile = `late-${lang}.csv`;
    const historyRow = (name: string) =>
      browser.page.getByRole('region', { name: text('recordsImport.history.title') }).locator('.import-row', { has: browser.page.getByRole('link', { name, exact: true }) });

    beforeAll(() => clock.set(START[lang]));

    it('previews a file, naming each refused row by row and column, and enters nothing', async () => {
      const { page } = browser;
      await logIn(page, lang, 't_admin_bpl', TEST_PASSWORD);
      await page.getByRole('navigation', { name: text('shell.navigation') }).getByRole('link', { name: text('recordsImport.nav') }).click();
      await page.waitForURL('**/verifications/records-index');
      await page.getByRole('heading', { level: 1, name: text('recordsImport.title') }).waitFor();

      // A file without its FIR column is refused as a whole, the reason beside the file field.
      const upload = page.getByRole('region', { name: text('recordsImport.upload.title') });
      const fileField = upload.getByLabel(text('recordsImport.upload.file'));
      const noFir = join(dir, `no-fir-${lang}.csv`);
      writeFileSync(noFir, 'name,dob,police_station\r\nRam Lal,01-01-1980,Habibganj\r\n', 'utf8');
      await fileField.setInputFiles(noFir);
      await upload.getByRole('button', { name: text('recordsImport.upload.check') }).click();
      await upload.locator('.field-error[lang="en"]').getByText(/missing column\(s\) fir_ref/).waitFor();
      expect(await fileField.getAttribute('aria-invalid')).toBe('true');

      const csv = file(indexFile, [
        `राजेश कुमार शर्मा,रमेश चंद्र शर्मा,15-06-1990,"अशोका गार्डन, भोपाल",112/2019-${lang},Ashoka Garden,IPC 379`,
        `Anil Verma,Sunil Verma,05-05-1985,"H.No. 4, ${AADHAAR_SHAPED}",14/2020-${lang},Habibganj,IPC 420`,
        `Suresh Yadav,Ram Yadav,31-02-1990,,12/2020-${lang},Kolar Road,IPC 323`,
      ]);
      await fileField.setInputFiles(csv);
      await upload.getByRole('button', { name: text('recordsImport.upload.check') }).click();
      await upload.getByText(text('recordsImport.upload.checked', { count: 3, good: 1, bad: 2 })).waitFor();

      const preview = page.getByRole('region', { name: text('recordsImport.preview.title', { file: indexFile }) });
      await preview.getByText(text('recordsImport.status.PREVIEWED'), { exact: true }).waitFor();
      // The hour ends at 00:30 IST the next day, whatever the browser's own zone (New York).
      await preview.getByText(text('recordsImport.notice.previewed', { until: UNTIL[lang] })).waitFor();
      await preview.getByText('rajes kumar sarma', { exact: true }).waitFor();
      const errors = preview.getByRole('table', { name: text('recordsImport.errors.title', { count: 2 }) });
      const cells = await errors.locator('tbody tr').evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((c) => [c.textContent, c.getAttribute('lang')])),
      );
      expect(cells.map((r) => [r[0]![0], r[1]![0], r[2]![1]])).toEqual([
        ['3', 'address', 'en'],
        ['4', 'dob', 'en'],
      ]);
      expect(cells[0]![2]![0]).toMatch(/shaped like an Aadhaar number/);
      expect(cells[1]![2]![0]).toMatch(/is not a date/);
      // No value of the file is echoed back, the number least of all.
      expect(await page.locator('body').innerText()).not.toMatch(/2345|Anil/);
      expect((await history()).find((i) => i.fileName === indexFile)).toMatchObject({ status: 'PREVIEWED', goodRows: 1, badRows: 2, appliedRows: null });
      await shoot('records-import-preview');
    });

    it('enters the accepted row when confirmed from its dialog by keyboard, and shows it in the history as entered', async () => {
      const { page } = browser;
      const preview = page.getByRole('region', { name: text('recordsImport.preview.title', { file: indexFile }) });
      await preview.getByRole('button', { name: text('recordsImport.confirm.start', { count: 1 }) }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: text('recordsImport.confirm.title', { count: 1 }) });
      await dialog.waitFor();
      const yes = dialog.getByRole('button', { name: text('recordsImport.confirm.yes') });
      await yes.focus();
      await shoot('records-import-confirm');
      await yes.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await preview.getByText(text('recordsImport.status.APPLIED'), { exact: true }).waitFor();
      await historyRow(indexFile).getByText(text('recordsImport.status.APPLIED'), { exact: true }).waitFor();
      expect(await preview.getByRole('button', { name: text('recordsImport.confirm.start', { count: 1 }) }).count()).toBe(0);
      expect((await history()).find((i) => i.fileName === indexFile)).toMatchObject({ status: 'APPLIED', appliedRows: 1 });
      await shoot('records-import-applied');
    });

    it('shows a preview left past its hour as expired, with nothing left to confirm', async () => {
      const { page } = browser;
      const upload = page.getByRole('region', { name: text('recordsImport.upload.title') });
      await upload.getByLabel(text('recordsImport.upload.file')).setInputFiles(
        file(lateFile, [`Kamal Nath,Ram Nath,09-09-1979,,16/2020-${lang},Habibganj,IPC 379`]),
      );
      await upload.getByRole('button', { name: text('recordsImport.upload.check') }).click();
      const preview = page.getByRole('region', { name: text('recordsImport.preview.title', { file: lateFile }) });
      await preview.getByRole('button', { name: text('recordsImport.confirm.start', { count: 1 }) }).waitFor();
      // The discard dialog closes with Escape, giving focus back to its button, and nothing changes.
      await preview.getByRole('button', { name: text('recordsImport.discard.start') }).click();
      await page.getByRole('dialog', { name: text('recordsImport.discard.title') }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(await page.evaluate('document.activeElement.textContent')).toBe(text('recordsImport.discard.start'));

      clock.set(new Date(new Date(START[lang]).getTime() + 61 * 60_000));
      await page.reload();
      await preview.getByText(text('recordsImport.notice.expired', { when: UNTIL[lang] })).waitFor();
      expect(await preview.getByRole('button').count()).toBe(0);
      await historyRow(lateFile).getByText(text('recordsImport.status.EXPIRED'), { exact: true }).waitFor();
      await historyRow(lateFile).getByText(text('recordsImport.history.expired', { when: UNTIL[lang] })).waitFor();
      expect((await history()).find((i) => i.fileName === lateFile)).toMatchObject({ status: 'EXPIRED', appliedRows: null });
      await shoot('records-import-expired');
    });

    it("shows another admin's preview without its confirmation: only the admin who previewed it may confirm it", async () => {
      const { page } = browser;
      const other = await t.tokenFor(['ADMIN'], 'ZONE_1');
      const theirs = `theirs-${lang}.csv`;
      await t.http
        .post(BASE)
        .auth(other, { type: 'bearer' })
        .attach('file', Buffer.from(`name,dob,fir_ref,police_station\r\nMohan Lal,02-02-1982,18/2020-${lang},Habibganj\r\n`), { filename: theirs, contentType: 'text/csv' })
        .expect(201);
      await page.reload();
      await historyRow(theirs).getByRole('link', { name: theirs, exact: true }).click();
      const preview = page.getByRole('region', { name: text('recordsImport.preview.title', { file: theirs }) });
      await preview.getByText(text('recordsImport.notice.notYours')).waitFor();
      expect(await preview.getByRole('button').count()).toBe(0);
      expect(await historyRow(theirs).getByRole('link').getAttribute('aria-current')).toBe('true');
    });

    it('is not offered to an auditor, and tells one who opens it that it is not theirs', async () => {
      const { page } = browser;
      await page.getByRole('button', { name: text('shell.logout') }).click();
      await page.waitForURL('**/login');
      await page.getByLabel(text('login.username')).fill('t_auditor_bpl');
      await page.getByLabel(text('login.password')).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: text('login.submit') }).click();
      const nav = page.getByRole('navigation', { name: text('shell.navigation') });
      await nav.getByRole('link', { name: text('nav.audit') }).waitFor();
      expect(await nav.getByRole('link', { name: text('recordsImport.nav') }).count()).toBe(0);
      await page.goto('/verifications/records-index');
      await page.getByRole('heading', { level: 1, name: text('notYours.title') }).waitFor();
      await page.getByRole('button', { name: text('shell.logout') }).click();
      await page.waitForURL('**/login');
    });
  });

  describe('after both languages', () => {
    it('has no serious or critical accessibility finding, console error or CSP refusal', () => {
      expect(found).toEqual([]);
      expect(browser.problems).toEqual([]);
    });
  });
});
