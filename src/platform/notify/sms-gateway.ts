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

/**
 * The gateway will never take this message: sending it again cannot help. INVALID_NUMBER when
 * it refused the number, REFUSED when it refused the message. Any other error is retried.
 */
export class SmsRefused extends Error {
  override readonly name = 'SmsRefused';
  constructor(
    readonly failure: 'INVALID_NUMBER' | 'REFUSED',
    message: string,
  ) {
    super(message);
  }
}

/** Development and test: nothing leaves the machine; admins read the messages in the app. */
export class SinkSmsGateway implements SmsGateway {
  readonly name = 'sink';
  async send(message: OutgoingMessage): Promise<SmsOutcome> {
    return { providerRef: `sink:${message.id}`, status: 'KEPT_IN_SINK' };
  }
}

/**
 * A generic HTTP SMS gateway (the state's or a vendor's): POST JSON {to, text, ref} with a
 * bearer token and an Idempotency-Key, expecting 2xx and optionally {id}. A 422 says the number
 * is not one it can send to, a 400 or 413 that it refuses the message: both are final. Anything
 * else (5xx, 408, 429, 401 while a token is being fixed, no answer) is retried with backoff.
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
    if (!res.ok) {
      const said = await res
        .json()
        .then((b) => {
          const body = (b ?? {}) as { error?: unknown; message?: unknown };
          return String(body.error ?? body.message ?? '').slice(0, 200);
        })
        .catch(() => '');
      const answer = `SMS gateway answered ${res.status}${said ? `: ${said}` : ''}`;
      if (res.status === 422) throw new SmsRefused('INVALID_NUMBER', answer);
      if (res.status === 400 || res.status === 413) throw new SmsRefused('REFUSED', answer);
      throw new Error(answer);
    }
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return { providerRef: body.id ?? message.id, status: 'SENT' };
  }
}
