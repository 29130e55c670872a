//! The registry: the one list that names every exercise, in catalogue order.
//!
//! Adding an exercise: write `exercises/<slug>/` (text as data), write
//! `src/exercises/<module>.rs` (its variants behind [`Exercise`]), then add a
//! `mod` line and one `entry!` line below. Every test loops over `REGISTRY`.

use std::sync::OnceLock;

use crate::content::Content;
use crate::exercise::Exercise;

mod allocation_snapshot;
mod array_vs_list;
mod bounded_lru_cache;
mod chunked_processing;
mod copy_on_write;
mod deep_size_walker;
mod generator_vs_list;
mod lazy_loading;
mod lazy_pipeline;
mod leak_detection;
mod live_monitor;
mod memory_mapped_file;
mod object_pool;
mod record_layouts;
mod shallow_vs_deep_size;
mod slots_at_scale;
mod slots_vs_dict;
mod snapshot_diff;
mod string_interning;
mod struct_packing;
mod top_allocators;

/// One exercise: its Rust implementation and its text, all embedded.
pub struct Entry {
    pub exercise: &'static dyn Exercise,
    /// The folder under `exercises/`, equal to the slug.
    pub folder: &'static str,
    pub toml: &'static str,
    /// The Python reference program and what it printed (CPython 3.11).
    pub python: &'static str,
    pub python_output: &'static str,
}

macro_rules! entry {
    ($module:ident, $folder:literal) => {
        Entry {
            exercise: &$module::EXERCISE,
            folder: $folder,
            toml: include_str!(concat!("../../exercises/", $folder, "/exercise.toml")),
            python: include_str!(concat!("../../exercises/", $folder, "/reference.py")),
            python_output: include_str!(concat!("../../exercises/", $folder, "/reference.out")),
        }
    };
}

pub static REGISTRY: &[Entry] = &[
    entry!(slots_vs_dict, "slots-vs-dict"),
    entry!(slots_at_scale, "slots-at-scale"),
    entry!(record_layouts, "record-layouts"),
    entry!(generator_vs_list, "generator-vs-list"),
    entry!(array_vs_list, "array-vs-list"),
    entry!(struct_packing, "struct-packing"),
    entry!(string_interning, "string-interning"),
    entry!(lazy_pipeline, "lazy-pipeline"),
    entry!(chunked_processing, "chunked-processing"),
    entry!(lazy_loading, "lazy-loading"),
    entry!(memory_mapped_file, "memory-mapped-file"),
    entry!(copy_on_write, "copy-on-write"),
    entry!(object_pool, "object-pool"),
    entry!(bounded_lru_cache, "bounded-lru-cache"),
    entry!(shallow_vs_deep_size, "shallow-vs-deep-size"),
    entry!(deep_size_walker, "deep-size-walker"),
    entry!(allocation_snapshot, "allocation-snapshot"),
    entry!(snapshot_diff, "snapshot-diff"),
    entry!(top_allocators, "top-allocators"),
    entry!(leak_detection, "leak-detection"),
    entry!(live_monitor, "live-monitor"),
];

/// An entry with its text parsed; a parse error is kept, not fatal, so the
/// page can say which exercise is broken and still show the others.
pub struct Loaded {
    pub entry: &'static Entry,
    pub content: Result<Content, String>,
}

/// Loaded entries are static and unique: identity is equality.
impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Every registered exercise, parsed once.
pub fn catalogue() -> &'static [Loaded] {
    static CATALOGUE: OnceLock<Vec<Loaded>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        REGISTRY
            .iter()
            .map(|entry| Loaded { entry, content: Content::parse(entry.toml) })
            .collect()
    })
}

/// The entry whose slug is `slug`.
pub fn find(slug: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.exercise.slug() == slug)
}
