import { ENV_DOCS, EnvironmentVariables } from './env.schema';

/** The README's configuration table sits between these markers; `npm run docs:config` rewrites it. */
export const TABLE_BEGIN = '<!-- config-table:begin (generated from src/config/env.schema.ts by `npm run docs:config`; edit ENV_DOCS there) -->';
export const TABLE_END = '<!-- config-table:end -->';

/** A variable's default as the README shows it: `—` when there is none. */
export function defaultText(value: unknown): string {
  return value === undefined ? '—' : `\`${String(value)}\``;
}

/** Every variable, its default (the schema's own initial value) and its meaning, in ENV_DOCS order. */
export function configRows(): Array<{ name: string; default: string; meaning: string }> {
  const defaults = new EnvironmentVariables() as unknown as Record<string, unknown>;
  return Object.entries(ENV_DOCS).map(([name, meaning]) => ({ name, default: defaultText(defaults[name]), meaning }));
}

export function renderConfigTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    TABLE_BEGIN,
    '| variable | default | meaning |',
    '| --- | --- | --- |',
    ...configRows().map((r) => `| \`${r.name}\` | ${cell(r.default)} | ${cell(r.meaning)} |`),
    TABLE_END,
  ].join('\n');
}

/** The README with its table replaced by the current one; throws when the markers are missing. */
export function withCurrentTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no configuration table markers (${TABLE_BEGIN} … ${TABLE_END})`);
  return readme.slice(0, begin) + renderConfigTable() + readme.slice(end + TABLE_END.length);
}
