import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { findFreePort } from '../../src/platform/database/embedded-postgres.launcher';

/** Debian's dovecot-imapd; `.ci/run` installs it when missing. */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The app's settings for this mailbox (plain IMAP on loopback). */
  env(mailbox?: string): Record<string, string>;
  /** A logged-in client of the test's own, for putting mail in and looking at flags. */
  client(): Promise<ImapFlow>;
  /** Puts a message into the mailbox with IMAP APPEND; its UID and the mailbox's UIDVALIDITY. */
  append(raw: string | Buffer, mailbox?: string, flags?: string[]): Promise<{ uid: number; uidValidity: bigint }>;
  /** The flags of the message with this UID. */
  flags(uid: number, mailbox?: string): Promise<Set<string>>;
  /** Takes \Seen off a message, as a person marking it unread would. */
  markUnseen(uid: number, mailbox?: string): Promise<void>;
  /** What Dovecot logged, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

export interface DovecotOptions {
  /** false: a server that does not offer IMAP IDLE (its capability list without it), so clients must poll. */
  idle?: boolean;
}

/** What a server without IDLE says it can do (a short list: what the poller needs, IDLE left out). */
const CAPABILITIES_WITHOUT_IDLE = 'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT UIDPLUS MOVE LITERAL+ CHILDREN NAMESPACE ESEARCH';

/**
 * Starts a real Dovecot (IMAP only) with a configuration of its own in a temporary folder: one
 * passwd-file user, a maildir under the folder, no TLS, plaintext login on loopback, an
 * unprivileged port. Dovecot runs unprivileged ("non-root mode": every service as the one user
 * that started it); under root it is started as `nobody`, since its login processes refuse root.
 * Fails (never skips) when Dovecot is not installed: the mail intake's tests must run in CI.
 */
export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  try {
    accessSync(DOVECOT_BINARY, constants.X_OK);
  } catch {
    throw new Error(`Dovecot is not installed (${DOVECOT_BINARY}); the dak mail tests need it: apt-get install dovecot-imapd (.ci/run does)`);
  }
  const runAs = unprivilegedUser();
  const dir = mkdtempSync(join(tmpdir(), 'police-ops-dovecot-'));
  const user = 'dak';
  const password = 'dak-mailbox-password';
  const port = await findFreePort();
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::${join(dir, 'mail', user)}::\n`);
  writeFileSync(join(dir, 'dovecot.conf'), dovecotConf(dir, port, runAs) + (options.idle === false ? `imap_capability = ${CAPABILITIES_WITHOUT_IDLE}\n` : ''));
  if (runAs.chown) chownTree(dir, runAs.uid, runAs.gid);

  const child = spawn(DOVECOT_BINARY, ['-F', '-c', join(dir, 'dovecot.conf')], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs.chown ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => output + (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '');
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await greeted('127.0.0.1', port, child);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${(e as Error).message}\n--- dovecot ---\n${log()}`, { cause: e });
  }

  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await c.connect();
    return c;
  };
  const withClient = async <T>(mailbox: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = await client();
    try {
      const lock = await c.getMailboxLock(mailbox);
      try {
        return await fn(c);
      } finally {
        lock.release();
      }
    } finally {
      await c.logout().catch(() => undefined);
    }
  };

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    env: (mailbox = 'INBOX') => ({
      DAK_IMAP_HOST: '127.0.0.1',
      DAK_IMAP_PORT: String(port),
      DAK_IMAP_SECURE: 'false',
      DAK_IMAP_USER: user,
      DAK_IMAP_PASSWORD: password,
      DAK_IMAP_MAILBOX: mailbox,
    }),
    client,
    async append(raw, mailbox = 'INBOX', flags = []) {
      const c = await client();
      try {
        const res = await c.append(mailbox, raw, flags);
        if (!res || !res.uid || res.uidValidity === undefined) throw new Error(`APPEND to ${mailbox} gave no UID`);
        return { uid: res.uid, uidValidity: res.uidValidity };
      } finally {
        await c.logout().catch(() => undefined);
      }
    },
    flags: (uid, mailbox = 'INBOX') =>
      withClient(mailbox, async (c) => {
        const msg = await c.fetchOne(String(uid), { flags: true }, { uid: true });
        if (!msg) throw new Error(`no message with UID ${uid} in ${mailbox}`);
        return msg.flags ?? new Set<string>();
      }),
    markUnseen: (uid, mailbox = 'INBOX') =>
      withClient(mailbox, async (c) => {
        await c.messageFlagsRemove(String(uid), ['\\Seen'], { uid: true });
      }),
    log,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface RunAs {
  name: string;
  group: string;
  uid: number;
  gid: number;
  /** Started by root: the folder is handed to the user and Dovecot started as it. */
  chown: boolean;
}

function unprivilegedUser(): RunAs {
  const uid = process.getuid!();
  if (uid !== 0) {
    const gid = process.getgid!();
    return { name: nameOf('/etc/passwd', uid) ?? String(uid), group: nameOf('/etc/group', gid) ?? String(gid), uid, gid, chown: false };
  }
  const nobody = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((l) => l.split(':'))
    .find((f) => f[0] === 'nobody');
  if (!nobody) throw new Error('Dovecot cannot run as root and there is no user "nobody" to run it as');
  const gid = Number(nobody[3]);
  return { name: 'nobody', group: nameOf('/etc/group', gid) ?? String(gid), uid: Number(nobody[2]), gid, chown: true };
}

function nameOf(file: string, id: number): string | undefined {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.split(':'))
    .find((f) => Number(f[2]) === id && f[0])?.[0];
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) chownTree(p, uid, gid);
    else chownSync(p, uid, gid);
  }
}

/**
 * Dovecot 2.3 unprivileged: the internal and login users are the one running it (else it wants
 * the packaged `dovecot`/`dovenull` and root to switch to them), every path it writes inside the
 * folder (base_dir for its sockets, state_dir, the log), no chroot (needs root), and no include
 * of /etc/dovecot. `mailbox_idle_check_interval` is a backstop for IDLE should inotify be missing.
 */
function dovecotConf(dir: string, port: number, runAs: RunAs): string {
  return `# police-ops test Dovecot, written by test/support/dovecot.ts
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = police-ops-test-${port}
log_path = ${dir}/dovecot.log
default_internal_user = ${runAs.name}
default_internal_group = ${runAs.group}
default_login_user = ${runAs.name}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

/** Waits for the IMAP greeting on the port (within 20 s), or for Dovecot to exit. */
async function greeted(host: string, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`dovecot exited (${child.exitCode ?? child.signalCode})`);
    const greeting = await new Promise<string>((resolve) => {
      const socket = connect({ host, port });
      let text = '';
      const done = (s: string) => {
        socket.destroy();
        resolve(s);
      };
      socket.setTimeout(2000, () => done(text));
      socket.on('data', (d) => {
        text += d;
        if (text.includes('\n')) done(text);
      });
      socket.on('error', (e) => done(`error: ${e.message}`));
    });
    if (greeting.startsWith('* OK')) return;
    last = greeting || 'no answer';
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no IMAP greeting on ${host}:${port} (${last})`);
}
