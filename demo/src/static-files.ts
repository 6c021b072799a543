// Serves static folders the way CloudFront would serve the S3 site: compressed (brotli/gzip), cached (hashed files
// for a year, the rest revalidated), with the security headers the production distribution adds.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);
// rollup's content-hashed chunk names: never change, cache for good.
const HASHED = /-[A-Za-z0-9_-]{8}\.js$/u;

/**
 * The Content-Security-Policy the production CloudFront response-headers policy sets (infra-notes/template.yaml),
 * with the emulator's origin as the only place the page may call besides itself.
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

interface Cached {
  readonly mtimeMs: number;
  readonly raw: Buffer;
  readonly gzip?: Buffer;
  readonly brotli?: Buffer;
  readonly etag: string;
}

/** Serves files from `roots` (first match wins). Returns false when no root has the path. */
export function createStaticHandler(roots: readonly string[], headers: Record<string, string>) {
  const cache = new Map<string, Cached>();
  async function load(path: string): Promise<Cached | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const raw = await readFile(path);
    const compress = COMPRESSIBLE.has(extname(path)) && raw.length > 512;
    const entry: Cached = {
      mtimeMs: info.mtimeMs,
      raw,
      etag: `"${createHash('sha1').update(raw).digest('base64url')}"`,
      ...(compress
        ? {
            gzip: gzipSync(raw, { level: 9 }),
            brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          }
        : {}),
    };
    cache.set(path, entry);
    return entry;
  }

  return async function serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/u, '');
    const wanted = relative === '' || relative.endsWith(sep) ? join(relative, 'index.html') : relative;
    for (const root of roots) {
      const absolute = resolve(root, wanted);
      if (!absolute.startsWith(resolve(root) + sep)) continue; // no ../ escapes
      const file = await load(absolute);
      if (!file) continue;
      const ext = extname(absolute);
      const accept = String(request.headers['accept-encoding'] ?? '');
      const [body, encoding] =
        file.brotli && /\bbr\b/u.test(accept)
          ? [file.brotli, 'br']
          : file.gzip && /\bgzip\b/u.test(accept)
            ? [file.gzip, 'gzip']
            : [file.raw, undefined];
      response.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      response.setHeader('Cache-Control', HASHED.test(absolute) ? 'public, max-age=31536000, immutable' : 'no-cache');
      response.setHeader('ETag', file.etag);
      response.setHeader('Vary', 'Accept-Encoding');
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (encoding) response.setHeader('Content-Encoding', encoding);
      if (request.headers['if-none-match'] === file.etag) {
        response.statusCode = 304;
        response.end();
        return true;
      }
      response.setHeader('Content-Length', body.length);
      response.statusCode = 200;
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    }
    return false;
  };
}
