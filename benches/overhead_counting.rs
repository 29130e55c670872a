//! Every variant timed under the counting allocator, as the measuring worker
//! runs it. Compared with `overhead_system` by `node benches/overhead.mjs`.

#[path = "common/overhead.rs"]
mod overhead;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

fn main() {
    overhead::time_every_variant("counting");
}
