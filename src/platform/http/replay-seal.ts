import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Seals the answers kept for `Idempotency-Key` replays (AES-256-GCM), so the 24 h they are
 * kept does not leave applicants' mobiles and addresses readable in the database or its
 * dumps. The key is derived from IDEMPOTENCY_SECRET (or DATA_DIR/secrets/idempotency-secret),
 * which every instance must share; a row sealed with another key cannot be opened and is
 * treated as absent.
 */
export class ReplaySeal {
  private readonly cipherKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(secret: string) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'police-ops idempotency', info, 32));
    this.cipherKey = derive('replay body');
    this.hashKey = derive('request hash');
  }

  /** A keyed hash of the request, so the stored fingerprint cannot be tested against guessed bodies. */
  requestHash(text: string): string {
    return createHmac('sha256', this.hashKey).update(text).digest('hex');
  }

  /** The answer as stored: a JSON object holding only ciphertext. */
  seal(body: unknown, context: string): { sealed: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.cipherKey, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(JSON.stringify(body ?? null), 'utf8'), cipher.final()]);
    return { sealed: [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.') };
  }

  /** The answer back; throws when the row was not sealed by this key for this context. */
  open(stored: unknown, context: string): unknown {
    const sealed = (stored as { sealed?: unknown } | null)?.sealed;
    if (typeof sealed !== 'string') throw new Error('not a sealed replay');
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('unknown replay seal');
    const decipher = createDecipheriv('aes-256-gcm', this.cipherKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(text);
  }
}
