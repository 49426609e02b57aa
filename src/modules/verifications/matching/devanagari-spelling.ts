import { cleanText } from './name-key';

/**
 * A Latin-script name written in Devanagari as a clerk would write it from hearing it:
 * "Rajesh Kumar" → "राजेश कुमार". The reverse of `latinSpelling`, for an application that came
 * with the name in English only: the Hindi form is shown marked as derived, never as what the
 * applicant wrote. It is a phonetic sketch (Krishna comes out क्रिश्ना, Rajesh रजेश); the records
 * check matches on the name key, which reads both the same.
 */
const CONSONANTS: ReadonlyArray<readonly [string, string]> = [
  ['ksh', 'क्ष'], ['chh', 'छ'], ['gy', 'ज्ञ'], ['kh', 'ख'], ['gh', 'घ'], ['ch', 'च'], ['jh', 'झ'],
  ['th', 'थ'], ['dh', 'ध'], ['ph', 'फ'], ['bh', 'भ'], ['sh', 'श'], ['k', 'क'], ['g', 'ग'],
  ['c', 'क'], ['j', 'ज'], ['t', 'त'], ['d', 'द'], ['n', 'न'], ['p', 'प'], ['f', 'फ़'], ['b', 'ब'],
  ['m', 'म'], ['y', 'य'], ['r', 'र'], ['l', 'ल'], ['v', 'व'], ['w', 'व'], ['s', 'स'], ['h', 'ह'],
  ['z', 'ज़'], ['q', 'क'], ['x', 'क्स'],
];
/** Each vowel as a letter of its own and as the sign on a consonant. */
const VOWELS: ReadonlyArray<readonly [string, string, string]> = [
  ['aa', 'आ', 'ा'], ['ai', 'ऐ', 'ै'], ['au', 'औ', 'ौ'], ['ee', 'ई', 'ी'], ['ii', 'ई', 'ी'],
  ['oo', 'ऊ', 'ू'], ['ou', 'औ', 'ौ'], ['a', 'अ', ''], ['i', 'इ', 'ि'], ['u', 'उ', 'ु'],
  ['e', 'ए', 'े'], ['o', 'ओ', 'ो'],
];
const HALANT = '्';

function match<T extends readonly [string, ...string[]]>(table: readonly T[], word: string, at: number): T | undefined {
  return table.find(([latin]) => word.startsWith(latin, at));
}

function devanagariWord(word: string): string {
  let out = '';
  let afterConsonant = false;
  for (let i = 0; i < word.length; ) {
    const vowel = match(VOWELS, word, i);
    if (vowel) {
      const [latin, letter, sign] = vowel;
      const last = i + latin.length === word.length;
      // A name's closing a is long as Hindi writes it (Sharma शर्मा); a long ā inside a name is
      // written a in English (Rajesh) and comes out short (रजेश): a sketch, marked derived.
      const shown = afterConsonant ? (last && latin === 'a' ? 'ा' : sign) : letter;
      out += shown;
      afterConsonant = false;
      i += latin.length;
      continue;
    }
    const consonant = match(CONSONANTS, word, i);
    if (!consonant) {
      out += word[i];
      afterConsonant = false;
      i++;
      continue;
    }
    if (afterConsonant) out += HALANT;
    out += consonant[1];
    afterConsonant = true;
    i += consonant[0].length;
  }
  return out;
}

export function devanagariSpelling(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[a-z]+/g, devanagariWord))
    .join(' ');
}
