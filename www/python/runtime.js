// The page's Python runtime manager, for "Your Python": downloads the
// runtime's files once (counting bytes), runs every program in a Python
// worker (python-worker.js) nothing else has run in, and keeps SPARE
// workers ready so the next Run Python starts at once. python-bridge.js (the few
// lines the first load carries) imports this file when the panel first
// opens, and gives it the `emit` that tells the open panel about the
// runtime itself (download progress, ready, could not load, kept offline)
// and the `view` object that pythonSnapshot() reads. A run is one request
// with one answer: `run(request, { onStep, onProfile })` is a promise of how
// it ended (its result, its failure, or its stop), and only that run's steps
// (it started, its checks began, what it printed) reach its own `onStep`;
// with Memory by line, the profile run that follows the verdict answers
// once more, to `onProfile`.
//
// One program per interpreter: the worker used for a run is terminated
// after its result, Stop or the time limit, so whatever a program changed
// (modules patched, gc disabled or frozen, files written, sys.modules, the
// recursion limit) cannot change a later run or its verdict. Where the
// machine has a second core, the program's plain run and its judged run
// start together in two spare workers (`follows`), so the verdict does not
// wait for the plain run, and Memory by line's run takes the core the plain
// run leaves (its answer still follows the verdict). Spares are restored
// beside those runs only as their next run needs one, the others once
// neither goes on, so that restoring never takes a core from them.
//
// Fast starts: a memory snapshot of an interpreter that has imported the
// harness and the modules programs commonly use (PRELOAD), made in this
// browser, so nothing extra is downloaded. The first worker loads Pyodide
// normally, makes the snapshot, transfers it here and serves the first run
// itself; every later worker restores from a copy of it (0.2 to 0.5 s
// against 1 to 1.5 s for a load, 2 to 4 s before the bundle's standard
// library carried bytecode). It is stored in Cache Storage (SNAPSHOT_CACHE)
// under a key made of the Pyodide version, the runtime files' SHA-256
// (manifest.json), harness.json (the harness is baked into it) and
// PRELOAD, so a stale one is never used; the next visit's first worker
// restores from it. If storing fails (quota, no Cache Storage on plain
// http), the page keeps going without it.
//
// Each worker gets the WebAssembly module compiled here once, as it
// streamed in, rather than compiling 9.6 MB itself. A worker restoring
// from the snapshot is started as soon as the panel opens and initialised
// as soon as the module and the snapshot are in: it does not wait for the
// 13 MB standard library, which follows in a message of its own.
//
// Sealed workers: each worker is started from a data: URL of the worker's
// bundle (python/python-worker.js, read and checked here like the other
// files), which gives it an opaque origin of its own. The browser then
// refuses it this site's storage (Cache Storage, IndexedDB, the origin's
// file system, locks), this site's files (cross-origin to it: no fetch, no
// synchronous request, no worker started from them) and its tabs'
// BroadcastChannels, from its first line: a program, a shared code link,
// cannot change what a later run, another exercise or another tab sees.
// What it needs arrives in its init: the files, the compiled module, the
// snapshot. The price is the page's CSP allowing `worker-src data:`
// (scripts/static-server.mjs) and the worker's JavaScript parsed without
// the browser's code cache (measured in benches/python.mjs).
//
// Integrity: index.html carries the SHA-256 of python/manifest.json
// (scripts/stamp-python-size.mjs), and the manifest the SHA-256 of every
// file, so the page refuses a manifest of another build ("reload the page")
// and any file, served or stored, that is not the one its build lists (a
// stored one is thrown away). The snapshot's SHA-256 is recorded in
// localStorage when this page stores it, and a stored snapshot whose bytes
// do not match the record is thrown away and made again. (Without
// SubtleCrypto, on plain http, nothing is hashed; there is no Cache
// Storage there to keep anything in either.)
//
// Trust: a worker's messages are accepted only from the MessagePort this
// page gave it at init (a program's js.postMessage goes to the worker's
// global channel, which nobody here listens to), and messages about a run
// must carry that run's random token. The snapshot is accepted only from a
// worker asked to make one, before it has been given a program.

/** Modules imported before the snapshot is taken (the harness imports more). */
/**
 * The harness's result as the panel shows it: failing checks
 * first (in their order, then the passing ones in theirs), so they and the
 * verdict are what the checks box shows first; and when every check failed
 * with the same words (the program did not start, say), those words once
 * as `common`, not under each check. The harness's own result is unchanged
 * in meaning: the same checks, the same verdicts.
 */
export function forStudent(result) {
  const checks = Array.isArray(result?.checks) ? result.checks : null;
  if (!checks) return result;
  const ordered = [...checks.filter((c) => !c?.passed), ...checks.filter((c) => c?.passed)];
  const first = ordered[0]?.message;
  const same = ordered.length > 1 && typeof first === 'string' && first !== '' && ordered.every((c) => !c?.passed && c.message === first);
  return {
    ...result,
    checks: same ? ordered.map((c) => ({ ...c, message: '' })) : ordered,
    common: same ? first : null,
  };
}

/**
 * The runs one Run Python makes, in order, each in a fresh interpreter.
 * Every instrument of the judged run (the whole-program trace, provenance's
 * marks, the recorders) changes what a program prints about its memory by a
 * little, so the console shows a plain run with none of them ('plain':
 * heapwise_check.run_plain) and the verdict comes from a second, judged run
 * ('judged': run_exercise). A program that runs tracemalloc itself has it
 * handed over in the judged run, so that what it prints is its own trace's;
 * Memory by line and the whole-program peak come from a third run, in which
 * the harness traces all of it ('profile': run_profile). The reference
 * program profiled for comparison (no checks) needs only that one; a run
 * with neither checks nor Memory by line only the plain one.
 */
export function phases({ lineMemory, checks }) {
  if (checks) return lineMemory ? ['plain', 'judged', 'profile'] : ['plain', 'judged'];
  return lineMemory ? ['profile'] : ['plain'];
}

/**
 * Which runs each of `phaseList`'s runs waits for: a run starts, in an
 * interpreter of its own, once those have answered. With `parallel` (a
 * second core, memory to spare: `parallelRuns`) the plain and judged runs
 * start together, so the verdict waits for the judged run alone, not for the
 * plain run before it; Memory by line's profile run, which the verdict never
 * waits for, takes the core the plain run leaves. Without, one run after
 * another.
 */
export function follows(phaseList, parallel) {
  return Object.fromEntries(phaseList.map((mode, i) => {
    if (i === 0) return [mode, []];
    if (parallel && mode === 'judged') return [mode, []];
    if (parallel && mode === 'profile' && phaseList.includes('plain')) return [mode, ['plain']];
    return [mode, [phaseList[i - 1]]];
  }));
}

/**
 * Whether this browser runs a request's plain and judged runs at once: it
 * has at least two cores, and (where it says, Chromium's
 * `navigator.deviceMemory`, in GiB, rounded down) at least 4 GiB, since two
 * interpreters each may grow to the memory limit at once.
 */
export function parallelRuns(nav = globalThis.navigator) {
  const cores = Number(nav?.hardwareConcurrency ?? 1);
  const memory = nav?.deviceMemory;
  return cores >= 2 && (memory === undefined || Number(memory) >= 4);
}

/**
 * How long one run of a request may take, in ms: the plain run (the
 * student's program, nothing else) and a picture's run, the time limit; the
 * judged and profile runs, which run the program again under the harness's
 * instruments (and the checks, which run it again, whole or in part, several
 * times in some exercises), the checks' limit (the page's
 * `checks_time_limit`), never less. A program that runs within its limit
 * is not stopped because its checks take longer.
 */
export function phaseLimitMs({ timeLimitMs, checksLimitMs }, mode) {
  if (mode === 'plain' || mode === 'objects') return timeLimitMs;
  return Math.max(timeLimitMs, checksLimitMs ?? timeLimitMs);
}

/**
 * One answer from the results of a plain and a judged run of one program:
 * what it printed and its error from the plain run (what the console
 * showed), the verdict and figures from the judged run, whose own output is
 * kept as `checked_stdout` for the checks' box. An error only the judged
 * run met (a figure the checks' instruments pushed past a limit, say) is
 * said in a note, and the run is not ok. `profiling`: a profile run
 * follows, whose answer (`onProfile`) brings Memory by line and the
 * whole-program figure (the panel puts them in: page/panel/events.rs).
 */
export function combined(plain, judged, profiling = false) {
  const notes = [...(plain.notes ?? [])];
  for (const note of judged.notes ?? []) if (!notes.includes(note)) notes.push(note);
  const judgedOnly = judged.error && !plain.error;
  if (judgedOnly) {
    notes.push(`In the checked run (the second run, with the checks' instruments) your program raised ${judged.error.type}${judged.error.line ? ` on line ${judged.error.line}` : ''}: ${judged.error.message}`);
  }
  return {
    ...judged,
    ok: Boolean(judged.ok) && !plain.error,
    stdout: plain.stdout,
    error: plain.error,
    notes,
    checked_stdout: judged.stdout,
    profiling,
  };
}

export const PRELOAD = [
  'tracemalloc', 'array', 'struct', 'pickle', 'weakref', 'collections', 'gc', 'mmap', 'random', 'json',
  'itertools', 'functools', 'os', 'io', 'time', 'dataclasses', 'typing', 'copy',
];
/** Cache Storage name for the snapshot. Not `heapwise-…`: sw.js deletes other builds' caches by that prefix. */
const SNAPSHOT_CACHE = 'python-snapshot';
/** Bump when what a worker puts into a snapshot changes in a way the key does not see. */
const SNAPSHOT_RECIPE = 1;
/** The service worker's cache for files outside the app shell (sw.js, RUNTIME_CACHE): it answers from it offline. */
const OFFLINE_CACHE = 'heapwise-runtime';
/** localStorage: `{ key, sha256 }` of the snapshot this browser stored last. */
const SNAPSHOT_RECORD = 'heapwise.python-snapshot';
/** The worker's bundle among the manifest's files (scripts/build-python-assets.mjs, WORKER). */
const WORKER_FILE = 'python-worker.js';

/** SHA-256 of `bytes` (an ArrayBuffer or view) in hex, or null where the page cannot hash (no SubtleCrypto: plain http). */
export async function sha256Hex(bytes) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A data: URL of JavaScript `bytes`: a worker started from it has an opaque origin. */
export function javascriptDataUrl(bytes) {
  const view = new Uint8Array(bytes);
  if (typeof view.toBase64 === 'function') return `data:text/javascript;base64,${view.toBase64()}`;
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode.apply(null, view.subarray(i, i + 0x8000));
  return `data:text/javascript;base64,${btoa(binary)}`;
}

/** Every file under python/ a run needs, relative to it, as `manifest` lists them. */
export function offlineFiles(manifest) {
  return [
    'runtime.js', 'editor.js', 'panel.js', 'manifest.json', 'harness.json',
    ...manifest.files.map((f) => f.name),
    ...(manifest.checks ?? []).map((slug) => `exercises/${encodeURIComponent(slug)}/check.py`),
  ];
}

/** Names of `files` (under `base`) that Cache Storage does not hold; all of them when it cannot be read. */
export async function notStored(files, base) {
  if (!globalThis.caches) return files;
  const held = await Promise.all(files.map((file) => caches.match(new URL(file, base).href, { ignoreSearch: true }).catch(() => undefined)));
  return files.filter((_, i) => !held[i]);
}

/**
 * "a, b, c and 4 more" (at most `shown` names, the last path segment of each).
 */
export function fewNames(files, shown = 3) {
  const names = files.map((f) => f.split('/').pop());
  if (names.length <= shown) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/**
 * What the panel says when the runtime could not be loaded: offline, which
 * of its files this browser has not stored (so Run waits for the network).
 */
export async function loadFailure(error, base) {
  const network = error instanceof TypeError || globalThis.navigator?.onLine === false;
  if (!network) return { message: `Python could not be loaded: ${error.message}`, offline: false };
  let manifest = null;
  try {
    manifest = await (await caches.match(new URL('manifest.json', base).href, { ignoreSearch: true }))?.json();
  } catch {
    // not stored either
  }
  const missing = await notStored(manifest ? offlineFiles(manifest) : ['runtime.js', 'manifest.json'], base);
  const what = missing.length
    ? `${missing.length} of its files ${missing.length === 1 ? 'is' : 'are'} not stored in this browser (${fewNames(missing)})`
    : 'its files could not be read from this browser\'s storage';
  // offline: Run waits for the browser's online event. A failed fetch while
  // the browser says it is online (a server down, a network coming back)
  // leaves Run pressable: pressing it tries again.
  return {
    message: `Python cannot start: the network cannot be reached, and ${what}. Open this page online once with the editor open and Python is kept for offline use; Run Python works again when the network is back.`,
    offline: globalThis.navigator?.onLine === false,
  };
}

export function start({ emit, view, base, memoryLimit }) {
  const state = {
    files: {}, // { 'pyodide/<name>': ArrayBuffer } as they are downloaded
    harness: null,
    stdlib: null, // the standard library's name in `files` (manifest.stdlib), or null for Pyodide's default
    wasm: null, // WebAssembly.Module compiled here, or null (each worker compiles)
    workerUrl: null, // Promise of the data: URL the workers start from (the checked bundle)
    snapshot: null, // ArrayBuffer of the interpreter's memory, or null
    snapshotKey: null, // its Cache Storage URL, or null when it cannot be stored
    maker: null, // the slot asked to make a snapshot, until it is ready
    checks: new Map(), // slug -> Promise<string | null>
    download: null, // { essentials, all }: promises, once asked for
    spares: [], // slots: workers that have run nothing (starting or ready), oldest first
    active: [], // slots: the workers running the current request's runs
    failedStarts: 0,
    // The request going on: { id, slug, source, timeLimitMs, checksLimitMs, phases, follows, results, started,
    // verdict, onStep, finish, onProfile }; `follows` is follows(phases), `results` and `started` are by mode.
    request: null,
    // The judged run of the editor's text started before Run Python is
    // pressed (`prepare`): { key, source, slot, result, refused }. `slot` while it
    // runs, `result` once it answered, `refused` if it failed or ran out of
    // time (that text is not judged ahead again: Run judges it as usual).
    ahead: null,
    wish: null, // the latest prepare()'s request, normalized as submit's
    wishTimer: null,
    wishAt: 0, // when prepare() was last called (performance.now())
    nextId: 1, // the worker's messages name the run they belong to
    parallel: parallelRuns(),
  };
  /** Workers kept ready between runs: one for each run a Run Python starts at once. */
  const SPARES = state.parallel ? 2 : 1;

  const readySpare = () => state.spares.find((slot) => slot.ready) ?? null;
  const setView = () => {
    view.ready = Boolean(readySpare() || state.active.length);
    view.running = state.request?.id ?? null;
    // Which runs are going on (their modes, in the order they started) and how many spares are ready: for the tests.
    view.runs = state.active.filter((slot) => slot.run).map((slot) => slot.run.mode);
    view.spares = state.spares.filter((slot) => slot.ready).length;
    const ahead = state.ahead;
    // The text judged ahead and how far it got: for the tests.
    view.ahead = ahead && { state: ahead.refused ? 'refused' : ahead.result ? 'answered' : 'running', source: ahead.source };
  };
  /** Whether `slot` is one of ours still: a spare, running a request's run, or judging ahead. */
  const live = (slot) => state.active.includes(slot) || state.spares.includes(slot) || state.ahead?.slot === slot;

  /**
   * Fetches `url`, counting its bytes as they arrive; resolves to its bytes.
   * `signal` aborts it. With `compile`, also compiles it as WebAssembly while it streams in
   * (WebAssembly.compileStreaming on a copy of the response, which also
   * lets the browser reuse the code it cached on an earlier visit), handing
   * that promise to `compile`.
   */
  async function fetchCounted(url, onBytes, compile = null, signal = undefined) {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`${url.pathname} answered HTTP ${response.status}`);
    compile?.(WebAssembly.compileStreaming(response.clone()));
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

  /**
   * `bytes` if their SHA-256 is the one the manifest lists for `file`.
   * Otherwise a copy this browser stored is thrown away (the next try
   * downloads it again) and the load fails in words.
   */
  async function checked(file, bytes) {
    const hash = await sha256Hex(bytes);
    if (hash === null || hash === file.sha256) return bytes;
    const url = new URL(file.name, base).href;
    let removed = false;
    try {
      for (const name of await caches.keys()) removed = (await (await caches.open(name)).delete(url, { ignoreSearch: true })) || removed;
    } catch {
      // no Cache Storage: nothing stored to throw away
    }
    const then = removed
      ? 'the copy this browser had stored was thrown away, and Run Python downloads it again'
      : 'reload the page; if this goes on, the server holds another copy than the one its version lists';
    throw new Error(`python/${file.name} is not the file this version of Heapwise lists (its SHA-256 differs), so it was not used: ${then}.`);
  }

  /** The snapshot's Cache Storage key, or null where it cannot be kept (no Cache Storage or SubtleCrypto: plain http). */
  async function snapshotKey(manifest, harness) {
    if (!globalThis.caches || !globalThis.crypto?.subtle) return null;
    const recipe = JSON.stringify([SNAPSHOT_RECIPE, manifest.pyodide, manifest.files, PRELOAD, harness]);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(recipe));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return new URL(`snapshot/pyodide-${encodeURIComponent(manifest.pyodide)}-${hex.slice(0, 32)}.bin`, base).href;
  }

  /** What this page recorded of the snapshot it stored last: `{ key, sha256 }`, or null. */
  function snapshotRecord() {
    try {
      const record = JSON.parse(localStorage.getItem(SNAPSHOT_RECORD) ?? 'null');
      return typeof record?.key === 'string' && typeof record?.sha256 === 'string' ? record : null;
    } catch {
      return null;
    }
  }

  /**
   * The stored snapshot, if its bytes are the ones this page recorded when
   * it stored them; any other is thrown away (the next worker makes one).
   */
  async function storedSnapshot(key) {
    if (!key) return null;
    try {
      const cache = await caches.open(SNAPSHOT_CACHE);
      const response = await cache.match(key);
      if (!response) return null;
      const bytes = await response.arrayBuffer();
      const record = snapshotRecord();
      if (record?.key === key && record.sha256 === (await sha256Hex(bytes))) return bytes;
      await cache.delete(key);
      // The record told of those bytes: gone with them, so that nothing
      // reads the next snapshot's bytes against it before it is written.
      localStorage.removeItem(SNAPSHOT_RECORD);
      view.snapshotRefused = (view.snapshotRefused ?? 0) + 1;
      console.warn('Python: the stored memory snapshot was refused: its SHA-256 is not the one this page recorded when it stored it. It was thrown away; a new one is being made.');
      return null;
    } catch (error) {
      console.info(`Python: the stored snapshot could not be read (${error?.message ?? error}).`);
      return null;
    }
  }

  /** Stores the snapshot for the next visit, replacing any other; a full quota just means it is not kept. */
  async function keepSnapshot(bytes) {
    const key = state.snapshotKey;
    if (!key) return;
    try {
      const sha256 = await sha256Hex(bytes);
      const cache = await caches.open(SNAPSHOT_CACHE);
      for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
      await cache.put(key, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
      localStorage.setItem(SNAPSHOT_RECORD, JSON.stringify({ key, sha256 }));
      console.debug(`Python: the memory snapshot (${bytes.byteLength.toLocaleString('en')} B) is stored for the next visit.`);
    } catch (error) {
      console.info(`Python: the memory snapshot was not stored for the next visit (${error?.message ?? error}).`);
    }
  }

  async function forgetSnapshot() {
    state.snapshot = null;
    if (!state.snapshotKey) return;
    try {
      await (await caches.open(SNAPSHOT_CACHE)).delete(state.snapshotKey);
    } catch {
      // nothing stored, or no access: nothing to forget
    }
  }

  /**
   * Downloads the runtime's files once (counting bytes), compiles the wasm
   * and looks for a stored snapshot. Two promises: `essentials`, all a
   * worker needs to start (everything but the standard library: a worker
   * restoring from the snapshot needs that only once restored, so it
   * restores while the library is still being read), and `all`.
   */
  function download() {
    state.download ??= (() => {
      // Aborted when any part fails: the rest need not arrive, nor its progress be shown.
      const stopped = new AbortController();
      const manifestRead = (async () => {
        const response = await fetch(new URL('manifest.json', base), { cache: 'no-cache' });
        if (!response.ok) throw new Error(`python/manifest.json answered HTTP ${response.status}`);
        const bytes = await response.arrayBuffer();
        const built = document.querySelector('meta[name="heapwise-python-manifest"]')?.content;
        const hash = built ? await sha256Hex(bytes) : null;
        if (hash !== null && hash !== built) {
          throw new Error('its files on the server belong to another version of Heapwise than this page (it was updated since the page was opened). Reload the page; your text is kept');
        }
        return JSON.parse(new TextDecoder().decode(bytes));
      })();
      const harnessRead = (async () => {
        const response = await fetch(new URL('harness.json', base));
        if (!response.ok) throw new Error(`python/harness.json answered HTTP ${response.status}`);
        return response.json();
      })();
      let resolveModule;
      const module = new Promise((resolve) => (resolveModule = resolve));
      // An aborted download rejects it before anything awaits it (reported through `essentials`).
      module.catch(() => {});
      // The wasm's compile, given once: the first of the streaming compile
      // and the download's failure. A later one is dropped handled (a
      // rejection handed to an already resolved promise is nobody's: an
      // aborted download made it an unhandled AbortError).
      const streamed = (compile) => {
        compile.catch(() => {});
        resolveModule(compile);
      };
      const reads = manifestRead.then((manifest) => {
        const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
        const progress = { loaded: 0, total };
        view.loaded = 0;
        view.total = total;
        let lastEmit = 0;
        const count = (n) => {
          if (stopped.signal.aborted) return;
          progress.loaded += n;
          view.loaded = progress.loaded;
          const t = performance.now();
          if (t - lastEmit > 50 || progress.loaded >= total) {
            lastEmit = t;
            emit({ kind: 'progress', ...progress });
          }
        };
        emit({ kind: 'progress', ...progress });
        const map = new Map(
          manifest.files.map((f) => {
            const read = fetchCounted(new URL(f.name, base), count, f.name.endsWith('.wasm') ? streamed : null, stopped.signal).then((bytes) => checked(f, bytes));
            read.catch(() => {}); // reported through `essentials` and `all`
            return [f.name, read];
          }),
        );
        const wasm = manifest.files.find((f) => f.name.endsWith('.wasm'));
        // Unread, it cannot be compiled either.
        if (wasm) map.get(wasm.name).catch((error) => streamed(Promise.reject(error)));
        else streamed(Promise.reject(new Error('the manifest lists no wasm')));
        return map;
      });
      // The workers start from the bundle; they instantiate the compiled
      // module, and are handed the rest.
      state.workerUrl = reads.then((map) => map.get(WORKER_FILE) ?? Promise.reject(new Error(`the manifest lists no ${WORKER_FILE}`))).then(javascriptDataUrl);
      state.workerUrl.catch(() => {}); // reported through `essentials`
      const keep = (name, bytes) => {
        if (name !== WORKER_FILE && !(name.endsWith('.wasm') && state.wasm)) state.files[name] = bytes;
      };
      const essentials = (async () => {
        const [manifest, harness, files] = await Promise.all([manifestRead, harnessRead, reads]);
        const key = await snapshotKey(manifest, harness).catch(() => null);
        const wasmName = manifest.files.find((f) => f.name.endsWith('.wasm'))?.name;
        // Compiled here, once, as it streams in (from its bytes if the
        // browser would not stream it); the workers instantiate it.
        const compiled = wasmName
          ? module
              .catch(async () => WebAssembly.compile(await files.get(wasmName)))
              .catch((error) => {
                console.info(`Python: each worker compiles the runtime's wasm itself (${error?.message ?? error}).`);
                return null;
              })
          : Promise.resolve(null);
        // A compiled module stands for the wasm's bytes (a worker that cannot
        // be given it fetches them itself).
        const needed = manifest.files.map((f) => f.name).filter((name) => name !== manifest.stdlib && name !== wasmName);
        const [snapshot, wasm] = await Promise.all([
          storedSnapshot(key),
          compiled,
          state.workerUrl,
          ...needed.map((name) => files.get(name).then((bytes) => keep(name, bytes))),
        ]);
        state.harness = harness;
        state.stdlib = manifest.stdlib ?? null;
        state.snapshotKey = key;
        state.snapshot ??= snapshot;
        state.wasm = wasm;
        if (!wasm && wasmName) keep(wasmName, await files.get(wasmName));
      })();
      const all = (async () => {
        const [manifest, files] = await Promise.all([manifestRead, reads]);
        await Promise.all([essentials, ...[...files].map(([name, bytes]) => bytes.then((b) => keep(name, b)))]);
        return manifest;
      })();
      const loading = { essentials, all };
      all.then(keepForOffline, () => {});
      Promise.all([essentials, all]).catch(async (error) => {
        stopped.abort();
        // Asked for again (the next Run, or opening a panel), it starts over.
        if (state.download === loading) {
          state.download = null;
          state.workerUrl = null;
        }
        state.files = {};
        view.loaded = view.total = null;
        const failure = await loadFailure(error, base);
        endPending(failure.message);
        emit({ kind: 'load-failed', ...failure });
      });
      return loading;
    })();
    return state.download;
  }

  /**
   * Once everything is in: every file a run needs is put into the service
   * worker's cache (those it does not hold yet, from the HTTP cache this
   * download filled), so the panel works offline even when no service
   * worker controlled this visit while they were fetched. Then, and only
   * then, the panel is told they are kept.
   */
  async function keepForOffline(manifest) {
    const files = offlineFiles(manifest);
    try {
      if (!globalThis.caches) throw new Error('this page has no Cache Storage (it needs https or localhost)');
      const cache = await caches.open(OFFLINE_CACHE);
      const missing = await notStored(files, base);
      await Promise.all(missing.map((file) => cache.add(new Request(new URL(file, base), { cache: 'force-cache' }))));
      Object.assign(view, { offlineStored: true, offlineFiles: files.length });
      emit({ kind: 'offline', stored: true, files: files.length });
    } catch (error) {
      Object.assign(view, { offlineStored: false, offlineFiles: files.length });
      emit({ kind: 'offline', stored: false, files: files.length, message: String(error?.message ?? error) });
    }
  }

  /** A token no program can guess: crypto.randomUUID where there is one (secure contexts), else 128 random bits. */
  function token() {
    if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
    return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  /**
   * Starts a worker once its code has arrived and been checked, and sends
   * it its init when the rest has: a copy of the snapshot to restore when
   * there is one, else the order to load Pyodide and make one.
   */
  function spawn() {
    const channel = new MessageChannel();
    const slot = { worker: null, port: channel.port1, ready: false, run: null, retired: false, makeSnapshot: false, fromSnapshot: false, born: performance.now() };
    channel.port1.onmessage = ({ data }) => onSlotMessage(slot, data);
    const { essentials, all } = download();
    // Started as soon as its code is in (it parses while the rest arrives);
    // its init is sent when everything it needs is.
    const started = state.workerUrl.then((url) => {
      if (slot.retired) return;
      const worker = new Worker(url, { type: 'module', name: 'heapwise-python' });
      worker.onerror = (event) => {
        event.preventDefault?.();
        died(slot, `The Python runtime stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`);
      };
      slot.worker = worker;
    });
    const init = (wasm) => {
      const worker = slot.worker;
      const snapshot = state.snapshot ? state.snapshot.slice(0) : null;
      const files = Object.fromEntries(Object.entries(state.files).filter(([name]) => !(wasm && name.endsWith('.wasm'))));
      worker.postMessage(
        { type: 'init', port: channel.port2, files, wasm, snapshot, makeSnapshot: slot.makeSnapshot, harness: state.harness, stdlib: state.stdlib, preload: PRELOAD, memoryLimit, base: base.href },
        snapshot ? [channel.port2, snapshot] : [channel.port2],
      );
      return Boolean(files[state.stdlib]);
    };
    Promise.all([essentials, started]).then(
      () => {
        if (slot.retired) return;
        slot.fromSnapshot = Boolean(state.snapshot);
        // One worker at a time loads Pyodide to make the snapshot.
        slot.makeSnapshot = !state.snapshot && !state.maker;
        if (slot.makeSnapshot) state.maker = slot;
        let sent;
        try {
          sent = init(state.wasm);
        } catch (error) {
          if (!state.wasm) throw error;
          state.wasm = null; // a browser that cannot hand a compiled module to a worker
          sent = init(null);
        }
        // Restoring: the snapshot is known now, so the other spares restore beside this one.
        if (slot.fromSnapshot) ensureSpares();
        // The standard library follows when it is in (the worker waits for it where it must).
        if (!sent && state.stdlib) {
          all.then(
            () => {
              if (!slot.retired) slot.port.postMessage({ type: 'stdlib', bytes: state.files[state.stdlib] });
            },
            () => retire(slot),
          );
        }
      },
      () => retire(slot), // download() reports the failure
    );
    return slot;
  }

  /** The runs of `request` that have not started and whose runs to wait for have answered. */
  function startable(request) {
    if (!request) return [];
    return request.phases.filter((mode) => !request.started.has(mode) && request.follows[mode].every((m) => m in request.results));
  }

  /**
   * Keeps workers that have run nothing, starting or ready. While nothing a
   * student waits for runs (no run, or only Memory by line's profile run or
   * a picture's), SPARES of them, or more if a request's runs can start.
   * While the program's own run or its judged run goes on, only as many as
   * the runs that can start now need (a worker restoring takes a core the
   * program and its checks would use; one after another, one, so the next
   * run finds it ready). Until there is a snapshot to restore from, one
   * worker at a time (the first loads Pyodide and makes it).
   */
  function ensureSpares() {
    if (!state.snapshot && (state.maker || state.spares.length)) return;
    const urgent = state.active.some((slot) => slot.run?.mode === 'plain' || slot.run?.mode === 'judged');
    const now = startable(state.request).length;
    const wanted = urgent ? (state.parallel ? now : 1) : Math.max(SPARES, now);
    while (state.spares.length < wanted) {
      state.spares.push(spawn());
      if (!state.snapshot) break;
    }
    setView();
  }

  const without = (slots, slot) => slots.filter((s) => s !== slot);
  function retire(slot) {
    slot.retired = true;
    clearTimeout(slot.run?.timer);
    slot.worker?.terminate();
    slot.port.close();
    state.active = without(state.active, slot);
    state.spares = without(state.spares, slot);
    if (state.ahead?.slot === slot) state.ahead.slot = null;
    if (state.maker === slot) state.maker = null;
    setView();
  }

  /**
   * `request` is over: it is no longer the one going on, its runs still
   * going are thrown away, and a worker it had taken but not yet given a
   * program (waiting for the checks' download) is a spare again. True if a
   * worker was thrown away.
   */
  function release(request) {
    if (!request || state.request !== request) return false;
    state.request = null;
    let thrown = false;
    for (const slot of state.active) {
      if (slot.run) {
        retire(slot);
        thrown = true;
      } else {
        state.active = without(state.active, slot);
        state.spares.push(slot);
      }
    }
    setView();
    wishLater();
    return thrown;
  }

  /** After a worker was thrown away (Stop, the time limit, a runtime that broke): a spare is ready, or a fresh one is starting. */
  function announce() {
    const ready = readySpare();
    emit(ready ? { kind: 'ready', ...ready.info } : { kind: 'starting' });
  }

  /** A worker failed: while running, its request is reported and its other runs stopped; while starting, it is retried once. */
  function died(slot, message) {
    if (!live(slot)) return;
    const run = slot.run;
    retire(slot);
    if (run && !run.request) return void aheadEnded(null);
    if (run) {
      const ending = { kind: 'failed', message, fatal: true };
      // Memory by line's run, before the verdict: the student's run goes on, and a fresh spare replaces it.
      if (keptForAfterVerdict(run.request, run.mode, ending)) return ensureSpares();
      release(run.request);
      run.request.finish(ending);
      ensureSpares();
      announce();
      startPending();
      return;
    }
    state.failedStarts += 1;
    if (slot.fromSnapshot) forgetSnapshot(); // the next try loads Pyodide itself
    if (state.failedStarts >= 2) {
      state.failedStarts = 0;
      endPending(message);
      emit({ kind: 'load-failed', message });
      return;
    }
    ensureSpares();
  }

  /**
   * The result of `mode`, one of `request`'s runs. The verdict is given as
   * soon as the plain and judged runs have both answered; Memory by line's
   * answer goes to onProfile after it (kept until then if its run ended
   * first). A request without checks answers with its one run.
   */
  function resulted(request, mode, result) {
    request.results[mode] = result;
    const { plain, judged } = request.results;
    if (request.phases.includes('judged') && !request.verdict) {
      if (!plain || !judged) {
        // The plain run ended; the judged one goes on, or starts now.
        if (mode === 'plain') request.onStep({ kind: 'checking' });
        return;
      }
      request.verdict = true;
      const profiling = request.phases.includes('profile');
      request.finish({ kind: 'result', result: forStudent(combined(plain, judged, profiling)) });
      if (!profiling) return void release(request);
      request.finish = request.onProfile;
      const ended = request.profileEnding;
      if (!ended) return; // its run goes on, or starts now
      // Its run ended first: heard after the verdict's promise was (a task later).
      release(request);
      return void setTimeout(() => request.onProfile(ended));
    }
    release(request);
    request.finish({ kind: 'result', result: mode === 'plain' ? forStudent(plain) : result });
  }

  /**
   * How a run of `request` that gave no result ended (`ending`, failed):
   * Memory by line's run, before the verdict, is kept for after it (the
   * verdict does not wait for that run, nor fail with it); any other ends
   * the request. True if it was kept.
   */
  function keptForAfterVerdict(request, mode, ending) {
    if (mode !== 'profile' || request.verdict || !request.phases.includes('judged')) return false;
    request.profileEnding = ending;
    return true;
  }

  function onSlotMessage(slot, data) {
    if (!live(slot) || typeof data !== 'object' || data === null) return;
    const ofRun = slot.run && data.token === slot.run.token && data.id === slot.run.id;
    switch (data.type) {
      case 'note':
        console.info(String(data.message));
        break;
      case 'snapshot':
        if (slot.makeSnapshot && !slot.ready && !slot.run && data.bytes instanceof ArrayBuffer) {
          state.snapshot = data.bytes;
          keepSnapshot(data.bytes);
        }
        break;
      case 'ready':
        if (slot.ready || slot.run) break;
        slot.ready = true;
        console.debug(`Python: a worker was ready in ${Number(data.ms?.ready)} ms (${data.restored ? 'restored from the memory snapshot' : 'loaded Pyodide'}): ${JSON.stringify(data.ms)}.`);
        slot.info = { python: String(data.python), pointerBytes: Number(data.pointerBytes) };
        if (state.maker === slot) state.maker = null;
        state.failedStarts = 0;
        view.python = slot.info.python;
        view.pointerBytes = slot.info.pointerBytes;
        setView();
        emit({ kind: 'ready', ...slot.info });
        startPending();
        considerAhead();
        break;
      case 'output':
        if (ofRun && slot.run.shown) slot.run.request.onStep({ kind: 'output', stream: String(data.stream), text: String(data.text) });
        break;
      case 'result': {
        if (!ofRun) break;
        const { request, mode } = slot.run;
        retire(slot);
        if (!request) aheadEnded(data.result);
        else if (!keptForAfterVerdict(request, mode, { kind: 'result', result: data.result })) resulted(request, mode, data.result);
        startPending();
        break;
      }
      case 'failed':
        if (data.fatal && data.id === null && !slot.run) {
          died(slot, String(data.message));
        } else if (ofRun && data.fatal) {
          died(slot, String(data.message));
        } else if (ofRun) {
          const { request, mode } = slot.run;
          retire(slot);
          if (!request) return void aheadEnded(null);
          const ending = { kind: 'failed', message: String(data.message), fatal: false };
          if (keptForAfterVerdict(request, mode, ending)) return void startPending();
          release(request);
          request.finish(ending);
          startPending();
        }
        break;
    }
  }

  function checkSource(slug) {
    if (!state.checks.has(slug)) {
      const url = new URL(`exercises/${encodeURIComponent(slug)}/check.py`, base);
      state.checks.set(
        slug,
        fetch(url).then((r) => (r.ok ? r.text() : null), () => null),
      );
    }
    return state.checks.get(slug);
  }

  // A spare worker older than this is replaced before it runs (takeSpare).
  const SPARE_MAX_AGE_MS = 30 * 60 * 1000;

  /** The oldest ready spare, moved to the active workers; null if none is ready. */
  function takeSpare() {
    const slot = claimSpare();
    if (slot) state.active.push(slot);
    return slot;
  }

  /** The oldest ready spare, no longer a spare; null if none is ready. */
  function claimSpare() {
    for (;;) {
      const slot = readySpare();
      if (!slot) return null;
      if (performance.now() - slot.born > SPARE_MAX_AGE_MS) {
        // Too old to run: Pyodide reads time.process_time() from C's clock(),
        // a 32-bit count of microseconds since the worker started, which
        // overflows after about 36 minutes. A fresh spare takes over.
        retire(slot);
        continue;
      }
      state.spares = without(state.spares, slot);
      return slot;
    }
  }

  /** Starts each run of the request that can start, in order, while ready workers last; then tops the spares up. */
  function startPending() {
    const request = state.request;
    for (const mode of startable(request)) {
      const slot = takeSpare();
      if (!slot) break; // the next worker to be ready starts it
      request.started.add(mode);
      startRun(request, mode, slot);
    }
    ensureSpares();
  }

  /** Gives `slot` the program of `request` to run as `mode`, once the checks it needs are in. */
  async function startRun(request, mode, slot) {
    // The judged run's checks; a profile run reads only the task's STEPS from them (steps.py).
    const check = (request.checks && mode === 'judged') || (mode === 'profile' && request.slug) ? await checkSource(request.slug) : null;
    // Stopped or superseded while the checks downloaded: the worker went back to the spares.
    if (state.request !== request || !state.active.includes(slot)) return;
    // Only the first run's output reaches the console (a judged run's is in its result).
    const shown = mode === request.phases[0] && mode !== 'objects';
    const limitMs = phaseLimitMs(request, mode);
    slot.run = { id: request.id, token: token(), request, mode, shown, timer: setTimeout(() => timedOut(slot, limitMs / 1000), limitMs) };
    // The judged run never samples: Memory by line is the profile run's,
    // which walks the student's objects picture too (See your objects then runs nothing).
    slot.port.postMessage({ type: 'run', id: request.id, token: slot.run.token, mode, source: request.source, check,
      profiled: request.phases.includes('profile'), objects: mode === 'profile' && request.checks,
      // A profile without checks is the reference program's (bridge.js pythonRun): its task's lines only.
      taskOnly: mode === 'profile' && !request.checks });
    setView();
    if (shown) request.onStep({ kind: 'started' });
  }

  /** `slot`'s run is still going after its limit, `seconds`: Memory by line's before the verdict stops alone (kept for after it), any other stops the request. */
  function timedOut(slot, seconds) {
    const { request, mode } = slot.run;
    if (!request) {
      retire(slot);
      return void aheadEnded(null);
    }
    if (!keptForAfterVerdict(request, mode, { kind: 'stopped', reason: 'time', seconds })) return stopRun('time', seconds, mode);
    retire(slot);
    ensureSpares();
  }

  /** The request going on ends, failed: the runtime could not be loaded (`message` says why). */
  function endPending(message) {
    const request = state.request;
    release(request);
    request?.finish({ kind: 'failed', message, fatal: false });
  }

  /**
   * The request going on ends at once, its workers thrown away: `reason`
   * 'stop' (asked, or another run takes its place) or 'time' (its run
   * `mode` was still going after `seconds`).
   */
  function stopRun(reason, seconds, mode = null) {
    const request = state.request;
    const thrown = release(request);
    ensureSpares();
    if (request && reason === 'time' && mode === 'judged') {
      // The program's own run ended in time; its checks did not.
      const times = Math.round(seconds / (request.timeLimitMs / 1000));
      request.finish({ kind: 'failed', fatal: false, message: `Stopped while checking: your program ran to its end, but its checks were still running after ${seconds} s (${times} times the time limit). Your text is kept.` });
    } else {
      request?.finish({ kind: 'stopped', reason, seconds });
    }
    if (thrown) announce();
  }

  /**
   * Makes `request` the one going on and starts its runs as workers are
   * ready; a promise of how it ended (see `run`). A request going on is
   * stopped first.
   */
  function submit(request, phaseList, onStep, onProfile = () => {}) {
    if (state.request) stopRun('stop', null);
    return new Promise((finish) => {
      state.request = { id: state.nextId++, ...normalized(request),
        phases: phaseList, follows: follows(phaseList, state.parallel), results: {}, started: new Set(), verdict: false, onStep, finish, onProfile };
      if (state.request.checks) state.wish = normalized(request);
      adoptAhead(state.request);
      setView();
      warm();
      if (state.request.checks) checkSource(state.request.slug);
      startPending();
    });
  }

  /** What a request asks, its limits in ms. */
  function normalized({ slug = null, source, timeLimitSeconds, checksTimeLimitSeconds = timeLimitSeconds, lineMemory = false, checks = false }) {
    return { slug, source, lineMemory, checks, timeLimitMs: Math.max(1, timeLimitSeconds) * 1000,
      checksLimitMs: Math.max(1, checksTimeLimitSeconds) * 1000 };
  }

  // ---- Judging ahead ----------------------------------------------------
  //
  // The verdict's time is the judged run's: the program and every re-run
  // its checks make (slots-vs-dict's, about 1.5 s in Pyodide). While the
  // student reads, with a second core (`parallel`), the editor's text is
  // judged ahead in a worker of its own: a run that judges exactly that
  // text, with the same checks, limits and Memory by line's switch, is
  // taken over by the next Run Python of it (still going, or answered), so
  // the verdict waits only for the plain run. It is the same judged run,
  // started earlier; nothing of it is shown until Run is pressed, and a
  // change to the text throws it away.

  /** Which ahead run a request could take over. */
  const aheadKey = (r) => JSON.stringify([r.slug, r.source, r.timeLimitMs, r.checksLimitMs, r.lineMemory]);
  // How long the text must stay unchanged before it is judged ahead.
  const AHEAD_AFTER_MS = 600;

  /** The judged run ahead thrown away: its worker stops (or, not yet given the program, is a spare again). */
  function discardAhead() {
    const slot = state.ahead?.slot;
    state.ahead = null;
    if (slot && slot.run) retire(slot);
    else if (slot) state.spares.push(slot);
    setView();
  }

  /** The ahead run answered (`result`), or failed or ran out of time (null). */
  function aheadEnded(result) {
    if (!state.ahead) return;
    if (result) state.ahead.result = result;
    else state.ahead.refused = true;
    setView();
    ensureSpares();
  }

  /** A Run Python's request takes over the ahead run of its text; any other is thrown away. */
  function adoptAhead(request) {
    const ahead = state.ahead;
    if (!ahead || !request.checks) return;
    if (ahead.key !== aheadKey(request)) return void discardAhead();
    if (ahead.refused) return; // kept, so that text is not judged ahead again
    if (!ahead.result && !ahead.slot?.run) return void discardAhead(); // not started yet: the request starts its own
    state.ahead = null;
    request.started.add('judged');
    if (ahead.result) {
      request.results.judged = ahead.result;
      return;
    }
    ahead.slot.run.request = request;
    state.active.push(ahead.slot);
  }

  // A tab brought back to the front judges what it did not while hidden.
  globalThis.document?.addEventListener?.('visibilitychange', () => considerAhead());

  /** Judges the wished text ahead after AHEAD_AFTER_MS, if it is still the text then. */
  function wishLater() {
    clearTimeout(state.wishTimer);
    state.wishTimer = setTimeout(considerAhead, AHEAD_AFTER_MS);
  }

  /** Starts judging the wished text ahead, if nothing runs, a spare is ready, and it is not judged ahead already. */
  function considerAhead() {
    const wish = state.wish;
    if (!wish || !state.parallel || state.request || globalThis.document?.hidden) return;
    const key = aheadKey(wish);
    const ahead = state.ahead;
    if (ahead?.key === key && (ahead.result || ahead.refused || ahead.slot)) return;
    if (performance.now() < state.wishAt + AHEAD_AFTER_MS) return; // its timer asks again
    if (state.ahead) discardAhead();
    // One ready spare stays for the console's run, so judging ahead never
    // delays a Run's first line; the next ready spare asks again.
    if (state.spares.filter((slot) => slot.ready).length < 2) return;
    const slot = claimSpare();
    if (!slot) return;
    state.ahead = { key, source: wish.source, slot, result: null, refused: false };
    startAhead(wish, slot);
    ensureSpares();
  }

  /** Gives `slot` the wished program to run as a judged run of no request yet. */
  async function startAhead(wish, slot) {
    const check = await checkSource(wish.slug);
    if (state.ahead?.slot !== slot) return; // thrown away meanwhile: the slot is a spare again
    const id = state.nextId++;
    const limitMs = phaseLimitMs(wish, 'judged');
    slot.run = { id, token: token(), request: null, mode: 'judged', shown: false, timer: setTimeout(() => timedOut(slot, limitMs / 1000), limitMs) };
    slot.port.postMessage({ type: 'run', id, token: slot.run.token, mode: 'judged', source: wish.source, check,
      profiled: wish.lineMemory, objects: false, taskOnly: false });
    setView();
  }

  /** Starts the download, if it has not started, and the spare workers, if there are none. */
  function warm() {
    download();
    ensureSpares();
  }

  return {
    warm,
    /**
     * The editor's text now, as Run Python would send it (`run`'s
     * request): once it has stayed so for a moment and nothing runs, it is
     * judged ahead. A text other than the one judged ahead stops that run.
     */
    prepare(request) {
      const wish = normalized({ ...request, checks: true });
      state.wish = wish;
      state.wishAt = performance.now();
      if (state.ahead && state.ahead.key !== aheadKey(wish)) discardAhead();
      wishLater();
    },
    /**
     * Runs `request` ({ slug, source, timeLimitSeconds, checksTimeLimitSeconds,
     * lineMemory, checks }: the program against the checks of `slug`; `checks` false, the
     * reference program profiled for comparison) in fresh interpreters,
     * after stopping any run going on. `onStep` hears this run's steps, in
     * order: { kind: 'started' }, { kind: 'output', stream, text } (what the
     * plain run printed, in batches), { kind: 'checking' } (the judged run
     * follows). A promise of how it ended, never rejected:
     *   { kind: 'result', result }            run_exercise's dict (combined()); with
     *                                         `profiling` true, a profile run follows
     *                                         and `onProfile` hears, once, how that
     *                                         ended: run_profile's dict, or as below
     *                                         (the reference program's profile, with
     *                                         no checks, is the result itself)
     *   { kind: 'failed', message, fatal }    it could not complete (fatal: its runtime died;
     *                                         a fresh one is starting)
     *   { kind: 'stopped', reason, seconds }  reason: 'stop' (asked, or another run took
     *                                         its place) | 'time' (after `seconds`; the
     *                                         judged run past checksTimeLimitSeconds
     *                                         ends 'failed', saying so)
     */
    run(request, { onStep = () => {}, onProfile = () => {} } = {}) {
      const { lineMemory = true, checks = true } = request;
      return submit({ ...request, lineMemory, checks }, phases({ lineMemory, checks }), onStep, onProfile);
    },
    stop() {
      stopRun('stop', null);
    },
    /**
     * The objects `source`'s global names reach once it has ended
     * (heapwise_check.run_plain with `objects`), in a fresh interpreter of
     * its own; a promise of { error, objects }, rejected with a sentence.
     * Refused while a run goes on.
     */
    objects(source, timeLimitSeconds) {
      if (state.request) return Promise.reject('A run is going on: see the objects when it has ended.');
      return submit({ source, timeLimitSeconds }, ['objects'], () => {}).then((end) => {
        if (end.kind === 'result') return end.result;
        if (end.kind === 'failed') throw end.fatal ? `${end.message} A fresh Python runtime is starting.` : end.message;
        throw end.reason === 'time' ? `The program did not end within ${end.seconds} s, so its objects could not be drawn.` : 'Stopped.';
      });
    },
  };
}
