import {
  displayLatin,
  isDevanagari,
  isDevanagariSign,
  transliterateDevanagari,
  transliterateWord,
} from './devanagari';

/**
 * The name key: a person's name, in either script, folded to a phonetic key that the usual
 * spellings of the same name share. "राजेश कुमार", "Rajesh Kumar" and "RAJESH KUMAR" are all
 * `rajes kumar`; "मोहम्मद इरफ़ान" and "Mohd. Irfan" are `mohamad irfan`; "क्षितिज", "Kshitij"
 * and "Xitij" are `ksitij`.
 *
 * Steps: Unicode clean-up (NFKD, accents, zero-width joiners) → words, split where the script
 * changes → titles dropped (Shri, Smt, Dr, श्री, स्व. …) → Devanagari transliterated (schwa
 * deleted) → Latin folded (sh→s, w→v, ph→f, z→j, x→ks, doubled letters and long vowels
 * single, …) → common name spellings mapped to one (Mohd/Muhammad, Chaudhary/Choudhari …).
 *
 * Bump KEY_VERSION whenever a change here changes any key: stored keys of another version
 * are recomputed from the name as written.
 */
export const KEY_VERSION = 1;

/** One part of a name in the key. */
export interface NameToken {
  /** Folded phonetic key of this part: "rajes". */
  key: string;
  /** The key with short a between consonants, aspiration and b/v ignored: "rjes". */
  skeleton: string;
  /** A single letter standing for a name, as "R." in "R. K. Sharma". */
  initial: boolean;
  /** How much this part says about who someone is: 1; 0.35 for Kumar, Devi, Bai …; less for initials. */
  weight: number;
}

/** A name's key: its alternatives (a record may give an alias, "Ramesh urf Pappu"). */
export interface KeyedName {
  /** "rajes kumar"; alternatives joined by " / ". */
  key: string;
  alternatives: NameToken[][];
}

const ZERO_WIDTH_AND_FORMAT = /\p{Cf}|\u034f|\u115f|\u1160|\u3164/gu;
/** Combining marks; those of Devanagari (matras, virama, nukta …) are the letters' own and stay. */
const MARKS = /\p{M}/gu;

/**
 * NFKD (so precomposed nukta letters, accents and full-width letters all come apart the same
 * way), Latin accents dropped (ā → a, ś → s), zero-width joiners and other invisible format
 * characters removed (ZWJ/ZWNJ only change how a conjunct is drawn, never the name).
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, (m) => (isDevanagari(m) ? m : ''))
    .replace(ZERO_WIDTH_AND_FORMAT, '');
}

type Script = 'deva' | 'latn' | 'digit' | 'other';

interface RawToken {
  text: string;
  script: Script;
  /** Written with a full stop after it: an initial or an abbreviation. */
  dotted: boolean;
}

function scriptOf(ch: string): Script | null {
  if (/[0-9]/.test(ch)) return 'digit';
  if (isDevanagari(ch)) {
    if (/[\u0966-\u096f]/.test(ch)) return 'digit';
    if (ch === '।' || ch === '॥') return null;
    return 'deva';
  }
  if (/[A-Za-z]/.test(ch)) return 'latn';
  if (/[\p{L}\p{M}]/u.test(ch)) return 'other';
  return null;
}

/** Words of a cleaned text; a word never mixes scripts ("Rajeshकुमार" is two words). */
function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  let cur: RawToken | null = null;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    // An apostrophe inside a Latin word joins it: D'Souza.
    if ((ch === "'" || ch === '’') && cur?.script === 'latn' && /[A-Za-z]/.test(chars[i + 1] ?? ''))
      continue;
    let script = scriptOf(ch);
    // A Devanagari sign after a word of another script still belongs to Devanagari.
    if (script === 'deva' && isDevanagariSign(ch) && cur && cur.script !== 'deva') script = 'deva';
    if (script === null) {
      if (cur) out.push(cur);
      if ((ch === '.' || ch === '।') && out.length > 0 && cur) out[out.length - 1]!.dotted = true;
      cur = null;
      continue;
    }
    if (cur && cur.script === script) cur.text += ch;
    else {
      if (cur) out.push(cur);
      cur = { text: ch, script, dotted: false };
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Titles and honorifics written before a name. */
// prettier-ignore
const TITLES_LATIN = new Set([
  'shri', 'shree', 'sri', 'sh', 'smt', 'shrimati', 'srimati', 'shreemati', 'sushri', 'ku', 'km',
  'kum', 'mr', 'mrs', 'ms', 'miss', 'mst', 'musammat', 'dr', 'late', 'lt', 'pt', 'pandit',
  'janab', 'haji', 'maulana', 'maulvi', 'mohtarma', 'er', 'prof', 'adv',
]);
// prettier-ignore
const TITLES_DEVANAGARI = new Set([
  'श्री', 'श्रीमती', 'श्रीमति', 'सुश्री', 'श्रीमान', 'कु', 'कुं', 'डॉ', 'डा', 'स्व', 'स्वर्गीय',
  'स्वर्गवासी', 'मरहूम', 'पं', 'पंडित', 'जनाब', 'हाजी', 'मौलाना',
  'मौलवी', 'मुसम्मात',
]);
/** Only after a name: "Sharma ji", "Khan Sahab". */
const TRAILING_TITLES = new Set(['ji', 'sahab', 'saheb', 'जी', 'साहब']);

/** A record's alias: "Ramesh urf Pappu", "रमेश उर्फ पप्पू", "Ramesh alias Pappu". */
const ALIAS_MARKERS = new Set(['urf', 'alias', 'उर्फ', 'उर्फ़', 'उर्फे']);

/** Letters as Hindi writes them for initials: "आर. के. शर्मा" is R. K. Sharma. */
// prettier-ignore
const DEVANAGARI_LETTER_NAMES: Record<string, string> = {
  ए: 'a', बी: 'b', सी: 'c', डी: 'd', ई: 'e', एफ: 'f', जी: 'g', एच: 'h', आई: 'i', जे: 'j',
  के: 'k', एल: 'l', एम: 'm', एन: 'n', ओ: 'o', पी: 'p', क्यू: 'q', आर: 'r', एस: 's', टी: 't',
  यू: 'u', वी: 'v', डब्ल्यू: 'w', एक्स: 'x', वाई: 'y', जेड: 'z', 'ज़ेड': 'z',
};

/**
 * Latin → key: the folds that make the usual spellings of one sound one spelling. Applied to
 * lower-case ASCII; order matters (ch before c, x before s …).
 */
const FOLDED = new Map<string, string>();

export function foldLatin(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = foldToFixedPoint(word);
    if (FOLDED.size >= 100_000) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

function foldToFixedPoint(word: string): string {
  // A fold can make a pair another fold reads ("shh" → "sh"): repeat until nothing changes.
  let s = word.toLowerCase().replace(/[^a-z]/g, '');
  for (let pass = 0; pass < 5; pass++) {
    const next = foldOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

function foldOnce(word: string): string {
  let s = word;
  s = s.replace(/x/g, 'ks'); // Xitij = Kshitij
  s = s.replace(/ph/g, 'f');
  s = s.replace(/qu(?=[aeio])/g, 'k').replace(/q/g, 'k'); // Siddiqui = सिद्दीकी, Qureshi
  s = s.replace(/ck/g, 'k');
  s = s.replace(/chh/g, 'ch');
  s = s.replace(/c(?!h)(?=[eiy])/g, 's').replace(/c(?!h)/g, 'k'); // Francis, Clement
  s = s.replace(/sh/g, 's');
  s = s.replace(/z/g, 'j').replace(/w/g, 'v');
  s = s.replace(/([b-df-hj-np-tv-z])\1+/g, '$1'); // Ayyub = Ayub, before the y rules
  s = s.replace(/aa/g, 'a').replace(/ee|ii/g, 'i').replace(/oo|uu/g, 'u');
  s = s.replace(/au|ou/g, 'o').replace(/ow(?![aeiou])/g, 'o');
  s = s.replace(/ay(?![aeiou])/g, 'ai'); // Sanjay = Sanjai, Jaypal = Jaipal
  s = s.replace(/ey$/, 'e'); // Pandey = पांडे, Uikey = उइके
  s = s.replace(/([^aeiou])y$/, '$1i'); // Chaudhary = चौधरी
  s = s.replace(/([^aeiouy])ia$/, '$1iya'); // Bhuria = भूरिया
  s = s.replace(/dra$/, 'dar').replace(/er$/, 'ar'); // Rajendra = Rajender, Peter = पीटर
  s = s.replace(/(.)\1+/g, '$1'); // Siddharth = Sidharth, Mohammad = Mohamad
  return s;
}

/**
 * Names with several established spellings the folds do not bring together. Each row: the
 * spelling shown, then the others; all are folded when the table loads.
 */
// prettier-ignore
const SPELLINGS: string[][] = [
  ['mohammad', 'mohammed', 'muhammad', 'muhammed', 'mohamed', 'mohamad', 'muhamad', 'mohmad', 'mohmmad', 'mohd', 'md', 'mhd', 'mohammd', 'mo', 'mohamd'],
  ['ahmad', 'ahmed', 'ahemad', 'ahamad', 'ahmd'],
  ['parvez', 'pervez', 'parwez', 'parwej'],
  ['mahmood', 'mahmud', 'mehmood', 'mahamood', 'mehmud'],
  ['shaikh', 'sheikh', 'shekh', 'sheik', 'shaik', 'sk', 'shk', 'sekh'],
  ['syed', 'sayyed', 'saiyad', 'sayed', 'saiyed', 'sayad', 'sayyad', 'saiyyad', 'sayyid', 'saiyed'],
  ['qureshi', 'kureshi', 'qureishi', 'kuraishi', 'quraishi', 'qurashi', 'kuraishee'],
  ['hussain', 'husain', 'hussein', 'husein', 'hossain', 'hussian', 'husen', 'hussen'],
  ['hasan', 'hassan'],
  ['rahman', 'rehman', 'rahaman', 'rehaman'],
  ['abdul', 'abdool', 'abd'],
  ['begum', 'begam'],
  ['khatoon', 'khatun'],
  ['fatima', 'fatma', 'fatema'],
  ['siddiqui', 'siddiqi', 'sidiqui', 'siddiki', 'siddique', 'sidiqi', 'siddiquee'],
  ['mustafa', 'mustfa', 'mushtafa'],
  ['chaudhary', 'chaudhari', 'choudhary', 'choudhari', 'chaudhry', 'chaudhri', 'chowdhury', 'chowdhary', 'choudhry', 'chaudary', 'chodhary', 'chaudhuri', 'choudhury', 'chodhri'],
  ['pandey', 'pande', 'pandeya', 'paandey'],
  ['verma', 'varma'],
  ['dubey', 'dube', 'dubay'],
  ['chaubey', 'choubey', 'chobey', 'chaube'],
  ['tiwari', 'tiwary', 'tewari', 'tivari', 'tiwri'],
  ['shrivastava', 'srivastava', 'shrivastav', 'srivastav', 'shriwastava', 'shreevastava', 'shrivasthava'],
  ['chaurasia', 'chourasia', 'chaurasiya', 'chorasiya', 'chourasiya'],
  ['raghuvanshi', 'raghuwanshi', 'raghuvansi'],
  ['singh', 'sinh', 'simh', 'sing'],
  ['kushwaha', 'kushvaha', 'kushwah', 'kushawaha'],
  ['vishwakarma', 'vishvakarma', 'bishwakarma', 'vishkarma'],
  ['ahirwar', 'ahirvar', 'aharwar'],
  ['jaiswal', 'jayaswal', 'jaisval', 'jayasval', 'jaysval', 'jaiswar'],
  ['malviya', 'malaviya', 'malvia'],
  ['rathore', 'rathor', 'rathour', 'rathaur'],
  ['dhurve', 'dhurwe', 'dhurvey', 'durve', 'dhurway'],
  ['uikey', 'uike', 'uyike', 'uikay'],
  ['maravi', 'marawi', 'maraavi'],
  ['bhuria', 'bhuriya', 'bhooria'],
  ['dsouza', 'desouza', 'dsuza', 'disuja', 'disouza', 'desuza', 'dsuja'],
  ['varghese', 'verghese', 'vargis', 'varghis', 'vargese'],
  // English names as Hindi writes them (ऐ for the vowel of "Samuel", ई for the e of "Peter").
  ['samuel', 'saimual', 'saimuel', 'semual', 'samual'],
  ['simon', 'saiman', 'saimon', 'sayman'],
  ['peter', 'pitar', 'pitr'],
  ['daniel', 'deniyal', 'daniyal', 'dainiyal', 'daniyel'],
  ['david', 'devid', 'daivid', 'devhid'],
  ['mathew', 'matthew', 'maithyu', 'mathyu', 'maithyoo', 'mathews'],
  ['mary', 'mairi', 'meri', 'mery'],
  ['john', 'jon', 'jaun'],
  ['george', 'jarj', 'jorj'],
  ['agnes', 'egnes', 'aignes'],
  ['paul', 'pol', 'paal'],
  ['fernandes', 'fernandez', 'farnandis', 'furnandis', 'farnandes'],
  ['prasad', 'parsad', 'pershad', 'prashad', 'parshad'],
  ['narayan', 'narain', 'narayana', 'naraian', 'narayen'],
  ['lakshmi', 'laxmi', 'luxmi', 'laxmee', 'lakshmee'],
  ['krishna', 'krishn', 'krushna', 'krisna'],
];

const CANONICAL = new Map<string, string>();
const canonical = (folded: string) => CANONICAL.get(folded) ?? folded;
for (const [shown, ...others] of SPELLINGS) {
  const to = foldLatin(shown!);
  for (const v of [shown!, ...others]) CANONICAL.set(foldLatin(v), to);
}

/** Parts that are often left out or added: Kumar, Kumari, Devi, Bai, Bi, Ben, Bhai, Begum … */
// prettier-ignore
const FILLERS = new Set(
  ['kumar', 'kumari', 'devi', 'bai', 'bi', 'bee', 'ben', 'bahen', 'bhai', 'begum', 'khatoon', 'ul', 'ur', 'ud', 'un', 'al', 'el', 'bin', 'binte'].map(foldLatin),
);
/** Parts that say something, but are shared by very many: Singh, Kaur, and the Mohammad prefix. */
const COMMON = new Set(['singh', 'kaur', 'mohammad'].map(foldLatin));

const FILLER_WEIGHT = 0.35;
const COMMON_WEIGHT = 0.55;
const INITIAL_WEIGHT = 0.5;

/** The key with short a between consonants, aspirate h and b/v ignored (see NameToken). */
export function skeletonOf(key: string): string {
  if (key.length <= 1) return key;
  let s = key.replace(/([bcdgjkpt])h/g, '$1'); // kh, gh, ch, jh, th, dh, bh: the h is often dropped
  s = s.replace(/b/g, 'v'); // Binod = Vinod, Basant = Vasant
  // Short a between consonants, never first or last (Kamla and Kamal stay apart).
  s = s.replace(/(?<=[^aeiou])a(?=[^aeiou])/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

function weightOf(key: string, initial: boolean): number {
  if (initial) return INITIAL_WEIGHT;
  if (FILLERS.has(key)) return FILLER_WEIGHT;
  if (COMMON.has(key)) return COMMON_WEIGHT;
  return 1;
}

const TOKENS = new Map<string, NameToken>();
const TOKEN_CACHE_LIMIT = 100_000;

/** The part for a key (parts depend only on their key, so they are remembered). */
export function tokenOf(key: string): NameToken {
  let t = TOKENS.get(key);
  if (!t) {
    const initial = key.length === 1;
    t = Object.freeze({ key, skeleton: skeletonOf(key), initial, weight: weightOf(key, initial) });
    if (TOKENS.size >= TOKEN_CACHE_LIMIT) TOKENS.clear();
    TOKENS.set(key, t);
  }
  return t;
}

/** One word of a Latin-script name → key parts (initials written together, "RK", come apart). */
function latinParts(raw: RawToken): string[] {
  const folded = foldLatin(raw.text);
  if (!folded) return [];
  // "RK Sharma", "PN Joshi", "SK Mishra": two or three capitals with no vowel are initials
  // ("MD" is Mohammad; "Sk" and "Md" as written are Shaikh and Mohammad).
  if (/^[A-Z]{2,3}$/.test(raw.text) && !/[AEIOUY]/.test(raw.text) && raw.text !== 'MD')
    return [...raw.text.toLowerCase()].map(initialKey);
  if (CANONICAL.has(folded)) return [CANONICAL.get(folded)!];
  if (raw.text.length === 1) return [initialKey(raw.text.toLowerCase())];
  return [folded];
}

/** An initial as a key letter: W is V, Z is J, Q is K, X (Xitij) is K, as the folds make them. */
function initialKey(letter: string): string {
  return ({ w: 'v', z: 'j', q: 'k', x: 'k' } as Record<string, string>)[letter] ?? letter;
}

function devanagariParts(raw: RawToken, isLast: boolean): string[] {
  const letter = DEVANAGARI_LETTER_NAMES[raw.text];
  // A letter's name is an initial when a full stop follows it or more of the name follows (बी
  // at the end is the Bi of a woman's name, जी at the end an honorific, dropped earlier).
  if (letter && (raw.dotted || !isLast)) return [initialKey(letter)];
  const folded = foldLatin(transliterateWord(raw.text));
  if (!folded) return [];
  return [CANONICAL.get(folded) ?? folded];
}

/** Sardar is a Sikh's title, and a Pathan's first name (Sardar Khan). */
const SIKH_TITLE = new Set(['sardar', 'सरदार']);
const SIKH_NAMES = /\b(singh|kaur)\b|सिंह|कौर/i;

function titleText(raw: RawToken, name: RawToken[]): boolean {
  if (SIKH_TITLE.has(raw.text.toLowerCase())) return name.some((w) => SIKH_NAMES.test(w.text));
  if (raw.script === 'deva') return TITLES_DEVANAGARI.has(raw.text);
  return raw.script === 'latn' && TITLES_LATIN.has(raw.text.toLowerCase());
}

/**
 * Parts often written joined to the name before them or apart from it (मानसिंह, Man Singh;
 * Mohanlal, Mohan Lal; रामप्रसाद, Ram Prasad): always apart in the key. Longest first; the rest
 * must keep three letters (Bilal and Dulal stay whole).
 */
const JOINED_PARTS = [
  'kumari',
  'narayan',
  'prasad',
  'singh',
  'kumar',
  'chand',
  'devi',
  'bai',
  'das',
  'lal',
].map(foldLatin);

function splitJoined(key: string): string[] {
  for (const part of JOINED_PARTS) {
    if (key.length >= part.length + 3 && key.endsWith(part))
      return [...splitJoined(key.slice(0, -part.length)), part];
  }
  return [key];
}

/** The keys of one name (no alias markers inside). */
function keysOfWords(words: RawToken[]): string[] {
  const named = words.filter(
    (w) => w.script === 'deva' || w.script === 'latn' || w.script === 'other',
  );
  // Leading titles go (Late Shri, स्व. श्री), while something is left; then trailing ji/sahab.
  let start = 0;
  while (start < named.length - 1 && titleText(named[start]!, named)) start++;
  let end = named.length;
  while (end - 1 > start && TRAILING_TITLES.has(named[end - 1]!.text.toLowerCase())) end--;
  const kept = named.slice(start, end);
  const keys: string[] = [];
  kept.forEach((w, i) => {
    if (w.script === 'latn') keys.push(...latinParts(w));
    else if (w.script === 'deva') keys.push(...devanagariParts(w, i === kept.length - 1));
    else keys.push(w.text.toLowerCase()); // another script: compared as written
  });
  return keys
    .filter((k) => k.length > 0)
    .flatMap((k) => (k.length > 1 ? splitJoined(k) : [k]))
    .map((k) => (k.length > 1 ? canonical(foldLatin(k)) : k)); // a part may fold anew (Tersingh: Ter → tar)
}

/** The key of a name in either script, alternatives (aliases) kept apart. */
export function keyName(text: string | null | undefined): KeyedName {
  const words = rawTokens(cleanText(text ?? ''));
  const groups: RawToken[][] = [[]];
  for (const w of words) {
    if (ALIAS_MARKERS.has(w.text.toLowerCase())) groups.push([]);
    else groups[groups.length - 1]!.push(w);
  }
  const alternatives = groups.map(keysOfWords).filter((k) => k.length > 0);
  // "Ramesh Yadav urf Pappu": the alias keeps the family name.
  const first = alternatives[0];
  for (let i = 1; i < alternatives.length; i++)
    if (first && first.length > 1 && alternatives[i]!.length === 1)
      alternatives[i] = [...alternatives[i]!, first[first.length - 1]!];
  return {
    key: alternatives.map((a) => a.join(' ')).join(' / '),
    alternatives: alternatives.map((a) => a.map(tokenOf)),
  };
}

/** "राजेश कुमार" → "rajes kumar". */
export function nameKey(text: string | null | undefined): string {
  return keyName(text).key;
}

/** A stored key back into its parts (the parts depend only on the key). */
export function keyedFromKey(key: string | null | undefined): KeyedName {
  const alternatives = (key ?? '')
    .split(' / ')
    .map((a) => a.split(' ').filter(Boolean).map(tokenOf))
    .filter((a) => a.length > 0);
  return { key: alternatives.map((a) => a.map((t) => t.key).join(' ')).join(' / '), alternatives };
}

export type Relation = 'FATHER' | 'HUSBAND';

/**
 * "S/o Ramesh", "W/o Suresh", "पुत्र रमेश", "पत्नी सुरेश", "पिता रमेश", "पति सुरेश", "वल्द रमेश": the
 * relation, and the name without its marker.
 */
export function parseRelative(text: string | null | undefined): {
  relation: Relation | null;
  name: string;
} {
  const t = cleanText(text ?? '').trim();
  const latin = /^(?:(s|d|w)\s*[/\\.-]?\s*o\b\.?|(son|daughter|wife)\s+of\b)\s*[:.-]?\s*/i.exec(t);
  if (latin) {
    const k = (latin[1] ?? latin[2]!).toLowerCase();
    return {
      relation: k === 'w' || k === 'wife' ? 'HUSBAND' : 'FATHER',
      name: t.slice(latin[0].length),
    };
  }
  // Longest first (पुत्री before पुत्र), and a whole word.
  const hindi =
    /^(सुपुत्री|सुपुत्र|पुत्री|पुत्र|आत्मजा|आत्मज|पिता|वल्द|धर्मपत्नी|पत्नी|पति|बेवा|विधवा)(?=[\s:.-]|$)(?:\s+श्री)?\s*[:.-]?\s*/.exec(
      t,
    );
  if (hindi) {
    const husband = ['पत्नी', 'धर्मपत्नी', 'पति', 'बेवा', 'विधवा'].includes(hindi[1]!);
    return { relation: husband ? 'HUSBAND' : 'FATHER', name: t.slice(hindi[0].length) };
  }
  return { relation: null, name: t };
}

/** Any text (an address) in phonetic Latin, for showing what matched. */
export function toPhoneticLatin(text: string): string {
  return transliterateDevanagari(cleanText(text)).toLowerCase();
}

/** Address words that say nothing about where (house, ward, near, Bhopal, मकान, पास …), folded. */
// prettier-ignore
const ADDRESS_STOPWORDS = new Set(
  [
    'house', 'no', 'number', 'ward', 'gali', 'mohalla', 'mohala', 'colony', 'near', 'behind',
    'opposite', 'opp', 'front', 'road', 'marg', 'bhopal', 'mp', 'madhya', 'pradesh', 'dist',
    'district', 'jila', 'tehsil', 'thana', 'ps', 'post', 'gram', 'village', 'vill', 'sector', 'plot',
    'flat', 'makan', 'kramank', 'nambar', 'nanbar', 'nan', 'na', 'vard', 'pas', 'piche', 'samne', 'ke', 'ki',
    'ka', 'the', 'of', 'and', 'city', 'jhuggi', 'basti', 'kshetra', 'area', 'main', 'nagar',
  ].map(foldLatin),
);

/** The words of an address that locate it (localities, house numbers), keyed like names. */
export function addressTokens(text: string | null | undefined): string[] {
  const out: string[] = [];
  for (const w of rawTokens(cleanText(text ?? ''))) {
    const key =
      w.script === 'digit'
        ? w.text.replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966))
        : w.script === 'deva'
          ? foldLatin(transliterateWord(w.text))
          : foldLatin(w.text);
    if (key.length < 2 && w.script !== 'digit') continue;
    if (ADDRESS_STOPWORDS.has(key)) continue;
    out.push(key);
  }
  return out;
}

/** A name in Latin letters as people would write it: "राजेश कुमार" → "Rajesh Kumar". */
export function latinSpelling(text: string): string {
  return displayLatin(transliterateDevanagari(cleanText(text)).replace(/\s+/g, ' ').trim());
}
