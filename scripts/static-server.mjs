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
//
// What the app needs from the server:
//  - SPA fallback: the app routes with browser history, so a deep link such
//    as /exercise/slots-vs-dict?n=5 must get index.html (200). Only paths
//    whose last segment has no file extension fall back; a missing
//    /foo-123.wasm is a 404, never HTML, so a broken bundle fails loudly.
//  - Correct MIME types: `application/wasm` is required by
//    WebAssembly.instantiateStreaming, and module scripts must be JavaScript.
//  - index.html is never cached (asset names carry Trunk's content hash, the
//    HTML does not), so a rebuild is seen on reload.
//
// Usage:
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1]
//                                  [--port 8080] [--port-file FILE]
// `--port 0` picks a free port; `--port-file` receives the chosen URL once
// the server listens (scripts/test.sh waits for it).

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
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
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

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

async function fileAt(candidate) {
  try {
    const stat = await fs.stat(candidate);
    if (stat.isFile()) return { file: candidate, stat };
    if (stat.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      const indexStat = await fs.stat(index);
      if (indexStat.isFile()) return { file: index, stat: indexStat };
    }
  } catch {
    // not there: the caller decides between fallback and 404
  }
  return null;
}

/**
 * Starts the server. Resolves to { server, url } once it listens.
 * Exported so the end-to-end fixture can start one in-process when no
 * HEAPWISE_URL is given.
 */
export async function startServer({ root = 'dist', host = '127.0.0.1', port = 0, quiet = false } = {}) {
  const rootDir = path.resolve(root);
  const indexHtml = path.join(rootDir, 'index.html');
  try {
    await fs.access(indexHtml);
  } catch {
    throw new Error(`${indexHtml} not found: build the bundle first (trunk build --release --offline=true)`);
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const log = (status) => {
      if (!quiet) console.log(`${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      log(405);
      return;
    }
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const candidate = resolveInside(rootDir, urlPath);
    if (candidate === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('bad path\n');
      log(400);
      return;
    }
    let found = await fileAt(candidate);
    let fallback = false;
    if (found === null) {
      const lastSegment = urlPath.split('/').pop();
      if (path.extname(lastSegment) === '') {
        // A client-side route: hand the app its page, it renders the route.
        found = await fileAt(indexHtml);
        fallback = true;
      }
    }
    if (found === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`not found: ${urlPath}\n`);
      log(404);
      return;
    }
    const ext = path.extname(found.file).toLowerCase();
    const headers = {
      'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': found.stat.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=0, must-revalidate',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
    } else {
      createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res);
    }
    log(fallback ? '200 (index.html fallback)' : 200);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}` };
}

function parseArgs(argv) {
  const options = { root: 'dist', host: '127.0.0.1', port: 8080, portFile: null, quiet: false };
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
    else if (arg === '--quiet') options.quiet = true;
    else if (!arg.startsWith('-')) options.root = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be an integer between 0 and 65535');
  }
  return options;
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
