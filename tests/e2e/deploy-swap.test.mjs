// A deploy while the page is open: the page keeps the build it loaded, the
// site now serves another. When the page's measuring worker is replaced
// (here: a run over its memory limit restarts it), the new worker comes
// from the new build; the two refuse to work together and the page says so
// in words, with what to do, instead of misreading each other's messages.
//
// The swap is made on a copy of the bundle under test: its worker's wasm
// gets another build identity (the 16 hex digits build.rs computes, shown by
// the page in the footer's data-build), which is what a rebuild changes.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, HeapwisePage, launchChromium } from './heapwise-page.mjs';

const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('a page left open across a deploy says its worker is of another version, and what to do', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'heapwise-swap-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true, preserveTimestamps: true });
  const started = await startServer({ root: dir, port: 0, quiet: true });
  cleanups.push(() => {
    started.server.close();
    started.server.closeAllConnections();
  });
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  const hw = new HeapwisePage(page, started.url);

  // 1 MiB: 1,000 points fit, 100,000 (2.4 MB even optimized) do not.
  await hw.goto(`${started.url}/exercise/slots-vs-dict?n=1000&limit_mib=1`);
  await hw.expectVisible(hw.runButton, 'the run button');
  const build = await page.locator('footer[data-build]').getAttribute('data-build');
  assert.match(build, /^[0-9a-f]{16}$/, 'the page says which build it is');
  // The page's own worker is running and works.
  await hw.runExpectingDone();

  // The deploy: the worker's files now carry another build.
  const wasm = path.join(dir, 'worker_bg.wasm');
  const bytes = await readFile(wasm);
  const other = build.replace(/./g, (c) => '0123456789abcdef'[(parseInt(c, 16) + 1) % 16]);
  const at = bytes.indexOf(Buffer.from(build));
  assert.ok(at >= 0, "the worker's wasm holds the build identity");
  Buffer.from(other).copy(bytes, at);
  assert.equal(bytes.indexOf(Buffer.from(build)), -1, 'once');
  await writeFile(wasm, bytes);
  for (const suffix of ['.br', '.gz']) await rm(wasm + suffix, { force: true });

  // A run over the limit ends that worker; its replacement comes from the
  // new files.
  await hw.setParam('n', 100000);
  assert.equal(await hw.run(), 'failed');
  assert.match(await hw.runError.innerText(), /ran out of memory/);
  // The next run meets the new worker: refused in words, not misread.
  // (Refused at once, it may never show as running: the page renders the
  // refusal in the same frame, so the test waits for the words.)
  await hw.setParam('n', 1000);
  await hw.runButton.click();
  await page.waitForFunction(() => /different versions/.test(document.querySelector('[data-testid="run-error"]')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.equal(await hw.runState(), 'failed', 'the run is refused');
  const message = await hw.runError.innerText();
  assert.match(message, /different versions of Heapwise/);
  assert.match(message, /Reload the page to use the new version/);
  hw.assertNoPageErrors();
});

/** A copy of the bundle served on its own port, and a page on it (no service worker: the server's files are what the page gets). */
async function swappable() {
  const dir = await mkdtemp(path.join(tmpdir(), 'heapwise-swap-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true, preserveTimestamps: true });
  const started = await startServer({ root: dir, port: 0, quiet: true });
  cleanups.push(() => {
    started.server.close();
    started.server.closeAllConnections();
  });
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  return { dir, url: started.url, hw: new HeapwisePage(page, started.url) };
}

/** Replaces `file` under `dir` with `change(bytes)`, and drops its precompressed copies. */
async function rewrite(dir, file, change) {
  const at = path.join(dir, ...file.split('/'));
  await writeFile(at, change(await readFile(at)));
  for (const suffix of ['.br', '.gz']) await rm(at + suffix, { force: true });
}

/** Opens the Python panel and waits for its status to say `words`. */
async function pythonSays(hw, words) {
  await hw.testId('python-panel').click();
  await hw.page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="python-status"]')?.textContent ?? ''),
    words.source,
    { timeout: 60_000 },
  );
  return hw.testId('python-status').innerText();
}

test('Python files of another build are refused in words', async () => {
  const { dir, url, hw } = await swappable();
  await hw.goto(`${url}/exercise/slots-vs-dict`);
  // The deploy, after the page was loaded: another manifest (one file's size said differently).
  await rewrite(dir, 'python/manifest.json', (bytes) => {
    const manifest = JSON.parse(bytes.toString('utf8'));
    manifest.files[0].bytes += 1;
    return Buffer.from(JSON.stringify(manifest, null, 1) + '\n');
  });
  const status = await pythonSays(hw, /another version of Heapwise/);
  assert.match(status, /Reload the page/);
  assert.equal(await hw.testId('python-status').getAttribute('data-state'), 'error');
  hw.assertNoPageErrors();
});

test('a runtime file that is not the one the manifest lists is refused in words', async () => {
  const { dir, url, hw } = await swappable();
  await hw.goto(`${url}/exercise/slots-vs-dict`);
  // Same manifest, another lock file: what a poisoned cache entry would serve.
  await rewrite(dir, 'python/pyodide/pyodide-lock.json', (bytes) => Buffer.concat([bytes, Buffer.from(' ')]));
  const status = await pythonSays(hw, /pyodide-lock\.json is not the file/);
  assert.match(status, /SHA-256 differs/);
  hw.assertNoPageErrors();
});
