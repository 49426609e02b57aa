/** The rank ladder, highest first (BRIEF: DGP > … > Constable). Commissionerate titles map onto it. */
export const RANKS = [
  'DGP',
  'ADG',
  'IG',
  'DIG',
  'SP',
  'ASP',
  'DSP',
  'INSPECTOR',
  'SI',
  'ASI',
  'HEAD_CONSTABLE',
  'CONSTABLE',
] as const;
export type Rank = (typeof RANKS)[number];

export const RANK_LABELS: Record<Rank, { en: string; hi: string }> = {
  DGP: { en: 'Director General of Police', hi: 'पुलिस महानिदेशक' },
  ADG: { en: 'Additional Director General', hi: 'अतिरिक्त पुलिस महानिदेशक' },
  IG: { en: 'Inspector General', hi: 'पुलिस महानिरीक्षक' },
  DIG: { en: 'Deputy Inspector General / Addl. CP', hi: 'उप पुलिस महानिरीक्षक / अति. पुलिस आयुक्त' },
  SP: { en: 'Superintendent / DCP', hi: 'पुलिस अधीक्षक / पुलिस उपायुक्त' },
  ASP: { en: 'Addl. SP / ADCP', hi: 'अति. पुलिस अधीक्षक / अति. पुलिस उपायुक्त' },
  DSP: { en: 'DSP / ACP', hi: 'उप पुलिस अधीक्षक / सहायक पुलिस आयुक्त' },
  INSPECTOR: { en: 'Inspector', hi: 'निरीक्षक' },
  SI: { en: 'Sub-Inspector', hi: 'उप निरीक्षक' },
  ASI: { en: 'Asst. Sub-Inspector', hi: 'सहायक उप निरीक्षक' },
  HEAD_CONSTABLE: { en: 'Head Constable', hi: 'प्रधान आरक्षक' },
  CONSTABLE: { en: 'Constable', hi: 'आरक्षक' },
};
