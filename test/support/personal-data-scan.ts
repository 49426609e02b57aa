import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { findAadhaarNumbers } from '../../src/platform/http/aadhaar';
import { LOG_DIR, PDF_DIR } from './artifacts';

const run = promisify(execFile);

/**
 * After the whole e2e run: no 12-digit number shaped like an Aadhaar number (Verhoeff-valid or not) may be anywhere the tests made the app
 * keep one: any database of the run (every column of every table, as text; documents'
 * PDFs read with pdftotext), the app's logs, and every PDF it served (test/artifacts).
 *
 * Every column is read with SQL rather than pg_dump: the pg_dump on the machine may be
 * older than the embedded server and refuse it, and binary columns need reading as PDFs,
 * not as hex.
 */
export interface Finding {
  where: string;
  /** The number with all but its last 4 digits masked. */
  number: string;
}

const mask = (digits: string) => `XXXX XXXX ${digits.slice(-4)}`;

/** Every number shaped like an Aadhaar number, its check digit valid or not (issue 14). */
function findingsIn(text: string, where: string): Finding[] {
  return findAadhaarNumbers(text, { anyChecksum: true }).map((n) => ({ where, number: mask(n) }));
}

/** The databases createTestDatabase made on this server (`<prefix>_<10 hex>`). */
export async function testDatabases(serverUrl: string): Promise<string[]> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const rows = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname`);
    return rows.rows.map((r) => r.datname).filter((name) => /^[a-z0-9]+_[0-9a-f]{10}$/.test(name));
  } finally {
    await admin.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function pdfText(pdf: Buffer, where: string, dir: string): Promise<string> {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const tmp = await mkdtemp(join(dir, 'scan-'));
  try {
    const path = join(tmp, 'doc.pdf');
    await writeFile(path, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    throw new Error(`could not read the PDF ${where} with pdftotext: ${String(e)}`, { cause: e });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Every value of every table of one database, as text (binary columns left out), and its documents' text. */
export async function scanDatabase(url: string, name: string, tmpDir: string): Promise<{ findings: Finding[]; values: number; pdfs: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const findings: Finding[] = [];
  let values = 0;
  let pdfs = 0;
  try {
    const columns = await client.query<{ schema: string; table: string; column: string; type: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
         FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2, c.ordinal_position`,
    );
    const tables = new Map<string, { schema: string; table: string; columns: { name: string; json: boolean }[] }>();
    for (const c of columns.rows) {
      if (c.type === 'bytea') continue;
      const key = `${c.schema}.${c.table}`;
      const entry = tables.get(key) ?? { schema: c.schema, table: c.table, columns: [] };
      entry.columns.push({ name: c.column, json: c.type === 'json' || c.type === 'jsonb' });
      tables.set(key, entry);
    }
    for (const { schema, table, columns: cols } of tables.values()) {
      const list = cols.map((c) => `${ident(c.name)}::text`).join(', ');
      const rows = await client.query({ text: `SELECT ${list} FROM ${ident(schema)}.${ident(table)}`, rowMode: 'array' });
      for (const row of rows.rows as (string | null)[][]) {
        row.forEach((value, i) => {
          if (value === null) return;
          values++;
          const where = `${name} ${schema}.${table}.${cols[i]!.name}`;
          for (const text of cols[i]!.json ? jsonTexts(value) : [value]) findings.push(...findingsIn(text, where));
        });
      }
    }
    const hasDocuments = await client.query(`SELECT to_regclass('public.issued_document') IS NOT NULL AS present`);
    if (hasDocuments.rows[0].present) {
      const docs = await client.query<{ id: string; kind: string; bytes: Buffer }>(`SELECT id, kind, bytes FROM issued_document WHERE bytes IS NOT NULL ORDER BY created_at`);
      for (const doc of docs.rows) {
        const where = `${name} issued_document ${doc.id} (${doc.kind})`;
        findings.push(...findingsIn(await pdfText(doc.bytes, where, tmpDir), where));
        pdfs++;
      }
    }
  } finally {
    await client.end();
  }
  return { findings, values, pdfs };
}

/** A JSON text's keys, strings and numbers one by one (escapes such as `\n` would otherwise hide a number split by lines). */
function jsonTexts(line: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return [line];
  }
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (out.push(k), walk(x)));
  };
  walk(parsed);
  return out;
}

export interface ScanReport {
  findings: Finding[];
  databases: number;
  values: number;
  pdfs: number;
  logLines: number;
}

/** `earlier`: test databases that were there before the run began (a DATABASE_URL server keeps them), left out. */
export async function scanTestRun(serverUrl: string | undefined, tmpDir: string, earlier: string[] = []): Promise<ScanReport> {
  const report: ScanReport = { findings: [], databases: 0, values: 0, pdfs: 0, logLines: 0 };
  if (serverUrl) {
    for (const name of await testDatabases(serverUrl)) {
      if (earlier.includes(name)) continue;
      const one = await scanDatabase(databaseUrl(serverUrl, name), name, tmpDir);
      report.findings.push(...one.findings);
      report.databases++;
      report.values += one.values;
      report.pdfs += one.pdfs;
    }
  }
  const files = await scanFiles({ pdfDir: PDF_DIR, logDir: LOG_DIR }, tmpDir);
  report.findings.push(...files.findings);
  report.pdfs += files.pdfs;
  report.logLines += files.logLines;
  return report;
}

/** Every PDF in `pdfDir` (read with pdftotext) and every line of every log in `logDir`. */
export async function scanFiles(
  { pdfDir, logDir }: { pdfDir: string; logDir: string },
  tmpDir: string,
): Promise<{ findings: Finding[]; pdfs: number; logLines: number }> {
  const out = { findings: [] as Finding[], pdfs: 0, logLines: 0 };
  if (existsSync(pdfDir)) {
    for (const file of readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'))) {
      const where = join(pdfDir, file);
      out.findings.push(...findingsIn(await pdfText(readFileSync(where), where, tmpDir), where));
      out.pdfs++;
    }
  }
  if (existsSync(logDir)) {
    for (const file of readdirSync(logDir).filter((f) => f.endsWith('.log'))) {
      readFileSync(join(logDir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line) return;
          out.logLines++;
          for (const text of jsonTexts(line)) out.findings.push(...findingsIn(text, `${join(logDir, file)}:${i + 1}`));
        });
    }
  }
  return out;
}
