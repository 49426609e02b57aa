import type { SlipContent, SlipDuty } from '../publish/slip-content';
import { slipPageHtml, slipProblemHtml } from './slip-page';

const duty = (over: Partial<SlipDuty> = {}): SlipDuty => ({
  shiftCode: 'P1-N',
  postCode: 'P1',
  postName: 'New Market square',
  postNameHi: 'न्यू मार्केट चौराहा',
  postKind: 'FIXED_POINT',
  location: 'New Market square, gate 1',
  lat: 23.2336,
  lng: 77.4006,
  sector: 'Sector 1 (D1-S1)',
  division: 'Division 1 (D1)',
  // 22:00 IST on 27-11-2026 to 06:00 the next morning; report at 21:30.
  start: '2026-11-27T16:30:00.000Z',
  end: '2026-11-28T00:30:00.000Z',
  reportAt: '2026-11-27T16:00:00.000Z',
  slotRank: 'CONSTABLE',
  inCharge: { rank: 'INSPECTOR', beltNo: 'BPL-9', nameEn: 'Suresh', nameHi: 'सुरेश', mobile: '94250 12345' },
  equipment: 'Lathi, helmet',
  briefing: null,
  ...over,
});

const content = (duties: SlipDuty[]): SlipContent => ({
  bandobast: { ref: 'BDB/2026/000007', nameEn: 'Durga visarjan', nameHi: 'दुर्गा विसर्जन' },
  officer: {
    id: 'o',
    beltNo: 'BPL-41',
    nameEn: 'Ramesh',
    nameHi: 'रमेश',
    rank: 'CONSTABLE',
    unitNameEn: 'TT Nagar',
    unitNameHi: 'टीटी नगर',
  },
  duties,
});

describe('the duty slip phone page', () => {
  it('prints the reporting time on the 24-hour IST clock with its date as dd-mm-yyyy, and a night shift across midnight', () => {
    const html = slipPageHtml(content([duty()]), 'tok/pdf', { lead: 'hi' });
    expect(html).toContain('<span class="when">21:30</span> <span class="day">27-11-2026</span>');
    expect(html).toContain('27-11-2026 22:00 – 28-11-2026 06:00');
  });

  it('leads with the SMS language and always shows the other', () => {
    const hi = slipPageHtml(content([duty()]), 'tok/pdf', { lead: 'hi' });
    const en = slipPageHtml(content([duty()]), 'tok/pdf', { lead: 'en' });
    expect(hi).toContain('<html lang="hi">');
    expect(en).toContain('<html lang="en">');
    expect(hi.indexOf('रिपोर्टिंग समय')).toBeLessThan(hi.indexOf('Report at'));
    expect(en.indexOf('Report at')).toBeLessThan(en.indexOf('रिपोर्टिंग समय'));
    expect(hi.indexOf('न्यू मार्केट चौराहा')).toBeLessThan(hi.indexOf('New Market square</span>'));
  });

  it('dials the in-charge’s mobile as digits, and offers no call without a mobile', () => {
    expect(slipPageHtml(content([duty()]), 'tok/pdf', { lead: 'hi' })).toContain('href="tel:9425012345"');
    const none = slipPageHtml(
      content([duty({ inCharge: { ...duty().inCharge!, mobile: null } })]),
      'tok/pdf',
      { lead: 'hi' },
    );
    expect(none).not.toContain('tel:');
    expect(none).toContain('सुरेश');
  });

  it('puts the pin on the phone’s own map with a geo: link, and says so when a post has no place', () => {
    const html = slipPageHtml(content([duty()]), 'tok/pdf', { lead: 'hi' });
    expect(html).toContain('href="geo:23.233600,77.400600?q=23.233600,77.400600(P1%20New%20Market%20square)"');
    expect(html).toContain('23.23360, 77.40060');
    const nowhere = slipPageHtml(content([duty({ lat: null, lng: null })]), 'tok/pdf', { lead: 'en' });
    expect(nowhere).not.toContain('geo:');
    expect(nowhere).toContain('This post has no place on the map.');
  });

  it('numbers the duties when there are several, and says when a later version changed the slip', () => {
    const html = slipPageHtml(content([duty(), duty({ shiftCode: 'P2-A', postCode: 'P2' })]), 'tok/pdf', {
      lead: 'en',
      changedAt: new Date('2026-11-26T18:45:00.000Z'),
    });
    expect(html).toContain('Duty 1');
    expect(html).toContain('ड्यूटी 2');
    expect(html).toContain('This slip was changed on 27-11-2026 00:15.');
    expect(html).toContain('यह पर्ची 27-11-2026 00:15 पर बदली गई।');
  });

  it('escapes whatever the roll and the bandobast say', () => {
    const c = content([duty({ location: '<script>alert(1)</script>', briefing: '"><img src=x>' })]);
    c.officer.nameEn = `O'Brien & <b>`;
    const html = slipPageHtml(c, 'tok"/pdf', { lead: 'en' });
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('O&#39;Brien &#38; &#60;b&#62;');
    expect(html).toContain('href="tok&#34;/pdf"');
  });

  it('says an expired, forged or cancelled link in both languages, and which bandobast was cancelled', () => {
    for (const kind of ['expired', 'invalid', 'cancelled'] as const) {
      const html = slipProblemHtml(kind, 'en');
      expect(html).toContain(`data-problem="${kind}"`);
      expect(html).toMatch(/<div lang="en"><h1>[^<]+<\/h1>/);
      expect(html).toMatch(/<div lang="hi" class="second"><p><strong>[^<]+<\/strong>/);
    }
    const cancelled = slipProblemHtml('cancelled', 'hi', {
      bandobast: content([]).bandobast,
      at: new Date('2026-11-25T04:30:00.000Z'),
    });
    expect(cancelled).toContain('<h1>यह ड्यूटी निरस्त कर दी गई है</h1>');
    expect(cancelled).toContain('दुर्गा विसर्जन');
    expect(cancelled).toContain('Durga visarjan');
    expect(cancelled).toContain('निरस्त: 25-11-2026 10:00');
    expect(cancelled).toContain('Cancelled: 25-11-2026 10:00');
  });
});
