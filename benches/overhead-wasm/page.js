// One dedicated module Worker per allocator build (worker.js loads
// `<name>.js` + `<name>_bg.wasm`, made by wasm-bindgen --target web), each
// with its own wasm memory, as the app's measuring worker has. overhead.mjs
// drives them through `window.overhead`, one request at a time, so the two
// never compete for a core.

const workers = new Map();

/** Sends `request` to `name`'s worker; resolves to its answer. */
function ask(name, request) {
  const worker = workers.get(name);
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => reject(new Error(`${name}: ${e.message || 'the worker died'}`));
    worker.onmessage = (e) => (e.data.error ? reject(new Error(`${name}: ${e.data.error}`)) : resolve(e.data.answer));
    worker.postMessage(request);
  });
}

function start(name) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`./worker.js?module=${encodeURIComponent(name)}`, { type: 'module', name });
    worker.onerror = (e) => reject(new Error(`${name}: ${e.message || 'worker failed to start'}`));
    worker.onmessage = (e) => (e.data.error ? reject(new Error(`${name}: ${e.data.error}`)) : resolve(worker));
  });
}

window.overhead = {
  /** Starts one worker per name; answers the variant list and the timer's isolation. */
  async start(names) {
    for (const name of names) workers.set(name, await start(name));
    return { variants: (await ask(names[0], { list: true })).split('\n'), crossOriginIsolated: self.crossOriginIsolated };
  },
  /** One slice of variant `index` in `name`'s worker: its answer line. */
  time: (name, index, sliceMs, minSampleMs) => ask(name, { index, sliceMs, minSampleMs }),
};
