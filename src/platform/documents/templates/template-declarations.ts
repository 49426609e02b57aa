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
}

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
  ...['received', 'thana-report-requested', 'thana-reported', 'approved', 'rejected', 'withdrawn', 'revoked'].map((stage) => ({
    kind: 'messages',
    name: `protest-${stage}`,
    description: `SMS to a protest applicant: ${stage.replace(/-/g, ' ')}.`,
    placeholders: ['reference', 'eventDate', 'thana'],
    languages: ['hi', 'en'] as const,
  })),
  {
    kind: 'messages',
    name: 'vip-revision-issued',
    description: 'SMS to unit in-charges: a VIP programme revision was issued (no movement details).',
    placeholders: ['ref', 'revision', 'link'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'messages',
    name: 'vip-unit-dropped',
    description: 'SMS to the in-charges of a unit a new revision no longer concerns: it is off the programme and loses access (no link).',
    placeholders: ['ref', 'revision'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'messages',
    name: 'vip-programme-cancelled',
    description: 'SMS to unit in-charges: a VIP programme was cancelled.',
    placeholders: ['ref'],
    languages: ['hi', 'en'],
  },
  // Duty charts (bandobast): src/modules/duty-charts.
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
  {
    kind: 'messages',
    name: 'duty-slip',
    description: 'SMS to an officer: your duty in a bandobast, with the signed link to the slip.',
    placeholders: ['name', 'event', 'reportAt', 'post', 'link'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'messages',
    name: 'duty-slip-changed',
    description: 'SMS to an officer whose duty changed in a new chart version, with the link to the new slip.',
    placeholders: ['name', 'event', 'reportAt', 'post', 'link'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'messages',
    name: 'duty-cancelled',
    description: 'SMS to an officer taken off a bandobast by a new chart version.',
    placeholders: ['name', 'event'],
    languages: ['hi', 'en'],
  },
];
