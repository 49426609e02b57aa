/**
 * Time to render 5,500 duty slips (one PDF per officer), as the publish job does, through
 * the real slip content and layout code and the PDF engine, with the letterhead and QR
 * code DocumentsService.issue adds. Storage (one INSERT per slip) is not included.
 * Run: node -r ts-node/register bench/duty-slips.bench.ts [count=5500] [threads=cores]
 *
 * Prints the wall time with one render thread per core (what a render pool gives) and
 * the single-thread rate (what the publish job did before it issued slips undrawn; an
 * officer's first download now draws one, see slip-publish.bench.ts).
 * Goal: all 5,500 slips in under 60 s on 2 cores.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { renderPdfDocument, warmUpPdfEngine } from '../src/platform/documents/pdf';
import { TemplateStore } from '../src/platform/documents/templates';
import type { OfficerCard } from '../src/modules/personnel/personnel-directory.service';
import type { ChartData } from '../src/modules/duty-charts/publish/chart-data';
import { slipBlocks } from '../src/modules/duty-charts/publish/slip-blocks';
import { SlipContent, slipsOf } from '../src/modules/duty-charts/publish/slip-content';
import { generateBandobast } from '../src/modules/duty-charts/solver';

const GOAL_S = 60;
const SINGLE_THREAD_SAMPLE = 300;

/** A chart as loadChartData would return it, built from a generated Diwali-shaped order. */
function chartData(count: number): ChartData {
  // The 5,500-person shape staffs 4,638 slots; the next size up puts 5,556 people on duty.
  const { instance, witness } = generateBandobast({ size: Math.ceil(count * 1.2), seed: 1 });
  const officers = new Map(
    instance.officers.map((o, i) => [
      o.id,
      {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        beltNo: o.id,
        nameEn: `Ramesh Kumar ${i}`,
        nameHi: `रमेश कुमार ${i}`,
        rank: o.rank,
        gender: o.gender,
        skills: o.skills ?? [],
        mobile: '9876543210',
        unitId: o.unit,
        unitCode: o.unit,
        unitNameEn: o.unit,
        unitNameHi: `थाना ${o.unit}`,
        lat: null,
        lng: null,
      } as OfficerCard,
    ]),
  );
  const inCharge = {
    id: 'x',
    beltNo: 'BPL-00001',
    rank: 'INSPECTOR',
    nameEn: 'Suresh Sharma',
    nameHi: 'सुरेश शर्मा',
    mobile: '9425012345',
  };
  const shifts = new Map(
    instance.posts.flatMap((p) => p.shifts.map((s) => [s.id, { p, s }] as const)),
  );
  const duties = witness.map((a) => {
    const { p, s } = shifts.get(a.shiftId)!;
    const sector = { id: p.sector, code: p.sector, name: `Sector ${p.sector}`, inCharge } as never;
    return {
      officer: officers.get(a.officerId)!,
      slotRank: a.slotRank,
      shift: {
        id: s.id,
        code: s.id,
        startsAt: new Date(s.start),
        endsAt: new Date(s.end),
        reportAt: null,
        armed: false,
      },
      post: {
        id: p.id,
        code: p.id,
        name: `Point ${p.id}`,
        kind: 'FIXED_POINT',
        location: `Near ${p.id}, New Market, TT Nagar, Bhopal`,
        lat: p.location?.lat ?? null,
        lng: p.location?.lng ?? null,
        equipment: 'लाठी, हेलमेट / Lathi, helmet',
        briefing: null,
      },
      sector,
      division: { id: 'D', code: p.sector.split('-')[0], name: 'Division', inCharge } as never,
      inCharge,
    } as unknown as ChartData['duties'][number];
  });
  const bandobast = {
    ref: 'BDB/2026/000001',
    nameEn: 'Diwali 2026 bandobast',
    nameHi: 'दीपावली 2026 बंदोबस्त',
    unitId: 'u',
    reportMinutesBefore: 30,
  };
  return { chart: { versionNo: 1 }, bandobast, divisions: [], duties } as unknown as ChartData;
}

async function render(contents: SlipContent[], templates: TemplateStore): Promise<number> {
  let bytes = 0;
  for (const [i, content] of contents.entries()) {
    const id = `5d0c8f0e-2b1a-4c3d-9e8f-${String(i).padStart(12, '0')}`;
    const { pdf } = await renderPdfDocument({
      language: 'bi',
      title: 'ड्यूटी पर्ची / Duty slip',
      letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
      reference: content.bandobast.ref,
      issuedAt: new Date('2026-11-01T10:00:00+05:30'),
      blocks: slipBlocks(content, templates),
      qrUrl: `https://police-ops.bhopal.example/verify/${id}.${'A'.repeat(86)}`,
      documentId: id,
    });
    bytes += pdf.length;
  }
  return bytes;
}

async function worker(): Promise<void> {
  await warmUpPdfEngine();
  const bytes = await render(workerData.contents as SlipContent[], new TemplateStore());
  parentPort!.postMessage(bytes);
}

function runInThread(contents: SlipContent[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, {
      workerData: { contents },
      execArgv: ['--require', 'ts-node/register/transpile-only'],
    });
    w.once('message', (bytes: number) => resolve(bytes));
    w.once('error', reject);
  });
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5500);
  const threads = Number(process.argv[3] ?? availableParallelism());
  const slips = slipsOf(chartData(count))
    .slice(0, count)
    .map((s) => s.content);
  if (slips.length < count) throw new Error(`only ${slips.length} officers on duty`);
  const templates = new TemplateStore();
  await warmUpPdfEngine();

  const sampleStart = performance.now();
  await render(slips.slice(0, SINGLE_THREAD_SAMPLE), templates);
  const perSlipMs = (performance.now() - sampleStart) / SINGLE_THREAD_SAMPLE;

  const started = performance.now();
  const share = Math.ceil(slips.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, i) => runInThread(slips.slice(i * share, (i + 1) * share))),
  );
  const seconds = (performance.now() - started) / 1000;
  const mb = parts.reduce((a, b) => a + b, 0) / 1e6;

  console.log(
    `dutySlips.5500.seconds: ${seconds.toFixed(1)} (${slips.length} slips, ${threads} render threads, ${mb.toFixed(0)} MB, goal < ${GOAL_S} s)`,
  );
  console.log(
    `dutySlips.singleThread.msPerSlip: ${perSlipMs.toFixed(1)} (=> ${((perSlipMs * slips.length) / 1000).toFixed(0)} s for ${slips.length} in one thread)`,
  );
  if (seconds >= GOAL_S) process.exitCode = 1;
}

if (isMainThread) void main();
else void worker();
