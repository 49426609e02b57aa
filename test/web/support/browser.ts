import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS_DIR } from '../../support/artifacts';
import type { TestApp } from '../../support/test-app';

/**
 * The browser tests' harness: Debian's Chromium driven by playwright-core, headless, on a
 * fresh profile, against the real app (bootTestApp) listening on a port and serving the
 * built web app (global setup builds dist/web when stale).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = join(ARTIFACTS_DIR, 'screens');
export const WIDTHS = [1280, 360] as const;
/** The README's images, committed: written only when asked (`UPDATE_DOCS_SCREENSHOTS=1`). */
export const DOCS_SCREENSHOTS_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP refusals seen so far: a screen that logs one is broken. */
  problems: string[];
  close(): Promise<void>;
}

/** Puts the test app on a loopback port; answers its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * `profile`: a profile directory of the caller's, kept after close, so the browser can be
 * started again on it (a browser restart); by default a fresh one, removed at close.
 */
export async function openBrowser(baseURL: string, options: { width?: number; profile?: string } = {}): Promise<Browser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'police-ops-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL,
    viewport: { width: options.width ?? WIDTHS[0], height: 900 },
    // The app must show IST whatever the machine says.
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    // A refused or failed request is logged by Chromium itself; the tests look at the screen for those.
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the page as it stands (WCAG 2.1 A and AA). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Legacy mode: axe.run in the page itself. The default runs each frame apart and then merges
  // the results in a blank page it opens for each call (half of a check's 3.6 s here); the app
  // has no frames, so the findings are the same.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).setLegacyMode().analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits for the layout (and the map) to settle on a new size, and for the fonts. */
async function settle(page: Page): Promise<void> {
  // (Strings: they run in the page, whose globals the tests' own types do not have.)
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await page.evaluate('document.fonts.ready.then(() => true)');
}

/**
 * The screen as the README shows it, `docs/screenshots/<file>` at this width (the first screen,
 * as a person sees it on opening), only with `UPDATE_DOCS_SCREENSHOTS=1`: an ordinary run,
 * CI's among them, never changes the committed images. Leaves the page at 1280. Answers whether
 * it wrote the file.
 */
export async function docsScreenshot(page: Page, file: string, width: number): Promise<boolean> {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return false;
  mkdirSync(DOCS_SCREENSHOTS_DIR, { recursive: true });
  await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
  await settle(page);
  await page.screenshot({ path: join(DOCS_SCREENSHOTS_DIR, file) });
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  return true;
}

/**
 * The screen at 1280 and at 360 px wide, full page, as test/artifacts/screens/<name>-<lang>-<width>.png.
 * axe runs at each width in Hindi (a layout can hide a label at one width only), and at 1280 in
 * English: the same markup in the other language, where what differs for axe is the page's
 * language and its words, not the layout's rules. Leaves the page at 1280.
 */
export async function screens(page: Page, name: string, lang: string): Promise<AxeFinding[]> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const findings: AxeFinding[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
    await settle(page);
    await page.screenshot({ path: join(SCREENS_DIR, `${name}-${lang}-${width}.png`), fullPage: true });
    if (lang === 'hi' || width === WIDTHS[0])
      for (const f of await axeFindings(page)) findings.push({ ...f, id: `${f.id} at ${width}px` });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  return findings;
}
