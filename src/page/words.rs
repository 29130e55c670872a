//! Sentences the page shows and the build's prerendered pages show too
//! (`crate::prerender`, native): written once, so the static page and the
//! app's say the same thing.

/// The `id` of the element that holds a prerendered page, which the app
/// removes once it has drawn its own (`ui::prerendered`).
pub const PRERENDERED_ID: &str = "prerendered";

/// The header's tagline.
pub const TAGLINE: &str = "Python memory lessons, measured in Rust, in your browser";

/// The footer's sentence.
pub const FOOTER: &str = "Every figure on this page is measured when you press Run; Python figures come from the \
                          CPython run recorded with each reference program.";

/// The catalogue's lead paragraph, under its title.
pub const LEAD: &str = "Practice problems on Python memory, each run naive and optimized in Rust in your browser, \
                        its bytes counted by an instrumented allocator.";

/// Above the predictions' statements.
pub const PREDICT_INTRO: &str = "Decide whether the Python program prints True or False for each line, then commit. \
                                 Running commits what you have answered; the answers stay hidden until then.";

/// Under "What it printed", with the solution.
pub const RECORDED: &str = "Recorded from CPython (version on the first line); the test suite re-runs the program \
                            and checks every character.";

/// The document's title: a page's name (an exercise's title, "Not
/// found"), or the catalogue's with none.
pub fn document_title(page: Option<&str>) -> String {
    match page {
        Some(page) => format!("{page} · Heapwise"),
        None => "Heapwise: Python memory lessons, measured".to_string(),
    }
}

/// Under "The Rust that runs": where the shown source comes from.
pub fn source_note(module_path: &str) -> String {
    format!("{module_path}, copied at build time from the file the worker runs.")
}
