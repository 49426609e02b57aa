export interface OutgoingMessage {
  id: string;
  to: string;
  text: string;
}

/** SENT: handed to a real gateway. KEPT_IN_SINK: only recorded, nobody receives it. */
export interface SmsOutcome {
  providerRef: string;
  status: 'SENT' | 'KEPT_IN_SINK';
}

/** Where SMS go: a real HTTP SMS gateway, or the development sink that only records them. */
export interface SmsGateway {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SmsOutcome>;
}

export const SMS_GATEWAY = Symbol('SMS_GATEWAY');

/** Development and test: nothing leaves the machine; admins read the messages in the app. */
export class SinkSmsGateway implements SmsGateway {
  readonly name = 'sink';
  async send(message: OutgoingMessage): Promise<SmsOutcome> {
    return { providerRef: `sink:${message.id}`, status: 'KEPT_IN_SINK' };
  }
}

/**
 * A generic HTTP SMS gateway (the state's or a vendor's): POST JSON {to, text, ref} with a
 * bearer token and an Idempotency-Key, expecting 2xx and optionally {id}.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutgoingMessage): Promise<SmsOutcome> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.id,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: message.to, text: message.text, ref: message.id }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return { providerRef: body.id ?? message.id, status: 'SENT' };
  }
}
