// The page's side of "Your Python", as the first load carries it: the
// functions the Yew app calls (src/ui/python/bridge.rs imports this file
// through wasm-bindgen; the build copies it to the bundle's root as
// python-bridge.js), kept small. The runtime itself (downloading Pyodide,
// the workers, the memory snapshot: python/runtime.js) and the editor
// (python/editor.js) are imported when the panel first needs them, so the
// catalogue and the Rust runs request no file under python/.
//
// One runtime for the whole app, kept between exercise pages. A run is one
// request with one answer (pythonRun: its own steps to its own callback, a
// promise of how it ended; runtime.js `run` lists the messages). What
// concerns the runtime itself goes to one listener (the open panel) as
// plain objects:
//   { kind: 'progress', loaded, total }          runtime download, in bytes
//   { kind: 'ready', python, pointerBytes }      the runtime can run programs
//   { kind: 'starting' }                         a worker was thrown away (Stop, the time limit,
//                                                a runtime that broke); a fresh one is starting
//   { kind: 'load-failed', message, offline }    the runtime could not be loaded (offline: for want of the network)
//   { kind: 'offline', stored, files, message? } every file a run needs is (or could not be) kept for offline use

const PY_BASE = () => new URL('python/', document.baseURI);
/** How far a program's WebAssembly heap may grow. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** What pythonSnapshot() reports; python/runtime.js keeps it current. */
const view = { ready: false, python: null, pointerBytes: null, loaded: null, total: null, running: null, memoryLimit: MEMORY_LIMIT_BYTES, offlineStored: null, offlineFiles: 0 };
let listener = null;
let runtime = null; // Promise of python/runtime.js's start(), once asked for
let wish = null; // pythonPrepare's latest arguments, as runtime.js `prepare` takes them
let editorModule = null;
let failedImports = 0;

/**
 * Imports python/<file>. A browser remembers a module that failed to load
 * (offline, say) for the page's life, so a retry asks for another URL.
 * While the browser says it is online, a failed load is tried twice more,
 * 0.75 and 1.5 s later: the "online" event can come before requests go
 * through (a network coming back; a service worker told after the page).
 */
function importPython(file) {
  return importModule(file, PY_BASE());
}

/** Imports `file` below `base` (python/, or the bundle's root for the panel's UI), as importPython says. */
function importModule(file, base, tries = 2) {
  const url = new URL(file, base);
  if (failedImports) url.search = `?retry=${failedImports}`;
  return import(url.href).catch((error) => {
    failedImports += 1;
    if (!tries || !navigator.onLine) throw error;
    return new Promise((again) => setTimeout(again, 1500 / tries)).then(() => importModule(file, base, tries - 1));
  });
}

function emit(event) {
  try {
    listener?.(event);
  } catch (error) {
    console.error('python panel listener failed', error);
  }
}

/** Calls `use(runtime)` once python/runtime.js is loaded (calls keep their order); `failed(message)` if it cannot be. */
function withRuntime(use, failed = () => {}) {
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
    const message = network
      ? 'Python cannot start: the network cannot be reached, and Python is not stored in this browser yet (open the editor once online to keep it). Run Python works again when the network is back.'
      : `Python could not be loaded: ${error.message}`;
    emit({ kind: 'load-failed', offline: navigator.onLine === false, message });
    failed(message);
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

/** What is known now, for a panel that opens while the runtime loads or after: { ready, python, pointerBytes, loaded, total, running, memoryLimit, offlineStored, offlineFiles; once the runtime has started, runs (the modes of the runs going on) and spares (ready workers) }. */
export function pythonSnapshot() {
  return { ...view };
}

/** Starts loading the runtime if nothing has yet (opening the panel does this). */
export function pythonWarm() {
  withRuntime((r) => {
    r.warm();
    if (wish) r.prepare(wish); // the editor's text, if it said so before the runtime was asked for
  });
}

/**
 * Runs `source` against the checks of `slug` after stopping any run going
 * on (`timeLimitSeconds`: the program's own run; `checksTimeLimitSeconds`:
 * the runs with the checks or Memory by line, which run it again;
 * `lineMemory`: the harness samples which lines hold memory; `checks`
 * false: no checks, the reference program profiled for comparison).
 * `onStep` hears this run's steps; `done` hears, once, how it ended
 * (runtime.js `run` says both); `profiled` hears, once, after `done`, how
 * Memory by line's run ended (null when none followed).
 */
export function pythonRun(slug, source, timeLimitSeconds, checksTimeLimitSeconds, lineMemory, checks, onStep, done, profiled) {
  const request = { slug, source, timeLimitSeconds, checksTimeLimitSeconds, lineMemory, checks };
  // See your objects (python/panel.js): a box after the student's checked
  // run (and its profile, which a picture's run would stop), gone when the next starts.
  const pictured = request.checks && { slug: request.slug, source: request.source };
  const picture = (drawn = null) => panel().then((m) => m.objectsBox(drawn ? { ...pictured, ...drawn } : pictured), () => {});
  const step = (message) => {
    if (pictured && message.kind === 'started') panelModule?.then((m) => m.objectsBox(null), () => {});
    onStep(message);
  };
  const end = (ending) => {
    const profiling = ending.kind === 'result' && ending.result?.profiling === true;
    if (pictured && ending.kind === 'result' && !profiling) picture();
    done(ending);
    if (!profiling) profiled(null);
  };
  const profileEnd = (ending) => {
    if (ending.kind !== 'result') return profiled(ending);
    // The picture the profile run walked at its end: for the objects box, not the panel.
    const { objects, ...result } = ending.result;
    if (pictured) picture(objects ? { objects, error: result.error } : null);
    profiled({ ...ending, result });
  };
  withRuntime((r) => r.run(request, { onStep: step, onProfile: profileEnd }).then(end), (message) => end({ kind: 'failed', message, fatal: false }));
}

/**
 * The editor's text as Run Python would send it (pythonRun's first five
 * arguments): judged ahead once it has stayed so for a moment, if the
 * runtime has been started (runtime.js `prepare`).
 */
export function pythonPrepare(slug, source, timeLimitSeconds, checksTimeLimitSeconds, lineMemory) {
  wish = { slug, source, timeLimitSeconds, checksTimeLimitSeconds, lineMemory };
  const now = wish;
  runtime?.then((r) => r.prepare(now), () => {});
}

/** See your objects (python/objects.js): `source` run once more, plainly; a promise of { error, objects }. */
export function pythonObjects(source, seconds) {
  return new Promise((resolve, reject) => {
    withRuntime((r) => r.objects(source, seconds).then(resolve, reject), () => reject('Python could not be loaded here.'));
  });
}

/** Stops the running (or waiting) program at once; its worker is thrown away. */
export function pythonStop() {
  withRuntime((r) => r.stop());
}

/** Loads the editor module (once) and mounts an editor; calls onReady(handle) or onError(message). */
export function pythonEditor(parent, text, label, onChange, onRun, onReady, onError) {
  panel().catch(() => {}); // what the panel's fields and saves need, loaded alongside
  editorModule ??= importPython('editor.js');
  parent.replaceChildren();
  editorModule.then(
    (module) => {
      if (!parent.isConnected) return;
      parent.replaceChildren();
      onReady(module.createEditor({ parent, doc: text, label, onChange, onRun }));
    },
    (error) => {
      editorModule = null;
      // Offline before the editor's file was ever fetched: the text (saved
      // work, or the starter) is still there to read and copy.
      const pre = document.createElement('pre');
      pre.className = 'py-readonly';
      pre.dataset.testid = 'python-readonly';
      pre.tabIndex = 0;
      pre.textContent = text;
      parent.replaceChildren(pre);
      onError(`The editor could not be loaded: ${error.message}`);
    },
  );
}

// --- what only the open panel needs (python/panel.js) -----------------------
// Reading a .py file, the time-limit field, and the text's second copy in
// IndexedDB: loaded when the panel opens (pythonEditor), not in the first load.

let panelModule = null;
function panel() {
  panelModule ??= importPython('panel.js').catch((error) => {
    panelModule = null;
    throw error;
  });
  return panelModule;
}

/**
 * Calls python/panel.js's `name` with `args` once it is loaded; a promise of
 * what it returns. Calls keep their order. A module that cannot be loaded
 * rejects with the browser's sentence.
 */
export function pythonPanel(name, ...args) {
  return panel().then(
    (module) => module[name](...args),
    (error) => {
      throw `python/panel.js could not be loaded: ${error?.message || error}`;
    },
  );
}

// --- the panel's UI (src/ui/python_host.rs) ----------------------------------
// "Your Python" is drawn by a wasm module of its own (src/bin/panel.rs,
// panel.js + panel_bg.wasm at the bundle's root), imported when an exercise
// page first shows the panel. Its glue imports this file by the same URL as
// the page's glue does, so both share this one runtime.

let panelUiModule = null;

function panelUi() {
  panelUiModule ??= importModule('panel.js', document.baseURI)
    .then(async (module) => {
      await module.default();
      return module;
    })
    .catch((error) => {
      panelUiModule = null; // Try again asks anew
      throw error;
    });
  return panelUiModule;
}

/**
 * Mounts the panel in `host` with the page's input (postcard bytes); a
 * promise of its handle. `input` is a view of the page's wasm memory, which
 * may grow (and detach it) before the module arrives: it is copied first.
 */
export function pythonPanelMount(host, input, onReveal) {
  const bytes = input.slice();
  return panelUi()
    .then((module) => module.mount_panel(host, bytes, onReveal))
    .catch((error) => {
      throw typeof error === 'string' ? error : error?.message || String(error);
    });
}

/** New input for the mounted panel (an error is the console's: the panel keeps what it showed). */
export function pythonPanelUpdate(handle, input) {
  try {
    handle.update(input);
  } catch (error) {
    console.error('the Python panel refused its input', error);
  }
}

export function pythonPanelDestroy(handle) {
  try {
    handle.destroy();
  } catch (error) {
    console.error('the Python panel could not be taken away', error);
  }
}
