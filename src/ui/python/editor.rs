//! The editor's side of the panel: what outlives renders (the CodeMirror
//! handle, the text, the closures JavaScript calls), mounting and
//! unmounting, and saving each change (`save_text`, through `storage`).
//!
//! Rule: never call into the editor while `Shared` is borrowed. `setText`
//! calls `on_change` synchronously, which borrows `Shared` again.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use super::bridge::{self, Editor};
use super::messages::RunRequest;
use super::saved_line::{show, SaveState};
use super::state::{Action, OtherText, PanelState};
use super::storage::{self, Saving, Wrote};
use crate::page::latest::Latest;

/// What JavaScript calls back: `on_change(text)` and `on_run()`.
type EditorCallbacks = (Closure<dyn FnMut(String)>, Closure<dyn FnMut()>);

pub struct Shared {
    pub editor: Option<Editor>,
    /// The editor's text, kept in step by `on_change`.
    pub text: String,
    pub time_limit: u32,
    /// Sample which lines hold memory (the toolbar's switch).
    pub line_memory: bool,
    pub can_save: bool,
    /// The last save's error, so the panel is told only when it changes.
    pub save_error: Option<String>,
    /// This tab, as the saved values name it (a new one each page load).
    pub tab: String,
    /// The text this tab last saved or chose: a stored text other than this
    /// is another tab's, not written over (`storage::save`).
    pub base: Option<String>,
    /// The text the editor opened with.
    pub loaded: String,
    /// Counts saves: a save's "Saved" is shown only if no later one began.
    pub save_seq: u32,
    /// The line under the editor that says whether the text is saved.
    pub saved_line: NodeRef,
    /// The panel's, once it is there (saves tell it where they went).
    pub dispatcher: Option<UseReducerDispatcher<PanelState>>,
    /// Whether the student's latest run, and the reference program's
    /// latest profile, are still wanted (`runs::start`).
    pub latest: Latest,
    closures: Option<EditorCallbacks>,
}

pub type SharedRef = Rc<RefCell<Shared>>;

impl Shared {
    /// `base`: the saved text the editor opens with, if any.
    pub fn new(text: String, base: Option<String>, can_save: bool) -> Self {
        let tab = format!("{:08x}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
        Shared {
            editor: None,
            loaded: text.clone(),
            text,
            time_limit: bridge::DEFAULT_TIME_LIMIT,
            line_memory: true,
            can_save,
            save_error: None,
            tab,
            base,
            save_seq: 0,
            saved_line: NodeRef::default(),
            dispatcher: None,
            latest: Latest::default(),
            closures: None,
        }
    }
}

/// The text to run: the editor's, or what it was last time it changed.
pub fn current_text(shared: &SharedRef) -> String {
    let (editor, text) = {
        let s = shared.borrow();
        (s.editor.clone(), s.text.clone())
    };
    editor.map(|e| e.text()).unwrap_or(text)
}

/// What Run Python would ask now: the editor's text, the time limit and
/// Memory by line's switch, against `slug`'s checks.
pub fn request_now(shared: &SharedRef, slug: &str) -> RunRequest {
    let source = current_text(shared);
    let s = shared.borrow();
    RunRequest {
        slug: slug.to_string(),
        source,
        time_limit_seconds: s.time_limit,
        line_memory: s.line_memory,
        checks: true,
    }
}

/// Puts `text` in the editor as one undoable change (saved by `on_change`).
pub fn replace_text(shared: &SharedRef, slug: &str, text: &str) {
    let editor = shared.borrow().editor.clone();
    match editor {
        Some(editor) => editor.set_text(text),
        None => {
            shared.borrow_mut().text = text.to_string();
            save_text(shared, slug, text);
        }
    }
}

/// Saves `text` (the editor's, after a change) for `slug` and tells the
/// panel (see `saving.rs` for what it says). No borrow of `Shared` is held
/// while the panel is told anything: a dispatch may render at once, and
/// rendering borrows it.
pub fn save_text(shared: &SharedRef, slug: &str, text: &str) {
    let (can_save, tab, base) = {
        let s = shared.borrow();
        (s.can_save, s.tab.clone(), s.base.clone())
    };
    if can_save {
        let saved = storage::save(slug, &tab, base.as_deref(), text);
        after_save(shared, text, saved);
    }
}

/// Tells the panel where a save went, and the line under the editor when
/// its second copy is on disk (if no later save has begun by then).
pub fn after_save(shared: &SharedRef, text: &str, saved: Result<Saving, String>) {
    let error = saved.as_ref().err().cloned();
    let (dispatcher, changed, line, seq) = {
        let mut s = shared.borrow_mut();
        let changed = s.save_error != error;
        s.save_error = error.clone();
        s.save_seq += 1;
        if matches!(saved, Ok(Saving { wrote: Wrote::Main, .. })) {
            s.base = Some(text.to_string());
        }
        (s.dispatcher.clone(), changed, s.saved_line.clone(), s.save_seq)
    };
    let Some(dispatcher) = dispatcher else { return };
    if changed {
        dispatcher.dispatch(Action::Unsaved(error));
    }
    let saving = match saved {
        Ok(saving) => saving,
        Err(_) => return show(&line, SaveState::NotSaved),
    };
    if let Wrote::Aside { theirs } = saving.wrote {
        dispatcher.dispatch(Action::OtherTab(Some(OtherText { text: theirs, aside: None })));
        return show(&line, SaveState::Aside);
    }
    show(&line, SaveState::Saving);
    let shared = shared.clone();
    spawn_local(async move {
        let done = match JsFuture::from(saving.durable).await {
            Ok(_) => SaveState::Saved,
            Err(why) => SaveState::Shallow(why.as_string().unwrap_or_else(|| "the browser refused it".into())),
        };
        if shared.borrow().save_seq == seq {
            show(&line, done);
        }
    });
}

/// Loads the editor module (once per page load) and mounts it in `host`;
/// with `focus`, the editor takes the focus once it is there (the student
/// opened it: focus must not drop to `<body>` when the Open button goes).
pub fn mount(
    host: &NodeRef,
    shared: &SharedRef,
    slug: AttrValue,
    dispatcher: UseReducerDispatcher<PanelState>,
    run: Callback<()>,
    focus: bool,
) {
    let Some(parent) = host.cast::<web_sys::Element>() else { return };
    let on_change = {
        let (shared, slug) = (shared.clone(), slug.clone());
        Closure::<dyn FnMut(String)>::new(move |text: String| {
            shared.borrow_mut().text = text.clone();
            save_text(&shared, &slug, &text);
            bridge::prepare(&request_now(&shared, &slug));
        })
    };
    let on_run = Closure::<dyn FnMut()>::new(move || run.emit(()));
    let on_ready = {
        let (shared, ready_slug) = (shared.clone(), slug.clone());
        let dispatcher = dispatcher.clone();
        Closure::once_into_js(move |handle: JsValue| {
            let editor: Editor = handle.unchecked_into();
            // Text that came while the editor loaded (a crash's copy brought
            // back as a reopened panel mounts) is what it shows.
            let text = shared.borrow().text.clone();
            if editor.text() != text {
                editor.set_text(&text);
            }
            if focus {
                editor.focus();
            }
            shared.borrow_mut().editor = Some(editor);
            bridge::prepare(&request_now(&shared, &ready_slug));
            dispatcher.dispatch(Action::EditorReady);
        })
    };
    let on_error = Closure::once_into_js(move |message: String| dispatcher.dispatch(Action::EditorFailed(message)));
    let text = shared.borrow().text.clone();
    bridge::mount_editor(
        &parent,
        &text,
        "Your Python program, solution.py",
        on_change.as_ref().unchecked_ref(),
        on_run.as_ref().unchecked_ref(),
        &on_ready,
        &on_error,
    );
    shared.borrow_mut().closures = Some((on_change, on_run));
}

/// Destroys the editor, then lets its closures go.
pub fn unmount(shared: &SharedRef) {
    let editor = shared.borrow_mut().editor.take();
    if let Some(editor) = editor {
        editor.destroy();
    }
    shared.borrow_mut().closures = None;
}
