import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

const UPLOAD_DIR_PREFIX = 'police-ops-upload-';

/** An upload kept in a private temporary file instead of memory, with its sha256. */
export interface TempFileUpload {
  originalname: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * A multer storage engine for uploads too large to hold in memory (a records index of a million
 * rows): the file goes to a new 0700 folder under the system's temporary folder as it arrives,
 * hashed on the way. The route reads it from `file.path` and calls `removeTempUpload` when done,
 * whatever happened; multer removes it itself when the request fails.
 */
export function tempFileStorage(): StorageEngine {
  return {
    _handleFile(_req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<Express.Multer.File> & { sha256?: string }) => void) {
      let dir: string;
      try {
        dir = mkdtempSync(join(tmpdir(), UPLOAD_DIR_PREFIX));
      } catch (e) {
        cb(e);
        return;
      }
      const path = join(dir, 'upload');
      const out = createWriteStream(path, { mode: 0o600 });
      const hash = createHash('sha256');
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      file.stream.on('error', (e) => {
        out.destroy();
        rmSync(dir, { recursive: true, force: true });
        cb(e);
      });
      out.on('error', (e) => {
        rmSync(dir, { recursive: true, force: true });
        cb(e);
      });
      out.on('finish', () => cb(null, { path, size, sha256: hash.digest('hex') }));
      file.stream.pipe(out);
    },
    _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void) {
      removeTempUpload(file.path);
      cb(null);
    },
  };
}

/** Deletes an upload `tempFileStorage` kept, and its folder. */
export function removeTempUpload(path: string | undefined): void {
  if (!path) return;
  const dir = dirname(path);
  // Only a folder this engine made: never whatever a wrong path names.
  if (dirname(dir) !== tmpdir() || !basename(dir).startsWith(UPLOAD_DIR_PREFIX)) return;
  rmSync(dir, { recursive: true, force: true });
}
