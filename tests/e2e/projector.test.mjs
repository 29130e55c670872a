// On a 1024×768 projector the page is one column and a run's chart would
// land below the fold: after Run it is brought into view (instantly when
// the student asks for reduced motion), while focus stays on Run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`after Run at 1024×768 the chart is in view (reduced motion: ${reducedMotion})`, async (t) => {
    const hw = await app.open(t, '/exercise/slots-vs-dict', { viewport: { width: 1024, height: 768 }, reducedMotion });
    await hw.runExpectingDone();
    const inView = () =>
      hw.page.evaluate(() => {
        const box = document.querySelector('[data-testid="chart"]').getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight + 1; // scroll offsets are whole pixels
      });
    // A smooth scroll takes a moment; an instant one is done at once.
    await hw.page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="chart"]').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight + 1; // scroll offsets are whole pixels
    }, null, { timeout: reducedMotion === 'reduce' ? 500 : 3000 });
    assert.equal(await inView(), true);
    assert.equal(await hw.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'run-button');
    hw.assertNoPageErrors();
  });
}
