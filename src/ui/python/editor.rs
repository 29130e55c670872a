//! The editor's side of the panel: what outlives renders (the CodeMirror
//! handle, the text, the closures JavaScript calls), mounting and unmounting.
//!
//! Rule: never call into the editor while `Shared` is borrowed. `setText`
//! calls `on_change` synchronously, which borrows `Shared` again.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::bridge::{self, Editor};
use super::state::Action;
use super::storage;

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
    closures: Option<EditorCallbacks>,
}

pub type SharedRef = Rc<RefCell<Shared>>;

impl Shared {
    pub fn new(text: String, can_save: bool) -> Self {
        Shared { editor: None, text, time_limit: 30, line_memory: true, can_save, save_error: None, closures: None }
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

/// Puts `text` in the editor as one undoable change (saved by `on_change`).
pub fn replace_text(shared: &SharedRef, slug: &str, text: &str) {
    let editor = shared.borrow().editor.clone();
    match editor {
        Some(editor) => editor.set_text(text),
        None => {
            let can_save = {
                let mut s = shared.borrow_mut();
                s.text = text.to_string();
                s.can_save
            };
            if can_save {
                // The panel is closed here (no editor): a failure shows when it opens and saves again.
                shared.borrow_mut().save_error = storage::save(slug, text).err();
            }
        }
    }
}

/// Loads the editor module (once per page load) and mounts it in `host`;
/// with `focus`, the editor takes the focus once it is there (the student
/// opened it: focus must not drop to `<body>` when the Open button goes).
pub fn mount(
    host: &NodeRef,
    shared: &SharedRef,
    slug: AttrValue,
    dispatcher: UseReducerDispatcher<super::state::PanelState>,
    run: Callback<()>,
    focus: bool,
) {
    let Some(parent) = host.cast::<web_sys::Element>() else { return };
    let on_change = {
        let shared = shared.clone();
        let dispatcher = dispatcher.clone();
        Closure::<dyn FnMut(String)>::new(move |text: String| {
            let can_save = {
                let mut s = shared.borrow_mut();
                s.text = text.clone();
                s.can_save
            };
            if can_save {
                let error = storage::save(&slug, &text).err();
                let changed = shared.borrow().save_error != error;
                if changed {
                    shared.borrow_mut().save_error = error.clone();
                    dispatcher.dispatch(Action::Unsaved(error));
                }
            }
        })
    };
    let on_run = Closure::<dyn FnMut()>::new(move || run.emit(()));
    let on_ready = {
        let shared = shared.clone();
        let dispatcher = dispatcher.clone();
        Closure::once_into_js(move |handle: JsValue| {
            let editor: Editor = handle.unchecked_into();
            if focus {
                editor.focus();
            }
            shared.borrow_mut().editor = Some(editor);
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

/// Reads the file chosen in `input` into the editor.
pub fn open_file(
    input: &web_sys::HtmlInputElement,
    shared: &SharedRef,
    slug: AttrValue,
    dispatcher: UseReducerDispatcher<super::state::PanelState>,
) {
    let on_text = {
        let shared = shared.clone();
        let dispatcher = dispatcher.clone();
        Closure::once_into_js(move |name: String, text: String| {
            replace_text(&shared, &slug, &text);
            dispatcher.dispatch(Action::Notice(Some(format!(
                "Loaded {name} into the editor. Ctrl+Z (Cmd+Z) in the editor brings back what was there."
            ))));
        })
    };
    let on_error = Closure::once_into_js(move |message: String| dispatcher.dispatch(Action::Notice(Some(message))));
    bridge::read_file(input, &on_text, &on_error);
}
