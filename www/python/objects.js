// See your objects (issue 29): the picture of what a program's global names
// hold once it has ended, drawn from heapwise_check.objects.picture (the
// program run once more, plainly, in a fresh interpreter), with a table
// that says the same in rows (for the keyboard and screen readers, and to
// copy from). Loaded by python/panel.js when the student asks for it, so
// none of it is in the first load.
//
// The layout is ours, and small: the named objects in the first column,
// each other box in the column of its shortest path from a name, ordered
// by a few sweeps of the barycentre heuristic to cross fewer arrows; an
// arrow to a later column is a curve, one to the same or an earlier column
// (a cycle, a name sharing another's object) bends round to the right. A
// graph-layout library (elkjs, dagre) would cost more than this whole file
// for pictures of at most 150 boxes that are mostly trees (README,
// "Libraries").

import { grouped } from './panel.js';

export const BOX = { width: 214, height: 48, column: 290, row: 66, margin: 16 };
const TIME_LIMIT_SECONDS = 60;
const SVG = 'http://www.w3.org/2000/svg';

const CSS = `
.py-objects-sides { display: grid; gap: 1rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); }
.py-objects-sides > * { min-width: 0; }
.py-objects-sides > :empty { display: none; }
.py-objects-scroll { overflow-x: auto; }
.py-objects-frame { max-height: 32rem; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--raised); }
.py-objects-frame svg { display: block; }
.py-objects-box rect { fill: var(--card); stroke: var(--ink); stroke-width: 1.5; }
.py-objects-box.named rect { stroke: var(--accent); stroke-width: 2.5; }
.py-objects-box text { fill: var(--ink); font-size: 13px; font-family: inherit; }
.py-objects-box text.size { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.py-objects-arrow { fill: none; stroke: var(--muted); stroke-width: 1.5; }
.py-objects-arrow.weak { stroke-dasharray: 6 4; }
.py-objects-head { fill: var(--muted); }
.py-objects-count { fill: var(--ink); font-size: 12px; font-variant-numeric: tabular-nums; paint-order: stroke; stroke: var(--raised); stroke-width: 4px; }
.py-objects-table { margin-top: .5rem; }
.py-objects-table td, .py-objects-table th { font-variant-numeric: tabular-nums; }
.py-objects-table ul { margin: .25rem 0 0; padding-left: 1.1rem; }
.py-objects-table li { overflow-wrap: anywhere; }
.py-objects-table td:last-child, .py-objects-table th:last-child { text-align: left; }
.py-objects-table td:last-child { min-width: 12rem; }
.py-objects-box[data-many="true"] { cursor: pointer; }
/* Presenting: the whole picture twice as large (its 12 and 13 px text at 24 and 26), boxes and arrows with it. */
:root[data-present] .py-objects-frame { max-height: 70vh; }
:root[data-present] .py-objects-frame svg { zoom: 2; }
:root[data-present] .py-objects-box text { font-size: 13px; }
:root[data-present] .py-objects-box text.size, :root[data-present] .py-objects-count { font-size: 12px; }
`;

let styled = false;
function style() {
  if (styled || typeof CSSStyleSheet === 'undefined') return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  styled = true;
}

/** "48 B" / "1,999 × 48 B = 95,952 B" / "3 objects, 1,234 B": a box's size in words. */
export function sizeWords(box) {
  const more = box.uncounted ? ' + attributes' : '';
  if (box.count === 1) return `${grouped(box.size)} B${more}`;
  if (box.each !== null && box.each !== undefined) return `${grouped(box.count)} × ${grouped(box.each)} B${more} = ${grouped(box.size)} B`;
  return `${grouped(box.count)} objects, ${grouped(box.size)} B${more}`;
}

/** Said under a picture with instances whose attributes getsizeof leaves out (heapwise_check/objects.py). */
export const UNCOUNTED = 'A box marked "+ attributes" holds instances without __slots__ whose attributes Python 3.11 and later '
  + 'keep in storage of their own that sys.getsizeof does not count (until something asks for their __dict__): they take more than '
  + 'the figure shown (with three attributes, 40 to 48 bytes more each under tracemalloc on 64-bit CPython 3.11 to 3.13), '
  + 'which Memory by line counts.';

/** A box's title: its names, or its type (with how many when more than one). */
export function title(box) {
  if (box.named.length) return `${box.named.join(', ')}: ${box.type}`;
  return box.count === 1 ? box.type : `${grouped(box.count)} × ${box.type}`;
}

/**
 * Where each box goes: { width, height, boxes: [{ id, x, y, column }] }.
 * Named boxes in column 0, every other one in the column of its shortest
 * path from a named box (arrows of both kinds); each column in the order
 * that crosses fewest arrows, each box level with the boxes that refer to it.
 */
export function layout(picture) {
  const out = new Map();
  for (const arrow of picture.arrows) {
    if (!out.has(arrow.from)) out.set(arrow.from, []);
    out.get(arrow.from).push(arrow.to);
  }
  const column = new Map();
  const queue = [];
  for (const root of picture.roots) {
    if (!column.has(root.box)) {
      column.set(root.box, 0);
      queue.push(root.box);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const next of out.get(queue[i]) ?? []) {
      if (!column.has(next)) {
        column.set(next, column.get(queue[i]) + 1);
        queue.push(next);
      }
    }
  }
  // A box no name reaches strongly or weakly (cannot happen today): last column.
  const deepest = Math.max(0, ...column.values());
  for (const box of picture.boxes) if (!column.has(box.id)) column.set(box.id, deepest + 1);
  const columns = [];
  for (const id of [...queue, ...picture.boxes.map((b) => b.id).filter((id) => !queue.includes(id))]) (columns[column.get(id)] ??= []).push(id);
  // A shortest path's columns: every arrow forward goes one column on, so
  // two arrows cross where their ends in two neighbouring columns come in
  // opposite orders.
  const links = picture.arrows.filter((a) => column.get(a.to) === column.get(a.from) + 1);
  const place = new Map();
  const number = () => columns.forEach((ids) => ids.forEach((id, i) => place.set(id, i)));
  const crossings = () => {
    let n = 0;
    for (const a of links) for (const b of links) if (column.get(a.from) === column.get(b.from) && place.get(a.from) < place.get(b.from) && place.get(a.to) > place.get(b.to)) n++;
    return n;
  };
  // The barycentre heuristic, a few sweeps right and back: a column sorted
  // by the mean place of each box's links in the column before (going
  // right) or after (going back, the names staying in their order), the
  // best order seen kept. Ties and boxes without links keep their place,
  // so a picture always comes out the same.
  const mean = (xs, none) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : none);
  const sweep = (c, side, other) => {
    const key = new Map(columns[c].map((id) => [id, mean(links.filter((a) => a[side] === id).map((a) => place.get(a[other])), place.get(id))]));
    columns[c].sort((p, q) => key.get(p) - key.get(q));
    number();
  };
  number();
  let fewest = crossings();
  let best = columns.map((ids) => [...ids]);
  for (let round = 0; round < 8 && fewest > 0; round++) {
    if (round % 2) for (let c = columns.length - 2; c > 0; c--) sweep(c, 'from', 'to');
    else for (let c = 1; c < columns.length; c++) sweep(c, 'to', 'from');
    const n = crossings();
    if (n < fewest) [fewest, best] = [n, columns.map((ids) => [...ids])];
  }
  // Each box on the row of the mean of the rows that refer to it, pushed
  // down below the box above it and, where that would make the column the
  // tallest, back up. Every box stays on a row, so the gaps between rows
  // run clear across the picture, for the arrows' words.
  const tallest = best.reduce((most, ids) => Math.max(most, ids.length), 1);
  const row = new Map();
  const placed = [];
  best.forEach((ids, c) => {
    let last = -1;
    const rows = ids.map((id) => (last = Math.max(last + 1, Math.round(mean(links.filter((a) => a.to === id).map((a) => row.get(a.from)), 0)))));
    let floor = tallest;
    for (let i = rows.length - 1; i >= 0; i--) floor = rows[i] = Math.min(rows[i], floor - 1);
    ids.forEach((id, i) => {
      row.set(id, rows[i]);
      placed.push({ id, column: c, x: BOX.margin + c * BOX.column, y: BOX.margin + rows[i] * BOX.row });
    });
  });
  return {
    width: BOX.margin * 2 + (columns.length - 1) * BOX.column + BOX.width + 60,
    height: BOX.margin * 2 + (tallest - 1) * BOX.row + BOX.height,
    boxes: placed,
  };
}

/**
 * The path of an arrow between two placed boxes, from height y1 on its
 * first box to y2 on its second: forward a curve, else a bend round the
 * right. `mid` is where its words go first; `along(t)` the point t of the
 * way along it.
 */
export function arrowPath(from, to, y1 = from.y + BOX.height / 2, y2 = to.y + BOX.height / 2) {
  const x1 = from.x + BOX.width;
  let curve;
  if (to.column > from.column) {
    const x2 = to.x;
    const bend = (x2 - x1) / 2;
    curve = [[x1, y1], [x1 + bend, y1], [x2 - bend, y2], [x2, y2]];
  } else {
    const x2 = to.x + BOX.width;
    const out = Math.max(x1, x2) + 40;
    curve = from === to ? [[x1, y1], [out, y1 - 20], [out, y2 + 20], [x2, y2]] : [[x1, y1], [out, y1], [out, y2], [x2, y2]];
  }
  const along = (t) => [0, 1].map((i) => curve.reduce((s, p, k) => s + [1, 3, 3, 1][k] * (1 - t) ** (3 - k) * t ** k * p[i], 0));
  // Forward, its words a third of the way along, where arrows from
  // different boxes are still apart; back, at the bend.
  return { d: `M${curve[0]} C${curve.slice(1).join(' ')}`, mid: along(to.column > from.column ? 0.3 : 0.5), along };
}

const clear = (rect, others) => !others.some((o) => rect[0] < o[2] && o[0] < rect[2] && rect[1] < o[3] && o[1] < rect[3]);

/**
 * Each arrow as drawn: [{ arrow, d, words, at: [x, y] of its words }].
 * The arrows at a box start and end at points of their own along its
 * edge (forward ones in at the left, the others at the right), in the
 * order of the boxes at their other ends, so that they neither converge
 * nor cross there. Words go at the first place along their arrow, just
 * above or below it, that covers no box (nor, if it can, other words),
 * else in the gap between two rows, which no box covers.
 */
export function routes(picture, placed) {
  const at = new Map(placed.boxes.map((b) => [b.id, b]));
  const drawn = picture.arrows.filter((a) => at.has(a.from) && at.has(a.to));
  const edges = new Map();
  const end = (box, left, arrow, side, other) => {
    const key = `${box} ${left}`;
    if (!edges.has(key)) edges.set(key, []);
    edges.get(key).push({ box, arrow, side, other });
  };
  for (const arrow of drawn) {
    end(arrow.from, false, arrow, 'from', arrow.to);
    end(arrow.to, at.get(arrow.to).column > at.get(arrow.from).column, arrow, 'to', arrow.from);
  }
  const ends = new Map(drawn.map((a) => [a, {}]));
  for (const list of edges.values()) {
    // A stable sort: ends that tie keep the arrows' order at both their boxes, so they do not cross.
    list.sort((p, q) => at.get(p.other).y - at.get(q.other).y);
    list.forEach((e, k) => { ends.get(e.arrow)[e.side] = at.get(e.box).y + Math.round((6 + ((BOX.height - 12) * (k + 0.5)) / list.length) * 10) / 10; });
  }
  const boxes = placed.boxes.map((b) => [b.x, b.y, b.x + BOX.width, b.y + BOX.height]);
  const taken = [];
  return drawn.map((arrow) => {
    const { d, mid, along } = arrowPath(at.get(arrow.from), at.get(arrow.to), ends.get(arrow).from, ends.get(arrow).to);
    const words = [arrow.label, arrow.count > 1 ? `× ${grouped(arrow.count)}` : null, arrow.weak ? 'weak' : null].filter(Boolean).join(' ');
    if (!words) return { arrow, d, words };
    const points = [mid, ...[0.5, 0.15, 0.7, 0.85].map(along)];
    // The room its words take, anchored in the middle on their baseline: 7 px a character at most.
    const half = (words.length * 7) / 2 + 2;
    const room = ([x, y]) => [x - half, y - 12, x + half, y + 4];
    // The gap above the row nearest y (or below the last): 18 px high, clear of every box.
    const gap = (y) => Math.min(BOX.margin + Math.max(0, Math.round((y - BOX.margin + 9) / BOX.row)) * BOX.row, placed.height) - 4;
    const spots = [...points.flatMap(([x, y]) => [[x, y - 4], [x, y + 14]]), ...[0, -1, 1].flatMap((r) => points.map(([x, y]) => [x, gap(y + r * BOX.row)]))]
      .map(([x, y]) => [Math.min(Math.max(x, half), placed.width - half), y]);
    const spot = spots.find((s) => clear(room(s), boxes) && clear(room(s), taken)) ?? spots.find((s) => clear(room(s), boxes));
    taken.push(room(spot));
    return { arrow, d, words, at: spot };
  });
}

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

let pictures = 0;

/** The picture as an SVG element (its table is `table`). */
export function drawSvg(picture, label) {
  const placed = layout(picture);
  const at = new Map(placed.boxes.map((b) => [b.id, b]));
  const svg = el('svg', { width: placed.width, height: placed.height, viewBox: `0 0 ${placed.width} ${placed.height}`, role: 'img', 'aria-label': label });
  const marker = `py-objects-head-${++pictures}`;
  const defs = el('defs');
  const head = el('marker', { id: marker, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  head.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'py-objects-head' }));
  defs.append(head);
  svg.append(defs);
  const arrows = el('g');
  const counts = el('g');
  for (const { arrow, d, words, at: spot } of routes(picture, placed)) {
    arrows.append(el('path', { d, class: `py-objects-arrow${arrow.weak ? ' weak' : ''}`, 'marker-end': `url(#${marker})`,
      'data-testid': 'python-objects-arrow', 'data-weak': arrow.weak, 'data-count': arrow.count }));
    if (words) counts.append(el('text', { x: spot[0], y: spot[1], 'text-anchor': 'middle', class: 'py-objects-count' }, words));
  }
  svg.append(arrows);
  for (const box of picture.boxes) {
    const where = at.get(box.id);
    const group = el('g', { class: `py-objects-box${box.named.length ? ' named' : ''}`, transform: `translate(${where.x},${where.y})`,
      'data-testid': 'python-objects-box', 'data-type': box.type, 'data-count': box.count, 'data-bytes': box.size,
      'data-uncounted': Boolean(box.uncounted), 'data-box': box.id, 'data-many': box.count > 1 && box.sample.length > 0 });
    group.append(el('rect', { width: BOX.width, height: BOX.height, rx: 6 }));
    group.append(el('text', { x: 8, y: 19 }, clip(title(box), 27)));
    group.append(el('text', { x: 8, y: 37, class: 'size' }, clip(sizeWords(box), 34)));
    group.append(el('title', {}, `${title(box)}: ${sizeWords(box)}${box.sample.length ? `; for example ${box.sample.join(', ')}` : ''}`));
    svg.append(group);
  }
  svg.append(counts);
  return svg;
}

/**
 * The part of `picture` reachable from its global name `names` (one name, or
 * several: a naive and an optimized variant drawn together): their boxes and
 * every box their arrows (strong or weak) lead to; one name's deep size as
 * the total (of several, none: what they share is counted once, which their
 * deep sizes do not say). Alike objects share a box, so a box another name
 * also reaches is drawn whole.
 */
export function only(picture, names) {
  const wanted = [names].flat().filter(Boolean);
  const roots = picture.roots.filter((r) => wanted.includes(r.name));
  if (!roots.length) return picture;
  const kept = new Set(roots.map((r) => r.box));
  const queue = [...kept];
  for (let i = 0; i < queue.length; i++) {
    for (const arrow of picture.arrows) {
      if (arrow.from === queue[i] && !kept.has(arrow.to)) {
        kept.add(arrow.to);
        queue.push(arrow.to);
      }
    }
  }
  return {
    ...picture,
    roots,
    boxes: picture.boxes.filter((b) => kept.has(b.id)),
    arrows: picture.arrows.filter((a) => kept.has(a.from) && kept.has(a.to)),
    total: roots.length === 1 ? roots[0].deep : null,
    objects: null,
  };
}

/**
 * The picture as a file of its own: the SVG with its styles written in,
 * each colour the page's as drawn (light or dark), on its background.
 */
export function svgFile(svg, root = document.documentElement) {
  const colours = getComputedStyle(root);
  // The light colours, whatever the page shows, as the charts' files have
  // them: each colour is a `light-dark(light, dark)` pair (style.css).
  const colour = (name) => light(colours.getPropertyValue(name).trim());
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', SVG);
  const css = CSS.split('\n').filter((line) => line.startsWith('.py-objects-') && !line.startsWith('.py-objects-frame') && !line.startsWith('.py-objects-sides') && !line.startsWith('.py-objects-table') && !line.startsWith('.py-objects-scroll'))
    .join('\n').replace(/var\((--[a-z-]+)\)/g, (_, name) => colour(name) || 'currentColor');
  const font = colours.getPropertyValue('font-family').trim();
  const styleNode = el('style', {}, `svg { font-family: ${font || 'sans-serif'}; }\n${css}`);
  const background = el('rect', { width: '100%', height: '100%', fill: colour('--raised') || 'white' });
  copy.insertBefore(background, copy.firstChild);
  copy.insertBefore(styleNode, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The light half of a `light-dark(light, dark)` colour; any other value as it is. */
export function light(value) {
  const pair = /^light-dark\(\s*([^,()]+(?:\([^()]*\))?)\s*,/.exec(value);
  return pair ? pair[1].trim() : value;
}

function clip(text, most) {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

/**
 * What a box's objects look like: its one object's value, or, for many alike,
 * a few of them behind a disclosure ("3 of 10,000"), which a click on the
 * box in the picture opens.
 */
function sample(box) {
  const cell = document.createElement('td');
  if (!box.sample.length) {
    cell.textContent = '—';
  } else if (box.count === 1) {
    cell.textContent = box.sample[0];
  } else {
    const more = document.createElement('details');
    more.dataset.testid = 'python-objects-sample';
    more.dataset.box = box.id;
    const summary = document.createElement('summary');
    summary.textContent = `${box.sample.length} of ${grouped(box.count)}`;
    const list = document.createElement('ul');
    list.append(...box.sample.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    more.append(summary, list);
    cell.append(more);
  }
  return cell;
}

/** The same picture as a table: object, type, how many, bytes each, bytes in all, refers to, referred to by, for example. */
export function table(picture, caption) {
  const names = new Map(picture.boxes.map((b) => [b.id, title(b)]));
  const into = (id, side) => picture.arrows.filter((a) => a[side] === id)
    .map((a) => `${names.get(side === 'from' ? a.to : a.from)}${a.count > 1 ? ` (× ${grouped(a.count)})` : ''}${a.weak ? ' (weakly)' : ''}`)
    .join('; ') || '—';
  const node = document.createElement('table');
  node.className = 'figures py-objects-table';
  node.dataset.testid = 'python-objects-table';
  const head = node.createCaption();
  head.textContent = caption;
  const row = (cells, header) => {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement(header ? 'th' : 'td');
      td.textContent = cell;
      tr.append(td);
    }
    return tr;
  };
  const thead = node.createTHead();
  thead.append(row(['Object', 'Type', 'How many', 'Bytes each', 'Bytes in all', 'Refers to', 'Referred to by', 'For example'], true));
  const body = node.createTBody();
  for (const box of picture.boxes) {
    const tr = row([box.named.join(', '), box.type, grouped(box.count),
      (box.each === null || box.each === undefined ? 'varies' : grouped(box.each)) + (box.uncounted ? ' + attributes' : ''), grouped(box.size),
      into(box.id, 'from'), into(box.id, 'to')]);
    tr.append(sample(box));
    tr.dataset.testid = 'python-objects-row';
    tr.dataset.type = box.type;
    tr.dataset.count = box.count;
    tr.dataset.bytes = box.size;
    tr.dataset.uncounted = Boolean(box.uncounted);
    body.append(tr);
  }
  return node;
}

/** One side: its heading, the names' deep sizes, which names to draw, the picture, its file and its table. */
function side(place, heading, whole, testid) {
  const section = document.createElement('div');
  section.dataset.testid = testid;
  const h = document.createElement('h4');
  h.textContent = heading;
  const sums = document.createElement('p');
  sums.className = 'fine';
  sums.dataset.testid = 'python-objects-deep';
  sums.dataset.total = whole.total;
  const deep = whole.roots.map((r) => `${r.name} ${grouped(r.deep)} B`).join(', ');
  sums.textContent = `Reachable from each name (each object counted once): ${deep || 'nothing'}. All names together: ${grouped(whole.total)} B in ${grouped(whole.objects)} objects.`
    + (whole.stopped ? ` The walk stopped ${whole.stopped}: these figures leave out what it did not reach.` : '')
    + (whole.boxes.some((b) => b.uncounted) ? ` ${UNCOUNTED}` : '');
  const tools = document.createElement('p');
  tools.className = 'fine py-objects-tools';
  const label = document.createElement('label');
  label.textContent = 'Draw ';
  const pick = document.createElement('select');
  pick.dataset.testid = 'python-objects-name';
  pick.append(new Option('every name', ''), ...whole.roots.map((r) => new Option(`${r.name} (${grouped(r.deep)} B)`, r.name)));
  label.append(pick);
  // A second name drawn with the first: the naive variant beside the optimized one.
  const withLabel = document.createElement('label');
  withLabel.textContent = 'with ';
  const pickWith = document.createElement('select');
  pickWith.dataset.testid = 'python-objects-with';
  pickWith.append(new Option('no other name', ''), ...whole.roots.map((r) => new Option(`${r.name} (${grouped(r.deep)} B)`, r.name)));
  withLabel.append(pickWith);
  const save = document.createElement('button');
  save.type = 'button';
  save.className = 'secondary';
  save.dataset.testid = 'python-objects-svg';
  save.textContent = 'Download SVG';
  tools.append(label, ' ', withLabel, ' ', save);
  const frame = document.createElement('div');
  frame.className = 'py-objects-frame';
  frame.tabIndex = 0;
  frame.setAttribute('role', 'region');
  frame.setAttribute('aria-label', `${heading}: picture`);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'The same as a table';
  let svg = null;
  const names = () => (pick.value ? [pick.value, pickWith.value] : []).filter((n, i, all) => n && all.indexOf(n) === i);
  const show = () => {
    pickWith.disabled = !pick.value;
    const drawn = names();
    const picture = drawn.length ? only(whole, drawn) : whole;
    const what = drawn.length ? `${heading}, ${drawn.join(' and ')} only` : heading;
    svg = drawSvg(picture, `${what}: ${picture.boxes.length} boxes of objects and the references between them; the table below lists them`);
    frame.replaceChildren(svg);
    // The table scrolls sideways in its own box where it is wider than its side.
    const scroll = document.createElement('div');
    scroll.className = 'py-objects-scroll';
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', `${what}: table`);
    scroll.append(table(picture, what));
    details.replaceChildren(summary, scroll);
  };
  pick.addEventListener('change', show);
  pickWith.addEventListener('change', show);
  // A click on a box of many alike objects opens the table at a few of them.
  frame.addEventListener('click', (event) => {
    const id = event.target.closest?.('[data-testid="python-objects-box"]')?.dataset.box;
    const more = id === undefined ? null : details.querySelector(`[data-testid="python-objects-sample"][data-box="${id}"]`);
    if (!more) return;
    details.open = true;
    more.open = true;
    more.closest('tr').scrollIntoView({ block: 'nearest' });
    more.querySelector('summary').focus({ preventScroll: true });
  });
  save.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([svgFile(svg)], { type: 'image/svg+xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `objects-${testid.replace(/^python-objects-/, '')}${names().map((n) => `-${n}`).join('')}.svg`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  });
  show();
  section.append(h, sums, tools, frame, details);
  place.append(section);
}

/**
 * Runs `source` once more (`run`: python-bridge.js's pythonObjects) and
 * draws what its names hold at the end into `place` under `heading`; says
 * in words why when it cannot.
 */
export async function draw(place, source, heading, testid, run) {
  style();
  const status = document.createElement('p');
  status.className = 'fine';
  status.setAttribute('role', 'status');
  status.textContent = `${heading}: running it once more, in a fresh Python, to walk its objects…`;
  place.append(status);
  try {
    const { error, objects } = await run(source, TIME_LIMIT_SECONDS);
    if (!objects || !Array.isArray(objects.boxes)) {
      status.textContent = `${heading}: ${objects?.stopped ?? 'no picture came back.'}`;
      return;
    }
    status.remove();
    if (error) {
      const note = document.createElement('p');
      note.className = 'fine';
      note.textContent = `${heading} raised ${error.type}${error.line ? ` on line ${error.line}` : ''}: the picture shows what its names held when it stopped.`;
      place.append(note);
    }
    side(place, heading, objects, testid);
  } catch (why) {
    status.className = 'error';
    status.textContent = `${heading}: the objects could not be drawn. ${why?.message ?? why}`;
  }
}
