//! What the panel asks or tells between runs: text not saved, another
//! tab's text, a link's code, and one-line notices, each with its choices.

use yew::prelude::*;

use super::editor::{self, SharedRef};
use super::messages::Kept;
use super::saving;
use super::state::{Action, PanelState};

/// The notices `state` holds, above the editor.
pub fn notices(
    state: &UseReducerHandle<PanelState>,
    shared: &SharedRef,
    slug: &AttrValue,
    download: &Callback<MouseEvent>,
) -> Html {
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Notice(None)))
    };
    let load_theirs = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| saving::load_theirs(&shared, &slug, &state))
    };
    let keep_mine = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| saving::keep_mine(&shared, &slug, &state))
    };
    let load_link_code = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(code) = &state.link_code {
                editor::replace_text(&shared, &slug, code);
                state.dispatch(Action::Notice(Some(
                    "The editor now holds the code from the link. Ctrl+Z (Cmd+Z) in the editor brings your text back."
                        .into(),
                )));
            }
            state.dispatch(Action::LinkCode(None));
        })
    };
    let keep_saved = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::LinkCode(None)))
    };
    html! {
        <>
            if let Some(why) = &state.unsaved {
                <div class="notice warning" role="alert" data-testid="python-unsaved">
                    <p>{ format!("Your text is not saved: {why}. It stays in this tab while the page is open; download it to keep it.") }</p>
                    <button class="secondary" data-testid="python-download-unsaved" onclick={download.clone()}>{ "Download solution.py" }</button>
                </div>
            }
            if let Some(other) = &state.other_tab {
                <div class="notice warning" role="alert" data-testid="python-other-tab" data-kept={other.aside.is_some().to_string()}>
                    <p>{ other_words(other.aside.is_some()) }</p>
                    <button class="secondary" data-testid="python-load-other-tab" onclick={load_theirs}>
                        { if other.aside.is_some() { "Load the kept text" } else { "Load the other tab's text" } }</button>
                    <button class="secondary" data-testid="python-keep-this-tab" onclick={keep_mine}>{ "Keep this tab's text" }</button>
                    <button class="secondary" onclick={download.clone()}>{ "Download this tab's text" }</button>
                </div>
            }
            if state.link_code.is_some() {
                <div class="notice warning" role="alert" data-testid="python-link-code">
                    <p>{ "This link carries Python code for this exercise, and the editor holds your own saved text. Load the link's code in its place? Ctrl+Z (Cmd+Z) in the editor brings your text back." }</p>
                    <button class="secondary" data-testid="python-load-link-code" onclick={load_link_code}>{ "Load the link's code" }</button>
                    <button class="secondary" data-testid="python-keep-saved" onclick={keep_saved}>{ "Keep my text" }</button>
                </div>
            }
            if let Some(text) = &state.notice {
                <div class="notice" role="alert" data-testid="python-notice">
                    <p>{ text }</p>
                    <button class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </>
    }
}

/// What the other-tab notice says: about a tab open now, or about text kept
/// aside (by a tab since closed, or this one before a reload).
fn other_words(kept: bool) -> &'static str {
    if kept {
        "Text for this exercise was kept aside in this browser: it was typed in another tab (or here, before a reload) \
         after the saved text had changed elsewhere. Which text do you want here? Loading the kept text can be undone \
         with Ctrl+Z; keeping this tab's text deletes the kept one."
    } else {
        "This exercise's text was changed in another tab. Which text do you want here? Until you choose, what you \
         type here is kept aside. Loading the other tab's text can be undone with Ctrl+Z; keeping this tab's text \
         keeps the other's aside for it."
    }
}

/// Whether Python is kept for offline use, once the download has ended.
pub fn offline_note(offline: &Option<(Kept, Option<String>)>) -> Html {
    let text = match offline {
        Some((Kept { stored: true, files }, _)) => {
            format!(
                "Python is kept in this browser for offline use ({files} files): Run Python works without the network."
            )
        }
        Some((Kept { stored: false, .. }, why)) => format!(
            "Python is not kept for offline use here{}: Run Python needs the network.",
            why.as_ref().map_or(String::new(), |why| format!(" ({why})"))
        ),
        None => return Html::default(),
    };
    html! { <p class="fine" data-testid="python-offline" data-stored={offline.as_ref().map(|(k, _)| k.stored.to_string())}>{ text }</p> }
}
