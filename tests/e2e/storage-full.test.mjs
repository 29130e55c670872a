// Saved means saved: with the browser's local storage full, the Python panel
// says the student's text is not saved and offers it as a file, and solving
// says it could not be stored, instead of "Saved in your progress". When
// storage frees up, the next change is saved and the warning goes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel, PY_TIMEOUT } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';

/**
 * Fills this origin's local storage to its quota with junk keys, and makes
 * every later write refuse as a full storage does (Chromium may still accept
 * a write that replaces a key with one of the same length).
 */
async function fillStorage(page) {
  return page.evaluate(() => {
    let keys = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`junk.${keys}`, 'x'.repeat(size));
          keys += 1;
        } catch {
          break;
        }
      }
    }
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function refuse() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    return keys;
  });
}

test('with storage full, the text is offered as a file and Solved says it was not stored', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  assert.ok((await fillStorage(hw.page)) > 0, 'local storage took some junk before it was full');

  const text = '# my own attempt\nprint("kept")\n';
  await py.setText(text);
  const unsaved = hw.testId('python-unsaved');
  await hw.expectVisible(unsaved, 'the not-saved warning');
  const [download] = await Promise.all([
    hw.page.waitForEvent('download'),
    hw.testId('python-download-unsaved').click(),
  ]);
  assert.equal(download.suggestedFilename(), `${SLUG}.py`);
  const saved = await download.createReadStream();
  let body = '';
  for await (const chunk of saved) body += chunk;
  assert.equal(body, text, 'the downloaded file is the text in the editor');

  await py.loadSolution();
  await py.run();
  await hw.expectVisible(py.solved, 'the solved banner', PY_TIMEOUT);
  await hw.page.waitForFunction(
    () => document.querySelector('[data-testid="python-solved"]')?.getAttribute('data-saved') !== 'pending',
  );
  assert.equal(await py.solved.getAttribute('data-saved'), 'false', 'the solved mark is not claimed as saved');
  assert.match(await py.solved.textContent(), /Not saved in your progress/);

  await hw.page.evaluate(() => {
    Storage.prototype.setItem = window.__realSetItem;
    for (const key of Object.keys(localStorage)) if (key.startsWith('junk.')) localStorage.removeItem(key);
  });
  await py.setText('print("saved now")\n');
  await unsaved.waitFor({ state: 'detached' });
  const stored = await hw.page.evaluate((slug) => localStorage.getItem(`heapwise.python.v1.${slug}`), SLUG);
  assert.match(stored ?? '', /saved now/, 'once storage has room, the text is saved again');
  hw.assertNoPageErrors();
});
