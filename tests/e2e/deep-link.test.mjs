// A shared link restores the parameters it carries, and a run uses them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { mismatches } from './expected.mjs';

const app = useHeapwise();

test('/exercise/slots-vs-dict?n=1234 restores n=1234 and runs with it', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?n=1234');
  await hw.expectVisible(hw.title, 'the exercise title');
  assert.equal(await hw.param('n').inputValue(), '1234');
  assert.equal(await hw.notice.count(), 0, 'a valid link shows no notice');

  await hw.runExpectingDone();
  const figures = await hw.figures();
  assert.equal(await hw.figure('optimized', 'peak_bytes'), 24 * 1234);
  assert.deepEqual(mismatches('slots-vs-dict', { n: 1234 }, await hw.pointerBytes(), figures), []);
  hw.assertNoPageErrors();
});
