//! The registry: the one list that names every exercise, in catalogue order.
//!
//! Adding an exercise: write `exercises/<slug>/` (text as data), write
//! `src/exercises/<module>.rs` (its variants behind [`Exercise`]), then add a
//! `mod` line and one `entry!` line below. Every test loops over `REGISTRY`.

use std::sync::OnceLock;

use crate::content::Content;
use crate::exercise::Exercise;

mod array_vs_list;
mod generator_vs_list;
mod slots_vs_dict;

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
    entry!(generator_vs_list, "generator-vs-list"),
    entry!(array_vs_list, "array-vs-list"),
];

/// An entry with its text parsed; a parse error is kept, not fatal, so the
/// page can say which exercise is broken and still show the others.
pub struct Loaded {
    pub entry: &'static Entry,
    pub content: Result<Content, String>,
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
