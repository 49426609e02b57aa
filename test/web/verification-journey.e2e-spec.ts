import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { CriminalRecordsIndex } from '../../src/modules/verifications';
import { UnitOfWork } from '../../src/platform/change';
import { Poppler } from '../../src/platform/documents/pdf/testing/poppler';
import { bootTestApp, TestApp } from '../support/test-app';
import { CONSENT_PDF, PHOTO_PNG, seedLocalities } from '../support/verifications';
import { listen, openBrowser, type Browser } from './support/browser';
import { logInAs, logOut as logOutOf, ScreenLog } from './support/journey';
import { appText, type Lang } from './support/texts';

const VERIFIER = 't_verifier_tt_nagar';
const DSP = 't_approver_acp_tt_nagar';
const UNCONCERNED = 't_verifier_kamla_nagar';
/** The door in Shivaji Nagar (TT Nagar thana), as the phone's geolocation gives it. */
const DOOR = { latitude: 23.2345, longitude: 77.401, accuracy: 18 };

/**
 * Each language's applicant, typed in Devanagari only, and a namesake the index holds in
 * English letters (another father, born years apart), whom the verifier rules a different
 * person before reporting CLEAR.
 */
const CASES = {
  hi: {
    nameHi: 'राजेश कुमार शर्मा',
    relative: 'रमेश चंद्र शर्मा',
    dob: '10-03-1984',
    record: { name: 'Rajesh Kumar Sharma', relative: 'S/o Suresh Prasad Sharma', birth: { dob: '1996-01-15' }, address: 'Kolar Road, Bhopal', firRef: '431/2021', policeStation: 'Kolar Road', sections: 'IPC 323' },
  },
  en: {
    nameHi: 'मोहम्मद इरफ़ान खान',
    relative: 'अब्दुल रशीद खान',
    dob: '22-07-1990',
    record: { name: 'Mohd. Irfan Khan', relative: 'S/o Salim Khan', birth: { dob: '1971-05-02' }, address: 'Bairagarh, Bhopal', firRef: '88/2018', policeStation: 'Bairagarh', sections: 'IPC 420' },
  },
} as const;

/**
 * Journey 4: character verification. A verifier enters an application with a Hindi name (the
 * API's refusal beside its field first), runs the records check, which finds a namesake written
 * in English letters, rules it a different person with a reason, records the field visit on a
 * 360 px phone with the browser's geolocation and a photo, and reports CLEAR; the circle's DSP
 * signs it off and its certificate downloads with the name as typed (pdftotext); a verifier of another thana gets the not-found page at its address. In Hindi,
 * then English, on one app and one browser; every screen axe-checked at 1280 and 360 px.
 */
describe('journey 4: a character verification from intake to the DSP’s sign-off and its certificate, hidden from another thana, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let poppler: Poppler;
  /** The screens photographed and axe-checked; none may have findings or spill past 360 px. */
  const seen = new ScreenLog();
  const { found, spilled, shot } = seen;

  beforeAll(async () => {
    t = await bootTestApp();
    poppler = await Poppler.create();
    base = await listen(t);
    await seedLocalities(t, await t.tokenFor(['ADMIN']));
    await t.tokenFor(['VERIFIER'], 'TT_NAGAR');
    await t.tokenFor(['APPROVER'], 'ACP_TT_NAGAR');
    await t.tokenFor(['VERIFIER'], 'KAMLA_NAGAR');
    const index = t.app.get(CriminalRecordsIndex);
    await t.app.get(UnitOfWork).run((c) => index.add(c.em, randomUUID(), [CASES.hi.record, CASES.en.record]));
    browser = await openBrowser(base);
    browser.page.setDefaultTimeout(15_000);
    await browser.context.grantPermissions(['geolocation'], { origin: base });
    await browser.context.setGeolocation(DOOR);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe.each(['hi', 'en'] as const)('in %s', (lang: Lang) => {
    const T = (key: string, values?: Record<string, string | number>) => appText(lang, key, values);
    const c = CASES[lang];
    let recordUrl: string;
    let ref: string;

    const logIn = (page: Page, username: string) => logInAs(page, lang, username);
    const logOut = (page: Page) => logOutOf(page, lang);
    const shoot = (page: Page, name: string) => seen.shoot(page, name, lang);
    const nav = (page: Page) => page.getByRole('navigation', { name: T('shell.navigation') });
    const label = (page: Page, key: string, values?: Record<string, string | number>) => page.getByLabel(T(key, values), { exact: true });

    it('the verifier enters the application with a Hindi name, sees the API’s refusal beside its field, and the Latin name marked derived', async () => {
      const { page } = browser;
      await logIn(page, VERIFIER);
      // A verifier's first screen is the queue.
      await page.getByRole('heading', { level: 1, name: T('verification.queue.title') }).waitFor();
      await nav(page).getByRole('link', { name: T('verification.nav.intake') }).click();
      await page.getByRole('heading', { level: 1, name: T('verification.intake.title') }).waitFor();
      await label(page, 'verification.form.purpose').selectOption('EMPLOYMENT');
      await label(page, 'verification.form.nameHi').fill(c.nameHi);
      await label(page, 'verification.form.relativeName').fill(c.relative);
      await label(page, 'verification.form.dob').fill(c.dob);
      await label(page, 'verification.form.mobile').fill('98765');
      await label(page, 'verification.form.idDocumentType').selectOption('VOTER_ID');
      await label(page, 'verification.form.idLast4').fill('4821');
      const present = page.getByRole('region', { name: T('verification.form.presentAddress') });
      await present.getByLabel(T('verification.form.address'), { exact: true }).fill('मकान नं. 12, गली 3');
      await present.getByLabel(T('verification.form.locality'), { exact: true }).fill('Shivaji Nagar');
      await present.getByLabel(T('verification.form.years'), { exact: true }).fill('6');
      const permanent = page.getByRole('region', { name: T('verification.form.permanentAddress') });
      await permanent.getByLabel(T('verification.form.address'), { exact: true }).fill('Ward 4, Vidisha');
      await permanent.getByLabel(T('verification.form.locality'), { exact: true }).fill('Vidisha');
      await permanent.getByLabel(T('verification.form.years'), { exact: true }).fill('20');
      await label(page, 'verification.form.partyName').fill('Sharma Traders');
      await label(page, 'verification.form.partyAddress').fill('Plot 4, MP Nagar Zone-I, Bhopal');
      await label(page, 'verification.form.challanNo').fill('MPTC/2026/448812');
      await label(page, 'verification.form.consentLetter').setInputFiles({ name: 'consent.pdf', mimeType: 'application/pdf', buffer: CONSENT_PDF });
      await page.getByRole('button', { name: T('verification.intake.save') }).click();

      // The API refuses the short mobile: its message stands beside that field, the form as typed.
      const mobile = label(page, 'verification.form.mobile');
      await page.getByText(T('verification.form.refused')).waitFor();
      expect(await mobile.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await mobile.getAttribute('aria-describedby'))!.split(' ').pop()!;
      expect(await page.locator(`[id="${describedBy}"]`).getAttribute('lang')).toBe('en');
      expect(await label(page, 'verification.form.nameHi').inputValue()).toBe(c.nameHi);
      await shoot(page, 'verification-intake-refused');

      await mobile.fill('9876543210');
      await page.getByRole('button', { name: T('verification.intake.save') }).click();
      await page.waitForURL(/\/verifications\/[0-9a-f-]{36}$/);
      recordUrl = new URL(page.url()).pathname;
      const heading = page.getByRole('heading', { level: 1, name: /CV\/\d{4}\/\d{6}/ });
      ref = /CV\/\d{4}\/\d{6}/.exec((await heading.textContent())!)![0];
      await page.getByRole('status').filter({ hasText: ref }).waitFor();
      const facts = page.getByRole('region', { name: T('verification.record.facts') });
      await facts.getByText(c.nameHi, { exact: true }).waitFor();
      // The Latin name was not typed: it is shown as derived.
      await facts.getByText(T('verification.record.derived'), { exact: true }).waitFor();
      await facts.getByText(T('verification.record.consentOnFile'), { exact: true }).waitFor();
      const timeline = page.getByRole('region', { name: T('verification.timeline.title') });
      await timeline.getByText(T('verification.timeline.entered', { ref }), { exact: true }).waitFor();
      await timeline.getByText(T('verification.timeline.consent'), { exact: true }).waitFor();
    });

    it('the records check finds the namesake written in English letters, with its score and reasons, and the verifier rules him a different person', async () => {
      const { page } = browser;
      const check = page.getByRole('region', { name: T('verification.check.title') });
      await check.getByRole('button', { name: T('verification.check.run') }).click();
      const hit = check.locator(`li.hit[data-fir="${c.record.firRef}"]`);
      await hit.waitFor();
      await hit.getByText(c.record.name, { exact: false }).first().waitFor();
      expect(await hit.locator('.band-strong').count()).toBe(0);
      expect(await hit.locator('.why li').count()).toBeGreaterThan(0);
      await shoot(page, 'verification-records-check');
      await hit.getByRole('combobox').selectOption('DIFFERENT');
      await hit.getByRole('textbox').fill('Another father; born years apart.');
      await hit.getByRole('button').click();
      await hit.locator('strong', { hasText: T('verification.hit.decided.DIFFERENT') }).waitFor();
      await page
        .getByRole('region', { name: T('verification.timeline.title') })
        .getByText(T('verification.timeline.ruled.DIFFERENT', { fir: c.record.firRef, station: c.record.policeStation }), { exact: true })
        .waitFor();
    });

    it('the field visit is recorded on a 360 px phone with the browser’s geolocation, a neighbour’s statement and a photo', async () => {
      const { page } = browser;
      await page.setViewportSize({ width: 360, height: 780 });
      await page.getByRole('link', { name: T('verification.visit.record') }).click();
      await page.getByRole('heading', { level: 1, name: T('verification.visit.formTitle', { ref }) }).waitFor();
      await label(page, 'verification.visit.officerName').fill('Ramesh Yadav');
      await label(page, 'verification.visit.officerRank').fill('ASI');
      await page.getByRole('button', { name: T('verification.visit.locate') }).click();
      await page.getByText(T('verification.visit.fix', { latitude: DOOR.latitude.toFixed(5), longitude: DOOR.longitude.toFixed(5), accuracy: DOOR.accuracy }), { exact: true }).waitFor();
      await label(page, 'verification.visit.neighbourName', { n: 1 }).fill('Suresh Patel');
      await label(page, 'verification.visit.neighbourStatement', { n: 1 }).fill('Knows him for six years; a quiet family.');
      await label(page, 'verification.visit.outcome').selectOption('RESIDES_AT_ADDRESS');
      await label(page, 'verification.visit.photosField').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: PHOTO_PNG });
      // One thumb: every control of the form is a full-width target at least 48 px tall.
      for (const box of await page.locator('.visit-page form button, .visit-page form input, .visit-page form select').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
        expect(box).toBeGreaterThanOrEqual(48);
      }
      await shoot(page, 'verification-visit');
      await page.setViewportSize({ width: 360, height: 780 });
      await page.getByRole('button', { name: T('verification.visit.save') }).click();
      await page.waitForURL(`**${recordUrl}`);
      const visits = page.getByRole('region', { name: T('verification.visit.title') });
      await visits.getByText(T('verification.visit.where', { latitude: DOOR.latitude.toFixed(5), longitude: DOOR.longitude.toFixed(5), accuracy: DOOR.accuracy }), { exact: true }).waitFor();
      await visits.getByText(T('verification.visit.photos', { count: 1 }), { exact: true }).waitFor();
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it('the verifier reports CLEAR, and the application waits in the queue for the DSP', async () => {
      const { page } = browser;
      const report = page.getByRole('region', { name: T('verification.report.title') });
      await report.getByLabel(T('verification.report.outcome'), { exact: true }).selectOption('CLEAR');
      await report.getByRole('button', { name: T('verification.report.submit') }).click();
      await report.getByText(T('verification.outcome.CLEAR'), { exact: true }).waitFor();
      await page.getByText(T('verification.status.REPORTED'), { exact: true }).waitFor();
      await shoot(page, 'verification-record-reported');
      await nav(page).getByRole('link', { name: T('verification.nav.queue') }).click();
      await page.getByRole('link', { name: ref, exact: true }).waitFor();
      await shoot(page, 'verification-queue');
      await logOut(page);
    });

    it('the circle’s DSP finds it among the thanas’ applications and signs it off, and the certificate downloads with the name as typed', async () => {
      const { page } = browser;
      await logIn(page, DSP);
      await nav(page).getByRole('link', { name: T('verification.nav.queue') }).click();
      await page.getByRole('heading', { level: 1, name: T('verification.queue.title') }).waitFor();
      await page.getByRole('link', { name: ref, exact: true }).click();
      const sign = page.getByRole('region', { name: T('verification.signOff.title') });
      await sign.getByLabel(T('verification.signOff.note'), { exact: true }).fill('Seen; agreed.');
      await sign.getByRole('button', { name: T('verification.signOff.submit') }).click();
      await page.getByText(T('verification.status.SIGNED_OFF'), { exact: true }).waitFor();
      await page.getByRole('region', { name: T('verification.timeline.title') }).getByText(T('verification.timeline.signedOff'), { exact: true }).waitFor();
      // The certificate issued at the sign-off, downloaded: its text has the name as it was typed.
      const papers = page.getByRole('region', { name: T('verification.papers.title') });
      const certificate = T('verification.papers.kind.CERTIFICATE');
      const [download] = await Promise.all([page.waitForEvent('download'), papers.getByRole('button', { name: T('verification.papers.download', { paper: certificate }) }).click()]);
      expect(download.suggestedFilename()).toBe(`${ref.replace(/\//g, '-')}-certificate.pdf`);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await poppler.pagesText(pdf)).join('\n')).toContain(c.nameHi);
      await papers.getByText(T('verification.papers.verify.valid'), { exact: false }).waitFor();
      await shoot(page, 'verification-signed-off');
      await logOut(page);
    });

    it('is the not-found page at its address for a verifier of another thana', async () => {
      const { page } = browser;
      await logIn(page, UNCONCERNED);
      await page.goto('/verifications?view=thana');
      await page.getByText(T('verification.queue.empty'), { exact: true }).waitFor();
      await page.goto(recordUrl);
      await page.getByRole('heading', { level: 1, name: T('notFound.title') }).waitFor();
      await page.goto(`${recordUrl}/visit`);
      await page.getByRole('heading', { level: 1, name: T('notFound.title') }).waitFor();
      await shoot(page, 'verification-not-found');
      await logOut(page);
    });
  });

  it('has no serious or critical accessibility finding, sideways scroll on a phone, console error or CSP refusal on any screen', () => {
    expect(shot).toHaveLength(2 * 7);
    expect(found).toEqual([]);
    expect(spilled).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
