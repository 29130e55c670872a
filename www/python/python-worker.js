// The Python worker: one Pyodide runtime, separate from the Rust measuring
// worker. The page (www/python/bridge.js) starts it as a module worker,
// hands it the runtime's big files (which the page downloaded once,
// counting bytes for its progress bar), and sends it programs to run. Its
// only requests are the two Pyodide modules it imports, which the page's
// download left in the HTTP cache (revalidated, 304): a fresh worker after
// Stop downloads nothing. (Modules cannot come from blob: URLs: the
// server's Content-Security-Policy allows scripts from this origin only.)
//
// Page -> worker
//   { type: 'init', files: { 'pyodide/<name>': ArrayBuffer }, harness: str, memoryLimit: bytes, base: URL of python/ }
//   { type: 'run', id, source, check: str | null }
// Worker -> page
//   { type: 'ready', python, pointerBytes, heapBytes }
//   { type: 'output', id, stream: 'stdout' | 'stderr', text }   batched, as the program runs
//   { type: 'result', id, result, heapBytes }                   heapwise_check.run_exercise's dict
//   { type: 'failed', id, message, fatal }  the run could not complete; when
//       `fatal`, the runtime is broken and the page must replace this worker
//
// A program never stops this worker from inside: Stop and the time limit
// terminate it from the page. Out of memory is a limit on how far the
// WebAssembly heap may grow (memoryLimit), so a greedy program gets a
// MemoryError instead of taking the browser's memory.

import { loadPyodide } from './pyodide/pyodide.mjs';
import createPyodideModule from './pyodide/pyodide.asm.mjs';

const FLUSH_MS = 40;
const FLUSH_CHARS = 16 * 1024;
/** Output forwarded per run; past it the rest is counted, not sent. */
const OUTPUT_LIMIT = 1024 * 1024;

let pyodide = null;
let runExercise = null;

/** Serves the runtime's own requests from the files the page handed over. */
function serveFrom(files, base) {
  const types = { '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json' };
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, options) => {
    const url = new URL(typeof input === 'string' ? input : input.url, base).href;
    for (const [name, bytes] of Object.entries(files)) {
      if (url === new URL(name, base).href) {
        const ext = name.slice(name.lastIndexOf('.'));
        return Promise.resolve(new Response(bytes, { headers: { 'Content-Type': types[ext] ?? 'application/octet-stream' } }));
      }
    }
    return realFetch(input, options);
  };
}

/** Caps the WebAssembly heap: growth past `limit` bytes is refused, so malloc fails and Python raises MemoryError. */
function capHeap(limit) {
  const wrap = (imports) => {
    const env = imports?.env;
    if (env && typeof env.emscripten_resize_heap === 'function') {
      const grow = env.emscripten_resize_heap;
      env.emscripten_resize_heap = (requested) => ((requested >>> 0) > limit ? 0 : grow(requested));
    }
    return imports;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (source, imports) => instantiate(source, wrap(imports));
  WebAssembly.instantiateStreaming = (source, imports) => instantiateStreaming(source, wrap(imports));
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
  let id = null;
  let pending = [];
  let pendingChars = 0;
  let sent = 0;
  let dropped = 0;
  let last = 0;
  const flush = () => {
    for (const [stream, text] of pending) postMessage({ type: 'output', id, stream, text });
    pending = [];
    pendingChars = 0;
    last = performance.now();
  };
  const writer = (stream) => ({
    write(bytes) {
      const text = decoder[stream].decode(bytes, { stream: true });
      if (sent + text.length > OUTPUT_LIMIT) {
        dropped += text.length;
        return bytes.length;
      }
      sent += text.length;
      const tail = pending.at(-1);
      if (tail && tail[0] === stream) tail[1] += text;
      else pending.push([stream, text]);
      pendingChars += text.length;
      if (pendingChars >= FLUSH_CHARS || performance.now() - last >= FLUSH_MS) flush();
      return bytes.length;
    },
  });
  return {
    stdout: writer('stdout'),
    stderr: writer('stderr'),
    start(runId) {
      id = runId;
      pending = [];
      pendingChars = sent = dropped = 0;
      last = -Infinity;
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

async function init({ files, harness, memoryLimit, base }) {
  serveFrom(files, base);
  if (memoryLimit) capHeap(memoryLimit);
  pyodide = await loadPyodide({
    indexURL: new URL('pyodide/', base).href,
    lockFileContents: new TextDecoder().decode(files['pyodide/pyodide-lock.json']),
    createPyodideModule,
    stdout: () => {},
    stderr: () => {},
  });
  pyodide.setStdout(output.stdout);
  pyodide.setStderr(output.stderr);
  pyodide.FS.mkdirTree('/heapwise');
  pyodide.FS.writeFile('/heapwise/heapwise_check.py', harness);
  const info = pyodide.runPython(
    'import sys, platform, struct\n' +
      "sys.path.insert(0, '/heapwise')\n" +
      'import heapwise_check\n' +
      "(platform.python_version(), struct.calcsize('P'))",
  );
  const [python, pointerBytes] = info.toJs();
  info.destroy();
  runExercise = pyodide.globals.get('heapwise_check').run_exercise;
  postMessage({ type: 'ready', python, pointerBytes, heapBytes: heapBytes() });
}

function run({ id, source, check }) {
  output.start(id);
  let proxy = null;
  try {
    proxy = runExercise(source, check ?? null, 'solution.py');
    output.finish();
    const result = proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
    postMessage({ type: 'result', id, result, heapBytes: heapBytes() });
  } catch (error) {
    output.finish();
    const python = error?.constructor?.name === 'PythonError';
    postMessage({ type: 'failed', id, message: describe(error, python), fatal: !python });
  } finally {
    try {
      proxy?.destroy();
    } catch {
      // a broken runtime cannot free it; the page replaces the worker
    }
  }
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

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    try {
      await init(data);
    } catch (error) {
      postMessage({ type: 'failed', id: null, message: `Python could not start: ${error?.message ?? error}`, fatal: true });
    }
  } else if (data.type === 'run') {
    if (!runExercise) {
      postMessage({ type: 'failed', id: data.id, message: 'Python is not ready.', fatal: true });
      return;
    }
    run(data);
  }
};
