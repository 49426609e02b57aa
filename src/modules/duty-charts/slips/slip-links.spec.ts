import { createHmac } from 'node:crypto';
import { SLIP_TOKEN_LENGTH, SlipLinks } from './slip-links';
import { DutyChartSettings } from '../settings';

const SECRET = 'a-secret-that-is-long-enough-for-hmac-keys';
const settings = (secret: string): DutyChartSettings => ({
  slipLinkSecret: secret,
  slipLinkGraceHours: 48,
  solveInThread: false,
  solveTimeLimitSeconds: 60,
  shortfallShape: 'concentrated',
  smsLanguage: 'hi',
});
const SLIP = '5d0c8f0e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';

/** A link as the app made them before the short ones: 4-byte expiry in seconds, 16-byte MAC. */
function legacyToken(slipId: string, expiresAt: Date, secret = SECRET): string {
  const payload = Buffer.alloc(20);
  Buffer.from(slipId.replace(/-/g, ''), 'hex').copy(payload, 0);
  payload.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 16);
  const mac = createHmac('sha256', secret).update('po-duty-slip:').update(payload).digest().subarray(0, 16);
  return Buffer.concat([payload, mac]).toString('base64url');
}

describe('signed slip links', () => {
  const links = new SlipLinks(settings(SECRET));
  const expires = new Date('2026-11-30T00:00:00Z');

  it('is 40 URL-safe characters and gives back the slip id before the link expires', () => {
    const token = links.token(SLIP, expires);
    expect(token).toHaveLength(SLIP_TOKEN_LENGTH);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(links.check(token, new Date('2026-11-29T23:59:00Z'))).toEqual({
      ok: true,
      slipId: SLIP,
      expiresAt: expires,
    });
  });

  it('rounds the expiry down to the hour, never past what was asked', () => {
    const token = links.token(SLIP, new Date('2026-11-30T05:59:59Z'));
    expect(links.check(token, new Date('2026-11-01T00:00:00Z'))).toMatchObject({ expiresAt: new Date('2026-11-30T05:00:00Z') });
  });

  it('refuses the link once it has expired', () => {
    expect(links.check(links.token(SLIP, expires), new Date('2026-11-30T00:00:01Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a link with one character changed, or signed with another key', () => {
    const token = links.token(SLIP, expires);
    for (const at of [0, 5, 30, 39]) {
      const flipped = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      expect(links.check(flipped, new Date('2026-11-01T00:00:00Z'))).toEqual({ ok: false, reason: 'invalid' });
    }
    const other = new SlipLinks(settings('another-secret-that-is-long-enough-too-xx'));
    expect(other.check(token, new Date('2026-11-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses an extended expiry, because the expiry is signed too', () => {
    const raw = Buffer.from(links.token(SLIP, expires), 'base64url');
    raw.writeUIntBE(raw.readUIntBE(16, 3) + 24, 16, 3);
    expect(links.check(raw.toString('base64url'), new Date('2026-11-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('still opens the 48-character links already sent, until they expire', () => {
    const old = legacyToken(SLIP, expires);
    expect(old).toHaveLength(48);
    expect(links.check(old, new Date('2026-11-29T00:00:00Z'))).toEqual({ ok: true, slipId: SLIP, expiresAt: expires });
    expect(links.check(old, new Date('2026-11-30T00:00:01Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(links.check(legacyToken(SLIP, expires, 'another-secret-that-is-long-enough-too-xx'), new Date('2026-11-01'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses tokens of any other length or alphabet', () => {
    const token = links.token(SLIP, expires);
    for (const bad of [token.slice(0, 39), `${token}A`, `${token.slice(0, 39)}=`, '', 'not a token'])
      expect(links.check(bad)).toEqual({ ok: false, reason: 'invalid' });
  });
});
