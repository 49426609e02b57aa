#!/usr/bin/env node
/**
 * Builds dist/ only when it is missing or older than the sources, so `npm start` and the
 * CLIs start the built app instead of rebuilding (and deleting dist under a running
 * instance) every time. `--force` always builds (`npm run build`).
 *
 * dist/.build-stamp records when the last build started and a hash of its inputs: a source
 * newer than the stamp whose content is unchanged (a checkout, a copy) does not rebuild.
 * Builds take a lock (.build-lock/), so two starts from one checkout do not build at once.
 * Everything it prints goes to stderr: `npm run solve` keeps stdout for its JSON.
 */
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stampFile = path.join(root, 'dist', '.build-stamp');
const lockDir = path.join(root, '.build-lock');
/** What the build reads (tsconfig.build.json, nest-cli.json); templates/ are read at run time. */
const INPUTS = ['src', 'migrations', 'bench', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package.json'];

const say = (line) => process.stderr.write(`[ensure-build] ${line}\n`);

function inputFiles() {
  const files = [];
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    else if (!p.endsWith('.spec.ts')) files.push({ path: p, mtimeMs: st.mtimeMs });
  };
  for (const input of INPUTS) walk(path.join(root, input));
  return files;
}

function hashOf(files) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(root, f.path)).update('\0').update(fs.readFileSync(f.path)).update('\0');
  return hash.digest('hex');
}

function readStamp() {
  try {
    return { ...JSON.parse(fs.readFileSync(stampFile, 'utf8')), mtimeMs: fs.statSync(stampFile).mtimeMs };
  } catch {
    return undefined;
  }
}

/** Why dist must be (re)built, or undefined when it is current. */
function staleness() {
  const stamp = readStamp();
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) return 'dist/ is missing';
  if (!stamp) return 'dist/ has no build stamp';
  const files = inputFiles();
  if (files.every((f) => f.mtimeMs <= stamp.mtimeMs)) return undefined;
  if (hashOf(files) === stamp.hash) {
    const now = new Date();
    fs.utimesSync(stampFile, now, now); // same content, newer mtimes: trust the build again
    return undefined;
  }
  return 'sources changed since the last build';
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

function build(reason) {
  let nest;
  try {
    nest = require.resolve('@nestjs/cli/bin/nest.js', { paths: [root] });
  } catch {
    say(`${reason}, and the build tools (dev dependencies) are not installed.`);
    throw new BuildFailed('Build where they are: `npm ci && npm run build`, then `npm start` (see README, Set up).', 1);
  }
  say(`${reason}: building dist/ …`);
  const startedAt = new Date();
  const files = inputFiles();
  const hash = hashOf(files);
  const result = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new BuildFailed(`build failed (${result.signal ?? `exit ${result.status}`})`, result.status || 1);
  fs.writeFileSync(stampFile, JSON.stringify({ hash, builtAt: startedAt.toISOString() }) + '\n');
  // The stamp is as old as the sources the build read: an edit made during the build is newer.
  fs.utimesSync(stampFile, startedAt, startedAt);
  say('dist/ is up to date');
}

function main() {
  const force = process.argv.includes('--force');
  if (!force && !staleness()) return 0;
  lock();
  try {
    // Another start may have built it while this one waited for the lock.
    const reason = force ? 'build requested' : staleness();
    if (reason) build(reason);
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
