#!/usr/bin/env node
// Puts the "Your Python" panel's files into the bundle. Trunk runs it during
// every build (Trunk.toml, [[hooks]] stage = "build", so it is done before
// the post_build hooks list and compress the bundle), writing into
// $TRUNK_STAGING_DIR; by hand: node scripts/build-python-assets.mjs --out DIR
// [--harness FILE].
//
//   python/editor.js               CodeMirror 6 + Python mode, one minified
//                                  ES module (esbuild, from www/python/editor.src.js)
//   python/python-worker.js        the Python worker (www/python/python-worker.js)
//   python/heapwise_check.py       the check harness (www/python/heapwise_check.py)
//   python/exercises/<slug>/check.py   each exercise's checks
//   python/pyodide/...             only the Pyodide files the runtime loads
//   python/manifest.json           their sizes, so the page can show
//                                  "bytes loaded of total" while it loads
//   python-bridge.js               the page's side (www/python/bridge.js), at
//                                  the root beside app.js, which imports it
//                                  (src/ui/python/bridge.rs, raw_module); a
//                                  few KB, and the only one of these files
//                                  the first load requests
//
// Nothing here is committed: everything is produced from www/, exercises/
// and node_modules/ (npm ci, scripts/setup.sh) at build time. Nothing is
// fetched from the network.

import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYODIDE_DIR = path.join(ROOT, 'node_modules', 'pyodide');
/** What loadPyodide() fetches or imports; nothing else of the package ships. */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

function option(name) {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : null;
}

function outDir() {
  const out = option('--out') ?? (process.env.TRUNK_STAGING_DIR && path.resolve(process.env.TRUNK_STAGING_DIR));
  if (!out) throw new Error('no output directory: run from Trunk (TRUNK_STAGING_DIR) or pass --out DIR');
  return out;
}

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const out = path.join(outDir(), 'python');
  const started = Date.now();
  if (!(await exists(path.join(PYODIDE_DIR, 'package.json')))) {
    throw new Error(`${PYODIDE_DIR} is missing: run ./scripts/setup.sh (it runs npm ci)`);
  }
  const pyodideVersion = JSON.parse(await readFile(path.join(PYODIDE_DIR, 'package.json'), 'utf8')).version;
  await mkdir(path.join(out, 'pyodide'), { recursive: true });

  // The editor: one ES module, imported by the panel when it first opens.
  await build({
    entryPoints: [path.join(ROOT, 'www/python/editor.src.js')],
    outfile: path.join(out, 'editor.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });

  const files = [];
  for (const name of PYODIDE_FILES) {
    const to = path.join(out, 'pyodide', name);
    await copyFile(path.join(PYODIDE_DIR, name), to);
    files.push({ name: `pyodide/${name}`, bytes: (await stat(to)).size });
  }

  await copyFile(path.join(ROOT, 'www/python/python-worker.js'), path.join(out, 'python-worker.js'));
  await copyFile(path.join(ROOT, 'www/python/bridge.js'), path.join(out, '..', 'python-bridge.js'));
  // --harness FILE: try another check harness without touching www/.
  const harness = option('--harness') ?? path.join(ROOT, 'www/python/heapwise_check.py');
  if (!(await exists(harness))) throw new Error(`${harness} is missing: the panel's checks need it`);
  await copyFile(harness, path.join(out, 'heapwise_check.py'));

  const checks = [];
  for (const slug of (await readdir(path.join(ROOT, 'exercises'))).sort()) {
    const from = path.join(ROOT, 'exercises', slug, 'check.py');
    if (!(await exists(from))) continue;
    await mkdir(path.join(out, 'exercises', slug), { recursive: true });
    await copyFile(from, path.join(out, 'exercises', slug, 'check.py'));
    checks.push(slug);
  }

  const manifest = { pyodide: pyodideVersion, files, checks };
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const editor = (await stat(path.join(out, 'editor.js'))).size;
  console.log(
    `python assets: editor.js ${editor} B, Pyodide ${pyodideVersion} ${total} B in ${files.length} files, ` +
      `${checks.length} check.py, ${Date.now() - started} ms -> ${out}`,
  );
}

main().catch((error) => {
  console.error(`build-python-assets: ${error.message}`);
  process.exit(1);
});
