// Keeping and sharing the student's own code (issue 19, item 7):
// "Download .py" saves the editor's text; "Copy link with my code" puts
// it, compressed, in the link's fragment (no server sees it), refuses a
// program too long for a link in words, and such a link opens the editor
// with the code (the Python runtime waits for Run), asking first when the
// student has saved work of their own. A damaged link is reported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { HeapwisePage, registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel, isPythonFile } from './python-panel.mjs';

const app = useHeapwise();
const [slug] = await registrySlugs();
const KEY = `heapwise.python.v1.${slug}`;
const CODE = 'shared = [n * n for n in range(5)]\nprint("from the link:", shared)\n';
const MINE = 'print("my own work")\n';

const saved = (hw) => hw.page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').text ?? null, KEY);

/** Clicks "Copy link with my code"; returns the status's state and words. */
async function copyCodeLink(hw) {
  await hw.testId('python-copy-code-link').click();
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-share-status"]')?.getAttribute('data-state'));
  const status = hw.testId('python-share-status');
  return { state: await status.getAttribute('data-state'), said: await status.innerText() };
}

/** The text in the editor, once it equals `expected` (or what it is after 15 s). */
async function editorText(py, expected) {
  await py.page.waitForFunction(
    (expected) => {
      const host = document.querySelector('[data-testid="python-editor"]');
      const lines = [...(host?.shadowRoot ?? host)?.querySelectorAll('.cm-line') ?? []].map((l) => l.textContent);
      return lines.join('\n') === expected;
    },
    expected,
    { timeout: 15_000 },
  ).catch(() => {});
  return py.text();
}

test('Download .py saves exactly the editor\'s text', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.setText(CODE);
  const [download] = await Promise.all([hw.page.waitForEvent('download'), hw.testId('python-download').click()]);
  assert.equal(download.suggestedFilename(), `${slug}.py`);
  assert.equal(await readFile(await download.path(), 'utf8'), CODE);
  hw.assertNoPageErrors();
});

test('a link with my code: copied, then opened with and without saved work', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`, { permissions: ['clipboard-read', 'clipboard-write'] });
  const py = new PythonPanel(hw);
  await py.open();
  await py.setText(CODE);
  const result = await copyCodeLink(hw);
  assert.equal(result.state, 'copied', result.said);
  const link = new URL(await hw.page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(link.pathname, `/exercise/${slug}`);
  assert.match(link.hash, /^#code=[A-Za-z0-9_-]+$/, 'the code is in the fragment, base64url');
  assert.ok(!link.href.includes('shared'), 'compressed, not plain text');

  // The student goes on and saves other work; then opens the link in another tab.
  await py.setText(MINE);
  await hw.page.waitForFunction(([key, mine]) => JSON.parse(localStorage.getItem(key) ?? '{}').text === mine, [KEY, MINE]);
  const tab = new HeapwisePage(await hw.page.context().newPage(), hw.baseUrl);
  const requests = [];
  tab.page.on('request', (r) => requests.push(r.url()));
  await tab.goto(link.href);
  const other = new PythonPanel(tab);
  await tab.expectVisible(other.editable, 'the editor, opened by the link');
  await tab.expectVisible(tab.testId('python-link-code'), 'the question before replacing saved work');
  assert.equal(await editorText(other, MINE), MINE, 'nothing replaced before the answer');
  await tab.testId('python-load-link-code').click();
  assert.equal(await editorText(other, CODE), CODE, 'the link\'s code, once asked');
  assert.equal(await saved(tab), CODE);
  assert.equal(new URL(tab.page.url()).hash, '', 'the fragment is taken off the address');
  assert.equal(await other.status.getAttribute('data-state'), 'idle', 'Python is not loaded for a link: Run loads it');
  assert.match(await other.status.innerText(), /not downloaded yet.*\d.*MiB.*offline/s);
  assert.deepEqual(requests.filter(isPythonFile).filter((u) => /pyodide|manifest/.test(u)), [], 'no runtime file requested');
  await other.editable.click();
  await tab.page.keyboard.press('Control+z');
  assert.equal(await editorText(other, MINE), MINE, 'Ctrl+Z brings the student\'s text back');

  // Keep my text: the link's code is not loaded.
  await tab.goto('/');
  await tab.goto(link.href);
  await tab.expectVisible(tab.testId('python-link-code'), 'the question again');
  await tab.testId('python-keep-saved').click();
  assert.equal(await tab.testId('python-link-code').count(), 0);
  assert.equal(await editorText(other, MINE), MINE, 'kept');
  tab.assertNoPageErrors();

  // Where nothing is saved, the code is loaded at once, and Run runs it.
  const fresh = await app.open(t, link.href);
  const third = new PythonPanel(fresh);
  await fresh.expectVisible(third.editable, 'the editor, opened by the link');
  assert.equal(await editorText(third, CODE), CODE);
  assert.equal(await fresh.testId('python-link-code').count(), 0, 'nothing to ask');
  await fresh.expectVisible(third.notice, 'a notice saying where the code came from');
  assert.match(await third.notice.innerText(), /code from the link/);
  assert.equal(await third.run(), 'done');
  assert.match(await third.consoleText(), /from the link: \[0, 1, 4, 9, 16\]/);
  fresh.assertNoPageErrors();
  hw.assertNoPageErrors();
});

test('a program too long for a link is refused in words; a damaged link is reported', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`, { permissions: ['clipboard-read', 'clipboard-write'] });
  const py = new PythonPanel(hw);
  await py.open();
  // 12,000 characters that do not compress: more than a link carries.
  let seed = 7;
  const noise = Array.from({ length: 12_000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[seed % 62];
  }).join('');
  await py.setText(`# ${noise}\nprint(1)\n`);
  const result = await copyCodeLink(hw);
  assert.equal(result.state, 'too-long');
  assert.match(result.said, /too long for a link.*at most 8,000.*Download \.py/s);
  assert.equal(await hw.testId('python-code-link').count(), 0);

  const damaged = await app.open(t, `/exercise/${slug}#code=not-a-real-link`);
  const other = new PythonPanel(damaged);
  await damaged.expectVisible(other.notice, 'the notice about the damaged link');
  assert.match(await other.notice.innerText(), /could not be read/);
  assert.equal(await damaged.testId('python-link-code').count(), 0);
  damaged.assertNoPageErrors();
  hw.assertNoPageErrors();
});
