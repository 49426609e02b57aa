/**
 * Human names of the kinds of paper we issue, for the public verify page. Modules add theirs
 * here; an unknown kind is shown by its code.
 */
export const DOCUMENT_KIND_LABELS: Record<string, { en: string; hi: string }> = {
  GENERAL_LETTER: { en: 'General letter', hi: 'सामान्य पत्र' },
  PROTEST_PERMISSION: { en: 'Protest permission letter', hi: 'धरना-प्रदर्शन अनुमति पत्र' },
  PROTEST_REFUSAL: { en: 'Protest refusal letter', hi: 'धरना-प्रदर्शन अस्वीकृति पत्र' },
  PROTEST_REVOCATION: { en: 'Protest permission revocation', hi: 'धरना-प्रदर्शन अनुमति निरस्तीकरण' },
  CHARACTER_CERTIFICATE: { en: 'Character certificate', hi: 'चरित्र प्रमाण पत्र' },
  CHARACTER_VERIFICATION_REPORT: { en: 'Character verification report', hi: 'चरित्र सत्यापन प्रतिवेदन' },
  CHARACTER_VERIFICATION_APPEAL_ORDER: { en: 'Character verification appeal order', hi: 'चरित्र सत्यापन अपील आदेश' },
  VIP_PROGRAMME: { en: 'VIP movement programme', hi: 'अति विशिष्ट व्यक्ति भ्रमण कार्यक्रम' },
  VIP_MOVEMENT_SHEET: { en: 'Movement sheet', hi: 'भ्रमण पत्रक' },
  DUTY_CHART: { en: 'Duty chart', hi: 'ड्यूटी चार्ट' },
  DUTY_SLIP: { en: 'Duty slip', hi: 'ड्यूटी पर्ची' },
  DAK_OUTAGE_REPORT: { en: 'Dak received during an e-Office outage', hi: 'ई-ऑफिस बंद रहने के दौरान प्राप्त डाक' },
};

export function kindLabel(kind: string): { en: string; hi: string } {
  return DOCUMENT_KIND_LABELS[kind] ?? { en: kind, hi: kind };
}

/**
 * Kinds of paper that are need-to-know: they are served only by the module that owns them, with
 * its access rules and its access log, never by the generic `/documents` routes (which answer
 * 404 for them, to everyone). The public verify page still checks them, without their content.
 * A module can also mark a single paper confidential (`IssueRequest.confidential`), e.g. the
 * duty chart of a VIP bandobast.
 */
export const CONFIDENTIAL_DOCUMENT_KINDS: ReadonlySet<string> = new Set(['VIP_PROGRAMME', 'VIP_MOVEMENT_SHEET']);

export function isConfidentialKind(kind: string): boolean {
  return CONFIDENTIAL_DOCUMENT_KINDS.has(kind);
}

/**
 * Papers about one person (a character certificate, its report, the appeal orders): served only
 * by their module, with its need-to-know and its access log, like confidential papers, but their
 * verify page still shows the public facts the module chose (initials, purpose, dates). Why such
 * a paper was revoked is withheld there: the reason may speak of the person.
 */
export const PERSONAL_DOCUMENT_KINDS: ReadonlySet<string> = new Set([
  'CHARACTER_CERTIFICATE',
  'CHARACTER_VERIFICATION_REPORT',
  'CHARACTER_VERIFICATION_APPEAL_ORDER',
]);

export function isPersonalKind(kind: string): boolean {
  return PERSONAL_DOCUMENT_KINDS.has(kind);
}

/** Served only by the module that owns it: confidential or personal. */
export function isModuleOnlyKind(kind: string): boolean {
  return isConfidentialKind(kind) || isPersonalKind(kind);
}
