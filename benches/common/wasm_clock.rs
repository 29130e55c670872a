// The wasm32 side of the overhead benchmarks: `performance.now()` from the
// JavaScript host (a dedicated Worker in Chromium), and the two functions
// the examples export for `benches/overhead-wasm/worker.js`. Each example
// that includes this file also includes `common/overhead.rs` and chooses
// its global allocator: that is the only difference between them.

use wasm_bindgen::prelude::wasm_bindgen;

use super::overhead::{self, Settings, DEFAULT_SLICE_MS};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Every variant's name, one a line.
#[wasm_bindgen]
pub fn variants() -> String {
    overhead::variants().join("\n")
}

/// One slice of variant `index` (see `common/overhead.rs`); no slice means
/// `DEFAULT_SLICE_MS`, as natively.
#[wasm_bindgen]
pub fn time_variant(index: usize, slice_ms: Option<f64>, min_sample_ms: f64) -> String {
    let settings = Settings { slice_ms: slice_ms.unwrap_or(DEFAULT_SLICE_MS), min_sample_ms };
    overhead::time_variant(index, &settings, performance_now)
}
