//! The hand-over from the page the build prerendered (`crate::prerender`,
//! written into the bundle by `src/bin/prerender.rs`) to the app's own.
//!
//! The prerendered page is `<div id="prerendered">` at the top of `<body>`;
//! the app draws after it, hidden by the stylesheet while it is there
//! (`#prerendered ~ *`). Once the app has drawn its page in full (the
//! catalogue with every card, an exercise with its text or why it has
//! none, the not-found page), the prerendered page is removed and the
//! app's is shown in its place: the same markup, so nothing moves. Every
//! page the app draws first is one of those: a link the build wrote no
//! page for is answered with index.html (the catalogue) and is the app's
//! not-found page, or an exercise whose text then comes.

use yew::prelude::*;

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(crate::page::words::PRERENDERED_ID)
}

/// Removes the prerendered page, if it is still there.
fn release() {
    if let Some(root) = root() {
        root.remove();
    }
}

/// Removes the prerendered page once `drawn` holds: the app's page is
/// complete.
#[hook]
pub fn use_release_when(drawn: bool) {
    use_effect_with(drawn, |drawn| {
        if *drawn {
            release();
        }
    });
}
