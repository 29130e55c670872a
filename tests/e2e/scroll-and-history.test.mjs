// Route changes and the window: an exercise opened from low in the
// catalogue starts at its top (with focus on its title), Back returns to
// the catalogue where it was left, and Back/Forward to an exercise that was
// run shows that run's results again, without running it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

const scrollY = (hw) => hw.page.evaluate(() => window.scrollY);

test('an exercise opened from low in the catalogue opens at its top; Back returns', async (t) => {
  const slugs = await registrySlugs();
  const last = slugs.at(-1);
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  await hw.openLink(last).scrollIntoViewIfNeeded();
  const leftAt = await scrollY(hw);
  assert.ok(leftAt > 500, `the last card is below the first screen (scrolled to ${leftAt})`);

  await hw.openLink(last).click();
  await hw.expectVisible(hw.title, `the title of ${last}`);
  assert.equal(await scrollY(hw), 0, 'the exercise opens at its top');
  assert.equal(await hw.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'exercise-title',
    'focus is on the new page\'s title');

  await hw.page.goBack();
  await hw.catalogueSlugs();
  const back = await hw.page
    .waitForFunction((y) => Math.abs(window.scrollY - y) < 2, leftAt, { timeout: 15_000 })
    .then(() => leftAt, async () => scrollY(hw));
  assert.equal(back, leftAt, 'Back returns to where the catalogue was left');
  hw.assertNoPageErrors();
});

test('Back and Forward show the last run with the same parameters again', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?n=1234');
  await hw.runExpectingDone();
  const figures = await hw.figures();
  assert.equal(await hw.figure('optimized', 'peak_bytes'), 24 * 1234);

  // Leave through the app's own link (a client-side route), then come back.
  const [other] = (await registrySlugs()).filter((slug) => slug !== 'slots-vs-dict');
  await hw.page.evaluate((slug) => {
    history.pushState({}, '', `/exercise/${slug}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, other);
  await hw.page.waitForFunction((slug) => location.pathname === `/exercise/${slug}`, other);
  await hw.expectVisible(hw.title, `the title of ${other}`);
  assert.equal(await hw.runState(), 'idle', `${other} has not been run`);

  await hw.page.goBack();
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="param-n"]')?.value === '1234');
  assert.equal(await hw.runState(), 'restored', 'the earlier run is shown again');
  assert.deepEqual(await hw.figures(), figures, 'with the same figures');

  await hw.page.goForward();
  await hw.page.waitForFunction((slug) => location.pathname === `/exercise/${slug}`, other);
  await hw.page.goBack();
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') === 'restored');
  assert.deepEqual(await hw.figures(), figures);

  // Other parameters were never run: nothing to show.
  await hw.goto('/exercise/slots-vs-dict?n=1235');
  assert.equal(await hw.runState(), 'idle');
  hw.assertNoPageErrors();
});
