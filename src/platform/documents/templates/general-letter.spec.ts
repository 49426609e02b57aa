import { renderPdf } from '../pdf';
import { Poppler } from '../pdf/testing/poppler';
import { TemplateStore } from './template-store';

describe('general letter template rendered to PDF', () => {
  let poppler: Poppler;

  beforeAll(async () => {
    poppler = await Poppler.create();
  });

  afterAll(async () => {
    await poppler.dispose();
  });

  it('produces a searchable Hindi letter with the filled-in subject and body', async () => {
    const letter = new TemplateStore().render('letters', 'general-letter', 'hi', {
      recipient: 'पुलिस अधीक्षक,\nज़िला रायसेन',
      subject: 'कैरेक्टर वेरिफिकेशन',
      body: 'श्रीमती क्षत्रिय द्वितीय का कैरेक्टर वेरिफिकेशन पूर्ण हो गया है।',
    });
    const pdf = await renderPdf({
      language: 'hi',
      title: letter.title ?? 'पत्र',
      letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
      reference: 'VER/2026/000077',
      issuedAt: new Date('2026-03-05T06:00:00Z'),
      documentId: 'letter-test',
      blocks: [
        ...letter.blocks,
        { kind: 'signature', nameHi: 'हरिनारायणचारी मिश्र', designation: 'पुलिस आयुक्त, भोपाल' },
      ],
    });
    const text = (await poppler.pagesText(pdf)).join('\n');
    expect(text).toContain('विषय: कैरेक्टर वेरिफिकेशन');
    expect(text).toContain('श्रीमती क्षत्रिय द्वितीय का कैरेक्टर वेरिफिकेशन पूर्ण हो गया है।');
    expect(text).toContain('ज़िला रायसेन');
    expect(text).toContain('क्रमांक: VER/2026/000077');
  });
});
