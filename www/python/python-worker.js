// The Python worker: one Pyodide interpreter for ONE program. The build
// bundles this file with Pyodide's two modules into python/python-worker.js
// (scripts/build-python-assets.mjs); the page (www/python/runtime.js)
// starts it from a data: URL of that bundle, hands it the runtime's files
// and the compiled WebAssembly module, and sends it one program; after that
// program's result (or Stop, or the time limit) the page terminates it, so
// nothing a program does (patching modules, gc.disable()/gc.freeze(), files
// it writes, sys.modules, the recursion limit) reaches the next run: that
// runs in the spare worker the page has been preparing meanwhile.
//
// Sealed by the browser. A worker started from a data: URL has an opaque
// origin of its own, from its first line: Chromium refuses it Cache
// Storage, IndexedDB, the origin's private file system and Web Locks
// (SecurityError), it cannot start a worker from the site's files (their
// origin is not its own), and the site's files are cross-origin to it, so
// fetch and XMLHttpRequest, synchronous or not, get nothing (no CORS
// headers are sent). A BroadcastChannel it opens reaches only its own
// origin. So a program (Python's `js` module reaches all of this worker's
// JavaScript) can neither read nor write what the site keeps: the service
// worker's caches, the memory snapshot, the exercises' data, localStorage.
// It needs nothing from the network: every file arrives in the init.
// Starting workers is refused in words as well (startWorkersRefused):
// a data: worker a program started would be as sealed, but it has no
// business running.
//
// Starting fast: a memory snapshot. The first worker of a page loads
// Pyodide normally with `_makeSnapshot`, imports the harness and the modules
// programs commonly use, takes a snapshot of the interpreter's memory
// (~30 MiB, ~20 ms), transfers it to the page, and then serves the first
// run itself (nothing has run in it yet). Every later worker restores from
// a copy of that snapshot (~0.3 s instead of ~2.5 s). The page, not this
// worker, keeps it in Cache Storage for the next visit, with its SHA-256.
// If restoring throws (a stale or damaged snapshot, an old browser), the
// worker loads normally, makes a new snapshot for the page, and says so.
//
// Messages. The page's `init` (on the worker's global channel, once)
// carries a MessagePort: everything else goes over that port, which only
// this module's scope holds (Python's `js` module reaches globalThis, never
// it), so a program posting messages (js.postMessage) cannot pass for this
// worker. Every message about a run echoes the run's random token too.
//
// Page -> worker, global channel, once:
//   { type: 'init', port: MessagePort (transferred), files: { 'pyodide/<name>': ArrayBuffer },
//     wasm: WebAssembly.Module | null, snapshot: ArrayBuffer | null, makeSnapshot: bool,
//     harness: str, stdlib: name in files | null, preload: [module names], memoryLimit: bytes,
//     base: URL of python/ (the names the runtime asks for; nothing is fetched from it) }
// Page -> worker, port:
//   { type: 'stdlib', bytes: ArrayBuffer }   the standard library, when the init came without it
//   { type: 'run', id, token, mode: 'plain' | 'judged' | 'profile' | 'objects', source, check: str | null,
//     profiled: bool, objects: bool, taskOnly: bool }
//       plain: heapwise_check.run_plain, the program with no instrument (what the
//       console shows); judged: run_exercise, the checks, without Memory by line
//       (`profiled`: a profile run follows, which gives it and the whole-program
//       figure). A
//       judged run's output is not forwarded: it is in its result's `stdout`.
//       profile: heapwise_check.run_profile, Memory by line and the whole-program
//       peak with the harness tracing all of the run, its output not forwarded;
//       with `objects`, the objects picture walked at its end as well; of
//       `check`, only the task's STEPS are read (not run), for each step's figure;
//       `taskOnly` (the reference's profile): only the lines doing a step.
//       objects: run_plain with the objects picture (see your objects), its
//       output not forwarded; the result is { error, objects }.
// Worker -> page, port:
//   { type: 'snapshot', bytes: ArrayBuffer (transferred) }  before 'ready', when asked to make one
//   { type: 'note', message }                          something the page should log (a fallback)
//   { type: 'ready', python, pointerBytes, heapBytes, restored, ms }
//   { type: 'output', id, token, stream: 'stdout' | 'stderr', text }   batched, as the program runs
//   { type: 'result', id, token, result, heapBytes }   run_exercise's dict; for a plain run,
//       run_plain's with `stdout` (what the program printed, as forwarded) added
//   { type: 'failed', id, token, message, fatal }  the run could not complete; when `fatal`, the
//       runtime is broken (id null: it could not even start)
//
// A program never stops this worker from inside: Stop and the time limit
// terminate it from the page. Out of memory is a limit on how far the
// WebAssembly heap may grow (memoryLimit), so a greedy program gets a
// MemoryError instead of taking the browser's memory.

import { loadPyodide } from 'pyodide/pyodide.mjs';
import createPyodideModule from 'pyodide/pyodide.asm.mjs';

const FLUSH_MS = 40;
const FLUSH_CHARS = 16 * 1024;
/** Output forwarded per run; past it the rest is counted, not sent. */
const OUTPUT_LIMIT = 1024 * 1024;
/**
 * The largest result posted, as JSON characters: a normal result is a few
 * kB to a few hundred kB (Memory by line's samples included); past this the
 * page is told the result was too large instead of being handed it.
 */
const RESULT_LIMIT = 8 * 1024 * 1024;

startWorkersRefused();

/**
 * Replaces the constructors of workers with one that throws a sentence a
 * student can read. (The origin already makes any worker started from here
 * as sealed as this one; a program has no reason to start one.)
 */
function startWorkersRefused() {
  for (const name of ['Worker', 'SharedWorker']) {
    if (!(name in globalThis)) continue;
    const refuse = function () {
      throw new Error(`${name}: a program in Heapwise runs in one sealed worker and cannot start others.`);
    };
    Object.defineProperty(globalThis, name, { value: refuse, writable: false, configurable: false, enumerable: false });
  }
}

// Taken before any program runs: a program can replace what globalThis
// holds (js.Object.fromEntries = ..., js.MessagePort.prototype.postMessage = ...),
// not these.
const fromEntries = Object.fromEntries;
const now = performance.now.bind(performance);

/** Posts to the page over the private port (set by init; bound, so a program cannot swap it). */
let send = null;
let pyodide = null;
let runExercise = null;
let runPlain = null;
let runProfile = null;
/** The run this worker was given; a worker runs one program. */
let current = null;
/** The standard library's bytes: in the init, or in a 'stdlib' message after it (see init). */
let stdlibArrived;
const stdlibBytes = new Promise((resolve) => (stdlibArrived = resolve));

/**
 * Serves the runtime's own requests from the files the page handed over.
 * Pyodide reads the standard library with fetch(...).arrayBuffer(): it gets
 * the page's buffer itself, not two copies of it (a Response would copy the
 * 13 MB when made and again when read).
 */
function serveFrom(files, base, wasm, later) {
  const wasmUrl = new URL('pyodide/pyodide.asm.wasm', base).href;
  const byUrl = new Map(Object.entries(files).map(([name, bytes]) => [new URL(name, base).href, bytes]));
  const answer = (url, bytes) => ({ ok: true, status: 200, url, arrayBuffer: async () => bytes, text: async () => new TextDecoder().decode(bytes) });
  globalThis.fetch = (input) => {
    // A string, a URL (Pyodide asks for the standard library so) or a Request.
    const url = new URL(input instanceof Request ? input.url : String(input), base).href;
    if (url === wasmUrl) {
      // Compiled by the page: instantiateStreaming() below never reads this response.
      if (wasm) return Promise.resolve(new Response(new Uint8Array(0), { headers: { 'Content-Type': 'application/wasm' } }));
      if (byUrl.has(url)) return Promise.resolve(new Response(byUrl.get(url), { headers: { 'Content-Type': 'application/wasm' } }));
    } else if (byUrl.has(url)) {
      return Promise.resolve(answer(url, byUrl.get(url)));
    } else if (later.has(url)) {
      return later.get(url).then((bytes) => answer(url, bytes));
    }
    // Cross-origin from here: the network would refuse it anyway; say what it was.
    return Promise.reject(new TypeError(`${url} is not among the files the page handed this worker`));
  };
}

/**
 * Wraps WebAssembly instantiation for Pyodide's module: caps the heap
 * (growth past `limit` bytes is refused, so malloc fails and Python raises
 * MemoryError); uses the module the page compiled, when there is one; and
 * grows a new memory to `heap.atLeast` bytes, so a snapshot taken after the
 * heap grew fits when it is copied back.
 */
function instantiateWith({ limit, wasm, heap }) {
  const wrap = (imports) => {
    const env = imports?.env;
    if (limit && env && typeof env.emscripten_resize_heap === 'function') {
      const grow = env.emscripten_resize_heap;
      env.emscripten_resize_heap = (requested) => ((requested >>> 0) > limit ? 0 : grow(requested));
    }
    return imports;
  };
  const fit = (result) => {
    heap.mark?.('instantiated');
    const memory = (result.instance ?? result).exports?.memory;
    if (memory instanceof WebAssembly.Memory && heap.atLeast > memory.buffer.byteLength) {
      memory.grow(Math.ceil((heap.atLeast - memory.buffer.byteLength) / 65536));
    }
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (source, imports) => instantiate(source, wrap(imports)).then(fit);
  WebAssembly.instantiateStreaming = (source, imports) =>
    wasm
      ? instantiate(wasm, wrap(imports)).then((instance) => fit({ instance, module: wasm }))
      : instantiateStreaming(source, wrap(imports)).then(fit);
}

/**
 * Output of the current run, posted while Python runs. Python holds the
 * thread, so no timer can flush a batch: a write goes out at once when the
 * last post is at least FLUSH_MS old (the first write of a run always is),
 * otherwise it waits for the next write or the end of the run. A program
 * printing in a tight loop thus costs the page a few messages a second,
 * not one per line; the price is that the tail of a burst of prints shows
 * only when the program prints again or ends.
 */
function makeOutput() {
  const decoder = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  let run = null;
  let pending = [];
  let pendingChars = 0;
  let sent = 0;
  let dropped = 0;
  let last = 0;
  let quiet = false;
  let printed = [];
  const flush = () => {
    if (run && !quiet) for (const [stream, text] of pending) send({ type: 'output', id: run.id, token: run.token, stream, text });
    pending = [];
    pendingChars = 0;
    last = now();
  };
  const writer = (stream) => ({
    write(bytes) {
      const text = decoder[stream].decode(bytes, { stream: true });
      if (sent + text.length > OUTPUT_LIMIT) {
        dropped += text.length;
        return bytes.length;
      }
      sent += text.length;
      if (stream === 'stdout') printed.push(text);
      const tail = pending.at(-1);
      if (tail && tail[0] === stream) tail[1] += text;
      else pending.push([stream, text]);
      pendingChars += text.length;
      if (pendingChars >= FLUSH_CHARS || now() - last >= FLUSH_MS) flush();
      return bytes.length;
    },
  });
  return {
    stdout: writer('stdout'),
    stderr: writer('stderr'),
    /** A run's output from now on; `silent`: kept, not forwarded (a judged run's). */
    start(which, silent = false) {
      run = which;
      quiet = silent;
      pending = [];
      printed = [];
      pendingChars = sent = dropped = 0;
      last = -Infinity;
    },
    /** What the run wrote to stdout so far, as forwarded (up to OUTPUT_LIMIT characters). */
    printed() {
      return printed.join('');
    },
    finish() {
      if (dropped > 0) pending.push(['stderr', `\n[${dropped.toLocaleString('en')} more characters of output were not shown]\n`]);
      flush();
    },
  };
}

const output = makeOutput();

function heapBytes() {
  return pyodide?._module?.HEAP8?.length ?? null;
}

/** Runs `code` in a dict of its own (not __main__), returning its last expression converted to JS. */
function python(code) {
  const scope = pyodide.globals.get('dict')();
  try {
    const value = pyodide.runPython(code, { globals: scope });
    const js = value?.toJs ? value.toJs() : value;
    value?.destroy?.();
    return js;
  } finally {
    scope.destroy();
  }
}

async function init({ port, files, wasm, snapshot, makeSnapshot, harness, stdlib, preload, memoryLimit, base }) {
  send = port.postMessage.bind(port);
  port.onmessage = ({ data }) => onPortMessage(data);
  // Milliseconds since init, at each step (in 'ready', for the page's console and benches/python.mjs).
  const started = now();
  const marks = {};
  const mark = (name) => (marks[name] = Math.round(now() - started));
  const heap = { atLeast: 0, mark };
  if (stdlib && files[stdlib]) stdlibArrived(files[stdlib]);
  // A restore does not read the standard library (what it needs is in the
  // snapshot), so it starts with an empty file in its place and the page's
  // copy is written there once it is in, before 'ready' (see below); a
  // plain load waits for it.
  const emptyStdlib = new URL('pyodide/empty-stdlib.zip', base).href;
  // An empty zip (its end-of-central-directory record alone): zero bytes
  // make Pyodide report a failed request.
  const emptyZip = new Uint8Array(22);
  emptyZip.set([0x50, 0x4b, 0x05, 0x06]);
  const later = new Map([[emptyStdlib, Promise.resolve(emptyZip.buffer)]]);
  if (stdlib) later.set(new URL(stdlib, base).href, stdlibBytes);
  serveFrom(files, base, wasm, later);
  instantiateWith({ limit: memoryLimit, wasm, heap });
  const options = {
    indexURL: new URL('pyodide/', base).href,
    lockFileContents: new TextDecoder().decode(files['pyodide/pyodide-lock.json']),
    // The bundle's own copy of the standard library, with bytecode (scripts/build-python-assets.mjs).
    ...(stdlib ? { stdLibURL: new URL(stdlib, base).href } : {}),
    createPyodideModule,
    fsInit: () => mark('files'), // the standard library is in the FS
    stdout: () => {},
    stderr: () => {},
  };
  const writeHarness = () => {
    // The FS is not part of a memory snapshot: the harness's files (for
    // tracebacks and linecache) are written again after a restore. `harness`
    // maps each file's path under /heapwise to its text (python/harness.json).
    for (const [name, text] of Object.entries(harness)) {
      const file = `/heapwise/${name}`;
      pyodide.FS.mkdirTree(file.slice(0, file.lastIndexOf('/')));
      pyodide.FS.writeFile(file, text);
    }
  };

  let restored = false;
  if (snapshot) {
    try {
      const bytes = new Uint8Array(snapshot);
      // The heap it holds: all but its header (whose length is its second word).
      heap.atLeast = bytes.length - new Uint32Array(snapshot, 0, 2)[1];
      pyodide = await loadPyodide({ ...options, ...(stdlib ? { stdLibURL: emptyStdlib } : {}), _loadSnapshot: bytes });
      mark('restored');
      writeHarness();
      // loadPyodide puts '' in front of sys.path again; the snapshot has it already.
      python("import sys\nwhile sys.path.count('') > 1: sys.path.remove('')");
      // Seeded when the snapshot was taken: every restored interpreter
      // would otherwise draw the same numbers.
      python('import random\nrandom.seed()');
      if (stdlib) {
        // Nothing above imported a module the snapshot lacks; the program may.
        // Where the snapshot's interpreter reads it (its zip importer kept
        // the listing; the file itself is not in a snapshot), by the
        // version, not by what is in /lib now.
        const zip = python("import sys\nf'/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip'");
        pyodide.FS.mkdirTree('/lib');
        pyodide.FS.writeFile(zip, new Uint8Array(await stdlibBytes), { canOwn: true });
        mark('stdlib');
      }
      restored = true;
    } catch (error) {
      send({ type: 'note', message: `Python: the memory snapshot could not be restored (${error?.message ?? error}); loading the runtime instead.` });
      pyodide = null;
      heap.atLeast = 0;
      makeSnapshot = true; // the page's copy is no good: give it a new one
    }
  }
  if (!pyodide) {
    let snapshotting = makeSnapshot;
    try {
      pyodide = await loadPyodide({ ...options, _makeSnapshot: snapshotting });
    } catch (error) {
      if (!snapshotting) throw error;
      send({ type: 'note', message: `Python: loading for a snapshot failed (${error?.message ?? error}); loading without one.` });
      snapshotting = false;
      pyodide = await loadPyodide(options);
    }
    mark('loaded');
    writeHarness();
    python(`import sys\nsys.path.insert(0, '/heapwise')\nimport heapwise_check${preload.map((m) => `, ${m}`).join('')}`);
    mark('imported');
    if (snapshotting) {
      try {
        const bytes = pyodide.makeMemorySnapshot();
        mark('snapshot');
        const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
        send({ type: 'snapshot', bytes: buffer }, [buffer]);
      } catch (error) {
        send({ type: 'note', message: `Python: no memory snapshot could be made (${error?.message ?? error}); every run loads the runtime.` });
      }
      // While it records for a snapshot, Pyodide gives Python a stand-in
      // for globalThis whose getters run on the stand-in (js.self.origin:
      // "Illegal invocation"); the program this worker runs gets the real
      // one, as a restored worker's does.
      pyodide.registerJsModule('js', globalThis);
      python("import sys\nsys.modules.pop('js', None)");
    }
  }
  pyodide.setStdout(output.stdout);
  pyodide.setStderr(output.stderr);
  const [version, pointerBytes] = python("import platform, struct\n(platform.python_version(), struct.calcsize('P'))");
  // The module's proxy stays alive: the functions are proxies borrowed from it.
  const harnessModule = pyodide.pyimport('heapwise_check');
  runExercise = harnessModule.run_exercise;
  runPlain = harnessModule.run_plain;
  runProfile = harnessModule.run_profile;
  send({
    type: 'ready',
    python: version,
    pointerBytes,
    heapBytes: heapBytes(),
    restored,
    ms: { ...marks, ready: Math.round(now() - started), workerStarted: Math.round(started) },
  });
}

/**
 * Writes the program where its `__file__` points, as `python3 solution.py`
 * finds it: the harness runs it as solution.py in the working directory, and a
 * program may read its own source (`open(__file__)`). The FS lives in this
 * worker only; a program that cannot be written still runs.
 */
function placeProgram(source) {
  try {
    pyodide.FS.writeFile(`${pyodide.FS.cwd()}/solution.py`, source);
  } catch {
    // reading its own file then fails as on a desktop without the file
  }
}

function run({ id, token, mode, source, check, profiled, objects, taskOnly }) {
  current = { id, token };
  const plain = mode === 'plain';
  output.start(current, mode !== 'plain');
  let proxy = null;
  try {
    placeProgram(source);
    if (mode === 'objects') proxy = runPlain(source, 'solution.py', true);
    else if (mode === 'profile') proxy = runProfile.callKwargs(source, 'solution.py', objects === true, check ?? null, { task_only: taskOnly === true });
    else if (plain) proxy = runPlain(source, 'solution.py');
    else proxy = runExercise.callKwargs(source, check ?? null, 'solution.py', false, { profiled: profiled === true });
    output.finish();
    const converted = proxy.toJs({ dict_converter: fromEntries, create_pyproxies: false });
    const result = mode === 'objects' ? { error: converted.error ?? null, objects: converted.objects ?? null }
      : plain ? plainResult(converted, output.printed()) : converted;
    const unfit = unfitResult(result);
    if (unfit) {
      send({ type: 'failed', id, token, message: `The program's result could not be read: ${unfit}. Your text is kept; run it again.`, fatal: false });
    } else {
      send({ type: 'result', id, token, result, heapBytes: heapBytes() });
    }
  } catch (error) {
    output.finish();
    const python = error?.constructor?.name === 'PythonError';
    send({ type: 'failed', id, token, message: describe(error, python), fatal: !python });
  } finally {
    try {
      proxy?.destroy();
    } catch {
      // a broken runtime cannot free it; the page replaces the worker anyway
    }
  }
}

/**
 * A plain run's answer in the shape of run_exercise's: what the program
 * printed, its error and notes, and no figures, checks or verdict.
 */
function plainResult({ error, notes, python, pointer_bytes }, stdout) {
  return { ok: error == null, judged: false, error: error ?? null, stdout, figures: [], checks: [], notes: notes ?? [], python, pointer_bytes, line_memory: null };
}

/** Why `result` cannot be posted to the page (too large, or not plain data), or null when it can. */
function unfitResult(result) {
  let size;
  try {
    size = JSON.stringify(result)?.length ?? 0;
  } catch (error) {
    return `it is not plain data (${error?.message ?? error})`;
  }
  const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return size > RESULT_LIMIT ? `it is ${mib(size)}, more than the ${mib(RESULT_LIMIT)} a result may be` : null;
}

/** Words for a failure of the runtime itself (not of the student's program, which the harness reports). */
function describe(error, python) {
  const text = String(error?.message ?? error);
  if (error instanceof RangeError || /call stack|stack overflow/i.test(text)) {
    return 'The Python runtime ran out of stack (very deep recursion): the browser cannot go deeper than this.';
  }
  if (/memory/i.test(text)) return `The Python runtime ran out of memory (${text.split('\n').at(-1) || text}).`;
  if (python) return `The checking code failed: ${text.trim().split('\n').at(-1)}`;
  return `The Python runtime hit a fatal error: ${text.trim().split('\n')[0]}`;
}

function onPortMessage(data) {
  if (data?.type === 'stdlib' && data.bytes instanceof ArrayBuffer) {
    stdlibArrived(data.bytes);
    return;
  }
  if (data?.type !== 'run') return;
  if (!runExercise || current) {
    send({ type: 'failed', id: data.id, token: data.token, message: current ? 'This Python runtime has already run a program.' : 'Python is not ready.', fatal: true });
    return;
  }
  run(data);
}

// The global channel takes one message, the init; a program posting to
// this worker (it cannot, but js.self.onmessage is reachable) finds nothing
// listening.
self.onmessage = async ({ data }) => {
  self.onmessage = null;
  if (data?.type !== 'init' || !(data.port instanceof MessagePort)) return;
  try {
    await init(data);
  } catch (error) {
    const message = `Python could not start: ${error?.message ?? error}`;
    if (send) send({ type: 'failed', id: null, token: null, message, fatal: true });
    else postMessage({ type: 'failed', id: null, token: null, message, fatal: true });
  }
};
