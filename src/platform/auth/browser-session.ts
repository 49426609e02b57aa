import { ForbiddenException } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';

/**
 * The browser app's session (issue 13): the access token stays in the page's memory; the
 * refresh token is this HttpOnly cookie, which page scripts cannot read, sent only to the
 * session routes below its path, never cross-site (SameSite=Strict), and only over https when
 * the app is reached over https.
 */
export const SESSION_COOKIE = 'po_session';
export const SESSION_PATH = '/api/v1/auth/session';

/**
 * The custom header the browser app sends. A page of another site cannot send it without a
 * CORS preflight, which the app never grants, so a cookie-carrying request without it was not
 * made by our app: the cookie routes refuse it (CSRF).
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'police-ops';

export function sessionCookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: SESSION_PATH, ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function readSessionCookie(req: Request): string | undefined {
  for (const part of req.headers.cookie?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setSessionCookie(res: Response, token: string, secure: boolean, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(secure, maxAgeMs));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure));
}

/**
 * CSRF defence for the routes a cookie authenticates, on top of SameSite=Strict: the custom
 * header must be there, and a browser's Origin (or, without one, its Sec-Fetch-Site) must say
 * the request comes from the app itself, that is BASE_URL's origin or the host the request
 * was sent to. Clients that send neither header (curl, scripts) use the body-based routes.
 */
export function assertSameOriginApp(req: Request, baseOrigin: string): void {
  if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw new ForbiddenException(`This route is for the browser app: send ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} from its own origin`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const own = [baseOrigin, `${req.protocol}://${req.headers.host ?? ''}`];
    if (!own.includes(origin)) throw new ForbiddenException('Cross-origin request refused: the session routes answer the app\'s own pages only');
    return;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    throw new ForbiddenException('Cross-site request refused: the session routes answer the app\'s own pages only');
  }
}
