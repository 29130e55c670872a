//! What the panel's buttons do, apart from Run and Stop (`super::runs`):
//! replace the text (asking first), open a file, the time limit, download,
//! copy a link with the code, go to the Rust side, and Memory by line's
//! switch, line links and the reference program's profile.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::bridge;
use super::editor::{self, SharedRef};
use super::runs;
use super::share_code;
use super::state::{Action, PanelState, Replace};

pub struct Controls {
    pub profile_reference: Callback<()>,
    pub go_to_line: Callback<u32>,
    pub on_line_memory: Callback<bool>,
    pub on_replace: Callback<Replace>,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_file: Callback<web_sys::HtmlInputElement>,
    pub on_time_limit: Callback<bridge::TimeLimit>,
    pub download: Callback<MouseEvent>,
    pub to_rust: Callback<MouseEvent>,
    pub copy_link: Callback<MouseEvent>,
}

pub fn controls(
    shared: &SharedRef,
    state: &UseReducerHandle<PanelState>,
    slug: &AttrValue,
    starter: &str,
    solution: &AttrValue,
) -> Controls {
    let (starter, solution_text) = (starter.to_string(), solution.clone());
    let profile_reference = runs::profile_reference(shared, state, slug, solution);
    let (go_to_line, on_line_memory) = line_controls(shared, state, slug);

    // Replacing the text asks first, unless nothing would change.
    let target = {
        let (starter, solution) = (starter.clone(), solution_text.to_string());
        move |what: Replace| match what {
            Replace::Starter => starter.clone(),
            Replace::Solution => solution.clone(),
        }
    };
    let on_replace = {
        let (shared, state, target) = (shared.clone(), state.clone(), target.clone());
        Callback::from(move |what: Replace| {
            if editor::current_text(&shared) != target(what) {
                state.dispatch(Action::Ask(Some(what)));
            }
        })
    };
    let on_confirm = {
        let (shared, state, slug) = (shared.clone(), state.clone(), slug.clone());
        Callback::from(move |_: ()| {
            let Some(what) = state.confirm else { return };
            editor::replace_text(&shared, &slug, &target(what));
            let name = if what == Replace::Starter { "the starter code" } else { "our solution" };
            state.dispatch(Action::Ask(None));
            state.dispatch(Action::Notice(Some(format!(
                "The editor now holds {name}. Ctrl+Z (Cmd+Z) in the editor brings your text back."
            ))));
        })
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Ask(None)))
    };
    let on_file = {
        let (shared, slug, dispatcher) = (shared.clone(), slug.clone(), state.dispatcher());
        Callback::from(move |input: web_sys::HtmlInputElement| {
            open_file(&input, &shared, slug.clone(), dispatcher.clone())
        })
    };
    let on_time_limit = {
        let (shared, state, slug) = (shared.clone(), state.clone(), slug.clone());
        Callback::from(move |read: bridge::TimeLimit| {
            shared.borrow_mut().time_limit = read.seconds;
            bridge::prepare(&editor::request_now(&shared, &slug));
            state.dispatch(Action::TimeLimit(read));
        })
    };
    // The text as it is now, as a file: what the student keeps when the
    // browser will not store it.
    let download = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let text = editor::current_text(&shared);
            if let Err(error) = crate::ui::download::download_text(&text, "text/x-python", &format!("{slug}.py")) {
                state.dispatch(Action::Notice(Some(error)));
            }
        })
    };

    // The Rust side is a click away: focus (and so scroll to) its Run button.
    let to_rust = Callback::from(|_: MouseEvent| {
        let run = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=run-button]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(run) = run {
            let _ = run.focus();
        }
    });
    let copy_link = {
        let (shared, dispatcher, slug) = (shared.clone(), state.dispatcher(), slug.clone());
        Callback::from(move |_: MouseEvent| {
            let editor = shared.borrow().editor.clone();
            let (text, dispatcher, slug) = (editor::current_text(&shared), dispatcher.clone(), slug.clone());
            if let Some(editor) = editor {
                wasm_bindgen_futures::spawn_local(async move {
                    dispatcher.dispatch(Action::Share(share_code::copy_link(editor, &slug, &text).await))
                });
            }
        })
    };
    Controls {
        profile_reference,
        go_to_line,
        on_line_memory,
        on_replace,
        on_confirm,
        on_cancel,
        on_file,
        on_time_limit,
        download,
        to_rust,
        copy_link,
    }
}

/// Memory by line's controls: a line number taking the editor there, and
/// the switch.
fn line_controls(
    shared: &SharedRef,
    state: &UseReducerHandle<PanelState>,
    slug: &AttrValue,
) -> (Callback<u32>, Callback<bool>) {
    let go_to_line = {
        let shared = shared.clone();
        Callback::from(move |n: u32| {
            let editor = shared.borrow().editor.clone();
            if let Some(editor) = editor {
                editor.go_to_line(n);
            }
        })
    };
    let on_line_memory = {
        let (shared, state, slug) = (shared.clone(), state.clone(), slug.clone());
        Callback::from(move |on: bool| {
            shared.borrow_mut().line_memory = on;
            bridge::prepare(&editor::request_now(&shared, &slug));
            state.dispatch(Action::LineMemory(on));
        })
    };

    (go_to_line, on_line_memory)
}

/// Reads the file chosen in `input` into the editor: python/panel.js's
/// `openFile` checks its size first (a file too large is refused before a
/// byte of it is read), then decodes it (UTF-8, or UTF-16 converted) and
/// says what it did, or why not.
fn open_file(
    input: &web_sys::HtmlInputElement,
    shared: &SharedRef,
    slug: AttrValue,
    dispatcher: UseReducerDispatcher<PanelState>,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    input.set_value(""); // choosing the same file again loads it again
    let shared = shared.clone();
    let read = bridge::panel("openFile", &file, &JsValue::UNDEFINED);
    wasm_bindgen_futures::spawn_local(async move {
        let notice = match wasm_bindgen_futures::JsFuture::from(read).await {
            Ok(read) => {
                if let Some(text) = bridge::field(&read, "text").as_string() {
                    editor::replace_text(&shared, &slug, &text);
                }
                bridge::field(&read, "notice").as_string()
            }
            Err(why) => why.as_string(),
        };
        dispatcher.dispatch(Action::Notice(notice));
    });
}
