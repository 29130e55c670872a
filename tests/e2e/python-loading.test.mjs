// The Python runtime is not part of the first load: the catalogue requests
// nothing under python/, an exercise page and a Rust run no runtime file
// (only python/panel.js, the panel's code that brings back crash-kept text). Opening the panel loads it, with a
// progress indicator, from the app's own origin only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DIST, registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel, isPanelCode, isPythonFile, isRuntimeFile } from './python-panel.mjs';

const app = useHeapwise();
const [slug] = await registrySlugs();

/** Records every request the page's context makes (pages and workers). */
function record(hw) {
  const urls = new Set();
  const note = (request) => urls.add(request.url());
  hw.page.context().on('request', note);
  hw.page.on('request', note);
  return urls;
}

test('the catalogue and a Rust run request no Python runtime file', async (t) => {
  const hw = await app.open(t, '/');
  const urls = record(hw);
  await hw.goto('/'); // a fresh load, recorded from its first request
  await hw.catalogueSlugs();
  assert.deepEqual([...urls].filter(isPythonFile), [], 'the catalogue requested nothing under python/');
  await hw.goto(`/exercise/${slug}`);
  await hw.runExpectingDone();
  const python = [...urls].filter(isRuntimeFile);
  assert.deepEqual(python, [], 'no Python runtime file was requested');
  assert.ok([...urls].filter(isPythonFile).every(isPanelCode), 'only the panel\'s own code (crash recovery)');
  assert.ok([...urls].some((u) => u.endsWith('.wasm')), 'the Rust run did load its wasm (the recorder works)');
  hw.assertNoPageErrors();
  new PythonPanel(hw).assertNoCspViolations();
});

// Issue 19, item 8: before anything is downloaded, the panel says how much
// opening it will download (the runtime's files, as python/manifest.json
// lists them: the build writes the sum into index.html) and that it is kept.
test('before the first download, the panel says how much it downloads and that it is kept', async (t) => {
  const manifest = JSON.parse(await readFile(path.join(DIST, 'python', 'manifest.json'), 'utf8'));
  const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  const hw = await app.open(t, `/exercise/${slug}`);
  const urls = record(hw);
  const size = hw.testId('python-download-size');
  await hw.expectVisible(size, 'the download size');
  assert.equal(await size.getAttribute('data-bytes'), String(total), 'the runtime\'s files, in bytes');
  // What travels: each file's brotli variant in the bundle (what the
  // server sends a browser that accepts br), or the file where it has none.
  let travel = 0;
  for (const f of manifest.files) {
    const file = path.join(DIST, 'python', f.name);
    travel += (await stat(`${file}.br`).catch(() => stat(file))).size;
  }
  assert.equal(await size.getAttribute('data-travel-bytes'), String(travel), 'what travels, in bytes (brotli)');
  assert.ok(travel < total / 2, `brotli sends less than half the bytes (${travel} of ${total})`);
  // As units::human_bytes writes MiB: 2 decimals under 10, 1 under 100.
  const inMib = (bytes) => {
    const value = bytes / 1048576;
    return value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
  };
  const mib = inMib(total);
  const travelMib = inMib(travel);
  const said = await size.innerText();
  assert.ok(said.includes(`${travelMib} MiB to download, ${mib} MiB unpacked`), `says ${travelMib} MiB to download, ${mib} MiB unpacked: ${said}`);
  assert.match(said, /once.*kept in this browser.*offline/s);
  assert.deepEqual([...urls].filter(isRuntimeFile), [], 'and no runtime file was requested to say it');
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  hw.assertNoPageErrors();
});

test('opening the panel loads Python from the app\'s own origin, showing bytes loaded of total', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`);
  const urls = record(hw);
  const py = new PythonPanel(hw);
  await hw.expectVisible(py.panel, 'the Python panel');
  // Every progress value shown while loading, however briefly.
  await hw.page.evaluate(() => {
    window.__pyProgress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="python-progress"]');
      if (bar) window.__pyProgress.push([Number(bar.getAttribute('value')), Number(bar.getAttribute('max'))]);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await py.open();
  await py.ready();
  const seen = await hw.page.evaluate(() => window.__pyProgress);
  assert.ok(seen.length > 0, 'a progress bar was shown while Python loaded');
  const total = seen.at(-1)[1];
  assert.ok(total > 5_000_000, `the progress bar counts the runtime's bytes (max ${total})`);
  assert.ok(seen.every(([value, max]) => max === total && value <= max), 'loaded never exceeds total');

  await py.setText('print(sum(range(10)))\n');
  assert.equal(await py.run(), 'done');
  const origin = new URL(hw.baseUrl).origin;
  const all = [...urls];
  const foreign = all.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'every request went to the app\'s own origin');
  assert.ok(all.some((u) => u.endsWith('/python/pyodide/pyodide.asm.wasm')), 'the runtime came from python/pyodide/');
  assert.ok(all.some((u) => u.endsWith('/python/editor.js')), 'the editor came from python/editor.js');
  hw.assertNoPageErrors();
  py.assertNoCspViolations();
});
