import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Returns the configured secret, or one generated on first run into DATA_DIR/secrets/<name>
 * (mode 0600). There is no built-in default anywhere.
 */
export function resolveSecret(name: string, configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const dir = resolve(dataDir, 'secrets');
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
