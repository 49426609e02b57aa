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
  {
    kind: 'messages',
    name: 'vip-revision-issued',
    description: 'SMS to unit in-charges: a VIP programme revision was issued (no movement details).',
    placeholders: ['ref', 'revision', 'link'],
    languages: ['hi', 'en'],
  },
  {
    kind: 'messages',
    name: 'vip-programme-cancelled',
    description: 'SMS to unit in-charges: a VIP programme was cancelled.',
    placeholders: ['ref'],
    languages: ['hi', 'en'],
  },
];
