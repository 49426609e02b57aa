import { TemplateError } from './template-errors';

/** A template line group before placeholders are filled in. */
export type TemplateNode =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] };

export interface ParsedTemplate {
  readonly nodes: readonly TemplateNode[];
  /** Placeholder names in order of first use. */
  readonly placeholders: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const BULLET = /^[-*•]\s+/;
const NUMBERED = /^\d+[.)]\s+/;

function checkBraces(line: string, file: string, lineNo: number): void {
  const stripped = line.replace(PLACEHOLDER, '');
  if (stripped.includes('{{') || stripped.includes('}}')) {
    throw new TemplateError(
      'malformed placeholder: write it as {{name}} using letters, digits and _ only',
      file,
      lineNo,
    );
  }
}

/**
 * Parses the office template format (see templates/README.md): '# ' title, '## ' heading,
 * '- ' or '1. ' list items, '//' comments, blank lines between paragraphs, and line breaks
 * inside a paragraph kept as written.
 */
export function parseTemplate(source: string, file: string): ParsedTemplate {
  const nodes: TemplateNode[] = [];
  const placeholders: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const endBlock = (): void => {
    if (paragraph.length > 0) nodes.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (list) nodes.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = null;
  };

  source
    .replace(/^\uFEFF/, '') // Notepad writes a byte-order mark
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const lineNo = index + 1;
      const line = raw.trimEnd();
      if (line.trimStart().startsWith('//')) return;
      checkBraces(line, file, lineNo);
      for (const match of line.matchAll(PLACEHOLDER)) {
        if (!placeholders.includes(match[1])) placeholders.push(match[1]);
      }
      const trimmed = line.trim();
      if (!trimmed) return endBlock();
      if (trimmed.startsWith('## ')) {
        endBlock();
        nodes.push({ kind: 'heading', text: trimmed.slice(3).trim() });
      } else if (trimmed.startsWith('# ')) {
        endBlock();
        if (nodes.some((n) => n.kind === 'title')) {
          throw new TemplateError(
            'only one title line (starting with "# ") is allowed',
            file,
            lineNo,
          );
        }
        nodes.push({ kind: 'title', text: trimmed.slice(2).trim() });
      } else if (BULLET.test(trimmed) || NUMBERED.test(trimmed)) {
        const ordered = NUMBERED.test(trimmed);
        if (paragraph.length > 0 || (list && list.ordered !== ordered)) endBlock();
        list ??= { ordered, items: [] };
        list.items.push(trimmed.replace(ordered ? NUMBERED : BULLET, ''));
      } else if (list && /^\s/.test(line)) {
        // An indented line continues the previous list item.
        list.items[list.items.length - 1] += `\n${trimmed}`;
      } else {
        if (list) endBlock();
        paragraph.push(trimmed);
      }
    });
  endBlock();
  return { nodes, placeholders };
}

/** Replaces {{name}} with values; the caller has already checked every name has a value. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => values[name]);
}
