// The struct layout calculator on the field-order-and-padding page: the
// example is laid out as soon as the page opens, every keystroke recomputes
// it, and its sizes and offsets agree with C's layout rules worked out here
// independently (each of these types is aligned to its size; a struct is
// aligned to its largest field and its size rounded up to that), on 64-bit
// and on wasm32, where pointers and usize are 4 bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEOUT, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const ROUTE = '/exercise/field-order-and-padding';

const FIXED = { u8: 1, i8: 1, bool: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, char: 4, u64: 8, i64: 8, f64: 8 };
/** Size (and alignment) of a type; usize, isize and ptr are pointer-sized. */
const sizeOf = (type, pointerBytes) => FIXED[type] ?? pointerBytes;
const roundUp = (n, to) => Math.ceil(n / to) * to;

/** repr(C): the declared order, each field at the next multiple of its size. */
function reprC(types, pointerBytes) {
  let offset = 0;
  const offsets = types.map((type) => {
    const size = sizeOf(type, pointerBytes);
    offset = roundUp(offset, size);
    const at = offset;
    offset += size;
    return at;
  });
  const align = Math.max(...types.map((type) => sizeOf(type, pointerBytes)));
  return { size: roundUp(offset, align), align, offsets };
}

/** The smallest size any order gives: largest first leaves padding only at the tail. */
function smallestSize(types, pointerBytes) {
  const sizes = types.map((type) => sizeOf(type, pointerBytes));
  return roundUp(sizes.reduce((a, b) => a + b, 0), Math.max(...sizes));
}

/**
 * The calculator's answer, one entry per layout line:
 * { 'repr(C), 64-bit and wasm32': { size, align, padding, fields: [[label, offset], ...] } }.
 */
function parseAnswer(text) {
  const layouts = {};
  for (const line of text.split('\n')) {
    const found = /^(.+?): (\d+) bytes?, align (\d+), (\d+) bytes? of padding; in memory order: (.*)\.$/.exec(line.trim());
    if (!found) continue;
    const fields = found[5]
      .split(', ')
      .map((item) => /^(.+)@(\d+)$/.exec(item))
      .filter(Boolean)
      .map(([, label, offset]) => [label, Number(offset)]);
    layouts[found[1]] = { size: Number(found[2]), align: Number(found[3]), padding: Number(found[4]), fields };
  }
  return layouts;
}

/** Types `input` into the calculator and returns its answer once it has changed. */
async function calculate(hw, input) {
  const output = hw.testId('calculator-output');
  const before = await output.textContent();
  await hw.testId('calculator-input').fill(input);
  const deadline = Date.now() + TIMEOUT.ui;
  for (;;) {
    // The measuring worker answers: "…" (data-state=waiting) until it has.
    const [now, state] = await output.evaluate((el) => [el.textContent, el.getAttribute('data-state')]);
    if (state === 'done' && now !== before) return now;
    if (Date.now() > deadline) throw new Error(`the calculator's answer did not change after typing ${JSON.stringify(input)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Checks one answer against the rules above for fields `types` (unnamed). */
function assertLayouts(answer, types) {
  const layouts = parseAnswer(answer);
  const used = (pointerBytes) => types.reduce((sum, type) => sum + sizeOf(type, pointerBytes), 0);
  // One line for both targets only when everything it prints is the same,
  // the padding included (usize u64: same offsets, 4 bytes more padding on wasm32).
  const printedC = (pointerBytes) => ({ ...reprC(types, pointerBytes), padding: reprC(types, pointerBytes).size - used(pointerBytes) });
  const samePerTarget = JSON.stringify(printedC(8)) === JSON.stringify(printedC(4));
  const targets = samePerTarget ? [['64-bit and wasm32', 8]] : [['64-bit', 8], ['wasm32', 4]];
  for (const [on, pointerBytes] of targets) {
    const c = layouts[`repr(C), ${on}`];
    assert.ok(c, `a repr(C) line for ${on} in:\n${answer}`);
    const wanted = reprC(types, pointerBytes);
    assert.deepEqual([c.size, c.align, c.padding], [wanted.size, wanted.align, wanted.size - used(pointerBytes)], `repr(C) ${types.join(' ')} on ${on}`);
    const inMemory = types.map((type, i) => [type, wanted.offsets[i]]).sort((a, b) => a[1] - b[1]);
    assert.deepEqual(c.fields, inMemory, `repr(C) offsets of ${types.join(' ')} on ${on}`);

    const rust = layouts[`Rust's default order, ${on}`];
    assert.ok(rust, `a default-order line for ${on} in:\n${answer}`);
    assert.equal(rust.size, smallestSize(types, pointerBytes), `default size of ${types.join(' ')} on ${on}`);
    assert.deepEqual(rust.fields.map(([label]) => label).sort(), [...types].sort(), 'every field is placed once');
    for (const [label, offset] of rust.fields) {
      assert.equal(offset % sizeOf(label, pointerBytes), 0, `${label}@${offset} is aligned on ${on}`);
    }
  }
}

test('the example is laid out as soon as the page opens', async (t) => {
  const hw = await app.open(t, ROUTE);
  await hw.expectVisible(hw.testId('calculator-output'), 'the calculator');
  const example = await hw.testId('calculator-input').inputValue();
  assert.equal(example, 'bool i64 u8 f32');
  await hw.expectVisible(hw.page.locator('[data-testid="calculator-output"][data-state="done"]'), 'the answer from the measuring worker');
  const answer = await hw.testId('calculator-output').textContent();
  assertLayouts(answer, example.split(' '));
  assert.match(answer, /Declared largest alignment first \(i64, f32, bool, u8\), repr\(C\) would also take 16 bytes/);
  hw.assertNoPageErrors();
});

test('every order of the record: repr(C) keeps it, the default is always the smallest', async (t) => {
  const hw = await app.open(t, ROUTE);
  await hw.expectVisible(hw.testId('calculator-output'), 'the calculator');
  const permutations = (items) =>
    items.length <= 1 ? [items] : items.flatMap((first, i) => permutations(items.filter((_, j) => j !== i)).map((rest) => [first, ...rest]));
  const orders = permutations(['i64', 'f32', 'bool', 'u8']).filter((order) => order.join(' ') !== 'bool i64 u8 f32');
  for (const order of orders) {
    assertLayouts(await calculate(hw, order.join(' ')), order);
  }
  hw.assertNoPageErrors();
});

test('pointer-sized fields are laid out for each target, named fields by name', async (t) => {
  const hw = await app.open(t, ROUTE);
  await hw.expectVisible(hw.testId('calculator-output'), 'the calculator');
  assertLayouts(await calculate(hw, 'u8 ptr u16 usize'), ['u8', 'ptr', 'u16', 'usize']);
  assertLayouts(await calculate(hw, 'char, bool, isize, i16'), ['char', 'bool', 'isize', 'i16']);
  assertLayouts(await calculate(hw, 'usize u64'), ['usize', 'u64']);
  const named = parseAnswer(await calculate(hw, 'flag: bool, id: i64'))['repr(C), 64-bit and wasm32'];
  assert.deepEqual(named.fields, [['flag', 0], ['id', 8]]);
  hw.assertNoPageErrors();
});

test('an unknown type is explained, and fixing it brings the layout back', async (t) => {
  const hw = await app.open(t, ROUTE);
  await hw.expectVisible(hw.testId('calculator-output'), 'the calculator');
  const refused = await calculate(hw, 'i64 float');
  assert.match(refused, /`float` is not a type this calculator knows/);
  assert.deepEqual(parseAnswer(refused), {}, 'no layout is shown for a bad input');
  assertLayouts(await calculate(hw, 'i64 f64'), ['i64', 'f64']);
  hw.assertNoPageErrors();
});
