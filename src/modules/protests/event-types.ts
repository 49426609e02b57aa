/**
 * The events the Commissioner's order under BNSS s.163(1) puts under the DCP (Intelligence &
 * Security)'s permission, with the words printed on letters and messages.
 */
export const EVENT_TYPES = {
  DHARNA: { hi: 'धरना', en: 'Dharna (sit-in)' },
  PRADARSHAN: { hi: 'प्रदर्शन', en: 'Pradarshan (demonstration)' },
  ANDOLAN: { hi: 'आंदोलन', en: 'Andolan (agitation)' },
  JULOOS: { hi: 'जुलूस', en: 'Juloos (procession)' },
  RALLY: { hi: 'रैली', en: 'Rally' },
  AAM_SABHA: { hi: 'आम सभा', en: 'Aam sabha (public meeting)' },
  PUTLA_DAHAN: { hi: 'पुतला दहन', en: 'Putla dahan (effigy burning)' },
  PAD_YATRA: { hi: 'पद यात्रा', en: 'Pad yatra (foot march)' },
  RATH_YATRA: { hi: 'रथ यात्रा', en: 'Rath yatra' },
  VEHICLE_RALLY: { hi: 'वाहन रैली', en: 'Vehicle rally' },
  GYAPAN: { hi: 'ज्ञापन', en: 'Gyapan (memorandum)' },
  GHERAO: { hi: 'घेराव', en: 'Gherao' },
} as const satisfies Record<string, { hi: string; en: string }>;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_CODES = Object.keys(EVENT_TYPES) as EventType[];

export const ID_DOCUMENT_TYPES = ['AADHAAR', 'VOTER_ID', 'PAN', 'DRIVING_LICENCE', 'PASSPORT', 'RATION_CARD', 'OTHER'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const SMS_LANGUAGES = ['hi', 'en', 'bi'] as const;
export type SmsLanguage = (typeof SMS_LANGUAGES)[number];

export const THANA_RECOMMENDATIONS = ['RECOMMENDED', 'RECOMMENDED_WITH_CONDITIONS', 'NOT_RECOMMENDED'] as const;
export type ThanaRecommendation = (typeof THANA_RECOMMENDATIONS)[number];

/** What a revocation may point at, e.g. the VIP programme whose movement forced it. */
export const LINKED_RECORD_TYPES = ['VIP_PROGRAMME', 'RESTRICTION_ORDER', 'INTELLIGENCE_INPUT', 'DAK', 'OTHER'] as const;
export type LinkedRecordType = (typeof LINKED_RECORD_TYPES)[number];
