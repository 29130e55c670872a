// A link with a parameter out of range does not break the page: it says so
// in a notice, falls back to a valid value, and runs. Typing an invalid
// value shows that field's error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test('?n=999999999 shows the notice and leaves a usable page', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?n=999999999');
  await hw.expectVisible(hw.notice, 'the notice about the bad parameter');
  await hw.expectVisible(hw.title, 'the exercise title');

  const { n } = await hw.params();
  const value = Number(n.value);
  assert.ok(Number(n.min) <= value && value <= Number(n.max), `n=${n.value} is within [${n.min}, ${n.max}]`);

  await hw.runExpectingDone();
  assert.equal(await hw.checksumsAgree(), true);
  hw.assertNoPageErrors();
});

test('typing a value above max shows the field error, a valid one clears it', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict');
  const { n } = await hw.params();
  await hw.setParam('n', Number(n.max) + 1);
  await hw.expectVisible(hw.paramError('n'), 'the error of field n');
  await hw.setParam('n', n.min);
  await hw.paramError('n').waitFor({ state: 'detached' });
  hw.assertNoPageErrors();
});
