// A run queued while another exercise's run is dying of its memory limit
// gets its own answer: the dying run is the one reported as out of memory,
// and the queued run goes to the fresh worker and is measured. (Before the
// bridge kept a queue, the queued request overwrote the one in flight and
// was blamed for its death.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test('a run queued behind one that runs out of memory is measured, not blamed', async (t) => {
  // 1,000,000 records of 5 fields need far more than 160 MiB: this run dies.
  const hw = await app.open(t, '/exercise/slots-at-scale?n=1000000&fields=5&limit_mib=160');
  await hw.expectVisible(hw.runButton, 'the run button');
  // All in the page, so the second run is queued while the first is still
  // running: start the doomed run, follow a client-side route to another
  // exercise (as its link would), and press Run there.
  const seen = await hw.page.evaluate(async () => {
    const byId = (id) => document.querySelector(`[data-testid="${id}"]`);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    byId('run-button').click();
    while (byId('run-status')?.getAttribute('data-state') !== 'running') await tick();
    const firstWhenLeaving = byId('run-status').getAttribute('data-state');
    history.pushState({}, '', '/exercise/slots-vs-dict');
    dispatchEvent(new PopStateEvent('popstate'));
    while (!byId('param-n') || byId('param-n').value !== '10000') await tick();
    byId('run-button').click();
    return { firstWhenLeaving };
  });
  assert.equal(seen.firstWhenLeaving, 'running', 'the first run was still running when the second was queued');

  await hw.page.waitForFunction(
    () => ['done', 'failed'].includes(document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state')),
    null,
    { timeout: 120_000 },
  );
  const error = (await hw.runError.count()) ? await hw.runError.innerText() : '';
  assert.equal(await hw.runState(), 'done', `the queued run was measured (run error: ${error})`);
  assert.equal(await hw.figure('optimized', 'peak_bytes'), 24 * 10000, 'with its own parameters');
  assert.equal(await hw.checksumsAgree(), true);
  hw.assertNoPageErrors();
});
