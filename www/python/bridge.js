// The page's side of "Your Python", as the first load carries it: the
// functions the Yew app calls (src/ui/python/bridge.rs imports this file
// through wasm-bindgen; the build copies it to the bundle's root as
// python-bridge.js), kept small. The runtime itself (downloading Pyodide,
// the workers, the memory snapshot: python/runtime.js) and the editor
// (python/editor.js) are imported when the panel first needs them, so the
// catalogue and the Rust runs request no file under python/.
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
//   { kind: 'load-failed', message, offline }    the runtime could not be loaded (offline: for want of the network)
//   { kind: 'offline', stored, files, message? } every file a run needs is (or could not be) kept for offline use

const PY_BASE = () => new URL('python/', document.baseURI);
/** How far a program's WebAssembly heap may grow. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** What pythonSnapshot() reports; python/runtime.js keeps it current. */
const view = { ready: false, python: null, pointerBytes: null, loaded: null, total: null, running: null, memoryLimit: MEMORY_LIMIT_BYTES, offlineStored: null, offlineFiles: 0 };
let listener = null;
let nextId = 1;
let runtime = null; // Promise of python/runtime.js's start(), once asked for
let editorModule = null;
let failedImports = 0;

/**
 * Imports python/<file>. A browser remembers a module that failed to load
 * (offline, say) for the page's life, so a retry asks for another URL.
 */
function importPython(file) {
  const url = new URL(file, PY_BASE());
  if (failedImports) url.search = `?retry=${failedImports}`;
  return import(url.href).catch((error) => {
    failedImports += 1;
    throw error;
  });
}

function emit(event) {
  try {
    listener?.(event);
  } catch (error) {
    console.error('python panel listener failed', error);
  }
}

/** Calls `use(runtime)` once python/runtime.js is loaded (calls keep their order). */
function withRuntime(use) {
  runtime ??= importPython('runtime.js').then(
    (module) => module.start({ emit, view, base: PY_BASE(), memoryLimit: MEMORY_LIMIT_BYTES }),
    (error) => {
      runtime = null;
      throw error;
    },
  );
  runtime.then(use, (error) => {
    view.running = null;
    // offline: Run waits for the browser's online event (a failed fetch while
    // online leaves Run pressable, to try again).
    const network = navigator.onLine === false || error instanceof TypeError;
    emit({
      kind: 'load-failed',
      offline: navigator.onLine === false,
      message: network
        ? 'Python cannot start: the network cannot be reached, and Python is not stored in this browser yet (open the editor once online to keep it). Run Python works again when the network is back.'
        : `Python could not be loaded: ${error.message}`,
    });
  });
}

// --- exported to the app (src/ui/python/bridge.rs) ---------------------------

/** Sets who hears events (the open panel). */
export function pythonListen(next) {
  listener = next;
}

/** Stops `listener` hearing events, if it is still the one listening. */
export function pythonUnlisten(which) {
  if (listener === which) listener = null;
}

/** What is known now, for a panel that opens while the runtime loads or after: { ready, python, pointerBytes, loaded, total, running, memoryLimit, offlineStored, offlineFiles }. */
export function pythonSnapshot() {
  return { ...view };
}

/** Starts loading the runtime if nothing has yet (opening the panel does this). */
export function pythonWarm() {
  withRuntime((r) => r.warm());
}

/**
 * Queues a run of `source` against the checks of `slug`; returns its id.
 * `lineMemory`: the harness samples which lines hold memory (off: the run
 * as it was before that existed); `checks`: false runs no checks (the
 * reference program, profiled for comparison).
 */
export function pythonRun(slug, source, timeLimitSeconds, lineMemory = true, checks = true) {
  const id = nextId++;
  view.running = id;
  withRuntime((r) => r.run(id, slug, source, timeLimitSeconds, { lineMemory, checks }));
  return id;
}

/** Stops the running (or waiting) program at once; its worker is thrown away. */
export function pythonStop() {
  withRuntime((r) => r.stop());
}

/** Loads the editor module (once) and mounts an editor; calls onReady(handle) or onError(message). */
export function pythonEditor(parent, text, label, onChange, onRun, onReady, onError) {
  editorModule ??= importPython('editor.js');
  editorModule.then(
    (module) => {
      if (!parent.isConnected) return;
      onReady(module.createEditor({ parent, doc: text, label, onChange, onRun }));
    },
    (error) => {
      editorModule = null;
      onError(`The editor could not be loaded: ${error.message}`);
    },
  );
}

// --- the student's text, a second copy (src/ui/python/storage.rs) ------------
// Local storage is read at once and tells other tabs, but Chromium writes it
// to disk up to about 5 s after a change, so a browser killed in between
// loses the last edits. Each saved value is therefore also put in IndexedDB,
// in a transaction with strict durability: it is on disk when the
// transaction completes, and only then does the panel say "Saved".

const KEEP_DB = 'heapwise-python';
const KEEP_STORE = 'texts';
let keepDb = null;
/** Values waiting for the transaction in flight on their key: key -> { value, waiters }. */
const waiting = new Map();
const writing = new Set();

function openKeep() {
  keepDb ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(KEEP_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(KEEP_STORE);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        keepDb = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('another tab holds an older version of it open'));
  });
  keepDb.catch(() => {
    keepDb = null;
  });
  return keepDb;
}

/** Commits `value` (a string, or null to delete) under `key`; resolves once it is on disk. */
function commit(key, value) {
  return openKeep().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(KEEP_STORE, 'readwrite', { durability: 'strict' });
        const store = tx.objectStore(KEEP_STORE);
        if (value === null) store.delete(key);
        else store.put(value, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the write was abandoned'));
      }),
  );
}

async function drain(key) {
  writing.add(key);
  while (waiting.has(key)) {
    const { value, waiters } = waiting.get(key);
    waiting.delete(key);
    try {
      await commit(key, value);
      for (const w of waiters) w.resolve();
    } catch (error) {
      const why = error?.message || String(error);
      for (const w of waiters) w.reject(why);
    }
  }
  writing.delete(key);
}

/**
 * Keeps `value` (null: deletes it) under `key` in IndexedDB. Writes to one key
 * are made one at a time, and a value that waits is replaced by a later one:
 * the promise resolves when a write holding this value or a later one is on
 * disk, or rejects with the sentence the browser gave.
 */
export function pythonKeep(key, value) {
  return new Promise((resolve, reject) => {
    const entry = waiting.get(key) ?? { value, waiters: [] };
    entry.value = value;
    entry.waiters.push({ resolve, reject });
    waiting.set(key, entry);
    if (!writing.has(key)) drain(key);
  });
}

/** Every [key, value] kept whose key is `key` or starts with `key + '.'`. */
function kept(key) {
  return openKeep().then(
    (db) =>
      new Promise((resolve, reject) => {
        const found = [];
        const request = db.transaction(KEEP_STORE, 'readonly').objectStore(KEEP_STORE).openCursor(IDBKeyRange.bound(key, `${key}.\uffff`));
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(found);
          if (cursor.key === key || cursor.key.startsWith(`${key}.`)) found.push([cursor.key, cursor.value]);
          cursor.continue();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** The `at` (ms since 1970) of a saved value's JSON, or null when it is not a readable version 1 value. */
function savedAt(raw) {
  try {
    const saved = JSON.parse(raw);
    return saved?.version === 1 && typeof saved.text === 'string' ? Number(saved.at) || 0 : null;
  } catch {
    return null;
  }
}

/**
 * When the page opens: every value kept under `key` (or `key.<anything>`)
 * that is newer than local storage's, or that local storage lost (a browser
 * killed before it reached the disk), is written back into local storage;
 * not `key` itself when `setAside` (its unreadable text was just set
 * aside, and the editor starts from the starter code). Resolves to the text
 * written back under `key`, or null; rejects with the browser's sentence.
 */
export async function pythonRecover(key, setAside) {
  let entries;
  try {
    entries = await kept(key);
  } catch (error) {
    throw error?.message || String(error);
  }
  let text = null;
  for (const [name, raw] of entries) {
    const copy = savedAt(raw);
    if (copy === null) continue;
    const here = localStorage.getItem(name);
    const newer = here === null ? !(name === key && setAside) : copy > (savedAt(here) ?? Infinity);
    if (!newer) continue;
    try {
      localStorage.setItem(name, raw);
    } catch {
      continue; // storage full: the panel says so when it next saves
    }
    if (name === key) text = JSON.parse(raw).text;
  }
  return text;
}
