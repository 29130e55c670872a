// The catalogue at / lists every registered exercise (the slugs come from
// src/exercises/mod.rs, so a new exercise is covered without editing this
// file), each card linking to its exercise page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test('the catalogue lists every registered exercise, once', async (t) => {
  const slugs = await registrySlugs();
  const hw = await app.open(t, '/');
  // The page may group or order the cards its own way: compare as sets.
  const shown = await hw.catalogueSlugs();
  assert.deepEqual([...shown].sort(), [...slugs].sort());
  hw.assertNoPageErrors();
});

test('each card links to its exercise page', async (t) => {
  const slugs = await registrySlugs();
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  for (const slug of slugs) {
    const href = await hw.openHref(slug);
    assert.ok(href, `card ${slug}: [data-testid=open-exercise] is (or is inside) a link`);
    assert.equal(new URL(href, hw.baseUrl).pathname, `/exercise/${slug}`, `link of card ${slug}`);
  }
});

test('following a card opens the exercise (client-side route)', async (t) => {
  const [slug] = await registrySlugs();
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  await hw.openLink(slug).click();
  await hw.expectVisible(hw.title, `the title of ${slug}`);
  assert.equal(new URL(hw.page.url()).pathname, `/exercise/${slug}`);
  assert.notEqual((await hw.title.innerText()).trim(), '');
  hw.assertNoPageErrors();
});
