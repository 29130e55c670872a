// python/objects.js's layout and words, in Node: where the objects
// picture puts each box, how its arrows run, what a box says of its size.
// (tests/e2e/python-objects.test.mjs draws real pictures in the page; these
// check the placement on pictures made here.)
//
//   node --test tests/python/objects-layout.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BOX, arrowPath, layout, light, only, sizeWords, title } from '../../www/python/objects.js';

const box = (id, type, count, size, named = []) => ({ id, type, count, size, each: count ? size / count : null, sample: [], named });

/** a -> list -> 10 x P -> floats; b -> the same list; the list holds itself; a weak ref to a named object. */
const PICTURE = {
  roots: [{ name: 'a', box: 0, deep: 1 }, { name: 'b', box: 1, deep: 1 }, { name: 'r', box: 5, deep: 1 }],
  boxes: [box(0, 'list', 1, 88, ['a']), box(1, 'list', 1, 56, ['b']), box(2, 'P', 10, 480), box(3, 'float', 11, 264),
    box(4, 'dict', 1, 232), box(5, 'weakref.ReferenceType', 1, 80, ['r'])],
  arrows: [
    { from: 0, to: 2, count: 10, weak: false, label: null },
    { from: 2, to: 3, count: 20, weak: false, label: null },
    { from: 1, to: 0, count: 1, weak: false, label: '[0]' },
    { from: 0, to: 0, count: 1, weak: false, label: '[10]' },
    { from: 2, to: 4, count: 1, weak: false, label: null },
    { from: 5, to: 1, count: 1, weak: true, label: null },
  ],
  total: 1200, objects: 25, stopped: null,
};

test('named boxes in the first column, the others at their shortest distance from a name', () => {
  const placed = new Map(layout(PICTURE).boxes.map((b) => [b.id, b]));
  assert.deepEqual([0, 1, 5].map((id) => placed.get(id).column), [0, 0, 0]);
  assert.equal(placed.get(2).column, 1);
  assert.equal(placed.get(3).column, 2);
  assert.equal(placed.get(4).column, 2);
});

test('no two boxes overlap, and the picture holds every box and the bends right of the last column', () => {
  const { width, height, boxes } = layout(PICTURE);
  assert.equal(boxes.length, PICTURE.boxes.length);
  for (const a of boxes) {
    assert.ok(a.x >= 0 && a.y >= 0 && a.x + BOX.width <= width && a.y + BOX.height <= height, JSON.stringify(a));
    for (const b of boxes) {
      if (a === b) continue;
      const apart = a.x + BOX.width <= b.x || b.x + BOX.width <= a.x || a.y + BOX.height <= b.y || b.y + BOX.height <= a.y;
      assert.ok(apart, `${a.id} and ${b.id} overlap`);
    }
  }
  // An arrow back or to itself bends 40 px right of the boxes it joins: inside the picture.
  const placed = new Map(boxes.map((b) => [b.id, b]));
  const loop = arrowPath(placed.get(0), placed.get(0));
  const xs = loop.d.match(/-?\d+(\.\d+)?/g).map(Number).filter((_, i) => i % 2 === 0);
  assert.ok(Math.max(...xs) <= width, `${loop.d} within ${width}`);
});

test('an arrow forward starts at its box\'s right edge and ends at the next one\'s left edge', () => {
  const placed = new Map(layout(PICTURE).boxes.map((b) => [b.id, b]));
  const from = placed.get(0);
  const to = placed.get(2);
  const { d, mid } = arrowPath(from, to);
  assert.ok(d.startsWith(`M${from.x + BOX.width},${from.y + BOX.height / 2} `), d);
  assert.ok(d.endsWith(` ${to.x},${to.y + BOX.height / 2}`), d);
  assert.ok(mid[0] > from.x + BOX.width && mid[0] < to.x, `its words between the two: ${mid}`);
});

test('a box says its size: one object, many alike, many of several sizes', () => {
  assert.equal(sizeWords(box(0, 'list', 1, 88)), '88 B');
  assert.equal(sizeWords(box(0, 'P', 1999, 1999 * 48)), '1,999 × 48 B = 95,952 B');
  assert.equal(sizeWords({ ...box(0, 'str', 3, 170), each: null }), '3 objects, 170 B');
  assert.equal(title(box(0, 'list', 1, 88, ['a', 'b'])), 'a, b: list');
  assert.equal(title(box(0, 'P', 1999, 1)), '1,999 × P');
});

test('one name only: its box and every box its arrows reach, weak ones too, and its deep size', () => {
  const b = only(PICTURE, 'b');
  assert.deepEqual(b.roots.map((r) => r.name), ['b']);
  assert.deepEqual(b.boxes.map((x) => x.id), [0, 1, 2, 3, 4], 'b -> a\'s list -> the P boxes -> floats and dict');
  assert.ok(b.arrows.every((a) => a.from !== 5 && a.to !== 5), 'r is not reached from b');
  assert.equal(b.total, 1);
  const r = only(PICTURE, 'r');
  assert.deepEqual(r.boxes.map((x) => x.id).sort(), [0, 1, 2, 3, 4, 5], 'a weak arrow is followed for the drawing');
  assert.equal(only(PICTURE, 'nobody'), PICTURE, 'a name that is not there: the whole picture');
});

test('a picture saved as a file takes the light half of each colour pair', () => {
  assert.equal(light('light-dark(#f0ede6, #262d35)'), '#f0ede6');
  assert.equal(light('light-dark(rgb(1, 2, 3), #000)'), 'rgb(1, 2, 3)');
  assert.equal(light('#123456'), '#123456', 'a colour that is not a pair stays');
});
