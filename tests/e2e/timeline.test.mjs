// The timeline chart keeps all its text inside the page (its labels are
// HTML beside the drawing, not clipped SVG text) and has a data table as
// its text alternative (aria-describedby), whose numbers match the chart:
// each line's peak equals the variant's measured peak.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

for (const width of [1440, 1024, 375]) {
  test(`live-monitor's timeline at ${width} px: peaks, table, nothing clipped`, async (t) => {
    const hw = await app.open(t, '/exercise/live-monitor', { viewport: { width, height: 900 } });
    await hw.runExpectingDone();
    const lines = hw.testId('timeline');
    assert.ok((await lines.count()) >= 2, 'a line per variant');
    for (const line of await lines.all()) {
      const variant = await line.getAttribute('data-variant');
      assert.equal(Number(await line.getAttribute('data-peak-bytes')), await hw.figure(variant, 'peak_bytes'), `${variant}: the line's peak is the measured peak`);
    }
    const described = await hw.page.evaluate(() => {
      const svg = document.querySelector('[data-testid="timeline"]').closest('svg');
      return (svg.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.tagName);
    });
    assert.ok(described.includes('TABLE'), `the chart is described by a table (${described})`);
    const table = hw.testId('timeline-table');
    assert.equal(await table.locator('tbody tr').count(), 10, 'a row per tenth of the run');
    const clipped = await hw.page.evaluate(() => {
      const figure = document.querySelector('[data-testid="timeline"]').closest('figure').getBoundingClientRect();
      return [...document.querySelectorAll('figure.timeline svg text')].length +
        (figure.right > document.documentElement.clientWidth ? 1 : 0);
    });
    assert.equal(clipped, 0, 'no text inside the drawing, and the figure fits the page');
    await hw.screenshot(`timeline-${width}`);
    hw.assertNoPageErrors();
  });
}
