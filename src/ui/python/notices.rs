//! What the panel asks or tells between runs: text not saved, another
//! tab's text, a link's code, and one-line notices, each with its choices.

use yew::prelude::*;

use super::bridge::Kept;
use super::editor::{self, SharedRef};
use super::state::{Action, PanelState};
use super::storage;

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
        Callback::from(move |_: MouseEvent| {
            if let Some(theirs) = &state.other_tab {
                editor::replace_text(&shared, &slug, theirs);
            }
            state.dispatch(Action::OtherTab(None));
        })
    };
    let keep_mine = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let mine = editor::current_text(&shared);
            if let Err(why) = storage::save(&slug, &mine) {
                state.dispatch(Action::Unsaved(Some(why)));
            }
            state.dispatch(Action::OtherTab(None));
        })
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
            if state.other_tab.is_some() {
                <div class="notice warning" role="alert" data-testid="python-other-tab">
                    <p>{ "This exercise's text was changed in another tab. Which text do you want here? Loading the other tab's text can be undone with Ctrl+Z." }</p>
                    <button class="secondary" data-testid="python-load-other-tab" onclick={load_theirs}>{ "Load the other tab's text" }</button>
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
