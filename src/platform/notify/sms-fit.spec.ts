import fc from 'fast-check';
import { clustersOf, fitSms, preferGsm7, shorten } from './sms-fit';
import { smsSize } from './sms-parts';

// The shape of the Hindi duty SMS: fixed text, a post, a time and the slip link.
const LINK = `https://police-ops.bhopal.mp.gov.in/s/${'x'.repeat(40)}`;
const hindiDuty = (v: Readonly<Record<string, string>>) =>
  `ड्यूटी ${v.post}${v.more}, रिपोर्ट ${v.reportAt}। पर्ची ${v.link}`;
const englishDuty = (v: Readonly<Record<string, string>>) =>
  `${v.name}: duty at ${v.post}${v.more}, report ${v.reportAt}, ${v.event}. Slip: ${v.link} - Bhopal Police`;
const SHRINK = [
  { placeholder: 'event', min: 12 },
  { placeholder: 'name', min: 10 },
  { placeholder: 'post', min: 10 },
];
const DEVANAGARI_END_OF_CLUSTER_FORBIDDEN = /[\u094d\u200d]…?$/;

describe('clusters', () => {
  it('keeps conjuncts, matras and nukta forms whole', () => {
    expect(clustersOf('क्षत्रिय')).toEqual(['क्ष', 'त्रि', 'य']);
    expect(clustersOf('स्त्री सब्ज़ी')).toEqual(['स्त्री', ' ', 'स', 'ब्ज़ी']);
    expect(clustersOf('न्यू')).toEqual(['न्यू']);
  });
});

describe('shortening a value', () => {
  it('cuts at a word when that keeps most of it, and adds an ellipsis', () => {
    expect(shorten('पुराना सब्ज़ी मंडी चौराहा', 20, 5, 'UCS-2', '…')).toBe('पुराना सब्ज़ी मंडी…');
    expect(shorten('Old Sabzi Mandi square', 16, 5, 'GSM-7', '...')).toBe('Old Sabzi...');
  });

  it('never ends inside a cluster, even without a word boundary', () => {
    const cut = shorten('क्षत्रियक्षत्रियक्षत्रिय', 8, 2, 'UCS-2', '…');
    expect(shorten('क्षत्रियक्षत्रियक्षत्रिय', 7, 2, 'UCS-2', '…')).toBe('क्ष…');
    expect(cut).toBe('क्षत्रि…');
    expect(cut).not.toMatch(DEVANAGARI_END_OF_CLUSTER_FORBIDDEN);
  });

  it('keeps at least the minimum, whatever the room', () => {
    expect(shorten('पुराना सब्ज़ी मंडी चौराहा', 3, 6, 'UCS-2', '…')).toBe('पुराना…');
  });

  it('leaves a value that fits as it is', () => {
    expect(shorten('न्यू मार्केट', 40, 5, 'UCS-2', '…')).toBe('न्यू मार्केट');
  });
});

describe('fitting an SMS to its parts', () => {
  const long = {
    name: 'श्रीमती प्रियंका कुमारी शर्मा',
    event: 'गणेश विसर्जन',
    post: 'पुराना सब्ज़ी मंडी चौराहा, श्री हनुमान मंदिर के सामने',
    more: ' (+2)',
    reportAt: '28-11 21:30',
    link: LINK,
  };

  it('shortens a long Hindi post so the SMS takes two parts, keeping the link whole', () => {
    expect(smsSize(hindiDuty(long)).parts).toBe(3);
    const fitted = fitSms(hindiDuty, long, { maxParts: 2, shrink: SHRINK });
    expect(fitted).toMatchObject({ fits: true, size: { encoding: 'UCS-2', parts: 2 } });
    expect(fitted.text).toContain(LINK);
    expect(fitted.text).toContain(' (+2), रिपोर्ट 28-11 21:30।');
    expect(fitted.vars.post).toMatch(/^पुराना सब्ज़ी.*…$/);
    // Only the placeholder the Hindi text uses was touched.
    expect(Object.keys(fitted.shortened)).toEqual(['post']);
  });

  it('leaves a message that fits untouched', () => {
    const short = { ...long, post: 'न्यू मार्केट' };
    expect(fitSms(hindiDuty, short, { maxParts: 2, shrink: SHRINK })).toMatchObject({
      text: hindiDuty(short),
      shortened: {},
      fits: true,
    });
  });

  it('keeps an English SMS in GSM-7, with "..." and not "…"', () => {
    const english = {
      name: 'Smt. Priyanka Kumari Sharma Chaturvedi',
      event: 'Shri Ganesh Visarjan procession bandobast 2026, Old Bhopal, and the immersion at Khatlapura ghat',
      post: 'Old Sabzi Mandi square, opposite Shri Hanuman temple, near the Peer Gate police assistance booth',
      more: '',
      reportAt: '28-11 21:30',
      link: LINK,
    };
    const fitted = fitSms(englishDuty, english, { maxParts: 2, shrink: SHRINK });
    expect(fitted).toMatchObject({ fits: true, size: { encoding: 'GSM-7', parts: 2 } });
    expect(fitted.vars.event).toMatch(/\.\.\.$/);
    expect(fitted.text).not.toContain('…');
  });

  it('says when even the minimums do not fit, and when sending cuts below them to fit', () => {
    const tight = (v: Readonly<Record<string, string>>) => `${'क'.repeat(126)} ${v.post}`;
    const vars = { post: 'पुराना सब्ज़ी मंडी' };
    const checked = fitSms(tight, vars, { maxParts: 2, shrink: SHRINK });
    expect(checked).toMatchObject({ fits: false, size: { parts: 3 } });
    const sent = fitSms(tight, vars, { maxParts: 2, shrink: SHRINK, belowMinimum: true });
    expect(sent).toMatchObject({ fits: true, size: { parts: 2 } });
    expect(sent.vars.post).toBe('पुराना…');
  });

  describe('properties', () => {
    const devanagariWord = fc
      .array(fc.constantFrom('क', 'ख', 'ग', 'न', 'म', 'र', 'स', 'ह', 'क्ष', 'त्र', 'ज्ञ', 'स्त्र', 'ब्ज़'), { minLength: 1, maxLength: 6 })
      .chain((consonants) =>
        fc.tuple(...consonants.map((c) => fc.tuple(fc.constant(c), fc.constantFrom('', 'ा', 'ि', 'ी', 'ु', 'ू', 'े', 'ो', 'ं', 'ँ')))),
      )
      .map((pairs) => pairs.map(([c, m]) => c + m).join(''));
    const hindiText = (maxWords: number) => fc.array(devanagariWord, { minLength: 1, maxLength: maxWords }).map((w) => w.join(' ').slice(0, 200));
    const latinText = (maxWords: number) =>
      fc.array(fc.stringMatching(/^[A-Z][a-z]{1,11}$/), { minLength: 1, maxLength: maxWords }).map((w) => w.join(' ').slice(0, 200));

    it('never lets a Hindi duty SMS exceed two parts, for any post of realistic length', () => {
      fc.assert(
        fc.property(hindiText(30), fc.constantFrom('', ' (+1)', ' (+2)'), (post, more) => {
          const vars = { ...long, post, more };
          const fitted = fitSms(hindiDuty, vars, { maxParts: 2, shrink: SHRINK, belowMinimum: true });
          expect(fitted.fits).toBe(true);
          expect(smsSize(fitted.text).parts).toBeLessThanOrEqual(2);
          expect(fitted.text.endsWith(LINK)).toBe(true);
          // A shortened post is a cluster-aligned prefix of the original, then an ellipsis.
          const kept = fitted.vars.post!.replace(/…$/, '');
          expect(post.startsWith(kept)).toBe(true);
          expect(clustersOf(post).join('').startsWith(kept)).toBe(true);
          expect(kept).not.toMatch(DEVANAGARI_END_OF_CLUSTER_FORBIDDEN);
          const boundaries = new Set(clustersOf(post).map((_, i, all) => all.slice(0, i + 1).join('').length));
          if (kept.length < post.length) expect(boundaries.has(kept.length) || kept.trimEnd() !== kept).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('never lets an English duty SMS exceed two parts, for any names and posts', () => {
      fc.assert(
        fc.property(latinText(8), latinText(30), latinText(30), (name, event, post) => {
          const fitted = fitSms(englishDuty, { ...long, name, event, post, more: '' }, { maxParts: 2, shrink: SHRINK, belowMinimum: true });
          expect(fitted.fits).toBe(true);
          expect(fitted.size).toMatchObject({ encoding: 'GSM-7' });
          expect(fitted.size.parts).toBeLessThanOrEqual(2);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('preferring GSM-7', () => {
  it('replaces typographic quotes, dashes and spaces when that makes the text GSM-7', () => {
    expect(preferGsm7('Duty 06:00–14:00 at “New Market” … Bhopal’s')).toBe('Duty 06:00-14:00 at "New Market" ... Bhopal\'s');
  });

  it('leaves a text that is UCS-2 anyway as it was', () => {
    expect(preferGsm7('ड्यूटी 06:00–14:00')).toBe('ड्यूटी 06:00–14:00');
  });
});
