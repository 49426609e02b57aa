import { PdfLanguage } from './types';

interface Labels {
  reference: string;
  date: string;
  page: (n: number, of: number) => string;
  documentId: string;
  continued: string;
  /** The mark on every page of a draft. */
  draft: string;
}

const HI: Labels = {
  reference: 'क्रमांक',
  date: 'दिनांक',
  page: (n, of) => `पृष्ठ ${n} / ${of}`,
  documentId: 'दस्तावेज़',
  continued: 'क्रमशः',
  draft: 'प्रारूप — मान्य नहीं',
};

const EN: Labels = {
  reference: 'Ref. No.',
  date: 'Date',
  page: (n, of) => `Page ${n} of ${of}`,
  documentId: 'Doc',
  continued: 'continued',
  draft: 'DRAFT — not valid',
};

/** Fixed labels in the document's language; bilingual papers print both, English first. */
export function labelsFor(language: PdfLanguage): Labels {
  if (language === 'hi') return HI;
  if (language === 'en') return EN;
  return {
    reference: `${EN.reference} / ${HI.reference}`,
    date: `${EN.date} / ${HI.date}`,
    page: (n, of) => `${EN.page(n, of)} / ${HI.page(n, of)}`,
    documentId: `${EN.documentId} / ${HI.documentId}`,
    continued: `${EN.continued} / ${HI.continued}`,
    draft: `${EN.draft} / ${HI.draft}`,
  };
}
