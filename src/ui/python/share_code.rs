//! Keeping and sharing the student's own code: "Download .py"
//! and "Copy link with my code", a link that carries the program in its
//! fragment (`/exercise/<slug>#code=<deflate-raw, base64url>`), compressed
//! by the editor module (`packCode`), so no server ever sees it. A link has
//! room for [`LINK_LIMIT`] characters of code; a longer program is refused
//! in words, pointing to the download.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::super::router::root_url;
use super::super::share::{copy_to_clipboard, Outcome};
use super::bridge::Editor;
use crate::units::grouped;

/// Most characters of packed code a link carries: links much longer than
/// this are cut by mail programs and chat boxes.
pub const LINK_LIMIT: usize = 8_000;

/// The fragment's key: `#code=...`.
pub const FRAGMENT: &str = "#code=";

pub use crate::page::panel::state::Shared;

/// Packs `text` with `editor`, makes the link and copies it; says what happened.
pub async fn copy_link(editor: Editor, slug: &str, text: &str) -> Shared {
    let packed = match text_of(editor.pack_code(text)).await {
        Ok(packed) if packed.len() > LINK_LIMIT => return Shared::TooLong(packed.len()),
        Ok(packed) => packed,
        Err(why) => return Shared::Refused(format!("The code could not be packed ({why})."), None),
    };
    // No query: the fragment carries the code, the parameters stay the page's own.
    let url = format!("{}{}{FRAGMENT}{packed}", root_url(), crate::link::exercise_path(slug));
    match copy_to_clipboard(&url).await {
        Outcome::Refused(why) => Shared::Refused(why, Some(url)),
        _ => Shared::Copied,
    }
}

/// Download .py, Copy link with my code, and what the copy did.
pub fn view(shared: &Shared, copy: Callback<MouseEvent>, download: Callback<MouseEvent>) -> Html {
    let select =
        Callback::from(|event: FocusEvent| event.target_unchecked_into::<web_sys::HtmlInputElement>().select());
    let (state, message) = match shared {
        Shared::Idle => ("", String::new()),
        Shared::Copied => ("copied", "Link copied: it opens this exercise with your code in the editor (it asks before replacing saved work). The code travels in the link itself.".into()),
        Shared::TooLong(n) => ("too-long", format!(
            "Your program is too long for a link: compressed it needs {} characters, and a link carries at most {}. Use Download .py and send the file instead.",
            grouped(*n as i64), grouped(LINK_LIMIT as i64))),
        Shared::Refused(why, Some(_)) => ("refused", format!("{why} Copy the link from the field below instead.")),
        Shared::Refused(why, None) => ("refused", why.clone()),
    };
    html! {
        <div class="py-share">
            <button type="button" class="secondary" data-testid="python-download" onclick={download}>{ "Download .py" }</button>
            <button type="button" class="secondary" data-testid="python-copy-code-link" onclick={copy}>{ "Copy link with my code" }</button>
            <p class="share-status" role="status" data-testid="python-share-status" data-state={state}>{ message }</p>
            if let Shared::Refused(_, Some(url)) = shared {
                <label class="share-field">
                    <span>{ "Link with your code" }</span>
                    <input type="text" readonly=true value={url.clone()} data-testid="python-code-link" onfocus={select} spellcheck="false" />
                </label>
            }
        </div>
    }
}

/// Awaits a promise of the editor module that settles with a string (or a
/// sentence, when it fails).
pub async fn text_of(promise: js_sys::Promise) -> Result<String, String> {
    let words = |value: JsValue| value.as_string().unwrap_or_else(|| "no reason given".into());
    JsFuture::from(promise).await.map(words).map_err(words)
}
