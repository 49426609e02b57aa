import { mkdtemp, rm, writeFile, mkdir, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateDeclaration } from './template-declarations';
import { TemplateError } from './template-errors';
import { TemplateStore } from './template-store';

const LETTER_VARS = {
  recipient: 'पुलिस अधीक्षक,\nज़िला रायसेन',
  subject: 'धरना-प्रदर्शन की अनुमति',
  body: 'दिनांक 05-03-2026 को नीलम पार्क में धरना-प्रदर्शन की अनुमति दी जाती है।',
};

const NOTICE: TemplateDeclaration = {
  kind: 'notices',
  name: 'notice',
  description: 'test notice',
  placeholders: ['date', 'place'],
  languages: ['hi', 'en'],
};

describe('TemplateStore with the shipped templates', () => {
  const store = new TemplateStore();

  it('finds the repository templates folder and validates every declared template', () => {
    expect(store.rootDir.endsWith('templates')).toBe(true);
    expect(() => store.validateAll()).not.toThrow();
  });

  it('renders the general letter in Hindi as title, paragraphs and a subject heading', () => {
    const letter = store.render('letters', 'general-letter', 'hi', LETTER_VARS);
    expect(letter.title).toBe('पत्र');
    expect(letter.blocks).toContainEqual({
      kind: 'paragraph',
      text: 'प्रति,\nपुलिस अधीक्षक,\nज़िला रायसेन',
    });
    expect(letter.blocks).toContainEqual({
      kind: 'heading',
      level: 2,
      text: 'विषय: धरना-प्रदर्शन की अनुमति',
    });
    expect(letter.blocks).toContainEqual({ kind: 'paragraph', text: LETTER_VARS.body });
    expect(JSON.stringify(letter)).not.toContain('{{');
  });

  it('renders the general letter in English', () => {
    const letter = store.render('letters', 'general-letter', 'en', {
      recipient: 'The Superintendent of Police,\nDistrict Raisen',
      subject: 'Permission for dharna',
      body: 'Permission is granted.',
    });
    expect(letter.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'To,\nThe Superintendent of Police,\nDistrict Raisen',
    });
  });

  it('fails when a variable is missing, naming the placeholder and the file', () => {
    const { body: _body, ...withoutBody } = LETTER_VARS;
    expect(() => store.render('letters', 'general-letter', 'hi', withoutBody)).toThrow(
      'templates/letters/general-letter.hi.txt: missing value for {{body}}',
    );
  });

  it('fails when a variable is not declared, so typos in calling code surface', () => {
    expect(() =>
      store.render('letters', 'general-letter', 'hi', { ...LETTER_VARS, subjet: 'typo' }),
    ).toThrow(/undeclared placeholders subjet/);
  });

  it('fails for a template that is not declared in code', () => {
    expect(() => store.render('letters', 'no-such-letter', 'hi', {})).toThrow(
      'no template "letters/no-such-letter" is declared in code',
    );
  });
});

describe('TemplateStore validation', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'police-ops-templates-'));
    await mkdir(join(root, 'notices'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const store = (): TemplateStore => new TemplateStore({ rootDir: root, declarations: [NOTICE] });

  async function write(file: string, text: string): Promise<void> {
    await writeFile(join(root, 'notices', file), text, 'utf8');
  }

  it('rejects an unknown placeholder, naming the file and listing the allowed ones', async () => {
    await write('notice.hi.txt', 'दिनांक {{date}} को {{venue}} पर');
    await write('notice.en.txt', 'On {{date}} at {{place}}');
    const render = (): unknown =>
      store().render('notices', 'notice', 'hi', { date: '1', place: '2' });
    expect(render).toThrow(TemplateError);
    expect(render).toThrow(
      'templates/notices/notice.hi.txt: unknown placeholder {{venue}}; allowed: {{date}}, {{place}}',
    );
  });

  it('rejects a missing language file, naming the file that should exist', async () => {
    await write('notice.hi.txt', 'दिनांक {{date}} को {{place}} पर');
    expect(() => store().validateAll()).toThrow(
      'templates/notices/notice.en.txt: missing English version of template notices/notice',
    );
    expect(() => store().render('notices', 'notice', 'en', { date: '1', place: '2' })).toThrow(
      /notice\.en\.txt/,
    );
  });

  it('rejects a malformed placeholder with its line number', async () => {
    await write('notice.hi.txt', 'पहली पंक्ति\nदिनांक {{date} को');
    await write('notice.en.txt', 'On {{date}} at {{place}}');
    expect(() => store().validateAll()).toThrow(
      'templates/notices/notice.hi.txt:2: malformed placeholder',
    );
  });

  it('reports template files that have no declaration in code', async () => {
    await write('notice.hi.txt', '{{date}} {{place}}');
    await write('notice.en.txt', '{{date}} {{place}}');
    await write('circular.hi.txt', 'नया परिपत्र');
    expect(() => store().validateAll()).toThrow(
      /circular\.hi\.txt: template notices\/circular is not declared in code/,
    );
  });

  it('uses an edited file without a restart', async () => {
    await write('notice.hi.txt', 'पुराना {{date}} {{place}}');
    await write('notice.en.txt', 'old {{date}} {{place}}');
    const s = store();
    const vars = { date: '05-03-2026', place: 'भोपाल' };
    expect(s.render('notices', 'notice', 'hi', vars).blocks).toEqual([
      { kind: 'paragraph', text: 'पुराना 05-03-2026 भोपाल' },
    ]);
    await write('notice.hi.txt', 'नया पाठ {{date}} {{place}}');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(root, 'notices', 'notice.hi.txt'), later, later);
    expect(s.render('notices', 'notice', 'hi', vars).blocks).toEqual([
      { kind: 'paragraph', text: 'नया पाठ 05-03-2026 भोपाल' },
    ]);
  });

  it('does not let a value inject template syntax such as headings', async () => {
    await write('notice.hi.txt', '{{date}}\n{{place}}');
    await write('notice.en.txt', '{{date}} {{place}}');
    const out = store().render('notices', 'notice', 'hi', {
      date: '# not a title',
      place: '{{date}}',
    });
    expect(out).toEqual({ blocks: [{ kind: 'paragraph', text: '# not a title\n{{date}}' }] });
  });
});
