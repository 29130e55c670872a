// On a 375 px phone the exercise pages fit: no horizontal scrolling, the
// parameters and their bounds inside their card, and chart text of 12 CSS
// px or more. Checked after a run on pages with one and with three
// parameters, a timeline, and allocation-site snapshots.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** Everything that sticks out of the viewport or its card, and every chart text's size on screen. */
function measure() {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push(`document is ${document.documentElement.scrollWidth} px wide`);
  for (const el of document.querySelectorAll('.param > *')) {
    const card = el.closest('.card').getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.right > card.right + 0.5 || box.left < card.left - 0.5) out.push(`${el.className || el.tagName} of a parameter leaves its card`);
  }
  const sizes = [...document.querySelectorAll('.chart svg text, .chart .timeline-axis span')].map((text) => {
    const matrix = text.closest('svg')?.getScreenCTM();
    return parseFloat(getComputedStyle(text).fontSize) * (matrix ? Math.abs(matrix.a) : 1);
  });
  return { out, smallest: Math.min(...sizes), texts: sizes.length };
}

for (const slug of ['slots-vs-dict', 'bounded-lru-cache', 'live-monitor', 'snapshot-diff']) {
  test(`${slug} fits a 375 px phone, before and after a run`, async (t) => {
    const hw = await app.open(t, `/exercise/${slug}`, PHONE);
    await hw.expectVisible(hw.runButton, 'the run button');
    assert.deepEqual((await hw.page.evaluate(measure)).out, [], 'before the run');
    await hw.runExpectingDone();
    await hw.screenshot(`phone-${slug}`);
    const after = await hw.page.evaluate(measure);
    assert.deepEqual(after.out, [], 'after the run');
    assert.ok(after.texts > 0, 'the chart has text');
    assert.ok(after.smallest >= 12, `chart text is at least 12 px on screen (smallest: ${after.smallest.toFixed(1)} px)`);
    hw.assertNoPageErrors();
  });
}

test('the catalogue fits a 375 px phone', async (t) => {
  const hw = await app.open(t, '/', PHONE);
  await hw.catalogueSlugs(); // every card drawn
  assert.deepEqual((await hw.page.evaluate(measure)).out, []);
  const cards = await hw.exerciseCards.evaluateAll((all) => all.every((card) => card.getBoundingClientRect().right <= document.documentElement.clientWidth));
  assert.ok(cards, 'every card is inside the screen');
});
