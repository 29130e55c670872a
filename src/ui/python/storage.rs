//! The student's Python text, kept per exercise in this browser, twice.
//!
//! In local storage, key `heapwise.python.v1.<slug>`, as `{"version": 1,
//! "text": "...", "tab": "<the tab that wrote it>", "at": <ms since 1970>}`
//! (older builds wrote version and text only; each ignores what it does not
//! know): read at once when the page opens, and its `storage` events tell
//! the other tabs. And the same value in IndexedDB (`keep` in
//! `www/python/panel.js`), on disk when its write completes (Chromium
//! writes local storage to disk up to about 5 s later): the panel says
//! "Saved" only then, and a page opened after a crash gets it ([`recover`]).
//!
//! Two tabs: each remembers the text it last saved or chose (its `base`).
//! A save that finds another text stored (another tab saved since) does not
//! write over it: this tab's text goes to `<key>.tab.<its id>` until the
//! student chooses, and a page that opens offers such kept texts back.
//!
//! Unreadable text (not JSON, or another version) is copied aside under
//! `heapwise.python.unreadable.<slug>` (`.2`, `.3`, ... when that is taken),
//! never dropped, and the panel says where it went.

use serde::{Deserialize, Serialize};

const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    version: u32,
    pub text: String,
    /// The tab that wrote it ("" from an older build).
    #[serde(default)]
    pub tab: String,
    /// When, in ms since 1970 (compared by `recover` in python/panel.js;
    /// not read here, which keeps serde's float reading out of the page).
    #[serde(skip_deserializing)]
    pub at: f64,
}

/// Puts a value (None: deletes it) in IndexedDB (python/panel.js's `keep`);
/// the promise settles when it is on disk.
fn keep(key: &str, value: Option<String>) -> js_sys::Promise {
    super::bridge::panel("keep", &key.into(), &value.into())
}

pub fn key(slug: &str) -> String {
    format!("heapwise.python.v{VERSION}.{slug}")
}

/// Where `tab` keeps its text while another tab's is the saved one.
pub fn aside_key(slug: &str, tab: &str) -> String {
    let tab = if tab.is_empty() { "earlier" } else { tab };
    format!("{}.tab.{tab}", key(slug))
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
    /// Unreadable text was set aside: the other copy is not brought back over it.
    pub set_aside: bool,
}

/// Whether this browser keeps Python text for `slug` (the catalogue's "started").
pub fn has_saved(slug: &str) -> bool {
    storage().is_some_and(|s| matches!(s.get_item(&key(slug)), Ok(Some(_))))
}

/// What was saved for `slug`.
pub fn load(slug: &str) -> Found {
    let Some(storage) = storage() else {
        let notice = "This browser does not allow local storage here, so your Python text will not be kept after you close the page.";
        return Found { notice: Some(notice.into()), ..Found::default() };
    };
    let Ok(Some(raw)) = storage.get_item(&key(slug)) else { return Found { can_save: true, ..Found::default() } };
    let problem = match read(&raw) {
        Ok(saved) if saved.version == VERSION => {
            return Found { text: Some(saved.text), can_save: true, ..Found::default() }
        }
        Ok(saved) => format!("it was saved in format version {}", saved.version),
        Err(problem) => problem,
    };
    let (notice, can_save) = set_aside(&storage, slug, &raw, &problem);
    Found { notice: Some(notice), can_save, set_aside: true, ..Found::default() }
}

/// A value stored under [`key`] or [`aside_key`], if readable.
pub fn text_of(raw: &str) -> Option<Saved> {
    read(raw).ok().filter(|saved| saved.version == VERSION)
}

fn read(raw: &str) -> Result<Saved, String> {
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

/// Where a save went.
#[derive(Clone, Debug, PartialEq)]
pub enum Wrote {
    /// This exercise's saved text.
    Main,
    /// Kept aside: another tab saved this text since this one last did.
    Aside { theirs: String },
}

/// A save made in local storage; `durable` settles when IndexedDB's copy is on disk.
pub struct Saving {
    pub wrote: Wrote,
    pub durable: js_sys::Promise,
}

/// Writes a value in both copies.
fn put(storage: &web_sys::Storage, key: &str, text: &str, tab: &str) -> Result<js_sys::Promise, String> {
    let saved = Saved { version: VERSION, text: text.to_string(), tab: tab.to_string(), at: js_sys::Date::now() };
    let value = saved.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    let json = String::from(js_sys::JSON::stringify(&value).map_err(|_| "the text could not be written as JSON")?);
    storage.set_item(key, &json).map_err(|_| "the browser's storage refused it (full?)".to_string())?;
    Ok(keep(key, Some(json)))
}

/// Removes a value from both copies.
pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
    let _ = keep(key, None);
}

/// The text stored for `slug` now, if readable.
pub fn stored(slug: &str) -> Option<Saved> {
    storage()?.get_item(&key(slug)).ok().flatten().as_deref().and_then(text_of)
}

/// Saves `text` for `slug` from `tab`, whose last saved or chosen text is
/// `base`: over the stored text when that is still `base` (or already
/// `text`), else aside (see the module's comment). An error (storage full,
/// or turned off) is returned, so the panel can say that the text is not
/// kept and offer to download it; the editor keeps working either way.
pub fn save(slug: &str, tab: &str, base: Option<&str>, text: &str) -> Result<Saving, String> {
    let storage = storage().ok_or("this browser does not allow local storage here")?;
    match stored(slug) {
        Some(theirs) if Some(theirs.text.as_str()) != base && theirs.text != text => {
            let durable = put(&storage, &aside_key(slug, tab), text, tab)?;
            Ok(Saving { wrote: Wrote::Aside { theirs: theirs.text }, durable })
        }
        _ => {
            let durable = put(&storage, &key(slug), text, tab)?;
            if matches!(storage.get_item(&aside_key(slug, tab)), Ok(Some(_))) {
                remove(&aside_key(slug, tab));
            }
            Ok(Saving { wrote: Wrote::Main, durable })
        }
    }
}

/// The student chose this tab's text over the stored one: the stored text
/// goes aside under the key of the tab that wrote it (offered back when a
/// page opens, and where that tab, still open, keeps typing), and this
/// tab's text becomes the saved one.
pub fn keep_mine(slug: &str, tab: &str, text: &str) -> Result<Saving, String> {
    let storage = storage().ok_or("this browser does not allow local storage here")?;
    if let Some(theirs) = stored(slug).filter(|theirs| theirs.text != text && theirs.tab != tab) {
        let theirs_aside = aside_key(slug, &theirs.tab);
        if matches!(storage.get_item(&theirs_aside), Ok(None)) {
            let _moved = put(&storage, &theirs_aside, &theirs.text, &theirs.tab)?;
        }
    }
    save(slug, tab, stored(slug).map(|s| s.text).as_deref(), text)
}

/// Texts kept aside for `slug` by tabs other than `tab`: (key, value).
pub fn asides(slug: &str, tab: &str) -> Vec<(String, Saved)> {
    let Some(storage) = storage() else { return Vec::new() };
    let prefix = format!("{}.tab.", key(slug));
    let mine = aside_key(slug, tab);
    let mut found = Vec::new();
    for i in 0..storage.length().unwrap_or(0) {
        let Ok(Some(k)) = storage.key(i) else { continue };
        if k.starts_with(&prefix) && k != mine {
            if let Some(saved) = storage.get_item(&k).ok().flatten().as_deref().and_then(text_of) {
                found.push((k, saved));
            }
        }
    }
    found
}

/// When the page opens: IndexedDB's copies for `slug` that are newer than
/// local storage's (or that it lost) are written back into it, except over
/// unreadable text `load` set aside; the saved text brought back, if any,
/// or why the copies could not be read.
pub async fn recover(slug: &str, found: &Found) -> Result<Option<String>, String> {
    // python/panel.js's `recover`: writes back into local storage what
    // IndexedDB holds newer; the saved text it wrote back, if any.
    let recovered = super::bridge::panel("recover", &key(slug).into(), &found.set_aside.into());
    let back = wasm_bindgen_futures::JsFuture::from(recovered).await;
    back.map(|text| text.as_string()).map_err(|why| why.as_string().unwrap_or_default())
}
