// The solution and the explanation appear on request; every exercise page
// shows the Rust source that runs, and (with the solution, or wherever the
// page puts them) the Python reference program and what it printed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const slugs = await registrySlugs();

test('the solution and the explanation are shown on request', async (t) => {
  const hw = await app.open(t, `/exercise/${slugs[0]}`);
  await hw.expectVisible(hw.title, 'the exercise title');
  assert.equal(await hw.testId('solution').count(), 0, 'the solution is hidden at first');
  assert.notEqual((await hw.show('show-solution', 'solution')).trim(), '');
  assert.notEqual((await hw.show('show-explanation', 'explanation')).trim(), '');
  hw.assertNoPageErrors();
});

for (const slug of slugs) {
  test(`${slug} shows its Rust source, Python program and Python output`, async (t) => {
    const hw = await app.open(t, `/exercise/${slug}`);
    assert.notEqual((await hw.text('rust-source')).trim(), '', '[data-testid=rust-source] has text');
    if (!(await hw.testId('python-source').first().isVisible())) {
      await hw.show('show-solution', 'solution');
    }
    for (const id of ['python-source', 'python-output']) {
      assert.notEqual((await hw.text(id)).trim(), '', `[data-testid=${id}] has text`);
    }
    hw.assertNoPageErrors();
  });
}
