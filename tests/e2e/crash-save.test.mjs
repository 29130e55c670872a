// "Saved" means on disk: the browser is killed (SIGKILL, no chance to
// flush anything) the moment the panel says "Saved", then started again on
// the same profile; the editor holds every character typed. Chromium
// writes local storage to disk up to about 5 s after a change, so local
// storage alone loses the last edits here (the test prints whether it did);
// the copy in IndexedDB, committed with strict durability before "Saved"
// shows, brings them back.
//
// This spec starts Chromium itself (not through the fixture) so that it can
// kill that one process and reuse its profile.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, HeapwisePage, baseUrl } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const SLUG = 'slots-vs-dict';
const KEY = `heapwise.python.v1.${SLUG}`;
const profile = mkdtempSync(path.join(tmpdir(), 'heapwise-crash-'));
const running = new Set();
/** Kills Chromium and every process it started (its own process group), as a crash would. */
async function kill(child) {
  const ended = new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await ended;
  // Its renderers and helpers leave within moments of the group's kill.
  await new Promise((resolve) => setTimeout(resolve, 500));
}
after(async () => {
  for (const child of running) await kill(child);
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

/** Chromium on `profile`, driven over CDP: { child, browser, page }. */
async function start() {
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // a process group of its own, killed whole
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = /DevTools listening on (ws:\S+)/.exec(seen);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`Chromium ended (${code}) before it listened:\n${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  return { child, browser, page };
}

test('killed the moment it says "Saved", the browser brings back every character typed', async () => {
  const url = await baseUrl();
  const first = await start();
  const hw = new HeapwisePage(first.page, url);
  await hw.goto(`${url}/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.setText('print("saved before")\n');
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-saved"]')?.dataset.state === 'saved');

  await py.editable.click();
  await hw.page.keyboard.press('Control+End');
  await hw.page.keyboard.type('# the last words typed', { delay: 20 });
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-saved"]')?.dataset.state === 'saved');
  await kill(first.child);

  const second = await start();
  // What local storage alone kept, read before the app runs.
  await second.page.context().addInitScript((key) => {
    window.__atStart = localStorage.getItem(key);
  }, KEY);
  const again = new HeapwisePage(second.page, url);
  await again.goto(`${url}/exercise/${SLUG}`);
  const lsAlone = await again.page.evaluate(() => JSON.parse(window.__atStart ?? '{}').text ?? null);
  console.log(`# local storage alone after the kill: ${lsAlone?.includes('the last words typed') ? 'had the last edits' : `lost them (${JSON.stringify(lsAlone)})`}`);
  const py2 = new PythonPanel(again);
  await py2.open();
  await again.page.waitForFunction(
    () => ((h) => (h?.shadowRoot ?? h)?.querySelector('.cm-content')?.textContent.includes('the last words typed'))(document.querySelector('[data-testid="python-editor"]')),
    null,
    { timeout: 15_000 },
  ).catch(() => {});
  assert.equal(await py2.text(), 'print("saved before")\n# the last words typed', 'the editor holds everything typed before "Saved"');
  if (!lsAlone?.includes('the last words typed')) {
    assert.match(await py2.notice.innerText(), /Your last changes are back/, 'and says where they came from');
  }
  again.assertNoPageErrors();
});
