import type { PublicFact } from '../../../platform/documents';
import { formatIstWindow } from '../../../platform/time';
import { ChartData } from './chart-data';
import { SlipContent } from './slip-content';

type Bilingual = { hi: string; en: string };

const fact = (key: string, label: Bilingual, value: Bilingual | string): PublicFact => ({
  key,
  label,
  value: typeof value === 'string' ? { hi: value, en: value } : value,
});

const event = (b: { nameHi: string; nameEn: string }) =>
  fact('event', { hi: 'बंदोबस्त', en: 'Bandobast' }, { hi: b.nameHi, en: b.nameEn });

/**
 * What the public verify page shows of a duty slip: the bandobast, and for each duty its date
 * and time and its post, so a checker at the post can see the QR is this slip's. Never the
 * officer's name, rank, belt number or mobile, nor the in-charge's. (The papers of a bandobast
 * drafted from a VIP programme are confidential: the verify page shows none of this.)
 */
export function slipPublicFacts(slip: SlipContent): PublicFact[] {
  const facts = [event(slip.bandobast)];
  const many = slip.duties.length > 1;
  slip.duties.forEach((d, i) => {
    const n = many ? ` ${i + 1}` : '';
    facts.push(
      fact(
        'dutyDate',
        { hi: `ड्यूटी${n} का दिनांक व समय`, en: `Duty${n} date and time` },
        formatIstWindow(new Date(d.start), new Date(d.end)),
      ),
      fact(
        'post',
        { hi: `ड्यूटी${n} स्थल`, en: `Duty${n} post` },
        { hi: `${d.postNameHi ?? d.postName} (${d.postCode})`, en: `${d.postName} (${d.postCode})` },
      ),
    );
  });
  return facts;
}

/** A duty chart: the bandobast, the chart's version and whose chart it is (master or a thana's). */
export function chartPublicFacts(data: ChartData, scope: Bilingual): PublicFact[] {
  return [
    event(data.bandobast),
    fact('version', { hi: 'संस्करण', en: 'Version' }, String(data.chart.versionNo)),
    fact('scope', { hi: 'चार्ट', en: 'Chart' }, scope),
  ];
}
