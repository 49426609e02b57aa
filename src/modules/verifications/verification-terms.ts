/** How verification applications are named in the audit log, the outbox, documents and notifications. */
export const VERIFICATION_SOURCE = 'verification_application';

/**
 * Why the applicant wants the police's word (BRIEF §3). A passport verification is initiated by
 * the MEA (the Regional Passport Office) and covers the present address only.
 */
export const PURPOSES = {
  SELF: { hi: 'स्वयं / चरित्र प्रमाण पत्र', en: 'Self / character certificate' },
  EMPLOYMENT: { hi: 'नौकरी', en: 'Employment' },
  TENANT: { hi: 'किरायेदार', en: 'Tenant' },
  DOMESTIC_HELP: { hi: 'घरेलू सहायक', en: 'Domestic help' },
  PASSPORT: { hi: 'पासपोर्ट (विदेश मंत्रालय)', en: 'Passport (initiated by MEA)' },
} as const satisfies Record<string, { hi: string; en: string }>;
export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_CODES = Object.keys(PURPOSES) as Purpose[];
/** Purposes that name a requesting party (employer, landlord, householder, the passport office). */
export const PURPOSES_WITH_PARTY: readonly Purpose[] = ['EMPLOYMENT', 'TENANT', 'DOMESTIC_HELP', 'PASSPORT'];

export const GENDERS = ['FEMALE', 'MALE', 'TRANSGENDER'] as const;
export type Gender = (typeof GENDERS)[number];

export const RELATIONS = ['FATHER', 'HUSBAND'] as const;
export type RelationKind = (typeof RELATIONS)[number];

export const ID_DOCUMENT_TYPES = ['AADHAAR', 'VOTER_ID', 'PAN', 'DRIVING_LICENCE', 'PASSPORT', 'RATION_CARD', 'OTHER'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const SMS_LANGUAGES = ['hi', 'en', 'bi'] as const;
export type SmsLanguage = (typeof SMS_LANGUAGES)[number];

export const FEE_STATUSES = ['PAID', 'BPL_EXEMPT'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];
/** The portal's fee (BRIEF §3); nothing for a BPL applicant. */
export const VERIFICATION_FEE_RUPEES = 100;

/** How the thana was found: the locality register, a thana's own name in the address, or a person's choice. */
export const ROUTED_BY = ['LOCALITY', 'THANA_NAME', 'OVERRIDE'] as const;
export type RoutedBy = (typeof ROUTED_BY)[number];

/** What the officer found at the address. */
export const VISIT_OUTCOMES = ['RESIDES_AT_ADDRESS', 'NOT_FOUND_AT_ADDRESS', 'HOUSE_LOCKED', 'ADVERSE_LOCAL_REPORT'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** The brief found no MP outcome codes; these three are ours (BRIEF §3). */
export const OUTCOMES = ['CLEAR', 'ADVERSE', 'INCOMPLETE'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const HIT_DECISIONS = ['SAME', 'DIFFERENT'] as const;
export type HitDecision = (typeof HIT_DECISIONS)[number];

export const ATTACHMENT_KINDS = ['CONSENT_LETTER', 'VISIT_PHOTO', 'OTHER'] as const;
export type VerificationAttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The two appeals against a DSP's decision (Lok Seva Guarantee, BRIEF §3): to the Addl. SP, then to the SP. */
export const APPEAL_LEVELS = ['FIRST', 'SECOND'] as const;
export type AppealLevel = (typeof APPEAL_LEVELS)[number];
export const APPEAL_AUTHORITY: Record<AppealLevel, { hi: string; en: string }> = {
  FIRST: { hi: 'अपर पुलिस उपायुक्त (अपर पुलिस अधीक्षक), प्रथम अपील अधिकारी', en: 'Additional DCP (Addl. SP), first appellate authority' },
  SECOND: { hi: 'पुलिस उपायुक्त (पुलिस अधीक्षक), द्वितीय अपील अधिकारी', en: 'DCP (SP), second appellate authority' },
};

/** An appeal's decision: the decision appealed against stands (UPHELD) or is set aside (OVERTURNED). */
export const APPEAL_DECISIONS = ['UPHELD', 'OVERTURNED'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** The papers of an application: the certificate (CLEAR), the report letter (ADVERSE, INCOMPLETE) and the appeal orders. */
export const PAPER_KINDS = {
  CERTIFICATE: 'CHARACTER_CERTIFICATE',
  REPORT: 'CHARACTER_VERIFICATION_REPORT',
  APPEAL_ORDER: 'CHARACTER_VERIFICATION_APPEAL_ORDER',
} as const;
