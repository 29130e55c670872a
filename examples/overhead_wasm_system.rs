//! The same workload as `overhead_wasm_counting` under wasm32's plain system
//! allocator (`std::alloc::System`, dlmalloc): nothing counted. Built for
//! wasm32 and run by `node benches/overhead.mjs --engine wasm`.

#[cfg(target_arch = "wasm32")]
#[path = "../benches/common/overhead.rs"]
mod overhead;
#[cfg(target_arch = "wasm32")]
#[path = "../benches/common/wasm_clock.rs"]
mod wasm_clock;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Built for wasm32 and run by `node benches/overhead.mjs --engine wasm`.");
}
