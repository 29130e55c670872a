// The nginx deployment (deploy/nginx.conf.template, run by scripts/nginx.mjs)
// against scripts/static-server.mjs: both serve the same bundle on loopback,
// each request goes to both, and the answers must agree on what the app and
// the browser depend on: status, Content-Type, Cache-Control, the CSP and the
// other security headers, Vary, Content-Encoding (brotli, gzip or none by
// Accept-Encoding), Content-Range, Allow, and the decoded body. Validators
// differ in form (each server has its own ETag), so each server's own are
// sent back to it and both must answer 304.
//
// Two bundles: a small one made here (always: it needs no build, so this
// runs in the server layer of scripts/test.sh), and the release bundle under
// test ($HEAPWISE_DIST, default target/heapwise-test-dist) when it is built.
//
// Needs Debian's nginx and its brotli_static module (scripts/setup.sh --test
// installs them). Without them it is skipped, saying why, except under CI
// (CI=true), where that is a failure: there setup has installed them.
//
//   node --test tests/server/nginx.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { compressDir } from '../../scripts/compress-dist.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { nginxMissing, startNginx } from '../../scripts/nginx.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RELEASE = path.resolve(process.env.HEAPWISE_DIST ?? path.join(ROOT, 'target', 'heapwise-test-dist'));

const missing = nginxMissing();
if (missing && process.env.CI) {
  test('nginx is installed (CI)', () => {
    assert.fail(`${missing}: scripts/setup.sh --test should have installed it`);
  });
}
const skip = missing ?? false;

/**
 * One request with exactly this target (sent as written: a URL would
 * resolve its dot segments) and these headers; the body as sent, not decoded.
 */
function ask(base, { path: target, method = 'GET', headers = {} }) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body as the browser reads it, by Content-Encoding. */
function decoded(res) {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body);
  if (encoding === 'gzip') return zlib.gunzipSync(res.body);
  return res.body;
}

const digest = (buffer) => createHash('sha256').update(buffer).digest('hex').slice(0, 16);

/**
 * What must agree between the servers for one response. The body is
 * compared decoded (by hash), and only for 200 and 206: 404/405/416 bodies
 * are a sentence each, worded differently. Accept-Ranges is compared on
 * identity 200s only: nginx does not send it with a precompressed file or a
 * 206 (where Node does), which changes nothing for a client.
 */
function essentials(res, method) {
  const h = res.headers;
  const seen = {
    status: res.status,
    'content-type': h['content-type'],
    'cache-control': h['cache-control'],
    'content-security-policy': h['content-security-policy'],
    'x-content-type-options': h['x-content-type-options'],
    'referrer-policy': h['referrer-policy'],
    vary: h.vary,
    'content-encoding': h['content-encoding'],
    'content-range': h['content-range'],
    allow: h.allow,
  };
  if (res.status === 200 || res.status === 206) {
    seen['content-length'] = h['content-length'];
    seen.etag = h.etag ? 'present' : 'absent';
    seen['last-modified'] = h['last-modified'];
    if (method !== 'HEAD') seen.body = digest(decoded(res));
    if (res.status === 200 && !h['content-encoding']) seen['accept-ranges'] = h['accept-ranges'];
  }
  return seen;
}

/** The requests both servers answer for a bundle: every kind of file and answer the app meets. */
function requestsFor(dir) {
  const files = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (!/\.(br|gz)$/.test(entry.name)) files.push(rel);
    }
  };
  walk('');
  // Every file at the top and in python/pyodide/, one of each type deeper
  // down (the data/ and exercises/ folders hold dozens alike).
  const byKind = new Map();
  for (const file of files.sort()) {
    const kind = file.includes('/') ? `${path.dirname(file).split('/')[0]}:${path.extname(file)}` : file;
    if (file.startsWith('python/pyodide/') || !byKind.has(kind)) byKind.set(kind, file);
  }
  const big = files
    .filter((f) => f.endsWith('.wasm'))
    .sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0];
  const list = [];
  for (const file of byKind.values()) {
    for (const accept of ['gzip, deflate, br, zstd', 'gzip, deflate', undefined]) {
      list.push({ path: `/${file}`, headers: accept ? { 'Accept-Encoding': accept } : {} });
    }
  }
  const routes = ['/', '/index.html', '/exercise/slots-vs-dict?n=5', '/exercise/slots-vs-dict/', '/exercise/no-such-exercise', '/no/such/page', '/python', '/python/'];
  for (const route of routes) {
    list.push({ path: route, headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    list.push({ path: route });
  }
  const accepts = ['br;q=0, gzip', 'br;q=0.1, gzip', 'gzip;q=0, br', 'identity', 'deflate', 'BR'];
  for (const accept of accepts) list.push({ path: `/${big}`, headers: { 'Accept-Encoding': accept } });
  list.push(
    { path: '/no-such-file.wasm' },
    { path: '/no-such-0123456789abcdef.wasm', headers: { 'Accept-Encoding': 'br' } },
    { path: '/python/no-such.mjs' },
    { path: `/${big}`, headers: { Range: 'bytes=0-99' } },
    { path: `/${big}`, headers: { Range: 'bytes=0-99', 'Accept-Encoding': 'gzip, deflate, br, zstd' } },
    { path: `/${big}`, headers: { Range: 'bytes=-10' } },
    { path: `/${big}`, headers: { Range: 'bytes=0-9, 20-29' } },
    { path: '/', method: 'HEAD', headers: { 'Accept-Encoding': 'br' } },
    { path: `/${big}`, method: 'HEAD' },
    { path: '/', method: 'POST' },
    { path: '/index.html', method: 'PUT' },
    { path: `/${big}`, method: 'DELETE' },
  );
  return list;
}

/** Starts both servers on `dir`; registers their stopping with after(). */
function bothServers(dir) {
  const servers = {};
  before(async () => {
    const node = await startServer({ root: dir(), port: 0, quiet: true });
    servers.node = node.url;
    servers.stopNode = () => {
      node.server.close();
      node.server.closeAllConnections();
    };
    const nginx = await startNginx({ root: dir(), port: 0 });
    servers.nginx = nginx.url;
    servers.stopNginx = nginx.stop;
  });
  after(async () => {
    servers.stopNode?.();
    await servers.stopNginx?.();
  });
  return servers;
}

/** Sends each request to both servers and collects every disagreement. */
async function compare(servers, requests) {
  const differences = [];
  for (const req of requests) {
    const [node, nginx] = await Promise.all([ask(servers.node, req), ask(servers.nginx, req)]);
    const method = req.method ?? 'GET';
    const a = essentials(node, method);
    const b = essentials(nginx, method);
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[key] !== b[key]) {
        differences.push(`${method} ${req.path} ${JSON.stringify(req.headers ?? {})}: ${key}: node ${JSON.stringify(a[key])}, nginx ${JSON.stringify(b[key])}`);
      }
    }
  }
  return differences;
}

/** Each server's own validators sent back to it: 304 from both, with the same headers. */
async function compareRevalidation(servers, paths) {
  const differences = [];
  for (const target of paths) {
    for (const accept of ['gzip, deflate, br, zstd', undefined]) {
      const base = accept ? { 'Accept-Encoding': accept } : {};
      for (const [name, url] of [['node', servers.node], ['nginx', servers.nginx]]) {
        const first = await ask(url, { path: target, headers: base });
        if (!first.headers.etag || !first.headers['last-modified']) {
          differences.push(`${name} ${target} (${accept}): no ETag or Last-Modified`);
          continue;
        }
        const etag = await ask(url, { path: target, headers: { ...base, 'If-None-Match': first.headers.etag } });
        const since = await ask(url, { path: target, headers: { ...base, 'If-Modified-Since': first.headers['last-modified'] } });
        for (const [how, res] of [['If-None-Match', etag], ['If-Modified-Since', since]]) {
          const got = `${res.status} ${res.headers['cache-control']} ${res.headers.vary} ${res.body.length}`;
          const want = `304 ${first.headers['cache-control']} Accept-Encoding 0`;
          if (got !== want) differences.push(`${name} ${target} ${how} (${accept}): ${got}, not ${want}`);
        }
      }
    }
  }
  return differences;
}

// A small bundle shaped like the release one: Trunk's hashed files, the
// unhashed workers, Pyodide's .mjs and big .wasm under python/, a data file,
// a file too small to compress, and an inline boot script for the CSP.
const BOOT = "\nimport init from '/app-0123456789abcdef.js';\nawait init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });\n";
const INDEX = `<!DOCTYPE html><html><head><base href="/"><link rel="stylesheet" href="/style-0123456789abcdef.css"><script type="module">${BOOT}</script></head><body></body></html>\n`;

function makeBundle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heapwise-nginx-bundle-'));
  const write = (name, content) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  const text = (line, times) => line.repeat(times);
  // Pseudo-random bytes with some repetition: brotli and gzip both help, by different amounts.
  const wasm = Buffer.alloc(600_000);
  for (let i = 0, x = 7; i < wasm.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    wasm[i] = i % 3 === 0 ? x >>> 24 : (i >> 6) & 0xff;
  }
  write('index.html', INDEX);
  // A page the build prerendered (src/bin/prerender.rs): /exercise/slots-vs-dict answers with it.
  write('exercise/slots-vs-dict/index.html', INDEX.replace('<body>', '<body><div id="prerendered"><h1>Slots</h1></div>'));
  write('app-0123456789abcdef.js', text('export default function init() { return 42; }\n', 80));
  write('app-0123456789abcdef_bg.wasm', wasm.subarray(0, 200_000));
  write('style-0123456789abcdef.css', text('.card { color: #1d232b; }\n', 60));
  write('worker.js', text('self.onmessage = (e) => postMessage(e.data);\n', 60));
  write('worker_bg.wasm', wasm.subarray(100_000, 250_000));
  write('worker_loader.js', "import('./worker.js');\n");
  write('sw.js', text('self.addEventListener("fetch", () => {});\n', 40));
  write('data/slots-vs-dict-0123456789abcdef.bin', wasm.subarray(0, 20_000));
  write('python/pyodide/pyodide.mjs', text('export const loadPyodide = () => 1;\n', 100));
  write('python/pyodide/pyodide.asm.wasm', wasm);
  write('python/pyodide/pyodide-lock.json', JSON.stringify({ packages: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, { i }])) }));
  write('python/exercises/slots-vs-dict/check.py', text('assert True\n', 100));
  write('python/manifest.json', '{}');
  write('notes.unknownext', 'x');
  // nginx's workers run as nobody when it is started as root: they must
  // be able to read the bundle (mkdtemp makes its directory 0700).
  fs.chmodSync(dir, 0o755);
  return dir;
}

describe('nginx and static-server.mjs answer alike: a small bundle', { skip }, () => {
  let dir;
  before(async () => {
    dir = makeBundle();
    await compressDir(dir);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const servers = bothServers(() => dir);

  test('every file, route, encoding, range and method', async () => {
    const requests = requestsFor(dir);
    assert.ok(requests.length > 60, `${requests.length} requests`);
    assert.deepEqual(await compare(servers, requests), []);
  });

  test('the big wasm: 206 with the first 100 bytes of the file, also when brotli is accepted', async () => {
    const file = fs.readFileSync(path.join(dir, 'python/pyodide/pyodide.asm.wasm'));
    for (const accept of [undefined, 'gzip, deflate, br, zstd']) {
      const headers = { Range: 'bytes=0-99', ...(accept ? { 'Accept-Encoding': accept } : {}) };
      const res = await ask(servers.nginx, { path: '/python/pyodide/pyodide.asm.wasm', headers });
      assert.equal(res.status, 206);
      assert.equal(res.headers['content-range'], `bytes 0-99/${file.length}`);
      assert.equal(res.headers['content-encoding'], undefined);
      assert.deepEqual(res.body, file.subarray(0, 100));
    }
  });

  test('brotli when accepted, else gzip, from the files compress-dist wrote', async () => {
    const res = await ask(servers.nginx, { path: '/python/pyodide/pyodide.asm.wasm', headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.body.length, fs.statSync(path.join(dir, 'python/pyodide/pyodide.asm.wasm.br')).size);
    const gz = await ask(servers.nginx, { path: '/python/pyodide/pyodide.asm.wasm', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
  });

  test('revalidation: each server\'s ETag and Last-Modified get 304', async () => {
    const paths = ['/', '/exercise/slots-vs-dict', '/app-0123456789abcdef_bg.wasm', '/worker.js', '/python/pyodide/pyodide.asm.wasm'];
    assert.deepEqual(await compareRevalidation(servers, paths), []);
  });

  test('where they differ, and why it does not matter to a browser', async () => {
    // Accept-Encoding "*" (no browser sends it): Node reads it as any
    // encoding and sends brotli, nginx sends the file as it is.
    const star = await ask(servers.nginx, { path: '/worker.js', headers: { 'Accept-Encoding': '*' } });
    assert.equal(star.headers['content-encoding'], undefined);
    // A range past the end: 416 from both with Content-Range, but nginx keeps
    // the file's Cache-Control (it has set the file's headers by then).
    const past = { path: '/worker.js', headers: { Range: 'bytes=99999999-' } };
    const [node, nginx] = await Promise.all([ask(servers.node, past), ask(servers.nginx, past)]);
    assert.equal(node.status, 416);
    assert.equal(nginx.status, 416);
    assert.equal(nginx.headers['content-range'], node.headers['content-range']);
    assert.equal(nginx.headers['content-type'], node.headers['content-type']);
    assert.equal(node.headers['cache-control'], 'no-store');
    assert.equal(nginx.headers['cache-control'], 'no-cache');
    // A path that climbs out of the root: Node serves the app at the
    // normalised path, nginx refuses the request with its own 400 page.
    const climb = await ask(servers.nginx, { path: '/%2e%2e/%2e%2e/etc/passwd' });
    assert.equal(climb.status, 400);
  });
});

const releaseBuilt = fs.existsSync(path.join(RELEASE, 'index.html'));
describe('nginx and static-server.mjs answer alike: the release bundle', {
  skip: skip || (!releaseBuilt && `no release bundle at ${RELEASE} (the bundle layer of scripts/test.sh builds it)`),
}, () => {
  const servers = bothServers(() => RELEASE);

  test('every file kind, route, encoding, range and method', async () => {
    const requests = requestsFor(RELEASE);
    assert.deepEqual(await compare(servers, requests), []);
  });

  test('revalidation: each server\'s ETag and Last-Modified get 304', async () => {
    const wasm = fs.readdirSync(RELEASE).find((f) => /^app-[0-9a-f]+_bg\.wasm$/.test(f));
    const paths = ['/', '/exercise/slots-vs-dict?n=5', `/${wasm}`, '/sw.js', '/python/pyodide/pyodide.asm.wasm'];
    assert.deepEqual(await compareRevalidation(servers, paths), []);
  });
});
