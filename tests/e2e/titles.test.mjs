// The browser tab names the page: the catalogue, "<exercise title> ·
// Heapwise" on an exercise, "Not found · Heapwise" on an unknown address,
// following client-side route changes too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

test('document.title follows the page', async (t) => {
  const [slug] = await registrySlugs();
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  const home = await hw.page.title();
  assert.match(home, /^Heapwise/);

  await hw.openLink(slug).click();
  await hw.expectVisible(hw.title, `the title of ${slug}`);
  const heading = (await hw.title.innerText()).trim();
  await hw.page.waitForFunction((expected) => document.title === expected, `${heading} · Heapwise`);

  await hw.page.goBack();
  await hw.catalogueSlugs();
  await hw.page.waitForFunction((expected) => document.title === expected, home);

  await hw.goto('/no/such/page');
  await hw.expectVisible(hw.notFound, 'the not-found page');
  await hw.page.waitForFunction(() => document.title === 'Not found · Heapwise');
  hw.assertNoPageErrors();
});
