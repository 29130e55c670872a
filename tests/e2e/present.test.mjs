// Presentation mode, for a lecture hall: a link or the Present button turns
// it on; r runs, s sweeps, h shows the next hint, the arrows move through
// the exercises in registry order (still presenting), Esc leaves. Keys do
// nothing while the student types. At 1024×768 no text in the
// measurements is under 24 px, and the sweep chart spans the screen. The
// Python workspace stays, for live coding: its editor, Run, verdict and
// output at the same size, and r in its panel runs the Python.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const PROJECTOR = { viewport: { width: 1024, height: 768 } };

const waitState = (hw, id, state) =>
  hw.page.waitForFunction(
    ([id, state]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === state,
    [id, state],
    { timeout: 60_000 },
  );

// Moves with an arrow key and waits for the exercise's own page: the URL
// changes first, and until the page replaces the one before (or the
// placeholder while its text loads) the keys go to the page before.
const move = async (hw, key, slug) => {
  const before = await hw.title.textContent();
  await hw.page.keyboard.press(key);
  await hw.page.waitForURL((url) => url.pathname.endsWith(`/exercise/${slug}`));
  await hw.page.waitForFunction(
    (before) => {
      const title = document.querySelector('[data-testid="exercise-title"]');
      return title && title.textContent !== before && document.querySelector('[data-testid="run-button"]');
    },
    before,
    { timeout: 15_000 },
  );
};

test('present=1: r runs, s sweeps, h shows a hint, arrows move, Esc leaves', async (t) => {
  const slugs = await registrySlugs();
  const at = slugs.indexOf('slots-vs-dict');
  const hw = await app.open(t, '/exercise/slots-vs-dict?present=1', PROJECTOR);
  await hw.expectVisible(hw.runButton, 'the run button');
  assert.equal(await hw.presenting(), true);
  assert.equal(await hw.testId('present-button').getAttribute('aria-pressed'), 'true');
  assert.equal(await hw.testId('write-python').isVisible(), false, 'text panels are folded away');
  assert.equal(await hw.testId('python-panel').isVisible(), true, 'the Python workspace stays, for live coding');
  assert.equal(await hw.title.isVisible(), true, 'the task stays as its title');

  // Keys typed into a field are the student's, not commands.
  await hw.param('n').focus();
  await hw.page.keyboard.press('h');
  await hw.page.keyboard.press('s');
  assert.equal(await hw.testId('present-hint').count(), 0, 'h in a field shows no hint');
  assert.equal(await hw.sweepStatus.count(), 0, 's in a field starts no sweep');
  await hw.param('n').fill('1000');
  await hw.title.focus();

  await hw.page.keyboard.press('r');
  await waitState(hw, 'run-status', 'done');
  assert.equal(await hw.figure('optimized', 'peak_bytes'), 1000 * 3 * 8, 'r ran with the typed n');

  assert.equal(await hw.sweep({ start: () => hw.page.keyboard.press('s') }), 'done');
  assert.ok((await hw.sweepPoints()).length > 0, 's drew the sweep');

  // The newest request wins: h pressed while the page is still scrolling
  // (the sweep's own scroll to its slopes, on a slow machine: CI saw it)
  // brings the hint into view all the same.
  await hw.page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'smooth' }));
  await hw.page.keyboard.press('h');
  await hw.expectVisible(hw.testId('present-hint'), 'the hint shown by h');
  assert.equal(await hw.testId('present-hint').getAttribute('data-shown'), '1');
  // The room sees it: it comes into view over the sweep below, and stays.
  // Scrolled to the top of the window, its top may sit a fraction of a
  // pixel above it (-0.14 px seen: the page scrolls by whole pixels).
  await hw.page.waitForTimeout(1_000);
  await hw.page.waitForFunction(() => {
    // At rest: the same place three frames running.
    const rest = (window.heapwiseTestRest ??= []);
    rest.push(window.scrollY);
    const still = rest.length >= 3 && rest.slice(-3).every((y) => y === rest.at(-1));
    const box = document.querySelector('[data-testid="present-hint"]')?.getBoundingClientRect();
    return still && box && box.top >= -1 && box.top < window.innerHeight - 40;
  }, null, { timeout: 15_000 });
  await hw.page.keyboard.press('h');
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="present-hint"]')?.getAttribute('data-shown') === '2');
  await hw.screenshot('present-slots-vs-dict-1024');

  await move(hw, 'ArrowRight', slugs[at + 1]);
  await hw.expectVisible(hw.runButton, 'the next exercise');
  assert.equal(await hw.presenting(), true, 'still presenting on the next exercise');
  assert.match(hw.route, /present=1/);
  await move(hw, 'ArrowLeft', 'slots-vs-dict');
  await move(hw, 'ArrowLeft', slugs[at - 1]);
  await hw.expectVisible(hw.runButton, 'the previous exercise');
  assert.equal(await hw.presenting(), true, 'still presenting on the previous exercise');

  await hw.page.keyboard.press('Escape');
  await hw.page.waitForFunction(() => !document.documentElement.hasAttribute('data-present'));
  await hw.page.waitForFunction(() => !location.search.includes('present'));
  assert.equal(await hw.testId('write-python').isVisible(), true, 'the page is whole again');
  await hw.page.keyboard.press('r');
  // Keys are handled in order: once a later key's effect shows, r's has too.
  await hw.testId('present-button').focus();
  await hw.page.keyboard.press('Enter');
  await hw.page.waitForFunction(() => document.documentElement.hasAttribute('data-present'));
  assert.equal(await hw.runState(), 'idle', 'outside presentation mode r is just a letter');
  hw.assertNoPageErrors();
});

test('presenting, the Python workspace is there at 24 px or more and r in its panel runs the Python', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?present=1', PROJECTOR);
  const py = new PythonPanel(hw);
  await py.open();
  assert.equal(await hw.presenting(), true);
  await py.loadSolution();
  await py.ready();
  const before = await py.runId();
  await py.runButton.focus();
  await hw.page.keyboard.press('r');
  assert.equal(await py.waitForEnd(before), 'done', 'r with the focus on Run Python ran the Python');
  await hw.expectVisible(py.solved, 'Solved');
  assert.equal(await hw.runState(), 'idle', 'r in the Python panel does not run the Rust');
  assert.deepEqual(await hw.textSmallerThan('python-panel', 24), [], 'text under 24 px in the Python workspace');
  const code = await py.editor.locator('.cm-content').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(code >= 24, `the code is drawn at ${code} px`);
  await py.panel.scrollIntoViewIfNeeded();
  await hw.screenshot('present-python-1024');
  hw.assertNoPageErrors();
});

test('the Present button turns presentation mode on and off', async (t) => {
  const hw = await app.open(t, '/exercise/generator-vs-list', PROJECTOR);
  await hw.testId('present-button').click();
  assert.equal(await hw.presenting(), true);
  await hw.page.waitForFunction(() => location.search.includes('present=1'));
  await hw.testId('present-button').click();
  assert.equal(await hw.presenting(), false);
  hw.assertNoPageErrors();
});

for (const colorScheme of ['light', 'dark']) {
  test(`at 1024×768 no text in the measurements is under 24 px (${colorScheme})`, async (t) => {
    const hw = await app.open(t, '/exercise/slots-vs-dict?present=1&sweep=10-100000-6', { ...PROJECTOR, colorScheme });
    await hw.runExpectingDone();
    assert.equal(await hw.sweep(), 'done');
    await hw.page.keyboard.press('h');
    await hw.expectVisible(hw.testId('present-hint'), 'the hint');
    assert.deepEqual(await hw.textSmallerThan('measure-column', 24), [], 'text under 24 px in the measurements');
    assert.deepEqual(await hw.textSmallerThan('exercise-title', 24), []);
    const width = await hw.testId('sweep-chart').evaluate((svg) => svg.getBoundingClientRect().width);
    // The y axis labels take the rest of the width.
    assert.ok(width >= 0.7 * 1024, `the sweep chart spans the projector (${width} px)`);
    await hw.screenshot(`present-sweep-1024-${colorScheme}`);
    hw.assertNoPageErrors();
  });
}

test('at 1920×1080 the type grows with the screen: nothing in the measurements under 28 px', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?present=1&sweep=10-100000-6', { viewport: { width: 1920, height: 1080 } });
  await hw.runExpectingDone();
  assert.equal(await hw.sweep(), 'done');
  assert.deepEqual(await hw.textSmallerThan('measure-column', 28), [], 'text under 28 px in the measurements');
  const root = await hw.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(root > 29 && root <= 32, `the root type follows the width (${root} px)`);
  await hw.screenshot('present-sweep-1920');
  hw.assertNoPageErrors();
});

test('when a sweep ends on a projector its chart and slopes come into view, at once with reduced motion', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?present=1&sweep=10-100000-6', { ...PROJECTOR, reducedMotion: 'reduce' });
  await hw.runExpectingDone();
  assert.equal(await hw.sweep({ start: () => hw.page.keyboard.press('s') }), 'done');
  const inView = (id) =>
    hw.testId(id).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight + 1;
    });
  // Instant scrolling: no waiting for an animation.
  await hw.page.waitForFunction(() => {
    const box = document.querySelector('[data-testid="sweep-slopes"]')?.getBoundingClientRect();
    return box && box.top >= 0 && box.bottom <= window.innerHeight + 1;
  }, null, { timeout: 500 });
  assert.equal(await inView('sweep-chart'), true, 'the chart is on screen with its slopes');
  hw.assertNoPageErrors();
});
