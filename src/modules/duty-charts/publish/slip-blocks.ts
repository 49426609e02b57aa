import type { Block, TemplateStore } from '../../../platform/documents';
import { formatIstDateTime, formatIstWindow } from '../../../platform/time';
import { inChargeText, postKindLabel, rankLabel } from './labels';
import { postNames, SlipContent } from './slip-content';

/**
 * The duty slip: who, where (with the location), when to report, the shift, under whom, and
 * what to carry. One page for a single duty; the instructions come from an editable template.
 */
export function slipBlocks(slip: SlipContent, templates: TemplateStore): Block[] {
  const o = slip.officer;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `${slip.bandobast.nameHi} / ${slip.bandobast.nameEn}` },
    {
      kind: 'keyValue',
      keyShare: 0.28,
      items: [
        { key: 'नाम / Name', value: `${o.nameHi} / ${o.nameEn}` },
        { key: 'पद / Rank', value: rankLabel(o.rank) },
        { key: 'बेल्ट नं. / Belt no.', value: o.beltNo },
        { key: 'इकाई / Unit', value: `${o.unitNameHi} / ${o.unitNameEn}` },
      ],
    },
  ];
  slip.duties.forEach((d, i) => {
    const start = new Date(d.start);
    const report = new Date(d.reportAt);
    blocks.push(
      {
        kind: 'heading',
        level: 2,
        text: `ड्यूटी ${i + 1} / Duty ${i + 1}: ${formatIstWindow(start, new Date(d.end))}`,
      },
      {
        kind: 'keyValue',
        keyShare: 0.28,
        items: [
          {
            key: 'ड्यूटी स्थल / Post',
            value: `${postNames(d)} (${d.postCode}), ${postKindLabel(d.postKind)}`,
          },
          {
            key: 'पता / Location',
            value:
              d.lat !== null && d.lng !== null
                ? `${d.location} (${d.lat.toFixed(5)}, ${d.lng.toFixed(5)})`
                : d.location,
          },
          { key: 'रिपोर्टिंग समय / Report at', value: formatIstDateTime(report) },
          {
            key: 'ड्यूटी समय / Shift',
            value: `${formatIstWindow(start, new Date(d.end))} (${d.shiftCode})`,
          },
          { key: 'सेक्टर / Sector', value: `${d.sector}; ${d.division}` },
          { key: 'प्रभारी / In-charge', value: inChargeText(d.inCharge) },
          { key: 'शस्त्र-उपकरण / Arms, equipment', value: d.equipment },
          // A higher rank filling a lower slot is told which slot it fills.
          ...(d.slotRank !== o.rank ? [{ key: 'स्लॉट / Slot', value: rankLabel(d.slotRank) }] : []),
          ...(d.briefing ? [{ key: 'ब्रीफिंग / Briefing', value: d.briefing }] : []),
        ],
      },
    );
  });
  for (const lang of ['hi', 'en'] as const) {
    blocks.push(
      ...templates.render('duty-charts', 'duty-slip', lang, {
        event: lang === 'hi' ? slip.bandobast.nameHi : slip.bandobast.nameEn,
      }).blocks,
    );
  }
  return blocks;
}
