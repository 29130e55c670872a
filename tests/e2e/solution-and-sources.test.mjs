// The solution and the explanation appear on request; every exercise page
// shows the Rust source that runs, and (with the solution, or wherever the
// page puts them) the Python reference program and what it printed, on
// every interpreter recorded, each line that differs with why.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
    // One item per line of reference.out after the interpreter's; every
    // line that reads otherwise somewhere says why.
    const reference = readFileSync(new URL(`../../exercises/${slug}/reference.out`, import.meta.url), 'utf8');
    const lines = reference.trimEnd().split('\n').length - 1;
    assert.equal(await hw.page.locator('[data-testid="recordings"] > li').count(), lines, 'a line of the comparison per printed line');
    const differs = hw.testId('recordings-differs');
    assert.ok((await differs.count()) > 0, 'some line differs between 64-bit CPython and the page (32-bit)');
    for (const item of await differs.all()) {
      assert.notEqual((await item.locator('.why').first().innerText()).trim(), '', 'a line that differs says why');
    }
    assert.match(await hw.testId('recordings').innerText(), /Pyodide 3\.14 \(this page\)/);
    hw.assertNoPageErrors();
  });
}
