// Work found again (issue 28, item 6). A student who wrote Python for an
// exercise and comes back (a reload, or from the catalogue) finds the
// Python panel open at the editor with their text, and a line saying so;
// the runtime is not downloaded until they run. Their card in the
// catalogue says "started"; an exercise never touched says nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel, isRuntimeFile } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'generator-vs-list';
const MINE = '# my own attempt\nsquares = [n * n for n in range(10)]\nprint(sum(squares))\n';

for (const [width, height] of [[1440, 900], [375, 812]]) {
  test(`${width} px: a reload reopens saved work at the editor, and the card says started`, async (t) => {
    const hw = await app.open(t, `/exercise/${SLUG}`, { viewport: { width, height }, ...(width < 1024 ? { isMobile: true, hasTouch: true } : {}) });
    const py = new PythonPanel(hw);
    assert.equal(await py.editable.count(), 0, 'no saved work: the panel starts closed');
    await py.open();
    // Opening the panel starts Python's download and first worker: let it
    // finish, so that the files counted below are only the reloaded page's
    // (on a loaded machine the worker's last fetches came after the listener
    // was added, before the reload).
    await py.ready();
    await py.setText(MINE);
    await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-saved"]')?.getAttribute('data-state') === 'saved', null, { timeout: 10_000 }).catch(() => {});

    const runtimeFiles = [];
    hw.page.on('request', (request) => {
      if (isRuntimeFile(request.url()) && !/\/python\/editor\.js/.test(request.url())) runtimeFiles.push(request.url());
    });
    await hw.page.reload();
    await hw.expectVisible(py.editable, 'the editor, opened by itself', 30_000);
    assert.equal((await py.text()).split('\n')[0], '# my own attempt', 'with the saved text');
    await hw.expectVisible(py.notice, 'the notice');
    assert.match(await py.notice.innerText(), /back in the editor/);
    // Brought into view: the editor's top is on the screen.
    await hw.page.waitForFunction(() => {
      const r = document.querySelector('[data-testid="python-editor"]').getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight - 100;
    }, null, { timeout: 10_000 });
    const focused = await hw.page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="python-editor"]')));
    assert.equal(focused, false, 'the focus is not taken');
    await hw.page.waitForTimeout(500);
    assert.deepEqual(runtimeFiles, [], 'Python is not downloaded before Run');

    await hw.goto('/');
    await hw.catalogueSlugs();
    const card = hw.exerciseCard(SLUG);
    assert.equal(await card.getAttribute('data-progress'), 'started', 'the card of the exercise with saved Python');
    assert.equal((await card.locator('[data-testid="card-state"]').textContent()).trim(), 'started');
    const other = hw.exerciseCard('slots-vs-dict');
    assert.equal(await other.getAttribute('data-progress'), 'new', 'an exercise never touched');
    hw.assertNoPageErrors();
  });
}
