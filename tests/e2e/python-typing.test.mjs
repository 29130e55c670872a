// The editor types like an editor (issue 19, item 2), checked the way a
// student types: key by key at human speed, pausing after a name long
// enough for a completion popup to have opened (the review's 0.4 s), and
// fixing each new line's indentation by hand as a student would (Backspace
// to dedent, Tab to indent). The saved text must be exactly the program
// typed: Enter makes a new line, no suggestion is taken, no bracket or
// quote is added. Also: Tab indents only with a selection or at a line's
// start, tabbing into the editor and on does not indent line 1, Escape then
// Tab leaves, Ctrl+Enter runs from anywhere in the panel and focus stays on
// Run, the editor's focus ring, and long lines wrapping at 375 px.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const [slug] = await registrySlugs();
const KEY = `heapwise.python.v1.${slug}`;

/** The program, as [indent level, text] lines; `return peak` is where completion once made `peak_bytes`. */
const PROGRAM = [
  [0, 'class Point:'],
  [1, 'def __init__(self, x, y):'],
  [2, 'self.x = x'],
  [2, 'self.y = y'],
  [0, ''],
  [0, 'def peak(values):'],
  [1, 'peak_bytes = 0'],
  [1, 'for v in values:'],
  [2, 'if v > peak_bytes:'],
  [3, 'peak_bytes = v'],
  [2, 'else:'],
  [3, 'pass'],
  [1, 'return peak_bytes'],
  [0, ''],
  [0, 'def first(points):'],
  [1, 'peak = points[0].x'],
  [1, 'return peak'],
  [0, ''],
  [0, 'print(first([Point(4, 2)]), peak([3, 9, 2]), "it\'s (done)")'],
];
const EXPECTED = PROGRAM.map(([level, text]) => (text ? ' '.repeat(4 * level) + text : '')).join('\n') + '\n';

/** The saved text (the panel saves every change): exact, whatever the editor draws. */
const saved = (hw) => hw.page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').text ?? null, KEY);

/** The text of the line the cursor is on (CodeMirror marks it .cm-activeLine). */
const activeLine = (py) => py.editor.locator('.cm-activeLine').first().textContent();

const inEditor = (hw) => hw.page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="python-editor"]')));
const focusedTestId = (hw) => hw.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

test('typed at human speed, the program is exactly what was typed; Tab, Esc+Tab, Ctrl+Enter, focus ring, wrapping', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`, { viewport: { width: 1440, height: 900 } });
  const py = new PythonPanel(hw);
  await py.open();
  const keys = hw.page.keyboard;

  await t.test('every line as typed: Enter never takes a suggestion, nothing is added', async () => {
    await py.editable.click();
    await keys.press('Control+a');
    await keys.press('Delete');
    await hw.page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').text === '', KEY);
    for (const [i, [level, text]] of PROGRAM.entries()) {
      if (i > 0) {
        await keys.press('Enter');
        // The student looks at where the cursor went and fixes the indentation.
        const have = (await activeLine(py)).length;
        const want = text ? 4 * level : 0;
        for (let n = have; n > want; n -= 4) await keys.press('Backspace');
        for (let n = have; n < want; n += 4) await keys.press('Tab');
      }
      await keys.type(text, { delay: 110 });
      // A pause after a name: long enough for a popup to open while typing.
      if (/\w$/.test(text)) {
        await hw.page.waitForTimeout(500);
        assert.equal(await py.editor.locator('.cm-tooltip-autocomplete').count(), 0, `no completion popup opened by itself after "${text}"`);
      }
    }
    await keys.press('Enter');
    await hw.page.waitForFunction(([key, expected]) => JSON.parse(localStorage.getItem(key) ?? '{}').text === expected, [KEY, EXPECTED], { timeout: 15_000 }).catch(() => {});
    assert.equal(await saved(hw), EXPECTED, 'the editor holds exactly the program typed');

    // Completion is still there when asked for (Ctrl+Space), and Escape leaves the text alone.
    await keys.type('pea', { delay: 110 });
    await keys.press('Control+Space');
    await hw.expectVisible(py.editor.locator('.cm-tooltip-autocomplete'), 'the completions asked for with Ctrl+Space');
    await keys.press('Escape');
    await keys.press('Enter');
    assert.equal(await saved(hw), `${EXPECTED}pea\n`, 'Escape closed the list; Enter made a new line');
    for (let n = 0; n < 4; n++) await keys.press('Backspace');
    assert.equal(await saved(hw), EXPECTED);
  });

  await t.test('Tab indents only with a selection or at a line\'s start; tabbing through never edits', async () => {
    const before = await saved(hw);
    // Arrive by keyboard from the control before the editor, then Tab on: nothing changes.
    await py.editable.click();
    await keys.press('Control+Home');
    await keys.press('Escape');
    await keys.press('Shift+Tab');
    assert.equal(await inEditor(hw), false, 'Escape then Shift+Tab leaves backwards');
    await keys.press('Tab');
    assert.equal(await inEditor(hw), true, 'Tab reaches the editor');
    await keys.press('Tab');
    assert.equal(await inEditor(hw), false, 'a second Tab moves on');
    assert.equal(await saved(hw), before, 'tabbing through the editor did not indent line 1');

    // Typing in it: Tab after text moves on, Tab at a line's start indents.
    await py.editable.click();
    await keys.press('Control+Home');
    await keys.press('End');
    await keys.press('Tab');
    assert.equal(await inEditor(hw), false, 'Tab after the text of a line moves on');
    assert.equal(await saved(hw), before);
    await py.editable.click();
    await keys.press('Control+Home');
    await keys.press('Tab');
    assert.equal(await inEditor(hw), true, 'Tab at the start of a line stays');
    assert.ok((await saved(hw)).startsWith('    class Point:'), 'and indents it');
    await keys.press('Shift+Tab');
    assert.equal(await saved(hw), before, 'Shift+Tab there dedents');
    // A selection of two lines: Tab indents both, Shift+Tab undoes it.
    await keys.press('Shift+ArrowDown');
    await keys.press('Shift+ArrowDown');
    await keys.press('Tab');
    assert.ok((await saved(hw)).startsWith('    class Point:\n        def __init__'), 'the selected lines are indented');
    await keys.press('Shift+Tab');
    assert.equal(await saved(hw), before);
    // Escape then Tab leaves even at a line's start.
    await keys.press('Control+Home');
    await keys.press('Escape');
    await keys.press('Tab');
    assert.equal(await inEditor(hw), false, 'Escape then Tab leaves the editor');
    assert.equal(await saved(hw), before);
  });

  await t.test('the editor\'s focus ring is strong', async () => {
    await py.editable.click();
    const ring = await py.editor.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.equal(ring.style, 'solid', 'the focused editor has an outline');
    assert.ok(ring.width >= 3, `at least 3 px (${ring.width})`);
    await mkdir(ARTIFACTS, { recursive: true });
    await py.editor.screenshot({ path: path.join(ARTIFACTS, 'python-editor-focused.png') });
  });

  await t.test('Ctrl+Enter runs from anywhere in the panel; Run keeps the focus', async () => {
    await py.ready();
    assert.equal(await py.run(), 'done', 'Run Python (clicked) runs');
    assert.equal(await focusedTestId(hw), 'python-run', 'focus stays on Run Python through the run');
    assert.match(await py.consoleText(), /4 9 it's \(done\)/, 'the program typed ran as typed');
    assert.equal(await py.run({ start: () => keys.press('Control+Enter') }), 'done', 'Ctrl+Enter with focus on Run Python runs');
    await py.console.focus();
    assert.equal(await py.run({ start: () => keys.press('Control+Enter') }), 'done', 'Ctrl+Enter from the output runs');
    await py.editable.click();
    assert.equal(await py.run({ start: () => keys.press('Control+Enter') }), 'done', 'Ctrl+Enter in the editor runs');
    assert.equal(await saved(hw), EXPECTED, 'running changed nothing in the text');
  });

  await t.test('long lines wrap where the editor is narrow (375 and 1024 px)', async () => {
    // The program's last line is 64 characters; add one of 79.
    await py.editable.click();
    await keys.press('Control+End');
    await keys.type(`# ${'x'.repeat(77)}`);
    for (const width of [375, 1024]) {
      await hw.page.setViewportSize({ width, height: width === 375 ? 812 : 768 });
      await py.editor.scrollIntoViewIfNeeded();
      await hw.page.waitForTimeout(200);
      const fit = await py.editor.locator('.cm-scroller').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(fit.scroll <= fit.client + 1, `no sideways scrolling in the editor at ${width} px (${fit.scroll} > ${fit.client})`);
      assert.equal(await py.editor.locator('.cm-content').evaluate((el) => el.classList.contains('cm-lineWrapping')), true, `wrapped at ${width} px`);
    }
    await hw.page.setViewportSize({ width: 1440, height: 900 });
    for (let n = 0; n < 79; n++) await keys.press('Backspace');
    assert.equal(await saved(hw), EXPECTED);
  });
  hw.assertNoPageErrors();
});
