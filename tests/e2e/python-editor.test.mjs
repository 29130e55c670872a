// The editor: text kept per exercise across reloads, unreadable saved text
// set aside with a notice, nothing replaced without asking, keyboard use
// (Ctrl+Enter runs, Esc then Tab leaves; python-typing.test.mjs types at human speed), and how the panel looks at three
// widths (screenshots in tests/e2e/artifacts/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, ROOT, registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const [slug] = await registrySlugs();
const KEY = `heapwise.python.v1.${slug}`;
const KEPT = `heapwise.python.unreadable.${slug}`;

test('the text survives a reload; unreadable saved text is set aside with a notice', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.editable.click();
  await hw.page.keyboard.press('Control+End');
  await hw.page.keyboard.type('\n# my own note');
  await hw.page.waitForFunction((key) => localStorage.getItem(key)?.includes('my own note'), KEY);

  await hw.goto(`/exercise/${slug}`);
  await py.open();
  assert.match(await py.text(), /# my own note/, 'the text is back after a reload');
  // Readable text: the panel reopens with it and says only that (issue 28).
  assert.match(await py.notice.innerText(), /back in the editor/, 'the reopened panel says the work is back');
  assert.doesNotMatch(await py.notice.innerText(), /could not be read/, 'nothing about unreadable text');

  const corrupt = '{"version": 1, "text": "unterminated';
  await hw.page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, corrupt]);
  await hw.goto(`/exercise/${slug}`);
  await py.open();
  await hw.expectVisible(py.notice, 'the notice about unreadable text');
  const notice = await py.notice.innerText();
  assert.match(notice, /could not be read/);
  assert.ok(notice.includes(KEPT), `the notice names where the text went (${KEPT}): ${notice}`);
  assert.equal(await hw.page.evaluate((key) => localStorage.getItem(key), KEPT), corrupt, 'the unreadable text is kept as it was');
  assert.doesNotMatch(await py.text(), /my own note/, 'the editor starts from the starter code');
  hw.assertNoPageErrors();
  py.assertNoCspViolations();
});

/** Runs axe on the panel; fails on critical or serious findings, prints the rest. */
async function audit(hw, what) {
  if (!(await hw.page.evaluate(() => Boolean(window.axe)))) {
    await hw.page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  }
  const results = await hw.page.evaluate(() =>
    window.axe.run('[data-testid="python-panel"]', {
      resultTypes: ['violations'],
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    }),
  );
  const describe = (v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`;
  const blocking = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  for (const v of results.violations.filter((v) => !blocking.includes(v))) console.log(`# ${what}: ${describe(v)}`);
  assert.deepEqual(blocking.map(describe), [], `${what}: critical or serious axe violations`);
}

// One page for the rest (one cold start of Python). bypassCSP: axe is
// injected as a script the page's policy would refuse (the first test
// checks the policy holds).
test('asking before replacing, the keyboard, three widths, axe in light and dark', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`, { bypassCSP: true });
  const py = new PythonPanel(hw);
  await py.open();

  await t.test('nothing is replaced without asking, and Ctrl+Z brings it back', async () => {
    await py.setText('print("mine")\n');
    await py.loadSolutionButton.click();
    await hw.expectVisible(py.cancelButton, 'the question before replacing');
    await py.cancelButton.click();
    assert.equal(await py.text(), 'print("mine")\n', 'Keep my text keeps it');
    await py.loadSolution();
    assert.doesNotMatch(await py.text(), /print\("mine"\)/, 'confirmed: the solution replaces it');
    await py.editable.click();
    await hw.page.keyboard.press('Control+z');
    assert.match(await py.text(), /print\("mine"\)/, 'Ctrl+Z brings the text back');
  });

  await t.test('Ctrl+Enter runs; Tab indents; Esc then Tab leaves the editor', async () => {
    await py.editable.click();
    assert.equal(await py.run({ start: () => hw.page.keyboard.press('Control+Enter') }), 'done', 'Ctrl+Enter in the editor runs');
    assert.match(await py.consoleText(), /mine/);
    await audit(hw, 'after a run that fails the checks');
    await py.editable.click();
    const inEditor = () => hw.page.evaluate(() => Boolean(document.activeElement.closest('[data-testid="python-editor"]')));
    await hw.page.keyboard.press('Control+Home');
    await hw.page.keyboard.press('Tab');
    assert.equal(await inEditor(), true, 'Tab at the start of a line indents (python-typing.test.mjs has the rest)');
    await hw.page.keyboard.press('Escape');
    await hw.page.keyboard.press('Tab');
    assert.equal(await inEditor(), false, 'Esc then Tab leaves the editor');
  });

  await t.test('beside a Rust run; at 1440, 1024 and 375 px; axe in light and dark', async () => {
    await hw.runExpectingDone();
    await py.loadSolution();
    assert.equal(await py.run(), 'done');
    const labels = (await py.figures()).map((f) => f.label);
    assert.ok(labels.every((l) => /your code: CPython 3\.\d+\.\d+, wasm32, 4-byte pointers/.test(l)), `labelled with what produced them: ${labels}`);
    assert.ok((await hw.testId('python-rust-figure').count()) > 0, 'the Rust run\'s bars are beside them');
    await mkdir(ARTIFACTS, { recursive: true });
    for (const width of [1440, 1024, 375]) {
      await hw.page.setViewportSize({ width, height: 900 });
      await py.panel.scrollIntoViewIfNeeded();
      const overflow = await py.panel.evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(overflow <= 1, `nothing sticks out of the panel at ${width} px (${overflow} px)`);
      await py.panel.screenshot({ path: path.join(ARTIFACTS, `python-panel-${width}.png`) });
    }
    await hw.page.setViewportSize({ width: 1280, height: 900 });
    for (const colorScheme of ['light', 'dark']) {
      await hw.page.emulateMedia({ colorScheme });
      await audit(hw, `solved run (${colorScheme})`);
    }
  });
  hw.assertNoPageErrors();
});
