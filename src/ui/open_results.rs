//! A results file coming back: "Open results…" or a JSON file dropped on
//! the page. The measuring worker reads it (`crate::export`, off the page's
//! thread); this file only deals with the browser: files and drops.

use std::cell::RefCell;
use std::rc::Rc;

use super::router::use_navigator;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use super::router::Route;
use super::state::remember;
use super::worker_bridge;
use crate::export::{self, FileAnswer, FileJob};
use crate::link::{self, LinkRequest};
use crate::outcome::RunResult;

thread_local! {
    /// The run last opened from a file, with its notice: shown by whichever
    /// exercise page displays exactly that run (the file may be for another
    /// exercise, whose page opens to show it).
    static OPENED: RefCell<Option<(Rc<RunResult>, String)>> = const { RefCell::new(None) };
}

#[derive(Properties)]
pub struct OpenProps {
    /// The exercise on screen.
    pub slug: AttrValue,
    /// The run on screen, if any (the notice is for an opened one only).
    pub result: Option<Rc<RunResult>>,
    /// Shows a run read from a file for this exercise.
    pub on_open: Callback<Rc<RunResult>>,
}

impl PartialEq for OpenProps {
    fn eq(&self, other: &Self) -> bool {
        let same_result = match (&self.result, &other.result) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        self.slug == other.slug && same_result && self.on_open == other.on_open
    }
}

/// "Open results…": a file button, and the whole page accepts a dropped
/// results file. A file for another exercise opens that exercise; a file
/// that cannot be read is explained and the results on screen stay.
#[function_component]
pub fn OpenResults(props: &OpenProps) -> Html {
    let navigator = use_navigator();
    let problem = use_state_eq(|| None::<String>);
    // The file being read (the measuring worker parses it, off the page's thread).
    let reading = use_state_eq(|| None::<String>);
    let open_file = {
        let (slug, on_open, problem, reading) =
            (props.slug.clone(), props.on_open.clone(), problem.clone(), reading.clone());
        Callback::from(move |file: File| {
            let (slug, on_open, problem, reading, navigator) =
                (slug.clone(), on_open.clone(), problem.clone(), reading.clone(), navigator.clone());
            let name = file.name();
            // Refused before a byte is read: a huge file would hold the page.
            if let Some(message) = export::too_large(&name, file.size() as u64) {
                problem.set(Some(message));
                return;
            }
            problem.set(None);
            reading.set(Some(format!("Reading \u{201c}{name}\u{201d}\u{2026}")));
            wasm_bindgen_futures::spawn_local(async move {
                let text = match JsFuture::from(file.text()).await {
                    Ok(text) => text.as_string().unwrap_or_default(),
                    Err(_) => {
                        reading.set(None);
                        problem.set(Some(format!("\u{201c}{name}\u{201d} could not be read from disk.")));
                        return;
                    }
                };
                worker_bridge::file(FileJob::Read { name, text }, move |answer| match answer {
                    Ok(FileAnswer::Refused { message }) | Err(message) => {
                        reading.set(None);
                        problem.set(Some(message))
                    }
                    Ok(FileAnswer::Written { .. }) => {
                        reading.set(None);
                        problem.set(Some("The measuring worker answered with a file.".into()))
                    }
                    Ok(FileAnswer::Opened { result, notice }) => {
                        reading.set(None);
                        problem.set(None);
                        let result = Rc::new(result);
                        remember(&result);
                        OPENED.with(|o| *o.borrow_mut() = Some((result.clone(), notice)));
                        if result.slug == slug.as_str() {
                            on_open.emit(result);
                        } else {
                            // That exercise's page recalls the run just remembered.
                            let there = LinkRequest::to(result.params.clone(), link::DEFAULT_LIMIT_MIB);
                            navigator.push(&Route::Exercise { slug: result.slug.clone() }, &link::pairs(&there));
                        }
                    }
                });
            });
        })
    };
    use_dropped_files(open_file.clone());
    let on_change = {
        let open_file = open_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open_file.emit(file);
            }
            // The same file may be chosen again after it is fixed.
            input.set_value("");
        })
    };
    let dismiss = {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| problem.set(None))
    };
    let opened = OPENED.with(|o| {
        o.borrow().as_ref().and_then(|(run, notice)| {
            props.result.as_ref().is_some_and(|shown| Rc::ptr_eq(run, shown)).then(|| notice.clone())
        })
    });
    html! {
        <div class="open-results" data-testid="open-results">
            <label class="file-button secondary">
                <input type="file" accept=".json,application/json" class="visually-hidden"
                       data-testid="open-results-input" onchange={on_change} />
                { "Open results\u{2026}" }
            </label>
            <span class="fine">{ " or drop an exported JSON file on the page" }</span>
            if let Some(status) = &*reading {
                <p class="opened-notice" role="status" data-testid="open-reading">{ status }</p>
            }
            if let Some(notice) = opened {
                <p class="opened-notice" role="status" data-testid="opened-notice">{ notice }</p>
            }
            if let Some(message) = &*problem {
                <div class="notice" role="alert" data-testid="open-error">
                    <p>{ message }</p>
                    <button type="button" class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </div>
    }
}

/// While the page is open, a file dropped anywhere on it goes to `open`
/// (and the browser does not navigate away to show it).
#[hook]
fn use_dropped_files(open: Callback<File>) {
    // The newest callback, for listeners added once.
    let latest = use_mut_ref(|| open.clone());
    *latest.borrow_mut() = open;
    let open = latest;
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|event: web_sys::DragEvent| {
            if carries_files(&event) {
                event.prevent_default();
            }
        });
        let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |event: web_sys::DragEvent| {
            if !carries_files(&event) {
                return;
            }
            event.prevent_default();
            let file = event.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0));
            if let Some(file) = file {
                open.borrow().emit(file);
            }
        });
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
            let _ = w.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
                let _ = w.remove_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
            }
        }
    });
}

fn carries_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0))
}
