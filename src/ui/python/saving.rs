//! What the panel says about saving and does for it (each change is saved
//! by `editor::save_text`): "Saved" under the editor once the text is on
//! disk (`storage`'s second copy), the text kept aside while another tab's
//! is the saved one, the student's choice between the two, texts kept aside
//! offered back, and newer text brought back after a crash.
//!
//! Rule (as in `editor.rs`): no borrow of `Shared` is held while the panel
//! is told anything; a dispatch may render at once, and rendering borrows it.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::editor::{self, after_save, SharedRef};
use super::state::{Action, OtherText, PanelState};
use super::storage::{self, Found};

/// "Keep this tab's text": it becomes the saved text; the other one goes
/// aside (a kept text offered at load is deleted, as the notice says).
pub fn keep_mine(shared: &SharedRef, slug: &str, state: &UseReducerHandle<PanelState>) {
    if let Some(OtherText { aside: Some(key), .. }) = &state.other_tab {
        storage::remove(key);
    }
    let mine = editor::current_text(shared);
    let tab = shared.borrow().tab.clone();
    state.dispatch(Action::OtherTab(None));
    after_save(shared, &mine, storage::keep_mine(slug, &tab, &mine));
}

/// "Load the other text": it replaces this tab's (one undoable change) and
/// becomes the saved text; a saved text it replaces that another tab wrote
/// goes aside for that tab, as with [`keep_mine`].
pub fn load_theirs(shared: &SharedRef, slug: &str, state: &UseReducerHandle<PanelState>) {
    let Some(other) = state.other_tab.clone() else { return };
    let tab = shared.borrow().tab.clone();
    let text = match &other.aside {
        Some(key) => {
            storage::remove(key);
            other.text
        }
        // The other tab's text as it is now (it may have typed since the notice).
        None => {
            storage::remove(&storage::aside_key(slug, &tab));
            storage::stored(slug).map_or(other.text, |s| s.text)
        }
    };
    state.dispatch(Action::OtherTab(None));
    after_save(shared, &text, storage::keep_mine(slug, &tab, &text));
    editor::replace_text(shared, slug, &text);
}

/// Offers a text another tab kept aside, if it differs from this tab's (one
/// that does not is deleted: nothing would be lost). When the page opens
/// only: any other waits for the next time it does.
fn offer_asides(shared: &SharedRef, slug: &str, dispatcher: &UseReducerDispatcher<PanelState>) {
    let (tab, mine) = (shared.borrow().tab.clone(), editor::current_text(shared));
    let mut offer = None;
    for (key, saved) in storage::asides(slug, &tab) {
        if saved.text == mine {
            storage::remove(&key);
        } else {
            offer = Some(OtherText { text: saved.text, aside: Some(key) });
        }
    }
    if offer.is_some() {
        dispatcher.dispatch(Action::OtherTab(offer));
    }
}

/// When the page opens: newer text from the second copy (a browser that
/// closed before local storage reached the disk) goes into the editor,
/// with a notice; then texts other tabs kept aside are offered.
#[hook]
pub fn use_recover(
    slug: AttrValue,
    found: std::rc::Rc<Found>,
    shared: SharedRef,
    dispatcher: UseReducerDispatcher<PanelState>,
) {
    use_effect_with(slug, move |slug| {
        let slug = slug.to_string();
        spawn_local(async move {
            let recovered = storage::recover(&slug, &found).await.unwrap_or_else(|problem| {
                super::bridge::console_error(&format!("python panel: the copy on disk could not be read: {problem}"));
                None
            });
            if let Some(text) = recovered {
                // Not typed in yet (the usual case: this runs as the page opens).
                if editor::current_text(&shared) == shared.borrow().loaded {
                    shared.borrow_mut().base = Some(text.clone());
                    editor::replace_text(&shared, &slug, &text);
                    dispatcher.dispatch(Action::Notice(Some(
                        "Your last changes are back: the browser closed before it had written them to its local \
                         storage, and they were restored from the copy kept on disk. Ctrl+Z (Cmd+Z) in the editor \
                         brings back the older text."
                            .into(),
                    )));
                } else {
                    dispatcher.dispatch(Action::OtherTab(Some(OtherText { text, aside: None })));
                }
            }
            offer_asides(&shared, &slug, &dispatcher);
        });
    });
}

/// Another tab of this page saved different text for the same exercise:
/// the panel says so and lets the student choose (see `notices.rs`). The
/// same text as this tab's is agreement: it becomes this tab's base.
#[hook]
pub fn use_other_tab(slug: AttrValue, dispatcher: UseReducerDispatcher<PanelState>, shared: SharedRef) {
    use_effect_with(slug, move |slug| {
        let key = storage::key(slug);
        super::hooks::on_window("storage", move |event: web_sys::StorageEvent| {
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            let Some(theirs) = event.new_value().as_deref().and_then(storage::text_of) else { return };
            if theirs.text == editor::current_text(&shared) {
                shared.borrow_mut().base = Some(theirs.text);
            } else {
                dispatcher.dispatch(Action::OtherTab(Some(OtherText { text: theirs.text, aside: None })));
            }
        })
    });
}
