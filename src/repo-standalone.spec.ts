import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The repository stands on its own: its docs, code, templates and tests never point at a
 * folder beside it or at a path on one machine. Whatever they need lives in the repository
 * (docs/ARCHITECTURE.md, docs/duty-chart-format.md, docs/domain/, src/cli/demo/data/).
 */
const ROOT = join(__dirname, '..');
const SCANNED = [
  'README.md',
  'docs',
  'src',
  'web',
  'templates',
  'test',
  'bench',
  'migrations',
  '.ci',
];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', '.git']);
// What the tests write while they run (logs, screenshots, PDFs): git-ignored output, not the
// repository. Logs there hold stack traces with the machine's own paths, and they are written
// while this spec runs, so scanning them made the result depend on which suites ran first.
const SKIPPED_PATHS = new Set([join('test', 'artifacts')]);
// The sibling shared folder and the machine's work folder, spelt in pieces so this file does not match itself.
const OUTSIDE_REFERENCE = new RegExp(
  [['\\.\\.', 'shared', ''].join('/'), ['', 'work', ''].join('/')].join('|'),
);

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory() && SKIPPED_FOLDERS.has(entry.name)) continue;
    if (entry.isDirectory() && SKIPPED_PATHS.has(relative(ROOT, child))) continue;
    yield* files(child);
  }
}

function outsideReferences(root: string, scanned: readonly string[] = SCANNED): string[] {
  const hits: string[] = [];
  for (const top of scanned) {
    for (const file of files(join(root, top))) {
      const bytes = readFileSync(file);
      if (bytes.includes(0)) continue; // fonts, images, PDFs
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE_REFERENCE.test(line))
            hits.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  return hits;
}

describe('the repository stands on its own', () => {
  it('has no reference to a folder outside it in its docs, code, templates or tests', () => {
    expect(outsideReferences(ROOT)).toEqual([]);
  });

  it('scans the folders it claims to', () => {
    // Guards the walk itself: a scanner that read nothing would pass the test above.
    const seen = SCANNED.flatMap((top) =>
      [...files(join(ROOT, top))].map((f) => relative(ROOT, f)),
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'README.md',
        join('docs', 'ARCHITECTURE.md'),
        join('src', 'main.ts'),
        join('test', 'support', 'test-app.ts'),
      ]),
    );
  });

  it('leaves out what the tests write under test/artifacts', () => {
    // A log written by another suite, with a stack trace through the machine's own folder.
    const folder = join(ROOT, 'test', 'artifacts', 'logs');
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `repo-standalone-probe-${process.pid}.log`);
    writeFileSync(probe, `at handle (${['', 'work', 'main', 'src', 'x.ts'].join('/')}:1:1)\n`);
    try {
      expect(
        outsideReferences(ROOT).filter((hit) => hit.includes('repo-standalone-probe')),
      ).toEqual([]);
      // ...while the same line in a scanned folder is still found.
      expect(OUTSIDE_REFERENCE.test(readFileSync(probe, 'utf8'))).toBe(true);
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
