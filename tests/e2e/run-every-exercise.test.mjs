// Every registered exercise runs at its default parameters in the worker:
// every variant gets all four figures, the chart agrees with them, the
// variants' checksums agree, the last (optimized) variant beats the first
// (naive) one on the exercise's own metric (peak_bytes unless its module
// declares another `fn metric`), and the exact figures in expected.mjs hold.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { METRICS, registry, useHeapwise } from './heapwise-page.mjs';
import { mismatches } from './expected.mjs';

const app = useHeapwise();
const exercises = await registry();

for (const { slug, metric } of exercises) {
  test(`${slug} runs at its default parameters`, async (t) => {
    const hw = await app.open(t, `/exercise/${slug}`);
    await hw.expectVisible(hw.title, `the title of ${slug}`);
    const params = await hw.paramValues();
    assert.equal(await hw.runState(), 'idle', 'before the first run');

    await hw.runExpectingDone();
    await hw.screenshot(`${slug}-after-run`);

    const figures = await hw.figures();
    const variants = await hw.variants();
    assert.ok(variants.length >= 2, `at least two variants have figures (found: ${variants.join(', ')})`);
    for (const variant of variants) {
      const metrics = figures.filter((f) => f.variant === variant).map((f) => f.metric).sort();
      // The allocator's figures, plus the reported size where the exercise charts it.
      const columns = METRICS.includes(metric) ? METRICS : [...METRICS, metric];
      assert.deepEqual(metrics, [...columns].sort(), `figures of variant ${variant}`);
    }

    const bars = await hw.bars();
    assert.ok(bars.length > 0, 'the chart has bars');
    for (const bar of bars) {
      assert.equal(bar.value, await hw.figure(bar.variant, bar.metric), `bar ${bar.variant}/${bar.metric} = its figure`);
    }

    assert.equal(await hw.checksumsAgree(), true, 'every variant computed the same checksum');
    const pointerBytes = await hw.pointerBytes();
    assert.equal(pointerBytes, 4, 'the worker is wasm32');

    const first = await hw.figure(variants[0], metric);
    const last = await hw.figure(variants.at(-1), metric);
    assert.ok(last < first, `${variants.at(-1)} ${metric} (${last}) is below ${variants[0]} ${metric} (${first})`);

    assert.deepEqual(mismatches(slug, params, pointerBytes, figures), [], `exact figures for ${JSON.stringify(params)}`);
    hw.assertNoPageErrors();
  });
}
