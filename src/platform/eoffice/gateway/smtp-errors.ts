// Classification of nodemailer failures, following the rule in gateway-errors.ts.

import type { NodemailerError } from 'nodemailer';
import { GatewayError, PermanentGatewayError, TransientGatewayError } from './gateway-errors';

// Credentials are a property of the channel, and SMTP answers them with 5xx (535, 530), so
// they must not be read as "this message was refused". probe() (verify) catches them as well.
const CHANNEL_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG']);

export function classifySmtpFailure(error: unknown): GatewayError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const detail = (e.response ?? e.message ?? String(error)).trim();

  if (code !== undefined && CHANNEL_CODES.has(code)) {
    return new TransientGatewayError(code, `mail server did not accept our login: ${detail}`, {
      fault: 'CREDENTIALS_REFUSED',
      cause: error,
    });
  }
  if (typeof e.responseCode === 'number') {
    // nodemailer sets `permanent` from the reply class (5xx except 503, RFC 5321); fall back
    // to the same reading should an older path leave it unset.
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    const smtpCode = `SMTP_${e.responseCode}`;
    return permanent
      ? new PermanentGatewayError(smtpCode, `mail server refused the message: ${detail}`, {
          cause: error,
        })
      : new TransientGatewayError(smtpCode, `mail server deferred the message: ${detail}`, {
          fault: 'FAILING',
          cause: error,
        });
  }
  // No SMTP reply at all: refused, reset, timeout, DNS, TLS. The server may or may not have
  // queued the message; a resend carries the same Message-ID so the mailbox can spot it.
  return new TransientGatewayError(code ?? 'SMTP_NETWORK', `mail server unreachable: ${detail}`, {
    fault: 'UNREACHABLE',
    cause: error,
  });
}
