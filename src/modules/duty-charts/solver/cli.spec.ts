import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPointInstance } from '../checker/hand-made.fixture';
import { generateBandobast } from './generator';

const root = join(__dirname, '..', '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bandobast-cli-'));

/** Runs the solver CLI from the source (ts-node); `npm run solve` runs the same file from dist/. */
function runSolve(file: string) {
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('ts-node/dist/bin.js'),
      '--transpile-only',
      'src/modules/duty-charts/solver/cli.ts',
      file,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeInstance(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('npm run solve', () => {
  it('prints an OK chart on stdout, logs on stderr, and exits 0 for a valid instance', () => {
    const { code, stdout, stderr } = runSolve(
      writeInstance('valid.json', generateBandobast({ size: 'tiny' }).instance),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'OK', shortfalls: [] });
    expect(stderr).toMatch(/OK: \d+ duties/);
  });

  it('prints the shortfall report and exits 0 for an infeasible instance', () => {
    const instance = generateBandobast({
      size: 'tiny',
      infeasible: { requirement: 'women', extra: 2 },
    }).instance;
    const { code, stdout } = runSolve(writeInstance('infeasible.json', instance));
    expect(code).toBe(0);
    const solution = JSON.parse(stdout);
    expect(solution.status).toBe('INFEASIBLE');
    expect(solution.shortfalls.length).toBeGreaterThan(0);
  });

  it('exits 2 naming the field for an invalid instance', () => {
    const instance = checkPointInstance();
    (instance.officers[3] as { rank: string }).rank = 'CONSTABEL';
    const { code, stdout, stderr } = runSolve(writeInstance('invalid.json', instance));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('officers[3].rank: unknown rank "CONSTABEL"');
  });

  it('exits 2 for a file that is not JSON or does not exist', () => {
    const broken = runSolve(writeInstance('broken.json', '{ "officers": ['));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
    const missing = runSolve(join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file');
  });
});
