import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import hi from './hi.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every `t('…')` key and every `t(\`prefix.${…}\`)` prefix in the app's sources. */
function keysUsed(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  const src = join(__dirname, '..');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) literal.add(m[1]!);
        for (const m of text.matchAll(/\bt\(\s*(?:[^'`()]*\?\s*)?'([a-z][\w.]*)'\s*:\s*'([a-z][\w.]*)'/gi)) {
          literal.add(m[1]!);
          literal.add(m[2]!);
        }
        for (const m of text.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) prefixes.add(m[1]!);
        // Keys kept in data (the navigation's labels): 'nav.…'
        for (const m of text.matchAll(/label:\s*'([a-z][\w.]*)'/g)) literal.add(m[1]!);
      }
    }
  };
  walk(src);
  return { literal, prefixes };
}

describe('the web app speaks Hindi and English alike', () => {
  const hiKeys = flatten(hi as Tree);
  const enKeys = flatten(en as Tree);

  it('has every key in both languages', () => {
    expect([...hiKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !hiKeys.has(k))).toEqual([]);
  });

  it('leaves no text empty, and uses the same placeholders in both', () => {
    for (const [key, text] of enKeys) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(hiKeys.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('gives every counted text both plural forms (Hindi and English both use one and other)', () => {
    for (const key of enKeys.keys()) {
      const m = PLURAL.exec(key);
      if (!m) continue;
      const base = key.slice(0, -m[0].length);
      expect({ base, one: enKeys.has(`${base}_one`), other: enKeys.has(`${base}_other`) }).toEqual({ base, one: true, other: true });
    }
  });

  it('has a text for every key the screens ask for', () => {
    const { literal, prefixes } = keysUsed();
    expect(literal.size).toBeGreaterThan(50);
    const has = (key: string) => enKeys.has(key) || enKeys.has(`${key}_one`);
    expect([...literal].filter((k) => !has(k))).toEqual([]);
    for (const prefix of prefixes) expect({ prefix, children: [...enKeys.keys()].some((k) => k.startsWith(`${prefix}.`)) }).toEqual({ prefix, children: true });
  });

  it('names the statuses, modes and activities the API can send', () => {
    const schema = readFileSync(join(__dirname, '..', 'api', 'schema.d.ts'), 'utf8');
    const enumOf = (schemaName: string, field: string) => {
      const block = schema.slice(schema.indexOf(`        ${schemaName}: {`));
      const m = new RegExp(`\\n\\s+${field}\\??: ((?:"[A-Z_]+"(?: \\| )?)+)`).exec(block);
      if (!m) throw new Error(`no enum ${schemaName}.${field} in schema.d.ts`);
      return [...m[1]!.matchAll(/"([A-Z_]+)"/g)].map((x) => x[1]!);
    };
    for (const s of enumOf('ProtestSummaryView', 'status')) expect(enKeys.has(`protest.status.${s}`)).toBe(true);
    for (const s of enumOf('LegView', 'mode')) expect(enKeys.has(`vip.mode.${s}`)).toBe(true);
    for (const s of enumOf('LegView', 'activity')) expect(enKeys.has(`vip.activity.${s}`)).toBe(true);
    const named: Array<[string, string, string]> = [
      ['RuleResultView', 'rule', 'protests.rule'],
      ['ClashView', 'kind', 'protests.clashKind'],
      ['ProtestLetterView', 'eofficeStatus', 'sync.status'],
      ['ProtestLetterView', 'kind', 'protests.letterKind'],
      ['IntakeDto', 'channel', 'protests.channel'],
      ['ApplicantDto', 'idDocumentType', 'protests.idDocument'],
      ['ThanaReportDto', 'recommendation', 'protests.recommendation'],
      ['AttachmentFormDto', 'kind', 'protests.attachmentKind'],
      ['LinkedRecordDto', 'type', 'protests.linkedType'],
      ['DutyChartView', 'status', 'dutyCharts.chartStatus'],
      ['ChartPaperView', 'status', 'dutyCharts.paperStatus'],
      ['CreateBandobastDto', 'kind', 'dutyCharts.kind'],
      ['PostDto', 'kind', 'dutyCharts.postKind'],
      ['CreateAvailabilityDto', 'kind', 'dutyCharts.availabilityKind'],
      ['OfficerView', 'rank', 'dutyCharts.rank'],
      ['OfficerView', 'gender', 'dutyCharts.gender'],
      ['RecordsImportSummaryView', 'status', 'recordsImport.status'],
      ['VerificationSummaryView', 'status', 'verification.status'],
      ['VerificationSummaryView', 'purpose', 'verification.purpose'],
      ['VerificationSummaryView', 'sla', 'verification.sla'],
      ['VerificationApplicantView', 'gender', 'verification.gender'],
      ['VerificationApplicantView', 'relation', 'verification.relation'],
      ['VerificationApplicantView', 'idDocumentType', 'verification.idDocument'],
      ['VerificationIntakeView', 'channel', 'verification.channel'],
      ['FeeView', 'status', 'verification.fee'],
      ['RoutingView', 'routedBy', 'verification.routedBy'],
      ['FieldVisitView', 'outcome', 'verification.visitOutcome'],
      ['VerificationReportView', 'outcome', 'verification.outcome'],
      ['RecordHitView', 'band', 'verification.band'],
      ['VerificationAttachmentView', 'kind', 'verification.attachmentKind'],
      ['VerificationPaperView', 'kind', 'verification.papers.kind'],
      ['VerificationAppealView', 'level', 'verification.appeals.level'],
      ['DecideAppealDto', 'decision', 'verification.appeals.decision'],
    ];
    for (const [schemaName, field, prefix] of named) {
      const values = enumOf(schemaName, field);
      expect({ schemaName, missing: values.filter((v) => !enKeys.has(`${prefix}.${v}`)) }).toEqual({ schemaName, missing: [] });
    }
  });
});
