import { SlipLinks } from './slip-links';
import { DutyChartSettings } from '../settings';

const settings = (secret: string): DutyChartSettings => ({
  slipLinkSecret: secret,
  slipLinkGraceHours: 48,
  solveInThread: false,
  solveTimeLimitSeconds: 60,
  shortfallShape: 'concentrated',
  smsLanguage: 'hi',
});
const SLIP = '5d0c8f0e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';

describe('signed slip links', () => {
  const links = new SlipLinks(settings('a-secret-that-is-long-enough-for-hmac-keys'));
  const expires = new Date('2026-11-30T00:00:00Z');

  it('gives back the slip id before the link expires', () => {
    const token = links.token(SLIP, expires);
    expect(token).toHaveLength(48);
    expect(links.check(token, new Date('2026-11-29T23:59:00Z'))).toEqual({
      ok: true,
      slipId: SLIP,
      expiresAt: expires,
    });
  });

  it('refuses the link once it has expired', () => {
    expect(links.check(links.token(SLIP, expires), new Date('2026-11-30T00:00:01Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a link with one character changed, or signed with another key', () => {
    const token = links.token(SLIP, expires);
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect(links.check(flipped, new Date('2026-11-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const other = new SlipLinks(settings('another-secret-that-is-long-enough-too-xx'));
    expect(other.check(token, new Date('2026-11-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses an extended expiry, because the expiry is signed too', () => {
    const raw = Buffer.from(links.token(SLIP, expires), 'base64url');
    raw.writeUInt32BE(raw.readUInt32BE(16) + 86_400, 16);
    expect(links.check(raw.toString('base64url'), new Date('2026-11-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
