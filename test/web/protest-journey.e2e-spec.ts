import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { Poppler } from '../../src/platform/documents/pdf/testing/poppler';
import { EofficeSimulator, startEofficeSimulator } from '../../src/platform/eoffice/simulator/simulator';
import { addDays, istDateKey } from '../../src/platform/time/ist';
import { fastEofficeEnv } from '../support/eoffice';
import { applicationBody, createApplication, istAt, protestActors, seedVenues, type ProtestActors } from '../support/protests';
import { bootTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { listen, openBrowser, screens, type AxeFinding, type Browser } from './support/browser';
import en from '../../web/src/i18n/en.json';
import hi from '../../web/src/i18n/hi.json';

const TEXTS = { hi, en } as const;
type Lang = keyof typeof TEXTS;

/** A text of the app as the screen shows it, with its {{placeholders}} filled in. */
function text(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = TEXTS[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? `{{${k}}}`));
}

/** dd-mm-yyyy of the IST date `days` from today, as the form takes it. */
const formDate = (days: number) => istDateKey(addDays(new Date(), days)).split('-').reverse().join('-');
const escape = (s: string) => s.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');

/** The applicant's name exactly as the control room types it; the letter must carry it unchanged. */
const NAME_HI = 'श्रीमती सुनीता वर्मा';
const NAME_EN = 'Smt. Sunita Verma';

/**
 * Journey 1: the control room enters a dharna with a Hindi applicant name, is warned of the
 * clash with another application at the same park before saving, asks the thana; the thana
 * officer reports; the DCP approves with conditions; the permission letter downloads, and its
 * text (pdftotext) has the name as typed. Three users, in Hindi and in English; every screen
 * axe-checked and photographed at 1280 and 360 px.
 */
describe.each(['hi', 'en'] as const)('a protest application from intake to its letter in a real browser (%s)', (lang) => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let a: ProtestActors;
  let browser: Browser;
  let poppler: Poppler;
  let clashRef: string;
  let recordUrl: string;
  const found: AxeFinding[] = [];
  /** Screens wider than a 360 px phone (a sideways scroll): there must be none. */
  const spilled: string[] = [];
  const T = (key: string, values?: Record<string, string | number>) => text(lang, key, values);

  beforeAll(async () => {
    // e-Office up: the letter is diarised, and the record shows its number without a reload.
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    const base = await listen(t);
    a = await protestActors(t);
    await seedVenues(t, a.admin);
    // Already entered: a dharna at Ambedkar Park three days ahead, 11:00–14:00.
    clashRef = (await createApplication(t, a, applicationBody({ event: { startsAt: istAt(3, '11:00'), endsAt: istAt(3, '14:00') } }))).ref;
    poppler = await Poppler.create();
    browser = await openBrowser(base);
  });
  afterAll(async () => {
    await browser?.close();
    await poppler?.dispose();
    await t?.close();
    await sim?.close();
  });

  /** Logs in as one of the test users (test-app.ts names them by role and unit). */
  async function logIn(page: Page, username: string) {
    await page.goto('/login');
    if (lang === 'en' && (await page.getAttribute('html', 'lang')) !== 'en') {
      await page.getByRole('button', { name: 'English' }).click();
    }
    await page.getByRole('heading', { level: 1, name: T('login.title') }).waitFor();
    await page.getByLabel(T('login.username'), { exact: true }).fill(username);
    await page.getByLabel(T('login.password'), { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: T('login.submit') }).click();
    await page.getByRole('button', { name: T('shell.logout') }).waitFor();
  }
  async function logOut(page: Page) {
    await page.getByRole('button', { name: T('shell.logout') }).click();
    await page.waitForURL('**/login');
  }
  /** Photographs and axe-checks the screen (both widths), and notes it if it spills past 360 px. */
  async function shoot(page: Page, name: string) {
    found.push(...(await screens(page, name, lang)));
    await page.setViewportSize({ width: 360, height: 780 });
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    if (width > 360) spilled.push(`${name}: ${width} px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  /** Fills one date-and-time pair of the form. */
  async function fillWhen(page: Page, legendKey: string, date: string, time: string) {
    const what = T(legendKey);
    await page.getByLabel(T('protests.form.dateOf', { what }), { exact: true }).fill(date);
    await page.getByLabel(T('protests.form.timeOf', { what }), { exact: true }).fill(time);
  }

  it('enters the application, warned of the clash before saving, with the API’s field error beside its field', async () => {
    const { page } = browser;
    await logIn(page, 't_control_room_bpl');
    const nav = page.getByRole('navigation', { name: T('shell.navigation') });
    // The control room enters applications; nobody else sees that entry (checked for the others below).
    await nav.getByRole('link', { name: T('nav.protestIntake') }).click();
    await page.getByRole('heading', { level: 1, name: T('protests.intake.title') }).waitFor();

    // Back-entry: it came by WhatsApp yesterday at 10:15, during an outage.
    await page.getByLabel(T('protests.form.channel'), { exact: true }).selectOption('WHATSAPP');
    await fillWhen(page, 'protests.form.receivedAt', formDate(-1), '10:15');
    await page.getByLabel(T('protests.form.nameHi'), { exact: true }).fill(NAME_HI);
    if (lang === 'en') await page.getByLabel(T('protests.form.nameEn'), { exact: true }).fill(NAME_EN);
    await page.getByLabel(T('protests.form.organisation'), { exact: true }).fill('नर्मदा बचाओ समिति');
    await page.getByLabel(T('protests.form.mobile'), { exact: true }).fill('12345');
    await page.getByLabel(T('protests.form.address'), { exact: true }).fill('45, अरेरा कॉलोनी, भोपाल');
    await page.getByLabel(T('protests.form.idLast4'), { exact: true }).fill('7731');
    await page.getByLabel(T('protests.form.type'), { exact: true }).selectOption('DHARNA');
    await page.getByLabel(T('protests.form.participants'), { exact: true }).fill('200');
    await page.getByLabel(T('protests.form.purpose'), { exact: true }).fill('नर्मदा तट पर अवैध खनन के विरोध में');
    await fillWhen(page, 'protests.form.startsAt', formDate(3), '12:00');
    await fillWhen(page, 'protests.form.endsAt', formDate(3), '15:00');
    await page.getByLabel(T('protests.form.venue'), { exact: true }).selectOption('AMBEDKAR_PARK');
    await page.getByRole('region', { name: T('protests.map.pickVenue') }).locator('path.leaflet-interactive').first().waitFor();

    // The API refuses the mobile number: its message stands beside that field, and nothing typed is lost.
    await page.getByRole('button', { name: T('protests.check.run') }).click();
    const mobile = page.getByLabel(T('protests.form.mobile'), { exact: true });
    await page.getByText(T('protests.form.refused')).waitFor();
    expect(await mobile.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await mobile.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).textContent()).toMatch(/mobile|10 digits/i);
    expect(await page.getByLabel(T('protests.form.nameHi'), { exact: true }).inputValue()).toBe(NAME_HI);
    await shoot(page, 'protest-intake-refused');

    // Corrected, checked again: the clash with the application already at the park, and the rules.
    await mobile.fill('9826012345');
    await page.getByRole('button', { name: T('protests.check.run') }).click();
    const warning = page.locator('.clash-warning');
    await warning.getByText(T('protests.clashes.warning_one', { count: 1 })).waitFor();
    await warning.getByRole('link', { name: clashRef }).waitFor();
    await page.locator('.rule[data-rule="LEAD_TIME"]').waitFor();
    await shoot(page, 'protest-intake-clash');

    await page.getByRole('button', { name: T('protests.intake.save') }).click();
    await page.waitForURL(/\/protests\/[0-9a-f-]{36}$/);
    recordUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: /PRT\// }).waitFor();
    await page.locator('.clash-warning').getByRole('link', { name: clashRef }).waitFor();
    await page.getByRole('region', { name: T('protests.timeline.title') }).getByText(T('protests.timeline.received', { channel: T('protests.channel.WHATSAPP') })).waitFor();
    expect(await page.getByRole('region', { name: T('protests.timeline.title') }).getByText(`${formDate(-1)} 10:15`).count()).toBe(1);
    await shoot(page, 'protest-record-received');

    // The control room asks the thana for its report.
    const thana = lang === 'hi' ? 'टीटी नगर' : 'TT Nagar';
    await page.getByRole('button', { name: T('protests.thanaReport.request', { thana }) }).click();
    await page.getByText(new RegExp(escape(T('protests.thanaReport.waiting', { thana, when: 'WHEN' })).replace('WHEN', '.+'))).waitFor();

    // The list, with only the clashing applications: both are there.
    await nav.getByRole('link', { name: T('nav.protests'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: T('protests.list.title') }).waitFor();
    await page.getByLabel(T('protests.list.only.clash'), { exact: true }).check();
    await page.getByText(T('protests.list.count_other', { count: 2 })).waitFor();
    await page.locator('.protest-row').getByRole('link', { name: clashRef }).waitFor();
    await shoot(page, 'protest-list');
    await logOut(page);
  });

  it('takes the thana officer’s report, from a user of that thana', async () => {
    const { page } = browser;
    await logIn(page, 't_officer_tt_nagar');
    const nav = page.getByRole('navigation', { name: T('shell.navigation') });
    expect(await nav.getByRole('link', { name: T('nav.protestIntake') }).count()).toBe(0);
    await page.goto(recordUrl);
    const report = page.getByRole('region', { name: T('protests.thanaReport.title') });
    await report.getByLabel(T('protests.thanaReport.recommendation'), { exact: true }).selectOption('RECOMMENDED_WITH_CONDITIONS');
    // Too short for the API: its reason beside the field.
    await report.getByLabel(T('protests.thanaReport.report'), { exact: true }).fill('ठीक है');
    await report.getByRole('button', { name: T('protests.thanaReport.submit') }).click();
    await report.getByText(T('protests.form.refused')).waitFor();
    expect(await report.getByLabel(T('protests.thanaReport.report'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await report.getByLabel(T('protests.thanaReport.report'), { exact: true }).fill('आयोजकों का सत्यापन किया गया; 20 स्वयंसेवक व्यवस्था में रहेंगे। कानून-व्यवस्था की कोई प्रतिकूल सूचना नहीं।');
    await shoot(page, 'protest-thana-report');
    await report.getByRole('button', { name: T('protests.thanaReport.submit') }).click();
    await report.getByText(T('protests.recommendation.RECOMMENDED_WITH_CONDITIONS')).waitFor();
    await page.getByRole('region', { name: T('protests.timeline.title') }).getByText(T('protests.timeline.reported', { recommendation: T('protests.recommendation.RECOMMENDED_WITH_CONDITIONS') })).waitFor();
    // The thana does not decide.
    expect(await page.getByRole('button', { name: T('protests.decision.approveSubmit') }).count()).toBe(0);
    await logOut(page);
  });

  it('is approved by the DCP with standard and own conditions, and the letter’s text has the name as typed', async () => {
    const { page } = browser;
    await logIn(page, 't_approver_bpl');
    const nav = page.getByRole('navigation', { name: T('shell.navigation') });
    expect(await nav.getByRole('link', { name: T('nav.protestIntake') }).count()).toBe(0);
    await page.goto(recordUrl);
    const decision = page.getByRole('region', { name: T('protests.decision.title') });
    // A refusal's draft without grounds is refused as the refusal would be, beside the field.
    await decision.getByRole('radio', { name: T('protests.decision.reject') }).check();
    await decision.getByRole('button', { name: T('protests.decision.preview') }).click();
    await decision.getByText(T('protests.decision.previewRefused')).waitFor();
    expect(await decision.getByLabel(T('protests.decision.grounds'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'protest-decision-preview-refused');
    await decision.getByRole('radio', { name: T('protests.decision.approve') }).check();
    // Switching decision clears what was refused of the other.
    expect(await decision.getByText(T('protests.decision.previewRefused')).count()).toBe(0);
    const standard = decision.getByRole('group', { name: T('protests.decision.standard') }).getByRole('checkbox');
    await standard.nth(0).check();
    await standard.nth(1).check();
    await decision.getByLabel(T('protests.decision.extra'), { exact: true }).fill('धरना पार्क के मुख्य द्वार से आगे नहीं बढ़ेगा।');
    await shoot(page, 'protest-decision');
    // The letter this approval would issue, seen before deciding: a draft in a new tab, on a blob: of its PDF.
    const [draft] = await Promise.all([browser.context.waitForEvent('page'), decision.getByRole('button', { name: T('protests.decision.preview') }).click()]);
    await draft.waitForURL(/^blob:/);
    await draft.close();
    await decision.getByRole('button', { name: T('protests.decision.approveSubmit') }).click();
    await decision.getByText(new RegExp(escape(T('protests.decision.approvedOn', { when: 'XX' })).replace('XX', '.+'))).waitFor();
    await decision.getByText('धरना पार्क के मुख्य द्वार से आगे नहीं बढ़ेगा।').waitFor();

    const letters = page.getByRole('region', { name: T('protests.letters.title') });
    await letters.getByRole('heading', { name: T('protests.letterKind.PERMISSION') }).waitFor();
    // Its e-Office state: waiting or sent at first, then diarised with e-Office's number, on the screen as it is.
    await letters.locator('.sync-state').waitFor();
    const diarised = letters.locator('.sync-state[data-sync="DIARISED"]');
    await diarised.waitFor({ timeout: 60_000 });
    expect(await diarised.textContent()).toContain(T('sync.status.DIARISED'));
    expect(await diarised.textContent()).toMatch(new RegExp(escape(T('sync.number', { ref: 'REF' })).replace('REF', '\\S+')));
    await letters.getByRole('img', { name: T('protests.letters.qr', { kind: T('protests.letterKind.PERMISSION') }) }).waitFor();
    await letters.getByRole('link', { name: /\/verify\// }).waitFor();
    const stages = page.getByRole('region', { name: T('protests.timeline.title') });
    await stages.getByText(T('protests.timeline.approved')).waitFor();
    // Each stage names who took it, with rank and unit: the thana officer of TT Nagar reported.
    const reportedBy = await stages.locator('[data-stage="reported"] .by').textContent();
    expect(reportedBy).toContain(lang === 'hi' ? 'टीटी नगर' : 'TT Nagar');
    expect(reportedBy).toContain(lang === 'hi' ? 'परीक्षण उपयोगकर्ता' : 't_officer_tt_nagar');
    expect(await stages.locator('[data-stage="decided"] .by').textContent()).toContain(lang === 'hi' ? 'परीक्षण उपयोगकर्ता' : 't_approver_bpl');
    await shoot(page, 'protest-record-approved');

    // Opened in a new tab: the browser's own PDF viewer, on the letter fetched with the session.
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), letters.getByRole('button', { name: T('protests.letters.open') }).click()]);
    await tab.waitForURL(/^blob:/);
    expect(tab.url()).toMatch(new RegExp(`^blob:${escape(new URL(page.url()).origin)}/`));
    await tab.close();

    const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('button', { name: T('protests.letters.download') }).click()]);
    expect(download.suggestedFilename()).toMatch(/^PRT-\d{4}-\d{6}-permission\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const letterText = (await poppler.pagesText(pdf)).join('\n');
    expect(letterText).toContain(NAME_HI);
    if (lang === 'en') expect(letterText).toContain(NAME_EN);
    await logOut(page);
  });

  it('is revoked by the DCP with a reason and the record that forced it, and the revocation letter is issued', async () => {
    const { page } = browser;
    await logIn(page, 't_approver_bpl');
    await page.goto(recordUrl);
    const revoke = page.getByRole('region', { name: T('protests.revoke.title') });
    await revoke.getByRole('button', { name: T('protests.revoke.start') }).click();
    // Too short a reason: the API's message beside the field, nothing revoked.
    const reason = revoke.getByLabel(T('protests.revoke.reason'));
    await reason.fill('VIP');
    await revoke.getByLabel(T('protests.revoke.linkedType')).selectOption('RESTRICTION_ORDER');
    await revoke.getByLabel(T('protests.revoke.linkedRef')).fill('RO/2026/000004');
    await revoke.getByRole('button', { name: T('protests.revoke.confirm') }).click();
    await revoke.getByText(T('protests.form.refused')).waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'protest-revoke-refused');

    await reason.fill('धारा 163 का प्रतिबंधात्मक आदेश मार्ग पर लागू है।');
    await revoke.getByRole('button', { name: T('protests.revoke.confirm') }).click();
    const stages = page.getByRole('region', { name: T('protests.timeline.title') });
    await stages.getByText(T('protests.timeline.revoked'), { exact: true }).waitFor();
    await stages.getByText('धारा 163 का प्रतिबंधात्मक आदेश मार्ग पर लागू है।').waitFor();
    const letters = page.getByRole('region', { name: T('protests.letters.title') });
    await letters.getByRole('heading', { name: T('protests.letterKind.REVOCATION') }).waitFor();
    // Revoked: nothing more to do on it.
    expect(await page.getByRole('region', { name: T('protests.revoke.title') }).count()).toBe(0);
    await shoot(page, 'protest-record-revoked');
    await logOut(page);
  });

  it('draws a procession’s route by clicking the map, and checks it against its own thana', async () => {
    const { page } = browser;
    await logIn(page, 't_control_room_bpl');
    await page.getByRole('navigation', { name: T('shell.navigation') }).getByRole('link', { name: T('nav.protestIntake') }).click();
    await page.getByLabel(T('protests.form.nameHi'), { exact: true }).fill('रामप्रसाद पटेल');
    await page.getByLabel(T('protests.form.mobile'), { exact: true }).fill('9425012345');
    await page.getByLabel(T('protests.form.address'), { exact: true }).fill('12, कोटरा सुल्तानाबाद, भोपाल');
    await page.getByLabel(T('protests.form.idLast4'), { exact: true }).fill('4402');
    // A procession: the form turns to the route.
    await page.getByLabel(T('protests.form.type'), { exact: true }).selectOption('JULOOS');
    expect(await page.getByRole('radio', { name: T('protests.form.alongRoute') }).isChecked()).toBe(true);
    await page.getByLabel(T('protests.form.participants'), { exact: true }).fill('500');
    await page.getByLabel(T('protests.form.purpose'), { exact: true }).fill('किसानों की मांगों के समर्थन में जुलूस');
    await fillWhen(page, 'protests.form.startsAt', formDate(3), '16:00');
    await fillWhen(page, 'protests.form.endsAt', formDate(3), '18:00');
    await page.getByLabel(T('protests.form.routeThana'), { exact: true }).selectOption('KAMLA_NAGAR');
    const map = page.getByRole('region', { name: T('protests.map.drawRoute') });
    await map.locator('.leaflet-control-scale').waitFor();
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.55);
    const lat3 = page.getByLabel(T('protests.route.lat', { n: 3 }), { exact: true });
    await lat3.waitFor();
    expect(Number(await lat3.inputValue())).toBeGreaterThan(22);
    // Drawn as a line over the plain background.
    await map.locator('path.leaflet-interactive').first().waitFor();
    await page.getByLabel(T('protests.route.name', { n: 1 }), { exact: true }).fill('रोशनपुरा चौराहा');
    await page.getByLabel(T('protests.route.name', { n: 2 }), { exact: true }).fill('न्यू मार्केट');
    await page.getByLabel(T('protests.route.name', { n: 3 }), { exact: true }).fill('शौर्य स्मारक');
    await page.getByRole('button', { name: T('protests.route.remove', { n: 3 }) }).click();
    expect(await page.getByLabel(T('protests.route.lat', { n: 3 }), { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: T('protests.check.run') }).click();
    await page.getByText(T('protests.check.thana', { thana: lang === 'hi' ? 'कमला नगर' : 'Kamla Nagar' })).waitFor();
    await shoot(page, 'protest-intake-route');
    await logOut(page);
  });

  it('has no serious or critical accessibility finding, sideways scroll on a phone, console error or CSP refusal on any screen', () => {
    expect(found).toEqual([]);
    expect(spilled).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
