#!/usr/bin/env node
// Heapwise's static file server: serves the Trunk bundle (dist/) the way the
// single-page app needs it. Node built-ins only, so it needs no install step.
//
// Why our own server rather than `trunk serve`:
//  - `trunk serve` is a development server: it watches the source tree and
//    rebuilds on every change (other people edit this tree while tests run),
//    and injects an auto-reload websocket script into index.html, so the page
//    under test would not be the page that ships.
//  - One server for both `scripts/serve.sh` and the end-to-end tests means
//    the tests exercise exactly what a reader gets, on a port they choose
//    (port 0 = any free port, so parallel test runs never collide).
//  - The build stays a separate, loudly failing step (`trunk build`).
// For a class, deploy/nginx.conf.template (run by scripts/nginx.mjs) serves
// the bundle the same way with Debian's nginx, from this file's types,
// caching values and CSP; tests/server/nginx.test.mjs checks they agree.
//
// What the app needs from the server:
//  - SPA fallback: the app routes with browser history, so a deep link such
//    as /exercise/slots-vs-dict?n=5 must get index.html (200). Only paths
//    whose last segment has no file extension fall back. Unknown routes
//    (/no/such/page, /exercise/no-such-slug) therefore also answer 200 with
//    the app, and the app shows its own not-found page; a missing
//    /foo-123.wasm is a 404, never HTML, so a broken bundle fails loudly.
//  - Correct MIME types: `application/wasm` is required by
//    WebAssembly.instantiateStreaming, and module scripts must be JavaScript.
//
// What it adds for a fast, safe first load:
//  - Precompressed variants: scripts/compress-dist.mjs (a Trunk post_build
//    hook) writes `<file>.br` and `<file>.gz`; the server sends brotli, else
//    gzip, else the file itself, by the request's Accept-Encoding, with
//    `Content-Encoding` and `Vary: Accept-Encoding`. Nothing is compressed
//    per request. A variant is used only if its mtime equals its source's
//    (compress-dist sets it so), so a stale variant is never sent.
//  - Validators: `ETag` (size + mtime of the file, plus the encoding) and
//    `Last-Modified`; `If-None-Match` / `If-Modified-Since` get 304.
//  - Caching: Trunk's content-hashed assets (`app-<hash>_bg.wasm`,
//    `style-<hash>.css`, ...) are `public, max-age=31536000, immutable`;
//    index.html and every unhashed file (sw.js, worker*.js, python/...) are
//    `no-cache`, so the browser revalidates them (a cheap 304) and sees a
//    rebuild on the next load.
//  - `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, and a
//    Content-Security-Policy (see contentSecurityPolicy below) that allows
//    only this origin, WebAssembly compilation ('wasm-unsafe-eval'), and the
//    inline module script Trunk writes into index.html to boot the app, by
//    its sha256 hash (computed from the served index.html, recomputed when
//    the file changes), never 'unsafe-inline'.
//  - `--base /sub/path/`: serve the bundle under a sub-path. Build it for
//    that path too (`trunk build --public-url /sub/path/ ...`): Trunk writes
//    the path into <base href> and every asset URL, and the router reads
//    <base>. The server warns at start when the two disagree.
//
// Usage:
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1]
//                                  [--port 8080] [--port-file FILE]
//                                  [--base /] [--encodings br,gzip] [--quiet]
// `--port 0` picks a free port; `--port-file` receives the chosen URL once
// the server listens (scripts/test.sh waits for it). `--encodings` limits
// which precompressed variants may be sent (`none`: always identity), for
// benchmarks that compare them.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.tar': 'application/x-tar',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Precompressed variants, in the order the server prefers them. */
export const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/** Trunk names hashed assets `<stem>-<seahash as hex>[_bg].<ext>`. */
export const HASHED_ASSET = /-[0-9a-f]{12,16}(?:_bg)?\.[A-Za-z0-9]+$/;
export const isHashedAsset = (name) => HASHED_ASSET.test(name);

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Files up to this size are answered from memory (read once per content),
 * up to CACHE_BUDGET bytes in all; larger ones are streamed. Measured with
 * benches/serve-load.mjs on the Python runtime (2026-11-23): with the
 * multi-megabyte files from memory too, requests/s did not rise and the
 * slowest 1 % took 7.4 s instead of 2 to 3 s (one buffer written whole
 * starves the other connections); streamed, both stay as they were.
 */
export const MAX_CACHED_BODY = 256 * 1024;
export const CACHE_BUDGET = 64 * 1024 * 1024;
export const CACHE_REVALIDATE = 'no-cache';

/** Sent on every response, with the Content-Security-Policy. */
export const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline <script> and <style> elements of an HTML page: their hashes. */
export function inlineHashes(html) {
  const scripts = [];
  const styles = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]) && m[2].length > 0) scripts.push(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(sha256(m[1]));
  return { scripts, styles };
}

/**
 * The Content-Security-Policy for a bundle whose index.html is `html`.
 *  - script-src: our own files, Trunk's inline boot script by hash, and
 *    'wasm-unsafe-eval' (WebAssembly.instantiateStreaming, in the page,
 *    the measuring worker and Pyodide). No 'unsafe-eval', no 'unsafe-inline'.
 *  - connect-src 'self': the wasm and data the app and its workers fetch
 *    (and <link rel=preload as=fetch>); worker-src 'self': the measuring
 *    worker (worker_loader.js) and the service worker (sw.js); data: the
 *    Python workers, started from a data: URL of python/python-worker.js
 *    so that they run in an opaque origin, without this site's storage or
 *    files (www/python/runtime.js). A data: URL can only be made by a
 *    script already running in the page, so this opens nothing to markup.
 *  - style-src 'self': style.css. No inline style attributes (the app
 *    colours by class; CSSOM property writes such as el.style.x = … are
 *    not affected by CSP).
 *  - img-src data: is the favicon, an inline SVG data: URL.
 *  - Everything else is refused: default-src 'none', object-src 'none',
 *    no <base> elsewhere, no form targets, no framing by other sites.
 * The same header is sent on every response: a worker's policy is the one
 * delivered with its script.
 */
export function contentSecurityPolicy(html) {
  const { scripts, styles } = inlineHashes(html);
  return [
    "default-src 'none'",
    ['script-src', "'self'", ...scripts, "'wasm-unsafe-eval'"].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' data:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Resolves the URL path to a file under root, or null if it escapes root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/**
 * A file's stat, or null. Synchronous on purpose: on a local disk a stat
 * takes microseconds (nginx makes the same blocking call), where the
 * promise API costs a trip through libuv's thread pool, and a missing file
 * (every client-side route is one) returns null instead of throwing.
 */
function statOf(file) {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** What identifies a file's present content for the caches below. */
const statKey = (stat) => `${stat.size}:${stat.mtimeMs}:${stat.ino}`;

function fileAt(candidate) {
  const stat = statOf(candidate);
  if (stat?.isFile()) return { file: candidate, stat };
  if (stat?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    const indexStat = statOf(index);
    if (indexStat?.isFile()) return { file: index, stat: indexStat };
  }
  return null;
}

/**
 * The encodings the request accepts (q > 0), as a Set of lower-case tokens.
 * `*` stands for any encoding not named explicitly.
 */
export function acceptedEncodings(header) {
  const named = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k === 'q') q = Number(v);
    }
    named.set(token, Number.isFinite(q) ? q : 0);
  }
  const accepts = (encoding) =>
    named.has(encoding) ? named.get(encoding) > 0 : named.has('*') && named.get('*') > 0;
  return new Set(ENCODINGS.map((e) => e.encoding).filter(accepts));
}

/**
 * Whether the variants beside `found` were made from its present content.
 * compress-dist records each source's SHA-256 in compressed-sources.json:
 * when the file is listed, its content decides (hashed once per size and
 * mtime), so a bundle copied without file times keeps its compressed
 * responses; when it is not, the variant must carry the file's mtime.
 */
async function variantsCurrent(found, variantStat, sources) {
  const wanted = sources.hashes.get(found.file);
  if (wanted === undefined) return Math.abs(variantStat.mtimeMs - found.stat.mtimeMs) < 1;
  const key = `${found.file}:${found.stat.size}:${found.stat.mtimeMs}`;
  let digest = sources.seen.get(key);
  if (digest === undefined) {
    digest = createHash('sha256').update(await fs.readFile(found.file)).digest('hex');
    if (sources.seen.size > 10_000) sources.seen.clear();
    sources.seen.set(key, digest);
  }
  return digest === wanted;
}

/**
 * The variants of `found` that may be sent, by encoding: { file, stat,
 * encoding } for each one that exists and was made from its present content.
 */
async function variantsOf(found, allowed, sources) {
  const variants = new Map();
  for (const { encoding, suffix } of ENCODINGS) {
    if (!allowed.has(encoding)) continue;
    const stat = statOf(found.file + suffix);
    if (stat?.isFile() && (await variantsCurrent(found, stat, sources))) {
      variants.set(encoding, { file: found.file + suffix, stat, encoding });
    }
  }
  return variants;
}

/**
 * One byte range of a body of `size` bytes from a Range header, as
 * { start, end } (inclusive); null when the header is absent, not about
 * bytes or asks for several ranges (the whole body is sent); 'unsatisfiable'
 * when no byte of it is in the body.
 */
export function byteRange(header, size) {
  if (typeof header !== 'string') return null;
  const found = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!found || (found[1] === '' && found[2] === '')) return null;
  if (found[1] === '') {
    const suffix = Number(found[2]);
    if (!Number.isSafeInteger(suffix) || suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(found[1]);
  const end = found[2] === '' ? size - 1 : Math.min(Number(found[2]), size - 1);
  if (!Number.isSafeInteger(start) || !Number.isFinite(end) || start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

function etagOf(stat, encoding) {
  const tag = `${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}`;
  return `"${tag}${encoding ? `-${encoding}` : ''}"`;
}

/** RFC 9110 weak comparison of an If-None-Match list with our ETag. */
function noneMatch(header, etag) {
  if (header === undefined) return null;
  const strip = (t) => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => strip(t) === etag);
}

/** Normalises --base to "/" or "/a/b/". */
export function normaliseBase(base) {
  const trimmed = String(base ?? '/').trim();
  const parts = trimmed.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Starts the server. Resolves to { server, url } once it listens (url
 * includes the base path, without its trailing slash).
 * Exported so the end-to-end fixture can start one in-process when no
 * HEAPWISE_URL is given.
 * `onResponse({ method, path, status, encoding, bytes })` is called when
 * each response has been sent (bytes = body bytes), for benchmarks that count.
 */
/**
 * The request target as a URL, or null if it is not one we serve. Origin
 * form ("/path?query") is read as a path on this server, even when it starts
 * with "//" (which `new URL(target, base)` would read as another host, and
 * throw on for "//[" or "//a:99999"); absolute form ("http://host/path") is
 * accepted when it parses; anything else (authority or asterisk form) is not.
 */
export function requestUrl(target) {
  if (typeof target !== 'string') return null;
  try {
    if (target.startsWith('/')) return new URL(`http://localhost${target}`);
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    return null;
  }
  return null;
}

export async function startServer({
  root = 'dist',
  host = '127.0.0.1',
  port = 0,
  quiet = false,
  base = '/',
  encodings = ENCODINGS.map((e) => e.encoding),
  onResponse = null,
} = {}) {
  const rootDir = path.resolve(root);
  const indexHtml = path.join(rootDir, 'index.html');
  const basePath = normaliseBase(base);
  const allowed = new Set(encodings);
  let indexText;
  try {
    indexText = await fs.readFile(indexHtml, 'utf8');
  } catch {
    throw new Error(`${indexHtml} not found: build the bundle first (trunk build --release --offline=true)`);
  }
  const builtFor = indexText.match(/<base\b[^>]*\bhref\s*=\s*"([^"]*)"/i)?.[1];
  if (builtFor !== undefined && normaliseBase(builtFor) !== basePath && !quiet) {
    console.warn(
      `static-server: warning: ${indexHtml} was built for ${builtFor} but is served under ${basePath}; ` +
        `build it with trunk build --public-url ${basePath}`,
    );
  }

  // The CSP depends on index.html's inline script: recomputed only when the
  // file changes (a stat per request tells), with the headers every answer
  // carries.
  let policy = { key: null, common: null };
  const commonHeaders = () => {
    const stat = statOf(indexHtml);
    const key = stat ? statKey(stat) : 'none';
    if (policy.key !== key) {
      let html = '';
      try {
        html = stat ? readFileSync(indexHtml, 'utf8') : '';
      } catch {
        // gone between the stat and the read: the policy of no inline script
      }
      policy = { key, common: Object.freeze({ ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(html) }) };
    }
    return policy.common;
  };
  commonHeaders();

  // What compress-dist says each variant was made from (reread when the
  // file changes, as a rebuild does).
  let sources = { key: null, hashes: new Map(), seen: new Map() };
  const sourcesFile = path.join(rootDir, 'compressed-sources.json');
  const sourcesNow = async () => {
    const stat = await fs.stat(sourcesFile).catch(() => null);
    const key = stat ? `${stat.size}:${stat.mtimeMs}` : 'none';
    if (sources.key !== key) {
      const listed = stat ? await fs.readFile(sourcesFile, 'utf8').then(JSON.parse).catch(() => ({})) : {};
      const hashes = new Map(
        Object.entries(listed)
          .filter(([, digest]) => typeof digest === 'string')
          .map(([name, digest]) => [path.join(rootDir, ...name.split('/')), digest]),
      );
      sources = { key, hashes, seen: new Map() };
    }
    return sources;
  };

  // What is known of each file served, while its size, mtime and inode stay
  // the same (a stat per request checks): its compressed variants, the
  // headers of each way it is sent, and the bodies of files up to
  // MAX_CACHED_BODY, kept in memory up to CACHE_BUDGET bytes in all (the
  // first entries kept go first). A request then costs two stats (the file,
  // index.html for the CSP) and no other file-system call.
  const entries = new Map();
  let cachedBytes = 0;
  const forget = (file) => {
    const entry = entries.get(file);
    if (!entry) return;
    for (const variant of entry.variants.values()) cachedBytes -= variant.body?.length ?? 0;
    entries.delete(file);
  };
  const entryFor = async (found) => {
    const key = statKey(found.stat);
    const known = entries.get(found.file);
    if (known?.key === key) return known;
    forget(found.file);
    const variants = await variantsOf(found, allowed, await sourcesNow());
    variants.set(null, { file: found.file, stat: found.stat, encoding: null });
    const entry = {
      key,
      variants,
      fixed: {
        'Content-Type': MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': isHashedAsset(path.basename(found.file)) ? CACHE_IMMUTABLE : CACHE_REVALIDATE,
        // Whole seconds, rounded down as the file system's (and nginx's) are:
        // stat.mtime is rounded to the nearest millisecond, so a file written
        // at 13.9996 s would otherwise say 14 s, a time after it was written.
        'Last-Modified': new Date(Math.floor(found.stat.mtimeMs / 1000) * 1000).toUTCString(),
        Vary: 'Accept-Encoding',
        'Accept-Ranges': 'bytes',
      },
      lastModifiedMs: Math.floor(found.stat.mtimeMs / 1000) * 1000,
    };
    if (entries.size >= 20_000) for (const file of [...entries.keys()].slice(0, 10_000)) forget(file);
    entries.set(found.file, entry);
    return entry;
  };
  /** The response headers for `variant` of `entry` (200 and 304), made once per CSP. */
  const headersOf = (entry, variant, common) => {
    if (variant.headers?.common !== common) {
      const etag = etagOf(entry.variants.get(null).stat, variant.encoding);
      const ok = { ...common, ...entry.fixed, ETag: etag, 'Content-Length': variant.stat.size };
      if (variant.encoding) ok['Content-Encoding'] = variant.encoding;
      const notModified = { ...common, ...entry.fixed, ETag: etag };
      delete notModified['Content-Type'];
      variant.headers = { common, etag, ok: Object.freeze(ok), notModified: Object.freeze(notModified) };
    }
    return variant.headers;
  };
  /** The body of a small file, read once; null for a large one (streamed) or one that changed under us. */
  const bodyOf = (variant, file) => {
    if (variant.body !== undefined) return variant.body;
    if (variant.stat.size > MAX_CACHED_BODY) return null;
    let body;
    try {
      body = readFileSync(variant.file);
    } catch {
      return null;
    }
    if (body.length !== variant.stat.size) {
      forget(file);
      return null;
    }
    for (const other of entries.keys()) {
      if (cachedBytes + body.length <= CACHE_BUDGET) break;
      if (other !== file) forget(other);
    }
    if (cachedBytes + body.length > CACHE_BUDGET) return body;
    variant.body = body;
    cachedBytes += body.length;
    return body;
  };
  // Accept-Encoding headers are few: each is parsed once.
  const acceptedBy = new Map();
  const accepted = (header = '') => {
    let set = acceptedBy.get(header);
    if (set === undefined) {
      set = acceptedEncodings(header);
      if (acceptedBy.size > 1000) acceptedBy.clear();
      acceptedBy.set(header, set);
    }
    return set;
  };

  // Whatever a request holds, it gets an answer and the server keeps
  // serving: an error in handling one request is that request's 400 or 500,
  // never the process's end (a lecture hall shares one server).
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!quiet) console.error(`static-server: ${req.method} ${JSON.stringify(req.url)}: ${error?.message ?? error}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      try {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('internal error\n');
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (error, socket) => {
    // Node's parser refused the request (bad request line, header too large,
    // ...): answer 400 (431 for oversized headers) if the socket can still be
    // written, then close it.
    if (socket.writable && !socket.writableEnded) {
      const status = error?.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    } else {
      socket.destroy();
    }
  });

  async function handle(req, res) {
    const started = Date.now();
    let urlPath = '/';
    const finish = (status, encoding = null, bytes = 0, note = '') => {
      if (!quiet) console.log(`${req.method} ${req.url} ${status}${note} ${Date.now() - started}ms`);
      onResponse?.({ method: req.method, path: urlPath, status, encoding, bytes });
    };
    const common = commonHeaders();
    const plain = (status, text, extra = {}) => {
      res.writeHead(status, {
        ...common,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : text);
      finish(status, null, req.method === 'HEAD' ? 0 : Buffer.byteLength(text));
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = requestUrl(req.url);
    if (url === null) {
      plain(400, 'bad request target\n');
      return;
    }
    urlPath = url.pathname;
    if (basePath !== '/') {
      if (urlPath === basePath.slice(0, -1)) {
        plain(301, `moved to ${basePath}\n`, { Location: basePath + url.search });
        return;
      }
      if (!urlPath.startsWith(basePath)) {
        plain(404, `not found: ${urlPath} (the app is under ${basePath})\n`);
        return;
      }
    }
    const inside = '/' + urlPath.slice(basePath.length);
    const candidate = resolveInside(rootDir, inside);
    if (candidate === null) {
      plain(400, 'bad path\n');
      return;
    }
    let found = fileAt(candidate);
    let fallback = false;
    if (found === null) {
      const lastSegment = inside.split('/').pop();
      if (path.extname(lastSegment) === '') {
        // A client-side route: hand the app its page, it renders the route
        // (its own not-found page for a route it does not know).
        found = fileAt(indexHtml);
        fallback = true;
      }
    }
    if (found === null) {
      plain(404, `not found: ${urlPath}\n`);
      return;
    }

    const entry = await entryFor(found);
    // A range is of the file's own bytes: a request with one gets no
    // compressed variant (and If-Range must name this file's validator).
    const ranged = req.headers.range !== undefined &&
      (req.headers['if-range'] === undefined || req.headers['if-range'] === etagOf(found.stat, null));
    let variant = entry.variants.get(null);
    if (!ranged) {
      const wanted = accepted(req.headers['accept-encoding']);
      for (const { encoding } of ENCODINGS) {
        if (wanted.has(encoding) && entry.variants.has(encoding)) {
          variant = entry.variants.get(encoding);
          break;
        }
      }
    }
    const { etag, ok, notModified: unchanged } = headersOf(entry, variant, common);
    const note = fallback ? ' (index.html fallback)' : '';

    const inm = noneMatch(req.headers['if-none-match'], etag);
    const ims = Date.parse(req.headers['if-modified-since'] ?? '');
    const notModified = inm !== null ? inm : Number.isFinite(ims) && entry.lastModifiedMs <= ims;
    if (notModified) {
      res.writeHead(304, unchanged);
      res.end();
      finish(304, variant.encoding, 0, note);
      return;
    }

    const range = ranged ? byteRange(req.headers.range, found.stat.size) : null;
    if (range === 'unsatisfiable') {
      plain(416, 'range not satisfiable\n', { 'Content-Range': `bytes */${found.stat.size}` });
      return;
    }
    if (range) {
      const length = range.end - range.start + 1;
      res.writeHead(206, { ...ok, 'Content-Range': `bytes ${range.start}-${range.end}/${found.stat.size}`, 'Content-Length': length });
      if (req.method === 'HEAD') {
        res.end();
        finish(206, null, 0, note);
        return;
      }
      res.on('finish', () => finish(206, null, length, note));
      createReadStream(found.file, { start: range.start, end: range.end })
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }

    res.writeHead(200, ok);
    if (req.method === 'HEAD') {
      res.end();
      finish(200, variant.encoding, 0, note);
      return;
    }
    res.on('finish', () => finish(200, variant.encoding, variant.stat.size, note));
    const body = bodyOf(variant, found.file);
    if (body !== null) {
      res.end(body);
      return;
    }
    createReadStream(variant.file)
      .on('error', () => {
        forget(found.file);
        res.destroy();
      })
      .pipe(res);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}${basePath.slice(0, -1)}` };
}

/**
 * The command line of a server script (this one, scripts/nginx.mjs):
 * `--root DIR` (or a bare DIR), `--host`, `--port N` (0: any free port),
 * `--port-file F`, and whatever `extra(arg, value, options)` takes (it
 * returns true for an option it handled; `value()` reads the option's value).
 */
export function parseServerArgs(argv, defaults, extra = () => false) {
  const options = { root: 'dist', host: '127.0.0.1', portFile: null, ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--root') options.root = value();
    else if (arg === '--host') options.host = value();
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--port-file') options.portFile = value();
    else if (extra(arg, value, options)) continue;
    else if (!arg.startsWith('-')) options.root = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be an integer between 0 and 65535');
  }
  return options;
}

function parseArgs(argv) {
  return parseServerArgs(argv, { port: 8080, quiet: false, base: '/' }, (arg, value, options) => {
    if (arg === '--base') options.base = value();
    else if (arg === '--encodings') {
      const list = value();
      options.encodings = list === 'none' ? [] : list.split(',').map((e) => e.trim());
      const known = ENCODINGS.map((e) => e.encoding);
      const unknown = options.encodings.filter((e) => !known.includes(e));
      if (unknown.length) throw new Error(`--encodings: unknown ${unknown.join(', ')} (known: ${known.join(', ')}, or none)`);
    } else if (arg === '--quiet') options.quiet = true;
    else return false;
    return true;
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`static-server: ${error.message}`);
    process.exit(2);
  }
  let started;
  try {
    started = await startServer(options);
  } catch (error) {
    const why = error.code === 'EADDRINUSE'
      ? `port ${options.port} on ${options.host} is already in use (another server running? stop it, or set PORT)`
      : error.message;
    console.error(`static-server: cannot start: ${why}`);
    process.exit(1);
  }
  const { server, url } = started;
  console.log(`Serving ${path.resolve(options.root)} at ${url}/`);
  if (!options.quiet) console.log(`Heapwise is at ${url}/`);
  if (options.portFile) {
    // Written after listen(), renamed into place so a reader never sees half.
    await fs.writeFile(`${options.portFile}.tmp`, `${url}\n`);
    await fs.rename(`${options.portFile}.tmp`, options.portFile);
  }
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive sockets would hold close() open
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
