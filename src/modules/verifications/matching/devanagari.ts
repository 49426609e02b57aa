/**
 * Devanagari → Latin for personal names, as they are commonly written in English in Madhya
 * Pradesh (Hunterian-like: श sh, च ch, छ chh, long vowels doubled), with the Hindi deletion of
 * the inherent vowel (schwa: राजेश is "raajesh", not "raajesha"; कमला is "kamlaa").
 *
 * The output is "phonetic Latin": long vowels doubled (aa, ee, oo), so nothing is lost before
 * the name key folds it. `displayLatin` turns it into the spelling people write.
 */

// prettier-ignore
const CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n',
  च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', ऩ: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm',
  य: 'y', र: 'r', ऱ: 'r', ल: 'l', ळ: 'l', ऴ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h',
};

/** With a nukta (़): the Urdu and Persian sounds; ड़ and ढ़ are the flapped r of Hindi (पहाड़िया). */
// prettier-ignore
const NUKTA_CONSONANTS: Record<string, string> = {
  क: 'q', ख: 'kh', ग: 'g', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y',
};

// prettier-ignore
const VOWELS: Record<string, string> = {
  अ: 'a', आ: 'aa', इ: 'i', ई: 'ee', उ: 'u', ऊ: 'oo', ऋ: 'ri', ॠ: 'ri', ऌ: 'li',
  ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ऍ: 'e', ऎ: 'e', ऒ: 'o', ॲ: 'e',
};

// prettier-ignore
const MATRAS: Record<string, string> = {
  'ा': 'aa', 'ि': 'i', 'ी': 'ee', 'ु': 'u', 'ू': 'oo', 'ृ': 'ri', 'ॄ': 'ri', 'ॢ': 'li',
  'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e', 'ॆ': 'e', 'ॊ': 'o',
};

const VIRAMA = '\u094d';
const NUKTA = '\u093c';
const ANUSVARA = '\u0902';
const CHANDRABINDU = '\u0901';
const VISARGA = '\u0903';
const OM = '\u0950';

/** Is this code point Devanagari (U+0900–U+097F, or the extended block U+A8E0–U+A8FF)? */
export function isDevanagari(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x0900 && c <= 0x097f) || (c >= 0xa8e0 && c <= 0xa8ff);
}

export function isDevanagariLetter(ch: string): boolean {
  return ch in CONSONANTS || ch in VOWELS || ch === OM;
}

/** A combining sign that belongs to the letter before it (matra, virama, nasal signs, nukta). */
export function isDevanagariSign(ch: string): boolean {
  return (
    ch in MATRAS ||
    ch === VIRAMA ||
    ch === NUKTA ||
    ch === ANUSVARA ||
    ch === CHANDRABINDU ||
    ch === VISARGA
  );
}

interface Segment {
  /** Latin consonant, or null for an independent vowel. */
  cons: string | null;
  /** Latin vowel; null after a virama (the consonant joins the next one). */
  vowel: string | null;
  /** The vowel is the unwritten inherent अ, which Hindi may drop. */
  inherent: boolean;
  nasal: boolean;
  visarga: boolean;
}

function segments(word: string): Segment[] {
  const out: Segment[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const last = out[out.length - 1];
    if (ch === 'ञ' && last?.cons === 'j' && last.vowel === null) {
      // ज्ञ is said "gy" in Hindi (ज्ञान: Gyan).
      last.cons = 'g';
      out.push({ cons: 'y', vowel: 'a', inherent: true, nasal: false, visarga: false });
    } else if (ch in CONSONANTS) {
      const nukta = chars[i + 1] === NUKTA;
      if (nukta) i++;
      out.push({
        cons: nukta ? (NUKTA_CONSONANTS[ch] ?? CONSONANTS[ch]!) : CONSONANTS[ch]!,
        vowel: 'a',
        inherent: true,
        nasal: false,
        visarga: false,
      });
    } else if (ch in VOWELS) {
      out.push({ cons: null, vowel: VOWELS[ch]!, inherent: false, nasal: false, visarga: false });
    } else if (ch === OM) {
      out.push({ cons: null, vowel: 'o', inherent: false, nasal: false, visarga: false });
      out.push({ cons: 'm', vowel: null, inherent: false, nasal: false, visarga: false });
    } else if (ch in MATRAS) {
      if (last?.cons != null && last.inherent) {
        last.vowel = MATRAS[ch]!;
        last.inherent = false;
      } else
        out.push({ cons: null, vowel: MATRAS[ch]!, inherent: false, nasal: false, visarga: false });
    } else if (ch === VIRAMA) {
      if (last?.cons != null) {
        last.vowel = null;
        last.inherent = false;
      }
    } else if (ch === ANUSVARA || ch === CHANDRABINDU) {
      if (last) last.nasal = true;
    } else if (ch === VISARGA) {
      if (last) last.visarga = true;
    }
    // A stray nukta, the avagraha (ऽ) and anything else carry no sound of their own here.
  }
  return out;
}

/**
 * Consonants after which a final inherent vowel stays when they close a cluster: चन्द्र
 * Chandra, शुक्ल Shukla, आदित्य Aditya, विश्व Vishva, कृष्ण Krishna; but वसन्त Vasant, सिद्धार्थ
 * Siddharth.
 */
const CLUSTER_KEEPS_FINAL_A = new Set(['r', 'l', 'y', 'v', 'n']);

/** Hindi schwa deletion over one morpheme (see `transliterateWord`). */
function deleteSchwa(segs: Segment[]): void {
  const n = segs.length;
  const has = (i: number) => i >= 0 && i < n && segs[i]!.vowel !== null;
  // Word-final: राम ram, राजेश rajesh; kept after a cluster ending in r, l, y, v, n (चन्द्र
  // Chandra), and in -iya (मालवीय Malviya).
  const last = segs[n - 1];
  if (n > 1 && last && last.inherent && !last.nasal && !last.visarga) {
    const before = segs[n - 2]!;
    const cluster = before.vowel === null;
    const iya = last.cons === 'y' && (before.vowel === 'i' || before.vowel === 'ee');
    if (!(cluster && CLUSTER_KEEPS_FINAL_A.has(last.cons ?? '')) && !iya) {
      last.vowel = null;
      last.inherent = false;
    }
  }
  // Medial, left to right, in V C _ C V (a vowel, one consonant, the schwa, a consonant, a
  // vowel): कमला kamla, गणपत ganpat, हरभजन harbhajan, रामकली ramkali. Never in the first
  // syllable, never before a nasal sign or visarga; a deletion closes the syllable after it, so
  // two in a row cannot happen. (Right to left gives "harabhjan"; compounds such as रतन+लाल
  // are split into their parts first.)
  for (let i = 1; i <= n - 2; i++) {
    const s = segs[i]!;
    if (!s.inherent || s.nasal || s.visarga || s.cons === null) continue;
    const before = segs[i - 1]!;
    const after = segs[i + 1]!;
    // A nasal sign before the consonant closes a cluster with it (अंजली is anjali).
    if (!has(i - 1) || before.vowel === null || before.nasal) continue;
    if (after.cons === null || !has(i + 1)) continue;
    s.vowel = null;
    s.inherent = false;
  }
}

/**
 * Name parts that end compound names. Hindi drops the schwa at the end of each part (राम+चरण
 * is Ramcharan, not "Ramacharan"; हेम+लता is Hemlata), which the rule above cannot see
 * inside one word; so a word ending in one of these is split before the rule runs.
 */
// prettier-ignore
const SUFFIX_MORPHEMES = [
  'चरण', 'शरण', 'चंद', 'चन्द', 'लाल', 'दास', 'राम', 'नाथ', 'देव', 'दीन', 'दयाल', 'प्रसाद', 'पाल',
  'सिंह', 'जीत', 'वीर', 'बीर', 'भान', 'शंकर', 'नारायण', 'गोपाल', 'मोहन', 'किशोर', 'कुमार',
  'कुमारी', 'राज', 'वती', 'वंती', 'वन्ती', 'मती', 'बाई', 'पति', 'पत', 'सेन', 'लता', 'धर', 'दत्त',
  'कांत', 'कान्त', 'प्रकाश', 'किशन', 'सागर', 'भूषण', 'बहादुर', 'सहाय', 'बिहारी', 'रतन', 'नंदन',
  'नन्दन', 'मल', 'सुख', 'वर्धन', 'पुरी', 'गिरि', 'भारती', 'बाला', 'प्रीत', 'प्रीति', 'प्रताप',
  'श्री', 'स्वरूप', 'प्रिया', 'श्याम',
].sort((a, b) => b.length - a.length);

function morphemes(word: string): string[] {
  for (const suffix of SUFFIX_MORPHEMES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const head = word.slice(0, word.length - suffix.length);
      const tail = head[head.length - 1]!;
      // Never split a conjunct (the head ending in a virama) or leave a lone sign.
      if (tail === VIRAMA || tail === NUKTA || !isDevanagari(tail)) continue;
      if (![...head].some((c) => isDevanagariLetter(c))) continue;
      return [...morphemes(head), suffix];
    }
  }
  return [word];
}

function render(segs: Segment[]): string {
  let out = '';
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.cons) out += s.cons;
    if (s.vowel) out += s.vowel;
    if (s.nasal) {
      const next = segs[i + 1]?.cons ?? '';
      // सिंह is said "singh"; before p, b, m the nasal is m (शंभू Shambhu).
      out += /^[pbm]/.test(next) ? 'm' : next === 'h' ? 'ng' : 'n';
    }
    if (s.visarga) out += 'h';
  }
  return out;
}

/** One Devanagari word (no spaces) in phonetic Latin: "राजेश" → "raajesh", "रामचरण" → "raamcharan". */
const TRANSLITERATED = new Map<string, string>();

export function transliterateWord(word: string): string {
  let latin = TRANSLITERATED.get(word);
  if (latin === undefined) {
    latin = transliterateOnce(word);
    if (TRANSLITERATED.size >= 100_000) TRANSLITERATED.clear();
    TRANSLITERATED.set(word, latin);
  }
  return latin;
}

function transliterateOnce(word: string): string {
  // Each part loses its own schwa; the parts are drawn together, so a nasal sees the next
  // part's consonant (सं+पत is "sampat").
  return render(
    morphemes(word).flatMap((m) => {
      const segs = segments(m);
      deleteSchwa(segs);
      return segs;
    }),
  );
}

const DIGITS = '०१२३४५६७८९';

/**
 * Any text with Devanagari in it → phonetic Latin; other characters pass through (digits
 * become ASCII, the danda a full stop). Input should be NFD-normalised (see `cleanText`).
 */
export function transliterateDevanagari(text: string): string {
  let out = '';
  let word = '';
  const flush = () => {
    if (word) out += transliterateWord(word);
    word = '';
  };
  for (const ch of text) {
    if (isDevanagari(ch) && !DIGITS.includes(ch) && ch !== '।' && ch !== '॥') word += ch;
    else {
      flush();
      const d = DIGITS.indexOf(ch);
      out += d >= 0 ? String(d) : ch === '।' || ch === '॥' ? '.' : ch;
    }
  }
  flush();
  return out;
}

/**
 * Phonetic Latin → the spelling people write: long a single, ee in the first syllable and i
 * after it (Deepak, Preeti; Sunita, Jagdish), oo inside a word (Pooja; Raju at the end), w for
 * v in sv, dv, tv, gv, khv, nv (Jaswant, Dwivedi, Bhagwan), each word capitalised.
 */
export function displayLatin(phonetic: string): string {
  return phonetic
    .split(/(\s+)/)
    .map((w) => {
      if (!/[a-z]/.test(w)) return w;
      let s = w.replace(/aa/g, 'a');
      // ee in the first syllable (Deepak, Geeta, Preeti), i after it (Jagdish, Sunita, Malviya).
      s = s.replace(
        /^([^aeiou]*[aeiou]+[^aeiou]+)(.*)$/,
        (_m, head: string, rest: string) => head + rest.replace(/ee/g, 'i'),
      );
      s = s.replace(/ee$/, 'i').replace(/oo$/, 'u');
      s = s.replace(/([sdtgkhjn])v/g, '$1w');
      return s.charAt(0).toUpperCase() + s.slice(1);
    })
    .join('');
}
