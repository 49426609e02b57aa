import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { webAppCsp } from '../http/security-headers';

/**
 * Paths the browser app's history fallback never answers: the API, the public verify pages,
 * the duty-slip links of SMS (`/s/<token>`), health checks and the queue board stay theirs
 * even for a browser asking for HTML. The app's own routes must not start with any of them.
 */
export const SERVER_PATHS = ['/api', '/verify', '/s', '/fonts', '/health', '/metrics', '/admin/queues'] as const;

/** The service worker's script (web/src/sw.ts, built by vite-plugin-pwa). */
const SERVICE_WORKER = '/sw.js';

/** Vite names every built file by its content hash: it can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The checkout's dist/web, from src/… (ts-node, tests) or dist/src/… (the build). */
export function webAppDir(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  // dist/ has no package.json of its own: from dist/src/… this finds the checkout too.
  return join(dir, 'dist', 'web');
}

/** Express routes without regard to case, so neither does this. */
function isServerPath(path: string): boolean {
  const lower = path.toLowerCase();
  return SERVER_PATHS.some((p) => lower === p || lower.startsWith(`${p}/`));
}

/** A navigation the SPA routes itself: a GET for a page (no file extension) that accepts HTML. */
function isPageRequest(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const last = req.path.split('/').pop() ?? '';
  return !last.includes('.') && (req.accepts(['html', 'json']) === 'html');
}

export interface WebAppOptions {
  dir: string;
  /** MAP_TILE_URL's host as a CSP source, allowed for images on the app's document. */
  tileSource?: string;
}

/**
 * Serves the built browser app (dist/web) at `/`: hashed files under /assets/ for a year,
 * index.html for every other page path (history fallback) and the service worker at /sw.js,
 * both revalidated on each load, so a new build is picked up at once. When the app has not been built, pages answer 404 as before and
 * the boot log says how to build it.
 */
export function webAppHandlers(options: WebAppOptions): { assets: RequestHandler; page: RequestHandler; built: boolean } {
  const index = join(options.dir, 'index.html');
  const csp = webAppCsp({ tileSource: options.tileSource });
  const serveAssets = express.static(join(options.dir, 'assets'), {
    index: false,
    fallthrough: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
  });
  /** Mount at /assets. A missing file is a 404, never the page: a stale tab asking for an old chunk must fail loudly. */
  const assets: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    serveAssets(req, res, (err?: unknown) => {
      if (err && typeof err === 'object' && 'status' in err && (err.status === 404 || err.status === 403)) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      next(err);
    });
  };
  const page: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (reading && req.path === SERVICE_WORKER) return serveWorker(res, next);
    // The service worker keeps index.html under its own name, for every page it opens offline.
    const isIndex = reading && req.path === '/index.html';
    if (!isIndex && (isServerPath(req.path) || !isPageRequest(req))) return next();
    // Read each time: a rebuild under a running server is served at once (the file is small).
    let html: string;
    try {
      html = readFileSync(index, 'utf8');
    } catch {
      return next();
    }
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
  /** The service worker: at the root (its scope is the whole app), revalidated on each load so a new build's worker is found. */
  const serveWorker = (res: Response, next: NextFunction) => {
    const file = join(options.dir, 'sw.js');
    if (!existsSync(file)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/javascript');
    res.sendFile(file, { dotfiles: 'deny' }, (err) => err && next(err));
  };
  return { assets, page, built: existsSync(index) };
}
