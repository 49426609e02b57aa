// A real SMTP server in the test process (smtp-server), standing in for the diarisation
// mailbox. It keeps every accepted message raw, and can be told to refuse the next ones.

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string | undefined;
  readonly to: string[];
  readonly raw: Buffer;
}

export interface SmtpSink {
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Answer DATA with this SMTP reply instead of 250, e.g. 554 or 451; undefined accepts. */
  rejectWith(code: number | undefined, text?: string): void;
  /** Resolves when `count` messages have arrived in total. */
  waitForMessages(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** When set, AUTH is required and only these credentials pass. */
  credentials?: { user: string; pass: string };
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let rejection: { code: number; text: string } | undefined;

  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.credentials,
    allowInsecureAuth: true, // loopback only; the adapter's TLS settings are not under test here
    onAuth(auth, _session, callback) {
      const ok =
        auth.username === options.credentials?.user && auth.password === options.credentials?.pass;
      callback(
        ok ? null : Object.assign(new Error('Invalid credentials'), { responseCode: 535 }),
        ok ? { user: auth.username } : undefined,
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (rejection) {
          callback(Object.assign(new Error(rejection.text), { responseCode: rejection.code }));
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages,
    rejectWith(code, text = 'Rejected by test') {
      rejection = code === undefined ? undefined : { code, text };
    },
    async waitForMessages(count) {
      while (messages.length < count) await new Promise<void>((wake) => waiters.push(wake));
      return messages.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
