import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENV_DOCS, EnvironmentVariables } from './env.schema';
import { configRows, defaultText, renderConfigTable, TABLE_BEGIN, TABLE_END, withCurrentTable } from './readme-table';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The rows of the README's table as written: name → default cell. */
function readmeRows(): Map<string, string> {
  const section = readme.slice(readme.indexOf(TABLE_BEGIN), readme.indexOf(TABLE_END));
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| `([A-Z0-9_]+)` \| (.*?) \| /gm)) rows.set(m[1]!, m[2]!);
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('README configuration table', () => {
  it('has the table between its markers', () => {
    expect(readme).toContain(TABLE_BEGIN);
    expect(readme).toContain(TABLE_END);
  });

  it('lists every environment variable the app reads', () => {
    const missing = Object.keys(ENV_DOCS).filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });

  it('documents only variables the config really reads', () => {
    const unknown = [...readmeRows().keys()].filter((name) => !(name in ENV_DOCS));
    expect(unknown).toEqual([]);
  });

  it('shows each variable with the default the config applies', () => {
    const defaults = new EnvironmentVariables() as unknown as Record<string, unknown>;
    const shown = Object.fromEntries(readmeRows());
    const expected = Object.fromEntries(Object.keys(ENV_DOCS).map((name) => [name, defaultText(defaults[name])]));
    expect(shown).toEqual(expected);
    // The derived slices start from these same defaults.
    expect(defaults.PROTEST_CLASH_DISTANCE_METRES).toBe(500);
    expect(defaults.DUTY_SLIP_LINK_GRACE_HOURS).toBe(48);
  });

  it('is exactly what `npm run docs:config` writes (run it when this fails)', () => {
    expect(withCurrentTable(readme)).toBe(readme);
    expect(renderConfigTable().split('\n')).toHaveLength(configRows().length + 4);
  });

  it('is the only way settings are read: nothing outside src/config touches process.env', () => {
    const src = join(root, 'src');
    const readers = sourceFiles(src)
      .filter((f) => !f.endsWith('.spec.ts') && !f.startsWith(join(src, 'config')))
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(readers).toEqual([]);
  });
});
