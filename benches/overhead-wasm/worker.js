// Loads one allocator build of the overhead workload and answers requests:
// { list: true } -> every variant's name, one a line;
// { index, sliceMs, minSampleMs } -> one timed slice (common/overhead.rs).
const name = new URL(self.location.href).searchParams.get('module');
try {
  if (!/^[a-z_]+$/.test(name ?? '')) throw new Error(`bad module name ${name}`);
  const bindings = await import(`./${name}.js`);
  await bindings.default({ module_or_path: `./${name}_bg.wasm` });
  self.onmessage = ({ data }) => {
    try {
      const answer = data.list
        ? bindings.variants()
        : // undefined slice = the Rust side's default (DEFAULT_SLICE_MS).
          bindings.time_variant(data.index, data.sliceMs ?? undefined, data.minSampleMs);
      self.postMessage({ answer });
    } catch (error) {
      self.postMessage({ error: String(error?.stack ?? error) });
    }
  };
  self.postMessage({ ready: true });
} catch (error) {
  self.postMessage({ error: String(error?.stack ?? error) });
}
