#!/usr/bin/env node
// Puts the "Your Python" panel's files into the bundle. Trunk runs it during
// every build (Trunk.toml, [[hooks]] stage = "build", so it is done before
// the post_build hooks list and compress the bundle), writing into
// $TRUNK_STAGING_DIR; by hand: node scripts/build-python-assets.mjs --out DIR
// [--harness DIR].
//
//   python/editor.js               CodeMirror 6 + Python mode, one minified
//                                  ES module (esbuild, from www/python/editor.src.js)
//   python/python-worker.js        the Python worker: one interpreter per program
//                                  (www/python/python-worker.js), bundled by esbuild
//                                  with pyodide.mjs and pyodide.asm.mjs into one
//                                  self-contained ES module: the page starts it
//                                  from a data: URL, so it runs in an opaque
//                                  origin with no storage (runtime.js says why)
//   python/runtime.js              the page's side of the runtime: download,
//                                  workers, memory snapshot (www/python/runtime.js),
//                                  imported by python-bridge.js when the panel opens
//   python/objects.js              the objects picture's drawing (www/python/objects.js),
//                                  imported by panel.js when asked for
//   python/panel.js                what only the open panel needs: reading a .py
//                                  file, the time-limit field, the text's copy in
//                                  IndexedDB (www/python/panel.js), imported by
//                                  python-bridge.js when the panel opens
//   python/harness.json            the check harness, the package
//                                  www/python/heapwise_check/ as one file:
//                                  {"heapwise_check/__init__.py": text, ...},
//                                  paths relative to the package's parent
//   python/exercises/<slug>/check.py   each exercise's checks, and reference.py (the objects picture beside the student's)
//   python/pyodide/...             only the Pyodide files the runtime reads, but
//   python/pyodide/python_stdlib.bin  Pyodide's standard library zip, re-packed:
//                                  the same files, stored (not deflated, so the
//                                  server's brotli compresses it, better than
//                                  the zip's own deflate did), plus bytecode
//                                  (.pyc) for the modules the first worker
//                                  imports (see stdlibWithBytecode)
//   python/manifest.json           their sizes, so the page can show
//                                  "bytes loaded of total" while it loads, and
//                                  their SHA-256 (part of the key under which
//                                  the page keeps its memory snapshot)
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
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYODIDE_DIR = path.join(ROOT, 'node_modules', 'pyodide');
/** What loadPyodide() reads, copied as they are; its two modules are bundled into the worker, nothing else of the package ships. */
export const PYODIDE_FILES = ['pyodide.asm.wasm', 'pyodide-lock.json'];
/** The worker, bundled; listed in the manifest like the runtime's files (counted, hashed, kept offline). */
export const WORKER = 'python-worker.js';
/**
 * Chromium refuses a URL longer than 2 MiB (url::kMaxURLChars), and the
 * page starts the worker from a data: URL of the bundle in base64 (4/3 of
 * its bytes): the bundle must stay under this.
 */
export const WORKER_BUDGET = Math.floor(((2 * 1024 * 1024 - 64) * 3) / 4);
/** The standard library as the bundle ships it (loadPyodide's stdLibURL; the worker writes it to /lib/python3XX.zip). */
export const STDLIB = 'pyodide/python_stdlib.bin';
/** Bump when stdlibWithBytecode's output changes for the same inputs (its cache key). */
const STDLIB_RECIPE = 1;

// Run inside Pyodide (in Node), with the harness's files written under
// /heapwise as the worker writes them: imports what the page's first worker
// imports, then writes the standard library zip again, stored, with an
// unchecked hash-based .pyc beside the .py of every module that was
// imported. The .py stay (tracebacks show their lines); the .pyc are
// compiled by this same interpreter from those very .py, so they cannot
// disagree with them or with the runtime's bytecode version.
const STDLIB_SCRIPT = `
import sys, zipfile, importlib.util
from importlib._bootstrap_external import _code_to_hash_pyc
sys.path.insert(0, '/heapwise')
import heapwise_check
for name in preload:
    __import__(name)
archive = next(p for p in sys.path if p.endswith('.zip'))
prefix = archive + '/'
used = {m.__file__[len(prefix):] for m in list(sys.modules.values())
        if isinstance(getattr(m, '__file__', None), str) and m.__file__.startswith(prefix)}
with zipfile.ZipFile('/tmp/stdlib-in.zip') as src, zipfile.ZipFile('/tmp/stdlib-out.zip', 'w', zipfile.ZIP_STORED) as out:
    for info in src.infolist():
        if info.is_dir():
            folder = zipfile.ZipInfo(info.filename, info.date_time)
            folder.external_attr, folder.CRC, folder.compress_size, folder.file_size = info.external_attr, 0, 0, 0
            out.mkdir(folder)
            continue
        data = src.read(info.filename)
        out.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
        if info.filename in used:
            code = compile(data, prefix + info.filename, 'exec', dont_inherit=True)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            out.writestr(zipfile.ZipInfo(info.filename + 'c', info.date_time), bytes(pyc))
len(used)
`;

/**
 * Pyodide's python_stdlib.zip with bytecode for the modules the first
 * worker imports: loading Pyodide otherwise compiles every one of them from
 * source, which is most of a cold start (in Node: a plain load 2.2 to
 * 2.7 s, 0.4 to 0.5 s with these .pyc). The zip is stored rather than
 * deflated, so brotli on the wire shrinks the .py and .pyc together: about
 * 85 KB more than the deflated original is sent. Made by Pyodide itself in
 * Node (a few seconds) and cached in target/ by its inputs (the zip, the
 * harness, the modules the worker preloads).
 */
async function stdlibWithBytecode(harness) {
  const zip = await readFile(path.join(PYODIDE_DIR, 'python_stdlib.zip'));
  const { PRELOAD } = await import(pathToFileURL(path.join(ROOT, 'www/python/runtime.js')).href);
  const key = createHash('sha256').update(JSON.stringify([STDLIB_RECIPE, PRELOAD, harness])).update(zip).digest('hex').slice(0, 32);
  const cacheDir = process.env.HEAPWISE_STDLIB_CACHE ?? path.join(ROOT, 'target', 'python-stdlib-cache');
  const cached = path.join(cacheDir, `${key}.zip`);
  if (await exists(cached)) return { bytes: await readFile(cached), modules: null };
  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, 'pyodide.mjs')).href);
  const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR + path.sep, stdout: () => {}, stderr: () => {} });
  for (const [name, text] of Object.entries(harness)) {
    pyodide.FS.mkdirTree(path.posix.dirname(`/heapwise/${name}`));
    pyodide.FS.writeFile(`/heapwise/${name}`, text);
  }
  pyodide.FS.writeFile('/tmp/stdlib-in.zip', zip);
  const scope = pyodide.toPy({ preload: PRELOAD });
  const modules = pyodide.runPython(STDLIB_SCRIPT, { globals: scope });
  scope.destroy();
  const bytes = Buffer.from(pyodide.FS.readFile('/tmp/stdlib-out.zip'));
  await mkdir(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.part`;
  await writeFile(partial, bytes);
  await rename(partial, cached);
  return { bytes, modules };
}

/**
 * The harness package's Python files, by path relative to the package's
 * parent ("heapwise_check/__init__.py"), in name order: what the bundle's
 * harness.json holds and the worker writes under /heapwise.
 */
async function readHarness(dir) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.py')).sort();
  if (!names.includes('__init__.py')) throw new Error(`${dir} has no __init__.py: the panel's checks need the harness package`);
  const files = {};
  for (const name of names) files[`${path.basename(dir)}/${name}`] = await readFile(path.join(dir, name), 'utf8');
  return files;
}

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

  // --harness DIR: try another check harness package without touching www/.
  const harness = await readHarness(option('--harness') ?? path.join(ROOT, 'www/python/heapwise_check'));

  const files = [];
  const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
  for (const name of PYODIDE_FILES) {
    const to = path.join(out, 'pyodide', name);
    await copyFile(path.join(PYODIDE_DIR, name), to);
    files.push({ name: `pyodide/${name}`, bytes: (await stat(to)).size, sha256: sha256(await readFile(to)) });
  }
  const stdlib = await stdlibWithBytecode(harness);
  await writeFile(path.join(out, STDLIB), stdlib.bytes);
  files.push({ name: STDLIB, bytes: stdlib.bytes.length, sha256: sha256(stdlib.bytes) });

  // The worker and Pyodide's two modules as one ES module. Pyodide's
  // dynamic imports of Node's modules (node:fs, ws, ...) run only under
  // Node: left as they are.
  await build({
    entryPoints: [path.join(ROOT, 'www/python/python-worker.js')],
    outfile: path.join(out, WORKER),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    external: ['node:*', 'ws'],
    minifyWhitespace: true,
    minifySyntax: true,
    target: 'es2022',
    // Started from a data: URL, the worker would be named by that URL (1.6
    // million characters) in every stack trace, and so in the tracebacks a
    // student reads when a call into JavaScript fails.
    footer: { js: `//# sourceURL=${WORKER}` },
    logLevel: 'error',
  });
  const worker = await readFile(path.join(out, WORKER));
  if (worker.length > WORKER_BUDGET) {
    throw new Error(`${WORKER} bundles to ${worker.length} B, over ${WORKER_BUDGET} B: its data: URL would pass Chromium's 2 MiB limit`);
  }
  files.push({ name: WORKER, bytes: worker.length, sha256: sha256(worker) });
  await copyFile(path.join(ROOT, 'www/python/runtime.js'), path.join(out, 'runtime.js'));
  await copyFile(path.join(ROOT, 'www/python/panel.js'), path.join(out, 'panel.js'));
  await copyFile(path.join(ROOT, 'www/python/objects.js'), path.join(out, 'objects.js'));
  await copyFile(path.join(ROOT, 'www/python/bridge.js'), path.join(out, '..', 'python-bridge.js'));
  await writeFile(path.join(out, 'harness.json'), JSON.stringify(harness));

  const checks = [];
  for (const slug of (await readdir(path.join(ROOT, 'exercises'))).sort()) {
    const from = path.join(ROOT, 'exercises', slug, 'check.py');
    if (!(await exists(from))) continue;
    await mkdir(path.join(out, 'exercises', slug), { recursive: true });
    await copyFile(from, path.join(out, 'exercises', slug, 'check.py'));
    // The reference program, for the objects picture beside the student's (python/panel.js).
    await copyFile(path.join(ROOT, 'exercises', slug, 'reference.py'), path.join(out, 'exercises', slug, 'reference.py'));
    checks.push(slug);
  }

  const manifest = { pyodide: pyodideVersion, stdlib: STDLIB, files, checks };
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const editor = (await stat(path.join(out, 'editor.js'))).size;
  console.log(
    `python assets: editor.js ${editor} B, Pyodide ${pyodideVersion} ${total} B in ${files.length} files, ` +
      `(the standard library with .pyc for ${stdlib.modules === null ? 'its startup modules, from target/' : `${stdlib.modules} startup modules`}), ` +
      `${checks.length} check.py, ${Date.now() - started} ms -> ${out}`,
  );
}

main().catch((error) => {
  console.error(`build-python-assets: ${error.message}`);
  process.exit(1);
});
