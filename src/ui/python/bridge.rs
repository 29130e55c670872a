//! The Rust side of `www/python/bridge.js`: the Python runtime and the
//! editor, both loaded on demand by that file. A run is one request with
//! one answer (`run`: its steps to one callback, how it ended to another,
//! as `worker_bridge::run` does for the Rust runs); what the runtime says
//! about itself (`Event`) goes to the open panel's one listener.
//!
//! Imported as a `raw_module` that scripts/build-python-assets.mjs copies
//! to the bundle's root as `python-bridge.js`, not as a `module = "/..."`
//! snippet: a crate with a local snippet makes wasm-bindgen read the
//! crate's package.json, which it refuses for the measuring worker's
//! `no-modules` build (the worker links this library too).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::outcome::Outcome;

/// Seconds a Python run may take before it is stopped, until the student
/// sets another limit: the program and then its checks, which run parts of
/// it again. 60, because live-monitor's own solution needs about 35 s in
/// the page (its monitor samples in real time, and its checks run the job
/// four more times); at 30 s it was stopped before any check could pass.
pub const DEFAULT_TIME_LIMIT: u32 = 60;

/// What the time-limit field made of what was typed in it
/// (python/panel.js's `readTimeLimit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeLimit {
    pub seconds: u32,
    /// Said beside the field when what was typed is not what is used.
    pub note: Option<String>,
}

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
        line_memory: bool,
        checks: bool,
        on_step: &JsValue,
        done: &JsValue,
    );
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

/// Every file a run needs (`files` of them) is in the service worker's
/// cache, or could not be put there.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Kept {
    pub stored: bool,
    pub files: u32,
}

pub fn snapshot() -> Snapshot {
    serde_wasm_bindgen::from_value(snapshot_js()).unwrap_or_default()
}

/// What the runtime says about itself, to the open panel (`pythonListen`).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Progress {
        loaded: f64,
        total: f64,
    },
    Ready {
        python: String,
        pointer_bytes: u32,
    },
    /// A worker was thrown away (Stop, the time limit, a runtime that
    /// broke) and no fresh one is ready yet.
    Starting,
    /// `offline`: for want of the network, with files this browser has not stored.
    LoadFailed {
        message: String,
        offline: bool,
    },
    /// Every file a run needs was put in the offline cache (or not: why).
    Offline {
        kept: Kept,
        message: Option<String>,
    },
}

/// What one run asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRequest {
    /// The exercise whose checks judge it.
    pub slug: String,
    pub source: String,
    pub time_limit_seconds: u32,
    /// Memory by line: the harness samples which lines hold memory.
    pub line_memory: bool,
    /// False: no checks (the reference program, profiled for comparison).
    pub checks: bool,
}

/// A step of one run, told to that run's own callback, in this order.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// It is executing.
    Started,
    /// What its plain run printed, in batches.
    Output { stderr: bool, text: String },
    /// The plain run ended (its output is in the console); the judged run
    /// (checks, Memory by line) runs next in a fresh interpreter.
    Checking,
}

/// How one run ended, told once.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    Result(Box<Outcome>),
    /// It could not complete; `fatal`: its runtime died (the message says a
    /// fresh one is starting).
    Failed {
        message: String,
        fatal: bool,
    },
    /// Stopped as asked (or another run took its place), or after the time
    /// limit (`Some(seconds)`).
    Stopped {
        time_limit: Option<f64>,
    },
}

/// Runs `request` in the Python runtime, after stopping any run going on:
/// `on_step` hears its steps, `done` once how it ended.
pub fn run(request: &RunRequest, on_step: impl Fn(Step) + 'static, done: impl FnOnce(End) + 'static) {
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
    let RunRequest { slug, source, time_limit_seconds, line_memory, checks } = request;
    run_js(slug, source, *time_limit_seconds, *line_memory, *checks, &step_js, &done);
}

/// Reads a plain object's fields, saying in words which one is wrong.
struct Fields<'a>(&'a JsValue, &'static str);

impl Fields<'_> {
    fn get(&self, name: &str) -> JsValue {
        js_sys::Reflect::get(self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }
    fn wrong(&self, name: &str, what: &str) -> String {
        format!("{} whose {name} is not {what}", self.1)
    }
    fn text(&self, name: &str) -> Result<String, String> {
        self.get(name).as_string().ok_or_else(|| self.wrong(name, "text"))
    }
    fn number(&self, name: &str) -> Result<f64, String> {
        self.get(name).as_f64().ok_or_else(|| self.wrong(name, "a number"))
    }
    fn flag(&self, name: &str) -> Result<bool, String> {
        self.get(name).as_bool().ok_or_else(|| self.wrong(name, "true or false"))
    }
    fn count(&self, name: &str) -> Result<u32, String> {
        self.get(name)
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
            .ok_or_else(|| self.wrong(name, "a whole number"))
    }
    fn absent(&self, name: &str) -> bool {
        let value = self.get(name);
        value.is_null() || value.is_undefined()
    }
    fn kind(&self) -> Result<String, String> {
        self.get("kind").as_string().ok_or_else(|| format!("{} without a kind", self.1))
    }
    fn unknown(&self, kind: &str) -> String {
        format!("{} of an unknown kind, \"{kind}\"", self.1)
    }
}

// Read field by field: serde's derive for these enums compiled to a 12 KB
// function before wasm-opt, 544 B of the first load after brotli; only the
// check's `Outcome` keeps one.
impl Event {
    pub fn from_js(value: &JsValue) -> Result<Event, String> {
        let f = Fields(value, "a message from the Python runtime");
        Ok(match f.kind()?.as_str() {
            "progress" => Event::Progress { loaded: f.number("loaded")?, total: f.number("total")? },
            "ready" => Event::Ready { python: f.text("python")?, pointer_bytes: f.count("pointerBytes")? },
            "starting" => Event::Starting,
            "load-failed" => {
                Event::LoadFailed { message: f.text("message")?, offline: f.get("offline").as_bool() == Some(true) }
            }
            "offline" => Event::Offline {
                kept: Kept { stored: f.flag("stored")?, files: f.count("files")? },
                message: if f.absent("message") { None } else { Some(f.text("message")?) },
            },
            other => return Err(f.unknown(other)),
        })
    }
}

impl Step {
    fn from_js(value: &JsValue) -> Result<Step, String> {
        let f = Fields(value, "a step of a Python run");
        Ok(match f.kind()?.as_str() {
            "started" => Step::Started,
            "checking" => Step::Checking,
            "output" => Step::Output { stderr: f.text("stream")? == "stderr", text: f.text("text")? },
            other => return Err(f.unknown(other)),
        })
    }
}

impl End {
    fn from_js(value: &JsValue) -> Result<End, String> {
        let f = Fields(value, "the end of a Python run");
        Ok(match f.kind()?.as_str() {
            // A result that cannot be read still ends its run, in words.
            "result" => match serde_wasm_bindgen::from_value(f.get("result")) {
                Ok(result) => End::Result(Box::new(result)),
                Err(error) => End::Failed {
                    message: format!(
                        "The program's result could not be read: {error}. Your text is kept; run it again."
                    ),
                    fatal: false,
                },
            },
            "failed" => match f.flag("fatal")? {
                true => End::Failed {
                    message: format!("{} A fresh Python runtime is starting; your text is kept.", f.text("message")?),
                    fatal: true,
                },
                false => End::Failed { message: f.text("message")?, fatal: false },
            },
            "stopped" => End::Stopped {
                time_limit: if f.text("reason")? == "time" && !f.absent("seconds") {
                    Some(f.number("seconds")?)
                } else {
                    None
                },
            },
            other => return Err(f.unknown(other)),
        })
    }
}
