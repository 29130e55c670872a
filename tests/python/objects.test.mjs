// The objects picture's walk (www/python/heapwise_check/objects.py, issue 29)
// against a deep-size walk of the test's own, on every CPython pyenv lists
// from 3.8 on (newest patch of each): tests/python/objects_picture.py does
// the work and lists what disagrees. checks.test.mjs runs the same file in
// the page's Pyodide, with the interpreter it has made already.
//
//   node --test tests/python/objects.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(ROOT, 'tests', 'python', 'objects_picture.py');

/** The CPythons interpreters.py finds ({} without pyenv). */
function cpythons() {
  const listed = spawnSync(
    'python3',
    ['-c', 'import json, sys; sys.path.insert(0, "tests/python"); import interpreters; print(json.dumps(interpreters.cpythons()))'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(listed.status, 0, listed.stderr);
  return Object.values(JSON.parse(listed.stdout));
}

test('the walk agrees with a deep-size walk of its own on every CPython here', (t) => {
  const found = cpythons();
  if (found.length === 0) t.diagnostic('pyenv lists no CPython 3.8 or later: python3 on the PATH only');
  for (const python of found.length ? found : ['python3']) {
    const done = spawnSync(python, [SCRIPT], { cwd: ROOT, encoding: 'utf8', timeout: 1_800_000 }); // a hang: this layer runs at a low priority (scripts/test.sh)
    assert.equal(done.status, 0, `${python}:\n${done.stdout}\n${done.stderr}`);
    t.diagnostic(done.stdout.trim().split('\n').at(-1));
  }
});
