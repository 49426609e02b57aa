import { devanagariFontFaces } from '../../../platform/documents';
import { formatIstDate, formatIstDateTime, formatIstTime, formatIstWindow } from '../../../platform/time';
import { RANK_LABELS, type Rank } from '../../../platform/ranks';
import { POST_KIND_LABELS } from '../publish/labels';
import type { SlipContent, SlipDuty } from '../publish/slip-content';
import type { PostKind } from '../bandobast/structure.entity';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The language the page leads with; the other one is always there too. */
export type SlipPageLanguage = 'hi' | 'en';

interface Words {
  hi: string;
  en: string;
}

/**
 * The phone page's one stylesheet, fixed text: the Content-Security-Policy allows it by hash.
 * For a constable in the sun with one thumb: near-black on white and white on dark (every text
 * at least 7:1, WCAG AAA), 18 px body text, every link a block at least 56 px high, the PDF at
 * the bottom of the screen where the thumb is, and nothing wider than a 320 px phone.
 */
export const SLIP_PAGE_STYLE = `${devanagariFontFaces('Slip Devanagari', { sizeAdjust: '110%' })}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;color-scheme:light}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font-family:'Slip Devanagari',system-ui,'Noto Sans',Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#111;background:#fff;overflow-wrap:anywhere}
header{background:#0b2545;color:#fff;padding:.75rem 1rem 1rem}
header>*{max-width:34rem;margin-left:auto;margin-right:auto}
.kicker{margin-top:0;margin-bottom:.25rem;font-size:1rem;font-weight:700}
h1{margin-top:0;margin-bottom:0;font-size:1.375rem;line-height:1.3}
.ref,.for{margin-top:.25rem;margin-bottom:0;font-size:1rem}
main{flex:1 0 auto;width:100%;max-width:36rem;margin:0 auto;padding:.5rem 1rem 1.5rem}
h2{font-size:1.25rem;line-height:1.3;margin:1.25rem 0 .5rem;padding-bottom:.25rem;border-bottom:3px solid #0b2545}
.l{display:block}
.sep{padding:0 .3em}
.id{white-space:nowrap}
dl{margin:0}
dt{margin-top:.75rem;font-size:1rem;font-weight:700;color:#3b3b3b}
dd{margin:0}
.report{margin:.5rem 0 0;padding:.75rem 1rem;border:2px solid #111;border-radius:.5rem;background:#fff3c4}
.report dt{margin-top:0;color:#111}
.when{font-size:2.5rem;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums;white-space:nowrap}
.day{display:inline-block;font-size:1.25rem;font-weight:700;white-space:nowrap}
.act{display:flex;align-items:center;gap:.75rem;min-height:3.5rem;margin:.5rem 0 0;padding:.5rem .75rem;border:2px solid #0b2545;border-radius:.5rem;background:#e8eef6;color:#0b2545;font-weight:700;text-decoration:none}
.act svg{flex:none}
.act small{display:block;font-size:1rem;font-weight:700;font-variant-numeric:tabular-nums}
.none{margin:.25rem 0 0;font-size:1rem;color:#3b3b3b}
.changed,.problem{margin:1rem 0 0;padding:.75rem 1rem;border:2px solid #111;border-left-width:.5rem;border-radius:.5rem;background:#fff3c4}
.changed p,.problem p{margin:.25rem 0}
.problem{display:flex;gap:.75rem;align-items:flex-start;background:#fff}
.problem svg{flex:none;margin-top:.25rem}
.problem h1{color:#111;font-size:1.375rem}
.problem .second{margin-top:.75rem}
footer{position:sticky;bottom:0;padding:.75rem 1rem;background:#fff;border-top:2px solid #0b2545}
.pdf{display:flex;align-items:center;justify-content:center;gap:.5rem;min-height:3.5rem;max-width:34rem;margin:0 auto;padding:.5rem 1rem;border-radius:.5rem;background:#0f4d2a;color:#fff;font-size:1.125rem;font-weight:700;text-align:center;text-decoration:none}
.pdf svg{flex:none}
a:focus-visible{outline:3px solid #b45309;outline-offset:3px}`;

/** Both languages, the page's own first: "रिपोर्टिंग समय · Report at". */
function both(w: Words, lead: SlipPageLanguage, sep = ' · '): string {
  const [a, b] = lead === 'hi' ? (['hi', 'en'] as const) : (['en', 'hi'] as const);
  if (w.hi === w.en) return esc(w.hi);
  return `<span lang="${a}">${esc(w[a])}</span><span class="sep" aria-hidden="true">${esc(sep.trim())}</span><span lang="${b}">${esc(w[b])}</span>`;
}

/** Both languages on a line each, for values that are long on a 320 px screen. */
function lines(w: Words, lead: SlipPageLanguage): string {
  const [a, b] = lead === 'hi' ? (['hi', 'en'] as const) : (['en', 'hi'] as const);
  if (w.hi === w.en) return `<span class="l">${esc(w.hi)}</span>`;
  return `<span class="l" lang="${a}">${esc(w[a])}</span><span class="l" lang="${b}">${esc(w[b])}</span>`;
}

const L = {
  title: { hi: 'ड्यूटी पर्ची', en: 'Duty slip' },
  officer: { hi: 'अधिकारी', en: 'Officer' },
  name: { hi: 'नाम', en: 'Name' },
  rank: { hi: 'पद, बेल्ट नंबर', en: 'Rank, belt number' },
  unit: { hi: 'इकाई', en: 'Unit' },
  yourDuty: { hi: 'आपकी ड्यूटी', en: 'Your duty' },
  reportAt: { hi: 'रिपोर्टिंग समय', en: 'Report at' },
  post: { hi: 'ड्यूटी स्थल', en: 'Post' },
  location: { hi: 'पता', en: 'Location' },
  openMap: { hi: 'फ़ोन के नक्शे में खोलें', en: 'Open in the phone’s map' },
  noPin: {
    hi: 'इस स्थल का नक्शे पर स्थान दर्ज नहीं है।',
    en: 'This post has no place on the map.',
  },
  shift: { hi: 'ड्यूटी समय', en: 'Shift' },
  inCharge: { hi: 'प्रभारी', en: 'In-charge' },
  call: { hi: 'प्रभारी को कॉल करें', en: 'Call the in-charge' },
  sector: { hi: 'सेक्टर, डिवीज़न', en: 'Sector, division' },
  equipment: { hi: 'शस्त्र-उपकरण', en: 'Arms, equipment' },
  briefing: { hi: 'ब्रीफिंग', en: 'Briefing' },
  pdf: { hi: 'पर्ची PDF डाउनलोड करें', en: 'Download slip (PDF)' },
} satisfies Record<string, Words>;

const ICON = 'aria-hidden="true" focusable="false"';

/**
 * The map pin: the post's place drawn as a pin over a plain grid with north up. No tile server
 * and no other origin is loaded; the `geo:` link opens the phone's own map app at the point.
 */
const PIN_SVG = `<svg ${ICON} width="64" height="64" viewBox="0 0 64 64"><rect x="1" y="1" width="62" height="62" rx="6" fill="#fff" stroke="#0b2545" stroke-width="2"/><path d="M1 22h62M1 42h62M22 1v62M42 1v62" stroke="#9fb3cc" stroke-width="1.5"/><path d="M54 5l4 9h-8z" fill="#0b2545"/><path d="M32 56s-14-15-14-25a14 14 0 0 1 28 0c0 10-14 25-14 25z" fill="#b3261e" stroke="#111" stroke-width="2"/><circle cx="32" cy="31" r="5" fill="#fff"/></svg>`;
const PHONE_SVG = `<svg ${ICON} width="32" height="32" viewBox="0 0 24 24"><path fill="#0b2545" d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"/></svg>`;
const DOWN_SVG = `<svg ${ICON} width="28" height="28" viewBox="0 0 24 24"><path fill="#fff" d="M11 3h2v10.2l3.6-3.6 1.4 1.4-6 6-6-6 1.4-1.4 3.6 3.6zM4 19h16v2H4z"/></svg>`;
const WARN_SVG = `<svg ${ICON} width="40" height="40" viewBox="0 0 24 24"><path fill="#b3261e" d="M12 2 1 21h22zm0 4.5L19.5 19h-15z"/><path fill="#111" d="M11 10h2v5h-2zm0 6h2v2h-2z"/></svg>`;

const rankWords = (rank: string): Words => RANK_LABELS[rank as Rank] ?? { hi: rank, en: rank };
const kindWords = (kind: string): Words => POST_KIND_LABELS[kind as PostKind] ?? { hi: kind, en: kind };

/** "23.23360, 77.40060": the form every map app takes. */
const coordinates = (lat: number, lng: number) => `${lat.toFixed(5)}, ${lng.toFixed(5)}`;

/** `geo:` (RFC 5870) with the label Android's map apps show on the pin. */
function geoHref(lat: number, lng: number, label: string): string {
  const at = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}

/** Digits (and a leading +) only: what a phone dials. */
const dialable = (mobile: string) => mobile.replace(/(?!^\+)[^0-9]/g, '');

function page(lead: SlipPageLanguage, body: string, footer = ''): string {
  return `<!doctype html>
<html lang="${lead}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="color-scheme" content="light"><meta name="format-detection" content="telephone=no">
<title>${esc(lead === 'hi' ? `${L.title.hi} · ${L.title.en}` : `${L.title.en} · ${L.title.hi}`)}</title><style>${SLIP_PAGE_STYLE}</style></head>
<body>${body}${footer}</body></html>`;
}

function field(label: Words, value: string, lead: SlipPageLanguage): string {
  return `<dt>${both(label, lead)}</dt><dd>${value}</dd>`;
}

function dutyHtml(d: SlipDuty, index: number, count: number, lead: SlipPageLanguage): string {
  const report = new Date(d.reportAt);
  const heading =
    count === 1
      ? both(L.yourDuty, lead)
      : both({ hi: `ड्यूटी ${index + 1}`, en: `Duty ${index + 1}` }, lead);
  const postName: Words = { hi: d.postNameHi ?? d.postName, en: d.postName };
  const pin =
    d.lat !== null && d.lng !== null
      ? `<a class="act map" href="${esc(geoHref(d.lat, d.lng, `${d.postCode} ${d.postName}`))}">${PIN_SVG}<span>${lines(L.openMap, lead)}<small>${coordinates(d.lat, d.lng)}</small></span></a>`
      : `<p class="none">${both(L.noPin, lead, ' ')}</p>`;
  const c = d.inCharge;
  const inCharge = c
    ? `${lines(rankWords(c.rank), lead)}<span class="l">${both({ hi: c.nameHi, en: c.nameEn }, lead, ' / ')} <span class="id">(${esc(c.beltNo)})</span></span>` +
      (c.mobile
        ? `<a class="act call" href="tel:${esc(dialable(c.mobile))}">${PHONE_SVG}<span>${lines(L.call, lead)}<small>${esc(c.mobile)}</small></span></a>`
        : '')
    : '—';
  return `<section aria-labelledby="duty-${index + 1}"><h2 id="duty-${index + 1}">${heading}</h2>
<dl class="report">${field(L.reportAt, `<span class="when">${esc(formatIstTime(report))}</span> <span class="day">${esc(formatIstDate(report))}</span>`, lead)}</dl>
<dl>${field(L.post, `${lines(postName, lead)}<span class="l">${both(kindWords(d.postKind), lead)} <span class="id">(${esc(d.postCode)})</span></span>`, lead)}
${field(L.location, `<span class="l">${esc(d.location)}</span>${pin}`, lead)}
${field(L.shift, `<span class="l">${esc(formatIstWindow(new Date(d.start), new Date(d.end)))}</span><span class="l">${esc(d.shiftCode)}</span>`, lead)}
${field(L.inCharge, inCharge, lead)}
${field(L.sector, `<span class="l">${esc(d.sector)}</span><span class="l">${esc(d.division)}</span>`, lead)}
${field(L.equipment, esc(d.equipment), lead)}
${d.briefing ? field(L.briefing, esc(d.briefing), lead) : ''}</dl></section>`;
}

function header(lead: SlipPageLanguage, title: string, ref?: string, more = ''): string {
  return `<header><p class="kicker">${both(L.title, lead)}</p>${title}${ref ? `<p class="ref">${esc(ref)}</p>` : ''}${more}</header>`;
}

export interface SlipPageOptions {
  lead: SlipPageLanguage;
  /** When a later chart version last changed this officer's duties: what the page shows is the slip in force. */
  changedAt?: Date | null;
}

/** The officer's phone page: this one slip and its PDF, nothing else from the system. */
export function slipPageHtml(content: SlipContent, pdfHref: string, options: SlipPageOptions): string {
  const { lead } = options;
  const o = content.officer;
  const b = content.bandobast;
  const changed = options.changedAt
    ? `<div class="changed" role="note"><p lang="hi"><strong>यह पर्ची ${esc(formatIstDateTime(options.changedAt))} पर बदली गई।</strong> यहाँ लिखी ड्यूटी ही मान्य है, पहले के SMS या पर्ची वाली नहीं।</p><p lang="en"><strong>This slip was changed on ${esc(formatIstDateTime(options.changedAt))}.</strong> The duty shown here is the one in force, not the one in an earlier SMS or slip.</p></div>`
    : '';
  const duties = content.duties.map((d, i) => dutyHtml(d, i, content.duties.length, lead)).join('\n');
  // The duty first, where the phone opens; the officer's own details after it. The header
  // names whose slip it is, so a constable handed the wrong phone sees it at once.
  const whose = `<p class="for">${both({ hi: o.nameHi, en: o.nameEn }, lead, ' / ')} <span class="id">${esc(o.beltNo)}</span></p>`;
  return page(
    lead,
    `${header(lead, `<h1>${lines({ hi: b.nameHi, en: b.nameEn }, lead)}</h1>`, b.ref, whose)}
<main>${changed}
${duties}
<section aria-labelledby="officer"><h2 id="officer">${both(L.officer, lead)}</h2><dl>
${field(L.name, lines({ hi: o.nameHi, en: o.nameEn }, lead), lead)}
${field(L.rank, `${lines(rankWords(o.rank), lead)}<span class="l">${esc(o.beltNo)}</span>`, lead)}
${field(L.unit, lines({ hi: o.unitNameHi, en: o.unitNameEn }, lead), lead)}</dl></section></main>`,
    `<footer><a class="pdf" href="${esc(pdfHref)}" type="application/pdf">${DOWN_SVG}<span>${lines(L.pdf, lead)}</span></a></footer>`,
  );
}

export type SlipProblem = 'expired' | 'invalid' | 'cancelled';

const PROBLEMS: Record<SlipProblem, { title: Words; text: Words }> = {
  expired: {
    title: { hi: 'यह लिंक समाप्त हो चुका है', en: 'This link has expired' },
    text: {
      hi: 'ड्यूटी पूरी होने के कुछ समय बाद पर्ची का लिंक बंद हो जाता है। पर्ची चाहिए तो अपने थाने या ड्यूटी अधिकारी से लें।',
      en: 'A slip link stops working a while after the duty is over. If you need the slip, ask your thana or the duty officer.',
    },
  },
  invalid: {
    title: { hi: 'यह लिंक मान्य नहीं है', en: 'This link is not valid' },
    text: {
      hi: 'लिंक अधूरा है या बदल गया है। SMS में आया पूरा लिंक खोलें, या अपने थाने से पूछें।',
      en: 'The link is incomplete or has been altered. Open the whole link from the SMS, or ask your thana.',
    },
  },
  cancelled: {
    title: { hi: 'यह ड्यूटी निरस्त कर दी गई है', en: 'This duty has been cancelled' },
    text: {
      hi: 'नए ड्यूटी चार्ट में आपकी यह ड्यूटी नहीं है। पुरानी पर्ची मान्य नहीं है। नई ड्यूटी लगने पर नया SMS आएगा।',
      en: 'The new duty chart no longer has this duty for you. The earlier slip is no longer valid. If you get a new duty, a new SMS will come.',
    },
  },
};

export interface SlipProblemDetails {
  /** The bandobast whose duty was cancelled, and when: the link holder's own duty. */
  bandobast?: { nameEn: string; nameHi: string; ref: string };
  at?: Date;
}

/** An expired, forged or cancelled link: what happened and what to do, in both languages. */
export function slipProblemHtml(
  kind: SlipProblem,
  lead: SlipPageLanguage = 'hi',
  details: SlipProblemDetails = {},
): string {
  const p = PROBLEMS[kind];
  const order = lead === 'hi' ? (['hi', 'en'] as const) : (['en', 'hi'] as const);
  const b = details.bandobast;
  const at = details.at ? formatIstDateTime(details.at) : null;
  const about = (lang: 'hi' | 'en') =>
    (b ? `<p><strong>${esc(lang === 'hi' ? b.nameHi : b.nameEn)}</strong> (${esc(b.ref)})</p>` : '') +
    (at ? `<p>${esc(lang === 'hi' ? `निरस्त: ${at}` : `Cancelled: ${at}`)}</p>` : '');
  const blocks = order
    .map(
      (lang, i) =>
        `<div lang="${lang}"${i ? ' class="second"' : ''}>${i === 0 ? `<h1>${esc(p.title[lang])}</h1>` : `<p><strong>${esc(p.title[lang])}</strong></p>`}${about(lang)}<p>${esc(p.text[lang])}</p></div>`,
    )
    .join('');
  return page(
    lead,
    `${header(lead, '')}<main><div class="problem" data-problem="${kind}">${WARN_SVG}<div>${blocks}</div></div></main>`,
  );
}
