import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Block } from '../pdf';
import {
  TEMPLATE_DECLARATIONS,
  TemplateDeclaration,
  TemplateLanguage,
} from './template-declarations';
import { TemplateError } from './template-errors';
import { ParsedTemplate, fillPlaceholders, parseTemplate } from './template-parser';

export const TEMPLATE_EXTENSION = '.txt';

const LANGUAGE_NAMES: Record<TemplateLanguage, string> = { hi: 'Hindi', en: 'English' };

export interface RenderedTemplate {
  /** The '# ' title line, if the template has one (use it as PdfSpec.title). */
  readonly title?: string;
  /** Headings, paragraphs and lists ready for PdfSpec.blocks. */
  readonly blocks: Block[];
}

export interface TemplateStoreOptions {
  /** Folder holding <kind>/<name>.<lang>.txt; defaults to the repository's templates/. */
  readonly rootDir?: string;
  readonly declarations?: readonly TemplateDeclaration[];
}

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly parsed: ParsedTemplate;
}

/** Walks up from this file to the folder that has templates/README.md (works from src and dist). */
function defaultRootDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'templates');
    dir = parent;
  }
}

/**
 * Loads office-editable letter templates, checks them against their code declarations and
 * fills them in. Files are re-read when they change on disk, so an edited template is used
 * without a restart.
 */
export class TemplateStore {
  readonly rootDir: string;
  private readonly declarations: Map<string, TemplateDeclaration>;
  private readonly cache = new Map<string, CachedFile>();

  constructor(options: TemplateStoreOptions = {}) {
    this.rootDir = options.rootDir ?? defaultRootDir();
    this.declarations = new Map(
      (options.declarations ?? TEMPLATE_DECLARATIONS).map((d) => [`${d.kind}/${d.name}`, d]),
    );
  }

  /** Path of a template file relative to the repository, as office staff would look for it. */
  filePath(kind: string, name: string, lang: TemplateLanguage): string {
    return join(this.rootDir, kind, `${name}.${lang}${TEMPLATE_EXTENSION}`);
  }

  /**
   * Checks every declared template in every declared language, and that no template file
   * exists without a declaration. Throws one TemplateError listing all problems.
   */
  validateAll(): void {
    const problems: string[] = [];
    for (const decl of this.declarations.values()) {
      for (const lang of decl.languages) {
        try {
          this.load(decl, lang);
        } catch (err) {
          problems.push(err instanceof Error ? err.message : String(err));
        }
      }
    }
    problems.push(...this.undeclaredFiles());
    if (problems.length > 0) throw new TemplateError(problems.join('\n'));
  }

  /**
   * Fills a template. Every declared placeholder needs a value; passing an undeclared one is
   * an error too, so a typo in calling code cannot silently drop text.
   */
  render(
    kind: string,
    name: string,
    lang: TemplateLanguage,
    vars: Readonly<Record<string, string>>,
  ): RenderedTemplate {
    const decl = this.declaration(kind, name);
    const parsed = this.load(decl, lang);
    const file = this.displayPath(this.filePath(kind, name, lang));
    const missing = decl.placeholders.filter((p) => typeof vars[p] !== 'string');
    if (missing.length > 0) {
      throw new TemplateError(
        `missing value for ${missing.map((m) => `{{${m}}}`).join(', ')}`,
        file,
      );
    }
    const unknown = Object.keys(vars).filter((k) => !decl.placeholders.includes(k));
    if (unknown.length > 0) {
      throw new TemplateError(
        `values given for undeclared placeholders ${unknown.join(', ')}; declared: ${decl.placeholders.join(', ')}`,
        file,
      );
    }
    let title: string | undefined;
    const blocks: Block[] = [];
    for (const node of parsed.nodes) {
      switch (node.kind) {
        case 'title':
          title = fillPlaceholders(node.text, vars);
          break;
        case 'heading':
          blocks.push({ kind: 'heading', level: 2, text: fillPlaceholders(node.text, vars) });
          break;
        case 'paragraph':
          blocks.push({ kind: 'paragraph', text: fillPlaceholders(node.text, vars) });
          break;
        case 'list':
          blocks.push({
            kind: 'list',
            ordered: node.ordered,
            items: node.items.map((item) => fillPlaceholders(item, vars)),
          });
          break;
      }
    }
    return title === undefined ? { blocks } : { title, blocks };
  }

  /** What code declares for a template (its placeholders, its SMS rules). */
  declarationOf(kind: string, name: string): TemplateDeclaration {
    return this.declaration(kind, name);
  }

  /** Every declared template, in declaration order. */
  allDeclarations(): TemplateDeclaration[] {
    return [...this.declarations.values()];
  }

  private declaration(kind: string, name: string): TemplateDeclaration {
    const decl = this.declarations.get(`${kind}/${name}`);
    if (!decl) throw new TemplateError(`no template "${kind}/${name}" is declared in code`);
    return decl;
  }

  private load(decl: TemplateDeclaration, lang: TemplateLanguage): ParsedTemplate {
    const path = this.filePath(decl.kind, decl.name, lang);
    const shown = this.displayPath(path);
    if (!decl.languages.includes(lang)) {
      throw new TemplateError(
        `template ${decl.kind}/${decl.name} is not declared for language "${lang}"`,
      );
    }
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new TemplateError(
        `missing ${LANGUAGE_NAMES[lang]} version of template ${decl.kind}/${decl.name}`,
        shown,
      );
    }
    const cached = this.cache.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size)
      return cached.parsed;
    const parsed = parseTemplate(readFileSync(path, 'utf8'), shown);
    const unknown = parsed.placeholders.filter((p) => !decl.placeholders.includes(p));
    if (unknown.length > 0) {
      throw new TemplateError(
        `unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; allowed: ${decl.placeholders
          .map((p) => `{{${p}}}`)
          .join(', ')}`,
        shown,
      );
    }
    this.cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
    return parsed;
  }

  private undeclaredFiles(): string[] {
    const problems: string[] = [];
    if (!existsSync(this.rootDir)) return [`template folder ${this.rootDir} does not exist`];
    for (const kind of readdirSync(this.rootDir, { withFileTypes: true })) {
      if (!kind.isDirectory()) continue;
      for (const file of readdirSync(join(this.rootDir, kind.name))) {
        const match = /^(.+)\.(hi|en)\.txt$/.exec(file);
        const path = this.displayPath(join(this.rootDir, kind.name, file));
        if (!match) {
          problems.push(`${path}: not a template name; use <name>.hi.txt or <name>.en.txt`);
        } else if (!this.declarations.has(`${kind.name}/${match[1]}`)) {
          problems.push(`${path}: template ${kind.name}/${match[1]} is not declared in code`);
        }
      }
    }
    return problems;
  }

  private displayPath(path: string): string {
    return join('templates', relative(this.rootDir, path));
  }
}
