// Exact figures worked out by hand from each exercise's data layout, not by
// running the app's code: the end-to-end tests compare the page against
// them. One entry per exercise slug (exercises without an entry are still
// run by run-every-exercise.test.mjs, just without exact checks):
//
//   slug: (params, pointerBytes) => [{ variant, metric, bytes } | { variant, metric, count }]
//
// `params` are the run's parameter values by name (exact integers), and
// `pointerBytes` is what the page reports in [data-testid=pointer-bytes]
// (4 on wasm32), for layouts that hold pointers or usizes. `metric` is one of
// peak_bytes, retained_bytes, allocated_bytes, reported_bytes (use `bytes`)
// or allocations (use `count`).

export const expected = {
  // `optimized` collects n SlottedPoint { x, y, z: f64 } into one Vec of
  // exactly n elements (the iterator's length is known): 3 * 8 = 24 bytes a
  // point whatever the pointer size, in a single allocation, no other heap.
  // `naive` makes one Vec of handles and one hash table per point; nothing
  // else, even on a fresh worker's first run (the worker sets up std's
  // one-time hash-key state before it takes runs).
  // `shared-keys` holds the class's key table (three &str, 2 words each),
  // a Vec of n handles (3 words each) and n arrays of exactly three f64.
  'slots-vs-dict': ({ n }, p) => [
    { variant: 'naive', metric: 'allocations', count: n + 1 },
    { variant: 'shared-keys', metric: 'peak_bytes', bytes: 3 * 2 * p + n * (3 * p + 24) },
    { variant: 'shared-keys', metric: 'allocations', count: n + 2 },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 24 * n },
    { variant: 'optimized', metric: 'allocated_bytes', bytes: 24 * n },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],

  // Squares collected into one Vec<u64> of exactly n; the iterator sums
  // with no heap at all.
  'generator-vs-list': ({ n }) => [
    { variant: 'naive', metric: 'peak_bytes', bytes: 8 * n },
    { variant: 'naive', metric: 'allocations', count: 1 },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 0 },
    { variant: 'optimized', metric: 'allocations', count: 0 },
  ],

  // naive: a Vec of n pointers plus n Rc blocks, each two usize counts
  // (rounded up to the f64's 8-byte alignment) and the f64 itself.
  'array-vs-list': ({ n }, p) => [
    { variant: 'naive', metric: 'peak_bytes', bytes: n * (p + roundUp(2 * p, 8) + 8) },
    { variant: 'naive', metric: 'allocations', count: n + 1 },
    { variant: 'f64', metric: 'peak_bytes', bytes: 8 * n },
    { variant: 'f32', metric: 'peak_bytes', bytes: 4 * n },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 2 * n },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],

  // Three f64 fields for a point, four f32-or-f64 readings packed to 24,
  // five f64 fields for a user: one Vec of n structs.
  'slots-at-scale': ({ n, fields }) => [
    { variant: 'optimized', metric: 'peak_bytes', bytes: n * ({ 3: 24, 4: 24, 5: 32 })[fields] },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],

  // One record = 13 bytes big-endian (u32, f32, f32, u8), in one buffer.
  'struct-packing': ({ n }) => [
    { variant: 'optimized', metric: 'peak_bytes', bytes: 13 * n },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],

  // A Record is 16 bytes; chunks reuse one buffer of `chunk` records.
  'chunked-processing': ({ n, chunk }) => [
    { variant: 'naive', metric: 'peak_bytes', bytes: 16 * n },
    { variant: 'fresh-chunks', metric: 'peak_bytes', bytes: 16 * chunk },
    { variant: 'fresh-chunks', metric: 'allocations', count: Math.ceil(n / chunk) },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 16 * chunk },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],

  // The file lives in a Blob outside the wasm heap: reading all of it copies
  // size_kib KiB into the heap, reading the range copies 100 bytes.
  'memory-mapped-file': ({ size_kib }) => [
    { variant: 'naive', metric: 'peak_bytes', bytes: size_kib * 1024 },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 100 },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],

  // Every variant builds the same Vec of rows x row_len u32 Vecs (3 words
  // each in the outer buffer) and reports its own size of it: naive (deep)
  // = the table's 3 words + all it holds, one level = 3 words + the row
  // headers, optimized (shallow) = the 3 words.
  'shallow-vs-deep-size': ({ rows, row_len }, p) => [
    ...['naive', 'one-level', 'optimized'].map((variant) => ({ variant, metric: 'peak_bytes', bytes: rows * (3 * p + 4 * row_len) })),
    { variant: 'optimized', metric: 'allocations', count: rows + 1 },
    { variant: 'naive', metric: 'reported_bytes', bytes: 3 * p + rows * (3 * p + 4 * row_len) },
    { variant: 'one-level', metric: 'reported_bytes', bytes: 3 * p + rows * 3 * p },
    { variant: 'optimized', metric: 'reported_bytes', bytes: 3 * p },
  ],

  // The directory: a root, a team, and a user and a profile per user, each
  // one Rc block (two usize counts padded to 8, then the node: a u64, a
  // Box<str> of 2 words, a RefCell<Vec> of 1 + 3 words, padded to 8), its
  // label's bytes, and the child lists (the root's: a pointer per user; each
  // user's: two). The forgetful walker counts the team (block + "team") once
  // more for every user after the first.
  'deep-size-walker': ({ users }, p) => {
    const pad8 = (n) => Math.ceil(n / 8) * 8;
    const block = pad8(2 * p) + pad8(8 + 2 * p + 4 * p);
    let labels = 'team'.length + 'directory'.length;
    for (let u = 0; u < users; u++) labels += `profile ${u}`.length + `user ${u}`.length;
    const graph = (2 + 2 * users) * block + labels + 3 * users * p;
    return [
      { variant: 'optimized', metric: 'reported_bytes', bytes: graph },
      { variant: 'naive', metric: 'reported_bytes', bytes: graph + (users - 1) * (block + 'team'.length) },
    ];
  },

  // Five buffers a round, buffer_kib KiB each; the pool makes five once,
  // plus its own Vec of five (pointer, capacity, length) slots.
  'object-pool': ({ rounds, buffer_kib }, p) => [
    { variant: 'naive', metric: 'allocations', count: 5 * rounds },
    { variant: 'naive', metric: 'allocated_bytes', bytes: 5 * rounds * 1024 * buffer_kib },
    { variant: 'optimized', metric: 'allocations', count: 6 },
    { variant: 'optimized', metric: 'allocated_bytes', bytes: 5 * 1024 * buffer_kib + 15 * p },
  ],

  // With exact capacities: one block for the list of u64, one for the
  // text, one for the map, and nothing grows.
  'top-allocators': () => [
    { variant: 'optimized', metric: 'allocations', count: 3 },
  ],

  // n u32 ids, plus a table of 16 pointer-sized words and the 34 bytes of
  // the five category names.
  'string-interning': ({ n }, p) => [
    { variant: 'optimized', metric: 'peak_bytes', bytes: 4 * n + 16 * p + 34 },
  ],

  // One String buffer of ten-letter words with u32 offsets, a Vec of
  // squares and a sorted Vec of float bits: four blocks.
  'allocation-snapshot': ({ n }) => [
    { variant: 'optimized', metric: 'peak_bytes', bytes: 10 * n + 4 * (n + 1) + 8 * Math.floor(n / 2) + 8 * Math.floor((4 * n) / 5) },
    { variant: 'optimized', metric: 'allocations', count: 4 },
  ],

  // Ten reports at most, each a 1,024-byte body and a struct of a u64 key,
  // a Vec (3 words) and the guard (zero-sized), padded to 8.
  'leak-detection': (_params, p) => [
    { variant: 'optimized', metric: 'peak_bytes', bytes: 10 * (roundUp(8 + 3 * p, 8) + 1024) },
  ],

  // Records and scaled records: a u64 id and a Vec (3 words), padded to 8,
  // each with its own buffer of eight f64 readings (64 bytes). naive holds
  // both phases and 100 f64 group totals; optimized holds every record, the
  // scaled Vec reserved up front and one readings buffer in flight.
  'live-monitor': ({ n }, p) => {
    const record = roundUp(8 + 3 * p, 8);
    return [
      { variant: 'naive', metric: 'peak_bytes', bytes: n * (record + 64) * 2 + 800 },
      { variant: 'optimized', metric: 'peak_bytes', bytes: n * (record + 64) + n * record + 64 },
    ];
  },

  // naive builds CPython's small-int cache first: 262 Rc blocks (-5..=256)
  // and a Vec of their handles, then a Vec of n handles, with a block of
  // its own for every int from 257 up. A block is two usize counts, then the
  // 16-byte PyValue (tag plus an 8-aligned i64), at 8-byte alignment.
  'object-overhead': ({ n }, p) => {
    const block = roundUp(2 * p, 8) + 16;
    const fresh = Math.max(0, n - 257);
    return [
      { variant: 'naive', metric: 'peak_bytes', bytes: 262 * (p + block) + n * p + fresh * block },
      { variant: 'naive', metric: 'allocations', count: 1 + 262 + 1 + fresh },
      { variant: 'boxed', metric: 'peak_bytes', bytes: n * (p + 8) },
      { variant: 'boxed', metric: 'allocations', count: n + 1 },
      { variant: 'optimized', metric: 'peak_bytes', bytes: 8 * n },
      { variant: 'optimized', metric: 'allocations', count: 1 },
    ];
  },

  // n users and n orders, each a u64 id, an f64 and the base. The fixed
  // base is one f64 (24-byte structs); the lazy base adds an Option<Box<_>>,
  // one pointer, which pads to 8 after the f64 on both targets (32-byte
  // structs). The map base adds one hash table per object.
  'slots-inheritance': ({ n }) => [
    { variant: 'naive', metric: 'allocations', count: 2 + 2 * n },
    { variant: 'lazy-map', metric: 'peak_bytes', bytes: 2 * 32 * n },
    { variant: 'lazy-map', metric: 'allocations', count: 2 },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 2 * 24 * n },
    { variant: 'optimized', metric: 'allocations', count: 2 },
  ],

  // One Vec of n records: i64 (8), f32 (4), bool and u8 (1 each). Declared
  // bool, i64, u8, f32 with repr(C): 1 + 7 + 8 + 1 + 3 + 4 = 24. Widest
  // first, or reordered by the compiler: 16. Packed: 14. Four columns: 14 a
  // record in four allocations. No pointers, so the same on both targets.
  'field-order-and-padding': ({ n }) => [
    { variant: 'naive', metric: 'peak_bytes', bytes: 24 * n },
    { variant: 'repr-c-sorted', metric: 'peak_bytes', bytes: 16 * n },
    { variant: 'rust-default', metric: 'peak_bytes', bytes: 16 * n },
    { variant: 'packed', metric: 'peak_bytes', bytes: 14 * n },
    { variant: 'packed', metric: 'allocations', count: 1 },
    { variant: 'optimized', metric: 'peak_bytes', bytes: 14 * n },
    { variant: 'optimized', metric: 'allocations', count: 4 },
  ],
};

function roundUp(value, to) {
  return Math.ceil(value / to) * to;
}

/** Compares the page's figures with the expectations for `slug`; returns a
 * list of mismatches (empty when all match, or when none are listed). */
export function mismatches(slug, params, pointerBytes, figures) {
  const rule = expected[slug];
  if (!rule) return [];
  const problems = [];
  for (const want of rule(params, pointerBytes)) {
    const wanted = want.metric === 'allocations' ? want.count : want.bytes;
    const found = figures.filter((f) => f.variant === want.variant && f.metric === want.metric);
    if (found.length !== 1) {
      problems.push(`${want.variant}/${want.metric}: expected one figure, found ${found.length}`);
    } else if (found[0].value !== wanted) {
      problems.push(`${want.variant}/${want.metric}: page shows ${found[0].value}, expected exactly ${wanted}`);
    }
  }
  return problems;
}
