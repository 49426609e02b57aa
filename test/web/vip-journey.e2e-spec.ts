import type { Page } from 'playwright-core';
import { addDays, istDateKey } from '../../src/platform/time/ist';
import { bootTestApp, TestApp } from '../support/test-app';
import { listen, openBrowser, type Browser } from './support/browser';
import { logInAs, logOut as logOutOf, ScreenLog } from './support/journey';
import { appText, type Lang } from './support/texts';

/** dd-mm-yyyy of the IST date `days` from today, as the form takes it. */
const formDate = (days: number) => istDateKey(addDays(new Date(), days)).split('-').reverse().join('-');
const escape = (s: string) => s.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');

const DESK = 't_control_room_bpl';
const TT_NAGAR = 't_officer_tt_nagar';
const KAMLA_NAGAR = 't_officer_kamla_nagar';
const AUDITOR = 't_auditor_bpl';

/** The programme's one leg: New Market (TT Nagar) to MP Nagar Zone-1 (MP Nagar); Kamla Nagar is not on it. */
const FROM = { name: 'न्यू मार्केट', lat: '23.2335', lng: '77.4005' };
const TO = { name: 'एमपी नगर ज़ोन-1', lat: '23.2325', lng: '77.4285' };

/**
 * Journey 2: the VIP desk enters a programme (a draft kept on the way, the API's field error
 * beside its field, a route point clicked onto the map) and issues it; revises it, seeing the
 * changes before sending; a TT Nagar thana officer acknowledges it; a Kamla Nagar officer
 * finds it neither in the list nor at its address; the desk re-sends to the thana that has not
 * acknowledged; the auditor reads its access log. In Hindi, then in English, on one app and
 * one browser; every screen axe-checked and photographed at 1280 and 360 px.
 */
describe('journey 2: a VIP programme issued, revised and acknowledged, hidden from an unconcerned thana, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let protecteeId: string;
  /** The screens photographed and axe-checked; none may have findings or spill past 360 px. */
  const seen = new ScreenLog();
  const { found, spilled, shot } = seen;

  beforeAll(async () => {
    t = await bootTestApp();
    const base = await listen(t);
    const desk = await t.tokenFor(['CONTROL_ROOM']);
    await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    await t.tokenFor(['OFFICER'], 'KAMLA_NAGAR');
    await t.tokenFor(['AUDITOR']);
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, { type: 'bearer' })
      .send({ nameEn: 'Chief Minister', nameHi: 'मुख्यमंत्री', designationEn: 'Chief Minister, Madhya Pradesh', designationHi: 'मुख्यमंत्री, मध्यप्रदेश', category: 'Z+', callSign: 'SHAKTI-1', listRank: 1 })
      .expect(201);
    protecteeId = protectee.body.id;
    browser = await openBrowser(base);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe.each(['hi', 'en'] as const)('in %s', (lang: Lang) => {
    const T = (key: string, values?: Record<string, string | number>) => appText(lang, key, values);
    let recordUrl: string;
    let ref: string;
    const title = lang === 'hi' ? 'मुख्यमंत्री का भोपाल भ्रमण' : 'CM visit to Bhopal';

    const logIn = (page: Page, username: string) => logInAs(page, lang, username);
    const logOut = (page: Page) => logOutOf(page, lang);
    const shoot = (page: Page, name: string) => seen.shoot(page, name, lang);
    const nav = (page: Page) => page.getByRole('navigation', { name: T('shell.navigation') });
    const leg1 = (page: Page) => page.getByRole('region', { name: T('vipDesk.leg.title', { n: 1 }) });
    async function fillWhen(page: Page, legendKey: string, date: string, time: string) {
      const what = T(legendKey, { n: 1 });
      await page.getByLabel(T('protests.form.dateOf', { what }), { exact: true }).fill(date);
      await page.getByLabel(T('protests.form.timeOf', { what }), { exact: true }).fill(time);
    }

    it('the VIP desk enters the programme, keeps a draft, sees the API’s error beside its field, draws the route and issues it', async () => {
      const { page } = browser;
      await logIn(page, DESK);
      await nav(page).getByRole('link', { name: T('vipDesk.nav') }).click();
      await page.getByRole('heading', { level: 1, name: T('vipDesk.list.title') }).waitFor();
      await page.getByRole('link', { name: T('vipDesk.editor.newTitle') }).click();
      await page.getByRole('heading', { level: 1, name: T('vipDesk.editor.newTitle') }).waitFor();

      const protectee = page.getByLabel(T('vipDesk.editor.protectee'), { exact: true });
      if (lang === 'hi') {
        // Someone not on the ranked list yet: added from the editor, and picked for the programme.
        await page.getByRole('button', { name: T('vipDesk.protectee.add') }).click();
        const dialog = page.getByRole('dialog', { name: T('vipDesk.protectee.title') });
        await dialog.getByLabel(T('vipDesk.protectee.nameHi'), { exact: true }).fill('राज्यपाल');
        await dialog.getByLabel(T('vipDesk.protectee.nameEn'), { exact: true }).fill('Governor');
        await dialog.getByLabel(T('vipDesk.protectee.designationHi'), { exact: true }).fill('राज्यपाल, मध्यप्रदेश');
        await dialog.getByLabel(T('vipDesk.protectee.designationEn'), { exact: true }).fill('Governor, Madhya Pradesh');
        await dialog.getByLabel(T('vipDesk.protectee.category'), { exact: true }).selectOption('Z');
        await dialog.getByLabel(T('vipDesk.protectee.listRank'), { exact: true }).fill('2');
        await shoot(page, 'vip-protectee-add');
        await dialog.getByRole('button', { name: T('vipDesk.protectee.save') }).click();
        await dialog.waitFor({ state: 'detached' });
        expect(await protectee.locator('option:checked').textContent()).toContain('राज्यपाल');
      } else {
        await protectee.selectOption(protecteeId);
      }
      await page.getByLabel(T('vipDesk.editor.title'), { exact: true }).fill(title);
      // The leg ends before it starts: the API says so beside the end.
      await fillWhen(page, 'vipDesk.leg.start', formDate(10), '10:00');
      await fillWhen(page, 'vipDesk.leg.end', formDate(10), '09:40');
      await page.getByLabel(T('vipDesk.leg.activity', { n: 1 }), { exact: true }).selectOption('PUBLIC_MEETING');
      await page.getByLabel(T('vipDesk.leg.venue', { n: 1 }), { exact: true }).fill('लाल परेड ग्राउंड');
      for (const [which, p] of [['from', FROM], ['to', TO]] as const) {
        await page.getByLabel(T(`vipDesk.leg.${which}Name`, { n: 1 }), { exact: true }).fill(p.name);
        await page.getByLabel(T(`vipDesk.leg.${which}Lat`, { n: 1 }), { exact: true }).fill(p.lat);
        await page.getByLabel(T(`vipDesk.leg.${which}Lng`, { n: 1 }), { exact: true }).fill(p.lng);
      }
      // A route point clicked onto the map, between the two ends it was fitted to.
      const map = page.getByRole('region', { name: T('vipDesk.editor.mapLabel') });
      await map.locator('path.leaflet-interactive').first().waitFor();
      await map.scrollIntoViewIfNeeded();
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const pointLat = page.getByLabel(T('vipDesk.leg.pointLat', { n: 1, m: 1 }), { exact: true });
      await pointLat.waitFor();
      expect(Number(await pointLat.inputValue())).toBeGreaterThan(23.2);
      await page.getByLabel(T('vipDesk.leg.pointNameLabel', { n: 1, m: 1 }), { exact: true }).fill('रोशनपुरा चौराहा');

      await page.getByRole('button', { name: T('vipDesk.editor.issue') }).click();
      await page.getByText(T('vipDesk.editor.refused')).waitFor();
      const endDate = leg1(page).getByLabel(T('protests.form.dateOf', { what: T('vipDesk.leg.end', { n: 1 }) }), { exact: true });
      expect(await endDate.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await endDate.getAttribute('aria-describedby'))!;
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/after/);
      expect(await page.getByLabel(T('vipDesk.editor.title'), { exact: true }).inputValue()).toBe(title);
      await shoot(page, 'vip-editor-refused');

      // Corrected, and kept as a draft while the desk looks at the list.
      await fillWhen(page, 'vipDesk.leg.end', formDate(10), '10:40');
      await page.getByRole('button', { name: T('vipDesk.draft.save') }).click();
      await page.getByText(T('vipDesk.draft.saved')).waitFor();
      await nav(page).getByRole('link', { name: T('vipDesk.nav') }).click();
      await page.getByRole('link', { name: T('vipDesk.list.continueDraft') }).click();
      await page.getByText(T('vipDesk.draft.resumed')).waitFor();
      expect(await page.getByLabel(T('vipDesk.leg.pointNameLabel', { n: 1, m: 1 }), { exact: true }).inputValue()).toBe('रोशनपुरा चौराहा');
      await shoot(page, 'vip-editor');

      await page.getByRole('button', { name: T('vipDesk.editor.issue') }).click();
      await page.waitForURL(/\/vip-programmes\/[0-9a-f-]{36}$/);
      recordUrl = new URL(page.url()).pathname;
      const heading = page.getByRole('heading', { level: 1, name: /VIP\/\d{4}\/\d{6}/ });
      await heading.waitFor();
      ref = /VIP\/\d{4}\/\d{6}/.exec((await heading.textContent())!)![0];
      await page.getByText(T('vipDesk.record.issued', { n: 1 })).waitFor();
      // Sent to TT Nagar and MP Nagar along the route; nobody has acknowledged yet.
      const board = page.getByRole('region', { name: T('vipDesk.board.title', { n: 1 }) });
      await board.getByText(T('vipDesk.board.summary', { acked: 0, total: 2 })).waitFor();
      expect(await board.locator('.vip-board-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')).sort())).toEqual(['MP_NAGAR', 'TT_NAGAR']);
      await page.getByRole('region', { name: T('vipDesk.record.mapLabel', { ref }) }).locator('path.leaflet-interactive').first().waitFor();
      await shoot(page, 'vip-record-desk');
    });

    it('is revised by the desk, which sees exactly what changes before sending it', async () => {
      const { page } = browser;
      await page.getByRole('link', { name: T('vipDesk.record.revise', { n: 2 }) }).click();
      await page.getByRole('heading', { level: 1, name: T('vipDesk.editor.reviseTitle', { ref, next: 2 }) }).waitFor();
      await fillWhen(page, 'vipDesk.leg.start', formDate(10), '10:30');
      await fillWhen(page, 'vipDesk.leg.end', formDate(10), '11:10');
      await page.getByRole('button', { name: T('vipDesk.editor.check') }).click();
      const diff = page.getByRole('region', { name: T('vipDesk.check.title', { n: 1 }) });
      await diff.locator('.vip-change[data-kind="TIME_CHANGED"]').waitFor();
      expect(await diff.locator('.vip-change').count()).toBe(1);
      expect(await diff.locator('.vip-change').textContent()).toContain(`${formDate(10)} 10:00–10:40`);
      await page.getByLabel(T('vipDesk.editor.reason'), { exact: true }).fill('मुख्यमंत्री आधा घंटा देर से पहुँचेंगे');
      await shoot(page, 'vip-revise-check');
      // Nothing is sent until the desk has seen the changes; now it is.
      await page.getByRole('button', { name: T('vipDesk.editor.send', { n: 2 }) }).click();
      await page.waitForURL(`**${recordUrl}`);
      await page.getByText(T('vipDesk.record.issued', { n: 2 })).waitFor();
      const changes = page.getByRole('region', { name: T('vipDesk.record.changes', { n: 1 }) });
      await changes.locator('.vip-change[data-kind="TIME_CHANGED"]').waitFor();
      await page.getByRole('region', { name: T('vipDesk.revisions.title') }).locator('.vip-revision').nth(1).waitFor();
      await logOut(page);
    });

    it('is acknowledged from its page by the officer of TT Nagar, a thana on its route', async () => {
      const { page } = browser;
      await logIn(page, TT_NAGAR);
      await nav(page).getByRole('link', { name: T('vipDesk.nav') }).click();
      await page.locator('.vip-row').getByRole('link', { name: ref }).click();
      await page.getByRole('heading', { level: 1, name: T('vipDesk.record.title', { ref }) }).waitFor();
      expect(await page.getByRole('link', { name: T('vipDesk.record.revise', { n: 3 }) }).count()).toBe(0);
      const ack = page.getByRole('region', { name: T('vipDesk.ack.title') });
      await ack.getByRole('button', { name: T('vipDesk.ack.submit', { n: 2 }) }).click();
      const thana = lang === 'hi' ? 'टीटी नगर' : 'TT Nagar';
      await ack.getByText(new RegExp(escape(T('vipDesk.ack.done', { unit: thana, n: 2, when: 'WHEN', by: 'BY' })).replace('WHEN', '.+').replace('BY', '.+'))).waitFor();
      expect(await ack.getByRole('button', { name: T('vipDesk.ack.submit', { n: 2 }) }).count()).toBe(0);
      await shoot(page, 'vip-record-thana');
      await logOut(page);
    });

    it('cannot be found by the officer of Kamla Nagar, a thana it does not concern: not in the list, not at its address', async () => {
      const { page } = browser;
      await logIn(page, KAMLA_NAGAR);
      await nav(page).getByRole('link', { name: T('vipDesk.nav') }).click();
      await page.getByText(T('vipDesk.list.count', { count: 0 })).waitFor();
      expect(await page.getByRole('link', { name: ref }).count()).toBe(0);
      await shoot(page, 'vip-list-unconcerned');
      await page.goto(recordUrl);
      await page.getByRole('heading', { level: 1, name: T('notFound.title') }).waitFor();
      expect(await page.locator('main').textContent()).not.toContain(ref);
      await shoot(page, 'vip-record-not-found');
      await logOut(page);
    });

    it('shows the desk who acknowledged, and re-sends to the thana that has not', async () => {
      const { page } = browser;
      await logIn(page, DESK);
      await nav(page).getByRole('link', { name: T('vipDesk.nav') }).click();
      await page.locator('.vip-row').getByRole('link', { name: ref }).waitFor();
      await shoot(page, 'vip-list-desk');
      await page.goto(recordUrl);
      const board = page.getByRole('region', { name: T('vipDesk.board.title', { n: 2 }) });
      await board.getByText(T('vipDesk.board.summary', { acked: 1, total: 2 })).waitFor();
      expect(await board.locator('.vip-board-row[data-unit="TT_NAGAR"]').getAttribute('data-acknowledged')).toBe('yes');
      expect(await board.locator('.vip-board-row[data-unit="MP_NAGAR"]').getAttribute('data-acknowledged')).toBe('no');
      await board.getByRole('button', { name: T('vipDesk.board.resend', { count: 1 }) }).click();
      const dialog = page.getByRole('dialog', { name: T('vipDesk.board.resendTitle', { n: 2 }) });
      await dialog.getByText(lang === 'hi' ? 'एमपी नगर' : 'MP Nagar').waitFor();
      await shoot(page, 'vip-resend-confirm');
      await dialog.getByRole('button', { name: T('vipDesk.board.resendConfirm') }).click();
      await board.getByText(T('vipDesk.board.resent')).waitFor();
      await board.locator('.vip-board-row[data-unit="MP_NAGAR"]').getByText(new RegExp(escape(T('vipDesk.board.sent', { count: 2, when: 'WHEN' })).replace('WHEN', '.+'))).waitFor();
      await shoot(page, 'vip-board');
      await logOut(page);
    });

    it('lists for the auditor who saw it, and the refused look of Kamla Nagar', async () => {
      const { page } = browser;
      await logIn(page, AUDITOR);
      const id = recordUrl.split('/').pop()!;
      // From the audit screen's entries of the programme to its access log.
      await page.goto(`/audit?entityType=vip_programme&entityId=${id}`);
      await page.getByRole('link', { name: T('vipDesk.accessLog.link') }).first().click();
      await page.getByRole('heading', { level: 1, name: T('vipDesk.accessLog.title') }).waitFor();
      const rows = page.locator('.vip-access-row');
      await rows.first().waitFor();
      const refused = page.locator('.vip-access-row[data-action="vip.refused"]');
      expect(await refused.first().textContent()).toContain(KAMLA_NAGAR);
      expect(await page.locator('.vip-access-row[data-action="vip.revision_checked"]').first().textContent()).toContain(DESK);
      expect(await page.locator('.vip-access-row[data-action="vip.viewed"]').filter({ hasText: TT_NAGAR }).count()).toBeGreaterThan(0);
      await shoot(page, 'vip-access-log');
      await logOut(page);
    });
  });

  it('has no serious or critical accessibility finding, sideways scroll on a phone, console error or CSP refusal on any screen', () => {
    expect(shot).toHaveLength(12 + 11);
    expect(found).toEqual([]);
    expect(spilled).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
