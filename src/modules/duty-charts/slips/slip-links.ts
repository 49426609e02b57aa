import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DutyChartSettings, InjectSettings } from '../settings';

const UUID_HEX = /^[0-9a-f]{32}$/;
const HOUR_MS = 3_600_000;

export type SlipLinkCheck =
  { ok: true; slipId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/** The token's length in the URL; the SMS template check counts links this long. */
export const SLIP_TOKEN_LENGTH = 40;

/**
 * Signed, expiring links for the officer's slip page: base64url(slip id ‖ expiry ‖ HMAC),
 * checked before any lookup. 40 characters, so that with the short path (`/s/<token>`) a Hindi
 * duty SMS keeps to two parts: 16 bytes of slip id, the expiry in whole hours (3 bytes, good
 * to the year 3800) and 88 bits of HMAC-SHA-256 (11 bytes), far beyond guessing through the
 * per-link and per-address limits. Links sent before (48 characters: a 4-byte expiry in
 * seconds and 128 bits of MAC) stay valid until they expire.
 */
@Injectable()
export class SlipLinks {
  private readonly key: Buffer;

  constructor(@InjectSettings() settings: DutyChartSettings) {
    this.key = Buffer.from(settings.slipLinkSecret, 'utf8');
  }

  /** A link valid until `expiresAt`, rounded down to the hour. */
  token(slipId: string, expiresAt: Date): string {
    const payload = Buffer.alloc(19);
    Buffer.from(slipId.replace(/-/g, ''), 'hex').copy(payload, 0);
    payload.writeUIntBE(Math.floor(expiresAt.getTime() / HOUR_MS), 16, 3);
    return Buffer.concat([payload, this.mac('po-duty-slip-2:', payload, 11)]).toString('base64url');
  }

  check(token: string, now: Date = new Date()): SlipLinkCheck {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: 'invalid' };
    const raw = Buffer.from(token, 'base64url');
    let payload: Buffer;
    let expiresAt: Date;
    if (token.length === SLIP_TOKEN_LENGTH && raw.length === 30) {
      payload = raw.subarray(0, 19);
      if (!timingSafeEqual(raw.subarray(19), this.mac('po-duty-slip-2:', payload, 11))) return { ok: false, reason: 'invalid' };
      expiresAt = new Date(payload.readUIntBE(16, 3) * HOUR_MS);
    } else if (token.length === 48 && raw.length === 36) {
      payload = raw.subarray(0, 20);
      if (!timingSafeEqual(raw.subarray(20), this.mac('po-duty-slip:', payload, 16))) return { ok: false, reason: 'invalid' };
      expiresAt = new Date(payload.readUInt32BE(16) * 1000);
    } else {
      return { ok: false, reason: 'invalid' };
    }
    const hex = payload.subarray(0, 16).toString('hex');
    if (!UUID_HEX.test(hex)) return { ok: false, reason: 'invalid' };
    if (expiresAt <= now) return { ok: false, reason: 'expired' };
    const slipId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { ok: true, slipId, expiresAt };
  }

  private mac(domain: string, payload: Buffer, bytes: number): Buffer {
    return createHmac('sha256', this.key).update(domain).update(payload).digest().subarray(0, bytes);
  }
}
