//! The measuring worker: runs exercises on its own heap, counted by the
//! instrumented allocator, and posts the figures back to the page.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

#[cfg(target_arch = "wasm32")]
fn main() {
    heapwise::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Heapwise worker runs in a browser: serve the app with ./scripts/serve.sh");
}
