//! The student's Python text, kept per exercise in local storage.
//!
//! One key per exercise, `heapwise.python.v1.<slug>`, holding
//! `{"version": 1, "text": "..."}`. Text that cannot be read (not JSON, or
//! another version) is copied aside under `heapwise.python.unreadable.<slug>`
//! (or `...<slug>.2`, `.3`, ... when that is taken), never dropped, and the
//! panel says where it went.

use serde::{Deserialize, Serialize};

const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    text: String,
}

pub fn key(slug: &str) -> String {
    format!("heapwise.python.v{VERSION}.{slug}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What `load` found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// The saved text, when there is readable text.
    pub text: Option<String>,
    /// For the student, when something was wrong.
    pub notice: Option<String>,
    /// False when unreadable text could not be copied aside: it stays where
    /// it is and nothing is saved over it.
    pub can_save: bool,
}

/// What was saved for `slug`.
pub fn load(slug: &str) -> Found {
    let Some(storage) = storage() else {
        let notice = "This browser does not allow local storage here, so your Python text will not be kept after you close the page.";
        return Found { text: None, notice: Some(notice.into()), can_save: false };
    };
    let Ok(Some(raw)) = storage.get_item(&key(slug)) else { return Found { can_save: true, ..Found::default() } };
    let problem = match serde_json_text(&raw) {
        Ok(saved) if saved.version == VERSION => return Found { text: Some(saved.text), notice: None, can_save: true },
        Ok(saved) => format!("it was saved in format version {}", saved.version),
        Err(problem) => problem,
    };
    let (notice, can_save) = set_aside(&storage, slug, &raw, &problem);
    Found { text: None, notice: Some(notice), can_save }
}

/// The text in a value stored under [`key`] (as another tab wrote it), if readable.
pub fn text_of(raw: &str) -> Option<String> {
    serde_json_text(raw).ok().filter(|saved| saved.version == VERSION).map(|saved| saved.text)
}

fn serde_json_text(raw: &str) -> Result<Saved, String> {
    let value = js_sys::JSON::parse(raw).map_err(|_| "it is not valid JSON".to_string())?;
    serde_wasm_bindgen::from_value::<Saved>(value).map_err(|e| e.to_string())
}

/// Copies unreadable text to a free key and removes it from the main one;
/// says where it went, and whether the main key may be written.
fn set_aside(storage: &web_sys::Storage, slug: &str, raw: &str, problem: &str) -> (String, bool) {
    let base = format!("heapwise.python.unreadable.{slug}");
    let free = (1..100)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}.{n}") })
        .find(|k| matches!(storage.get_item(k), Ok(None)));
    let kept = free.filter(|k| storage.set_item(k, raw).is_ok());
    match kept {
        Some(kept) => {
            let _ = storage.remove_item(&key(slug));
            (format!("Your saved Python for this exercise could not be read ({problem}), so the editor starts from the starter code. What was saved is kept in local storage under \"{kept}\"."), true)
        }
        None => (format!("Your saved Python for this exercise could not be read ({problem}) and could not be copied aside, so it was left where it was; the editor starts from the starter code and will not save over it."), false),
    }
}

/// Saves the text. An error (storage full, or turned off) is returned, so
/// the panel can say that the text is not kept and offer to download it;
/// the editor keeps working either way.
pub fn save(slug: &str, text: &str) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not allow local storage here")?;
    let saved = Saved { version: VERSION, text: text.to_string() };
    let value = saved.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    let json = js_sys::JSON::stringify(&value).map_err(|_| "the text could not be written as JSON")?;
    storage
        .set_item(&key(slug), &String::from(json))
        .map_err(|_| "the browser's storage refused it (full?)".to_string())
}
