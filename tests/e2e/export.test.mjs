// Export and re-open: the CSV and JSON a run downloads hold every figure
// the page shows (compared with the page's data-bytes / data-count, not
// with numbers typed here), the chart downloads as a standalone SVG with
// its bars and as a PNG, and an exported JSON opened again (file button,
// drop, or on another exercise's page) shows the very same figures. A file
// that cannot be read is explained and the results on screen stay.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const VERSION = (await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];

/** RFC 4180 rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with a line end');
  const [header, ...body] = rows;
  assert.deepEqual(header, ['section', 'variant', 'variant_label', 'item', 'detail', 'field', 'value']);
  for (const r of body) assert.equal(r.length, header.length, `row ${JSON.stringify(r)} has every column`);
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

/** The one CSV row matching `where`, as its value. */
function value(rows, where) {
  const found = rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  assert.equal(found.length, 1, `one CSV row for ${JSON.stringify(where)}, found ${found.length}`);
  return found[0].value;
}

/** The exercise's parameters as the file name writes them. */
async function nameFor(hw, slug, extension) {
  const params = Object.entries(await hw.paramValues()).map(([k, v]) => `-${k}${v}`).join('');
  return `heapwise-${slug}${params}.${extension}`;
}

for (const slug of ['slots-vs-dict', 'snapshot-diff', 'live-monitor']) {
  test(`${slug}: the CSV and the JSON hold every figure the page shows`, async (t) => {
    const hw = await app.open(t, `/exercise/${slug}`);
    await hw.runExpectingDone();
    const figures = await hw.figures();
    const pointer = await hw.pointerBytes();
    const params = await hw.paramValues();

    const csv = await hw.exportFile('csv');
    assert.equal(csv.name, await nameFor(hw, slug, 'csv'));
    const rows = parseCsv(csv.bytes.toString('utf8'));
    assert.equal(value(rows, { section: 'meta', item: 'exercise' }), slug);
    assert.equal(value(rows, { section: 'meta', item: 'pointer_bytes' }), String(pointer));
    assert.equal(pointer, 4, 'measured on wasm32');
    assert.equal(value(rows, { section: 'meta', item: 'app_version' }), VERSION);
    assert.equal(value(rows, { section: 'meta', item: 'format_version' }), '1');
    for (const [name, v] of Object.entries(params)) assert.equal(value(rows, { section: 'parameter', item: name }), String(v));
    for (const f of figures) {
      assert.equal(Number(value(rows, { section: 'figure', variant: f.variant, field: f.metric })), f.value, `${f.variant}/${f.metric}`);
    }
    // Whatever else the run recorded, element by element.
    const shown = await hw.page.evaluate(() => ({
      marks: [...document.querySelectorAll('[data-testid="mark"]')].map((el) => [el.dataset.variant, el.dataset.label, el.dataset.bytes]),
      notes: [...document.querySelectorAll('[data-testid="note"]')].map((el) => [el.dataset.variant, el.dataset.label, el.dataset.value]),
      live: [...document.querySelectorAll('[data-testid="live-count"]')].map((el) => [el.dataset.variant, el.dataset.label, el.dataset.type, el.dataset.count]),
      sites: [...document.querySelectorAll('[data-testid="site"]')].map((el) => [
        el.closest('[data-testid="snapshots"]').dataset.variant, el.dataset.snapshot, el.dataset.site, el.dataset.bytes, el.dataset.count,
      ]),
      peaks: [...document.querySelectorAll('[data-testid="timeline"]')].map((el) => [el.dataset.variant, el.dataset.peakBytes]),
    }));
    for (const [variant, item, bytes] of shown.marks) assert.equal(value(rows, { section: 'checkpoint', variant, item }), bytes);
    for (const [variant, item, v] of shown.notes) assert.equal(value(rows, { section: 'note', variant, item }), v);
    for (const [variant, item, detail, count] of shown.live) {
      assert.equal(value(rows, { section: 'live_objects', variant, item, detail, field: 'live' }), count);
    }
    for (const [variant, item, detail, bytes, count] of shown.sites) {
      const recorded = rows.some((r) => r.section === 'snapshot' && r.variant === variant && r.item === item && r.detail === detail);
      if (!recorded) {
        // The table shows a site a snapshot did not record as holding nothing.
        assert.deepEqual([bytes, count], ['0', '0'], `${variant} ${item} ${detail}: not in the file, so empty`);
        continue;
      }
      assert.equal(value(rows, { section: 'snapshot', variant, item, detail, field: 'bytes' }), bytes);
      assert.equal(value(rows, { section: 'snapshot', variant, item, detail, field: 'blocks' }), count);
    }
    for (const [variant, peak] of shown.peaks) {
      const points = rows.filter((r) => r.section === 'timeline' && r.variant === variant && r.field === 'max_live_bytes');
      assert.ok(points.length > 1, `${variant}: timeline points`);
      assert.equal(Math.max(...points.map((r) => Number(r.value))), Number(peak), `${variant}: the timeline's peak`);
    }
    if (slug === 'snapshot-diff') assert.ok(shown.sites.length > 0, 'snapshot-diff shows sites');
    if (slug === 'live-monitor') assert.ok(shown.peaks.length > 0, 'live-monitor shows timelines');

    const json = await hw.exportFile('json');
    assert.equal(json.name, await nameFor(hw, slug, 'json'));
    const file = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(file.format, 'heapwise-results');
    assert.equal(file.format_version, 1);
    assert.equal(file.app_version, VERSION);
    assert.equal(file.exercise, slug);
    assert.equal(file.pointer_bytes, pointer);
    assert.ok(!Number.isNaN(Date.parse(file.exported_at)), `exported_at ${file.exported_at}`);
    assert.deepEqual(Object.fromEntries(file.params.map((p) => [p.name, p.value])), params);
    for (const f of figures) {
      const variant = file.variants.find((v) => v.id === f.variant);
      assert.equal(variant.measurement[f.metric], f.value, `JSON ${f.variant}/${f.metric}`);
    }
    const link = new URL(file.link);
    assert.equal(link.pathname, `/exercise/${slug}`);
    assert.equal(link.searchParams.get('run'), '1');
    for (const [name, v] of Object.entries(params)) assert.equal(link.searchParams.get(name), String(v));
    hw.assertNoPageErrors();
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`the chart downloads as a standalone light SVG with its bars, and as a PNG (${colorScheme} page)`, async (t) => {
    const hw = await app.open(t, '/exercise/slots-vs-dict', { colorScheme });
    await hw.runExpectingDone();
    const bars = await hw.bars();
    const svg = await hw.exportFile('svg');
    assert.equal(svg.name, await nameFor(hw, 'slots-vs-dict', 'svg'));
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.match(text, /measured by Heapwise [^<]* on wasm32 \(4-byte pointers\)/, 'the caption says where it was measured');
    // Parsed as XML by the browser, on its own (not in the page's DOM).
    const parsed = await hw.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        namespace: root.namespaceURI,
        width: Number(root.getAttribute('width')),
        background: root.querySelector(':scope > rect')?.getAttribute('fill'),
        styled: [...root.querySelectorAll('text')].every((el) => el.getAttribute('fill') && el.getAttribute('font-size')),
        bars: [...root.querySelectorAll('[data-testid="bar"]')].map((el) => ({
          variant: el.getAttribute('data-variant'),
          bytes: Number(el.getAttribute('data-bytes')),
          fill: el.getAttribute('fill'),
        })),
      };
    }, text);
    assert.equal(parsed.error, null, 'the SVG is well-formed XML');
    assert.equal(parsed.namespace, 'http://www.w3.org/2000/svg');
    assert.deepEqual(parsed.bars.map((b) => [b.variant, b.bytes]), bars.map((b) => [b.variant, b.value]));
    assert.ok(parsed.bars.every((b) => /^rgb\(/.test(b.fill)), `bar colours written out: ${parsed.bars.map((b) => b.fill)}`);
    assert.ok(parsed.styled, 'every text has its fill and size written out');
    // The light palette whatever the page's scheme: --card is white in light.
    assert.equal(parsed.background, 'rgb(255, 255, 255)');

    const png = await hw.exportFile('png');
    assert.equal(png.name, await nameFor(hw, 'slots-vs-dict', 'png'));
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.ok(png.bytes.length > 1000, `a real picture (${png.bytes.length} B)`);
    assert.equal(png.bytes.readUInt32BE(16), 2 * parsed.width, 'drawn at twice the SVG width');
    hw.assertNoPageErrors();
  });
}

/** Runs `slug`, exports its JSON; returns { name, text, figures, params }. */
async function exportedRun(t, slug) {
  const hw = await app.open(t, `/exercise/${slug}`);
  await hw.runExpectingDone();
  const figures = await hw.resultFigures();
  const json = await hw.exportFile('json');
  return { name: json.name, text: json.bytes.toString('utf8'), figures, params: await hw.paramValues(), hw };
}

test('an exported JSON opened again shows the same figures, with where it came from', async (t) => {
  const slug = 'snapshot-diff';
  const file = await exportedRun(t, slug);
  assert.ok(file.figures.length > 4, 'figures to compare');

  // By the file button, on a fresh page with other parameters and no run.
  const [param] = Object.keys(file.params);
  const other = file.params[param] === 1 ? 2 : 1;
  const hw = await app.open(t, `/exercise/${slug}?${param}=${other}`);
  await hw.expectVisible(hw.runButton, 'the run button');
  await hw.openResultsFile(file);
  await hw.expectVisible(hw.testId('opened-notice'), 'the opened-file notice');
  const notice = await hw.text('opened-notice');
  assert.match(notice, new RegExp(`^Results from ${file.name.replace(/[.]/g, '\\.')}, exported \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC by Heapwise ${VERSION.replace(/[.]/g, '\\.')}\\.$`));
  assert.deepEqual(await hw.resultFigures(), file.figures, 'the same data-bytes everywhere');
  assert.deepEqual(await hw.paramValues(), file.params, 'the parameters of the file');
  assert.equal(new URL(hw.page.url()).searchParams.get(param), String(file.params[param]), 'and in the address bar');
  assert.equal(await hw.testId('open-error').count(), 0);

  // By dropping it on the page.
  const dropped = await app.open(t, `/exercise/${slug}`);
  await dropped.expectVisible(dropped.runButton, 'the run button');
  await dropped.dropResultsFile(file);
  await dropped.expectVisible(dropped.testId('opened-notice'), 'the notice after a drop');
  assert.deepEqual(await dropped.resultFigures(), file.figures, 'dropped: the same data-bytes everywhere');

  // A new run replaces it, and the notice goes.
  await hw.runExpectingDone();
  assert.equal(await hw.testId('opened-notice').count(), 0, 'no notice over a fresh run');
  hw.assertNoPageErrors();
  dropped.assertNoPageErrors();
});

test("a JSON for another exercise opens that exercise's page with its figures", async (t) => {
  const file = await exportedRun(t, 'slots-vs-dict');
  const hw = await app.open(t, '/exercise/generator-vs-list');
  await hw.expectVisible(hw.runButton, 'the run button');
  await hw.openResultsFile(file);
  await hw.page.waitForURL((url) => url.pathname === '/exercise/slots-vs-dict');
  await hw.expectVisible(hw.testId('opened-notice'), 'the notice on the other page');
  assert.deepEqual(await hw.resultFigures(), file.figures);
  assert.deepEqual(await hw.paramValues(), file.params);
  hw.assertNoPageErrors();
});

test('a file that cannot be read is explained, and the results on screen stay', async (t) => {
  const file = await exportedRun(t, 'slots-vs-dict');
  const hw = file.hw;
  const good = JSON.parse(file.text);
  const cases = [
    { name: 'broken.json', text: '{"format": "heapwise-results", "format_v', says: /not JSON text/ },
    { name: 'package.json', text: '{"name": "something else"}', says: /not a results file exported by Heapwise/ },
    { name: 'future.json', text: JSON.stringify({ ...good, format_version: 2 }), says: /format 2 by a newer Heapwise/ },
    { name: 'damaged.json', text: JSON.stringify({ ...good, variants: 'none' }), says: /damaged: its field variants should be a list/ },
    {
      name: 'label.json',
      text: JSON.stringify({ ...good, variants: good.variants.map((v, i) => (i === 0 ? { ...v, label: 42 } : v)) }),
      says: /its field variants\[0\]\.label should be text, and is the number 42\./,
    },
    { name: 'deep.json', text: '['.repeat(100_000) + ']'.repeat(100_000), says: /nests lists and objects 100,000 levels deep/ },
    { name: 'deep-format.json', text: `{"format": ${'['.repeat(5000)}${']'.repeat(5000)}}`, says: /nests lists and objects 5,001 levels deep/ },
    { name: 'unknown.json', text: JSON.stringify({ ...good, exercise: 'no-such-exercise' }), says: /"no-such-exercise"/ },
    {
      name: 'out-of-range.json',
      text: JSON.stringify({ ...good, params: good.params.map((p) => ({ ...p, value: 1e12 })) }),
      says: /out of range/,
    },
  ];
  for (const bad of cases) {
    await hw.openResultsFile(bad);
    await hw.expectVisible(hw.testId('open-error'), `the message for ${bad.name}`);
    const message = await hw.text('open-error');
    assert.match(message, new RegExp(`\u201c${bad.name.replace(/[.]/g, '\\.')}\u201d could not be opened`));
    assert.match(message, bad.says, `${bad.name}: ${message}`);
    assert.match(message, /The results on the page are unchanged\./);
    assert.doesNotMatch(message, /invalid type|expected|line \d+ column/, `${bad.name}: no parser's terms`);
    assert.deepEqual(await hw.resultFigures(), file.figures, `${bad.name}: the results stay`);
    assert.equal(await hw.runState(), 'done', `${bad.name}: still the run just made`);
  }
  // A file over the limit is refused by its size, before it is read.
  const huge = { name: 'huge.json', text: ' '.repeat(5 * 1024 * 1024) + JSON.stringify(good) };
  await hw.openResultsFile(huge);
  await hw.expectVisible(hw.testId('open-error'), 'the message for huge.json');
  assert.match(
    await hw.text('open-error'),
    /^\u201chuge\.json\u201d was not opened: it is 5\.\d\d MiB, and a Heapwise results file is at most 4\.00 MiB\. The results on the page are unchanged\./,
  );
  assert.deepEqual(await hw.resultFigures(), file.figures, 'huge.json: the results stay');
  // A good file after a bad one clears the message.
  await hw.openResultsFile(file);
  await hw.expectVisible(hw.testId('opened-notice'), 'the notice');
  assert.equal(await hw.testId('open-error').count(), 0);
  hw.assertNoPageErrors();
});
