import fc from 'fast-check';
import { transliterateWord } from './devanagari';
import {
  foldLatin,
  keyedFromKey,
  keyName,
  latinSpelling,
  nameKey,
  parseRelative,
  skeletonOf,
} from './name-key';
import * as P from './testing/name-parts';

describe('the name key', () => {
  it.each([
    // The pairs.
    ['राजेश कुमार', 'Rajesh Kumar', 'rajes kumar'],
    ['मोहम्मद इरफ़ान', 'Mohd. Irfan', 'mohamad irfan'],
    ['श्याम', 'Shyam', 'syam'],
    ['क्षितिज', 'Kshitij', 'ksitij'],
    // The usual variants.
    ['Xitij', 'Kshitij', 'ksitij'],
    ['Muhammad Irfan', 'Mohammed Irfan', 'mohamad irfan'],
    ['Md. Irfan', 'MOHD IRFAN', 'mohamad irfan'],
    ['Suresh', 'Sures', 'sures'],
    ['Vikas', 'Wikas', 'vikas'],
    ['Pooja', 'Puja', 'puja'],
    ['Deepak', 'Dipak', 'dipak'],
    ['Preeti', 'Priti', 'priti'],
    ['Phoolwati', 'Fulwati', 'fulvati'],
    ['Aziz', 'Ajij', 'ajij'],
    ['Choudhary', 'Chaudhari', 'chodhari'],
    ['चौधरी', 'Chaudhary', 'chodhari'],
    ['Sanjay', 'Sanjai', 'sanjai'],
    ['Pandey', 'पांडे', 'pande'],
    ['Uikey', 'उइके', 'uike'],
    ['Dhurwey', 'धुर्वे', 'dhurve'],
    ['Bhuria', 'भूरिया', 'bhuriya'],
    ['Rajender', 'राजेन्द्र', 'rajendar'],
    ['Sukhwinder Singh', 'सुखविंदर सिंह', 'sukhvindar singh'],
    ['Qureshi', 'क़ुरैशी', 'kuresi'],
    ['Siddiqui', 'सिद्दीकी', 'sidiki'],
    ['Siddharth', 'Sidharth', 'sidharth'],
    ['Malviya', 'मालवीय', 'malviya'],
    ['Gurpreet Kaur', 'गुरप्रीत कौर', 'gurprit kor'],
    ['Harbhajan Singh', 'हरभजन सिंह', 'harbhajan singh'],
    ['Ramkali', 'रामकली', 'ramkali'],
    // English names as Hindi writes them.
    ['Samuel', 'सैमुअल', 'samuel'],
    ['Mathew', 'मैथ्यू', 'mathev'],
    ['Peter', 'पीटर', 'petar'],
  ])('%s and %s share the key %s', (a, b, key) => {
    expect(nameKey(a)).toBe(key);
    expect(nameKey(b)).toBe(key);
  });

  it('drops the schwa Hindi does not say', () => {
    expect(transliterateWord('राजेश')).toBe('raajesh');
    expect(transliterateWord('राम')).toBe('raam');
    expect(transliterateWord('कमला')).toBe('kamlaa');
    expect(transliterateWord('गणपत')).toBe('ganpat');
    expect(transliterateWord('हरभजन')).toBe('harbhajan');
    // Compounds lose the schwa at the end of each part.
    expect(transliterateWord('रामचरण')).toBe('raamcharan');
    expect(transliterateWord('रतनलाल')).toBe('ratanlaal');
    expect(transliterateWord('अमरजीत')).toBe('amarjeet');
    expect(transliterateWord('हेमलता')).toBe('hemlataa');
    // Kept after a cluster ending in r, l, y, v, n, and in -iya.
    expect(transliterateWord('चन्द्र')).toBe('chandra');
    expect(transliterateWord('शुक्ल')).toBe('shukla');
    expect(transliterateWord('आदित्य')).toBe('aaditya');
    expect(transliterateWord('वसन्त')).toBe('vasant');
    expect(transliterateWord('मालवीय')).toBe('maalveeya');
  });

  it('reads nukta, anusvara and chandrabindu, and the conjuncts क्ष and ज्ञ', () => {
    expect(nameKey('ज़ाकिर')).toBe(nameKey('जाकिर'));
    expect(nameKey('फ़रहान')).toBe(nameKey('फरहान'));
    expect(transliterateWord('पहाड़िया')).toBe('pahaariyaa');
    expect(transliterateWord('संपत')).toBe('sampat');
    expect(transliterateWord('सिंह')).toBe('singh');
    expect(transliterateWord('चाँद')).toBe('chaand');
    expect(transliterateWord('क्षितिज')).toBe('kshitij');
    expect(transliterateWord('ज्ञानचंद')).toBe('gyaanchand');
  });

  it('writes parts often joined to a name apart: Singh, Lal, Prasad, Das, Bai …', () => {
    expect(nameKey('मानसिंह')).toBe('man singh');
    expect(nameKey('Man Singh')).toBe('man singh');
    expect(nameKey('Mohanlal')).toBe(nameKey('Mohan Lal'));
    expect(nameKey('कामताप्रसाद')).toBe(nameKey('Kamta Prasad'));
    expect(nameKey('भगवानदास')).toBe(nameKey('Bhagwan Das'));
    expect(nameKey('गीताबाई')).toBe(nameKey('Geeta Bai'));
    expect(nameKey('तेरसिंह')).toBe(nameKey('Ter Singh'));
    // Not when too little would be left.
    expect(nameKey('Bilal')).toBe('bilal');
    expect(nameKey('Vikram')).toBe('vikram');
  });

  it('strips titles and honorifics in either script, and the trailing ji', () => {
    expect(nameKey('Shri Ramesh Sharma')).toBe('rames sarma');
    expect(nameKey('Smt. Kamla Bai')).toBe('kamla bai');
    expect(nameKey('Dr. Zakir Hussain')).toBe('jakir husain');
    expect(nameKey('Late Shri Dayaram')).toBe('dayaram');
    expect(nameKey('श्रीमती कमला बाई')).toBe('kamla bai');
    expect(nameKey('स्व. श्री रामप्रसाद')).toBe('ram prasad');
    expect(nameKey('डॉ. सैयद अली')).toBe('syed ali');
    expect(nameKey('Sharma ji')).toBe('sarma');
    expect(nameKey('Sardar Harbhajan Singh')).toBe('harbhajan singh');
    expect(nameKey('Sardar Khan')).toBe('sardar khan');
    // A title alone is all there is, so it stays.
    expect(nameKey('Shri')).toBe('sri');
  });

  it('reads initials, dotted or run together, in Latin and in Hindi letter names', () => {
    for (const n of ['R. K. Sharma', 'R.K. Sharma', 'RK Sharma', 'आर. के. शर्मा', 'आर.के. शर्मा'])
      expect(nameKey(n)).toBe('r k sarma');
    expect(nameKey('SK Mishra')).toBe('s k misra');
    expect(nameKey('Sk. Salim')).toBe('saikh salim');
  });

  it('is the same for NFC and NFD input, with or without ZWJ/ZWNJ, and for capitals and diacritics', () => {
    const nfc = 'इमरान \u0958ुरैशी';
    expect(nameKey(nfc.normalize('NFD'))).toBe(nameKey(nfc));
    expect(nameKey('नरेन्\u200dद्र')).toBe(nameKey('नरेन्द्र'));
    expect(nameKey('राज\u200cकुमार')).toBe(nameKey('राजकुमार'));
    expect(nameKey('RĀJEŚH ŚUKLĀ')).toBe(nameKey('राजेश शुक्ला'));
    expect(nameKey('\ufeffRajesh\u00ad Kumar')).toBe('rajes kumar');
  });

  it('splits words where the script changes, so mixed writing keys as the two scripts', () => {
    expect(nameKey('Rajesh कुमार')).toBe('rajes kumar');
    expect(nameKey('राजेशKumar')).toBe('rajes kumar');
  });

  it('keeps an alias apart, with the family name', () => {
    expect(nameKey('Ramesh Yadav urf Pappu')).toBe('rames yadav / papu yadav');
    expect(nameKey('रमेश उर्फ़ पप्पू')).toBe('rames / papu');
    expect(keyedFromKey('rames yadav / papu yadav')).toEqual(keyName('Ramesh Yadav urf Pappu'));
  });

  it('reads the relation in front of a relative’s name', () => {
    expect(parseRelative('S/o Ramesh Kumar')).toEqual({ relation: 'FATHER', name: 'Ramesh Kumar' });
    expect(parseRelative('D/O Ramesh')).toEqual({ relation: 'FATHER', name: 'Ramesh' });
    expect(parseRelative('W/o. Suresh')).toEqual({ relation: 'HUSBAND', name: 'Suresh' });
    expect(parseRelative('पुत्र श्री रमेश')).toEqual({ relation: 'FATHER', name: 'रमेश' });
    expect(parseRelative('पुत्री सैमुअल लकड़ा')).toEqual({ relation: 'FATHER', name: 'सैमुअल लकड़ा' });
    expect(parseRelative('पत्नी सुरेश')).toEqual({ relation: 'HUSBAND', name: 'सुरेश' });
    expect(parseRelative('वल्द रमेश')).toEqual({ relation: 'FATHER', name: 'रमेश' });
    expect(parseRelative('Sohan Lal')).toEqual({ relation: null, name: 'Sohan Lal' });
    expect(parseRelative('पुत्रन')).toEqual({ relation: null, name: 'पुत्रन' });
  });

  it('spells a Hindi name in Latin letters as people write it', () => {
    expect(latinSpelling('राजेश कुमार')).toBe('Rajesh Kumar');
    expect(latinSpelling('मोहम्मद इरफ़ान')).toBe('Mohammad Irfan');
    expect(latinSpelling('दीपक मालवीय')).toBe('Deepak Malviya');
    expect(latinSpelling('जगदीश प्रसाद')).toBe('Jagdish Prasad');
    expect(latinSpelling('जसवंत सिंह')).toBe('Jaswant Singh');
  });

  it('has a skeleton that sets aside short a, aspiration and b/v', () => {
    expect(skeletonOf('ramacharan')).toBe(skeletonOf('ramcharan'));
    expect(skeletonOf('binod')).toBe(skeletonOf('vinod'));
    expect(skeletonOf('kamla')).not.toBe(skeletonOf('kamal'));
  });
});

/** A name built from real name parts, in one script, with its Latin spellings chosen at random. */
const PART_LISTS = [
  P.HINDU_MALE,
  P.HINDU_FEMALE,
  P.HINDU_SURNAME,
  P.MUSLIM_MALE,
  P.MUSLIM_SURNAME,
  P.SIKH_MALE,
  P.TRIBAL_MALE,
  P.TRIBAL_SURNAME,
  P.CHRISTIAN_SURNAME,
];
const namePart = fc.constantFrom(...PART_LISTS.flat());
const nameParts = fc.array(namePart, { minLength: 1, maxLength: 4 });
const latinName = nameParts.chain((parts) =>
  fc.tuple(...parts.map((p) => fc.constantFrom(...p.en))).map((s) => s.join(' ')),
);
const anyName = fc.oneof(
  latinName,
  nameParts.map((parts) => parts.map((p) => p.hi).join(' ')),
);
const decorated = fc
  .tuple(
    anyName,
    fc.constantFrom('', 'Shri ', 'Smt. ', 'श्री ', 'Dr. '),
    fc.constantFrom('', ' ', '  '),
    fc.boolean(),
  )
  .map(([n, title, space, upper]) => `${title}${space}${upper ? n.toUpperCase() : n}`);

describe('the name key (properties)', () => {
  it('is idempotent: the key of a key is the key', () => {
    fc.assert(fc.property(decorated, (n) => nameKey(nameKey(n)) === nameKey(n)));
  });

  it('folds Latin to a fixed point', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zA-Z]{0,16}$/),
        (s) => foldLatin(foldLatin(s)) === foldLatin(s),
      ),
    );
  });

  it('does not depend on Unicode normalisation, joiners, case, spacing or punctuation', () => {
    fc.assert(
      fc.property(
        decorated,
        fc.constantFrom('NFC', 'NFD', 'NFKC', 'NFKD') as fc.Arbitrary<
          'NFC' | 'NFD' | 'NFKC' | 'NFKD'
        >,
        (n, form) => {
          const noisy = n
            .normalize(form)
            .replace(/ /g, ' \u200c')
            .replace(/्/g, '्\u200d')
            .toLowerCase();
          return nameKey(noisy) === nameKey(n) && nameKey(n.replace(/ /g, ', ')) === nameKey(n);
        },
      ),
    );
  });

  it('gives a name written in Devanagari the key of its transliteration (script-invariant)', () => {
    fc.assert(
      fc.property(nameParts, (parts) => {
        const hi = parts.map((p) => p.hi).join(' ');
        return nameKey(latinSpelling(hi)) === nameKey(hi);
      }),
    );
  });

  it('never puts characters outside a–z, space and "/" in a key of a name', () => {
    fc.assert(fc.property(decorated, (n) => /^[a-z /]*$/.test(nameKey(n))));
  });
});
