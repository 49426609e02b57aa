import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DutyChartSettings, InjectSettings } from '../settings';

const UUID_HEX = /^[0-9a-f]{32}$/;
const MAC_BYTES = 16;

export type SlipLinkCheck =
  { ok: true; slipId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signed, expiring links for the officer's slip page: base64url(slip id ‖ expiry ‖ HMAC).
 * 48 characters, so the SMS stays one part; 128 bits of MAC, checked before any lookup.
 */
@Injectable()
export class SlipLinks {
  private readonly key: Buffer;

  constructor(@InjectSettings() settings: DutyChartSettings) {
    this.key = Buffer.from(settings.slipLinkSecret, 'utf8');
  }

  token(slipId: string, expiresAt: Date): string {
    const payload = Buffer.alloc(20);
    Buffer.from(slipId.replace(/-/g, ''), 'hex').copy(payload, 0);
    payload.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 16);
    return Buffer.concat([payload, this.mac(payload)]).toString('base64url');
  }

  check(token: string, now: Date = new Date()): SlipLinkCheck {
    if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return { ok: false, reason: 'invalid' };
    const raw = Buffer.from(token, 'base64url');
    const payload = raw.subarray(0, 20);
    if (raw.length !== 20 + MAC_BYTES || !timingSafeEqual(raw.subarray(20), this.mac(payload)))
      return { ok: false, reason: 'invalid' };
    const hex = payload.subarray(0, 16).toString('hex');
    if (!UUID_HEX.test(hex)) return { ok: false, reason: 'invalid' };
    const expiresAt = new Date(payload.readUInt32BE(16) * 1000);
    if (expiresAt <= now) return { ok: false, reason: 'expired' };
    const slipId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { ok: true, slipId, expiresAt };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key)
      .update('po-duty-slip:')
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}
