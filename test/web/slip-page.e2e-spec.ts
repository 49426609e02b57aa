import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { SlipLinks } from '../../src/modules/duty-charts/slips/slip-links';
import { dutySms, linkIn, publishedRoll } from '../support/duty-charts';
import { bootTestApp, TestApp } from '../support/test-app';
import { docsScreenshot, listen, openBrowser, screens, SCREENS_DIR, type AxeFinding, type Browser } from './support/browser';

type Lang = 'hi' | 'en';

/** What the page writes in each language (the server's page has no i18n files: its words are its own). */
const WORDS = {
  reportAt: { hi: 'रिपोर्टिंग समय', en: 'Report at' },
  pdf: { hi: 'पर्ची PDF डाउनलोड करें', en: 'Download slip (PDF)' },
  map: { hi: 'फ़ोन के नक्शे में खोलें', en: 'Open in the phone’s map' },
  call: { hi: 'प्रभारी को कॉल करें', en: 'Call the in-charge' },
  expired: { hi: 'यह लिंक समाप्त हो चुका है', en: 'This link has expired' },
  invalid: { hi: 'यह लिंक मान्य नहीं है', en: 'This link is not valid' },
  cancelled: { hi: 'यह ड्यूटी निरस्त कर दी गई है', en: 'This duty has been cancelled' },
};

/** Page-side checks, as strings: they run in the page, whose globals the tests' own types lack. */
const SIDEWAYS = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const SMALL_TARGETS = `[...document.querySelectorAll('a')].map((a) => [a.textContent.trim().slice(0, 30), a.getBoundingClientRect()])
  .filter(([, r]) => r.width < 48 || r.height < 48).map(([t, r]) => t + ': ' + Math.round(r.width) + 'x' + Math.round(r.height))`;
const DEVANAGARI_FONT = `document.fonts.ready.then(() => [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Slip Devanagari' && f.status === 'loaded'))`;

/**
 * AAA contrast (7:1 for body text, 4.5:1 for large) and WCAG 2.2's target size: for reading in
 * the sun. (The AAA rule leaves what is under 4.5:1 to the AA one, so both run.)
 */
async function sunlightFindings(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withRules(['color-contrast', 'color-contrast-enhanced', 'target-size']).analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/**
 * Screen 7: the officer opens the link of the duty SMS on a phone, without an account, and
 * sees the post, the reporting time, the in-charge (with a call button), the map pin and the
 * PDF; the page leads with the SMS's language (DUTY_SMS_LANGUAGE) and shows both. At 360 px and
 * 320 px wide, in Chromium: axe clean (AA, and AAA contrast), nothing scrolls sideways, every
 * link a thumb-sized target, the PDF at the bottom of the screen, and the PDF link opens it.
 */
describe.each(['hi', 'en'] as const)('the officer’s duty slip on a phone (%s)', (lang: Lang) => {
  let t: TestApp;
  let browser: Browser;
  let sms: Array<{ slipId: string; path: string }>;
  const found: AxeFinding[] = [];
  const other: Lang = lang === 'hi' ? 'en' : 'hi';

  beforeAll(async () => {
    t = await bootTestApp({ DUTY_SMS_LANGUAGE: lang });
    await publishedRoll(t, 4, { name: 'New Market square', nameHi: 'न्यू मार्केट चौराहा' });
    sms = (await dutySms(t)).map((m) => ({ slipId: m.source_id, path: linkIn(m.body) }));
    browser = await openBrowser(await listen(t), { width: 360 });
    await browser.page.setViewportSize({ width: 360, height: 780 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the slip from its SMS link at 360 px: post, reporting time, in-charge, map pin and PDF, in both languages', async () => {
    const { page } = browser;
    const opened = await page.goto(sms[0]!.path);
    expect(opened?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Both languages on the page, the SMS's one first.
    const reportLabel = await page.locator('.report dt').innerText();
    expect(reportLabel.indexOf(WORDS.reportAt[lang])).toBe(0);
    expect(reportLabel).toContain(WORDS.reportAt[other]);
    expect(await page.locator('.when').innerText()).toMatch(/^\d{2}:\d{2}$/);
    expect(await page.locator('.day').innerText()).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    // The Devanagari face is our own file (no font CDN), and it did load.
    expect(await page.evaluate(DEVANAGARI_FONT)).toBe(true);

    const map = page.getByRole('link', { name: new RegExp(WORDS.map[lang]) });
    expect(await map.getAttribute('href')).toMatch(/^geo:23\.\d{6},77\.\d{6}\?q=/);
    const call = page.getByRole('link', { name: new RegExp(WORDS.call[lang]) });
    expect(await call.getAttribute('href')).toMatch(/^tel:98\d{8}$/);

    // The PDF is at the bottom of the screen, where the thumb is, before any scrolling.
    const pdf = page.getByRole('link', { name: new RegExp(WORDS.pdf[lang].replace(/[()]/g, '\\$&')) });
    const box = (await pdf.boundingBox())!;
    expect(box.y).toBeGreaterThan(780 / 2);
    expect(box.y + box.height).toBeLessThanOrEqual(780);
    expect(box.width).toBeGreaterThan(280);

    found.push(...(await screens(page, 'duty-slip', lang)));
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await sunlightFindings(page)).toEqual([]);
    expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 780 });
      expect({ width, sideways: await page.evaluate(SIDEWAYS) }).toEqual({ width, sideways: 0 });
    }
    mkdirSync(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENS_DIR, `duty-slip-${lang}-320.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    if (lang === 'hi') await docsScreenshot(page, 'duty-slip-hi-360.png', 360);

    // The button's link gives the officer's slip PDF.
    const href = await pdf.evaluate((a) => (a as unknown as { href: string }).href);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says plainly, in both languages, that a link has expired, is not valid, or its duty was cancelled', async () => {
    const { page } = browser;
    const expired = t.app.get(SlipLinks).token(sms[1]!.slipId, new Date(Date.now() - 3_600_000));
    const forged = sms[1]!.path.slice(0, -3) + (sms[1]!.path.endsWith('AAA') ? 'BBB' : 'AAA');
    // The duty dropped by a later version; the publish tests drive that through the API.
    await t.app.get(DataSource).query(`UPDATE duty_slip SET status = 'CANCELLED' WHERE id = $1`, [sms[2]!.slipId]);
    for (const [kind, path, status] of [
      ['expired', `/s/${expired}`, 410],
      ['invalid', forged, 404],
      ['cancelled', sms[2]!.path, 410],
    ] as const) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(status);
      await page.getByRole('heading', { level: 1, name: WORDS[kind][lang] }).waitFor();
      await page.getByText(WORDS[kind][other], { exact: true }).waitFor();
      found.push(...(await screens(page, `duty-slip-${kind}`, lang)));
      await page.setViewportSize({ width: 320, height: 780 });
      expect({ kind, sideways: await page.evaluate(SIDEWAYS) }).toEqual({ kind, sideways: 0 });
      expect(await sunlightFindings(page)).toEqual([]);
    }
  });

  it('has no serious or critical accessibility finding, console error or CSP refusal', () => {
    expect(found).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
