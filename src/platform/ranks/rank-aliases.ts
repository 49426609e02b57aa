import { Rank, RANK_LABELS, RANKS } from './ranks';

/**
 * The words MP rolls and thana sheets write for each rung of the ladder: English titles and
 * abbreviations, the commissionerate's titles (ACP, ADCP, DCP), the older and armed-force names
 * (Havaldar for head constable, Sipahi/Sepoy for constable, Subedar/Platoon Commander for
 * sub-inspector), Hindi as the rolls write it, with its abbreviations (आर., प्र.आर., स.उ.नि.,
 * उ.नि., नि.), and the Hindi spellings of the English titles. The ladder's own codes
 * (HEAD_CONSTABLE, SI…) are read too. Compare through `rankKey`.
 */
export const RANK_ALIASES: Readonly<Record<Rank, readonly string[]>> = {
  CONSTABLE: [
    'Constable', 'Const', 'Constt', 'PC', 'CT', 'Sipahi', 'Sepoy', 'Aarakshak', 'Arakshak',
    'Lady Constable', 'Woman Constable', 'Mahila Aarakshak',
    'आरक्षक', 'आर', 'सिपाही', 'महिला आरक्षक', 'म आर', 'कांस्टेबल', 'कॉन्स्टेबल',
  ],
  HEAD_CONSTABLE: [
    'Head Constable', 'HC', 'Head Const', 'Head Constt', 'Havaldar', 'Hawaldar', 'Havildar',
    'Pradhan Aarakshak', 'Pradhan Arakshak', 'Woman Head Constable', 'Mahila Pradhan Aarakshak',
    'प्रधान आरक्षक', 'प्र आर', 'प्रआर', 'हवलदार', 'हवालदार', 'महिला प्रधान आरक्षक', 'म प्र आर',
    'हेड कांस्टेबल', 'हेड कॉन्स्टेबल',
  ],
  ASI: [
    'ASI', 'Assistant Sub Inspector', 'Asst Sub Inspector', 'Asstt Sub Inspector', 'Asst SI', 'Asstt SI',
    'Sahayak Up Nirikshak', 'Sahayak Upnirikshak',
    'सहायक उप निरीक्षक', 'सहायक उपनिरीक्षक', 'स उ नि', 'सउनि', 'एएसआई', 'ए एस आई',
  ],
  SI: [
    'SI', 'Sub Inspector', 'Sub Insp', 'Up Nirikshak', 'Upnirikshak', 'Subedar', 'Platoon Commander',
    'उप निरीक्षक', 'उपनिरीक्षक', 'उ नि', 'उनि', 'सूबेदार', 'प्लाटून कमांडर', 'एसआई', 'एस आई',
  ],
  INSPECTOR: [
    'Inspector', 'Insp', 'Inspr', 'TI', 'Town Inspector', 'Nirikshak', 'Company Commander',
    'निरीक्षक', 'नि', 'इंस्पेक्टर', 'टीआई', 'टी आई', 'कंपनी कमांडर',
  ],
  DSP: [
    'DSP', 'Dy SP', 'Deputy SP', 'Deputy Superintendent of Police', 'CSP', 'SDOP', 'ACP',
    'Assistant Commissioner of Police',
    'उप पुलिस अधीक्षक', 'नगर पुलिस अधीक्षक', 'अनुविभागीय अधिकारी पुलिस', 'सहायक पुलिस आयुक्त',
    'डीएसपी', 'सीएसपी', 'एसडीओपी', 'एसीपी',
  ],
  ASP: [
    'ASP', 'Addl SP', 'Additional SP', 'Additional Superintendent of Police', 'ADCP',
    'Additional Deputy Commissioner of Police',
    'अति पुलिस अधीक्षक', 'अतिरिक्त पुलिस अधीक्षक', 'अति पुलिस उपायुक्त', 'अतिरिक्त पुलिस उपायुक्त',
    'एएसपी', 'एडीसीपी',
  ],
  SP: [
    'SP', 'Superintendent of Police', 'SSP', 'DCP', 'Deputy Commissioner of Police',
    'पुलिस अधीक्षक', 'पुलिस उपायुक्त', 'एसपी', 'डीसीपी',
  ],
  DIG: [
    'DIG', 'Deputy Inspector General', 'Addl CP', 'Additional CP', 'Additional Commissioner of Police',
    'उप पुलिस महानिरीक्षक', 'अति पुलिस आयुक्त', 'अतिरिक्त पुलिस आयुक्त', 'डीआईजी',
  ],
  IG: ['IG', 'IGP', 'Inspector General', 'पुलिस महानिरीक्षक', 'आईजी'],
  ADG: ['ADG', 'ADGP', 'Additional Director General', 'अतिरिक्त पुलिस महानिदेशक', 'एडीजी'],
  DGP: ['DGP', 'Director General of Police', 'पुलिस महानिदेशक', 'डीजीपी'],
};

/**
 * A rank as typed, normalised for comparison: NFC, upper case, "." "_" "-" "/" as spaces,
 * single spaces. "H.C." and "h c" compare alike; so do "स.उ.नि." and "स उ नि".
 */
export function rankKey(text: string): string {
  return text
    .normalize('NFC')
    .toUpperCase()
    .replace(/[._\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every spelling, keyed by `rankKey`, also without its spaces, so "सहायक उपनिरीक्षक" reads as
 * "सहायक उप निरीक्षक" and "DYSP" as "Dy SP". The ladder's own codes are spellings too.
 */
export const RANK_SPELLINGS: ReadonlyArray<readonly [string, Rank]> = [
  ...RANKS.map((r) => [rankKey(r), r] as const),
  ...RANKS.flatMap((r) => RANK_ALIASES[r].map((a) => [rankKey(a), r] as const)),
];
const LOOKUP = new Map<string, Rank>([
  ...RANK_SPELLINGS.map(([k, r]) => [k.replace(/ /g, ''), r] as const),
  ...RANK_SPELLINGS,
]);

/** The rung a rank written any way a roll or an account writes it stands for, or null. */
export function rankFromText(text: string): Rank | null {
  const key = rankKey(text);
  if (!key) return null;
  return LOOKUP.get(key) ?? LOOKUP.get(key.replace(/ /g, '')) ?? null;
}

/**
 * A rank as people should read it: the rung and its bilingual title when the text is one of
 * the ladder's spellings; otherwise the text as written in both languages (an account's rank
 * is free text, e.g. the first-run administrator's "ADMIN").
 */
export function rankShown(text: string): { code: Rank | null; en: string; hi: string } {
  const code = rankFromText(text);
  if (code) return { code, ...RANK_LABELS[code] };
  const written = text.trim();
  return { code: null, en: written, hi: written };
}
