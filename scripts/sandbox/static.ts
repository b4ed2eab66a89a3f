/**
 * Serves the built app (dist/) from its own origin. The request path is percent-decoded once (a malformed escape is
 * a 400, never an exception) and the file must resolve — symbolic links followed — to the folder itself or below
 * it (the folder's path plus a separator: "/app" must not admit "/app-secret/...").
 */
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

/** The request path, percent-decoded; null when it is malformed (bad escape, NUL). */
export function decodedPath(rawUrl: string | undefined): string | null {
  try {
    const path = decodeURIComponent(new URL(rawUrl ?? '/', 'http://app').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/** True when `path` is `folder` or inside it. */
export function isInside(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function existing(path: string): { real: string; dir: boolean } | null {
  try {
    return { real: realpathSync(path), dir: statSync(path).isDirectory() };
  } catch {
    return null;
  }
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}): void {
  try {
    const rel = decodedPath(req.url);
    if (rel === null) return plain(res, 400, 'Bad request: malformed path', headers);
    const base = existing(resolve(root))?.real ?? resolve(root);
    let path = resolve(base, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
    if (!isInside(base, path)) return plain(res, 403, 'Forbidden', headers);
    let found = existing(path);
    if (found?.dir) {
      path = join(path, 'index.html');
      found = existing(path);
    }
    if (!found || found.dir) return plain(res, 404, 'Not found', headers);
    if (!isInside(base, found.real)) return plain(res, 403, 'Forbidden', headers);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? gzipped(found.real) : null;
    if (gz) {
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-cache', 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': String(gz.length) });
      return void res.end(req.method === 'HEAD' ? undefined : gz);
    }
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-cache' });
    createReadStream(found.real).on('error', () => res.destroy()).pipe(res);
  } catch {
    plain(res, 500, 'Internal error', headers);
  }
}

// Text files go out gzipped, as any production web server sends them (compressed once per file version).
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map']);
const gzCache = new Map<string, { stamp: string; body: Buffer }>();

function gzipped(path: string): Buffer | null {
  if (!COMPRESSIBLE.has(extname(path))) return null;
  const st = statSync(path);
  const stamp = `${st.mtimeMs}:${st.size}`;
  const hit = gzCache.get(path);
  if (hit?.stamp === stamp) return hit.body;
  const body = gzipSync(readFileSync(path), { level: 6 });
  gzCache.set(path, { stamp, body });
  return body;
}
