//! The Rust side of `www/python/bridge.js`: the Python runtime and the
//! editor, both loaded on demand by that file. A run is one request with
//! one answer (`run`: its steps to one callback, how it ended to another,
//! as `worker_bridge::run` does for the Rust runs); what the runtime says
//! about itself (`messages::Event`) goes to the open panel's one listener.
//!
//! Imported as a `raw_module` that scripts/build-python-assets.mjs copies
//! to the bundle's root as `python-bridge.js`, not as a `module = "/..."`
//! snippet: a crate with a local snippet makes wasm-bindgen read the
//! crate's package.json, which it refuses for the measuring worker's
//! `no-modules` build (the worker links this library too).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::messages::{End, Kept, RunRequest, Step};

pub use crate::page::panel::state::{TimeLimit, DEFAULT_TIME_LIMIT};

/// The field `name` of a plain object python/panel.js returned.
pub fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default()
}

#[wasm_bindgen(raw_module = "./python-bridge.js")]
extern "C" {
    #[wasm_bindgen(js_name = pythonListen)]
    pub fn listen(listener: &js_sys::Function);
    #[wasm_bindgen(js_name = pythonUnlisten)]
    pub fn unlisten(listener: &js_sys::Function);
    #[wasm_bindgen(js_name = pythonSnapshot)]
    fn snapshot_js() -> JsValue;
    /// Starts loading the runtime (download, then a worker) if nothing has.
    #[wasm_bindgen(js_name = pythonWarm)]
    pub fn warm();
    #[wasm_bindgen(js_name = pythonRun)]
    #[allow(clippy::too_many_arguments)]
    fn run_js(
        slug: &str,
        source: &str,
        time_limit_seconds: u32,
        checks_time_limit_seconds: u32,
        line_memory: bool,
        checks: bool,
        on_step: &JsValue,
        done: &JsValue,
        profiled: &JsValue,
    );
    #[wasm_bindgen(js_name = pythonPrepare)]
    fn prepare_js(slug: &str, source: &str, time_limit_seconds: u32, checks_time_limit_seconds: u32, line_memory: bool);
    #[wasm_bindgen(js_name = pythonStop)]
    pub fn stop();
    /// Calls `name` of python/panel.js (loaded when the panel opens, not in
    /// the first load) with two arguments; a promise of what it returns.
    #[wasm_bindgen(js_name = pythonPanel)]
    pub fn panel(name: &str, a: &JsValue, b: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = pythonEditor)]
    pub fn mount_editor(
        parent: &web_sys::Element,
        text: &str,
        label: &str,
        on_change: &js_sys::Function,
        on_run: &js_sys::Function,
        on_ready: &JsValue,
        on_error: &JsValue,
    );

    /// A mounted CodeMirror editor (`createEditor` in editor.src.js).
    #[derive(Clone)]
    pub type Editor;
    #[wasm_bindgen(method, js_name = getText)]
    pub fn text(this: &Editor) -> String;
    /// One undoable change.
    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &Editor, text: &str);
    #[wasm_bindgen(method)]
    pub fn focus(this: &Editor);
    #[wasm_bindgen(method)]
    pub fn destroy(this: &Editor);
    #[wasm_bindgen(method, js_name = setLineMemory)]
    pub fn set_line_memory(this: &Editor, marks: &JsValue);
    /// The cursor to line `n`'s start, in view, focused.
    #[wasm_bindgen(method, js_name = goToLine)]
    pub fn go_to_line(this: &Editor, n: u32);
    /// Marks line `n` where the program stopped with `message`, in the
    /// editor's view, its `traceback`'s lines as buttons (0 clears).
    #[wasm_bindgen(method, js_name = showError)]
    pub fn show_error(this: &Editor, n: u32, message: &str, traceback: &str);
    /// The text compressed for a link's fragment (base64url of deflate-raw): a string, later.
    #[wasm_bindgen(method, js_name = packCode)]
    pub fn pack_code(this: &Editor, text: &str) -> js_sys::Promise;
    /// `pack_code`'s inverse: the text, or the sentence saying why not.
    #[wasm_bindgen(method, js_name = unpackCode)]
    pub fn unpack_code(this: &Editor, packed: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(message: &str);
}

/// What the runtime looks like right now (a panel opening mid-load).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Snapshot {
    pub ready: bool,
    pub python: Option<String>,
    pub pointer_bytes: Option<u32>,
    pub loaded: Option<f64>,
    pub total: Option<f64>,
    pub memory_limit: f64,
    /// Whether every file a run needs is kept for offline use (None: not tried yet).
    pub offline_stored: Option<bool>,
    pub offline_files: u32,
}

impl Snapshot {
    pub fn kept(&self) -> Option<Kept> {
        self.offline_stored.map(|stored| Kept { stored, files: self.offline_files })
    }
}

pub fn snapshot() -> Snapshot {
    serde_wasm_bindgen::from_value(snapshot_js()).unwrap_or_default()
}

/// Runs `request` in the Python runtime, after stopping any run going on:
/// `on_step` hears its steps, `done` once how it ended, `profiled` once
/// after it how Memory by line's run ended (None: no such run followed).
/// The text Run Python would run now (`request`): judged ahead once it has
/// stayed so for a moment (runtime.js `prepare`), so that Run finds its
/// verdict ready or under way.
pub fn prepare(request: &RunRequest) {
    let RunRequest { slug, source, time_limit_seconds, line_memory, .. } = request;
    let checks_time_limit = crate::page::panel::state::checks_time_limit(*time_limit_seconds);
    prepare_js(slug, source, *time_limit_seconds, checks_time_limit, *line_memory);
}

pub fn run(
    request: &RunRequest,
    on_step: impl Fn(Step) + 'static,
    done: impl FnOnce(End) + 'static,
    profiled: impl FnOnce(Option<End>) + 'static,
) {
    let on_step = Closure::<dyn Fn(JsValue)>::new(move |value: JsValue| match Step::from_js(&value) {
        Ok(step) => on_step(step),
        Err(error) => console_error(&format!("python panel: unreadable step: {error}")),
    });
    let step_js: JsValue = on_step.as_ref().clone();
    // The steps' closure lives until the run has ended.
    let done = Closure::once_into_js(move |value: JsValue| {
        drop(on_step);
        done(End::from_js(&value).unwrap_or_else(|message| End::Failed { message, fatal: false }));
    });
    let profiled = Closure::once_into_js(move |value: JsValue| {
        profiled(
            (!value.is_null())
                .then(|| End::from_js(&value).unwrap_or_else(|message| End::Failed { message, fatal: false })),
        );
    });
    let RunRequest { slug, source, time_limit_seconds, line_memory, checks } = request;
    let checks_time_limit = crate::page::panel::state::checks_time_limit(*time_limit_seconds);
    run_js(slug, source, *time_limit_seconds, checks_time_limit, *line_memory, *checks, &step_js, &done, &profiled);
}
