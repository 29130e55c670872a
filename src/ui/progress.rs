//! A student's progress, kept in the browser's local storage.
//!
//! Saved as JSON under one key. If what is there cannot be read, it is
//! copied aside under a second key (never overwritten, nothing lost) and the
//! page says so; progress then starts afresh.

use serde::Serialize;

pub use crate::page::progress::{ExerciseProgress, Progress};

const KEY: &str = "heapwise.progress";
const CORRUPT_KEY: &str = "heapwise.progress.unreadable";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads saved progress; the second value is a message for the student when
/// something was wrong with it.
pub fn load() -> (Progress, Option<String>) {
    let Some(storage) = storage() else {
        return (
            Progress::default(),
            Some("This browser does not allow local storage here, so progress will not be kept after you close the page.".into()),
        );
    };
    let Ok(Some(text)) = storage.get_item(KEY) else {
        return (Progress::default(), None);
    };
    let parsed = js_sys::JSON::parse(&text)
        .map_err(|_| "it is not valid JSON".to_string())
        .and_then(|value| serde_wasm_bindgen::from_value::<Progress>(value).map_err(|e| e.to_string()));
    match parsed {
        Ok(progress) => (progress, None),
        Err(problem) => {
            let kept =
                storage.get_item(CORRUPT_KEY).ok().flatten().is_none() && storage.set_item(CORRUPT_KEY, &text).is_ok();
            let whereabouts = if kept {
                format!("A copy was kept in local storage under \"{CORRUPT_KEY}\".")
            } else {
                format!("An earlier unreadable copy is already kept under \"{CORRUPT_KEY}\"; this one was left in place until you save new progress.")
            };
            (
                Progress::default(),
                Some(format!("Your saved progress could not be read ({problem}), so it starts afresh. {whereabouts}")),
            )
        }
    }
}

/// Saves progress; failures (storage full or disabled) are ignored because
/// the page keeps working from memory. `solved` is never taken back: a page
/// holding progress read before the Python panel solved the exercise does
/// not undo it.
/// An error when the browser would not store it (storage full or turned off).
pub fn save(progress: &Progress) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not allow local storage here")?;
    let mut progress = progress.clone();
    if let Some(before) = load_quietly(&storage) {
        for slug in before.exercises.iter().filter(|(_, p)| p.solved).map(|(slug, _)| slug) {
            progress.exercises.entry(slug.clone()).or_default().solved = true;
        }
    }
    let value = progress.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    let text = js_sys::JSON::stringify(&value).map_err(|_| "progress could not be written as JSON")?;
    storage.set_item(KEY, &String::from(text)).map_err(|_| "the browser's storage refused it (full?)".to_string())
}

/// What is saved now, if it can be read (no notice, nothing set aside).
fn load_quietly(storage: &web_sys::Storage) -> Option<Progress> {
    let text = storage.get_item(KEY).ok().flatten()?;
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(&text).ok()?).ok()
}

/// Marks `slug` solved (every check of the student's Python passed); an
/// error when it could not be stored.
pub fn mark_solved(slug: &str) -> Result<(), String> {
    let (mut all, _) = load();
    all.exercises.entry(slug.to_string()).or_default().solved = true;
    save(&all)
}
