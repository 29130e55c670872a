//! Every variant timed under the plain system allocator: the same code as
//! `overhead_counting`, with nothing counted (every figure reads zero).

#[path = "common/native_clock.rs"]
mod native_clock;
#[path = "common/overhead.rs"]
mod overhead;

fn main() {
    native_clock::run("system");
}
