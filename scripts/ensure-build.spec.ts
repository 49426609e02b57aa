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
    expect(rebuilt.stderr).toMatch(/sources of dist\/ changed since the last build/);
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

  describe('with a browser app (web/)', () => {
    /** The fixture plus web/ and a stand-in `vite build` that writes dist/web and logs its NODE_ENV. */
    function withWeb() {
      const p = fresh();
      mkdirSync(join(p.dir, 'web', 'src'), { recursive: true });
      writeFileSync(join(p.dir, 'web', 'index.html'), '<div id="root"></div>\n');
      writeFileSync(join(p.dir, 'web', 'src', 'main.tsx'), 'export {};\n');
      const vite = join(p.dir, 'node_modules', 'vite');
      mkdirSync(join(vite, 'bin'), { recursive: true });
      writeFileSync(join(vite, 'package.json'), '{"name":"vite","bin":{"vite":"bin/vite.js"}}\n');
      writeFileSync(
        join(vite, 'bin', 'vite.js'),
        `const fs = require('fs');
         fs.rmSync('dist/web', { recursive: true, force: true });
         fs.mkdirSync('dist/web', { recursive: true });
         fs.writeFileSync('dist/web/index.html', '');
         fs.appendFileSync('web-builds.log', process.env.NODE_ENV + '\\n');`,
      );
      const webBuilds = () => (existsSync(join(p.dir, 'web-builds.log')) ? readFileSync(join(p.dir, 'web-builds.log'), 'utf8').trim().split('\n') : []);
      return { ...p, webBuilds };
    }

    it('builds the server, then the web app (in production mode whatever NODE_ENV says), then neither again', () => {
      const p = withWeb();
      const r = spawnSync(process.execPath, [join(p.dir, 'scripts', 'ensure-build.js')], { cwd: p.dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' } });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/dist\/ is missing[\s\S]*dist\/web\/ is missing/);
      expect([p.builds(), p.webBuilds()]).toEqual([1, ['production']]);
      p.run();
      expect([p.builds(), p.webBuilds().length]).toEqual([1, 1]);
    });

    it('rebuilds only the web app when only web/ changed, and the web app again after a server build emptied dist/', () => {
      const p = withWeb();
      p.run();
      const later = new Date(Date.now() + 5_000);
      writeFileSync(join(p.dir, 'web', 'src', 'main.tsx'), 'export const changed = 1;\n');
      utimesSync(join(p.dir, 'web', 'src', 'main.tsx'), later, later);
      expect(p.run().stderr).toMatch(/sources of dist\/web\/ changed/);
      expect([p.builds(), p.webBuilds().length]).toEqual([1, 2]);
      writeFileSync(join(p.dir, 'src', 'main.ts'), 'console.log(3);\n');
      utimesSync(join(p.dir, 'src', 'main.ts'), later, later);
      p.run();
      expect([p.builds(), p.webBuilds().length]).toEqual([2, 3]);
    });

    it('builds only the web app with --web (the browser tests\' global setup)', () => {
      const p = withWeb();
      expect(p.run('--web').code).toBe(0);
      expect([p.builds(), p.webBuilds().length]).toEqual([0, 1]);
      expect(existsSync(join(p.dir, 'dist', 'web', '.build-stamp'))).toBe(true);
    });
  });
});
