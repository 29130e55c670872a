// The student's loop on one screen (issue 19, item 1). From the task,
// "Write it in Python" opens the workspace by keyboard with the focus in the
// editor; on a screen 1024 px wide or more the task and hints sit beside
// the editor, and after Run (pressed by keyboard) Run, the editor, the
// verdict and the checks are all inside the window, focus still on Run, the
// verdict in a live region; on a phone, Run, the verdict and the editor's
// top. The Rust side is one click away. Screenshots in light and dark at
// 1440, 1024 and 375 px go to tests/e2e/artifacts/, and axe checks both.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, ROOT, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';

/** Where `testid`'s first element is against the window: { top, bottom, height, inside }. */
const box = (hw, testid) =>
  hw.testId(testid).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height), inside: r.top >= -1 && r.bottom <= innerHeight + 1 && r.height > 0 };
  });

const focused = (hw) =>
  hw.page.evaluate(() => {
    const el = document.activeElement;
    if (el?.closest('[data-testid="python-editor"]')) return 'python-editor';
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase();
  });

async function audit(hw, what) {
  if (!(await hw.page.evaluate(() => Boolean(window.axe)))) {
    await hw.page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  }
  const results = await hw.page.evaluate(() =>
    window.axe.run('[data-testid="python-panel"]', { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  const blocking = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${what}: axe`);
}

for (const [width, height] of [[1440, 900], [1024, 768], [375, 812]]) {
  const wide = width >= 1024;
  test(`${width}x${height}: task, editor, Run and verdict on one screen, by keyboard`, async (t) => {
    const hw = await app.open(t, `/exercise/${SLUG}`, { viewport: { width, height }, bypassCSP: true, ...(wide ? {} : { isMobile: true, hasTouch: true }) });
    const py = new PythonPanel(hw);
    await hw.expectVisible(hw.testId('write-python'), 'Write it in Python');
    await hw.testId('write-python').focus();
    await hw.page.keyboard.press('Enter');
    await hw.expectVisible(py.editable, 'the editor', 90_000);
    await hw.page.waitForFunction(() => document.activeElement?.closest('[data-testid="python-editor"]'), null, { timeout: 10_000 });
    assert.equal(await focused(hw), 'python-editor', 'the editor has the focus once open');
    // The help under Run says what fits the device: keys with a mouse and keyboard, a tap on a phone.
    const help = await hw.testId('python-keys').innerText();
    if (wide) {
      assert.match(help, /Ctrl\+Enter \(Cmd\+Enter\) runs/);
      assert.doesNotMatch(help, /Tap Run Python/);
    } else {
      assert.match(help, /^Tap Run Python to run the program/);
      assert.doesNotMatch(help, /Esc then Tab/);
    }
    assert.match(help, /memory is limited to/);
    await py.ready();
    await py.loadSolution();
    // Run by keyboard: focus Run Python, press Enter.
    await py.runButton.focus();
    assert.equal(await py.run({ start: () => hw.page.keyboard.press('Enter') }), 'done');
    // A smooth scroll, if any, has ended.
    await hw.atRest(10_000);
    assert.equal(await focused(hw), 'python-run', 'focus stays on Run Python');
    assert.equal(await py.status.getAttribute('role'), 'status', 'the verdict is announced (a live region)');
    assert.equal(await py.status.getAttribute('data-verdict'), 'solved');

    const shown = {};
    for (const id of ['python-run', 'python-status', 'python-editor']) shown[id] = await box(hw, id);
    assert.ok(shown['python-run'].inside, `Run is in the window: ${JSON.stringify(shown['python-run'])}`);
    assert.ok(shown['python-status'].inside, `the verdict is in the window: ${JSON.stringify(shown['python-status'])}`);
    if (wide) {
      for (const id of ['python-brief', 'python-check']) shown[id] = await box(hw, id);
      assert.ok(shown['python-editor'].inside && shown['python-editor'].height >= 200, `the whole editor, 200 px or more: ${JSON.stringify(shown['python-editor'])}`);
      assert.ok(shown['python-brief'].inside, `the task beside it: ${JSON.stringify(shown['python-brief'])}`);
      assert.ok(shown['python-check'].inside, `the checks: ${JSON.stringify(shown['python-check'])}`);
      const brief = await hw.testId('python-brief').evaluate((el) => el.innerText);
      assert.match(brief, /Task[\s\S]*Hints/, 'the brief holds the task and the hints');
    } else {
      const editor = shown['python-editor'];
      assert.ok(editor.top >= 0 && editor.top < height - 150, `the editor starts on screen: ${JSON.stringify(editor)}`);
    }
    const overflow = await hw.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 1, `nothing wider than the window (${overflow} px)`);

    await mkdir(ARTIFACTS, { recursive: true });
    for (const colorScheme of ['light', 'dark']) {
      await hw.page.emulateMedia({ colorScheme });
      await hw.page.screenshot({ path: path.join(ARTIFACTS, `python-workspace-${width}-${colorScheme}.png`) });
      await audit(hw, `${width} px, ${colorScheme}`);
    }
    await hw.page.emulateMedia({ colorScheme: 'light' });

    // The Rust side is a click away.
    await hw.testId('python-to-rust').click();
    assert.equal(await focused(hw), 'run-button', 'Measure in Rust moves to the Rust Run button');
    assert.ok((await box(hw, 'run-button')).inside, 'and brings it into view');
    hw.assertNoPageErrors();
  });
}
