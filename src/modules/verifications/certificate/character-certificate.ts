import type { Block, PublicFact, TemplateStore } from '../../../platform/documents';
import { formatValidUntil } from '../../../platform/documents';
import { formatIstDate } from '../../../platform/time';
import { latinSpelling } from '../matching/name-key';

type Lang = 'hi' | 'en';
type Both = { readonly hi: string; readonly en: string };

/** What a character verification certificate prints (outcome CLEAR). */
export interface CertificateParticulars {
  /** As the application has them; the missing script is derived. */
  readonly applicantNameHi: string | null;
  readonly applicantNameEn: string | null;
  /** "पुत्र श्री रमेश शर्मा" / "S/o Shri Ramesh Sharma", as the application writes the relation. */
  readonly relative: Both;
  /** yyyy-mm-dd. */
  readonly dateOfBirth: string;
  readonly address: string;
  readonly appliedOn: Date;
  readonly purpose: Both;
  readonly thana: Both;
  /** The employer or landlord, with their address; empty for a certificate for oneself. */
  readonly requestingParty: string;
  readonly validUntil: Date;
  readonly signer: { readonly nameHi: string; readonly nameEn: string; readonly designation: string };
}

const NONE: Both = { hi: 'स्वयं', en: 'Self' };

/** dd-mm-yyyy of a yyyy-mm-dd date, as the paper prints dates. */
const printedDate = (ymd: string) => ymd.split('-').reverse().join('-');

function applicantName(p: CertificateParticulars, lang: Lang): string {
  if (lang === 'hi') return p.applicantNameHi ?? p.applicantNameEn ?? '';
  return p.applicantNameEn ?? (p.applicantNameHi ? latinSpelling(p.applicantNameHi) : '');
}

/** The values the template may use, in one language. */
export function certificateVars(p: CertificateParticulars, lang: Lang): Record<string, string> {
  return {
    applicantName: applicantName(p, lang),
    relative: p.relative[lang],
    dateOfBirth: printedDate(p.dateOfBirth),
    address: p.address,
    appliedOn: formatIstDate(p.appliedOn),
    purpose: p.purpose[lang],
    thana: p.thana[lang],
    requestingParty: p.requestingParty.trim() || NONE[lang],
    validUntil: formatValidUntil(p.validUntil)[lang],
  };
}

/**
 * The certificate in Hindi, then in English, then the signature: one bilingual paper, as the
 * protest letters are. Issue it with `validUntil: p.validUntil` and `certificatePublicFacts(p)`,
 * so its verify page answers "expired" from that instant.
 */
export function composeCharacterCertificate(
  templates: TemplateStore,
  p: CertificateParticulars,
): { title: string; blocks: Block[] } {
  const parts = (['hi', 'en'] as const).map((lang) =>
    templates.render('verifications', 'character-certificate', lang, certificateVars(p, lang)),
  );
  const title = parts.map((r) => r.title ?? 'Character verification certificate').join(' / ');
  return {
    title,
    blocks: [
      ...parts[0]!.blocks,
      { kind: 'spacer', height: 18 },
      { kind: 'heading', level: 2, text: parts[1]!.title ?? 'Character verification certificate' },
      ...parts[1]!.blocks,
      { kind: 'signature', nameHi: p.signer.nameHi, nameEn: p.signer.nameEn, designation: p.signer.designation },
    ],
  };
}

/**
 * The first letter of each word, "R. K. S." for Rajesh Kumar Sharma and "रा. कु. श." for
 * राजेश कुमार शर्मा (a Devanagari initial keeps its vowel sign, as Hindi writes initials).
 */
export function nameInitials(name: string): string {
  const segmenter = new Intl.Segmenter('hi', { granularity: 'grapheme' });
  return name
    .normalize('NFC')
    .split(/[\s.]+/u)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) => {
      const first = segmenter.segment(w)[Symbol.iterator]().next().value?.segment ?? '';
      return `${/\p{Script=Latin}/u.test(first) ? first.toUpperCase() : first}.`;
    })
    .join(' ');
}

/**
 * What the public verify page shows of a certificate: enough to tie it to the paper in hand
 * and nothing more (the applicant's initials, the purpose, the date applied; the page adds the
 * issue date and the validity), never the name, the relative, the birth or an address.
 */
export function certificatePublicFacts(p: CertificateParticulars): PublicFact[] {
  const initials = { hi: nameInitials(applicantName(p, 'hi')), en: nameInitials(applicantName(p, 'en')) };
  const applied = formatIstDate(p.appliedOn);
  return [
    { key: 'initials', label: { hi: 'आवेदक के नाम के आद्याक्षर', en: "Applicant's initials" }, value: initials },
    { key: 'purpose', label: { hi: 'प्रयोजन', en: 'Purpose' }, value: { ...p.purpose } },
    { key: 'appliedOn', label: { hi: 'आवेदन दिनांक', en: 'Applied on' }, value: { hi: applied, en: applied } },
  ];
}
