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
// peak_bytes, retained_bytes, allocated_bytes (use `bytes`) or allocations
// (use `count`).

export const expected = {
  // `optimized` collects n SlottedPoint { x, y, z: f64 } into one Vec of
  // exactly n elements (the iterator's length is known): 3 * 8 = 24 bytes a
  // point whatever the pointer size, in a single allocation, no other heap.
  'slots-vs-dict': ({ n }, _pointerBytes) => [
    { variant: 'optimized', metric: 'peak_bytes', bytes: 24 * n },
    { variant: 'optimized', metric: 'allocated_bytes', bytes: 24 * n },
    { variant: 'optimized', metric: 'allocations', count: 1 },
  ],
};

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
