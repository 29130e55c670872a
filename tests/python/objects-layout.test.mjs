// python/objects.js's layout and words, in Node: where the objects
// picture puts each box, how its arrows run, what a box says of its size.
// (tests/e2e/python-objects.test.mjs draws real pictures in the page; these
// check the placement on pictures made here.)
//
//   node --test tests/python/objects-layout.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BOX, arrowPath, drawSvg, layout, light, only, sizeWords, title } from '../../www/python/objects.js';

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

/**
 * a = {'shared': s, 'x': 0.5, 'y': 1.5, 'n': ...}, b = {'owner': a, 'pair': (..), 'shared': s}:
 * the walk meets s first (a's first key), so in its order b's arrow to s
 * crosses a's arrows to the floats and ints; b's words for a are long,
 * and bend round between the names.
 */
const CROSSED = {
  roots: [{ name: 'a', box: 0, deep: 1 }, { name: 'b', box: 1, deep: 1 }],
  boxes: [box(0, 'dict', 1, 232, ['a']), box(1, 'dict', 1, 232, ['b']), box(2, 'str', 1, 60), box(3, 'float', 2, 48),
    box(4, 'int', 3, 84), box(5, 'tuple', 1, 56), box(6, 'str', 2, 110)],
  arrows: [
    { from: 0, to: 2, count: 1, weak: false, label: "['shared']" },
    { from: 0, to: 3, count: 2, weak: false, label: "['x'], ['y']" },
    { from: 0, to: 4, count: 3, weak: false, label: null },
    { from: 1, to: 0, count: 1, weak: false, label: "['owner']" },
    { from: 1, to: 5, count: 1, weak: false, label: "['pair']" },
    { from: 1, to: 2, count: 1, weak: false, label: "['shared']" },
    { from: 5, to: 6, count: 2, weak: false, label: '[0], [1]' },
  ],
  total: 1000, objects: 11, stopped: null,
};

/** d = {'key0': [...], ... 'key5': [...]}, each list holding d: many words in one gap, some going back. */
const FAN = {
  roots: [{ name: 'd', box: 0, deep: 1 }],
  boxes: [box(0, 'dict', 1, 360, ['d']), ...[1, 2, 3, 4, 5, 6].map((id) => box(id, 'list', 1, 64))],
  arrows: [1, 2, 3, 4, 5, 6].flatMap((id) => [
    { from: 0, to: id, count: 1, weak: false, label: `['key${id}']` },
    { from: id, to: 0, count: 3, weak: id % 2 === 0, label: null },
  ]),
  total: 1000, objects: 7, stopped: null,
};

// Just enough of the DOM for drawSvg: elements that keep their attributes, text and children.
globalThis.document ??= { createElementNS: (_, name) => ({ name, attributes: {}, children: [], textContent: '',
  setAttribute(key, value) { this.attributes[key] = value; }, append(...nodes) { this.children.push(...nodes); } }) };

/**
 * What drawSvg draws, read back: each box's rectangle, each arrow from its
 * first point to its last, and the room each arrow's words take (7 px a
 * character, 14 px high, 11 of them above the baseline, anchored in the middle).
 */
function drawn(picture) {
  const nodes = [];
  const walk = (node) => { nodes.push(node); node.children.forEach(walk); };
  walk(drawSvg(picture, 'test'));
  const of = (name) => nodes.filter((n) => n.attributes.class?.split(' ')[0] === name);
  return {
    boxes: of('py-objects-box').map((n) => {
      const [x, y] = n.attributes.transform.match(/-?[\d.]+/g).map(Number);
      return [x, y, x + BOX.width, y + BOX.height];
    }),
    arrows: of('py-objects-arrow').map((n) => {
      const v = n.attributes.d.match(/-?[\d.]+/g).map(Number);
      return [v[0], v[1], v.at(-2), v.at(-1)];
    }),
    words: of('py-objects-count').map((n) => {
      const [x, y, half] = [Number(n.attributes.x), Number(n.attributes.y), (7 * n.textContent.length) / 2];
      return { text: n.textContent, room: [x - half, y - 11, x + half, y + 3] };
    }),
  };
}

/** Forward arrows (ending right of where they start) that cross, each taken as the straight line between its ends. */
function crossings(arrows) {
  const side = ([x1, y1, x2, y2], x, y) => Math.sign((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1));
  const forward = arrows.filter(([x1, , x2]) => x2 > x1);
  let n = 0;
  for (const [i, a] of forward.entries()) {
    for (const b of forward.slice(i + 1)) {
      if (side(a, b[0], b[1]) * side(a, b[2], b[3]) < 0 && side(b, a[0], a[1]) * side(b, a[2], a[3]) < 0) n++;
    }
  }
  return n;
}

const overlap = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

test('each column ordered to cross fewer arrows: none here, where the walk\'s order crosses two', () => {
  for (const picture of [PICTURE, CROSSED, FAN]) assert.equal(crossings(drawn(picture).arrows), 0);
  const placed = new Map(layout(CROSSED).boxes.map((b) => [b.id, b]));
  assert.ok(placed.get(0).y < placed.get(1).y, 'the names keep their order');
  assert.ok(placed.get(3).y < placed.get(2).y && placed.get(2).y < placed.get(5).y, 'the string both refer to between a\'s and b\'s own');
  assert.equal(placed.get(6).y, placed.get(5).y, 'a box with one box referring to it level with that box');
  assert.deepEqual(layout(CROSSED), layout(CROSSED), 'the same picture, the same layout');
});

test('arrows at one box start and end at points of their own', () => {
  for (const picture of [PICTURE, CROSSED, FAN]) {
    const { arrows } = drawn(picture);
    const points = arrows.flatMap(([x1, y1, x2, y2]) => [`${x1},${y1}`, `${x2},${y2}`]);
    assert.equal(new Set(points).size, points.length, points.join(' '));
  }
});

test('no arrow\'s words cover a box, nor other words', () => {
  for (const picture of [PICTURE, CROSSED, FAN]) {
    const { boxes, words } = drawn(picture);
    assert.equal(words.length, picture.arrows.filter((a) => a.label || a.count > 1 || a.weak).length);
    for (const [i, w] of words.entries()) {
      assert.ok(boxes.every((b) => !overlap(w.room, b)), `"${w.text}" over a box`);
      assert.ok(words.slice(i + 1).every((v) => !overlap(w.room, v.room)), `"${w.text}" over other words`);
    }
  }
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
  const two = only(PICTURE, ['b', 'r']);
  assert.deepEqual(two.roots.map((x) => x.name), ['b', 'r'], 'two names drawn together');
  assert.deepEqual(two.boxes.map((x) => x.id), [0, 1, 2, 3, 4, 5]);
  assert.equal(two.total, null, 'no one deep size for two names (what they share counts once)');
  assert.deepEqual(only(PICTURE, ['a', '']).roots.map((x) => x.name), ['a'], 'an empty second choice: one name');
});

test('a picture saved as a file takes the light half of each colour pair', () => {
  assert.equal(light('light-dark(#f0ede6, #262d35)'), '#f0ede6');
  assert.equal(light('light-dark(rgb(1, 2, 3), #000)'), 'rgb(1, 2, 3)');
  assert.equal(light('#123456'), '#123456', 'a colour that is not a pair stays');
});
