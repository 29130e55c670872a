// What the panel takes besides typing, and what it says about what it does
// not take: a .py file too large says so with the limit (not "storage
// full?"), a UTF-16 file is converted and says so, a file in another
// encoding is refused in words; the time-limit field says what it used for
// a value it did not take. (The sentences themselves are made by
// www/python/panel.js, loaded when the panel opens, and tested in Node by
// tests/python/panel.test.mjs; here, that they reach the student.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';
const KEY = `heapwise.python.v1.${SLUG}`;
const MINE = 'print("mine, before any file")\n';

const saved = (hw) => hw.page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').text ?? null, KEY);

async function panel(t) {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.setText(MINE);
  await hw.page.waitForFunction(([key, mine]) => JSON.parse(localStorage.getItem(key) ?? '{}').text === mine, [KEY, MINE]);
  return { hw, py };
}

async function choose(py, name, buffer) {
  await py.fileInput.setInputFiles({ name, mimeType: 'text/x-python', buffer });
  await py.hw.expectVisible(py.notice, `the notice after opening ${name}`);
  return py.notice.innerText();
}

test('a .py file too large, or not UTF-8, is refused in words and the text stays', async (t) => {
  const { hw, py } = await panel(t);

  const big = Buffer.alloc(5 * 1024 * 1024, '# a long comment line\n');
  const said = await choose(py, 'big.py', big);
  assert.match(said, /“big\.py” was not opened: it is 5\.00 MiB \(5,242,880 bytes\), and the editor opens files of at most 1\.00 MiB\./);
  assert.doesNotMatch(said, /storage|full/i);
  assert.equal(await hw.testId('python-unsaved').count(), 0, 'no not-saved warning');
  assert.equal(await saved(hw), MINE, 'the saved text is unchanged');
  assert.match(await py.text(), /mine, before any file/);

  const latin1 = Buffer.from('# café\nprint("caf\xe9")\n', 'latin1');
  const refused = await choose(py, 'latin1.py', latin1);
  assert.match(refused, /“latin1\.py” was not opened: it is not UTF-8 text: line 1, character 6 is the byte 0xE9/);
  assert.match(refused, /Save it as UTF-8/);
  assert.equal(await saved(hw), MINE);
  hw.assertNoPageErrors();
});

test('a UTF-16 .py with a byte-order mark is converted, and the panel says so', async (t) => {
  const { hw, py } = await panel(t);
  const text = 'name = "naïve 🐍"\nprint(name)\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const said = await choose(py, 'windows.py', utf16);
  assert.match(said, /Loaded windows\.py \(converted from UTF-16 \(little-endian\)\) into the editor/);
  await hw.page.waitForFunction(([key, want]) => JSON.parse(localStorage.getItem(key) ?? '{}').text === want, [KEY, text]);
  assert.match(await py.text(), /naïve 🐍/);
  hw.assertNoPageErrors();
});

test('the time-limit field says what it used for a value it did not take', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  // Opening the panel puts the focus in the editor once it is there: typing starts after that.
  await hw.page.waitForFunction(() => Boolean(document.activeElement?.closest('[data-testid="python-editor"]')));
  const note = hw.testId('python-time-limit-note');
  const rule = '(the time limit is a whole number of seconds from 1 to 600).';
  const cases = [
    ['-5', '60', `-5 s is less than 1 s: 60 s used ${rule}`],
    ['1e9', '600', `1e9 s is longer than the longest time limit: 600 s used ${rule}`],
    ['2.5', '3', `2.5 s is not a whole number of seconds: 3 s used ${rule}`],
    ['abc', '3', `“abc” is not a number of seconds: 3 s used ${rule}`],
  ];
  for (const [typed, used, words] of cases) {
    await py.timeLimit.fill(typed);
    await py.timeLimit.press('Tab');
    await hw.page.waitForFunction((w) => document.querySelector('[data-testid="python-time-limit-note"]')?.textContent === w, words);
    assert.equal(await py.timeLimit.inputValue(), used, `the field shows what is used after ${typed}`);
  }
  // A value it takes clears the note back to the rule.
  await py.timeLimit.fill('45');
  await py.timeLimit.press('Tab');
  await hw.page.waitForFunction(() => /^The time limit is a whole number/.test(document.querySelector('[data-testid="python-time-limit-note"]')?.textContent ?? ''));
  assert.equal(await note.getAttribute('role'), 'status');
  hw.assertNoPageErrors();
});
