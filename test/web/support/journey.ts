import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../support/test-app';
import { screens, type AxeFinding } from './browser';
import { appText, type Lang } from './texts';

/**
 * What a journey saw of its screens: each one photographed at both widths and axe-checked
 * (`screens`), and any that spills past 360 px noted. A journey asserts at its end that nothing
 * was found and nothing spilled.
 */
export class ScreenLog {
  readonly found: AxeFinding[] = [];
  readonly spilled: string[] = [];
  readonly shot: string[] = [];

  async shoot(page: Page, name: string, lang: Lang): Promise<void> {
    this.shot.push(`${name}-${lang}`);
    this.found.push(...(await screens(page, name, lang)).map((f) => ({ ...f, id: `${name}: ${f.id}` })));
    await page.setViewportSize({ width: 360, height: 780 });
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    if (width > 360) this.spilled.push(`${name}-${lang}: ${width} px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Logs a test user in on the login page, in this language; answers once the shell is up. */
export async function logInAs(page: Page, lang: Lang, username: string, password = TEST_PASSWORD): Promise<void> {
  const T = (key: string) => appText(lang, key);
  await page.goto('/login');
  if ((await page.getAttribute('html', 'lang')) !== lang) await page.getByRole('button', { name: T(`language.switchTo.${lang}`) }).click();
  await page.getByRole('heading', { level: 1, name: T('login.title') }).waitFor();
  await page.getByLabel(T('login.username'), { exact: true }).fill(username);
  await page.getByLabel(T('login.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: T('login.submit') }).click();
  await page.getByRole('button', { name: T('shell.logout') }).waitFor();
}

/** Logs out from the shell and waits for the login page. */
export async function logOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: appText(lang, 'shell.logout') }).click();
  await page.waitForURL('**/login');
}
