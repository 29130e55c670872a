// Exact figures worked out by hand from each exercise's data layout, not by
// running the app's code: the end-to-end tests compare the page against
// them. One entry per exercise slug, for every exercise in registry.json:
// `mismatches` fails an exercise that has no entry, or an empty one. Where
// a figure depends on something std does not specify (a hash table's bucket
// count and growth, a Vec's growth beyond the capacity asked for, the
// capacity `format!` starts from), it is not asserted; the entry says why
// and asserts what is exact (allocation counts, other variants, the bytes
// retained).
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

  // The record (u32 id, f64 x, f64 y, label), in five layouts, n of each.
  // Record and TupleRecord: 8 + 8 + a String (3 words) + 4, which the
  // compiler orders widest-aligned first so nothing pads but the end:
  // roundUp(20 + 3p, 8) (32 on wasm32), each with its own 6-byte "sensor"
  // buffer; one Vec of exactly n. The boxed trait object puts a fat pointer
  // (2 words) in the Vec and the same Record in a Box of its own.
  // SharedRecord has an Rc<str> (2 words) instead: roundUp(20 + 2p, 8), and
  // one Rc block for the text: two usize counts, then 6 bytes, padded to
  // the counts' alignment. The map layout is one HashMap::with_capacity(4)
  // (4 inserts, so it never grows: one table) and one label String per
  // record; its bytes are the table's bucket layout, which std does not
  // specify, so only its allocation count is asserted.
  'record-layouts': ({ n }, p) => {
    const record = roundUp(16 + 3 * p + 4, 8);
    const shared = roundUp(16 + 2 * p + 4, 8);
    const label = 'sensor'.length;
    const figures = [{ variant: 'naive', metric: 'allocations', count: 1 + 2 * n }];
    for (const variant of ['struct', 'tuple-struct']) {
      figures.push(
        { variant, metric: 'peak_bytes', bytes: n * (record + label) },
        { variant, metric: 'allocated_bytes', bytes: n * (record + label) },
        { variant, metric: 'allocations', count: 1 + n },
      );
    }
    figures.push(
      { variant: 'boxed-trait-object', metric: 'peak_bytes', bytes: n * (2 * p + record + label) },
      { variant: 'boxed-trait-object', metric: 'allocations', count: 1 + 2 * n },
      { variant: 'optimized', metric: 'peak_bytes', bytes: n * shared + roundUp(2 * p + label, p) },
      { variant: 'optimized', metric: 'allocated_bytes', bytes: n * shared + roundUp(2 * p + label, p) },
      { variant: 'optimized', metric: 'allocations', count: 2 },
    );
    return figures;
  },

  // A Colour is four f32: 16 bytes. naive: one Vec of `pixels` colours.
  // shared: a cache Vec of `colours` Option<Rc> slots (a pointer each, None
  // being null), a Vec of `pixels` Rc handles, and one Rc block (two usize
  // counts + 16 bytes) per colour code that some pixel uses. Which codes
  // are used is the exercise's data, not a layout: pixel i's code is
  // ((i * 2654435761) >> 7) % colours (its reference.py), counted here
  // (split as i * (K >> 7) + ((i * (K & 127)) >> 7) to stay exact in
  // doubles). optimized: a u16 per pixel and a palette of every colour.
  flyweight: ({ pixels, colours }, p) => {
    const seen = new Uint8Array(colours);
    let used = 0;
    for (let i = 0; i < pixels; i++) {
      const code = (i * 20_737_779 + Math.floor((i * 49) / 128)) % colours;
      if (!seen[code]) {
        seen[code] = 1;
        used++;
      }
    }
    const shared = (pixels + colours) * p + used * (2 * p + 16);
    return [
      { variant: 'naive', metric: 'peak_bytes', bytes: 16 * pixels },
      { variant: 'naive', metric: 'allocations', count: 1 },
      { variant: 'shared', metric: 'peak_bytes', bytes: shared },
      { variant: 'shared', metric: 'allocated_bytes', bytes: shared },
      { variant: 'shared', metric: 'allocations', count: 2 + used },
      { variant: 'optimized', metric: 'peak_bytes', bytes: 2 * pixels + 16 * colours },
      { variant: 'optimized', metric: 'allocations', count: 2 },
    ];
  },

  // Flags: a Vec<bool> (1 byte each) or a bit set of ceil(ids / 64) u64
  // words. Index: a dense Vec of `ids` Option<u64> (8-byte tag slot + u64:
  // 16 bytes on both targets), or two sorted Vecs of exactly the scored
  // ids: a u32 and a u64 each. User i has a score when (i * 7919) % 1000 <
  // density (the exercise's data), counted here. The map variant's table
  // grows key by key, so its bytes and its number of tables are the hash
  // table's growth policy: not asserted.
  'flags-and-sparse-data': ({ ids, density }) => {
    const words = 8 * Math.ceil(ids / 64);
    let scored = 0;
    for (let i = 0; i < ids; i++) if ((i * 7919) % 1000 < density) scored++;
    return [
      { variant: 'naive', metric: 'peak_bytes', bytes: ids + 16 * ids },
      { variant: 'naive', metric: 'allocations', count: 2 },
      { variant: 'bits', metric: 'peak_bytes', bytes: words + 16 * ids },
      { variant: 'bits', metric: 'allocations', count: 2 },
      { variant: 'optimized', metric: 'peak_bytes', bytes: words + scored * (4 + 8) },
      { variant: 'optimized', metric: 'allocated_bytes', bytes: words + scored * (4 + 8) },
      { variant: 'optimized', metric: 'allocations', count: 3 },
    ];
  },

  // A record is a Vec of (&'static str, i64) fields: 2 words + 8, padded
  // to 8 (16 on wasm32), in one block of exactly its fields: 3 for an input
  // record, 2 for a reshaped one; even ids (ceil(n / 2)) are active. The
  // lazy chain holds one input and one reshaped record at a time. The eager
  // variant allocates the records Vec, the filtered `active` Vec (one block,
  // then grown in place) and the reshaped Vec besides the records; its
  // bytes include the capacity `active` grew to while collected from a
  // filter, which Vec does not specify: only its count is asserted.
  'lazy-pipeline': ({ n }, p) => {
    const field = roundUp(2 * p + 8, 8);
    const active = Math.ceil(n / 2);
    return [
      { variant: 'naive', metric: 'allocations', count: n + active + 3 },
      { variant: 'optimized', metric: 'peak_bytes', bytes: 3 * field + 2 * field },
      { variant: 'optimized', metric: 'allocated_bytes', bytes: n * 3 * field + active * 2 * field },
      { variant: 'optimized', metric: 'allocations', count: n + active },
      { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
    ];
  },

  // Both variants build n u32 readings and an n-byte packet (5n bytes, two
  // blocks); borrowing adds nothing. Copying makes, one at a time: the first
  // half (4 * floor(n / 2)), both halves joined (4n, the largest), the
  // matches (readings above 91,000: m of them, about n / 10) with the first
  // min(1000, m) copied out, and the body (n - 16): seven blocks. The
  // matches Vec grows from a filter to a capacity Vec does not specify, so
  // allocated_bytes is not asserted; the peak is the data and the joined
  // copy as long as that capacity stays under n - min(1000, m) readings,
  // about 9 times m, which any growth policy meets.
  'slices-and-copies': ({ n }) => {
    let m = 0;
    for (let i = 0; i < n; i++) if (1000 + ((i * 7919) % 100_000) > 91_000) m++;
    return [
      { variant: 'naive', metric: 'peak_bytes', bytes: 5 * n + 4 * n },
      { variant: 'naive', metric: 'allocations', count: m > 0 ? 7 : 5 },
      { variant: 'optimized', metric: 'peak_bytes', bytes: 5 * n },
      { variant: 'optimized', metric: 'allocated_bytes', bytes: 5 * n },
      { variant: 'optimized', metric: 'allocations', count: 2 },
    ];
  },

  // 100 models, each with an embedding (one Vec of exactly 10,000 f32) and
  // a metadata HashMap::with_capacity(1000) holding 1000 entries (so one
  // table, never grown). Eager: the Vec of models and both per model. Lazy:
  // the Vec of models, and both for each touched model. Every byte figure
  // holds a metadata table, whose bucket layout std does not specify, and
  // the model structs hold a HashMap, whose size is std's too: only the
  // allocation counts and the bytes retained (everything is dropped) are
  // asserted.
  'lazy-loading': ({ touched }) => [
    { variant: 'naive', metric: 'allocations', count: 1 + 2 * 100 },
    { variant: 'naive', metric: 'retained_bytes', bytes: 0 },
    { variant: 'optimized', metric: 'allocations', count: 1 + 2 * touched },
    { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
  ],

  // Both variants read each file into memory and keep three hash tables
  // (per sensor, per URL, and, but for optimized, the exact set of client
  // addresses, which grows by the table's own policy): their bytes are not
  // derivable, nor the number of tables the growing set allocates. What is
  // exact: optimized, on each of its three runs (a quarter, a half, all the
  // input), allocates the 61,440-byte chunk, the sensor table (with
  // capacity for all 64 sensors: one table), the 12,288-byte sketch, the
  // 64 KiB line buffer, the 64-byte line and the URL table (capacity 500,
  // one table): six blocks; then one bitmap of the true distinct count.
  // Nothing outlives any variant's run.
  'large-file-aggregation': () => [
    { variant: 'optimized', metric: 'allocations', count: 3 * 6 + 1 },
    { variant: 'naive', metric: 'retained_bytes', bytes: 0 },
    { variant: 'streaming-exact', metric: 'retained_bytes', bytes: 0 },
    { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
  ],

  // The caller's table (collected from a known-length iterator: one table,
  // never grown), then `wrappers` views. Eager: a Vec of views and a clone
  // of the table per view (one table each); writers replace an existing key,
  // so nothing grows. Copy-on-write: the table in an Rc block, the Vec of
  // views, and per writer a new Rc block and a clone (make_mut while the
  // caller still shares it). Every byte figure holds the tables, whose
  // bucket layout std does not specify (and a HashMap's own size): only the
  // counts and the bytes retained are asserted.
  'copy-on-write': ({ wrappers, writers }) => [
    { variant: 'naive', metric: 'allocations', count: 2 + wrappers },
    { variant: 'naive', metric: 'retained_bytes', bytes: 0 },
    { variant: 'optimized', metric: 'allocations', count: 3 + 2 * writers },
    { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
  ],

  // A node is a RefCell<parent link> (borrow flag + one pointer: Option<Rc>
  // and Weak are both a pointer) and a RefCell<Vec> (flag + 3 words): 6
  // words, in an Rc block with two usize counts: 8p. Node i has
  // children_of(i) = min(fanout, nodes - fanout*i - 1) children, in a Vec
  // of exactly that many pointers; the ceil((nodes - 1) / fanout) nodes
  // with children hold nodes - 1 pointers in all. So the tree is
  // p * (9 * nodes - 1) bytes. The strong tree leaks all of it; the weak
  // one frees all. Building holds the tree and a list of every node (one
  // pointer each); the walk afterwards holds a stack of handles (grown by
  // Vec's unspecified policy) and a copy of one child list. With 1000 nodes
  // or more the stack (at most (fanout - 1) * depth + 1 handles) stays far
  // below the list, so the peak is the building's; below that it is not
  // asserted. Allocations: the list, a block per node, a child Vec per
  // inner node, and per walk the stack and a child-list copy per inner
  // node. The strong tree is walked twice (the probe still upgrades).
  'weak-references': ({ nodes, fanout }, p) => {
    const inner = Math.ceil((nodes - 1) / fanout);
    const tree = p * (9 * nodes - 1);
    const built = 1 + nodes + inner;
    const walk = 1 + inner;
    const figures = [
      { variant: 'naive', metric: 'retained_bytes', bytes: tree },
      { variant: 'naive', metric: 'allocations', count: built + 2 * walk },
      { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
      { variant: 'optimized', metric: 'allocations', count: built + walk },
    ];
    if (nodes >= 1000) {
      figures.push(
        { variant: 'naive', metric: 'peak_bytes', bytes: tree + nodes * p },
        { variant: 'optimized', metric: 'peak_bytes', bytes: tree + nodes * p },
      );
    }
    return figures;
  },

  // Both caches hold hash tables whose bucket layout and growth std does not
  // specify: the unbounded map grows with every key, and the LRU's index
  // table is rebuilt as slots are removed and reused, so neither peak nor
  // allocated bytes nor the number of tables is derivable. Exact: every
  // value (and every table) is dropped when the run returns.
  'bounded-lru-cache': () => [
    { variant: 'naive', metric: 'retained_bytes', bytes: 0 },
    { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
  ],

  // pairs of nodes, each node an i64 and one link. Rc: the first node
  // (i64 + an Rc pointer, padded to 8: 16) and the second (i64 + a Weak:
  // 16), each in an Rc block after two usize counts padded to 8; plus a
  // Vec of pairs Rc pointers. Box: the first (i64 + Box: 16) boxed, its
  // partner (i64 + u32, padded to 8: 16) boxed, and a Vec of Box pointers.
  // Arena: one Vec of exactly 2 * pairs nodes of 16 bytes. All freed.
  'collection-pauses': ({ pairs }, p) => {
    const rc = pairs * (2 * (roundUp(2 * p, 8) + 16) + p);
    const boxed = pairs * (16 + 16 + p);
    return [
      { variant: 'naive', metric: 'peak_bytes', bytes: rc },
      { variant: 'naive', metric: 'allocated_bytes', bytes: rc },
      { variant: 'naive', metric: 'allocations', count: 2 * pairs + 1 },
      { variant: 'naive', metric: 'retained_bytes', bytes: 0 },
      { variant: 'boxed', metric: 'peak_bytes', bytes: boxed },
      { variant: 'boxed', metric: 'allocations', count: 2 * pairs + 1 },
      { variant: 'optimized', metric: 'peak_bytes', bytes: 2 * pairs * 16 },
      { variant: 'optimized', metric: 'allocated_bytes', bytes: 2 * pairs * 16 },
      { variant: 'optimized', metric: 'allocations', count: 1 },
    ];
  },

  // n text lines, each a String made by format! (one block, but its
  // capacity is whatever format!'s estimate and String's growth give: not
  // a layout), in a Vec of exactly n; then n records: a HashMap of three
  // fields each (one table from an array of three) in a Vec of exactly n,
  // or one Vec of n Rows. Every byte figure includes the lines or the
  // tables, so only allocation counts and the bytes retained are asserted.
  'snapshot-diff': ({ n }) => [
    { variant: 'naive', metric: 'allocations', count: 1 + n + 1 + n },
    { variant: 'naive', metric: 'retained_bytes', bytes: 0 },
    { variant: 'optimized', metric: 'allocations', count: 1 + n + 1 },
    { variant: 'optimized', metric: 'retained_bytes', bytes: 0 },
  ],
};

function roundUp(value, to) {
  return Math.ceil(value / to) * to;
}

/** Compares the page's figures with the expectations for `slug`; returns a
 * list of mismatches (empty when all match). An exercise with no entry, or
 * an entry that lists nothing, is a mismatch: every exercise is compared. */
export function mismatches(slug, params, pointerBytes, figures) {
  const rule = expected[slug];
  if (!rule) return [`${slug}: no exact figures in tests/e2e/expected.mjs (every exercise needs an entry)`];
  const wants = rule(params, pointerBytes);
  if (wants.length === 0) return [`${slug}: its entry in tests/e2e/expected.mjs lists no figure`];
  const problems = [];
  for (const want of wants) {
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
