// Nothing a program does outlives its run: the Python worker is sealed by
// the browser (an opaque origin: www/python/runtime.js says how), the
// memory snapshot cannot be replaced, and a result the page cannot read
// still ends its run. On a fresh profile each:
//  - a program (typed, or arriving in a #code= link) that tries every
//    route out — starting a worker from the site's bundle or a data: URL,
//    a synchronous request for the site's files, Cache Storage, IndexedDB,
//    a BroadcastChannel to the page — is refused in words (the broadcast
//    reaches no tab), its origin is opaque, and every Cache Storage entry
//    (key and SHA-256 of its body) is as it was;
//  - a snapshot altered by hand is refused, thrown away and made again;
//  - a SyntaxError whose line is -1 ends with a message, and the next run
//    works.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';
const CHANNEL = 'heapwise-sealed-test';

/** Tries every way out of the worker; one line per way: "NAME: refused (...)" or "NAME: allowed (...)". */
const ESCAPE = [
  'import js',
  'from pyodide.ffi import to_js',
  '',
  'def attempt(name, action):',
  '    try:',
  '        print(f"{name}: allowed ({action()})")',
  '    except Exception as error:',
  '        words = str(error).strip().splitlines()[-1][:160]',
  '        print(f"{name}: refused ({type(error).__name__}: {words})")',
  '',
  'site = "SITE/python/"',
  'module = to_js({"type": "module"}, dict_converter=js.Object.fromEntries)',
  'attempt("worker from the site", lambda: js.Worker.new(site + "python-worker.js", module))',
  'attempt("worker from data", lambda: js.Worker.new("data:text/javascript,postMessage(1)"))',
  '',
  'def synchronous_request():',
  '    request = js.XMLHttpRequest.new()',
  '    request.open("GET", site + "python-worker.js", False)',
  '    request.send()',
  '    return f"HTTP {request.status}, {len(request.responseText)} characters"',
  '',
  'attempt("synchronous request", synchronous_request)',
  'attempt("Cache Storage", lambda: js.caches.open("python-snapshot"))',
  'attempt("IndexedDB", lambda: js.indexedDB.open("heapwise"))',
  'print("origin:", js.self.origin)',
  `attempt("broadcast", lambda: js.BroadcastChannel.new("${CHANNEL}").postMessage("from the program") or "posted")`,
  'print("tried them all")',
  '',
].join('\n');

const WAYS = ['worker from the site', 'worker from data', 'synchronous request', 'Cache Storage', 'IndexedDB'];

/** Every Cache Storage entry of the page's origin: "cache url" -> SHA-256 of its body. */
const cacheDigest = (hw) =>
  hw.page.evaluate(async () => {
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const entries = {};
    for (const name of (await caches.keys()).sort()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        entries[`${name} ${request.url}`] = hex(await crypto.subtle.digest('SHA-256', body));
      }
    }
    return entries;
  });

/** Waits until the runtime's files are kept for offline use and the snapshot is stored (with its record). */
async function settled(hw) {
  await hw.page.waitForFunction(
    async () => {
      const bridge = await import('/python-bridge.js');
      if (bridge.pythonSnapshot().offlineStored !== true || !localStorage.getItem('heapwise.python-snapshot')) return false;
      const cache = await caches.open('python-snapshot');
      return (await cache.keys()).length === 1;
    },
    null,
    { timeout: 90_000, polling: 250 },
  );
}

/** Listens on CHANNEL in the page; returns a function giving what arrived. */
async function listenForBroadcasts(hw) {
  await hw.page.evaluate((name) => {
    window.__heard = [];
    window.__channel = new BroadcastChannel(name);
    window.__channel.onmessage = ({ data }) => window.__heard.push(String(data));
  }, CHANNEL);
  return () => hw.page.evaluate(() => window.__heard);
}

function assertAllRefused(text) {
  assert.match(text, /tried them all/, `the program ran to its end:\n${text}`);
  // An opaque origin: what every refusal below follows from (the origin's
  // file system and locks, asked for with promises, are refused likewise).
  assert.match(text, /^origin: null$/m, `the worker's origin is opaque:\n${text}`);
  for (const way of WAYS) {
    assert.match(text, new RegExp(`^${way}: refused \\(\\w+: .+\\)$`, 'm'), `"${way}" is refused, in words:\n${text}`);
  }
}

test('a program cannot leave its worker: every way out is refused and no cache entry changes', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  await py.setText('print("warm")\n');
  assert.equal(await py.run(), 'done');
  await settled(hw);
  const heard = await listenForBroadcasts(hw);
  const before = await cacheDigest(hw);
  assert.ok(Object.keys(before).some((key) => key.startsWith('python-snapshot ')), `the snapshot is stored: ${Object.keys(before).join(', ')}`);

  await py.setText(ESCAPE.replace('SITE', new URL(app.baseUrl).origin));
  const ended = await py.run();
  const text = await py.consoleText();
  assert.equal(ended, 'done', text);
  assertAllRefused(text);
  assert.match(text, /^worker from data: refused \(JsException: Error: Worker: a program in Heapwise runs in one sealed worker and cannot start others\.\)$/m);

  // Broadcasts from the program's origin never reach the page's.
  await hw.page.waitForTimeout(300);
  assert.deepEqual(await heard(), [], 'no broadcast from the program reached the page');
  assert.deepEqual(await cacheDigest(hw), before, 'every Cache Storage entry is as it was');

  // And the next run is judged as ever.
  await py.loadSolution();
  assert.equal(await py.run(), 'done', await py.consoleText());
  assert.equal(await py.solved.count(), 1, 'the solution is solved after the attempt');
  hw.assertNoPageErrors();
  py.assertNoCspViolations();
});

test('a program in a shared #code= link runs sealed like any other', async (t) => {
  // A page on this origin first, to know the site's address for the program.
  const packed = deflateRawSync(Buffer.from(ESCAPE.replace('SITE', new URL(app.baseUrl).origin))).toString('base64url');
  const hw = await app.open(t, `/exercise/${SLUG}#code=${packed}`);
  const py = new PythonPanel(hw);
  await hw.expectVisible(py.editable, 'the editor a code link opens', 90_000);
  assert.match(await py.text(), /tried them all/, 'the link brought its code');
  const ended = await py.run();
  const text = await py.consoleText();
  assert.equal(ended, 'done', text);
  assertAllRefused(text);
  hw.assertNoPageErrors();
});

test('a stored snapshot altered by hand is refused, thrown away and made again', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  await settled(hw);
  // Flip one byte of the stored snapshot, as a program with access would have.
  const key = await hw.page.evaluate(async () => {
    const cache = await caches.open('python-snapshot');
    const [request] = await cache.keys();
    const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    bytes[bytes.length >> 1] ^= 0xff;
    await cache.put(request, new Response(bytes));
    return request.url;
  });

  // A new visit reads it: refused, and a worker loads Pyodide to make another.
  await hw.page.reload();
  await py.open();
  await py.ready();
  await py.setText('print(6 * 7)\n');
  assert.equal(await py.run(), 'done', await py.consoleText());
  assert.match(await py.consoleText(), /^42$/m);
  assert.ok(hw.console.some((line) => /stored memory snapshot was refused/.test(line)), `the page said so on its console:\n${hw.console.join('\n')}`);
  await settled(hw);
  const remade = await hw.page.evaluate(async (key) => {
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const response = await (await caches.open('python-snapshot')).match(key);
    const sha256 = hex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
    return { sha256, record: JSON.parse(localStorage.getItem('heapwise.python-snapshot')) };
  }, key);
  assert.equal(remade.record.key, key, 'the record names the stored snapshot');
  assert.equal(remade.sha256, remade.record.sha256, 'the stored snapshot is the one recorded');
  hw.assertNoPageErrors();
});

test('a SyntaxError on line -1 ends its run with a message, and the next run works', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  for (const line of ['-1', '10**20']) {
    await py.setText(`print("before")\nraise SyntaxError("boom", (__file__, ${line}, 1, "x"))\n`);
    const ended = await py.run({ timeout: 30_000 });
    assert.ok(['error', 'failed'].includes(ended), `the run ended (${ended})`);
    const status = await py.status.innerText();
    assert.match(`${status}\n${await py.consoleText()}`, /SyntaxError|boom|could not be read/, `the status or the console says what happened:\n${status}`);
    assert.equal(await py.runButton.getAttribute('aria-disabled'), 'false', 'Run can be pressed again');
  }
  await py.setText('print("after")\n');
  assert.equal(await py.run(), 'done');
  assert.match(await py.consoleText(), /^after$/m);
  hw.assertNoPageErrors();
});
