//! The exercise page's effects as custom hooks (yew todomvc's `hooks/`):
//! the run action and its answer, autorun, saved progress, the address
//! bar, the document title and bringing fresh results into view.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::dom::focus_lost;
use super::progress::{self, ExerciseProgress};
use super::router::{root_url, use_navigator, Route};
use super::state::{remember, Action, PageState, Status};
use super::worker_bridge;
// The Python panel (src/ui/python*) still reaches it here.
use super::dom::bring_into_view;
use crate::link::{self, LinkRequest};

/// The Run action: measures the current parameters unless a run is under
/// way or an input is out of bounds. The run's answer comes to its own
/// callback, which keeps it for Back and hands it to the page while the
/// page still waits for it. When the page stops waiting (the run answered,
/// a results file was opened, the page closed) the answer is no longer
/// wanted, and a run not sent yet is taken back from the bridge.
#[hook]
pub fn use_start_run(state: &UseReducerHandle<PageState>, slug: &'static str) -> Callback<()> {
    let asked = use_mut_ref(|| None::<Asked>);
    {
        let asked = asked.clone();
        use_effect_with(state.status == Status::Running, move |&running| {
            move || {
                // A run that starts ends the effect of "not running": nothing to drop then.
                if let Some(asked) = running.then(|| asked.borrow_mut().take()).flatten() {
                    asked.drop_answer();
                }
            }
        });
    }
    let state = state.clone();
    Callback::from(move |_: ()| {
        if state.status == Status::Running {
            return;
        }
        if let Ok(params) = state.params.clone() {
            let (dispatcher, wanted) = (state.dispatcher(), Rc::new(Cell::new(true)));
            let still_wanted = wanted.clone();
            let id = worker_bridge::run(slug, params, Some(state.limit_mib * 1024 * 1024), move |answer| {
                if let Ok(result) = &answer {
                    remember(result);
                }
                if still_wanted.get() {
                    dispatcher.dispatch(Action::Finished(answer));
                }
            });
            *asked.borrow_mut() = Some(Asked { ids: vec![id], wanted });
            state.dispatch(Action::Started);
        }
    })
}

/// Runs a page asked the bridge for, and whether their answers are still
/// wanted (an answer that comes anyway is kept for Back, but not shown).
pub struct Asked {
    pub ids: Vec<u32>,
    pub wanted: Rc<Cell<bool>>,
}

impl Asked {
    /// The page no longer waits: runs not sent yet are taken back, and
    /// answers still coming go no further than the results kept for Back.
    pub fn drop_answer(self) {
        self.wanted.set(false);
        self.ids.into_iter().for_each(worker_bridge::forget);
    }
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

/// The address bar follows the page's link (`here`: none while an input
/// is out of bounds), so copying it reproduces the page; it never says
/// `run=1`, so reloading does not run again.
#[hook]
pub fn use_address_bar(slug: &'static str, here: Option<LinkRequest>) {
    let navigator = use_navigator();
    use_effect_with(here, move |here| {
        if let Some(here) = here {
            let here = LinkRequest { autorun: false, ..here.clone() };
            navigator.replace(&Route::Exercise { slug: slug.to_string() }, &link::pairs(&here));
        }
    });
}

/// The link that reopens `slug` as `here` and runs it, from wherever the
/// app is served (`router::root_url`).
#[hook]
pub fn use_share_link(slug: &'static str, here: Option<LinkRequest>) -> Option<AttrValue> {
    let here = LinkRequest { autorun: true, ..here? };
    Some(link::absolute(&root_url(), slug, &here).into())
}

/// The browser tab says where the student is: "<page> · Heapwise".
#[hook]
pub fn use_title(page: Option<String>) {
    use_effect_with(page, |page| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&crate::page::words::document_title(page.as_deref()));
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
