// The static server's answers that depend on files: compressed variants
// chosen by content (a bundle copied without its file times keeps them),
// and byte ranges of the big files. The server runs in a process of its own
// on a small bundle made here, compressed by scripts/compress-dist.mjs.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressDir } from '../../scripts/compress-dist.mjs';

const SERVER = fileURLToPath(new URL('../../scripts/static-server.mjs', import.meta.url));
let root;
let child;
let base;
const body = Buffer.from(Array.from({ length: 200_000 }, (_, i) => 'heapwise '.charCodeAt(i % 9)));

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'heapwise-static-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>\n');
  fs.writeFileSync(path.join(root, 'runtime.wasm'), body);
  await compressDir(root);
  const portFile = path.join(root, 'port');
  child = spawn(process.execPath, [SERVER, '--root', root, '--port', '0', '--port-file', portFile, '--quiet'], {
    stdio: 'ignore',
  });
  for (let waited = 0; !fs.existsSync(portFile) || !fs.readFileSync(portFile, 'utf8').trim(); waited += 50) {
    if (waited > 20_000) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  base = fs.readFileSync(portFile, 'utf8').trim();
});

after(() => {
  child?.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (name, headers = {}) => fetch(`${base}/${name}`, { headers });

test('a variant copied without its file time is still sent, by content', async () => {
  const variant = path.join(root, 'runtime.wasm.br');
  assert.ok(fs.existsSync(variant), 'compress-dist made a brotli variant');
  assert.ok(fs.existsSync(path.join(root, 'compressed-sources.json')));
  // As `cp -r` leaves it: the variant's time no longer matches its source.
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(variant, later, later);
  const response = await get('runtime.wasm', { 'Accept-Encoding': 'br' });
  assert.equal(response.headers.get('content-encoding'), 'br');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), body, 'fetch decodes it to the file');
});

test('a file changed after it was compressed is sent as it is now', async () => {
  const changed = Buffer.concat([body, Buffer.from('more')]);
  fs.writeFileSync(path.join(root, 'runtime.wasm'), changed);
  const response = await get('runtime.wasm', { 'Accept-Encoding': 'br' });
  assert.equal(response.headers.get('content-encoding'), null, 'no stale variant');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), changed);
  fs.writeFileSync(path.join(root, 'runtime.wasm'), body);
});

test('byte ranges of a file: 206 with its bytes, 416 past its end, the whole file when If-Range is stale', async () => {
  const part = await get('runtime.wasm', { Range: 'bytes=10-19', 'Accept-Encoding': 'br' });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 10-19/${body.length}`);
  assert.equal(part.headers.get('content-encoding'), null);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), body.subarray(10, 20));
  const tail = await get('runtime.wasm', { Range: 'bytes=-7' });
  assert.deepEqual(Buffer.from(await tail.arrayBuffer()), body.subarray(body.length - 7));
  const past = await get('runtime.wasm', { Range: `bytes=${body.length}-` });
  assert.equal(past.status, 416);
  assert.equal(past.headers.get('content-range'), `bytes */${body.length}`);
  await past.arrayBuffer();
  const stale = await get('runtime.wasm', { Range: 'bytes=0-9', 'If-Range': '"not-this-one"' });
  assert.equal(stale.status, 200);
  assert.equal((await stale.arrayBuffer()).byteLength, body.length);
  const whole = await get('runtime.wasm');
  assert.equal(whole.headers.get('accept-ranges'), 'bytes');
  await whole.arrayBuffer();
});

test('Last-Modified is the file time rounded down to the second, as the file system and nginx give it', async () => {
  const file = path.join(root, 'late.txt');
  fs.writeFileSync(file, 'x');
  // 0.4 ms before a whole second: Node's stat.mtime rounds it up to the next.
  const seconds = 1_763_882_233.9996;
  fs.utimesSync(file, seconds, seconds);
  const response = await get('late.txt');
  assert.equal(response.headers.get('last-modified'), new Date(1_763_882_233_000).toUTCString());
  // And it still answers 304 to its own validator.
  const again = await get('late.txt', { 'If-Modified-Since': response.headers.get('last-modified') });
  assert.equal(again.status, 304);
});
