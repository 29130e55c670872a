// The harness still answers in the shape of the fixtures the page's decoder
// is tested on (tests/fixtures/python-results/, decoded by
// tests/python_results.rs in the browser layer): a key renamed or dropped
// on the Python side fails here, one on the Rust side fails there.
//
//   node --test tests/python/result-fixtures.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './pyodide-runner.mjs';

/** A CPython 3.12 or later (Memory by line needs sys.monitoring): pyenv's newest, or python3 itself. */
function python312() {
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  const listed = spawnSync('pyenv', ['versions', '--bare'], { encoding: 'utf8' });
  if (root.status === 0 && listed.status === 0) {
    const newest = listed.stdout
      .split(/\s+/)
      .filter((v) => /^3\.(1[2-9]|[2-9]\d)\.\d+$/.test(v))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .at(-1);
    const python = newest && path.join(root.stdout.trim(), 'versions', newest, 'bin', 'python');
    if (python && existsSync(python)) return python;
  }
  return 'python3';
}

test('the harness answers in the shape of the fixtures the page decodes', () => {
  const done = spawnSync(python312(), [path.join(ROOT, 'tests', 'python', 'result_fixtures.py'), '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(done.status, 0, done.stdout + done.stderr);
  // Every fixture the page's decoder is tested on, compared.
  const fixtures = readdirSync(path.join(ROOT, 'tests', 'fixtures', 'python-results')).filter((f) => f.endsWith('.json')).length;
  assert.match(done.stdout, new RegExp(`^${fixtures} harness answer\\(s\\) compared; 0 problem\\(s\\)`, 'm'));
});
