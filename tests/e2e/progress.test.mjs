// Progress lives in the browser's local storage: it survives a reload, and
// when what is stored cannot be read the page says so, keeps a copy aside
// and carries on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const KEY = 'heapwise.progress';
const KEPT = 'heapwise.progress.unreadable';

test('revealed hints and runs are remembered across reloads', async (t) => {
  const [slug] = await registrySlugs();
  const hw = await app.open(t, `/exercise/${slug}`);
  await hw.expectVisible(hw.revealHintButton, 'the reveal-hint button');
  await hw.revealHint();
  await hw.hints.first().waitFor({ state: 'visible' });
  await hw.runExpectingDone();

  await hw.goto(`/exercise/${slug}`);
  await hw.hints.first().waitFor({ state: 'visible' });
  assert.equal(await hw.hintCount(), 1, 'the revealed hint is still shown after a reload');

  await hw.goto('/');
  const card = hw.testId('exercise-card', { slug });
  await hw.expectVisible(card, `the card of ${slug}`);
  assert.equal(await card.getAttribute('data-progress'), 'measured', 'the catalogue marks the exercise as measured');
  hw.assertNoPageErrors();
});

test('unreadable saved progress is reported, kept aside, and the page still works', async (t) => {
  const [slug] = await registrySlugs();
  const hw = await app.open(t, '/');
  const corrupt = '{"exercises": {"slots-vs-dict": 5';
  await hw.page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, corrupt]);

  await hw.goto(`/exercise/${slug}`);
  const notice = hw.testId('progress-notice');
  await hw.expectVisible(notice, 'the progress notice');
  assert.match(await notice.innerText(), /could not be read/);
  assert.match(await notice.innerText(), new RegExp(KEPT.replace(/\./g, '\\.')));
  assert.equal(await hw.page.evaluate((key) => localStorage.getItem(key), KEPT), corrupt, 'the unreadable text is kept as it was');

  // The page is usable: a hint opens and progress is saved afresh.
  await hw.revealHint();
  await hw.hints.first().waitFor({ state: 'visible' });
  const saved = await hw.page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.equal(JSON.parse(saved).exercises[slug].hints_shown, 1, 'new progress is saved as valid JSON');

  await hw.goto('/');
  // The app renders after its wasm loads: wait for it rather than count at once.
  await hw.expectVisible(hw.exerciseCards.first(), 'the catalogue, still listing the exercises');
  hw.assertNoPageErrors();
});
