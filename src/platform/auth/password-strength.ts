import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/** zxcvbn's scale: 3 is "safely unguessable" against an online attack (about 10^8 guesses). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Words anyone would try first against a Bhopal police account. zxcvbn ranks them as the
 * most likely words, and a password must stay strong with them taken out.
 */
export const ORGANISATION_WORDS = [
  'bhopal',
  'police',
  'mppolice',
  'bhopalpolice',
  'mp',
  'bpl',
  'madhya',
  'pradesh',
  'madhyapradesh',
  'thana',
  'thane',
  'thanedar',
  'chowki',
  'kotwali',
  'commissionerate',
  'commissioner',
  'policeops',
  'khaki',
  'vardi',
  'jaihind',
  'hind',
  'dial100',
  'dial112',
  'constable',
  'havaldar',
  'sipahi',
  'inspector',
  'bandobast',
  'dak',
  'admin',
  'administrator',
];

let factory: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries take a moment to load. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary, organisation: ORGANISATION_WORDS },
    // Levenshtein matching costs ~200 ms of CPU per check; l33t and reversed words are still matched.
    useLevenshteinDistance: false,
  });
  return factory;
}

/** What is known about the account whose password this is. */
export interface PasswordOwner {
  username: string;
  /** Display names, rank, unit code and name: anything printed next to the account. */
  names?: readonly string[];
}

/** The account's own words, as zxcvbn's user inputs: the whole names and their parts. */
export function ownWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  for (const text of [owner.username, ...(owner.names ?? [])]) {
    const lower = text.normalize('NFKC').toLowerCase().trim();
    if (lower.length === 0) continue;
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{M}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why this password may not be chosen, as the rest of a sentence that starts with the field's
 * name ("newPassword is too easy to guess: …"), or null when it is fine.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < 12) return 'must be at least 12 characters long';
  if (password.toLowerCase().includes(owner.username.toLowerCase())) return 'must not contain your username';
  if (new Set(password).size < 6) return 'must use at least 6 different characters';

  const inputs = ownWords(owner);
  const result = estimator().check(password, inputs);
  // Strong only thanks to the organisation's words or the user's own? Judge it without them.
  const organisation = borrowedWords(password, ORGANISATION_WORDS);
  const own = borrowedWords(password, inputs);
  if (organisation.found.length + own.found.length > 0) {
    const rest = borrowedWords(organisation.rest, inputs).rest;
    if (rest.length === 0 || estimator().check(rest, inputs).score < MIN_PASSWORD_SCORE) {
      const words = [...new Set([...organisation.found, ...own.found])]
        .sort((a, b) => password.indexOf(a) - password.indexOf(b))
        .map((w) => `"${w}"`)
        .join(', ');
      const whose =
        own.found.length > 0 && organisation.found.length > 0
          ? 'the police and about you'
          : own.found.length > 0
            ? 'you (your name, username, rank or unit)'
            : 'the police or Bhopal';
      return `is too easy to guess: it is built on words about ${whose} (${words}), which are tried first. Add words of your own that have nothing to do with them.`;
    }
  }
  if (result.score < MIN_PASSWORD_SCORE) return `is too easy to guess: ${reason(result)}`;
  return null;
}

/** Letters and the stand-ins people type for them ("Bh0p@l"). */
const LOOKALIKES: Record<string, string> = { a: 'a@4', b: 'b8', e: 'e3', g: 'g9', i: 'i1!|', l: 'l1|', o: 'o0', s: 's$5', t: 't7+', z: 'z2' };
const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/** Where the password contains these words (any case, l33t spellings too): the words as typed, and what is left. */
function borrowedWords(password: string, words: readonly string[]): { found: string[]; rest: string } {
  const found: string[] = [];
  let rest = password;
  // Longest first, so "bhopalpolice" goes before "bhopal".
  for (const word of [...words].filter((w) => [...w].length >= 3).sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(
      [...word].map((c) => (LOOKALIKES[c] ? `[${[...LOOKALIKES[c]!].map(escape).join('')}]` : escape(c))).join(''),
      'giu',
    );
    rest = rest.replace(pattern, (typed) => {
      found.push(typed);
      return '';
    });
  }
  return { found, rest };
}

/** zxcvbn's warning and first suggestion, in its plain English. */
function reason(result: ZxcvbnResult): string {
  const warning = result.feedback.warning ?? 'It would be found after too few guesses.';
  const suggestion = result.feedback.suggestions[0] ?? 'Use a longer password of several uncommon words.';
  const first = warning.charAt(0).toLowerCase() + warning.slice(1);
  return `${first} ${suggestion}`;
}
