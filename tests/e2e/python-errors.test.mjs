// Errors where they are, and checks that find the fault (issue 28, items 2
// and 3). A program that stops with an error far down marks that line in
// the editor and scrolls it into the editor's view, with the focus still on
// Run; under the editor an error bar gives the error and the traceback's
// lines as buttons that put the editor's cursor on that line; the
// traceback gets the workspace's whole width and is never wrapped. A
// program that does not start says so once, not under every check; failing
// checks come first; code in the checks' words is shown as code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';

/** 60 lines: the error is on line 57, called from line 60, far below the editor's first screen. */
const FAR_ERROR = [
  ...Array.from({ length: 55 }, (_, i) => `step_${i + 1} = ${i + 1}  # a line of setting up`),
  'def divide(a, b):',
  '    return a / b',
  '',
  'print("before the error")',
  'divide(1, 0)',
].join('\n') + '\n';

/** Rect of `selector` inside the editor (its shadow root), and whether it lies inside the editor's scroller and the window. */
const inEditor = (hw, selector) =>
  hw.testId('python-editor').evaluate((host, selector) => {
    const root = host.shadowRoot ?? host;
    const el = root.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const box = root.querySelector('.cm-scroller').getBoundingClientRect();
    return {
      top: Math.round(r.top), bottom: Math.round(r.bottom),
      inEditor: r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
      inWindow: r.top >= 0 && r.bottom <= innerHeight,
      line: el.getAttribute('data-line'), title: el.getAttribute('title'), text: el.textContent,
    };
  }, selector);

const activeLine = (hw) =>
  hw.testId('python-editor').evaluate((host) => (host.shadowRoot ?? host).querySelector('.cm-activeLine')?.textContent ?? null);

for (const [width, height] of [[1440, 900], [1024, 768], [375, 812]]) {
  const wide = width >= 1024;
  test(`${width}x${height}: an error's line is marked and in view; its line numbers are links`, async (t) => {
    const hw = await app.open(t, `/exercise/${SLUG}`, { viewport: { width, height }, ...(wide ? {} : { isMobile: true, hasTouch: true }) });
    const py = new PythonPanel(hw);
    await py.open();
    await py.ready();
    await py.setText(FAR_ERROR);
    await py.runButton.focus();
    assert.equal(await py.run({ start: () => hw.page.keyboard.press('Enter') }), 'error');
    assert.equal(await py.status.getAttribute('data-line'), '57');

    // Marked, with its message, and scrolled into the editor's own view.
    await hw.page.waitForFunction(() => {
      const host = document.querySelector('[data-testid="python-editor"]');
      return (host.shadowRoot ?? host).querySelector('[data-testid="python-error-line"]');
    }, null, { timeout: 10_000 });
    await hw.page.waitForTimeout(300); // the editor measures, then scrolls
    const marked = await inEditor(hw, '[data-testid="python-error-line"]');
    assert.equal(marked.line, '57');
    assert.match(marked.text, /return a \/ b/);
    assert.match(marked.title, /division by zero/);
    assert.ok(marked.inEditor, `the marked line is in the editor's view: ${JSON.stringify(marked)}`);
    if (wide) assert.ok(marked.inWindow, `and in the window: ${JSON.stringify(marked)}`);
    const focused = await hw.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    assert.equal(focused, 'python-run', 'the focus stays on Run Python');

    // The editor's error bar: the error, and the traceback's lines as buttons, outermost first.
    const bar = py.editor.locator('[data-testid="python-error-bar"]');
    assert.match(await bar.innerText(), /division by zero/);
    const links = bar.locator('[data-testid="python-go-to-line"]');
    assert.deepEqual(await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-line'))), ['60', '57']);
    assert.deepEqual(await links.allInnerTexts(), ['line 60 (<module>)', 'line 57 (divide)']);
    await links.first().click();
    await hw.page.waitForFunction(() => document.activeElement?.closest('[data-testid="python-editor"]'), null, { timeout: 15_000 });
    assert.equal(await activeLine(hw), 'divide(1, 0)', 'the cursor is on line 60');
    const line60 = await inEditor(hw, '.cm-activeLine');
    assert.ok(line60.inEditor && line60.inWindow, `line 60 is in view: ${JSON.stringify(line60)}`);
    await links.last().focus();
    await hw.page.keyboard.press('Enter');
    assert.equal(await activeLine(hw), '    return a / b', 'by keyboard too: the cursor on line 57');

    // The status line's "line 57" is a link to it too.
    const statusLink = py.status.locator('[data-testid="python-status-line"]');
    assert.equal(await statusLink.innerText(), 'line 57');
    assert.match(await py.status.innerText(), /stopped with ZeroDivisionError on line 57 of solution\.py: division by zero/);
    await links.first().click();
    assert.equal(await activeLine(hw), 'divide(1, 0)', 'the cursor back on line 60');
    await statusLink.click();
    await hw.page.waitForFunction(() => document.activeElement?.closest('[data-testid="python-editor"]'), null, { timeout: 15_000 });
    assert.equal(await activeLine(hw), '    return a / b', 'the status line took the cursor to line 57');

    // The traceback is never wrapped; on a wide screen it has the workspace's width.
    const consoleBox = await py.console.evaluate((el) => ({ width: Math.round(el.getBoundingClientRect().width), scroll: el.scrollWidth - el.clientWidth }));
    const stderrRows = await py.console.locator('.py-stderr').evaluateAll((els) => els.map((e) => getComputedStyle(e).whiteSpace));
    assert.ok(stderrRows.every((w) => w === 'pre'), `stderr keeps its lines: ${stderrRows}`);
    if (wide) {
      const work = await hw.testId('python-editor').evaluate((el) => Math.round(el.getBoundingClientRect().width));
      assert.ok(consoleBox.width >= work - 4, `the console is as wide as the editor (${consoleBox.width} of ${work} px)`);
    }

    // Editing the marked line (the cursor is on it) takes its mark away.
    await hw.page.keyboard.press('End');
    await hw.page.keyboard.type(' + 0');
    const gone = await inEditor(hw, '[data-testid="python-error-line"]');
    assert.equal(gone, null, 'an edit of the marked line clears the mark');
    hw.assertNoPageErrors();
  });
}

test('a program that did not start says so once; failing checks first; code as code', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`, { viewport: { width: 1440, height: 900 } });
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();

  await py.setText('x = 1\nif x == 1\n    print(x)\n');
  assert.equal(await py.run(), 'error');
  const common = hw.testId('python-checks-common');
  assert.equal(await common.count(), 1, 'one sentence for every check');
  const sentence = await common.innerText();
  assert.match(sentence, /SyntaxError/);
  const checks = await py.checks();
  assert.ok(checks.length > 1);
  for (const check of checks) {
    assert.equal(check.passed, 'false');
    assert.ok(!check.text.includes(sentence), `not repeated under "${check.name}"`);
  }
  const marked = await inEditor(hw, '[data-testid="python-error-line"]');
  assert.equal(marked?.line, '2', 'a SyntaxError marks its line too');

  // Our solution without its conclusion: that check fails, the others pass.
  const reference = await readFile(path.join(ROOT, 'exercises', SLUG, 'reference.py'), 'utf8');
  const withoutConclusion = reference.split('\n').filter((l) => !/use less memory/.test(l)).join('\n');
  await py.setText(withoutConclusion);
  assert.equal(await py.run(), 'done');
  assert.equal(await common.count(), 0, 'different reasons are said under each check');
  const order = (await py.checks()).map((c) => c.passed);
  assert.ok(order.includes('true') && order.includes('false'), `some pass, some fail: ${order}`);
  assert.deepEqual(order, [...order].sort((a, b) => (a === b ? 0 : a === 'false' ? -1 : 1)), `failing checks first: ${order}`);
  // Backticks in names and messages are code.
  const codeInMessages = await py.checkItems.evaluateAll((items) =>
    items.map((li) => [...li.querySelectorAll('code')].map((c) => c.textContent)).flat(),
  );
  assert.ok(codeInMessages.includes('SlottedPoint'), `code elements: ${codeInMessages.join(', ')}`);
  const text = await py.checkItems.evaluateAll((items) => items.map((li) => li.textContent).join('\n'));
  assert.ok(!text.includes('`'), 'no backtick is shown');
  hw.assertNoPageErrors();
});
