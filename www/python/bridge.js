// The page's side of "Your Python": loads the editor and the Python runtime
// on demand, runs programs in the Python worker (python-worker.js), stops
// them, and replaces the worker whenever it has to. The Yew app imports
// this file through wasm-bindgen (src/ui/python/bridge.rs); the build
// copies it to the bundle's root as python-bridge.js. Nothing in it runs
// until the panel opens: the catalogue and the Rust runs request no file
// under python/.
//
// One runtime for the whole app, kept between exercise pages. Events go to
// one listener (the open panel) as plain objects:
//   { kind: 'progress', loaded, total }          runtime download, in bytes
//   { kind: 'ready', python, pointerBytes }      the runtime can run programs
//   { kind: 'started', id }                      the run is executing
//   { kind: 'output', id, stream, text }         what it printed, in batches
//   { kind: 'result', id, result }               heapwise_check.run_exercise's dict
//   { kind: 'failed', id, message, fatal }       the run could not complete
//   { kind: 'stopped', id, reason, seconds }     reason: 'stop' | 'time'
//   { kind: 'load-failed', message }             the runtime could not be loaded

const PY_BASE = () => new URL('python/', document.baseURI);
/** Heap above which a worker is replaced after its run, to give the memory back. */
const RESTART_ABOVE_BYTES = 512 * 1024 * 1024;
/** How far a program's WebAssembly heap may grow. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

const state = {
  listener: null,
  files: null, // { 'pyodide/<name>': ArrayBuffer } once downloaded
  harness: null,
  checks: new Map(), // slug -> Promise<string | null>
  download: null, // Promise while downloading
  progress: null, // { loaded, total }
  worker: null,
  ready: false,
  info: null, // { python, pointerBytes }
  failedStarts: 0,
  pending: null, // { id, slug, source, timeLimitMs } waiting for the runtime
  running: null, // { id, timer, started }
  nextId: 1,
  editorModule: null,
};

function emit(event) {
  try {
    state.listener?.(event);
  } catch (error) {
    console.error('python panel listener failed', error);
  }
}

async function fetchCounted(url, onBytes) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered HTTP ${response.status}`);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    onBytes(value.length);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes.buffer;
}

/** Downloads the runtime's files once (counting bytes), then starts a worker. */
function download() {
  if (state.files) return Promise.resolve();
  state.download ??= (async () => {
    const base = PY_BASE();
    const manifestResponse = await fetch(new URL('manifest.json', base), { cache: 'no-cache' });
    if (!manifestResponse.ok) throw new Error(`python/manifest.json answered HTTP ${manifestResponse.status}`);
    const manifest = await manifestResponse.json();
    const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    state.progress = { loaded: 0, total };
    let lastEmit = 0;
    const count = (n) => {
      state.progress.loaded += n;
      const now = performance.now();
      if (now - lastEmit > 50 || state.progress.loaded >= total) {
        lastEmit = now;
        emit({ kind: 'progress', ...state.progress });
      }
    };
    emit({ kind: 'progress', ...state.progress });
    const [harness, ...buffers] = await Promise.all([
      fetch(new URL('heapwise_check.py', base)).then((r) => {
        if (!r.ok) throw new Error(`python/heapwise_check.py answered HTTP ${r.status}`);
        return r.text();
      }),
      ...manifest.files.map((f) => fetchCounted(new URL(f.name, base), count)),
    ]);
    state.harness = harness;
    // The worker imports the .mjs files itself (from the HTTP cache this
    // download filled); it is handed the rest.
    state.files = Object.fromEntries(
      manifest.files.map((f, i) => [f.name, buffers[i]]).filter(([name]) => !name.endsWith('.mjs')),
    );
  })().catch((error) => {
    state.download = null;
    state.progress = null;
    throw error;
  });
  return state.download;
}

function spawn() {
  state.ready = false;
  const worker = new Worker(new URL('python-worker.js', PY_BASE()), { type: 'module', name: 'heapwise-python' });
  state.worker = worker;
  worker.onmessage = ({ data }) => {
    if (state.worker === worker) onWorkerMessage(data);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    if (state.worker === worker) replace(`The Python runtime stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`);
  };
  // Copies: the page keeps its own, for the next worker.
  worker.postMessage({ type: 'init', files: state.files, harness: state.harness, memoryLimit: MEMORY_LIMIT_BYTES, base: PY_BASE().href });
}

function terminate() {
  clearTimeout(state.running?.timer);
  state.running = null;
  state.worker?.terminate();
  state.worker = null;
  state.ready = false;
}

/** Throws the worker away and starts a fresh one; a run in flight is reported failed. */
function replace(message) {
  const running = state.running;
  terminate();
  if (running) emit({ kind: 'failed', id: running.id, message: `${message} A fresh Python runtime is starting; your text is kept.`, fatal: true });
  state.failedStarts += running ? 0 : 1;
  if (state.failedStarts >= 2) {
    emit({ kind: 'load-failed', message });
    state.failedStarts = 0;
    return;
  }
  spawn();
}

function onWorkerMessage(data) {
  switch (data.type) {
    case 'ready':
      state.ready = true;
      state.failedStarts = 0;
      state.info = { python: data.python, pointerBytes: data.pointerBytes };
      emit({ kind: 'ready', ...state.info });
      startPending();
      break;
    case 'output':
      if (state.running?.id === data.id) emit({ kind: 'output', id: data.id, stream: data.stream, text: data.text });
      break;
    case 'result': {
      if (state.running?.id !== data.id) break;
      clearTimeout(state.running.timer);
      state.running = null;
      emit({ kind: 'result', id: data.id, result: data.result });
      const outOfMemory = data.result?.error?.type === 'MemoryError';
      if (outOfMemory || (data.heapBytes ?? 0) > RESTART_ABOVE_BYTES) {
        terminate();
        spawn(); // gives the grown heap back; the next run waits for it
      } else {
        startPending();
      }
      break;
    }
    case 'failed':
      if (data.fatal) {
        if (data.id === null || state.running?.id === data.id) replace(data.message);
      } else if (state.running?.id === data.id) {
        clearTimeout(state.running.timer);
        state.running = null;
        emit({ kind: 'failed', id: data.id, message: data.message, fatal: false });
      }
      break;
  }
}

function checkSource(slug) {
  if (!state.checks.has(slug)) {
    const url = new URL(`exercises/${encodeURIComponent(slug)}/check.py`, PY_BASE());
    state.checks.set(
      slug,
      fetch(url).then((r) => (r.ok ? r.text() : null), () => null),
    );
  }
  return state.checks.get(slug);
}

async function startPending() {
  const run = state.pending;
  if (!run || !state.ready || state.running) return;
  const check = await checkSource(run.slug);
  // Stopped, superseded or the worker replaced while the checks downloaded:
  // whoever changed things starts what comes next.
  if (state.pending !== run || !state.ready || state.running) return;
  state.pending = null;
  const timer = setTimeout(() => stopRun('time', run.timeLimitMs / 1000), run.timeLimitMs);
  state.running = { id: run.id, timer, started: performance.now() };
  state.worker.postMessage({ type: 'run', id: run.id, source: run.source, check });
  emit({ kind: 'started', id: run.id });
}

function stopRun(reason, seconds) {
  const id = state.running?.id ?? state.pending?.id;
  state.pending = null;
  if (state.running) {
    terminate();
    spawn(); // a fresh runtime, from the files already in memory
  }
  if (id !== undefined) emit({ kind: 'stopped', id, reason, seconds });
}

// --- exported to the app (src/ui/python/bridge.rs) ---------------------------

/** Sets who hears events (the open panel). */
export function pythonListen(listener) {
  state.listener = listener;
}

/** Stops `listener` hearing events, if it is still the one listening. */
export function pythonUnlisten(listener) {
  if (state.listener === listener) state.listener = null;
}

/** What is known now, for a panel that opens while the runtime loads or after: { ready, python, pointerBytes, loaded, total, running }. */
export function pythonSnapshot() {
  return {
    ready: state.ready,
    python: state.info?.python ?? null,
    pointerBytes: state.info?.pointerBytes ?? null,
    loaded: state.progress?.loaded ?? null,
    total: state.progress?.total ?? null,
    running: state.running?.id ?? state.pending?.id ?? null,
    memoryLimit: MEMORY_LIMIT_BYTES,
  };
}

/** Starts loading the runtime if nothing has yet (opening the panel does this). */
export function pythonWarm() {
  if (state.worker) return;
  download().then(
    () => {
      if (!state.worker) spawn();
    },
    (error) => {
      state.pending = null;
      emit({ kind: 'load-failed', message: `Python could not be loaded: ${error.message}` });
    },
  );
}

/** Queues a run of `source` against the checks of `slug`; returns its id. */
export function pythonRun(slug, source, timeLimitSeconds) {
  if (state.running) stopRun('stop', null);
  const id = state.nextId++;
  state.pending = { id, slug, source, timeLimitMs: Math.max(1, timeLimitSeconds) * 1000 };
  pythonWarm();
  checkSource(slug);
  startPending();
  return id;
}

/** Stops the running (or waiting) program at once; the worker is replaced. */
export function pythonStop() {
  stopRun('stop', null);
}

/** Loads the editor module (once) and mounts an editor; calls onReady(handle) or onError(message). */
export function pythonEditor(parent, text, label, onChange, onRun, onReady, onError) {
  state.editorModule ??= import(new URL('editor.js', PY_BASE()).href);
  state.editorModule.then(
    (module) => {
      if (!parent.isConnected) return;
      onReady(module.createEditor({ parent, doc: text, label, onChange, onRun }));
    },
    (error) => {
      state.editorModule = null;
      onError(`The editor could not be loaded: ${error.message}`);
    },
  );
}

/** Reads the file chosen in an <input type="file"> as text. */
export function pythonReadFile(input, onText, onError) {
  const file = input.files?.[0];
  if (!file) return;
  file.text().then(
    (text) => onText(file.name, text),
    (error) => onError(`${file.name} could not be read: ${error.message}`),
  );
  input.value = ''; // choosing the same file again loads it again
}
