//! An exercise's text arrives when it is opened: `data/<slug>-<hash>.json`
//! (written by `build.rs`, named in its catalogue card). The page keeps what
//! it fetched for the rest of the visit, so going back to an exercise shows
//! it at once; the service worker keeps the files for offline use.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::content::{Card, Content, ExerciseData, Programs, FORMAT_VERSION};

/// One exercise's text, ready for the page.
#[derive(Clone, PartialEq)]
pub struct Text {
    pub content: Rc<Content>,
    pub programs: Rc<Programs>,
}

#[derive(Clone, PartialEq)]
pub enum Loading {
    Pending,
    Ready(Text),
    /// What went wrong, in words for the student.
    Failed(String),
}

thread_local! {
    static FETCHED: RefCell<HashMap<&'static str, Text>> = RefCell::new(HashMap::new());
}

/// Where the card's data file is, relative to the page's base URL (so a
/// bundle served from a sub-path finds it too).
fn url(card: &Card) -> String {
    format!("data/{}", card.data_file)
}

async fn fetch(card: &'static Card) -> Result<Text, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = |what: &str| format!("The text of this exercise could not be loaded ({what}).");
    let response = JsFuture::from(window.fetch_with_str(&url(card)))
        .await
        .map_err(|_| failed("the network request failed: are you offline, and was this page never opened before?"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!("the server answered {} for {}", response.status(), url(card))));
    }
    let buffer = response.array_buffer().map_err(|_| failed("unreadable response"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| failed("the response broke off"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let data = ExerciseData::read(&bytes).map_err(|e| failed(&format!("the file does not match this page: {e}")))?;
    if data.format_version != FORMAT_VERSION || data.slug != card.slug {
        return Err(failed("the file belongs to another version or exercise"));
    }
    let text = Text { content: Rc::new(data.content), programs: Rc::new(data.programs) };
    FETCHED.with(|f| f.borrow_mut().insert(card.slug, text.clone()));
    Ok(text)
}

/// Starts fetching `card`'s text if it is not here yet, without waiting
/// (the catalogue calls it when a card is pointed at or focused).
pub fn prefetch(card: &'static Card) {
    if FETCHED.with(|f| !f.borrow().contains_key(card.slug)) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = fetch(card).await;
        });
    }
}

/// The text of `card`'s exercise: at once if this visit fetched it before,
/// else `Pending` until it arrives. `retry` fetches again after a failure.
#[hook]
pub fn use_exercise_text(card: &'static Card) -> (Loading, Callback<()>) {
    let attempt = use_state(|| 0u32);
    let loading = use_state(|| match FETCHED.with(|f| f.borrow().get(card.slug).cloned()) {
        Some(text) => Loading::Ready(text),
        None => Loading::Pending,
    });
    {
        let loading = loading.clone();
        use_effect_with((card.slug, *attempt), move |_| {
            if !matches!(*loading, Loading::Ready(_)) {
                loading.set(Loading::Pending);
                wasm_bindgen_futures::spawn_local(async move {
                    loading.set(match fetch(card).await {
                        Ok(text) => Loading::Ready(text),
                        Err(error) => Loading::Failed(error),
                    });
                });
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*loading).clone(), retry)
}
