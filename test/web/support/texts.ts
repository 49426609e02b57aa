import en from '../../../web/src/i18n/en.json';
import hi from '../../../web/src/i18n/hi.json';
import type { Page } from 'playwright-core';

export type Lang = 'hi' | 'en';
const TEXTS = { hi, en } as const;

/**
 * A text of the app as the screen shows it, its placeholders filled in. A counted text takes
 * its `_one` or `_other` form, as i18next does for both languages.
 */
export function appText(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const lookup = (k: string): unknown => {
    let node: unknown = TEXTS[lang];
    for (const part of k.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return node;
  };
  let node = lookup(key);
  if (node === undefined && typeof vars.count === 'number') node = lookup(`${key}_${vars.count === 1 ? 'one' : 'other'}`);
  if (typeof node !== 'string') throw new Error(`no text ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{{${name}}}`));
}

/** Opens the login page in this language and logs in; answers once the first screen is up. */
export async function logIn(page: Page, lang: Lang, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/login');
  if (lang === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
  }
  await page.getByRole('heading', { level: 1, name: appText(lang, 'login.title') }).waitFor();
  await page.getByLabel(appText(lang, 'login.username')).fill(username);
  await page.getByLabel(appText(lang, 'login.password')).fill(password);
  await page.getByRole('button', { name: appText(lang, 'login.submit') }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** A text of the app as a pattern: the placeholders not given match anything. */
export function appTextPattern(lang: Lang, key: string, vars: Record<string, string | number> = {}): RegExp {
  const filled = appText(lang, key, vars);
  const parts = filled.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+?'));
}

/** i18n keys shown as they are (a missing text, or an option name such as `lng` used as a placeholder). */
export async function rawKeysOnScreen(page: Page): Promise<string[]> {
  const body = (await page.locator('body').innerText()) as string;
  return [...body.matchAll(/\b(?:admin|audit|outbox|role|nav|mode|notYours|dashboard|sessions|recordsImport)\.[a-zA-Z]+(?:\.[a-zA-Z_]+)*\b/g)].map((m) => m[0]);
}
