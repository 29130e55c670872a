// "Your Python"'s UI is a wasm module of its own (src/bin/panel.rs), which
// the exercise page loads: the catalogue never requests it, a page whose
// module cannot arrive says so and keeps working, and the two Yew apps on one
// page each get their own events (issue 30 item 2).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const [slug] = await registrySlugs();
const isPanelModule = (url) => /^\/panel(_bg\.wasm|\.js)$/.test(new URL(url).pathname); // not python/panel.js

test('the catalogue does not request the panel\'s module; an exercise page does, and shows the panel', async (t) => {
  // No service worker: it would fetch every file of the bundle for offline use.
  const hw = await app.open(t, '/', { serviceWorkers: 'block' });
  const urls = new Set();
  hw.page.on('request', (request) => urls.add(request.url()));
  await hw.goto('/');
  await hw.catalogueSlugs();
  await hw.page.waitForLoadState('networkidle');
  assert.deepEqual([...urls].filter(isPanelModule), [], 'the catalogue requested no file of the panel\'s module');
  await hw.goto(`/exercise/${slug}`);
  await hw.expectVisible(hw.testId('python-open'), 'the closed panel');
  assert.deepEqual([...urls].filter(isPanelModule).map((u) => new URL(u).pathname).sort(), ['/panel.js', '/panel_bg.wasm']);
  hw.assertNoPageErrors();
});

test('a panel module that cannot be loaded is said in words, the page goes on, and Try again brings the panel', async (t) => {
  const hw = await app.open(t, '/', { serviceWorkers: 'block' });
  const refuse = (route) => route.abort('internetdisconnected');
  await hw.page.route(/\/panel_bg\.wasm$/, refuse);
  await hw.goto(`/exercise/${slug}`);
  const failed = hw.testId('python-panel-failed');
  await hw.expectVisible(failed, 'the panel\'s failure');
  assert.match(await failed.innerText(), /could not be loaded[\s\S]*saved in this browser/);
  // The rest of the page does not depend on it.
  await hw.runExpectingDone();
  await hw.page.unroute(/\/panel_bg\.wasm$/, refuse);
  await failed.getByRole('button', { name: 'Try again' }).click();
  const py = new PythonPanel(hw);
  await py.open();
  assert.equal(await failed.count(), 0, 'the failure is gone');
});

test('the page\'s and the panel\'s events each reach their own handlers', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`);
  const py = new PythonPanel(hw);
  await py.open();
  // A hint shown from the panel's copy is shown in the page's copy too (one count).
  const pageHints = hw.testId('hint');
  const panelHints = hw.testId('python-hint');
  assert.equal(await panelHints.count(), 0);
  await hw.testId('python-reveal-hint').click();
  await panelHints.first().waitFor({ state: 'visible' });
  assert.equal(await pageHints.count(), 1, 'the page shows the hint the panel asked for');
  await hw.revealHint();
  await panelHints.nth(1).waitFor({ state: 'visible' });
  assert.equal(await panelHints.count(), 2, 'and the panel the one the page showed');
  // A click in the panel runs the panel's handler only: Measure in Rust focuses
  // the page's Run button; the time limit typed in the panel is kept.
  await hw.testId('python-to-rust').click();
  assert.equal(await hw.page.evaluate(() => document.activeElement?.dataset.testid), 'run-button');
  await py.timeLimit.fill('7');
  await py.timeLimit.press('Tab');
  assert.equal(await py.timeLimit.inputValue(), '7');
  hw.assertNoPageErrors();
});
