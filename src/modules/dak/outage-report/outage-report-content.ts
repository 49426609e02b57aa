import type { Block, TableColumn, TemplateStore } from '../../../platform/documents';
import { writeCsv } from '../../../platform/csv';
import type { EofficeOutage, Grading, IntakeChannel } from '../../../platform/eoffice';
import { formatIstDateTime, formatIstWindow } from '../../../platform/time';
import type { DakStatus } from '../dak-workflow';

/** One item of the report: our diary number beside e-Office's, how it came, who holds it now. */
export interface OutageReportRow {
  ref: string;
  /** The receipt number e-Office gave it; null while it is still on its way there. */
  eofficeRef: string | null;
  intakeChannel: IntakeChannel;
  receivedAt: Date;
  grading: Grading;
  /** Withheld (null) for a graded item: the report goes to the office's records, not its need-to-know. */
  subject: string | null;
  status: DakStatus;
  holder: { hi: string; en: string } | null;
}

export const CHANNEL_LABELS: Record<IntakeChannel, { hi: string; en: string }> = {
  EOFFICE: { hi: 'ई-ऑफिस', en: 'e-Office' },
  EMAIL: { hi: 'ई-मेल', en: 'E-mail' },
  WHATSAPP: { hi: 'व्हाट्सऐप', en: 'WhatsApp' },
  WALK_IN: { hi: 'दस्ती', en: 'By hand' },
  POST: { hi: 'डाक द्वारा', en: 'Post' },
};

const GRADING_LABELS: Record<string, { hi: string; en: string }> = {
  NORMAL: { hi: 'सामान्य', en: 'Normal' },
  CONFIDENTIAL: { hi: 'गोपनीय', en: 'Confidential' },
  SECRET: { hi: 'गुप्त', en: 'Secret' },
  TOP_SECRET: { hi: 'अति गुप्त', en: 'Top Secret' },
};

const both = (l: { hi: string; en: string }) => `${l.hi} / ${l.en}`;
const gradingLabel = (g: string) => GRADING_LABELS[g] ?? { hi: g, en: g };
const WITHHELD = { hi: 'विषय नहीं दर्शाया गया', en: 'subject withheld' };
const NOT_YET = { hi: 'अभी नहीं', en: 'not yet' };

/** The outage's period as the report's title gives it; an outage still on is "since …". */
export function outagePeriod(outage: Pick<EofficeOutage, 'beganAt' | 'endedAt'>): string {
  return outage.endedAt ? formatIstWindow(outage.beganAt, outage.endedAt) : `${formatIstDateTime(outage.beganAt)} –`;
}

const COLUMNS: TableColumn[] = [
  { header: 'क्र. / No.', width: 0.5, align: 'right' },
  { header: 'डायरी क्र. / Diary no.', width: 1.9 },
  { header: 'ई-ऑफिस क्र. / e-Office no.', width: 1.9 },
  { header: 'प्राप्ति / Received', width: 1.5 },
  { header: 'माध्यम / Channel', width: 1.3 },
  { header: 'विषय / Subject', width: 3.6 },
  { header: 'वर्तमान धारक / Now with', width: 2.4 },
];

/** The report's paper: the template's opening in both languages, then one table row per item. */
export function outageReportBlocks(
  outage: Pick<EofficeOutage, 'beganAt' | 'endedAt'>,
  rows: readonly OutageReportRow[],
  asAt: Date,
  templates: TemplateStore,
): Block[] {
  const period = outagePeriod(outage);
  const opening = (['hi', 'en'] as const).flatMap(
    (lang) =>
      templates.render('dak', 'outage-report', lang, {
        period,
        count: String(rows.length),
        state:
          lang === 'hi'
            ? outage.endedAt ? 'ई-ऑफिस पुनः चालू' : 'ई-ऑफिस अभी भी बंद'
            : outage.endedAt ? 'e-Office is back' : 'e-Office is still down',
        asAt: formatIstDateTime(asAt),
      }).blocks,
  );
  if (rows.length === 0) return [...opening, { kind: 'paragraph', text: 'इस अवधि में कोई डाक प्राप्त नहीं हुई। / No dak was received in this period.' }];
  return [
    ...opening,
    {
      kind: 'table',
      fontSize: 8,
      columns: COLUMNS,
      rows: rows.map((r, i) => [
        String(i + 1),
        r.ref,
        r.eofficeRef ?? both(NOT_YET),
        formatIstDateTime(r.receivedAt),
        both(CHANNEL_LABELS[r.intakeChannel]),
        r.subject ?? `${both(gradingLabel(r.grading))}: ${both(WITHHELD)}`,
        r.holder ? both(r.holder) : '—',
      ]),
    },
  ];
}

const CSV_HEADER = [
  'Diary no. / डायरी क्र.',
  'e-Office no. / ई-ऑफिस क्र.',
  'Received (IST) / प्राप्ति',
  'Channel / माध्यम',
  'Grading / वर्गीकरण',
  'Subject / विषय',
  'Status / स्थिति',
  'Now with / वर्तमान धारक',
];

/** The same report for a spreadsheet, a row per item; a graded item's subject withheld as on paper. */
export function outageReportCsv(rows: readonly OutageReportRow[]): string {
  return writeCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.ref,
      r.eofficeRef,
      formatIstDateTime(r.receivedAt),
      CHANNEL_LABELS[r.intakeChannel].en,
      gradingLabel(r.grading).en,
      r.subject ?? WITHHELD.en,
      r.status,
      r.holder ? both(r.holder) : null,
    ]),
  );
}
