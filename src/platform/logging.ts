import type { IncomingMessage } from 'node:http';
import { EventEmitter } from 'node:events';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { AppConfig } from '../config/config';
import { requestIdOf } from './context';
import type { DestinationStream } from 'pino';
import { withoutAadhaarNumbers } from './http/aadhaar';

/** Paths pino must never print: credentials and personal data (DPDP; Aadhaar Act s.29). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.oneTimePassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.mobile',
  '*.aadhaar',
  '*.aadhaarLast4',
  '*.idLast4',
  '*.address',
];

export const REDACTED = '[redacted]';

/**
 * Keys whose values are never printed, at any depth: the paths above, and their kin
 * (`applicantMobile`, `senderAddress`, `csrfToken`, `phone`, `secret`, …).
 */
export function isSensitiveKey(key: string): boolean {
  const k = key.toLowerCase();
  return (
    /(password|mobile|aadhaar|address|phone|secret|authorization|cookie)/.test(k) || k.endsWith('token') || k === 'idlast4'
  );
}

const MAX_DEPTH = 12;

/**
 * A copy of `value` with every sensitive key's value replaced, however deep (pino's own
 * redaction reaches one level below a wildcard only). Requests, responses, streams, errors
 * and other live objects are left to their serializers; cycles and depth are bounded.
 */
export function redactDeep(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  if (
    value instanceof Date ||
    value instanceof EventEmitter ||
    ArrayBuffer.isView(value) ||
    value instanceof Map ||
    value instanceof Set ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return value;
  }
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  // Errors: their message, stack and own fields (an HttpException's `response` may echo a body).
  if (value instanceof Error) {
    out.type = value.constructor.name;
    out.message = value.message;
    out.stack = value.stack;
  }
  for (const [k, v] of Object.entries(value)) out[k] = isSensitiveKey(k) ? REDACTED : redactDeep(v, depth + 1, seen);
  return out;
}

/**
 * The path as the access log may print it: bearer-like tokens in public links (duty-slip pages,
 * document verification) replaced, and the values of sensitive query parameters hidden.
 */
export function scrubUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  path = path
    .replace(/^(\/api\/v1\/duty-slips\/public\/|\/s\/)[^/]+/, `$1${REDACTED}`)
    .replace(/^(\/verify\/)(?!upload(?:\/|$))[^/]+/, `$1${REDACTED}`);
  if (!query) return path;
  const params = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // A malformed escape stays as it came.
      }
      return eq >= 0 && isSensitiveKey(name) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${params}`;
}

/** `stream`: where the lines go instead of stdout (the e2e tests keep them to scan them). */
export function loggerParams(config: AppConfig, stream?: DestinationStream): Params {
  const params = {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // The same id the request context (and so the audit log) carries, whoever asks first.
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      formatters: {
        // Every logged object, at every depth; req, res and err have their own serializers.
        log: (object: Record<string, unknown>) =>
          Object.fromEntries(
            Object.entries(object).map(([k, v]) => [
              k,
              k === 'req' || k === 'res' || k === 'err' ? v : isSensitiveKey(k) ? REDACTED : redactDeep(v),
            ]),
          ),
      },
      // Request bodies are never logged; only method, path (tokens scrubbed) and status.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: withoutAadhaarNumbers(scrubUrl(req.url ?? ''), { url: true }) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => redactDeep(stdSerializers.err(err)),
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      ...(config.NODE_ENV === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
        : {}),
    },
  };
  return stream ? { pinoHttp: [params.pinoHttp, stream] } : params;
}
