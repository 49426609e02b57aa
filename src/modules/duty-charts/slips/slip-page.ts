import { formatIstDateTime, formatIstWindow } from '../../../platform/time';
import { inChargeText, postKindLabel, rankLabel } from '../publish/labels';
import { postNames, type SlipContent } from '../publish/slip-content';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The phone page's one stylesheet, fixed text: the Content-Security-Policy allows it by hash. */
export const SLIP_PAGE_STYLE = `body{font-family:'Noto Sans Devanagari','Noto Sans',system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:36rem;color:#222;line-height:1.4}
h1{font-size:1.15rem;margin:.2rem 0 1rem}h2{font-size:1rem;margin:1.2rem 0 .4rem;padding:.4rem .6rem;background:#1f3a5f;color:#fff;border-radius:.3rem}
dl{margin:0}dt{color:#555;font-size:.85rem;margin-top:.5rem}dd{margin:0;font-size:1rem}
a.button{display:block;text-align:center;margin:1.5rem 0;padding:.9rem;background:#1b7f3b;color:#fff;border-radius:.4rem;text-decoration:none;font-size:1.05rem}
.note{padding:1rem;border-radius:.4rem;color:#fff;background:#b00020}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="hi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title><style>${SLIP_PAGE_STYLE}</style></head>
<body>${body}</body></html>`;
}

/** The officer's phone page: this one slip and its PDF, nothing else from the system. */
export function slipPageHtml(content: SlipContent, pdfHref: string): string {
  const o = content.officer;
  const duties = content.duties
    .map((d, i) => {
      const start = new Date(d.start);
      const report = new Date(d.reportAt);
      const map =
        d.lat !== null && d.lng !== null
          ? ` <a href="https://www.google.com/maps?q=${d.lat},${d.lng}" rel="noreferrer">मानचित्र / Map</a>`
          : '';
      const tel = d.inCharge?.mobile
        ? ` <a href="tel:${esc(d.inCharge.mobile)}">कॉल / Call</a>`
        : '';
      return `<h2>ड्यूटी ${i + 1} / Duty ${i + 1}</h2><dl>
<dt>रिपोर्टिंग समय / Report at</dt><dd><strong>${esc(formatIstDateTime(report))}</strong></dd>
<dt>ड्यूटी समय / Shift</dt><dd>${esc(formatIstWindow(start, new Date(d.end)))}</dd>
<dt>ड्यूटी स्थल / Post</dt><dd>${esc(`${postNames(d)} (${d.postCode}), ${postKindLabel(d.postKind)}`)}</dd>
<dt>पता / Location</dt><dd>${esc(d.location)}${map}</dd>
<dt>सेक्टर / Sector</dt><dd>${esc(`${d.sector}; ${d.division}`)}</dd>
<dt>प्रभारी / In-charge</dt><dd>${esc(inChargeText(d.inCharge))}${tel}</dd>
<dt>शस्त्र-उपकरण / Arms, equipment</dt><dd>${esc(d.equipment)}</dd>
${d.briefing ? `<dt>ब्रीफिंग / Briefing</dt><dd>${esc(d.briefing)}</dd>` : ''}</dl>`;
    })
    .join('\n');
  return page(
    'ड्यूटी पर्ची / Duty slip',
    `<h1>${esc(content.bandobast.nameHi)} / ${esc(content.bandobast.nameEn)}</h1>
<dl><dt>नाम / Name</dt><dd>${esc(`${o.nameHi} / ${o.nameEn}`)}</dd>
<dt>पद / Rank</dt><dd>${esc(rankLabel(o.rank))}, ${esc(o.beltNo)}</dd>
<dt>इकाई / Unit</dt><dd>${esc(`${o.unitNameHi} / ${o.unitNameEn}`)}</dd></dl>
${duties}
<a class="button" href="${esc(pdfHref)}">पर्ची PDF डाउनलोड करें / Download slip (PDF)</a>`,
  );
}

export function slipProblemHtml(kind: 'expired' | 'invalid' | 'cancelled'): string {
  const text = {
    expired: [
      'यह लिंक समाप्त हो चुका है। अपने थाने से नई पर्ची लें।',
      'This link has expired. Ask your thana for the slip.',
    ],
    invalid: ['यह लिंक मान्य नहीं है।', 'This link is not valid.'],
    cancelled: [
      'यह ड्यूटी निरस्त कर दी गई है। पुरानी पर्ची मान्य नहीं है।',
      'This duty has been cancelled. The earlier slip is no longer valid.',
    ],
  }[kind];
  return page(
    'ड्यूटी पर्ची / Duty slip',
    `<div class="note">${esc(text[0])}<br>${esc(text[1])}</div>`,
  );
}
