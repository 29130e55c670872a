//! Every variant timed under the plain system allocator: the same code as
//! `overhead_counting`, with nothing counted (every figure reads zero).

#[path = "common/overhead.rs"]
mod overhead;

fn main() {
    overhead::time_every_variant("system");
}
