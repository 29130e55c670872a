// The server and bundle the app depends on: deep links get index.html (the
// app routes with browser history), assets get their real MIME types
// (instantiateStreaming insists on application/wasm), a missing asset is a
// 404 rather than HTML, and the page loads its wasm without errors.
// This spec needs no UI, so it also proves the harness itself works.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test("an exercise's address is answered with its prerendered page, any other route with index.html", async () => {
  const index = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const exercise = await readFile(path.join(DIST, 'exercise/slots-vs-dict/index.html'), 'utf8');
  const answers = [
    ['/', index],
    ['/exercise/slots-vs-dict?n=5', exercise],
    ['/exercise/slots-vs-dict', exercise],
    ['/exercise/slots-vs-dict/', exercise],
    ['/exercise/no-such-exercise', index],
    ['/no/such/page', index],
  ];
  for (const [route, page] of answers) {
    const response = await fetch(app.baseUrl + route);
    assert.equal(response.status, 200, `GET ${route}`);
    assert.match(response.headers.get('content-type'), /^text\/html/, `GET ${route} content-type`);
    assert.equal(await response.text(), page, `GET ${route}`);
  }
  // One boot script in every page: the CSP allows it by its one hash.
  const boot = (html) => html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/)?.[1];
  assert.ok(boot(index));
  assert.equal(boot(exercise), boot(index));
});

test('bundle files are served with their MIME types, missing assets are 404', async () => {
  const files = await readdir(DIST);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  const js = files.filter((f) => f.endsWith('.js'));
  assert.ok(wasm.length >= 2, `the bundle holds the app's and the worker's .wasm (found: ${wasm.join(', ')})`);
  for (const [list, type] of [[wasm, /^application\/wasm$/], [js, /^text\/javascript/]]) {
    for (const file of list) {
      const response = await fetch(`${app.baseUrl}/${file}`);
      assert.equal(response.status, 200, `GET /${file}`);
      assert.match(response.headers.get('content-type'), type, `GET /${file} content-type`);
      await response.arrayBuffer();
    }
  }
  const missing = await fetch(`${app.baseUrl}/no-such-file.wasm`);
  assert.equal(missing.status, 404, 'a missing asset is not answered with index.html');
  await missing.arrayBuffer();
});

test('a deep link loads the app and its wasm in Chromium without page errors', async (t) => {
  const wasmResponses = [];
  const hw = await app.open(t, '/');
  hw.page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.wasm')) wasmResponses.push(response.status());
  });
  await hw.goto('/exercise/slots-vs-dict?n=5');
  await hw.page.waitForLoadState('networkidle');
  assert.ok(wasmResponses.length >= 1, 'the page fetched its .wasm');
  assert.ok(wasmResponses.every((status) => status === 200), `wasm responses: ${wasmResponses}`);
  assert.equal(new URL(hw.page.url()).pathname, '/exercise/slots-vs-dict');
  hw.assertNoPageErrors();
});
