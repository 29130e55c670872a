//! What measuring costs in the browser's engine: every variant timed under
//! the counting allocator over wasm32's system allocator (dlmalloc), exactly
//! the measuring worker's global allocator. Built for wasm32 and run by
//! `node benches/overhead.mjs --engine wasm`; natively it only says so.

#[cfg(target_arch = "wasm32")]
#[path = "../benches/common/overhead.rs"]
mod overhead;
#[cfg(target_arch = "wasm32")]
#[path = "../benches/common/wasm_clock.rs"]
mod wasm_clock;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Built for wasm32 and run by `node benches/overhead.mjs --engine wasm`.");
}
