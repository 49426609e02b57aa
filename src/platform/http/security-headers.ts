import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, readonly string[]>;

/**
 * Every answer's Content-Security-Policy: our own origin only, no inline script anywhere, no
 * plugins, no `<base>`, never framed. The app's own pages (/verify, the duty-slip phone page)
 * carry one fixed inline stylesheet each, allowed by its hash on that answer only
 * (`allowInlineStyle`), so no page needs 'unsafe-inline'.
 */
export const STRICT_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The bundled third-party UIs (the queue board at /admin/queues, Swagger UI at /api/docs) write
 * inline styles and data: images, and the board sets `<base href>`. On their paths only, styles
 * may be inline; scripts stay our own origin's files, and nothing loads from elsewhere (the
 * board's Google Fonts are blocked: it falls back to system fonts).
 */
export const THIRD_PARTY_UI_CSP: Directives = {
  ...STRICT_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'base-uri': ["'self'"],
};

/**
 * The browser app's document (index.html): the strict policy, with the map's tile server
 * (MAP_TILE_URL's host) allowed for images when the site has one. Its scripts, styles and
 * fonts are files of our own origin (Vite builds no inline script; assets are never inlined as
 * data: URIs); Leaflet positions its layers through the style property, which CSP allows.
 */
export function webAppCsp(options: { tileSource?: string }): string {
  return serialiseCsp({ ...STRICT_CSP, 'img-src': ["'self'", ...(options.tileSource ? [options.tileSource] : [])] });
}

/**
 * Browser features no page of ours uses are switched off; geolocation stays for our own origin
 * (a map of posts and routes later).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=(self)',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

export function serialiseCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** HSTS only when the app is reached over https; on http (a laptop) it would be wrong. */
export function securityHeaders(options: { https: boolean }): RequestHandler[] {
  const permissions: RequestHandler = (_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...STRICT_CSP } as Record<string, string[]> },
      // One year, this host only: the app cannot speak for other hosts of the domain.
      strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
    permissions,
  ];
}

/** The relaxed policy for a bundled third-party UI, mounted on its path only. */
export function thirdPartyUiCsp(): RequestHandler {
  const header = serialiseCsp(THIRD_PARTY_UI_CSP);
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', header);
    next();
  };
}

/**
 * Every /api/v1 answer may carry personal data (applicants, officers, VIP movements): no
 * browser, proxy or phone keeps a copy.
 */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

const styleHashes = new Map<string, string>();

/** The CSP source that allows exactly this stylesheet text inline. */
export function inlineStyleSource(css: string): string {
  let hash = styleHashes.get(css);
  if (!hash) {
    hash = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
    styleHashes.set(css, hash);
  }
  return hash;
}

/** For one of our pages: the strict policy, plus its one fixed `<style>` block by hash. */
export function allowInlineStyle(res: Response, css: string): void {
  res.setHeader('Content-Security-Policy', serialiseCsp({ ...STRICT_CSP, 'style-src': ["'self'", inlineStyleSource(css)] }));
}
