import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Ed25519 signatures for verify links: `<id>.<base64url signature of "po-doc:<id>">`. A
 * forged or altered link fails the signature check before any lookup happens.
 */
export class DocumentSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(privateKeyPem: string) {
    this.privateKey = createPrivateKey(privateKeyPem);
    if (this.privateKey.asymmetricKeyType !== 'ed25519') throw new Error('DOCUMENT_SIGNING_KEY must be an Ed25519 private key (PEM)');
    this.publicKey = createPublicKey(this.privateKey);
  }

  /** The configured key, or one generated on first run into DATA_DIR/secrets (mode 0600). */
  static fromConfig(configuredPem: string | undefined, dataDir: string): DocumentSigner {
    if (configuredPem) return new DocumentSigner(configuredPem.replace(/\\n/g, '\n'));
    const dir = resolve(dataDir, 'secrets');
    const file = join(dir, 'document-signing-key.pem');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    return new DocumentSigner(readFileSync(file, 'utf8'));
  }

  token(documentId: string): string {
    const signature = sign(null, Buffer.from(`po-doc:${documentId}`), this.privateKey);
    return `${documentId}.${signature.toString('base64url')}`;
  }

  /** The document id if the token's signature holds, otherwise null. */
  verify(token: string): string | null {
    const dot = token.indexOf('.');
    if (dot < 0) return null;
    const id = token.slice(0, dot);
    const sig = token.slice(dot + 1);
    if (!UUID.test(id) || !/^[A-Za-z0-9_-]{86}$/.test(sig)) return null;
    return verify(null, Buffer.from(`po-doc:${id}`), this.publicKey, Buffer.from(sig, 'base64url')) ? id : null;
  }

  /** Signs any other statement of ours (e.g. the audit chain's head), base64url. */
  signStatement(statement: string): string {
    return sign(null, Buffer.from(statement), this.privateKey).toString('base64url');
  }

  verifyStatement(statement: string, signature: string): boolean {
    if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
    return verify(null, Buffer.from(statement), this.publicKey, Buffer.from(signature, 'base64url'));
  }

  /** Public key fingerprint, so an auditor can tell which key signed. */
  get fingerprint(): string {
    return createHash('sha256').update(this.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  }
}

/** A UUID derived from the record and the paper's variant: issuing the same paper twice gives the same id. */
export function documentIdFor(parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50; // version 5-style marker
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
