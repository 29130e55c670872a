// Sweeps: every variant run at a series of sizes in the measuring worker,
// drawn as bytes against size. The slotted points of slots-vs-dict cost
// exactly their three f64 fields each (size_of::<SlottedPoint>() = 3 ×
// size_of::<f64>() = 24 bytes on every target, wasm32 included; asserted in
// src/exercises/slots_vs_dict.rs), so every point of that line is known
// before the sweep runs: n × 24 bytes, and its slope is 24 bytes per item.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

/** size_of::<f64>(): 8 bytes on every target Rust supports. */
const F64 = 8;
const SLOTTED_POINT = 3 * F64;

test('a sweep draws every point exactly, with the slope of each line', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict');
  await hw.expectVisible(hw.sweepButton, 'the sweep button');
  await hw.setSweep({ from: 100, to: 100000, points: 4 });
  assert.equal(await hw.sweep(), 'done');
  assert.deepEqual(await hw.sweepProgress(), { done: 4, total: 4 });

  const sizes = [100, 1000, 10000, 100000];
  const points = await hw.sweepPoints();
  const optimized = points.filter((p) => p.variant === 'optimized');
  assert.deepEqual(optimized.map((p) => p.size), sizes, 'one point per size, log-spaced, in order');
  for (const p of optimized) assert.equal(p.value, p.size * SLOTTED_POINT, `fixed fields at n=${p.size}`);
  const naive = points.filter((p) => p.variant === 'naive');
  assert.deepEqual(naive.map((p) => p.size), sizes);
  for (const p of naive) assert.ok(p.value > p.size * SLOTTED_POINT, `a map per point costs more at n=${p.size}`);

  // The table lists the same points with the same exact figures.
  const byKey = (list) => Object.fromEntries(list.map((p) => [`${p.variant}@${p.size}`, p.value]));
  assert.deepEqual(byKey(await hw.sweepCells()), byKey(points));

  const slopes = await hw.sweepSlopes();
  assert.equal(slopes.optimized, SLOTTED_POINT, 'bytes per item of the fixed-field points');
  assert.ok(slopes.naive > SLOTTED_POINT, `the map of attributes costs more per item (${slopes.naive})`);

  // Each y-axis label sits on its grid line (the axis is HTML beside the
  // SVG: a stylesheet that fails to size it stretches it to the x ticks
  // too), on the log scale (the default) and on the linear one.
  const misplaced = () =>
    hw.page.evaluate(() => {
      const labels = [...document.querySelectorAll('.sweep-axis span')].map((l) => l.getBoundingClientRect());
      const grid = [...document.querySelectorAll('[data-testid="sweep-chart"] line.grid')].map((l) => l.getBoundingClientRect().top);
      grid.sort((a, b) => a - b);
      if (labels.length !== grid.length) return [`${labels.length} labels, ${grid.length} grid lines`];
      return labels.map((l, i) => Math.abs((l.top + l.bottom) / 2 - grid[i])).filter((off) => off > 3);
    });
  const chart = hw.testId('sweep-chart');
  const heights = () => chart.evaluate((svg) => [...svg.querySelectorAll('[data-testid="sweep-point"][data-variant="optimized"]')].map((p) => p.getBoundingClientRect().top));
  assert.equal(await chart.getAttribute('data-y-scale'), 'log');
  assert.deepEqual(await misplaced(), [], 'log: y-axis labels more than 3 px off their grid lines');
  const decades = await hw.page.locator('.sweep-axis span').allTextContents();
  // Bytes go by powers of two, in the binary units of the rest of the page.
  assert.ok(decades.length >= 2 && decades.every((label) => /^(1|2|4|8|16|32|64|128|256|512) (B|KiB|MiB|GiB)$/.test(label)), `powers of two: ${decades}`);
  // n × 24 bytes: on log axes the line is straight, each tenfold size one equal step up.
  const log = await heights();
  const steps = log.slice(1).map((y, i) => log[i] - y);
  assert.ok(steps.every((step) => Math.abs(step - steps[0]) < 1.5), `equal steps on log axes: ${steps}`);
  await hw.testId('sweep-scale-linear').click();
  assert.equal(await chart.getAttribute('data-y-scale'), 'linear');
  assert.equal(await hw.testId('sweep-scale-linear').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await misplaced(), [], 'linear: y-axis labels more than 3 px off their grid lines');
  const linear = await heights();
  assert.ok(Math.abs(linear[0] - linear[1]) < 1.5, 'linear: the two smallest sizes both sit on the floor');
  assert.deepEqual((await hw.sweepPoints()).map((p) => p.value), points.map((p) => p.value), 'the same figures on either scale');

  // The sweep downloads as CSV (every point exactly) and as a chart.
  const download = async (id) => {
    const [file] = await Promise.all([hw.page.waitForEvent('download'), hw.testId(id).click()]);
    const chunks = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const csv = await download('sweep-export-csv');
  assert.equal(csv.name, 'heapwise-slots-vs-dict-sweep-n100-100000.csv');
  // Fields are quoted when they hold a comma (the labels may).
  const cells = (row) => {
    const out = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (quoted && c === '"' && row[i + 1] === '"') cell += row[i++];
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) [out[out.length], cell] = [cell, ''];
      else cell += c;
    }
    return [...out, cell];
  };
  const rows = csv.text.trim().split('\r\n').map(cells);
  assert.equal(rows.length, 1 + sizes.length);
  const column = rows[0].indexOf('fixed fields (bytes)');
  assert.ok(column > 0, `a column for the optimized variant: ${rows[0]}`);
  assert.deepEqual(rows.slice(1).map((r) => [Number(r[0]), Number(r[column])]), optimized.map((p) => [p.size, p.value]));
  await hw.testId('sweep-scale-log').click(); // the chart is exported as drawn
  const svg = await download('sweep-export-svg');
  assert.equal(svg.name, 'heapwise-slots-vs-dict-sweep-n100-100000.svg');
  assert.match(svg.text, /^<\?xml/);
  for (const p of optimized) assert.ok(svg.text.includes(`data-bytes="${p.value}"`), `the SVG keeps the point at n=${p.size}`);
  for (const label of decades) assert.ok(svg.text.includes(`>${label}</text>`), `the SVG has the vertical axis (${label})`);
  // Drawn on its own, the file holds its whole chart: every label, tick
  // and point inside its edges, and no two labels on top of each other.
  const viewer = await hw.page.context().newPage();
  try {
    await viewer.setContent(svg.text.replace(/^<\?xml[^>]*>\s*/, ''));
    const { outside, overlapping } = await viewer.evaluate(() => {
      const root = document.querySelector('svg').getBoundingClientRect();
      const drawn = [...document.querySelectorAll('svg text, svg [data-testid="sweep-point"]')]
        .map((el) => ({ what: el.textContent.trim().slice(0, 30) || el.getAttribute('data-size'), label: el.tagName === 'text', box: el.getBoundingClientRect() }));
      const outside = drawn
        .filter(({ box }) => box.left < root.left - 0.5 || box.right > root.right + 0.5 || box.top < root.top - 0.5 || box.bottom > root.bottom + 0.5)
        .map(({ what }) => what);
      const labels = drawn.filter((d) => d.label);
      const overlapping = [];
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 1 && y > 1) overlapping.push(`${a.what} / ${b.what}`);
        }
      }
      return { outside, overlapping };
    });
    assert.deepEqual(outside, [], 'drawn outside the exported SVG');
    assert.deepEqual(overlapping, [], 'labels on top of each other in the exported SVG');
  } finally {
    await viewer.close();
  }

  // A single run at one of the sizes measures the same bytes as the sweep did.
  await hw.setParam('n', 1000);
  await hw.runExpectingDone();
  assert.equal(await hw.figure('naive', 'peak_bytes'), naive[1].value);
  assert.equal(await hw.figure('optimized', 'peak_bytes'), optimized[1].value);
  await hw.screenshot('sweep-slots-vs-dict');
  hw.assertNoPageErrors();
});

test('Cancel stops a sweep and keeps the points measured so far', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict');
  await hw.setSweep({ from: 1000, to: 1000000, points: 12 });
  // Cancel as soon as the first size is in.
  await hw.sweep({ until: 'running' });
  // A DOM click, not a pointer one: under load a repaint of the chart can
  // lie over the button at the moment a pointer click lands (CI once saw
  // "<html> intercepts pointer events", then the sweep ended before a retry).
  // Clicked in the page, on the DOM change that shows the first size: a
  // click sent from here once that was seen came after the whole sweep had
  // ended on a loaded machine (the button gone).
  await hw.page.evaluate(() => new Promise((resolve) => {
    const cancelOnFirst = () => {
      if (!(Number(document.querySelector('[data-testid="sweep-status"]')?.getAttribute('data-done')) >= 1)) return false;
      document.querySelector('[data-testid="sweep-cancel"]')?.click();
      resolve();
      return true;
    };
    if (cancelOnFirst()) return;
    const watch = new MutationObserver(() => cancelOnFirst() && watch.disconnect());
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
  }));
  assert.equal(await hw.sweepStatus.getAttribute('data-state'), 'cancelled');
  const { done, total } = await hw.sweepProgress();
  assert.equal(total, 12);
  assert.ok(done >= 1 && done < total, `cancelled part way (${done} of ${total})`);

  // The worker finishes the size it was on; its answer and the rest are
  // dropped. It answers in order, so once this run is done that answer
  // has come (and gone). The sweep's end brings its slopes into view,
  // smoothly: Run is clicked once that scroll is over (CI once saw the
  // click land while the page moved, and no run start).
  await hw.atRest();
  await hw.runExpectingDone();
  assert.equal((await hw.sweepProgress()).done, done, 'no answer of the cancelled sweep is drawn');
  const points = await hw.sweepPoints();
  const variants = [...new Set(points.map((p) => p.variant))];
  assert.ok(variants.includes('naive') && variants.includes('optimized'), `${variants}`);
  for (const v of variants) {
    assert.equal(points.filter((p) => p.variant === v).length, done, `${v}: every size measured before Cancel`);
  }
  for (const p of points.filter((p) => p.variant === 'optimized')) assert.equal(p.value, p.size * SLOTTED_POINT);
  assert.equal(await hw.sweepCancel.count(), 0, 'Cancel is gone once the sweep has stopped');
  hw.assertNoPageErrors();
});

test('a sweep that runs out of memory says at which size, and keeps the smaller ones', async (t) => {
  // 16 MiB: the map-per-point variant fits at 10,000 points but not at 1,000,000.
  const hw = await app.open(t, '/exercise/slots-vs-dict?limit_mib=16');
  await hw.setSweep({ from: 100, to: 1000000, points: 5 });
  assert.equal(await hw.sweep(), 'failed');
  const text = await hw.sweepStatus.innerText();
  assert.match(text, /stopped at n = 1,000,000/, text);
  const { done } = await hw.sweepProgress();
  assert.equal(done, 4, 'the four smaller sizes are kept');
  const optimized = (await hw.sweepPoints()).filter((p) => p.variant === 'optimized');
  assert.deepEqual(optimized.map((p) => p.size), [100, 1000, 10000, 100000]);
  for (const p of optimized) assert.equal(p.value, p.size * SLOTTED_POINT);
  hw.assertNoPageErrors();
});

test('the sweep range is checked, with a message, before anything runs', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict');
  await hw.setSweep({ to: 2000000 });
  await hw.expectVisible(hw.sweepError, 'the sweep error');
  assert.match(await hw.sweepError.innerText(), /last size, 2,000,000, is outside 1 to 1,000,000/);
  assert.equal(await hw.sweepButton.isDisabled(), true);
  await hw.setSweep({ from: 500, to: 50 });
  assert.match(await hw.sweepError.innerText(), /smaller than its last/);
  await hw.setSweep({ from: 10, to: 1000, points: 13 });
  assert.match(await hw.sweepError.innerText(), /from 2 to 12 sizes/);
  await hw.setSweep({ points: 3 });
  assert.equal(await hw.sweepError.count(), 0);
  assert.equal(await hw.sweepButton.isDisabled(), false);
  assert.equal(await hw.testId('sweep-results').count(), 0, 'nothing ran');
  hw.assertNoPageErrors();
});

test('a sweep link reruns the sweep; a bad one is explained and not run', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict?n=1000&sweep=100-10000-3&run=1');
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="sweep-status"]')?.getAttribute('data-state') === 'done', null, { timeout: 60_000 });
  const sizes = (await hw.sweepPoints()).filter((p) => p.variant === 'optimized').map((p) => p.size);
  assert.deepEqual(sizes, [100, 1000, 10000]);
  assert.equal(await hw.sweepInput('from').inputValue(), '100');
  assert.equal(await hw.sweepInput('points').inputValue(), '3');

  // The address bar carries the sweep on screen; opening it with run=1 draws it again.
  await hw.page.waitForFunction(() => location.search.includes('sweep='));
  const query = new URLSearchParams(new URL(hw.page.url()).search);
  assert.equal(query.get('sweep'), '100-10000-3');
  assert.equal(query.get('n'), '1000');
  await hw.goto(`${hw.route}&run=1`);
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="sweep-status"]')?.getAttribute('data-state') === 'done', null, { timeout: 60_000 });
  const again = await hw.sweepPoints();
  assert.deepEqual(again.filter((p) => p.variant === 'optimized').map((p) => p.value), [100, 1000, 10000].map((n) => n * SLOTTED_POINT));

  await hw.goto('/exercise/slots-vs-dict?sweep=1-2000000-6&run=1');
  await hw.expectVisible(hw.notice, 'the link notice');
  assert.match(await hw.notice.innerText(), /sweep "1-2000000-6" is not usable: the sweep's last size, 2,000,000, is outside/);
  // The notice and the decision to run come from the same render, and a
  // run or sweep started then would show at once (its status renders with it).
  assert.equal(await hw.sweepStatus.count(), 0, 'a bad link runs nothing');
  assert.equal(await hw.runState(), 'idle');
  hw.assertNoPageErrors();
});
