// limit_mib caps the worker's heap: a run that needs more fails with a
// message instead of hanging or killing the page, and the next run (with
// parameters that fit) works again, on a fresh worker.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test('a run over limit_mib fails with a message, then a smaller run works', async (t) => {
  // 100,000 points: even the optimized variant needs 2.4 MB, over 1 MiB.
  const hw = await app.open(t, '/exercise/slots-vs-dict?n=100000&limit_mib=1');
  await hw.expectVisible(hw.title, 'the exercise title');

  assert.equal(await hw.run(), 'failed', 'the run ends in data-state=failed');
  await hw.expectVisible(hw.runError, 'the run error');
  assert.notEqual((await hw.runError.innerText()).trim(), '', 'the run error says something');
  await hw.screenshot('memory-limit-failed');

  // Same page, same limit: 1,000 points fit easily in 1 MiB.
  await hw.setParam('n', 1000);
  await hw.runExpectingDone();
  assert.equal(await hw.runError.count(), 0, 'the error is gone after a good run');
  assert.equal(await hw.figure('optimized', 'peak_bytes'), 24 * 1000);
  assert.equal(await hw.checksumsAgree(), true);

  // And a fresh load without the limit runs the large case.
  await hw.goto('/exercise/slots-vs-dict?n=100000');
  await hw.runExpectingDone();
  assert.equal(await hw.figure('optimized', 'peak_bytes'), 24 * 100000);
  hw.assertNoPageErrors();
});
