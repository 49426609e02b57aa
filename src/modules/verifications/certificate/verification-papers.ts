import type { Block, PublicFact, TemplateStore } from '../../../platform/documents';
import { formatIstDate } from '../../../platform/time';
import { latinSpelling } from '../matching/name-key';
import type { VerificationAppeal } from '../entities/verification-appeal.entity';
import type { VerificationApplication } from '../entities/verification-application.entity';
import { APPEAL_AUTHORITY, AppealLevel, PURPOSES } from '../verification-terms';
import { CertificateParticulars, certificatePublicFacts, composeCharacterCertificate } from './character-certificate';

type Lang = 'hi' | 'en';
type Both = { readonly hi: string; readonly en: string };
export interface Signer {
  readonly nameHi: string;
  readonly nameEn: string;
  readonly designation: string;
}
interface Named {
  readonly nameHi: string;
  readonly nameEn: string;
}

/** The DSP who signs a decision off: an ACP in the commissionerate. */
export function signOffDesignation(unit: Named): string {
  return `सहायक पुलिस आयुक्त (उप पुलिस अधीक्षक), ${unit.nameHi}\nAssistant Commissioner of Police (DSP), ${unit.nameEn}`;
}

export function appealDesignation(level: AppealLevel, unit: Named): string {
  const a = APPEAL_AUTHORITY[level];
  return `${a.hi}, ${unit.nameHi}\n${a.en}, ${unit.nameEn}`;
}

const latin = (text: string) => (/\p{Script=Devanagari}/u.test(text) ? latinSpelling(text) : text);

/** "पुत्र श्री रमेश शर्मा" / "S/o Shri Ramesh Sharma", as the application gives the relation. */
export function relativeLine(app: Pick<VerificationApplication, 'relation' | 'relativeName' | 'gender'>): Both {
  const hi = app.relation === 'HUSBAND' ? 'पत्नी' : app.gender === 'FEMALE' ? 'पुत्री' : 'पुत्र';
  const en = app.relation === 'HUSBAND' ? 'W/o' : app.gender === 'FEMALE' ? 'D/o' : 'S/o';
  return { hi: `${hi} श्री ${app.relativeName}`, en: `${en} Shri ${latin(app.relativeName)}` };
}

/** What the papers print of an application, from the record as it stands. */
export function particularsOf(app: VerificationApplication, thana: Named, validUntil: Date, signer: Signer): CertificateParticulars {
  return {
    // Both spellings are kept on the application (a derived one as the record shows it).
    applicantNameHi: app.nameHi,
    applicantNameEn: app.nameEn,
    relative: relativeLine(app),
    dateOfBirth: app.dob,
    address: [app.presentAddress, app.presentLocality].filter(Boolean).join(', '),
    appliedOn: app.receivedAt,
    purpose: PURPOSES[app.purpose],
    thana: { hi: thana.nameHi, en: thana.nameEn },
    requestingParty: app.requestingPartyName ? [app.requestingPartyName, app.requestingPartyAddress].filter(Boolean).join(', ') : '',
    validUntil,
    signer,
  };
}

/** The paper's two halves, Hindi first, then the signature: one bilingual paper. */
function bilingual(templates: TemplateStore, name: string, vars: (lang: Lang) => Record<string, string>, signer: Signer, fallback: string) {
  const parts = (['hi', 'en'] as const).map((lang) => {
    const rendered = templates.render('verifications', name, lang, vars(lang));
    // A value left empty (no grounds) drops its line, not the paragraph's others.
    const blocks = rendered.blocks.flatMap((b): Block[] => {
      if (b.kind !== 'paragraph') return [b];
      const text = b.text.split('\n').filter((line) => line.trim() !== '').join('\n');
      return text ? [{ ...b, text }] : [];
    });
    return { title: rendered.title ?? fallback, blocks };
  });
  const blocks: Block[] = [
    ...parts[0]!.blocks,
    { kind: 'spacer', height: 18 },
    { kind: 'heading', level: 2, text: parts[1]!.title },
    ...parts[1]!.blocks,
    { kind: 'signature', nameHi: signer.nameHi, nameEn: signer.nameEn, designation: signer.designation },
  ];
  return { title: parts.map((p) => p.title).join(' / '), blocks };
}

const applicantName = (p: CertificateParticulars, lang: Lang) =>
  lang === 'hi' ? (p.applicantNameHi ?? p.applicantNameEn ?? '') : (p.applicantNameEn ?? (p.applicantNameHi ? latinSpelling(p.applicantNameHi) : ''));

const FINDING = {
  ADVERSE: { hi: 'आवेदक के विरुद्ध निम्न प्रतिकूल तथ्य पाए गए', en: 'the following adverse facts were found against the applicant' },
  INCOMPLETE: { hi: 'सत्यापन पूर्ण नहीं हो सका, क्योंकि निम्न जानकारी अपूर्ण है', en: 'the verification could not be completed, because the following is missing' },
} as const;

/** The report letter of an ADVERSE or INCOMPLETE decision, with its grounds (records cited by their case references). */
export function composeReportLetter(
  templates: TemplateStore,
  app: VerificationApplication,
  p: CertificateParticulars,
  citedCases: readonly string[],
): { title: string; blocks: Block[] } {
  const outcome = app.outcome === 'INCOMPLETE' ? 'INCOMPLETE' : 'ADVERSE';
  const grounds = outcome === 'ADVERSE' ? [app.outcomeGrounds ?? '', ...citedCases].filter(Boolean).join('\n') : (app.outcomeMissing ?? '');
  return bilingual(
    templates,
    'verification-report',
    (lang) => ({
      applicantName: applicantName(p, lang),
      relative: p.relative[lang],
      address: p.address,
      appliedOn: formatIstDate(p.appliedOn),
      purpose: p.purpose[lang],
      thana: p.thana[lang],
      finding: FINDING[outcome][lang],
      grounds,
    }),
    p.signer,
    'Character verification report',
  );
}

const APPEAL_WORDS = {
  FIRST: { hi: 'प्रथम अपील', en: 'first appeal' },
  SECOND: { hi: 'द्वितीय अपील', en: 'second appeal' },
} as const;
const DECISION_WORDS = {
  UPHELD: { hi: 'यथावत रखा जाता है', en: 'upheld' },
  OVERTURNED: { hi: 'निरस्त किया जाता है', en: 'overturned' },
} as const;
const OUTCOME_WORDS = {
  ADVERSE: { hi: 'प्रतिकूल प्रतिवेदन', en: 'An adverse report' },
  INCOMPLETE: { hi: 'अपूर्ण प्रतिवेदन', en: 'An incomplete report' },
  CLEAR: { hi: 'स्पष्ट प्रतिवेदन', en: 'A clear report' },
} as const;

/** The order on an appeal: the decision appealed against, the grounds, upheld or overturned with reasons, and what follows. */
export function composeAppealOrder(
  templates: TemplateStore,
  app: VerificationApplication,
  appeal: VerificationAppeal,
  p: CertificateParticulars,
): { title: string; blocks: Block[] } {
  const decision = appeal.decision!;
  const signedOff = formatIstDate(app.signedOffAt!);
  const outcome = OUTCOME_WORDS[app.outcome ?? 'ADVERSE'];
  const against = {
    hi: `${outcome.hi}, दिनांक ${signedOff} को स्वीकृत${appeal.level === 'SECOND' ? '; प्रथम अपील में यथावत रखा गया' : ''}।`,
    en: `${outcome.en}, signed off on ${signedOff}${appeal.level === 'SECOND' ? '; upheld in first appeal' : ''}.`,
  };
  const order =
    decision === 'OVERTURNED'
      ? { hi: 'आवेदक को चरित्र प्रमाण पत्र जारी किया जाता है; वह इस आदेश के साथ जारी है।', en: 'The character certificate is issued to the applicant with this order.' }
      : appeal.level === 'FIRST'
        ? { hi: 'इस आदेश के विरुद्ध पुलिस उपायुक्त (पुलिस अधीक्षक) को द्वितीय अपील की जा सकती है।', en: 'A second appeal against this order lies to the DCP (SP).' }
        : { hi: 'यह आदेश अंतिम है।', en: 'This order is final.' };
  return bilingual(
    templates,
    'appeal-order',
    (lang) => ({
      appeal: APPEAL_WORDS[appeal.level][lang],
      applicantName: applicantName(p, lang),
      relative: p.relative[lang],
      appliedOn: formatIstDate(p.appliedOn),
      purpose: p.purpose[lang],
      thana: p.thana[lang],
      receivedOn: formatIstDate(appeal.receivedAt),
      appealedAgainst: against[lang],
      grounds: appeal.grounds,
      decision: DECISION_WORDS[decision][lang],
      reasons: appeal.reasons ?? '',
      order: order[lang],
    }),
    p.signer,
    'Appeal order',
  );
}

export { certificatePublicFacts, composeCharacterCertificate };

/** The verify page of any paper of an application shows only the initials, the purpose and the dates. */
export function paperPublicFacts(p: CertificateParticulars): PublicFact[] {
  return certificatePublicFacts(p);
}
