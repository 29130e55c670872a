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

// The catalogue on a small phone (375 x 667): the first card's title is on
// the first screen, the filters but the search folded under "More filters"
// until opened (or while one of them is set); wider, they show unfolded.
test('375 x 667: the first card is on the first screen; the filters fold and unfold', async (t) => {
  const small = { ...PHONE, viewport: { width: 375, height: 667 } };
  const hw = await app.open(t, '/', small);
  const title = hw.testId('open-exercise').first();
  await hw.expectVisible(title, 'the first card');
  const box = await title.boundingBox();
  assert.ok(box.y + box.height <= 667, `the first card's title ends at ${Math.round(box.y + box.height)} px, within 667`);
  assert.ok(!(await hw.testId('filter-group').isVisible()), 'the group filter is folded');
  await hw.testId('filter-more').click();
  await hw.expectVisible(hw.testId('filter-group'), 'the group filter, unfolded');
  await hw.testId('filter-group').selectOption('2');
  await hw.page.waitForURL(/group=2/);
  assert.deepEqual(await hw.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'no sideways scrolling');

  const linked = await app.open(t, '/?difficulty=hard', small);
  await linked.expectVisible(linked.testId('filter-difficulty'), 'the difficulty filter of a link that sets it');

  const wide = await app.open(t, '/', { viewport: { width: 1024, height: 768 } });
  await wide.expectVisible(wide.testId('filter-group'), 'the group filter at 1024 px, without a click');
  assert.ok(!(await wide.testId('filter-more').isVisible()), 'no fold at 1024 px');
  hw.assertNoPageErrors();
});
