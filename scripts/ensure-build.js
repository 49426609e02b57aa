#!/usr/bin/env node
/**
 * Builds dist/ only when it is missing or older than the sources, so `npm start` and the
 * CLIs start the built app instead of rebuilding (and deleting dist under a running
 * instance) every time. `--force` always builds (`npm run build`).
 *
 * Two targets: the server (`nest build` into dist/, stamp dist/.build-stamp) and, when the
 * checkout has one, the browser app (`vite build` of web/ into dist/web, stamp
 * dist/web/.build-stamp). The server build empties dist/, so the web app is built after it.
 * A stamp records when its last build started and a hash of its inputs: a source newer than
 * the stamp whose content is unchanged (a checkout, a copy) does not rebuild.
 * Builds take a lock (.build-lock/), so two starts from one checkout do not build at once.
 * Everything it prints goes to stderr: `npm run solve` keeps stdout for its JSON.
 * `--web` builds (if stale) the browser app only: the browser tests' global setup.
 */
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const lockDir = path.join(root, '.build-lock');

/** A package's bin file, for packages whose `exports` do not list it (vite). */
function resolveTool(pkg, bin) {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] })), bin);
}

const TARGETS = [
  {
    name: 'dist/',
    /** What the build reads (tsconfig.build.json, nest-cli.json); templates/ are read at run time. */
    inputs: ['src', 'migrations', 'bench', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package.json'],
    stamp: path.join(root, 'dist', '.build-stamp'),
    output: path.join(root, 'dist', 'src', 'main.js'),
    present: () => true,
    command: () => [require.resolve('@nestjs/cli/bin/nest.js', { paths: [root] }), 'build'],
  },
  {
    name: 'dist/web/',
    inputs: ['web', 'package.json'],
    stamp: path.join(root, 'dist', 'web', '.build-stamp'),
    output: path.join(root, 'dist', 'web', 'index.html'),
    present: () => fs.existsSync(path.join(root, 'web', 'index.html')),
    command: () => [resolveTool('vite', 'bin/vite.js'), 'build', '--config', path.join('web', 'vite.config.mts'), '--logLevel', 'warn'],
    // Vite keeps a NODE_ENV it finds (jest's `test`), which would bundle React's development build.
    env: { NODE_ENV: 'production' },
  },
];

const say = (line) => process.stderr.write(`[ensure-build] ${line}\n`);

function inputFiles(target) {
  const files = [];
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    else if (!/\.spec\.tsx?$/.test(p)) files.push({ path: p, mtimeMs: st.mtimeMs });
  };
  for (const input of target.inputs) walk(path.join(root, input));
  return files;
}

function hashOf(files) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(root, f.path)).update('\0').update(fs.readFileSync(f.path)).update('\0');
  return hash.digest('hex');
}

function readStamp(target) {
  try {
    return { ...JSON.parse(fs.readFileSync(target.stamp, 'utf8')), mtimeMs: fs.statSync(target.stamp).mtimeMs };
  } catch {
    return undefined;
  }
}

/** Why the target must be (re)built, or undefined when it is current. */
function staleness(target) {
  const stamp = readStamp(target);
  if (!fs.existsSync(target.output)) return `${target.name} is missing`;
  if (!stamp) return `${target.name} has no build stamp`;
  const files = inputFiles(target);
  if (files.every((f) => f.mtimeMs <= stamp.mtimeMs)) return undefined;
  if (hashOf(files) === stamp.hash) {
    const now = new Date();
    fs.utimesSync(target.stamp, now, now); // same content, newer mtimes: trust the build again
    return undefined;
  }
  return `sources of ${target.name} changed since the last build`;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes .build-lock/, waiting for another build from this checkout to finish. */
function lock() {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // just created, pid not written yet; or gone
    }
    const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((Number.isInteger(holder) && holder > 0 && !alive(holder)) || (!Number.isInteger(holder) && age > 30_000)) {
      fs.rmSync(lockDir, { recursive: true, force: true }); // left by a build that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another build (pid ${holder}) holds ${lockDir} for more than 10 minutes`);
    sleep(250);
  }
}

function unlock() {
  fs.rmSync(lockDir, { recursive: true, force: true });
}

class BuildFailed extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
}

function build(target, reason) {
  let command;
  try {
    command = target.command();
  } catch {
    say(`${reason}, and the build tools (dev dependencies) are not installed.`);
    throw new BuildFailed('Build where they are: `npm ci && npm run build`, then `npm start` (see README, Set up).', 1);
  }
  say(`${reason}: building ${target.name} …`);
  const startedAt = new Date();
  const files = inputFiles(target);
  const hash = hashOf(files);
  const result = spawnSync(process.execPath, command, { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, ...target.env } });
  if (result.status !== 0) throw new BuildFailed(`build of ${target.name} failed (${result.signal ?? `exit ${result.status}`})`, result.status || 1);
  fs.writeFileSync(target.stamp, JSON.stringify({ hash, builtAt: startedAt.toISOString() }) + '\n');
  // The stamp is as old as the sources the build read: an edit made during the build is newer.
  fs.utimesSync(target.stamp, startedAt, startedAt);
  say(`${target.name} is up to date`);
}

function main() {
  const force = process.argv.includes('--force');
  const targets = TARGETS.filter((t) => t.present() && (!process.argv.includes('--web') || t.name === 'dist/web/'));
  if (!force && targets.every((t) => !staleness(t))) return 0;
  lock();
  try {
    // Another start may have built it while this one waited for the lock. In order: the
    // server build empties dist/, the web app's included.
    for (const target of targets) {
      const reason = force ? 'build requested' : staleness(target);
      if (reason) build(target, reason);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof BuildFailed)) throw e;
    say(e.message);
    return e.exitCode;
  } finally {
    unlock();
  }
}

process.exitCode = main();
