//! The registry: the one list that names every exercise, in catalogue order.
//!
//! Adding an exercise: write `exercises/<slug>/` (its text as data), write
//! `src/exercises/<module>.rs` (its variants and parameters as one
//! `static SPEC`), then add the module's name to the list below. The module
//! is the slug with `-` written `_`; the slug, the paths and the embedded
//! texts all follow from it. Every test loops over `REGISTRY`.

use std::sync::OnceLock;

use crate::content::Content;
use crate::exercise::ExerciseSpec;

/// One exercise as the measuring side knows it: no text, so the worker,
/// which runs exercises but shows nothing, carries none.
pub struct Entry {
    /// URL segment and the name of its folder under `exercises/`.
    pub slug: &'static str,
    /// The module under `src/exercises/` (the slug with `_` for `-`).
    pub module: &'static str,
    pub spec: &'static ExerciseSpec,
}

impl Entry {
    /// `src/exercises/<module>.rs`: the file the worker runs and the page shows.
    pub fn module_path(&self) -> String {
        format!("src/exercises/{}.rs", self.module)
    }

    /// `exercises/<slug>/<file>`: one of the exercise's data files.
    pub fn data_path(&self, file: &str) -> String {
        format!("exercises/{}/{file}", self.slug)
    }

    /// The exercise's texts, embedded at compile time (see `build.rs`).
    ///
    /// # Panics
    /// If `exercises/<slug>/` is missing (the content checker says so first).
    pub fn text(&self) -> &'static ExerciseText {
        text_of(self.slug).unwrap_or_else(|| panic!("exercises/{}/ is missing or incomplete", self.slug))
    }
}

/// The texts of one exercise, embedded at compile time by `build.rs` from
/// its folder and its module, with the highlighting of the shown code.
pub struct ExerciseText {
    pub slug: &'static str,
    /// `exercise.toml`.
    pub toml: &'static str,
    /// The Python reference program and what it printed (CPython 3.11).
    pub python: &'static str,
    pub python_output: &'static str,
    /// The module's own source: the very file that is compiled and run.
    pub source: &'static str,
    /// Colour runs of `source` and `python` (see `highlight`).
    pub source_runs: &'static [u32],
    pub python_runs: &'static [u32],
}

include!(concat!(env!("OUT_DIR"), "/exercise_texts.rs"));

/// Turns a module name into its slug at compile time (`slots_vs_dict` →
/// `slots-vs-dict`), so the slug is written nowhere but the folder's name.
pub const fn kebab<const N: usize>(module: &str) -> [u8; N] {
    let bytes = module.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = if bytes[i] == b'_' { b'-' } else { bytes[i] };
        i += 1;
    }
    out
}

macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every exercise, in catalogue order.
        pub static REGISTRY: &[Entry] = &[$(
            Entry {
                slug: {
                    const MODULE: &str = stringify!($module);
                    const BYTES: [u8; MODULE.len()] = kebab::<{ MODULE.len() }>(MODULE);
                    match std::str::from_utf8(&BYTES) {
                        Ok(slug) => slug,
                        Err(_) => panic!("module names are ASCII"),
                    }
                },
                module: stringify!($module),
                spec: &$module::SPEC,
            }
        ),*];
    };
}

registry! {
    object_overhead,
    slots_vs_dict,
    slots_at_scale,
    slots_inheritance,
    record_layouts,
    field_order_and_padding,
    generator_vs_list,
    array_vs_list,
    struct_packing,
    string_interning,
    flyweight,
    flags_and_sparse_data,
    lazy_pipeline,
    chunked_processing,
    slices_and_copies,
    lazy_loading,
    memory_mapped_file,
    large_file_aggregation,
    copy_on_write,
    object_pool,
    weak_references,
    bounded_lru_cache,
    collection_pauses,
    shallow_vs_deep_size,
    deep_size_walker,
    allocation_snapshot,
    snapshot_diff,
    top_allocators,
    leak_detection,
    live_monitor,
}

/// An entry with its text parsed; a parse error is kept, not fatal, so the
/// page can say which exercise is broken and still show the others.
pub struct Loaded {
    pub entry: &'static Entry,
    pub text: &'static ExerciseText,
    pub content: Result<Content, String>,
}

/// Loaded entries are static and unique: identity is equality.
impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Every registered exercise with its text parsed, once (the page's view).
pub fn catalogue() -> &'static [Loaded] {
    static CATALOGUE: OnceLock<Vec<Loaded>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        REGISTRY
            .iter()
            .map(|entry| {
                let text = entry.text();
                Loaded { entry, text, content: Content::parse(text.toml) }
            })
            .collect()
    })
}

/// The embedded texts of the folder `exercises/<slug>/`, if it has them.
pub fn text_of(slug: &str) -> Option<&'static ExerciseText> {
    TEXTS.iter().find(|t| t.slug == slug)
}

/// The entry whose slug is `slug`.
pub fn find(slug: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.slug == slug)
}

/// Layouts the exercises' tests derive exact byte counts from.
#[cfg(test)]
pub(crate) mod test_layouts {
    use std::cell::Cell;

    /// The heap block `Rc::new(value)` allocates, field for field: the
    /// standard library lays out its `RcInner<T>` as `#[repr(C)]` with these
    /// fields in this order. Never built, only measured with `size_of`; the
    /// test below checks one `Rc::new` allocates exactly this many bytes.
    #[allow(dead_code)]
    #[repr(C)]
    pub struct RcBlock<T> {
        strong: Cell<usize>,
        weak: Cell<usize>,
        value: T,
    }

    #[test]
    fn rc_new_allocates_exactly_one_rc_block() {
        let ((kept, _), m) = crate::measure::measure(|| (std::rc::Rc::new([7u16; 3]), ()));
        assert_eq!(m.peak_bytes as usize, std::mem::size_of::<RcBlock<[u16; 3]>>());
        assert_eq!(m.allocations, 1);
        drop(kept);
    }
}
