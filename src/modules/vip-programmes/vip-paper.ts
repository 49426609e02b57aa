import { Block } from '../../platform/documents';
import { formatIstDateTime } from '../../platform/time';
import { ACTIVITY_LABELS, Leg, MODE_LABELS } from './leg';
import { LegChange } from './revision-diff';
import { Protectee } from './vip.entity';

export interface PaperUnit {
  id: string;
  nameEn: string;
  nameHi: string;
}

const legRow = (l: Leg, i: number): string[] => [
  String(i + 1),
  `${formatIstDateTime(new Date(l.start))}\n${formatIstDateTime(new Date(l.end))}`,
  `${l.from.name} → ${l.to.name}`,
  `${MODE_LABELS[l.mode].hi} / ${MODE_LABELS[l.mode].en}${l.registration ? ` (${l.registration})` : ''}`,
  `${l.venue ?? '—'}\n${ACTIVITY_LABELS[l.activity].hi} / ${ACTIVITY_LABELS[l.activity].en}`,
  l.remarks ?? '',
];

const LEG_COLUMNS = [
  { header: 'क्र. / No.', width: 0.6 },
  { header: 'समय / Time', width: 2 },
  { header: 'से → तक / From → To', width: 3 },
  { header: 'साधन / Mode', width: 1.8 },
  { header: 'स्थल, कार्यक्रम / Venue, activity', width: 2.4 },
  { header: 'टिप्पणी / Remarks', width: 2 },
];

function header(protectee: Protectee, ref: string, revision: number): Block[] {
  return [
    {
      kind: 'keyValue',
      items: [
        { key: 'कार्यक्रम / Programme', value: ref },
        { key: 'संशोधन / Revision', value: String(revision) },
        { key: 'अति विशिष्ट व्यक्ति / Protectee', value: `${protectee.nameHi} / ${protectee.nameEn}` },
        { key: 'पद / Designation', value: `${protectee.designationHi} / ${protectee.designationEn}` },
        { key: 'सुरक्षा श्रेणी / Category', value: `${protectee.category}${protectee.callSign ? ` · ${protectee.callSign}` : ''}` },
      ],
    },
  ];
}

function changesBlock(revision: number, changes: LegChange[]): Block[] {
  if (revision === 1) return [];
  return [
    { kind: 'heading', level: 2, text: `संशोधन ${revision - 1} के बाद परिवर्तन / Changes since revision ${revision - 1}` },
    changes.length
      ? { kind: 'list', items: changes.map((c) => `${c.hi} / ${c.en}`) }
      : { kind: 'paragraph', text: 'कोई परिवर्तन नहीं / No changes to the legs' },
  ];
}

function routeBlocks(legs: Leg[]): Block[] {
  const withRoutes = legs.filter((l) => l.route.length > 0);
  if (!withRoutes.length) return [];
  return [
    { kind: 'heading', level: 2, text: 'मार्ग / Routes' },
    { kind: 'list', items: withRoutes.map((l) => `${l.from.name} → ${l.to.name}: ${l.route.map((p) => p.name).join(' → ')}`) },
  ];
}

/** The full programme: every leg, routes, the distribution list and what changed. */
export function programmeBlocks(p: { protectee: Protectee; ref: string; revision: number; legs: Leg[]; changes: LegChange[]; units: PaperUnit[] }): Block[] {
  return [
    ...header(p.protectee, p.ref, p.revision),
    ...changesBlock(p.revision, p.changes),
    { kind: 'heading', level: 2, text: 'चरण / Legs' },
    { kind: 'table', columns: LEG_COLUMNS, rows: p.legs.map(legRow) },
    ...routeBlocks(p.legs),
    { kind: 'heading', level: 2, text: 'वितरण / Distribution' },
    { kind: 'list', items: p.units.map((u) => `${u.nameHi} / ${u.nameEn}`) },
    { kind: 'paragraph', text: 'गोपनीय: केवल आवश्यक जानकारी हेतु। / Confidential: need-to-know only.', bold: true },
  ];
}

/** What one unit needs: only the legs that touch it. */
export function movementSheetBlocks(p: { protectee: Protectee; ref: string; revision: number; legs: Leg[]; changes: LegChange[]; unit: PaperUnit }): Block[] {
  return [
    ...header(p.protectee, p.ref, p.revision),
    { kind: 'keyValue', items: [{ key: 'इकाई / Unit', value: `${p.unit.nameHi} / ${p.unit.nameEn}` }] },
    ...changesBlock(p.revision, p.changes),
    { kind: 'heading', level: 2, text: 'आपके क्षेत्र के चरण / Legs in your area' },
    { kind: 'table', columns: LEG_COLUMNS, rows: p.legs.map(legRow) },
    ...routeBlocks(p.legs),
    { kind: 'paragraph', text: 'गोपनीय: केवल आवश्यक जानकारी हेतु। / Confidential: need-to-know only.', bold: true },
  ];
}
