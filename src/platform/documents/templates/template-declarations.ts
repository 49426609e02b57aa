/** Languages a template file can be written in. */
export type TemplateLanguage = 'hi' | 'en';

/**
 * What code promises a template: the placeholders it may use (all of which callers must
 * supply) and the languages that must exist. Office staff edit the text files; adding a new
 * placeholder needs a code change here, so no template can ask for data nobody provides.
 */
export interface TemplateDeclaration {
  readonly kind: string;
  readonly name: string;
  readonly description: string;
  readonly placeholders: readonly string[];
  readonly languages: readonly TemplateLanguage[];
  /** For an SMS: its size rules and the worst case the template check renders. */
  readonly sms?: SmsDeclaration;
}

/** Written into a worst-case value where the app's public address (BASE_URL) goes. */
export const BASE_URL_MARK = '{BASE_URL}';

/**
 * What an SMS template promises. The notify platform fits every message to `maxParts` by
 * shortening the `shrink` placeholders; the template check renders `worstCase` (the longest
 * values senders give) and fails a template that does not fit even then.
 */
export interface SmsDeclaration {
  /** The most SMS parts one message may take. Absent: counted and shown, no limit set yet. */
  readonly maxParts?: number;
  /** Shortened in this order when a message is too long, each to no fewer than `min` characters. */
  readonly shrink?: readonly { readonly placeholder: string; readonly min: number }[];
  /** Also sent as one message holding both languages (language `bi`: Hindi, then English). */
  readonly bilingual?: boolean;
  /** Per language, the longest value of each placeholder a sender gives; `bi` uses the Hindi ones. */
  readonly worstCase: Readonly<Record<TemplateLanguage, Readonly<Record<string, string>>>>;
}

// Worst cases. Names and places as long as real ones get; a slip link as SlipLinks makes it
// (BASE_URL + "/s/" + 40 characters), a VIP link as the web app's programme page.
const LONG_NAME = { hi: 'श्रीमती प्रियंका कुमारी शर्मा चतुर्वेदी', en: 'Smt. Priyanka Kumari Sharma Chaturvedi' };
const LONG_EVENT = {
  hi: 'श्री गणेश विसर्जन चल समारोह बंदोबस्त 2026, पुराना भोपाल',
  en: 'Shri Ganesh Visarjan procession bandobast 2026, Old Bhopal',
};
const LONG_POST = {
  hi: 'पुराना सब्ज़ी मंडी चौराहा, श्री हनुमान मंदिर के सामने',
  en: 'Old Sabzi Mandi square, opposite Shri Hanuman temple',
};
const LONG_THANA = { hi: 'हबीबगंज (ज़ोन-1)', en: 'Habibganj (Zone 1)' };
const SLIP_LINK = `${BASE_URL_MARK}/s/${'x'.repeat(40)}`;
const VIP_LINK = `${BASE_URL_MARK}/vip-programmes/00000000-0000-4000-8000-000000000000`;
const REPORT_AT = '28-11 21:30';
const bothLanguages = (vars: (lang: TemplateLanguage) => Record<string, string>) => ({ hi: vars('hi'), en: vars('en') });
const dutySms = (extra: Record<string, string> = {}): SmsDeclaration => ({
  maxParts: 2,
  // The slip behind the link carries the detail: the event goes first, the post last.
  shrink: [
    { placeholder: 'event', min: 12 },
    { placeholder: 'name', min: 10 },
    { placeholder: 'post', min: 10 },
  ],
  worstCase: bothLanguages((l) => ({
    name: LONG_NAME[l],
    event: LONG_EVENT[l],
    post: LONG_POST[l],
    more: ' (+2)',
    reportAt: REPORT_AT,
    ...extra,
  })),
});

export const TEMPLATE_DECLARATIONS: readonly TemplateDeclaration[] = [
  {
    kind: 'letters',
    name: 'general-letter',
    description: 'General office letter: addressee, subject, body.',
    placeholders: ['recipient', 'subject', 'body'],
    languages: ['hi', 'en'],
  },
  // Protest permissions (dharna-pradarshan): src/modules/protests.
  {
    kind: 'protests',
    name: 'permission-letter',
    description: 'Protest permission: applicant, event, place, time, loudspeaker, vehicles, conditions, copy to the thana.',
    placeholders: ['applicantName', 'organisation', 'address', 'eventType', 'purpose', 'place', 'startsAt', 'endsAt', 'participants', 'loudspeaker', 'vehicles', 'conditions', 'receivedOn', 'thana'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'protests',
    name: 'refusal-letter',
    description: 'Protest refusal: applicant, event, place, time and the stated grounds.',
    placeholders: ['applicantName', 'organisation', 'address', 'eventType', 'place', 'startsAt', 'endsAt', 'receivedOn', 'grounds', 'thana'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'protests',
    name: 'revocation-letter',
    description: 'Revocation of a protest permission: the permission it revokes and the reason.',
    placeholders: ['applicantName', 'organisation', 'address', 'eventType', 'place', 'startsAt', 'endsAt', 'permissionDate', 'reason', 'thana'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'protests',
    name: 'standard-conditions',
    description: 'The standard conditions of a protest permission, one "- key: text" item each; same keys in both languages.',
    placeholders: [],
    languages: ['hi', 'en'],
  },
  ...['received', 'thana-report-requested', 'thana-reported', 'approved', 'rejected', 'withdrawn', 'revoked'].map(
    (stage): TemplateDeclaration => ({
      kind: 'messages',
      name: `protest-${stage}`,
      description: `SMS to a protest applicant: ${stage.replace(/-/g, ' ')}.`,
      placeholders: ['reference', 'eventDate', 'thana'],
      languages: ['hi', 'en'],
      sms: {
        bilingual: true,
        worstCase: bothLanguages((l) => ({ reference: 'PRT/2026/000123', eventDate: '31-12-2026 10:30', thana: LONG_THANA[l] })),
      },
    }),
  ),
  {
    kind: 'messages',
    name: 'vip-revision-issued',
    description: 'SMS to unit in-charges: a VIP programme revision was issued (no movement details).',
    placeholders: ['ref', 'revision', 'link'],
    languages: ['hi', 'en'],
    sms: { bilingual: true, worstCase: bothLanguages(() => ({ ref: 'VIP/2026/000123', revision: '12', link: VIP_LINK })) },
  },
  {
    kind: 'messages',
    name: 'vip-unit-dropped',
    description: 'SMS to the in-charges of a unit a new revision no longer concerns: it is off the programme and loses access (no link).',
    placeholders: ['ref', 'revision'],
    languages: ['hi', 'en'],
    sms: { bilingual: true, worstCase: bothLanguages(() => ({ ref: 'VIP/2026/000123', revision: '12' })) },
  },
  {
    kind: 'messages',
    name: 'vip-programme-cancelled',
    description: 'SMS to unit in-charges: a VIP programme was cancelled.',
    placeholders: ['ref'],
    languages: ['hi', 'en'],
    sms: { bilingual: true, worstCase: bothLanguages(() => ({ ref: 'VIP/2026/000123' })) },
  },
  // Dak (inward correspondence): src/modules/dak.
  {
    kind: 'dak',
    name: 'dak-reply',
    description: 'Reply to an inward letter: the recipient, the subject, their letter and our diary number, and the text the officer wrote.',
    placeholders: ['recipient', 'subject', 'theirLetter', 'diaryNo', 'body'],
    languages: ['hi', 'en'],
  },
  // Character verification (charitra satyapan): src/modules/verifications.
  {
    kind: 'verifications',
    name: 'character-certificate',
    description:
      'Character verification certificate (outcome CLEAR): applicant, relative, birth, address, purpose, requesting party, thana and the last day of validity.',
    placeholders: ['applicantName', 'relative', 'dateOfBirth', 'address', 'appliedOn', 'purpose', 'thana', 'requestingParty', 'validUntil'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'verifications',
    name: 'verification-report',
    description: 'Character verification report letter (outcome ADVERSE or INCOMPLETE): applicant, the finding, its grounds or what is missing, and the first appeal.',
    placeholders: ['applicantName', 'relative', 'address', 'appliedOn', 'purpose', 'thana', 'finding', 'grounds'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'verifications',
    name: 'appeal-order',
    description: 'Order on a first or second appeal in a character verification: the decision appealed against, the grounds, upheld or overturned with reasons, and what follows.',
    placeholders: ['appeal', 'applicantName', 'relative', 'appliedOn', 'purpose', 'thana', 'receivedOn', 'appealedAgainst', 'grounds', 'decision', 'reasons', 'order'],
    languages: ['hi', 'en'],
  },
  // Duty charts (bandobast): src/modules/duty-charts.
  // The dak register: src/modules/dak.
  {
    kind: 'dak',
    name: 'outage-report',
    description: 'Opening lines of the report of dak received while e-Office was down: the period, how many, whether it has ended, as at when.',
    placeholders: ['period', 'count', 'state', 'asAt'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'duty-charts',
    name: 'duty-chart',
    description: 'Opening lines of a duty chart (master or one thana): event, version, period, which chart.',
    placeholders: ['event', 'version', 'period', 'scope'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'duty-charts',
    name: 'duty-slip',
    description: 'Standing instructions printed at the foot of every duty slip.',
    placeholders: ['event'],
    languages: ['hi', 'en'],
  },
  // Duty SMS: at most two parts (134 characters in Hindi, whose SMS are UCS-2); the slip
  // behind the link carries the detail. `more` is " (+N)" when the slip has N more duties.
  {
    kind: 'messages',
    name: 'duty-slip',
    description: 'SMS to an officer: your duty in a bandobast, with the signed link to the slip.',
    placeholders: ['name', 'event', 'reportAt', 'post', 'more', 'link'],
    languages: ['hi', 'en'],
    sms: dutySms({ link: SLIP_LINK }),
  },
  {
    kind: 'messages',
    name: 'duty-slip-changed',
    description: 'SMS to an officer whose duty changed in a new chart version, with the link to the new slip.',
    placeholders: ['name', 'event', 'reportAt', 'post', 'more', 'link'],
    languages: ['hi', 'en'],
    sms: dutySms({ link: SLIP_LINK }),
  },
  {
    kind: 'messages',
    name: 'duty-cancelled',
    description: 'SMS to an officer taken off a bandobast by a new chart version.',
    placeholders: ['name', 'event'],
    languages: ['hi', 'en'],
    sms: {
      maxParts: 2,
      shrink: [
        { placeholder: 'event', min: 12 },
        { placeholder: 'name', min: 10 },
      ],
      worstCase: bothLanguages((l) => ({ name: LONG_NAME[l], event: LONG_EVENT[l] })),
    },
  },
  // Character verification: src/modules/verifications (VERIFICATION_NOTICE_STAGES there).
  ...['sla-warning', 'sla-breached', 'appeal-sla-warning', 'appeal-sla-breached'].map(
    (stage): TemplateDeclaration => ({
      kind: 'messages',
      name: `verification-${stage}`,
      description: stage.startsWith('appeal')
        ? `SMS to the appellate authorities of the thana's zone: an appeal in a verification is ${stage.endsWith('warning') ? 'near' : 'past'} its limit (no applicant's details).`
        : `SMS to a verifier and the circle's DSP: a verification is ${stage === 'sla-warning' ? 'near' : 'past'} its Lok Seva limit (no applicant's details).`,
      placeholders: ['reference', 'thana', 'dueOn'],
      languages: ['hi', 'en'],
      sms: {
        bilingual: true,
        worstCase: bothLanguages(() => ({ reference: 'CV/2026/000123', thana: `${LONG_THANA.hi} (${LONG_THANA.en})`, dueOn: '31-12-2026' })),
      },
    }),
  ),
  ...['received', 'rerouted', 'visited', 'clear', 'adverse', 'incomplete', 'appeal-received', 'appeal-upheld', 'appeal-overturned', 'certificate-withdrawn'].map(
    (stage): TemplateDeclaration => ({
      kind: 'messages',
      name: `verification-${stage}`,
      description: `SMS to a verification applicant: ${stage}.`,
      placeholders: ['reference', 'thana', 'dueOn'],
      languages: ['hi', 'en'],
      sms: {
        bilingual: true,
        worstCase: bothLanguages((l) => ({ reference: 'CV/2026/000123', thana: LONG_THANA[l], dueOn: '31-12-2026' })),
      },
    }),
  ),
];
