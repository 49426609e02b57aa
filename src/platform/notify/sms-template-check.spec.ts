import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_DECLARATIONS, TemplateStore } from '../documents/templates';
import { checkSmsTemplates, formatSmsTemplateCheck, SMS_CHECK_BASE_URL, smsTemplateProblems } from './sms-template-check';

describe('the SMS template check', () => {
  describe('with the shipped templates', () => {
    const rows = checkSmsTemplates(new TemplateStore());

    it('passes every template, at a public address as long as a state host gets', () => {
      expect(SMS_CHECK_BASE_URL.length).toBeGreaterThanOrEqual(35);
      expect(smsTemplateProblems(rows)).toEqual([]);
    });

    it('keeps every duty SMS to two parts in Hindi and English, the slip link whole', () => {
      const duty = rows.filter((r) => r.template.startsWith('duty-'));
      expect(duty.map((r) => `${r.template}.${r.language}`).sort()).toEqual(
        ['duty-cancelled.en', 'duty-cancelled.hi', 'duty-slip-changed.en', 'duty-slip-changed.hi', 'duty-slip.en', 'duty-slip.hi'],
      );
      for (const r of duty) {
        expect(r).toMatchObject({ maxParts: 2, problem: null });
        expect(r.parts).toBeLessThanOrEqual(2);
        expect(r.encoding).toBe(r.language === 'hi' ? 'UCS-2' : 'GSM-7');
        if (r.template !== 'duty-cancelled') expect(r.text).toContain(`${SMS_CHECK_BASE_URL}/s/${'x'.repeat(40)}`);
      }
    });

    it('shows the part count of every SMS template in every language it is sent in', () => {
      const declared = TEMPLATE_DECLARATIONS.filter((d) => d.kind === 'messages');
      for (const d of declared) {
        const languages = rows.filter((r) => r.template === d.name).map((r) => r.language);
        expect(languages).toEqual(d.sms?.bilingual ? ['hi', 'en', 'bi'] : ['hi', 'en']);
      }
      const table = formatSmsTemplateCheck(rows);
      expect(table.split('\n')[0]).toMatch(/^template\s+lang\s+encoding\s+chars\s+units\s+parts\s+limit/);
      expect(table).toMatch(/duty-slip\s+hi\s+UCS-2\s+\d+\s+\d+\s+2\s+2\s+post \d+→\d+\s+ok/);
    });
  });

  describe('with an office edit', () => {
    let root: string;
    const declaration = TEMPLATE_DECLARATIONS.find((d) => d.kind === 'messages' && d.name === 'duty-slip')!;
    const store = () => new TemplateStore({ rootDir: root, declarations: [declaration] });
    const write = (lang: string, text: string) => writeFile(join(root, 'messages', `duty-slip.${lang}.txt`), text);

    beforeEach(async () => {
      root = await mkdtemp(join(tmpdir(), 'sms-check-'));
      await mkdir(join(root, 'messages'));
      await write('en', '{{name}}: duty at {{post}}{{more}}, report {{reportAt}}. Slip: {{link}}\n');
    });
    afterEach(() => rm(root, { recursive: true, force: true }));

    it('fails the old four-part Hindi duty SMS, naming its file and its parts', async () => {
      // The text the issue found: name, event, post and the labels, then the link.
      await write('hi', '{{name}}, {{event}} हेतु आपकी ड्यूटी: {{post}}, रिपोर्टिंग {{reportAt}}। पर्ची: {{link}} - भोपाल पुलिस\n');
      const [problem] = smsTemplateProblems(checkSmsTemplates(store()));
      expect(problem).toMatch(/^templates\/messages\/duty-slip\.hi\.txt: 3 SMS parts \(UCS-2, \d+ UTF-16 units\)/);
      expect(problem).toContain('at most 2 allowed');
    });

    it('passes a short Hindi text, shortening the post to fit', async () => {
      await write('hi', 'ड्यूटी {{post}}{{more}}, रिपोर्ट {{reportAt}}। पर्ची {{link}}\n');
      const rows = checkSmsTemplates(store());
      expect(smsTemplateProblems(rows)).toEqual([]);
      expect(rows.find((r) => r.language === 'hi')!.shortened).toEqual({ post: { from: expect.any(Number), to: expect.any(Number) } });
    });

    it('measures the links with the app’s own address: a long one can push a template over', async () => {
      await write('hi', 'ड्यूटी {{post}}{{more}}, रिपोर्ट {{reportAt}}। पर्ची {{link}}\n');
      expect(smsTemplateProblems(checkSmsTemplates(store(), 'https://a.in'))).toEqual([]);
      const long = `https://${'duty-charts.'.repeat(4)}bhopal.mp.gov.in`;
      expect(smsTemplateProblems(checkSmsTemplates(store(), long))).toHaveLength(1);
    });

    it('names an English template that an en dash turns into UCS-2', async () => {
      await write('en', '{{name}}: duty at {{post}}{{more}} – report {{reportAt}}. Slip: {{link}} ✓\n');
      await write('hi', 'ड्यूटी {{post}}{{more}}, रिपोर्ट {{reportAt}}। पर्ची {{link}}\n');
      const en = checkSmsTemplates(store()).find((r) => r.language === 'en')!;
      expect(en.encoding).toBe('UCS-2');
      expect(en.notGsm7).toEqual(expect.arrayContaining(['–', '✓']));
    });
  });
});
