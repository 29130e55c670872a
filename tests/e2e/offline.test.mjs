// Offline use (issue 9): after one visit, the service worker (www/sw.js,
// registered by www/register-sw.js) serves the app with the network gone:
// the catalogue, a deep link to an exercise, a run in the measuring worker,
// and the Python runtime once it has been loaded. A new build is picked up on the next visit and announced
// (data-testid="update-notice"), and all of it works from a sub-path.
//
// Each test serves its own copy of the bundle under test ($HEAPWISE_DIST)
// with scripts/static-server.mjs on a free loopback port, so it can stop
// the server (and take the browser context offline) or change a file,
// without disturbing the server the other specs share.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, TIMEOUT, HeapwisePage, launchChromium } from './heapwise-page.mjs';

const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));
/** The "Your Python" panel. Every release bundle has python/: a build whose
 * asset hook left it out fails these tests rather than skipping them. */
const { PythonPanel } = await import('./python-panel.mjs');
const pythonInBundle = access(path.join(DIST, 'python')).then(() => true, () => false);

let browser;
const cleanups = [];
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * A copy of the bundle, served under `base`. For a sub-path, index.html is
 * rewritten as `trunk build --public-url <base>` writes it (Trunk puts the
 * public URL into <base href> and in front of every asset URL; nothing else
 * in the bundle depends on it).
 */
async function serveCopy(base = '/') {
  const dir = await mkdtemp(path.join(tmpdir(), 'heapwise-offline-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true, preserveTimestamps: true });
  if (base !== '/') {
    // index.html and every page the build prerendered from it (exercise/<slug>/index.html).
    const pages = ['index.html', ...(await readdir(path.join(dir, 'exercise'))).map((slug) => `exercise/${slug}/index.html`)];
    for (const page of pages) {
      const file = path.join(dir, page);
      const html = await readFile(file, 'utf8');
      const rewritten = html
        .replace(/\b(href|src)="\/(?!\/)/g, `$1="${base}`)
        .replace(/(\bfrom\s+|module_or_path:\s*|\binit\(\s*)'\/(?!\/)/g, `$1'${base}`);
      assert.notEqual(rewritten, html, `${page} names the public URL`);
      await writeFile(file, rewritten);
      // Its compressed copies are of the old text: the server must send this one.
      await rm(`${file}.br`, { force: true });
      await rm(`${file}.gz`, { force: true });
    }
  }
  const started = await startServer({ root: dir, port: 0, quiet: true, base });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    started.server.close();
    started.server.closeAllConnections();
  };
  cleanups.push(stop);
  return { dir, url: started.url, stop };
}

async function openPage(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  return { context, page };
}

/** Waits until a service worker controls the page (installed: everything stored). */
async function waitForControl(hw) {
  try {
    await hw.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  } catch (error) {
    throw new Error(`no service worker took control of ${hw.route}\n${hw.diagnostics()}`, { cause: error });
  }
}

/** One online visit to slots-vs-dict, from a copy of the bundle, Python not opened; by default once the service worker controls the page. */
async function visitSlotsVsDict(t, { control = true } = {}) {
  assert.ok(await pythonInBundle, `the bundle has python/ (${DIST})`);
  const served = await serveCopy('/');
  const { context, page } = await openPage(t);
  const hw = new HeapwisePage(page, served.url);
  await hw.goto(`${served.url}/exercise/slots-vs-dict`);
  await hw.expectVisible(hw.title, 'the exercise title');
  if (control) await waitForControl(hw);
  return { served, context, page, hw };
}

async function runSlotsVsDict(hw, url) {
  await hw.goto(`${url}/exercise/slots-vs-dict?n=100`);
  await hw.expectVisible(hw.title, 'the exercise title');
  await hw.runExpectingDone();
  assert.equal(await hw.checksumsAgree(), true);
  assert.ok((await hw.figures()).length > 0, 'the run shows figures');
}

test('after one visit, the catalogue, a deep link and a run work with the server gone', async (t) => {
  const served = await serveCopy('/');
  const { context, page } = await openPage(t);
  const hw = new HeapwisePage(page, served.url);
  await hw.goto(`${served.url}/`);
  const online = await hw.catalogueSlugs();
  await waitForControl(hw);

  served.stop();
  await context.setOffline(true);

  await page.reload({ waitUntil: 'load' });
  assert.deepEqual(await hw.catalogueSlugs(), online, 'the catalogue, offline');
  await runSlotsVsDict(hw, served.url);
  assert.equal(await hw.testId('update-notice').count(), 0, 'the first visit announces nothing');
  hw.assertNoPageErrors();
});

test('a new build takes over on the next visit and says so', async (t) => {
  const served = await serveCopy('/');
  const { page } = await openPage(t);
  const hw = new HeapwisePage(page, served.url);
  await hw.goto(`${served.url}/`);
  await hw.catalogueSlugs();
  await waitForControl(hw);
  const oldCaches = await page.evaluate(() => caches.keys());

  // A rebuild changes sw.js (scripts/sw-manifest.mjs stamps a new build id).
  const swFile = path.join(served.dir, 'sw.js');
  const sw = await readFile(swFile, 'utf8');
  const build = sw.match(/"build":"([^"]+)"/)?.[1];
  assert.ok(build && build !== 'unstamped', 'sw.js was stamped by scripts/sw-manifest.mjs');
  await writeFile(swFile, sw.replace(`"build":"${build}"`, `"build":"${build}-next"`));

  await hw.goto(`${served.url}/`);
  await hw.expectVisible(hw.testId('update-notice'), 'the update notice', TIMEOUT.run);
  const notice = hw.testId('update-notice');
  assert.equal(await notice.getAttribute('role'), 'status');
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="update-notice"]')?.textContent.length > 0);
  assert.match(await notice.innerText(), /new version/i);
  // The page switches to the new worker as it starts activating; its
  // activate handler then drops the old build's cache.
  assert.ok(oldCaches.includes(`heapwise-${build}`), `the first build's cache: ${oldCaches}`);
  let names = [];
  for (let i = 0; i < 100; i++) {
    names = await page.evaluate(() => caches.keys());
    if (names.includes(`heapwise-${build}-next`) && !names.includes(`heapwise-${build}`)) break;
    await page.waitForTimeout(100);
  }
  assert.ok(names.includes(`heapwise-${build}-next`), `the new build's cache: ${names}`);
  assert.ok(!names.includes(`heapwise-${build}`), `the old build's cache is dropped: ${names}`);
  await hw.testId('update-dismiss').click();
  assert.equal(await hw.testId('update-notice').count(), 0);
  hw.assertNoPageErrors();
});

test('served from a sub-path, the worker is scoped to it and the app works offline there', async (t) => {
  const base = '/course/heapwise/';
  const served = await serveCopy(base);
  const { context, page } = await openPage(t);
  const hw = new HeapwisePage(page, served.url);
  await hw.goto(`${served.url}/`);
  const online = await hw.catalogueSlugs();
  await waitForControl(hw);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, new URL(base, served.url).href);
  await runSlotsVsDict(hw, served.url);

  served.stop();
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await hw.expectVisible(hw.title, 'the exercise title, offline');
  await hw.runExpectingDone();
  await hw.goto(`${served.url}/`);
  assert.deepEqual(await hw.catalogueSlugs(), online, 'the catalogue, offline, under the sub-path');
  hw.assertNoPageErrors();
});

test('the Python runtime, once loaded, works offline too', async (t) => {
  const { served, context, page, hw } = await visitSlotsVsDict(t, { control: false });
  // At once, as a student would: the service worker may not control the
  // page yet, so it does not see these downloads; the panel stores them.
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  await py.loadSolution();
  assert.equal(await py.run(), 'done', 'a Python run, online');
  const kept = hw.testId('python-offline');
  await hw.expectVisible(kept, 'the offline note', 120_000);
  assert.equal(await kept.getAttribute('data-stored'), 'true', await kept.textContent());
  assert.match(await kept.textContent(), /kept in this browser for offline use \(\d+ files\)/);
  await waitForControl(hw); // the shell itself

  served.stop();
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await hw.expectVisible(hw.title, 'the exercise title, offline');
  await py.open();
  await py.ready();
  // The editor kept the solution (the panel stores what was typed), and
  // the checks of another exercise are there too.
  assert.equal(await py.run(), 'done', 'a Python run, offline');
  await py.navigate('/exercise/generator-vs-list');
  await py.open();
  await py.ready();
  await py.loadSolution();
  assert.equal(await py.run(), 'done', 'another exercise, offline');
  assert.ok((await py.checks()).length > 0, 'its checks were read offline');
  py.assertNoCspViolations();
  hw.assertNoPageErrors();
});

test('offline before Python was ever loaded, the panel says so, Run waits, and the network brings it back', async (t) => {
  const { served, context, page, hw } = await visitSlotsVsDict(t);
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await hw.expectVisible(hw.title, 'the exercise title, offline');
  const py = new PythonPanel(hw);
  await hw.expectVisible(py.panel, 'the Python panel');
  await py.panel.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') === 'error', null, { timeout: 60_000 });
  assert.match(await py.status.textContent(), /Python cannot start: the network cannot be reached, and .*not stored in this browser/);
  assert.equal(await py.runButton.getAttribute('aria-disabled'), 'true', 'Run waits for the network');
  await py.runButton.click({ force: true }); // aria-disabled: a student can still press it
  assert.equal(await py.state(), 'error', 'pressing Run offline changes nothing');
  await hw.expectVisible(page.locator('.py-work .error'), 'the editor says it could not load');

  await context.setOffline(false);
  // The browser's online event: Python (and the editor) are asked for again.
  await page.waitForFunction(() => document.querySelector('[data-testid="python-run"]')?.getAttribute('aria-disabled') === 'false', null, { timeout: 30_000 });
  await py.open();
  await py.ready();
  assert.equal(await py.run(), 'done', 'a Python run, online again');
  served.stop();
  hw.assertNoPageErrors();
});

// Issue 28 item 6: work saved in an earlier visit is readable offline even
// if Python, and so the editor's own file, was never fetched: the panel
// reopens at the editor (saved work does), the editor cannot load, and the
// saved text is shown read only, exactly.
test('offline before the editor was ever loaded, saved Python is still there to read', async (t) => {
  const { served, context, page, hw } = await visitSlotsVsDict(t);
  const mine = 'class SlottedPoint:\n    __slots__ = ("x", "y", "z")  # mine, kept offline\n';
  await page.evaluate((text) => localStorage.setItem('heapwise.python.v1.slots-vs-dict', JSON.stringify({ version: 1, text, tab: '', at: Date.now() })), mine);
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await hw.expectVisible(page.locator('.py-work .error'), 'the editor says it could not load');
  const readOnly = hw.testId('python-readonly');
  await hw.expectVisible(readOnly, 'the saved text, read only');
  assert.equal(await readOnly.textContent(), mine, 'exactly the saved text');
  served.stop();
  hw.assertNoPageErrors();
});
