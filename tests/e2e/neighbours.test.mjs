// Every exercise page links the previous and the next exercise in the
// catalogue's order (issue 19, item 5): the first has no previous, the last
// no next, and following "Next" opens the next exercise at its top.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const slugs = await registrySlugs();

const target = async (hw, testid) => {
  const link = hw.testId(testid).locator('a');
  if ((await link.count()) === 0) return null;
  return new URL(await link.getAttribute('href'), 'http://x').pathname.split('/').pop();
};

test('previous and next on every exercise page, in catalogue order', async (t) => {
  const hw = await app.open(t, `/exercise/${slugs[0]}`);
  for (const [i, slug] of slugs.entries()) {
    if (i > 0) await hw.goto(`/exercise/${slug}`);
    await hw.expectVisible(hw.title, `the title of ${slug}`);
    assert.equal(await hw.testId('neighbours').count(), 1, `${slug} has the links`);
    assert.equal(await target(hw, 'previous-exercise'), slugs[i - 1] ?? null, `${slug}: previous`);
    assert.equal(await target(hw, 'next-exercise'), slugs[i + 1] ?? null, `${slug}: next`);
  }
  hw.assertNoPageErrors();
});

test('following Next opens the next exercise at its top, with focus on its title', async (t) => {
  const hw = await app.open(t, `/exercise/${slugs[0]}`);
  await hw.expectVisible(hw.title, 'the title');
  const first = await hw.title.innerText();
  await hw.testId('next-exercise').locator('a').click();
  await hw.page.waitForFunction((slug) => location.pathname.endsWith(`/exercise/${slug}`), slugs[1]);
  // The placeholder's heading (the card's title, no test id) comes first;
  // wait for the page's own, which takes the focus over from it.
  await hw.page.waitForFunction((first) => {
    const title = document.querySelector('[data-testid="exercise-title"]');
    return title !== null && title.innerText !== first;
  }, first);
  assert.equal(await hw.page.evaluate(() => Math.round(window.scrollY)), 0, 'at the top');
  assert.equal(await hw.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'exercise-title');
  await hw.page.goBack();
  await hw.page.waitForFunction((slug) => location.pathname.endsWith(`/exercise/${slug}`), slugs[0]);
  hw.assertNoPageErrors();
});
