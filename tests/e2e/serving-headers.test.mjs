// What scripts/static-server.mjs adds for a fast and safe load: precompressed
// variants chosen by Accept-Encoding, validators and 304s, cache lifetimes,
// nosniff and a Content-Security-Policy, and serving under a sub-path.
//
// The first group runs against a small synthetic bundle (a temporary
// directory, compressed by scripts/compress-dist.mjs), so every case is
// exact and needs no build. The second checks the real bundle under test
// ($HEAPWISE_URL / $HEAPWISE_DIST): its wasm goes out as brotli, the policy
// carries the hash of its boot script, and Chromium loads the catalogue and
// runs an exercise without a single CSP violation.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { request } from 'node:http';
import { DIST, ROOT, useHeapwise } from './heapwise-page.mjs';

// compress-dist's cache of compressed bytes: a throwaway one for this spec.
process.env.HEAPWISE_COMPRESS_CACHE = await mkdtemp(path.join(tmpdir(), 'heapwise-compress-cache-'));
const { startServer, contentSecurityPolicy } = await import(path.join(ROOT, 'scripts/static-server.mjs'));
const { compressDir } = await import(path.join(ROOT, 'scripts/compress-dist.mjs'));

/** A GET (or other method) with exact control of the request headers; body undecoded. */
function get(url, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (res) => {
  const enc = res.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(res.body);
  if (enc === 'gzip') return zlib.gunzipSync(res.body);
  return res.body;
};

const BOOT = "\nimport init from '/app-0123456789abcdef.js';\nawait init('/app-0123456789abcdef_bg.wasm');\n";
const INDEX = `<!DOCTYPE html><html><head><base href="/"><script type="module">${BOOT}</script></head><body></body></html>`;
const WASM = Buffer.concat(Array.from({ length: 400 }, (_, i) => Buffer.from(`(func $f${i % 40} (result i32) i32.const ${i})\n`)));
const JS = 'export default function init() { return "hello from a module that compresses well"; }\n'.repeat(50);

describe('static server on a synthetic bundle', () => {
  let dir;
  let server;
  let url;
  const sub = {};

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'heapwise-serving-'));
    await writeFile(path.join(dir, 'index.html'), INDEX);
    await writeFile(path.join(dir, 'app-0123456789abcdef_bg.wasm'), WASM);
    await writeFile(path.join(dir, 'app-0123456789abcdef.js'), JS);
    await writeFile(path.join(dir, 'worker.js'), JS);
    await writeFile(path.join(dir, 'tiny.js'), '1\n');
    await writeFile(path.join(dir, 'stale.js'), JS);
    await writeFile(path.join(dir, 'gone.js.br'), 'left over');
    await compressDir(dir);
    // stale.js changes after it was compressed: its variants must not be sent.
    const later = new Date(Date.now() + 5000);
    await writeFile(path.join(dir, 'stale.js'), JS + '// changed\n');
    await utimes(path.join(dir, 'stale.js'), later, later);
    ({ server, url } = await startServer({ root: dir, port: 0, quiet: true }));
    ({ server: sub.server, url: sub.url } = await startServer({ root: dir, port: 0, quiet: true, base: '/course/heapwise' }));
  });
  after(async () => {
    server?.close();
    sub.server?.close();
    server?.closeAllConnections();
    sub.server?.closeAllConnections();
    if (dir) await rm(dir, { recursive: true, force: true });
    await rm(process.env.HEAPWISE_COMPRESS_CACHE, { recursive: true, force: true });
  });

  test('compress-dist writes variants only where they help, and removes orphans', async () => {
    const exists = (f) => stat(path.join(dir, f)).then(() => true, () => false);
    assert.ok(await exists('app-0123456789abcdef_bg.wasm.br'));
    assert.ok(await exists('app-0123456789abcdef_bg.wasm.gz'));
    assert.equal(await exists('tiny.js.br'), false, 'a 2-byte file gains nothing from compression');
    assert.equal(await exists('tiny.js.gz'), false);
    assert.equal(await exists('gone.js.br'), false, 'a variant without its source is removed');
    const source = await stat(path.join(dir, 'worker.js'));
    const variant = await stat(path.join(dir, 'worker.js.br'));
    assert.ok(Math.abs(source.mtimeMs - variant.mtimeMs) < 1, 'a variant carries its source mtime');
  });

  test('brotli, then gzip, then identity, by Accept-Encoding', async () => {
    const wasm = `${url}/app-0123456789abcdef_bg.wasm`;
    for (const [accept, expected] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0.1, gzip', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
      [undefined, undefined],
    ]) {
      const res = await get(wasm, accept === undefined ? {} : { 'Accept-Encoding': accept });
      assert.equal(res.status, 200, `Accept-Encoding: ${accept}`);
      assert.equal(res.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
      assert.equal(res.headers['content-type'], 'application/wasm');
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.deepEqual(decode(res), WASM, `Accept-Encoding: ${accept}: the body decodes to the file`);
    }
  });

  test('a variant older or newer than its file is not sent', async () => {
    const res = await get(`${url}/stale.js`, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body.toString(), JS + '// changed\n');
  });

  test('ETag and Last-Modified; If-None-Match and If-Modified-Since answer 304', async () => {
    const file = `${url}/worker.js`;
    const first = await get(file, { 'Accept-Encoding': 'br' });
    const { etag } = first.headers;
    assert.match(etag, /^"[^"]+"$/);
    assert.ok(first.headers['last-modified']);
    const gz = await get(file, { 'Accept-Encoding': 'gzip' });
    assert.notEqual(gz.headers.etag, etag, 'each encoding is its own representation');

    const again = await get(file, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assert.equal(again.headers['cache-control'], 'no-cache');
    assert.equal(again.headers.vary, 'Accept-Encoding');
    assert.equal((await get(file, { 'If-None-Match': `"x", W/${etag}`, 'Accept-Encoding': 'br' })).status, 304);
    assert.equal((await get(file, { 'If-None-Match': '"other"', 'Accept-Encoding': 'br' })).status, 200);
    assert.equal((await get(file, { 'If-Modified-Since': first.headers['last-modified'] })).status, 304);
    assert.equal((await get(file, { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status, 200);
  });

  test('hashed assets are immutable for a year; index.html, routes and unhashed files revalidate', async () => {
    for (const f of ['app-0123456789abcdef_bg.wasm', 'app-0123456789abcdef.js']) {
      assert.equal((await get(`${url}/${f}`)).headers['cache-control'], 'public, max-age=31536000, immutable', f);
    }
    for (const f of ['', 'index.html', 'exercise/slots-vs-dict', 'worker.js', 'tiny.js']) {
      assert.equal((await get(`${url}/${f}`)).headers['cache-control'], 'no-cache', `/${f}`);
    }
    assert.equal((await get(`${url}/missing-0123456789abcdef.wasm`)).headers['cache-control'], 'no-store');
  });

  test('every response has nosniff and the CSP; the CSP allows the boot script by hash only', async () => {
    const hash = `'sha256-${createHash('sha256').update(BOOT).digest('base64')}'`;
    for (const f of ['', 'exercise/x', 'app-0123456789abcdef.js', 'app-0123456789abcdef_bg.wasm', 'nope.wasm']) {
      const res = await get(`${url}/${f}`);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', `/${f}`);
      const csp = res.headers['content-security-policy'];
      assert.ok(csp, `/${f} has a Content-Security-Policy`);
      const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      assert.deepEqual(directives['default-src'], ["'none'"]);
      assert.ok(directives['script-src'].includes(hash), 'the inline boot script is allowed by its hash');
      assert.ok(directives['script-src'].includes("'wasm-unsafe-eval'"));
      assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"), csp);
      assert.deepEqual(directives['frame-ancestors'], ["'none'"]);
      assert.deepEqual(directives['object-src'], ["'none'"]);
    }
    assert.equal(contentSecurityPolicy(INDEX), (await get(`${url}/`)).headers['content-security-policy']);
  });

  test('HEAD has the headers and no body; other methods are refused', async () => {
    const head = await get(`${url}/app-0123456789abcdef_bg.wasm`, { 'Accept-Encoding': 'br' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.body.length, 0);
    const post = await get(`${url}/`, {}, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
  });

  test('--base serves the bundle under a sub-path only', async () => {
    assert.match(sub.url, /\/course\/heapwise$/);
    const origin = new URL(sub.url).origin;
    const root = await get(`${origin}/course/heapwise`);
    assert.equal(root.status, 301);
    assert.equal(root.headers.location, '/course/heapwise/');
    const index = await get(`${sub.url}/`);
    assert.equal(index.status, 200);
    assert.equal(index.body.toString(), INDEX);
    assert.equal((await get(`${sub.url}/exercise/slots-vs-dict?n=5`)).body.toString(), INDEX, 'SPA fallback');
    assert.equal((await get(`${sub.url}/app-0123456789abcdef.js`)).body.toString(), JS);
    assert.equal((await get(`${origin}/app-0123456789abcdef.js`)).status, 404, 'outside the base');
    assert.equal((await get(`${origin}/`)).status, 404);
  });
});

describe('the bundle under test', () => {
  const app = useHeapwise();

  test('its wasm goes out as brotli, and its boot script is allowed by hash', async () => {
    const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
    const wasm = [...html.matchAll(/["']\/?([\w.-]+_bg\.wasm)["']/g)].map((m) => m[1]);
    assert.ok(wasm.length >= 1, 'index.html names the app wasm');
    for (const f of wasm) {
      const res = await get(`${app.baseUrl}/${f}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], 'br', `${f} is sent as brotli (did compress-dist run?)`);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(Number(res.headers['content-length']), (await stat(path.join(DIST, `${f}.br`))).size);
    }
    const boot = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.ok(boot.length >= 1, 'index.html has an inline boot script');
    const csp = (await get(`${app.baseUrl}/`)).headers['content-security-policy'];
    for (const script of boot) {
      assert.ok(csp.includes(`'sha256-${createHash('sha256').update(script).digest('base64')}'`), csp);
    }
  });

  test('Chromium loads the catalogue and runs an exercise without any CSP violation', async (t) => {
    const hw = await app.open(t, '/');
    const violations = [];
    hw.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    hw.page.on('worker', (w) =>
      w.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`[worker] ${m.text()}`);
      }),
    );
    await hw.page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    await hw.goto('/');
    await hw.catalogueSlugs();
    // The figures table (colour swatches) appears after a run.
    await hw.goto('/exercise/slots-vs-dict?n=100');
    await hw.runExpectingDone();
    await hw.expectVisible(hw.testId('figure'), 'the figures');
    const inPage = await hw.page.evaluate(() => window.__cspViolations);
    assert.deepEqual([...inPage, ...violations], [], 'no CSP violations');
    hw.assertNoPageErrors();
  });
});
