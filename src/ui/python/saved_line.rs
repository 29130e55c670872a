//! The line under the editor that says whether the text is saved. Written
//! directly into its element, not through a render: a keystroke's save
//! changes it, and redrawing the panel (or a component of its own) for each
//! keystroke cost more, in time and in the page's bytes, than this.

use yew::prelude::*;

/// What the line says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing typed since the page opened.
    Loaded,
    Saving,
    /// Both copies written, the second one on disk.
    Saved,
    /// Kept aside: another tab's text is the saved one (the notice above asks).
    Aside,
    /// Local storage refused it (the notice above says why).
    NotSaved,
    /// In local storage only: the second copy was refused, for this reason.
    Shallow(String),
}

impl SaveState {
    /// Its `data-state` and its words.
    pub fn words(&self) -> (&'static str, String) {
        match self {
            SaveState::Loaded => ("loaded", "Your text is saved in this browser as you type.".into()),
            SaveState::Saving => ("saving", "Saving\u{2026}".into()),
            SaveState::Saved => ("saved", "Saved in this browser.".into()),
            SaveState::Aside => (
                "aside",
                "Kept aside, not over the other tab's text: choose above which text this exercise keeps.".into(),
            ),
            SaveState::NotSaved => ("unsaved", "Not saved: see above.".into()),
            SaveState::Shallow(why) => (
                "shallow",
                format!(
                    "Saved in local storage, without its copy on disk ({why}): if the browser closes in the next \
                     few seconds, the last changes may be lost."
                ),
            ),
        }
    }
}

/// The line as the panel first draws it (`line` is its node; `can_save`
/// false: nothing can be saved here, and the notice above says why).
pub fn view(line: &NodeRef, can_save: bool) -> Html {
    let (key, words) = if can_save { SaveState::Loaded } else { SaveState::NotSaved }.words();
    html! { <p class="fine py-saved" data-testid="python-saved" data-state={key} ref={line.clone()}>{ words }</p> }
}

/// Puts `state` on the line, if it is on the page.
pub fn show(line: &NodeRef, state: SaveState) {
    if let Some(line) = line.cast::<web_sys::Element>() {
        let (key, words) = state.words();
        line.set_text_content(Some(&words));
        let _ = line.set_attribute("data-state", key);
    }
}
