import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DakService } from '../../src/modules/dak';
import { UnitOfWork } from '../../src/platform/change';
import { Poppler } from '../../src/platform/documents/pdf/testing/poppler';
import { dakPdf } from '../support/dak';
import { waitFor } from '../support/databases';
import { bootTestApp, TestApp } from '../support/test-app';
import { listen, openBrowser, type Browser } from './support/browser';
import { logInAs, logOut as leave, ScreenLog } from './support/journey';
import { appText, type Lang } from './support/texts';

const CLERK = 't_control_room_bpl';
const A = 't_officer_tt_nagar_a';
const B = 't_officer_tt_nagar_b';
const C = 't_officer_kamla_nagar_c';
const MAIL_SUBJECT = 'Request for police bandobast at the Ravindra Bhawan function';
const SUBJECT = 'धरना-प्रदर्शन की अनुमति हेतु आवेदन, न्यू मार्केट';

/** A real PNG (a grey page with a dark band), so the preview has something to draw. */
function scanPng(width = 120, height = 160): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.fill(y > 20 && y < 30 ? 40 : 230, y * (width + 1) + 1, (y + 1) * (width + 1));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Journey 5: the dak register. The dak clerk diarises a letter with its scans (the API's refusal
 * beside its field first) and marks it to officer A, who receives it and forwards it to B; B
 * receives it and forwards it to C; C receives it, replies (the letter's PDF downloads, its text
 * read by pdftotext), puts it in a new file and closes it; the clerk confirms an e-mailed item from
 * the queue and reads the outage report the items came in. The clerk and A in Hindi, B and C (and
 * the report) in English, on one app and one browser; every screen axe-checked at 1280 and 360 px.
 */
describe('journey 5: a dak item diarised, marked, moved across three holders, answered and closed, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let poppler: Poppler;
  let ref: string;
  let itemUrl: string;
  let mailUrl: string;
  const screens = new ScreenLog();

  beforeAll(async () => {
    t = await bootTestApp();
    poppler = await Poppler.create();
    await t.tokenFor(['CONTROL_ROOM']);
    await t.tokenFor(['OFFICER'], 'TT_NAGAR', 'a');
    await t.tokenFor(['OFFICER'], 'TT_NAGAR', 'b');
    await t.tokenFor(['OFFICER'], 'KAMLA_NAGAR', 'c');
    // An e-mail the mailbox diarised, waiting in the clerk's queue.
    await t.app.get(UnitOfWork).run((change) =>
      t.app.get(DakService).diariseFromMail(change, {
        subject: MAIL_SUBJECT,
        senderName: 'Director, Ravindra Bhawan',
        senderOffice: 'Department of Culture, MP',
        receivedAt: new Date(Date.now() - 3_600_000),
        language: 'en',
        scans: [{ filename: 'request.pdf', contentType: 'application/pdf', bytes: dakPdf('Request for bandobast') }],
        remarks: null,
      }),
    );
    browser = await openBrowser(await listen(t));
    browser.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const helpers = (lang: Lang) => {
    const T = (key: string, values?: Record<string, string | number>) => appText(lang, key, values);
    return {
      T,
      logIn: (page: Page, username: string) => logInAs(page, lang, username),
      logOut: (page: Page) => leave(page, lang),
      shoot: (page: Page, name: string) => screens.shoot(page, name, lang),
      nav: (page: Page) => page.getByRole('navigation', { name: T('shell.navigation') }),
      label: (page: Page, key: string, values?: Record<string, string | number>) => page.getByLabel(T(key, values), { exact: true }),
      /** The item's status line, in words. */
      status: (page: Page, s: string) => page.locator(`strong[data-status="${s}"]`, { hasText: T(`dak.status.${s}`) }),
      timeline: (page: Page) => page.getByRole('region', { name: T('dak.timeline.title') }),
    };
  };

  it('the dak clerk diarises a letter with two scans seen before saving, the API’s refusal beside its field first, and marks it to officer A (in Hindi)', async () => {
    const { page } = browser;
    const { T, logIn, shoot, nav, label, status, timeline } = helpers('hi');
    await logIn(page, CLERK);
    await nav(page).getByRole('link', { name: T('dak.nav.intake') }).click();
    await page.getByRole('heading', { level: 1, name: T('dak.intake.title') }).waitFor();
    await label(page, 'dak.form.subject').fill(SUBJECT);
    await label(page, 'dak.form.senderOffice').fill('भोपाल व्यापारी संघ');
    await label(page, 'dak.form.letterNo').fill('77/BTA/2026');
    await label(page, 'dak.form.letterDate').fill('28-11-2026');
    await label(page, 'dak.form.channel').selectOption('WALK_IN');
    await label(page, 'dak.form.priority').selectOption('URGENT');
    await label(page, 'dak.scans.choose').setInputFiles([
      { name: 'letter.png', mimeType: 'image/png', buffer: scanPng() },
      { name: 'annexure.pdf', mimeType: 'application/pdf', buffer: dakPdf('Annexure: route of the dharna') },
    ]);
    // The image is drawn before it is saved; the PDF is named.
    await page.getByRole('img', { name: T('dak.scans.preview', { name: 'letter.png' }) }).waitFor();
    await page.getByText(T('dak.scans.pdfNote', { name: 'annexure.pdf' }), { exact: true }).waitFor();
    await label(page, 'dak.mark.user').fill(A);
    await label(page, 'dak.mark.instruction').fill('कृपया जाँच कर प्रतिवेदन दें');
    await page.getByRole('button', { name: T('dak.intake.save') }).click();

    // No sender: the API's message stands beside that field, the form as typed.
    const sender = label(page, 'dak.form.senderName');
    await page.getByText(T('dak.form.refused')).waitFor();
    expect(await sender.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await sender.getAttribute('aria-describedby'))!.split(' ').pop()!;
    expect(await page.locator(`[id="${describedBy}"]`).getAttribute('lang')).toBe('en');
    expect(await label(page, 'dak.form.subject').inputValue()).toBe(SUBJECT);
    await shoot(page, 'dak-intake-refused');

    await sender.fill('सचिव, भोपाल व्यापारी संघ');
    await page.getByRole('button', { name: T('dak.intake.save') }).click();
    await page.waitForURL(/\/dak\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1, name: /DAK\/\d{4}\/\d{6}/ });
    ref = /DAK\/\d{4}\/\d{6}/.exec((await heading.textContent())!)![0];
    itemUrl = new URL(page.url()).pathname;
    // The number at once.
    await page.getByRole('status').filter({ hasText: T('dak.item.diarised', { ref }) }).waitFor();
    const scans = page.getByRole('region', { name: T('dak.scans.title') });
    await scans.locator('[data-scan="letter.png"]').waitFor();
    await scans.locator('[data-scan="annexure.pdf"]').waitFor();
    await status(page, 'MARKED').waitFor();
    await timeline(page).locator('[data-stage$="-mark"]').waitFor();
    await scans.getByRole('button', { name: T('dak.scans.show', { name: 'letter.png' }) }).click();
    await scans.getByRole('img', { name: T('dak.scans.preview', { name: 'letter.png' }) }).waitFor();
    await shoot(page, 'dak-item-marked');

    await nav(page).getByRole('link', { name: T('dak.nav.register') }).click();
    await page.getByRole('link', { name: ref, exact: true }).waitFor();
    await shoot(page, 'dak-register');
  });

  it('the clerk confirms the e-mailed item’s grading in the e-mail queue and marks it to TT Nagar thana (in Hindi)', async () => {
    const { page } = browser;
    const { T, logOut, shoot, nav } = helpers('hi');
    await nav(page).getByRole('link', { name: T('dak.nav.email') }).click();
    await page.getByRole('heading', { level: 1, name: T('dak.email.title') }).waitFor();
    const row = page.locator('li.dak-mail', { hasText: MAIL_SUBJECT });
    await row.waitFor();
    mailUrl = (await row.getByRole('link').first().getAttribute('href'))!;
    await shoot(page, 'dak-email');
    await row.getByLabel(T('dak.form.grading'), { exact: true }).selectOption('CONFIDENTIAL');
    await row.getByLabel(T('dak.mark.unit'), { exact: true }).selectOption('TT_NAGAR');
    await row.getByRole('button', { name: T('dak.actions.confirm.submit') }).click();
    await page.getByText(T('dak.email.empty'), { exact: true }).waitFor();
    await logOut(page);
  });

  it('officer A finds it in his inbox, receives it and forwards it to B with an instruction (in Hindi)', async () => {
    const { page } = browser;
    const { T, logIn, logOut, shoot, nav, status, timeline } = helpers('hi');
    await logIn(page, A);
    await nav(page).getByRole('link', { name: T('dak.nav.inbox') }).click();
    await page.getByRole('heading', { level: 1, name: T('dak.inbox.title') }).waitFor();
    await page.getByRole('link', { name: ref, exact: true }).waitFor();
    await shoot(page, 'dak-inbox');
    await page.getByRole('link', { name: ref, exact: true }).click();
    await page.waitForURL(`**${itemUrl}`);
    const actions = page.getByRole('region', { name: T('dak.actions.title') });
    // Only what the API allows: a marked item is received before anything else.
    await actions.getByRole('heading', { level: 3, name: T('dak.actions.receive.title') }).waitFor();
    expect(await actions.getByRole('heading', { level: 3 }).allTextContents()).toEqual([T('dak.actions.receive.title')]);
    await actions.getByRole('button', { name: T('dak.actions.receive.submit') }).click();
    await status(page, 'RECEIVED').waitFor();
    const forward = actions.getByRole('region', { name: T('dak.actions.forward.title') });
    await forward.getByLabel(T('dak.mark.user'), { exact: true }).fill(B);
    await forward.getByLabel(T('dak.mark.instruction'), { exact: true }).fill('उप निरीक्षक B: स्थल निरीक्षण कर रिपोर्ट दें');
    await forward.getByRole('button', { name: T('dak.actions.forward.submit') }).click();
    await status(page, 'MARKED').waitFor();
    await timeline(page).locator('[data-stage$="-forward"]').waitFor();
    await shoot(page, 'dak-item-forwarded');
    await logOut(page);
  });

  it('B receives it and forwards it to C (in English)', async () => {
    const { page } = browser;
    const { T, logIn, logOut, nav, status, timeline } = helpers('en');
    await logIn(page, B);
    await nav(page).getByRole('link', { name: T('dak.nav.inbox') }).click();
    await page.getByRole('link', { name: ref, exact: true }).click();
    const actions = page.getByRole('region', { name: T('dak.actions.title') });
    await actions.getByRole('button', { name: T('dak.actions.receive.submit') }).click();
    await status(page, 'RECEIVED').waitFor();
    const forward = actions.getByRole('region', { name: T('dak.actions.forward.title') });
    await forward.getByLabel(T('dak.mark.user'), { exact: true }).fill(C);
    await forward.getByLabel(T('dak.mark.instruction'), { exact: true }).fill('Kamla Nagar to verify the route and report');
    await forward.getByRole('button', { name: T('dak.actions.forward.submit') }).click();
    await status(page, 'MARKED').waitFor();
    expect(await timeline(page).locator('[data-stage$="-forward"]').count()).toBe(2);
    await logOut(page);
  });

  it('C receives it, replies (the letter’s PDF downloads with its number), puts it in a new file and closes it with a reason; the file lists it (in English)', async () => {
    const { page } = browser;
    const { T, logIn, logOut, shoot, nav, status, timeline } = helpers('en');
    await logIn(page, C);
    await nav(page).getByRole('link', { name: T('dak.nav.inbox') }).click();
    await page.getByRole('link', { name: ref, exact: true }).click();
    const actions = page.getByRole('region', { name: T('dak.actions.title') });
    await actions.getByRole('button', { name: T('dak.actions.receive.submit') }).click();
    await status(page, 'RECEIVED').waitFor();

    const reply = actions.getByRole('region', { name: T('dak.actions.reply.title') });
    // The sender is the reply's recipient unless changed.
    expect(await reply.getByLabel(T('dak.actions.reply.recipient'), { exact: true }).inputValue()).toBe('सचिव, भोपाल व्यापारी संघ, भोपाल व्यापारी संघ');
    await reply.getByLabel(T('dak.actions.reply.body'), { exact: true }).fill('Permission is granted for a dharna at Ambedkar Park on 05-12-2026 from 11:00 to 16:00, on the conditions enclosed.');
    await reply.getByRole('button', { name: T('dak.actions.reply.submit') }).click();
    const replies = page.getByRole('region', { name: T('dak.replies.title') });
    const issued = replies.locator('li[data-reply^="DAK-OUT/"]');
    await issued.waitFor();
    const outRef = (await issued.getAttribute('data-reply'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), replies.getByRole('button', { name: T('dak.replies.download', { ref: outRef }) }).click()]);
    expect(download.suggestedFilename()).toBe(`${outRef.replace(/\//g, '-')}.pdf`);
    const letter = await readFile((await download.path())!);
    expect(letter.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await poppler.pagesText(letter)).join('\n')).toContain('Ambedkar Park');

    const file = actions.getByRole('region', { name: T('dak.actions.putInFile.title') });
    await file.getByLabel(T('dak.actions.putInFile.newHead'), { exact: true }).fill('धरना-प्रदर्शन अनुमति / Dharna permissions');
    await file.getByRole('button', { name: T('dak.actions.putInFile.open') }).click();
    await waitFor(async () => (await file.getByLabel(T('dak.actions.putInFile.file'), { exact: true }).inputValue()) !== '', { what: 'the new file chosen' });
    await file.getByRole('button', { name: T('dak.actions.putInFile.submit') }).click();
    const facts = page.getByRole('region', { name: T('dak.item.facts') });
    const fileLink = facts.getByRole('link', { name: /FILE\/\d{4}\/\d{6}/ });
    await fileLink.waitFor();
    await shoot(page, 'dak-item-received');

    const close = actions.getByRole('region', { name: T('dak.actions.close.title') });
    await close.getByRole('button', { name: T('dak.actions.close.submit') }).click();
    // Too short a reason: the API's refusal beside the field.
    const reason = close.getByLabel(T('dak.actions.close.reason'), { exact: true });
    await close.locator('textarea[aria-invalid="true"]').waitFor();
    await reason.fill('Route verified; permission letter issued by the thana.');
    await close.getByRole('button', { name: T('dak.actions.close.submit') }).click();
    await status(page, 'CLOSED').waitFor();
    await facts.getByText('Route verified; permission letter issued by the thana.', { exact: true }).waitFor();
    // The whole movement, oldest first.
    expect(await timeline(page).locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')?.replace(/^\d+-/, '')))).toEqual([
      'diarise',
      'mark',
      'receive',
      'forward',
      'receive',
      'forward',
      'receive',
      'reply',
      'putInFile',
      'close',
    ]);
    await shoot(page, 'dak-item-closed');

    await fileLink.click();
    await page.getByRole('heading', { level: 1, name: /FILE\/\d{4}\/\d{6}/ }).waitFor();
    await page.getByRole('link', { name: ref, exact: true }).waitFor();
    await shoot(page, 'dak-file');
    await page.getByRole('link', { name: T('dak.file.back') }).click();
    await page.getByRole('heading', { level: 1, name: T('dak.files.title') }).waitFor();
    await logOut(page);
  });

  it('the clerk picks the outage it was received in and sees it with its channel and holder, and downloads the CSV and the PDF (in English)', async () => {
    const { page } = browser;
    const { T, logIn, logOut, shoot, nav } = helpers('en');
    await logIn(page, CLERK);
    await nav(page).getByRole('link', { name: T('dak.nav.outageReport') }).click();
    await page.getByRole('heading', { level: 1, name: T('dak.outage.title') }).waitFor();
    // The test app's e-Office is down from the start: one outage, still going on.
    const outage = page.getByRole('combobox', { name: T('dak.outage.outage'), exact: true });
    await waitFor(async () => (await outage.locator('option').count()) > 1, { what: 'the outages listed' });
    await outage.selectOption({ index: 1 });
    const row = page.locator(`tr[data-ref="${ref}"]`);
    await row.waitFor();
    await row.getByText(T('dak.channel.WALK_IN'), { exact: true }).waitFor();
    await row.getByText(T('dak.status.CLOSED'), { exact: true }).waitFor();
    await shoot(page, 'dak-outage-report');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: T('dak.outage.csv') }).click()]);
    expect((await readFile((await csv.path())!)).toString('utf8')).toContain(ref);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: T('dak.outage.pdf') }).click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: T('dak.outage.verify') }).waitFor();
    await logOut(page);
  });

  it('the screens in the other language: the clerk’s in English, C’s and the report in Hindi; the Confidential item is not found for C, who never held it', async () => {
    const { page } = browser;
    const en = helpers('en');
    await en.logIn(page, CLERK);
    await page.goto('/dak/new');
    await page.getByRole('heading', { level: 1, name: en.T('dak.intake.title') }).waitFor();
    await en.shoot(page, 'dak-intake');
    await page.goto('/dak');
    await page.getByRole('link', { name: ref, exact: true }).waitFor();
    // Search: a Hindi word finds the Hindi subject, and the filters narrow it (both in the address).
    const search = page.getByRole('search', { name: en.T('dak.register.search') });
    await search.getByLabel(en.T('dak.register.q'), { exact: true }).fill('धरना');
    await search.getByLabel(en.T('dak.form.priority'), { exact: true }).selectOption('URGENT');
    await search.getByRole('button', { name: en.T('dak.register.submit') }).click();
    await page.waitForURL(/[?&]q=/);
    await page.getByRole('heading', { level: 2, name: en.T('dak.register.results', { count: 1 }) }).waitFor();
    await page.getByRole('link', { name: ref, exact: true }).waitFor();
    await en.shoot(page, 'dak-register');
    await page.goto('/dak/email');
    await page.getByText(en.T('dak.email.empty'), { exact: true }).waitFor();
    await en.shoot(page, 'dak-email');
    await en.logOut(page);

    const hi = helpers('hi');
    await hi.logIn(page, C);
    await page.goto('/dak/inbox');
    await page.getByText(hi.T('dak.inbox.empty'), { exact: true }).waitFor();
    await hi.shoot(page, 'dak-inbox');
    await page.goto(itemUrl);
    await hi.status(page, 'CLOSED').waitFor();
    await hi.shoot(page, 'dak-item-closed');
    await page.goto('/dak/files');
    await page.getByRole('link', { name: /FILE\/\d{4}\/\d{6}/ }).waitFor();
    await hi.shoot(page, 'dak-files');
    // Need-to-know: a graded item C never held is one that does not exist.
    await page.goto(mailUrl);
    await page.getByRole('heading', { level: 1, name: hi.T('notFound.title') }).waitFor();
    await hi.logOut(page);

    await hi.logIn(page, CLERK);
    await page.goto('/dak/outage-report');
    const outage = page.getByRole('combobox', { name: hi.T('dak.outage.outage'), exact: true });
    await waitFor(async () => (await outage.locator('option').count()) > 1, { what: 'the outages listed' });
    await outage.selectOption({ index: 1 });
    await page.locator(`tr[data-ref="${ref}"]`).waitFor();
    await hi.shoot(page, 'dak-outage-report');
    await hi.logOut(page);
  });

  it('has no serious or critical accessibility finding, sideways scroll on a phone, console error or CSP refusal on any screen', () => {
    expect(screens.shot).toEqual([
      'dak-intake-refused-hi',
      'dak-item-marked-hi',
      'dak-register-hi',
      'dak-email-hi',
      'dak-inbox-hi',
      'dak-item-forwarded-hi',
      'dak-item-received-en',
      'dak-item-closed-en',
      'dak-file-en',
      'dak-outage-report-en',
      'dak-intake-en',
      'dak-register-en',
      'dak-email-en',
      'dak-inbox-hi',
      'dak-item-closed-hi',
      'dak-files-hi',
      'dak-outage-report-hi',
    ]);
    expect(screens.found).toEqual([]);
    expect(screens.spilled).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
