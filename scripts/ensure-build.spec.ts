import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/ensure-build.js in a throw-away project whose "nest build" is a stand-in that
 * writes dist/src/main.js and counts its runs, so the rules are checked without compiling.
 */
function project(): { dir: string; run: (...args: string[]) => { code: number | null; stdout: string; stderr: string }; builds: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-build-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(__dirname, 'ensure-build.js'), join(dir, 'scripts', 'ensure-build.js'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.ts'), 'console.log(1);\n');
  writeFileSync(join(dir, 'package.json'), '{"name":"fixture"}\n');
  const nest = join(dir, 'node_modules', '@nestjs', 'cli', 'bin');
  mkdirSync(nest, { recursive: true });
  writeFileSync(
    join(nest, 'nest.js'),
    `const fs = require('fs');
     fs.rmSync('dist', { recursive: true, force: true });
     fs.mkdirSync('dist/src', { recursive: true });
     fs.writeFileSync('dist/src/main.js', '');
     fs.appendFileSync('builds.log', 'x');
     console.log('nest build output');`,
  );
  return {
    dir,
    run: (...args) => {
      const r = spawnSync(process.execPath, [join(dir, 'scripts', 'ensure-build.js'), ...args], { cwd: dir, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    builds: () => (existsSync(join(dir, 'builds.log')) ? readFileSync(join(dir, 'builds.log'), 'utf8').length : 0),
  };
}

describe('scripts/ensure-build.js', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const fresh = () => {
    const p = project();
    made.push(p.dir);
    return p;
  };

  it('builds when dist is missing, then starts the built app without building again', () => {
    const p = fresh();
    expect(p.run()).toMatchObject({ code: 0, stdout: '' });
    expect(p.builds()).toBe(1);
    expect(p.run().code).toBe(0);
    expect(p.builds()).toBe(1);
  });

  it('rebuilds when a source changed, not when it was only touched, and ignores spec files', () => {
    const p = fresh();
    p.run();
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(p.dir, 'src', 'main.ts'), later, later); // a checkout: newer, same content
    p.run();
    expect(p.builds()).toBe(1);
    writeFileSync(join(p.dir, 'src', 'main.spec.ts'), 'test');
    p.run();
    expect(p.builds()).toBe(1);
    writeFileSync(join(p.dir, 'src', 'main.ts'), 'console.log(2);\n');
    utimesSync(join(p.dir, 'src', 'main.ts'), later, later);
    const rebuilt = p.run();
    expect(rebuilt.stderr).toMatch(/sources changed since the last build/);
    expect(p.builds()).toBe(2);
  });

  it('always builds with --force, and keeps stdout clean for the command it precedes', () => {
    const p = fresh();
    p.run();
    const forced = p.run('--force');
    expect(forced).toMatchObject({ code: 0, stdout: '' });
    expect(forced.stderr).toContain('nest build output');
    expect(p.builds()).toBe(2);
  });

  it('says what to do when dist is stale and the build tools are not installed', () => {
    const p = fresh();
    rmSync(join(p.dir, 'node_modules'), { recursive: true });
    const r = p.run();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dev dependencies\) are not installed/);
    expect(r.stderr).toMatch(/npm run build/);
    expect(existsSync(join(p.dir, '.build-lock'))).toBe(false);
  });
});
