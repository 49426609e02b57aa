import { BASE_URL_MARK, TemplateDeclaration, TemplateLanguage, TemplateStore } from '../documents/templates';
import { fitSms, preferGsm7 } from './sms-fit';
import { isGsm7, SmsEncoding, smsSize } from './sms-parts';

/** One SMS template in one language, rendered with the longest values its senders give. */
export interface SmsTemplateCheck {
  readonly template: string;
  readonly language: TemplateLanguage | 'bi';
  /** The template file(s) an office would edit. */
  readonly files: readonly string[];
  readonly encoding: SmsEncoding;
  /** Characters (code points) of the worst-case message. */
  readonly characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly parts: number;
  /** The declared limit; null when none is set yet. */
  readonly maxParts: number | null;
  /** Placeholders shortened to fit, characters before and after. */
  readonly shortened: Readonly<Record<string, { readonly from: number; readonly to: number }>>;
  /** The worst-case message as it would be sent. */
  readonly text: string;
  /** The characters that make an English message UCS-2 (70 a part instead of 160). */
  readonly notGsm7: readonly string[];
  /** Why the template fails the check, or null. */
  readonly problem: string | null;
}

/** The address used where none is configured: as long as a state government host gets. */
export const SMS_CHECK_BASE_URL = 'https://police-ops.bhopal.mp.gov.in';

const withBaseUrl = (vars: Readonly<Record<string, string>>, baseUrl: string) =>
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.split(BASE_URL_MARK).join(baseUrl.replace(/\/$/, ''))]));

const text = (store: TemplateStore, name: string, lang: TemplateLanguage, vars: Record<string, string>) =>
  store
    .render('messages', name, lang, vars)
    .blocks.map((b) => ('text' in b ? b.text : b.kind === 'list' ? b.items.map((i) => `- ${i}`).join('\n') : ''))
    .filter(Boolean)
    .join('\n');

/**
 * The template check for SMS: every message template, in each language it is sent in, rendered
 * with its declared worst case (the app's own BASE_URL in links) and fitted exactly as the notify
 * service fits a real message. A template over its declared parts, or one whose values would have
 * to be cut below their minimum, fails with the file to shorten.
 */
export function checkSmsTemplates(store: TemplateStore, baseUrl: string = SMS_CHECK_BASE_URL): SmsTemplateCheck[] {
  const rows: SmsTemplateCheck[] = [];
  for (const decl of store.allDeclarations().filter((d) => d.kind === 'messages')) {
    const languages: Array<TemplateLanguage | 'bi'> = [...decl.languages, ...(decl.sms?.bilingual ? (['bi'] as const) : [])];
    for (const language of languages) rows.push(checkOne(store, decl, language, baseUrl));
  }
  return rows;
}

function checkOne(store: TemplateStore, decl: TemplateDeclaration, language: TemplateLanguage | 'bi', baseUrl: string): SmsTemplateCheck {
  const langs: TemplateLanguage[] = language === 'bi' ? ['hi', 'en'] : [language];
  const files = langs.map((l) => `templates/messages/${decl.name}.${l}.txt`);
  const base = { template: decl.name, language, files, maxParts: decl.sms?.maxParts ?? null, shortened: {} };
  const failed = (problem: string): SmsTemplateCheck => ({ ...base, encoding: 'UCS-2', characters: 0, units: 0, parts: 0, text: '', notGsm7: [], problem });
  if (!decl.sms) return failed(`${files.join(', ')}: an SMS template needs its worst case declared (sms.worstCase in template-declarations.ts)`);
  const vars = withBaseUrl(decl.sms.worstCase[language === 'bi' ? 'hi' : language], baseUrl);
  const render = (v: Readonly<Record<string, string>>) => preferGsm7(langs.map((l) => text(store, decl.name, l, { ...v })).join('\n\n'));
  let fitted;
  try {
    fitted = fitSms(render, vars, { maxParts: decl.sms.maxParts ?? Number.MAX_SAFE_INTEGER, shrink: decl.sms.shrink ?? [] });
  } catch (e) {
    return failed((e as Error).message);
  }
  const size = smsSize(fitted.text);
  const what = `${size.parts} SMS parts (${size.encoding}, ${size.units} ${size.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units'})`;
  let problem: string | null = null;
  if (!fitted.fits) {
    const cut = (decl.sms.shrink ?? []).map((s) => `{{${s.placeholder}}} to ${s.min}`).join(', ');
    problem = `${files.join(' + ')}: ${what} with the longest values${cut ? ` even with ${cut} characters` : ''}; at most ${decl.sms.maxParts} allowed. Shorten the fixed text.`;
  }
  return {
    ...base,
    encoding: size.encoding,
    characters: [...fitted.text].length,
    units: size.units,
    parts: size.parts,
    shortened: fitted.shortened,
    text: fitted.text,
    notGsm7: language === 'en' ? [...new Set([...fitted.text].filter((c) => !isGsm7(c)))] : [],
    problem,
  };
}

/** The failures of a check, one line each. */
export function smsTemplateProblems(rows: readonly SmsTemplateCheck[]): string[] {
  return rows.flatMap((r) => (r.problem ? [r.problem] : []));
}

/** The check as a table for a terminal. */
export function formatSmsTemplateCheck(rows: readonly SmsTemplateCheck[]): string {
  const head = ['template', 'lang', 'encoding', 'chars', 'units', 'parts', 'limit', 'shortened', 'result'];
  const body = rows.map((r) => [
    r.template,
    r.language,
    r.encoding,
    String(r.characters),
    String(r.units),
    String(r.parts),
    r.maxParts === null ? '—' : String(r.maxParts),
    Object.entries(r.shortened).map(([k, v]) => `${k} ${v.from}→${v.to}`).join(', ') || '—',
    (r.problem ? 'FAIL' : 'ok') + (r.notGsm7.length ? ` (UCS-2 because of ${r.notGsm7.join(' ')})` : ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}
