//! Light and dark colours. The page follows the system's
//! `prefers-color-scheme` until the student flips the switch in the header;
//! the choice is remembered in local storage. The colours themselves are
//! CSS custom properties (www/style.css), chosen by `data-theme` on `<html>`.

use yew::prelude::*;

const KEY: &str = "heapwise.theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The remembered choice, if the student made one: `Some(true)` for dark.
fn remembered() -> Option<bool> {
    match storage()?.get_item(KEY).ok().flatten()?.as_str() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Sets `data-theme` on `<html>`: a remembered choice, or nothing (the
/// stylesheet then follows the system). Called before the first render.
pub fn apply_remembered() {
    set_attribute(remembered());
}

fn set_attribute(dark: Option<bool>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match dark {
        Some(dark) => root.set_attribute("data-theme", if dark { "dark" } else { "light" }),
        None => root.remove_attribute("data-theme"),
    };
}

/// The header's switch: a toggle button that says whether dark colours are on.
#[function_component]
pub fn ThemeSwitch() -> Html {
    let dark = use_state(|| remembered().unwrap_or_else(system_prefers_dark));
    let toggle = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| {
            let next = !*dark;
            if let Some(storage) = storage() {
                let _ = storage.set_item(KEY, if next { "dark" } else { "light" });
            }
            set_attribute(Some(next));
            dark.set(next);
        })
    };
    html! {
        <button type="button" class="theme-switch" data-testid="theme-switch" aria-pressed={dark.to_string()} onclick={toggle}>
            <span aria-hidden="true">{ if *dark { "☾ " } else { "☀ " } }</span>
            { "Dark colours" }
        </button>
    }
}
