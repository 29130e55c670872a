// Hints are revealed one at a time, each click showing exactly one more.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test('hints reveal one at a time until all are shown', async (t) => {
  const [slug] = await registrySlugs();
  const hw = await app.open(t, `/exercise/${slug}`);
  await hw.expectVisible(hw.revealHintButton, 'the reveal-hint button');
  assert.equal(await hw.hintCount(), 0, 'no hint is shown before asking');

  let shown = 0;
  while ((await hw.revealHintButton.count()) > 0 && (await hw.revealHintButton.isEnabled())) {
    await hw.revealHint();
    shown += 1;
    await hw.hints.nth(shown - 1).waitFor({ state: 'visible' });
    assert.equal(await hw.hintCount(), shown, `after ${shown} click(s)`);
    assert.ok(shown <= 20, 'the reveal-hint button goes away once every hint is shown');
  }
  assert.ok(shown >= 1, 'the exercise has at least one hint');
  for (let i = 0; i < shown; i++) {
    assert.notEqual((await hw.hints.nth(i).innerText()).trim(), '', `hint ${i + 1} has text`);
  }
  hw.assertNoPageErrors();
});
