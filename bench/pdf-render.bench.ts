/**
 * Renders a 5,000-row bilingual duty chart and prints wall time and peak RSS.
 * Run: npx ts-node --transpile-only bench/pdf-render.bench.ts
 * Goal on a 2-core box: < 2,000 ms and < 300 MB. Pass --out <file.pdf> to keep the PDF,
 * --cold to skip the boot-time warm-up.
 */
import { renderPdfDocument, warmUpPdfEngine } from '../src/platform/documents/pdf';
import type { PdfSpec } from '../src/platform/documents/pdf';
import { writeFileSync } from 'node:fs';

const RANKS = [
  'आरक्षक / Constable',
  'प्रधान आरक्षक / Head Constable',
  'सहायक उप निरीक्षक / ASI',
  'उप निरीक्षक / SI',
  'निरीक्षक / Inspector',
];
const FIRST = [
  'राम',
  'श्याम',
  'सुरेश',
  'महेश',
  'दिनेश',
  'राजेन्द्र',
  'प्रदीप',
  'संजय',
  'अनिल',
  'विजय',
  'क्षितिज',
  'प्रियंका',
  'सुनीता',
  'ज्योति',
  'कृष्णा',
  'हर्षवर्धन',
  'द्वारका',
  'त्रिलोक',
  'अजय',
  'अमित',
  'अशोक',
  'बृजेश',
  'चंद्रशेखर',
  'देवेन्द्र',
  'धर्मेन्द्र',
  'गजेन्द्र',
  'गोविन्द',
  'हरिओम',
  'इंद्रजीत',
  'जितेन्द्र',
  'कमलेश',
  'लोकेन्द्र',
  'मनोज',
  'मुकेश',
  'नरेन्द्र',
  'नीरज',
  'ओमप्रकाश',
  'पंकज',
  'पुष्पेन्द्र',
  'राघवेन्द्र',
  'रविशंकर',
  'रूपेश',
  'सत्यनारायण',
  'शैलेन्द्र',
  'शिवराज',
  'श्रीकांत',
  'सुधीर',
  'तरुण',
  'उमेश',
  'वीरेन्द्र',
  'योगेश',
  'अर्चना',
  'भारती',
  'दीपिका',
  'गीता',
  'कविता',
  'ममता',
  'नेहा',
  'पूजा',
  'रश्मि',
  'सरिता',
  'शबनम',
  'तृप्ति',
  'वंदना',
  'ज़ाहिद',
  'फ़ैज़ान',
  'इरफ़ान',
  'सलमा',
];
const LAST = [
  'शर्मा',
  'वर्मा',
  'यादव',
  'सिंह',
  'मिश्रा',
  'तिवारी',
  'चौहान',
  'क्षत्रिय',
  'द्विवेदी',
  'श्रीवास्तव',
  'ठाकुर',
  'पटेल',
  'कुशवाहा',
  'रघुवंशी',
  'त्रिपाठी',
  'चतुर्वेदी',
  'दुबे',
  'पाण्डेय',
  'शुक्ला',
  'उपाध्याय',
  'राजपूत',
  'सोलंकी',
  'परमार',
  'भदौरिया',
  'तोमर',
  'जाटव',
  'अहिरवार',
  'मालवीय',
  'मीणा',
  'बघेल',
  'गौर',
  'साहू',
  'कुर्मी',
  'लोधी',
  'ख़ान',
  'क़ुरैशी',
  'अंसारी',
  'मंसूरी',
  'जैन',
  'अग्रवाल',
];
const UNITS = [
  'थाना कोतवाली',
  'थाना टी.टी. नगर',
  'थाना हबीबगंज',
  'थाना शाहजहांनाबाद',
  'थाना कमला नगर',
  'यातायात / Traffic',
  'पुलिस लाइन / Police Lines',
];
const POINTS = [
  'मुख्यमंत्री निवास गेट 1',
  'लाल परेड ग्राउंड',
  'रोशनपुरा चौराहा',
  'न्यू मार्केट',
  'बोर्ड ऑफिस चौराहा',
  'VIP Road Point 7',
  'राजभवन',
  'जवाहर चौक',
  'पॉलिटेक्निक चौराहा',
];
const SHIFTS = ['06:00-14:00', '14:00-22:00', '22:00-06:00'];

function dutyChart(rows: number): PdfSpec {
  return {
    language: 'bi',
    title: 'ड्यूटी चार्ट / Duty Chart — मुख्यमंत्री का कार्यक्रम',
    letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
    reference: 'DC/2026/000042',
    issuedAt: new Date('2026-03-05T04:30:00Z'),
    documentId: 'bench-duty-chart',
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'क्र. / S.No.', width: 0.8, align: 'right' },
          { header: 'पद / Rank', width: 2.4 },
          { header: 'बैज नं. / No.', width: 1.3 },
          { header: 'नाम / Name', width: 2 },
          { header: 'इकाई / Unit', width: 1.8 },
          { header: 'पॉइंट / Point', width: 2 },
          { header: 'पाली / Shift', width: 1.5 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          String(i + 1),
          RANKS[i % RANKS.length],
          `BPL-${String(1000 + ((i * 7919) % 9000)).padStart(4, '0')}`,
          `${FIRST[(i * 31) % FIRST.length]} ${LAST[(i * 17) % LAST.length]}`,
          UNITS[(i * 13) % UNITS.length],
          POINTS[(i * 5) % POINTS.length],
          SHIFTS[i % SHIFTS.length],
        ]),
      },
    ],
  };
}

function rssMB(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

async function main(): Promise<void> {
  const baselineRss = process.memoryUsage().rss;
  // A server warms the engine once at boot; the first number shows that one-off cost.
  // --cold skips it, to show what the very first render in a fresh process costs.
  const warmUpMs = process.argv.includes('--cold') ? 0 : await warmUpPdfEngine();
  const spec = dutyChart(5000);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await renderPdfDocument(spec);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // maxRSS is the kernel's high-water mark (KiB), so synchronous peaks are not missed.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`pdf.warmup.ms: ${Math.round(warmUpMs)}`);
  console.log(`pdf.render5000.ms: ${Math.round(ms)}`);
  console.log(`pdf.render5000.cpuMs: ${Math.round((cpu.user + cpu.system) / 1000)}`);
  console.log(`pdf.render5000.peakRssMB: ${rssMB(peakRss)}`);
  console.log(`pdf.render5000.baselineRssMB: ${rssMB(baselineRss)}`);
  console.log(`pdf.render5000.pages: ${result.pageCount}`);
  console.log(`pdf.render5000.bytes: ${result.pdf.length}`);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1], result.pdf);
}

void main();
