// See your objects (issue 29): after a run, the panel draws what the
// program's global names hold once it has ended (heapwise_check.objects,
// walked at the end of Memory by line's run; the reference program's in a
// run of its own, plainly, in a fresh interpreter), as boxes and
// arrows and as a table that lists the same boxes; the reference program's
// picture beside it on request; a new run leaves no picture of the last.
// The sizes are compared with what the same program prints of
// sys.getsizeof in the same page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { audit, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel, PY_TIMEOUT } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';

const PROGRAM = [
  'import sys, weakref',
  'class Point:',
  '    __slots__ = ("x", "y")',
  '    def __init__(self, x, y):',
  '        self.x = x',
  '        self.y = y',
  'points = [Point(float(i), 0.5) for i in range(1000)]',
  'word = sys.intern("shared " + "text")',
  'names = [sys.intern("shared text"[:7] + "text") for _ in range(500)]',
  'class Image:',
  '    pass',
  'image = Image()',
  'handle = weakref.ref(image)',
  'class Plain:',
  '    def __init__(self, n):',
  '        self.n = n',
  'plains = [Plain(i) for i in range(300, 310)]',
  'print("point", sys.getsizeof(points[0]), "list", sys.getsizeof(points), "float", sys.getsizeof(0.5))',
  '',
].join('\n');

const boxes = (hw, side) =>
  hw.testId(side).locator('[data-testid="python-objects-box"]').evaluateAll((els) =>
    els.map((el) => ({ type: el.dataset.type, count: Number(el.dataset.count), bytes: Number(el.dataset.bytes), uncounted: el.dataset.uncounted })));
const rows = (hw, side) =>
  hw.testId(side).locator('[data-testid="python-objects-row"]').evaluateAll((els) =>
    els.map((el) => ({ type: el.dataset.type, count: Number(el.dataset.count), bytes: Number(el.dataset.bytes), uncounted: el.dataset.uncounted })));
const arrows = (hw, side) =>
  hw.testId(side).locator('[data-testid="python-objects-arrow"]').evaluateAll((els) =>
    els.map((el) => ({ weak: el.dataset.weak === 'true', count: Number(el.dataset.count) })));

/** A page at `options`, PROGRAM run, its picture drawn and its table opened. */
async function pictureWithTable(t, options) {
  const hw = await app.open(t, `/exercise/${SLUG}`, options);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  await py.setText(PROGRAM);
  assert.equal(await py.run(), 'done');
  await seeObjects(hw);
  await hw.testId('python-objects-yours').locator('summary').first().click();
  await hw.expectVisible(hw.testId('python-objects-table'), 'the table');
  return hw;
}

async function seeObjects(hw, button = 'python-see-objects', side = 'python-objects-yours') {
  await hw.testId(button).click();
  await hw.testId(side).locator('[data-testid="python-objects-box"]').first().waitFor({ timeout: PY_TIMEOUT });
}

test('a program\'s objects: shared once, alike as one box, weak references dashed, sizes as getsizeof gives them', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  await py.setText(PROGRAM);
  assert.equal(await py.run(), 'done');
  const printed = (await py.consoleText()).match(/point (\d+) list (\d+) float (\d+)/);
  assert.ok(printed, await py.consoleText());
  const [point, list, float] = printed.slice(1).map(Number);
  assert.equal(await hw.testId('python-objects-yours').count(), 0, 'no picture before it is asked for');

  // Walked at the end of Memory by line's run: See your objects runs nothing more.
  assert.match(await hw.testId('python-objects').textContent(), /Walked at the end of Memory by line's run/);
  await seeObjects(hw);
  const shown = await boxes(hw, 'python-objects-yours');
  const points = shown.filter((b) => b.type === 'Point');
  assert.deepEqual(points, [{ type: 'Point', count: 1000, bytes: 1000 * point, uncounted: 'false' }], 'the 1,000 points: one box, getsizeof each');
  // Instances without __slots__: their attributes' own storage is not in getsizeof, and the page says so.
  assert.deepEqual(shown.filter((b) => b.type === 'Plain').map((b) => [b.count, b.uncounted]), [[10, 'true']]);
  assert.match(await hw.testId('python-objects-yours').textContent(), /\+ attributes/);
  assert.ok(shown.some((b) => b.type === 'list' && b.count === 1 && b.bytes === list), 'the list named points, its getsizeof');
  // 1,000 floats made by float(i) and the one 0.5 they all share.
  assert.ok(shown.some((b) => b.type === 'float' && b.count === 1001 && b.bytes === 1001 * float), JSON.stringify(shown));
  const drawn = await arrows(hw, 'python-objects-yours');
  assert.ok(drawn.some((a) => !a.weak && a.count === 500), 'the interned string: one box, one arrow standing for 500 references');
  assert.ok(drawn.some((a) => a.weak), 'the weak reference: a dashed arrow');
  // The table lists the same boxes.
  assert.deepEqual(await rows(hw, 'python-objects-yours'), shown);
  // The 1,000 points' box, clicked, opens the table at a few of them, their slots' values read.
  const yours = hw.testId('python-objects-yours');
  await yours.locator('[data-testid="python-objects-box"][data-type="Point"]').click();
  const some = yours.locator('[data-testid="python-objects-sample"][open]');
  await hw.expectVisible(some, 'a few of the points');
  assert.equal(await some.locator('summary').innerText(), '3 of 1,000');
  const few = await some.locator('li').allInnerTexts();
  assert.equal(few.length, 3);
  assert.ok(few.every((text) => /^Point\(x=\d+\.0, y=0\.5\)$/.test(text)), JSON.stringify(few));
  assert.equal(await hw.page.evaluate(() => document.activeElement?.parentElement?.dataset.testid), 'python-objects-sample', 'the focus on them');
  const deep = await hw.testId('python-objects-yours').locator('[data-testid="python-objects-deep"]').textContent();
  assert.match(deep, /points [\d,]+ B/);
  assert.match(deep, /handle [\d,]+ B/);
  await hw.screenshot('python-objects-yours');

  // The reference program's picture beside it.
  await seeObjects(hw, 'python-see-reference-objects', 'python-objects-reference');
  assert.ok((await boxes(hw, 'python-objects-reference')).length > 0);
  await hw.screenshot('python-objects-beside');

  // slots-vs-dict's reference, one name at a time: d, a DictPoint, keeps its
  // attributes in storage of its own, which its box says ("+ attributes");
  // s, a SlottedPoint, has none; each refers to its three floats.
  const reference = hw.testId('python-objects-reference');
  const pick = reference.locator('[data-testid="python-objects-name"]');
  await pick.selectOption('d');
  const dOnly = await boxes(hw, 'python-objects-reference');
  assert.deepEqual(dOnly.map((b) => [b.type, b.uncounted]).slice(0, 1), [['DictPoint', 'true']], JSON.stringify(dOnly));
  assert.equal(dOnly.filter((b) => b.type === 'float').reduce((n, b) => n + b.count, 0), 3, JSON.stringify(dOnly));
  await pick.selectOption('s');
  const sOnly = await boxes(hw, 'python-objects-reference');
  assert.deepEqual(sOnly.map((b) => [b.type, b.uncounted]).slice(0, 1), [['SlottedPoint', 'false']], JSON.stringify(sOnly));
  assert.equal(sOnly.filter((b) => b.type === 'float').reduce((n, b) => n + b.count, 0), 3, JSON.stringify(sOnly));
  assert.ok(sOnly.every((b) => b.type !== 'DictPoint'), 'd is not drawn with s');
  assert.deepEqual(await rows(hw, 'python-objects-reference'), sOnly, 'the table follows the choice');
  // The picture as drawn, as a file of its own: well-formed, its styles written in.
  const [download] = await Promise.all([hw.page.waitForEvent('download'), reference.locator('[data-testid="python-objects-svg"]').click()]);
  assert.equal(download.suggestedFilename(), 'objects-reference-s.svg');
  const text = await readFile(await download.path(), 'utf8');
  // Parsed by the browser without its style sheet (a parsed <style> is inline style to the page's CSP).
  const [, style] = text.match(/<style>([\s\S]*?)<\/style>/) ?? [];
  const parsed = await hw.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      boxes: doc.querySelectorAll('[data-testid="python-objects-box"]').length,
    };
  }, text.replace(/<style>[\s\S]*?<\/style>/, ''));
  assert.equal(parsed.error, null, 'the SVG is well-formed XML');
  assert.equal(parsed.boxes, sOnly.length);
  assert.match(style ?? '', /\.py-objects-box rect \{ fill: [^;v]+;/, 'colours written out');
  assert.ok(!style.includes('var(--') && !style.includes('light-dark('), style);
  // In the light colours, as the charts' files are, whatever the page shows.
  assert.match(text, /<rect width="100%" height="100%" fill="#f0ede6"/, 'the light background');

  // Naive beside optimized: d drawn with s, each with its own boxes.
  await pick.selectOption('d');
  await reference.locator('[data-testid="python-objects-with"]').selectOption('s');
  const both = await boxes(hw, 'python-objects-reference');
  assert.deepEqual(both.filter((b) => /Point$/.test(b.type)).map((b) => [b.type, b.uncounted]), [['DictPoint', 'true'], ['SlottedPoint', 'false']], JSON.stringify(both));
  // Both are made of the same three float constants: drawn once, with arrows from each.
  assert.equal(both.filter((b) => b.type === 'float').reduce((n, b) => n + b.count, 0), 3, JSON.stringify(both));
  assert.deepEqual(await rows(hw, 'python-objects-reference'), both, 'the table follows the choice');
  await hw.screenshot('python-objects-two-names');

  // A new run: no picture of the last one is left.
  await py.setText('numbers = list(range(10))\nprint(len(numbers))\n');
  assert.equal(await py.run(), 'done');
  assert.equal(await hw.testId('python-objects-yours').count(), 0, 'the new run starts with no picture');
  await seeObjects(hw);
  assert.deepEqual((await boxes(hw, 'python-objects-yours')).filter((b) => b.type === 'list').map((b) => b.count), [1]);
  hw.assertNoPageErrors();
  py.assertNoCspViolations();
});

test('the picture and its table: no axe violation of any impact, light and dark', async (t) => {
  const hw = await pictureWithTable(t, { bypassCSP: true });
  await hw.testId('python-objects-sample').first().locator('summary').click();
  await hw.expectVisible(hw.testId('python-objects-sample').first().locator('li').first(), 'a few of many alike objects');
  for (const colorScheme of ['light', 'dark']) {
    await hw.page.emulateMedia({ colorScheme });
    await audit(hw, `the objects picture, ${colorScheme}`, { strict: true });
  }
});

// The references whose point is sharing: string-interning's interned names
// are one string object per distinct name, each with many arrows into it;
// weak-references' observers are held through weak references, drawn dashed.
for (const [slug, name, expect] of [
  ['string-interning', 'interned', async (hw) => {
    const drawn = await arrows(hw, 'python-objects-reference');
    assert.ok(drawn.some((a) => !a.weak && a.count >= 100), `a shared string with many arrows: ${JSON.stringify(drawn)}`);
    const strings = (await boxes(hw, 'python-objects-reference')).filter((b) => b.type === 'str');
    assert.ok(strings.length > 0 && strings.every((b) => b.count < 50_000), `fewer string objects than names: ${JSON.stringify(strings)}`);
  }],
  ['weak-references', 'subject', async (hw) => {
    const drawn = await arrows(hw, 'python-objects-reference');
    assert.ok(drawn.some((a) => a.weak), `a weak reference drawn dashed: ${JSON.stringify(drawn)}`);
  }],
]) {
  test(`${slug}'s reference program, beside a run: ${name} as the exercise teaches it`, async (t) => {
    const hw = await app.open(t, `/exercise/${slug}`);
    const py = new PythonPanel(hw);
    await py.open();
    await py.ready();
    await py.setText('numbers = list(range(10))\nprint(len(numbers))\n');
    assert.equal(await py.run(), 'done');
    await seeObjects(hw);
    await seeObjects(hw, 'python-see-reference-objects', 'python-objects-reference');
    await hw.testId('python-objects-reference').locator('[data-testid="python-objects-name"]').selectOption(name);
    await expect(hw);
    assert.ok((await rows(hw, 'python-objects-reference')).length > 0, 'the table lists the same objects');
    hw.assertNoPageErrors();
  });
}

// On a phone the picture scrolls inside its own frame and the table
// sideways in its own, the page never wider than the screen; presenting,
// the picture is drawn twice as large.
test('375 px: the picture and its table scroll in their own frames; presenting, twice as large', async (t) => {
  const hw = await pictureWithTable(t, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const yours = hw.testId('python-objects-yours');
  const frames = await yours.evaluate((side) => {
    const box = (el) => ({ right: Math.round(el.getBoundingClientRect().right), scroll: el.scrollWidth - el.clientWidth });
    return { picture: box(side.querySelector('.py-objects-frame')), table: box(side.querySelector('.py-objects-scroll')),
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  assert.ok(frames.picture.right <= 375 && frames.picture.scroll > 0, `the picture scrolls in its frame: ${JSON.stringify(frames)}`);
  assert.ok(frames.table.right <= 375 && frames.table.scroll > 0, `the table scrolls in its own: ${JSON.stringify(frames)}`);
  assert.equal(frames.page, 0, 'the page is no wider than the screen');
  await hw.screenshot('python-objects-375');

  const zoom = () => yours.locator('svg').first().evaluate((svg) => getComputedStyle(svg).zoom);
  assert.equal(await zoom(), '1');
  await hw.testId('present-button').click();
  await hw.page.waitForFunction(() => document.documentElement.hasAttribute('data-present'));
  assert.equal(await zoom(), '2', 'presenting: the picture twice as large');
  hw.assertNoPageErrors();
});
