import { isPersonalKind, kindLabel } from './document-kinds';
import { formatIstDate, formatIstDateTime } from '../time';
import type { VerifyOutcome } from './documents.service';
import { devanagariFontFaces } from './public-fonts';
import { formatValidUntil } from './validity';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const VERDICT: Record<VerifyOutcome['status'], { en: string; hi: string; colour: string }> = {
  valid: { en: 'Valid: issued by Bhopal Police', hi: 'वैध: भोपाल पुलिस द्वारा जारी', colour: '#1b7f3b' },
  expired: { en: 'Expired: its period of validity is over', hi: 'अवधि समाप्त: इसकी वैधता की अवधि पूरी हो चुकी है', colour: '#6b4f00' },
  superseded: { en: 'Superseded: a newer version exists', hi: 'अधिक्रमित: नया संस्करण जारी हो चुका है', colour: '#b26a00' },
  revoked: { en: 'Revoked: no longer in force', hi: 'निरस्त: अब प्रभावी नहीं', colour: '#b00020' },
  invalid: { en: 'Not valid: this link was not issued by us', hi: 'अवैध: यह लिंक हमारे द्वारा जारी नहीं किया गया', colour: '#b00020' },
};

/**
 * The page's one stylesheet: fixed text (the verdict's colour is a class), so the
 * Content-Security-Policy allows exactly it by hash and no inline style otherwise.
 */
export const VERIFY_PAGE_STYLE = `${devanagariFontFaces('Verify Devanagari')}
body{font-family:'Verify Devanagari','Noto Sans Devanagari','Noto Sans',system-ui,sans-serif;margin:0;padding:1rem;max-width:40rem;margin:auto;color:#222}
h1{font-size:1.2rem}.verdict{padding:1rem;border-radius:.5rem;color:#fff;font-size:1.15rem}
${Object.entries(VERDICT)
  .map(([status, v]) => `.verdict.${status}{background:${v.colour}}`)
  .join('')}
table{border-collapse:collapse;width:100%;margin-top:1rem}td{padding:.5rem;border-bottom:1px solid #ddd;vertical-align:top}
td:first-child{color:#555;width:40%}code{word-break:break-all;font-size:.8rem}p.small{color:#555;font-size:.85rem}`;

/** "हिंदी / English", or the one text when both are the same (a date, a place's name). */
const both = (t: { hi: string; en: string }) => (t.hi === t.en ? t.en : `${t.hi} / ${t.en}`);

/**
 * A small bilingual page a phone can show; it names the paper, never a person. It shows what
 * is printed on the paper (reference, and the facts the issuing module stored) so the checker
 * can see the QR belongs to the paper in hand, and when and why a paper stopped being valid.
 */
export function verifyPageHtml(outcome: VerifyOutcome): string {
  const v = VERDICT[outcome.status];
  const rows: Array<[string, string]> = [];
  if (outcome.kind) {
    const k = kindLabel(outcome.kind);
    rows.push(['प्रकार / Kind', `${k.hi} / ${k.en}${outcome.label ? ` (${outcome.label})` : ''}`]);
  }
  if (outcome.reference) rows.push(['क्रमांक / Reference', outcome.reference]);
  if (outcome.issuingUnit) rows.push(['जारीकर्ता / Issued by', both(outcome.issuingUnit)]);
  if (outcome.issuedAt) rows.push(['दिनांक / Date', formatIstDate(new Date(outcome.issuedAt))]);
  if (outcome.validUntil) {
    const until = formatValidUntil(new Date(outcome.validUntil));
    rows.push(['वैधता / Valid', `${until.hi} / ${until.en}`]);
  }
  if (outcome.confidential) {
    rows.push(['विवरण / Contents', `गोपनीय पत्र: इसका विवरण यहाँ नहीं दिखाया जाता। / Confidential paper: its contents are not shown here.`]);
  }
  for (const fact of outcome.facts ?? []) rows.push([both(fact.label), both(fact.value)]);
  if (outcome.status === 'revoked') {
    if (outcome.statusChangedAt) rows.push(['निरस्त दिनांक / Revoked on', formatIstDateTime(new Date(outcome.statusChangedAt))]);
    rows.push(['निरस्त करने का कारण / Reason', outcome.revokedReason ?? (outcome.confidential || (outcome.kind && isPersonalKind(outcome.kind)) ? 'गोपनीय / Confidential' : 'दर्ज नहीं / Not recorded')]);
  }
  if (outcome.status === 'superseded' && outcome.statusChangedAt) {
    rows.push(['अधिक्रमित दिनांक / Superseded on', formatIstDateTime(new Date(outcome.statusChangedAt))]);
  }
  if (outcome.supersededBy) {
    const on = formatIstDate(new Date(outcome.supersededBy.issuedAt));
    rows.push([
      'कारण / Why',
      `नया संस्करण जारी हुआ: ${outcome.supersededBy.label ?? 'नया संस्करण'} (${on}) / Replaced by ${outcome.supersededBy.label ?? 'a newer version'} issued ${on}`,
    ]);
  }
  if (outcome.purgedAt) {
    const on = formatIstDate(new Date(outcome.purgedAt));
    rows.push(['प्रति / Copy', `अवधि पूरी होने पर इसका विवरण ${on} को हटाया गया; यह जाँच अब भी मान्य है। / Its contents were removed on ${on} when its retention period ended; this check still holds.`]);
  }
  if (outcome.sha256) rows.push(['SHA-256', `<code>${esc(outcome.sha256)}</code>`]);
  return `<!doctype html>
<html lang="hi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>दस्तावेज़ सत्यापन / Document verification</title>
<style>${VERIFY_PAGE_STYLE}</style></head>
<body><h1>दस्तावेज़ सत्यापन / Document verification</h1>
<div class="verdict ${outcome.status}">${esc(v.hi)}<br>${esc(v.en)}</div>
<table>${rows.map(([k, val]) => `<tr><td>${esc(k)}</td><td>${val.startsWith('<code>') ? val : esc(val)}</td></tr>`).join('')}</table>
${outcome.status === 'invalid' ? '' : `<p class="small">इन विवरणों का मिलान अपने हाथ के पत्र से करें: क्रमांक या विवरण अलग हों तो यह QR इस पत्र का नहीं है। / Compare these details with the paper in hand: if the reference or the details differ, this QR does not belong to that paper.</p>\n`}<p class="small">किसी प्रति की जाँच हेतु उसकी PDF यहाँ अपलोड करें: POST /verify/upload. / To check a copy byte for byte, upload its PDF to POST /verify/upload.</p>
</body></html>`;
}
