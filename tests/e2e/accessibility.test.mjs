// axe-core (node_modules/axe-core) on every kind of page, in light and dark
// colours: no critical and no serious violations. Lesser findings are
// printed, not failed, except in the Python workspace, where every state
// (open, a failing run, solved with the reference's lines beside) must have
// none of any impact, light and dark, 1440 and 375 px (issue 28).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, useHeapwise } from './heapwise-page.mjs';
import { PY_TIMEOUT, PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
for (const colorScheme of ['light', 'dark']) {
  test(`catalogue, exercise before and after a run, not found: ${colorScheme}`, async (t) => {
    const hw = await app.open(t, '/', { colorScheme, bypassCSP: true });
    await hw.catalogueSlugs();
    await audit(hw, `catalogue (${colorScheme})`);

    // With progress, so the cards' "measured" state is shown.
    await hw.goto('/exercise/slots-vs-dict');
    await hw.expectVisible(hw.runButton, 'the run button');
    await audit(hw, `exercise before a run (${colorScheme})`);
    await hw.runExpectingDone();
    await hw.revealHint();
    await hw.show('show-solution', 'solution');
    await hw.show('show-explanation', 'explanation');
    await hw.testId('quiz-choice').first().click();
    await audit(hw, `exercise after a run, everything open (${colorScheme})`);

    await hw.goto('/exercise/live-monitor');
    await hw.runExpectingDone();
    await audit(hw, `timeline after a run (${colorScheme})`);

    await hw.goto('/exercise/snapshot-diff');
    await hw.runExpectingDone();
    await audit(hw, `snapshots after a run (${colorScheme})`);

    await hw.goto('/');
    await hw.catalogueSlugs();
    await audit(hw, `catalogue with progress (${colorScheme})`);

    await hw.goto('/no/such/page');
    await hw.expectVisible(hw.notFound, 'the not-found page');
    await audit(hw, `not found (${colorScheme})`);
    hw.assertNoPageErrors();
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`filtered catalogue, export and open-results controls: ${colorScheme}`, async (t) => {
    const hw = await app.open(t, '/?group=2&difficulty=medium&unsolved=1', { colorScheme, bypassCSP: true });
    await hw.catalogueSlugs();
    await audit(hw, `filtered catalogue (${colorScheme})`);
    await hw.searchCatalogue('no exercise has these words');
    await hw.expectVisible(hw.testId('no-match'), 'the no-match message');
    await audit(hw, `catalogue, nothing matches (${colorScheme})`);

    await hw.goto('/exercise/slots-vs-dict');
    await hw.runExpectingDone();
    const json = await hw.exportFile('json');
    await hw.openResultsFile({ name: json.name, text: json.bytes.toString('utf8') });
    await hw.expectVisible(hw.testId('opened-notice'), 'the opened-file notice');
    await hw.openResultsFile({ name: 'broken.json', text: '{' });
    await hw.expectVisible(hw.testId('open-error'), 'the open error');
    await audit(hw, `export buttons, opened notice and open error (${colorScheme})`);
    hw.assertNoPageErrors();
  });
}

test('the header switch turns dark colours on and off, and is remembered', async (t) => {
  const hw = await app.open(t, '/', { colorScheme: 'light', bypassCSP: true });
  await hw.catalogueSlugs();
  const background = () => hw.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  const toggle = hw.testId('theme-switch');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'follows the light system scheme');

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const dark = await background();
  assert.notEqual(dark, light, 'the page turned dark');
  await audit(hw, 'catalogue, dark by the switch');

  await hw.goto('/exercise/slots-vs-dict');
  await hw.expectVisible(hw.runButton, 'the run button');
  assert.equal(await background(), dark, 'the choice is remembered across pages and loads');
  assert.equal(await hw.testId('theme-switch').getAttribute('aria-pressed'), 'true');

  await hw.testId('theme-switch').click();
  assert.equal(await background(), light);
  hw.assertNoPageErrors();
});

for (const colorScheme of ['light', 'dark']) {
  test(`a sweep drawn, and presentation mode: ${colorScheme}`, async (t) => {
    const hw = await app.open(t, '/exercise/slots-vs-dict?sweep=10-100000-5', { colorScheme, bypassCSP: true });
    await hw.runExpectingDone();
    assert.equal(await hw.sweep(), 'done');
    await audit(hw, `a sweep drawn (${colorScheme})`);

    await hw.goto('/exercise/slots-vs-dict?present=1&sweep=10-100000-5');
    await hw.runExpectingDone();
    assert.equal(await hw.sweep(), 'done');
    await hw.page.keyboard.press('h');
    await hw.expectVisible(hw.testId('present-hint'), 'the hint shown by h');
    await audit(hw, `presentation mode with a run and a sweep (${colorScheme})`);
    // Live coding: the Python workspace open and a run checked, at presentation size.
    const py = new PythonPanel(hw);
    await py.open();
    await py.ready();
    await py.loadSolution();
    assert.equal(await py.run(), 'done');
    await audit(hw, `presentation mode with the Python workspace after a run (${colorScheme})`, { strict: true });
    hw.assertNoPageErrors();
  });
}

for (const [width, height] of [[1440, 900], [375, 812]]) {
  test(`the Python workspace in every state, ${width} px, light and dark: no violation of any impact`, async (t) => {
    const hw = await app.open(t, '/exercise/slots-vs-dict', { viewport: { width, height }, bypassCSP: true, ...(width < 1024 ? { isMobile: true, hasTouch: true } : {}) });
    const py = new PythonPanel(hw);
    const both = async (what) => {
      for (const colorScheme of ['light', 'dark']) {
        await hw.page.emulateMedia({ colorScheme });
        await audit(hw, `${what}, ${width} px, ${colorScheme}`, { strict: true });
      }
    };
    await py.open();
    await py.ready();
    await both('the workspace open');
    await py.setText('x = 1\nprint(x / 0)\n');
    assert.equal(await py.run(), 'error');
    await both('a run that failed');
    await py.setText('x = 1\nif x == 1\n    print(x)\n');
    assert.equal(await py.run(), 'error');
    await both('a program that did not start');
    // Running, then stopped: a loop that prints, then never ends.
    await py.setText('print("looping", flush=True)\nwhile True:\n    pass\n');
    const before = await py.runId();
    await py.runButton.click();
    await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-console"]').textContent.includes('looping'), null, { timeout: PY_TIMEOUT });
    assert.equal(await py.state(), 'running');
    await both('a program running');
    await py.stopButton.click();
    assert.equal(await py.waitForEnd(before, { until: ['stopped'], timeout: 15_000 }), 'stopped');
    await both('a run stopped');
    await py.loadSolution();
    assert.equal(await py.run(), 'done');
    await hw.testId('python-profile-reference').click();
    await hw.expectVisible(hw.testId('python-reference-lines'), "the reference program's lines", PY_TIMEOUT);
    await both('solved, compared with the reference');
    // Coming back: the saved work reopens the panel at the editor by itself.
    await hw.page.reload();
    await hw.expectVisible(py.editable, 'the editor, reopened', PY_TIMEOUT);
    await hw.expectVisible(py.notice, 'the notice that the work is back');
    await both('reopened after a reload');
    hw.assertNoPageErrors();
  });
}
