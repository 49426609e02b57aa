import type { Response } from 'express';
import type { StoredPaper } from '../../../platform/documents';

/**
 * A stored paper as a download. Its ETag is its sha256 (so Express does not hash the body
 * again, and a client revalidating a copy it kept gets a 304 without the bytes).
 */
export function sendPdf(res: Response, paper: { sha256: string; bytes: Buffer }, name: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `inline; filename="${name.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf"`,
  );
  res.setHeader('X-Content-SHA256', paper.sha256);
  res.setHeader('ETag', `"${paper.sha256}"`);
  res.send(paper.bytes);
}

/** A slip's PDF behind its signed link. */
export function sendLinkedSlipPdf(res: Response, paper: StoredPaper): void {
  noTrace(res);
  sendPdf(res, paper, `duty-slip-${paper.sourceRef}`);
}

/** The token in the URL is the officer's key: keep it out of caches and referrers. */
export function noTrace(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex');
}
