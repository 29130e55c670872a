//! An exercise opening: its link read (once), its text fetched (`loader`),
//! a placeholder with the catalogue card's title while it comes, and why
//! not, with a way to retry, if it cannot come.

use std::rc::Rc;

use yew::prelude::*;

use super::exercise_page::ExercisePage;
use super::hooks::use_title;
use super::loader;
use super::navigation::focus_heading;
use super::router::{use_location, Link, Route};
use crate::exercises;
use crate::link;

#[derive(Properties)]
pub struct ExerciseLoaderProps {
    pub entry: &'static exercises::PageEntry,
    pub card: &'static crate::content::Card,
}

/// Entries and cards are statics: the same one is the same address.
impl PartialEq for ExerciseLoaderProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.entry, other.entry) && std::ptr::eq(self.card, other.card)
    }
}

/// Fetches an exercise's text, then shows its page; while it comes, the
/// title from the catalogue card; if it cannot come, why, and a way to retry.
#[function_component]
pub fn ExerciseLoader(props: &ExerciseLoaderProps) -> Html {
    let (entry, card) = (props.entry, props.card);
    // The link is read here, once, when the exercise opens; the address
    // bar then follows the page, which never reads it again.
    let query = use_location().query_str().to_string();
    let link = use_memo((), move |_| link::read(entry.spec.params, &query));
    let (loading, retry) = loader::use_exercise_text(card);
    use_title(Some(card.title.to_string()));
    // Navigation focused the placeholder's heading: when the page replaces
    // it, its own heading takes the focus over (read before the DOM changes).
    let placeholder = use_node_ref();
    let refocus = use_mut_ref(|| false);
    let ready = matches!(loading, loader::Loading::Ready(_));
    // The build's static page gives way once the app's has its text, or says why not.
    super::prerendered::use_release_when(!matches!(loading, loader::Loading::Pending));
    if ready {
        let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        if let (Some(heading), Some(focused)) = (placeholder.get(), focused) {
            *refocus.borrow_mut() |= heading == web_sys::Node::from(focused);
        }
    }
    use_effect_with(ready, move |ready| {
        if *ready && std::mem::take(&mut *refocus.borrow_mut()) {
            focus_heading();
        }
    });
    // A presentation (`present=1`) stays one while the next exercise's text
    // arrives: the placeholder keeps `<html data-present>`, which the page
    // then owns; leaving before it arrives takes the mark away.
    let presenting = link.present;
    let pending = use_mut_ref(|| true);
    *pending.borrow_mut() = !ready;
    use_effect_with((), move |_| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let (true, Some(root)) = (presenting && *pending.borrow(), &root) {
            let _ = root.set_attribute("data-present", "");
        }
        move || {
            if let (true, Some(root)) = (presenting && *pending.borrow(), root) {
                let _ = root.remove_attribute("data-present");
            }
        }
    });
    match loading {
        loader::Loading::Ready(text) => html! {
            <ExercisePage {entry} {card} content={text.content} programs={text.programs} link={Rc::clone(&link)} />
        },
        loader::Loading::Pending => html! {
            <article class="exercise loading" aria-busy="true" data-testid="exercise-loading">
                <nav class="crumbs"><Link to={Route::Home}>{ "← All exercises" }</Link></nav>
                <h1 tabindex="-1" ref={placeholder}>{ card.title }</h1>
                <p class="fine" role="status">{ "Loading the exercise…" }</p>
            </article>
        },
        loader::Loading::Failed(error) => html! {
            <article class="exercise">
                <nav class="crumbs"><Link to={Route::Home}>{ "← All exercises" }</Link></nav>
                <h1 tabindex="-1">{ card.title }</h1>
                <div class="notice" role="alert" data-testid="load-error">
                    <p>{ error }</p>
                    <button onclick={retry.reform(|_: MouseEvent| ())}>{ "Try again" }</button>
                </div>
            </article>
        },
    }
}
