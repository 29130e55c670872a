//! The registry: the one list that names every exercise, in catalogue order.
//!
//! Adding an exercise: write `exercises/<slug>/` (its text as data), write
//! `src/exercises/<module>.rs` (its variants and parameters as one
//! `static SPEC`), then add the module's name to the list below. The module
//! is the slug with `-` written `_`; the slug, the paths and the embedded
//! texts all follow from it. Every test loops over `REGISTRY`.

use crate::exercise::{variant_names, ExerciseSpec, PageSpec, VariantName};

/// One exercise as the measuring side knows it ([`REGISTRY`]: its whole
/// declaration) or as the page knows it ([`PAGES`]: the declaration without
/// the code that runs). Neither carries text: the worker shows none, and the
/// page fetches it (see `content`).
pub struct Entry<Spec: 'static = ExerciseSpec> {
    /// URL segment and the name of its folder under `exercises/`.
    pub slug: &'static str,
    /// The module under `src/exercises/` (the slug with `_` for `-`).
    pub module: &'static str,
    pub spec: &'static Spec,
}

/// An exercise as the page knows it.
pub type PageEntry = Entry<PageSpec>;

impl<Spec> Entry<Spec> {
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

/// The slug of a module's name, at compile time.
macro_rules! slug {
    ($module:ident) => {{
        const MODULE: &str = stringify!($module);
        const BYTES: [u8; MODULE.len()] = kebab::<{ MODULE.len() }>(MODULE);
        match std::str::from_utf8(&BYTES) {
            Ok(slug) => slug,
            Err(_) => panic!("module names are ASCII"),
        }
    }};
}

macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every exercise, in catalogue order: what the worker runs.
        pub static REGISTRY: &[Entry] = &[$(
            Entry { slug: slug!($module), module: stringify!($module), spec: &$module::SPEC }
        ),*];

        /// The same list as the page needs it: each declaration copied at
        /// compile time without its variants' code, so the page's wasm,
        /// which never runs an exercise, does not link them.
        pub static PAGES: &[PageEntry] = &[$(
            Entry {
                slug: slug!($module),
                module: stringify!($module),
                spec: &PageSpec::of(&$module::SPEC, {
                    const N: usize = $module::SPEC.variants.len();
                    static NAMES: [VariantName; N] = variant_names::<N>(&$module::SPEC);
                    &NAMES
                }),
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

/// The catalogue's cards, in folder order, one per exercise whose
/// `exercise.toml` could be read at build time (see `build.rs`).
pub mod cards {
    use crate::content::{Card, Difficulty};
    include!(concat!(env!("OUT_DIR"), "/cards.rs"));
}
pub use cards::CARDS;

/// The card of the exercise whose slug is `slug`, if its text could be read.
pub fn card(slug: &str) -> Option<&'static crate::content::Card> {
    CARDS.iter().find(|c| c.slug == slug)
}

/// The embedded texts of the folder `exercises/<slug>/`, if it has them.
pub fn text_of(slug: &str) -> Option<&'static ExerciseText> {
    TEXTS.iter().find(|t| t.slug == slug)
}

/// The entry whose slug is `slug`.
pub fn find(slug: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.slug == slug)
}

/// The page's entry whose slug is `slug`.
pub fn page(slug: &str) -> Option<&'static PageEntry> {
    PAGES.iter().find(|e| e.slug == slug)
}

#[cfg(test)]
mod page_data_tests {
    use super::*;
    use crate::content::{Content, ExerciseData, FORMAT_VERSION};

    /// The data files build.rs wrote in this same compile, which
    /// `scripts/copy-exercise-data.mjs` copies into the bundle.
    fn data(file: &str) -> ExerciseData {
        let path = std::path::Path::new(env!("OUT_DIR")).join("exercise-data").join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ExerciseData::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn every_exercise_has_a_card_and_a_data_file_holding_its_text() {
        assert_eq!(PAGES.len(), REGISTRY.len());
        for (entry, page) in REGISTRY.iter().zip(PAGES) {
            assert_eq!((entry.slug, entry.module), (page.slug, page.module));
            assert_eq!(entry.spec.params, page.spec.params);
            let names: Vec<(&str, &str)> = entry.spec.variants.iter().map(|v| (v.id, v.label)).collect();
            assert_eq!(names, page.spec.variants.iter().map(|v| (v.id, v.label)).collect::<Vec<_>>());
            let text = entry.text();
            let parsed = Content::parse(text.toml).unwrap_or_else(|e| panic!("{}: {e}", entry.slug));
            let card = card(entry.slug).unwrap_or_else(|| panic!("{} has no card", entry.slug));
            assert_eq!(
                (card.title, card.summary, card.difficulty, card.group),
                (parsed.title.as_str(), parsed.summary.as_str(), parsed.difficulty, parsed.group)
            );
            assert_eq!(card.origin, parsed.origin.iter().map(String::as_str).collect::<Vec<_>>());
            assert_eq!(card.tags, parsed.tags.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(card.data_file.starts_with(&format!("{}-", entry.slug)) && card.data_file.ends_with(".bin"));

            let data = data(card.data_file);
            assert_eq!((data.format_version, data.slug.as_str()), (FORMAT_VERSION, entry.slug));
            // The programs shown are the files this build compiled and recorded.
            let p = &data.programs;
            assert_eq!(
                (p.source.as_str(), p.python.as_str(), p.python_output.as_str()),
                (text.source, text.python, text.python_output)
            );
            assert_eq!((&p.source_runs[..], &p.python_runs[..]), (text.source_runs, text.python_runs));
            // Plain fields as written; Markdown fields rendered, one for one.
            let c = &data.content;
            assert_eq!(
                (&c.title, &c.starter, &c.expected_output),
                (&parsed.title, &parsed.starter, &parsed.expected_output)
            );
            let plain = |p: &[crate::content::Prediction]| {
                p.iter().map(|p| (p.statement.clone(), p.answer, p.differs.clone())).collect::<Vec<_>>()
            };
            assert_eq!(plain(&c.predict), plain(&parsed.predict));
            assert_eq!((c.hints.len(), c.quiz.len()), (parsed.hints.len(), parsed.quiz.len()));
            let whys = c.predict.iter().map(|p| &p.why);
            for html in [&c.task, &c.solution, &c.explanation, &c.rust_notes].into_iter().chain(&c.hints).chain(whys) {
                assert!(html.starts_with('<') && html.trim_end().ends_with('>'), "{}: not HTML: {html}", entry.slug);
            }
            assert!(c.task != parsed.task && c.explanation.contains("<p>"), "{}: Markdown left unrendered", entry.slug);
        }
    }

    #[test]
    fn a_data_file_is_named_after_its_bytes() {
        for card in CARDS {
            let path = std::path::Path::new(env!("OUT_DIR")).join("exercise-data").join(card.data_file);
            let bytes = std::fs::read(&path).unwrap();
            let hash =
                bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
            assert_eq!(card.data_file, format!("{}-{hash:016x}.bin", card.slug));
        }
    }
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
