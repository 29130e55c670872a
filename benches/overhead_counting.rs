//! Every variant timed under the counting allocator, as the measuring worker
//! runs it. Compared with `overhead_system` by `node benches/overhead.mjs`.

#[path = "common/native_clock.rs"]
mod native_clock;
#[path = "common/overhead.rs"]
mod overhead;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

fn main() {
    native_clock::run("counting");
}
