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
