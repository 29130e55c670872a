// Unknown routes and unknown exercise slugs show the not-found page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

for (const route of ['/no/such/page', '/exercise/no-such-exercise']) {
  test(`${route} shows not-found`, async (t) => {
    const hw = await app.open(t, route);
    await hw.expectVisible(hw.notFound, 'the not-found page');
    assert.equal(await hw.title.count(), 0, 'no exercise is shown');
    hw.assertNoPageErrors();
  });
}

// A bookmark or a server's directory index may name the file itself.
test('/index.html shows the catalogue', async (t) => {
  const hw = await app.open(t, '/index.html');
  assert.ok((await hw.catalogueSlugs()).length > 0, 'the catalogue lists exercises');
  assert.equal(await hw.notFound.count(), 0, 'no not-found page');
  hw.assertNoPageErrors();
});
