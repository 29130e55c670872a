// Readable code where the editor is narrow (issue 28, item 4). On a phone a
// long line wraps, and its continuation starts right of the line's own
// indentation (a hanging indent), never at column 0, where it would read
// as dedented Python; the memory gutter takes no width until a run has
// marks to show in it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();

const PROGRAM = [
  'def total(rows):',
  '    grand_total_of_all_rows = sum(row_value for row_value in rows if row_value is not None and row_value > 0)',
  '    return grand_total_of_all_rows',
  'n = 1',
  'data = [bytes(1000) for _ in range(2000)]',
  'print(total([1, 2, 3]))',
  'def best(step):',
  '    for _ in range(3):',
  '        for _ in range(3):',
  '            fastest_so_far = min(fastest_so_far, time.perf_counter() - started_at, other.attribute)',
].join('\n') + '\n';

/** The rows (tops of its characters' boxes) that the text `word` on editor line `n` takes. */
const rowsOf = (hw, n, word) =>
  hw.testId('python-editor').evaluate((host, [n, word]) => {
    const root = host.shadowRoot ?? host;
    const line = root.querySelectorAll('.cm-line')[n - 1];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const chars = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) chars.push([node, i]);
    }
    const text = chars.map(([node, i]) => node.data[i]).join('');
    const start = text.indexOf(word);
    const tops = new Set();
    for (const [node, i] of chars.slice(start, start + word.length)) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      tops.add(Math.round(range.getBoundingClientRect().top));
    }
    return [...tops];
  }, [n, word]);

/**
 * For editor line `n` (1-based): x of its first non-space character, the
 * top of its first row, and the x where its second row starts (null when
 * it does not wrap).
 */
const rows = (hw, n) =>
  hw.testId('python-editor').evaluate((host, n) => {
    const root = host.shadowRoot ?? host;
    const line = root.querySelectorAll('.cm-line')[n - 1];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const chars = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) chars.push([node, i]);
    }
    const rect = ([node, i]) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    const firstText = chars.find(([node, i]) => node.data[i] !== ' ');
    const first = rect(firstText);
    const next = chars.map(rect).find((r) => r.width > 0 && r.top > first.top + first.height / 2);
    const lineLeft = line.getBoundingClientRect().left;
    return { indentX: Math.round(first.left - lineLeft), continuationX: next ? Math.round(next.left - lineLeft) : null, charWidth: first.width };
  }, n);

const gutterWidth = (hw) =>
  hw.testId('python-editor').evaluate((host) => (host.shadowRoot ?? host).querySelector('.hw-mem-gutter')?.getBoundingClientRect().width ?? 0);

test('375 px: a wrapped line continues at its own indentation; no memory gutter before marks', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const py = new PythonPanel(hw);
  await py.open();
  await py.setText(PROGRAM);
  assert.ok((await gutterWidth(hw)) <= 1, `no gutter width before any run: ${await gutterWidth(hw)} px`);

  const indented = await rows(hw, 2);
  assert.ok(indented.continuationX !== null, 'line 2 wraps at 375 px');
  assert.ok(indented.continuationX > indented.indentX, `line 2's continuation (x ${indented.continuationX}) is right of its indentation (x ${indented.indentX})`);
  assert.ok(indented.indentX < 5 * indented.charWidth + 8, `its first row holds its first word, not only its indentation: ${JSON.stringify(indented)}`);
  const top = await rows(hw, 5);
  assert.ok(top.continuationX === null || top.continuationX > top.indentX, `an unindented line's continuation is indented: ${JSON.stringify(top)}`);
  const short = await rows(hw, 4);
  assert.equal(short.continuationX, null, 'a short line does not wrap');
  // A deeply indented line leaves a short row: it breaks at a dot or a
  // bracket, never inside a name.
  assert.ok((await rows(hw, 10)).continuationX !== null, 'line 10 wraps at 375 px');
  for (const name of ['perf_counter', 'fastest_so_far', 'started_at', 'attribute']) {
    const tops = await rowsOf(hw, 10, name);
    assert.equal(tops.length, 1, `${name} on line 10 is on one row, not cut: rows at ${tops}`);
  }

  await py.ready();
  assert.equal(await py.run(), 'done');
  await hw.page.waitForFunction(() => {
    const host = document.querySelector('[data-testid="python-editor"]');
    return (host.shadowRoot ?? host).querySelector('[data-testid="python-gutter-memory"]');
  }, null, { timeout: 10_000 });
  // On a phone the marks are bars only, so the code keeps its width.
  const opened = await gutterWidth(hw);
  assert.ok(opened > 15 && opened <= 40, `the gutter opens for the run's marks, as bars only: ${opened} px`);
  const shown = await hw.testId('python-editor').evaluate((host) => [...(host.shadowRoot ?? host).querySelectorAll('[data-testid="python-gutter-memory"]')]
    .map((mark) => ({ text: getComputedStyle(mark.querySelector('.hw-mem-text')).display, bar: mark.querySelector('.hw-mem-bar').getBoundingClientRect().width })));
  assert.ok(shown.length > 0 && shown.every((m) => m.text === 'none' && m.bar >= 1), `bars without figures: ${JSON.stringify(shown)}`);
  // The hanging indent holds with the gutter there.
  const after = await rows(hw, 2);
  assert.ok(after.continuationX > after.indentX && after.indentX < 5 * after.charWidth + 8, `still hanging, first word on the first row: ${JSON.stringify(after)}`);
  hw.assertNoPageErrors();
});
