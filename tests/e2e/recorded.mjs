// What each exercise's reference.out recorded of its CPython run: the
// interpreter (the first line) and the timing line (notes: issue 8), read
// from the source the page's data files are built from. The end-to-end
// test and benches/ratio.mjs compare the page with this.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The form content::CpythonTiming::parse reads (src/content.rs).
const TIMING =
  /^timing: variant ([a-z0-9-]+) at ([a-z0-9_]+=\d+(?:, [a-z0-9_]+=\d+)*): (\d+\.\d) us per call, best of (\d+) \(tracemalloc off\)$/;

/** slug -> { interpreter, timing: { variant, params: [[name, value]], micros, best_of } | null } */
export function recordedCpython(root = ROOT) {
  const bySlug = new Map();
  for (const slug of readdirSync(path.join(root, 'exercises'))) {
    let lines;
    try {
      lines = readFileSync(path.join(root, 'exercises', slug, 'reference.out'), 'utf8').split('\n');
    } catch {
      continue;
    }
    const m = lines.map((line) => line.match(TIMING)).find(Boolean);
    const timing = m && {
      variant: m[1],
      params: m[2].split(', ').map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])]),
      micros: Number(m[3]),
      best_of: Number(m[4]),
    };
    bySlug.set(slug, { interpreter: lines[0], timing });
  }
  return bySlug;
}
