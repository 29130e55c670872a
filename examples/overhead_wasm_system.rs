//! The same workload as `overhead_wasm_counting` under wasm32's plain system
//! allocator (`std::alloc::System`, dlmalloc): nothing counted. Built for
//! wasm32 and run by `node benches/overhead.mjs --engine wasm`.

#[cfg(target_arch = "wasm32")]
#[path = "../benches/common/overhead.rs"]
mod overhead;
#[cfg(target_arch = "wasm32")]
#[path = "../benches/common/wasm_clock.rs"]
mod wasm_clock;

/// Every variant's name, one a line (called by `benches/overhead-wasm/worker.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn variants() -> String {
    wasm_clock::variants()
}

/// Times one variant for one slice (called by `benches/overhead-wasm/worker.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn time_variant(index: usize, slice_ms: Option<f64>, min_sample_ms: f64) -> String {
    wasm_clock::time_variant(index, slice_ms, min_sample_ms)
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Built for wasm32 and run by `node benches/overhead.mjs --engine wasm`.");
}
