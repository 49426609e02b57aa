import { generateKeyPairSync } from 'node:crypto';
import { documentIdFor, DocumentSigner } from './document-signer';

const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('DocumentSigner', () => {
  const signer = new DocumentSigner(pem);
  const id = documentIdFor(['GENERAL_LETTER', 'x', '1']);

  it('round-trips a token to its document id', () => {
    expect(signer.verify(signer.token(id))).toBe(id);
  });

  it('rejects a token with one character of the signature changed', () => {
    const token = signer.token(id);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    expect(signer.verify(token.slice(0, -2) + last + token.at(-1))).toBeNull();
  });

  it('rejects a signature made by another key, and garbage', () => {
    const other = new DocumentSigner(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    expect(signer.verify(other.token(id))).toBeNull();
    expect(signer.verify('not-a-token')).toBeNull();
    expect(signer.verify(`${id}.`)).toBeNull();
  });

  it('derives the same UUID for the same parts and a different one otherwise', () => {
    expect(documentIdFor(['a', 'b'])).toBe(documentIdFor(['a', 'b']));
    expect(documentIdFor(['a', 'b'])).not.toBe(documentIdFor(['a', 'c']));
    expect(documentIdFor(['a', 'b'])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
