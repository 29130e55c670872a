//! Heapwise: Python memory-optimisation exercises, with a Rust
//! implementation of each technique measured by a counting allocator.
//!
//! `measure` is the measuring core (no UI types); `exercise` the trait every
//! exercise implements; `content` the exercise text as data; `exercises` the
//! registry; `run` the request and result types the page and the worker
//! exchange; `page` the page's logic without the DOM (routes, the sweep's
//! state, the panel's wanted runs), tested natively; `ui` and `worker`
//! exist only in the wasm32 build.

pub mod catalogue_filter;
pub mod content;
pub mod exercise;
pub mod exercises;
pub mod export;
pub mod highlight;
pub mod json_path;
pub mod layout_calculator;
pub mod link;
pub mod measure;
pub mod outcome;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod protocol;
#[cfg(not(target_arch = "wasm32"))]
pub mod recordings;
pub mod run;
pub mod short_sort;
pub mod sweep;
pub mod units;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;

// Unit tests beside the exercise code assert exact byte counts, so the
// library's own test binary counts its allocations too.
#[cfg(test)]
#[global_allocator]
static ALLOC: measure::CountingAlloc = measure::CountingAlloc::system();
