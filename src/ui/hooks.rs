//! The exercise page's effects as custom hooks (yew todomvc's `hooks/`):
//! worker replies, the run action, autorun, saved progress, the address
//! bar, the document title and bringing fresh results into view.

use super::router::{basename, use_navigator};
use yew::prelude::*;

use super::progress::{self, ExerciseProgress};
use super::state::{remember, Action, PageState, Status};
use super::worker_bridge::{self, RunEvent};
use super::Route;
use crate::exercise::Params;
use crate::link;

/// Replies from the worker come to whichever page is open; a run this page
/// queued but never sent is dropped when the page closes.
#[hook]
pub fn use_worker_replies(state: &UseReducerHandle<PageState>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        worker_bridge::listen(move |id, event| {
            if let RunEvent::Done(result) = &event {
                remember(result);
            }
            dispatcher.dispatch(Action::Finished((id, event)));
        });
    });
    use_effect_with(state.pending, |pending| {
        let pending = *pending;
        move || {
            if let Some(id) = pending {
                worker_bridge::forget(id);
            }
        }
    });
}

/// The Run action: measures the current parameters unless a run is under
/// way or an input is out of bounds.
#[hook]
pub fn use_start_run(state: &UseReducerHandle<PageState>, slug: &'static str) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_: ()| {
        if state.status == Status::Running {
            return;
        }
        if let Ok(params) = state.params() {
            let id = worker_bridge::run(slug, params, Some(state.limit_mib * 1024 * 1024));
            state.dispatch(Action::Started(id));
        }
    })
}

/// A link with run=1 reproduces its run as soon as the page opens.
#[hook]
pub fn use_autorun(start_run: &Callback<()>, autorun: bool) {
    let start_run = start_run.clone();
    use_effect_with((), move |_| {
        if autorun {
            start_run.emit(());
        }
    });
}

/// Progress is saved in this one place, whenever it changes.
#[hook]
pub fn use_saved_progress(slug: &'static str, now: &ExerciseProgress) {
    use_effect_with(now.clone(), move |now| {
        let (mut all, _) = progress::load();
        all.exercises.insert(slug.to_string(), now.clone());
        // The Python panel says so when saving fails (its solved mark and
        // text); a run's progress mark that cannot be stored is not worth
        // an alert of its own.
        let _ = progress::save(&all);
    });
}

/// The address bar follows valid parameters, so copying it reproduces the
/// run; `view` is `link::write_view` (the sweep shown, presentation mode).
#[hook]
pub fn use_address_bar(slug: &'static str, params: Option<Params>, limit_mib: u64, view: String) {
    let navigator = use_navigator();
    use_effect_with((params, limit_mib, view), move |(params, limit, view)| {
        if let Some(params) = params {
            let query: Vec<(String, String)> = link::query_pairs(&(link::write(params, *limit) + view))
                .into_iter()
                .filter(|(k, _)| k != "run")
                .collect();
            navigator.replace(&Route::Exercise { slug: slug.to_string() }, &query);
        }
    });
}

/// The link that reopens `slug` with `params` and runs it: built from the
/// route and the router's base path, so it follows wherever the app is served.
#[hook]
pub fn use_share_link(slug: &'static str, params: Option<Params>, limit_mib: u64, view: &str) -> Option<AttrValue> {
    let params = params?;
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let base = basename().unwrap_or_default();
    let path = Route::Exercise { slug: slug.to_string() }.to_path();
    Some(format!("{origin}{base}{path}?{}{view}", link::write(&params, limit_mib)).into())
}

/// The browser tab says where the student is: "<page> · Heapwise".
#[hook]
pub fn use_title(page: Option<String>) {
    use_effect_with(page, |page| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&match page {
                Some(page) => format!("{page} · Heapwise"),
                None => "Heapwise: Python memory lessons, measured".to_string(),
            });
        }
    });
}

/// When a run finishes, its chart (the first `.chart` in `results`) scrolls
/// into view if it is not wholly visible (on a projector it is below the
/// fold); focus stays where it was.
#[hook]
pub fn use_results_into_view(status: &Status, results: &NodeRef) {
    let results = results.clone();
    use_effect_with(status.clone(), move |status| {
        if *status == Status::Done {
            if let Some(results) = results.cast::<web_sys::Element>() {
                bring_into_view(&results.query_selector(".chart").ok().flatten().unwrap_or(results));
            }
        }
    });
}

/// Scrolls `element` into view unless it is already wholly visible;
/// smoothly unless the student asked for reduced motion.
pub fn bring_into_view(element: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let rect = element.get_bounding_client_rect();
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if rect.top() >= 0.0 && rect.bottom() <= height {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// When `trigger` changes and that took focus away (the focused control was
/// removed or disabled), focus moves to `target` (give it `tabindex="-1"`)
/// instead of dropping to `<body>`.
#[hook]
pub fn use_rescue_focus<T: PartialEq + 'static>(trigger: T, target: &NodeRef) {
    let target = target.clone();
    let mounted = use_mut_ref(|| false);
    use_effect_with(trigger, move |_| {
        if std::mem::replace(&mut *mounted.borrow_mut(), true) && focus_lost() {
            if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

fn focus_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    match document.as_ref().and_then(|d| d.active_element()) {
        None => true,
        Some(active) => active.tag_name() == "BODY" || active.has_attribute("disabled") || !active.is_connected(),
    }
}
