//! The Rust side of `www/python/bridge.js`: the Python runtime and the
//! editor, both loaded on demand by that file, and the events it sends,
//! as plain data.
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
    /// Queues a run; the id comes back in its events (`checks` false: the reference program).
    #[wasm_bindgen(js_name = pythonRun)]
    pub fn run(slug: &str, source: &str, time_limit_seconds: f64, line_memory: bool, checks: bool) -> u32;
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

/// A message from the Python worker, `{ kind: "output", id, ... }`.
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
    Started {
        id: u32,
    },
    /// The plain run ended (its output is in the console); the judged run
    /// (checks, Memory by line) runs next in a fresh interpreter.
    Checking {
        id: u32,
    },
    Output {
        id: u32,
        stream: String,
        text: String,
    },
    Result {
        id: u32,
        result: Box<Outcome>,
    },
    Failed {
        id: Option<u32>,
        message: String,
        fatal: bool,
    },
    Stopped {
        id: u32,
        reason: String,
        seconds: Option<f64>,
    },
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

impl Event {
    /// Reads `{ kind, ...fields }` field by field. (serde's derive for
    /// this enum compiled to a 12 KB function before wasm-opt, 544 B of
    /// the first load after brotli; only the check's `Outcome` keeps one.)
    pub fn from_js(value: JsValue) -> Result<Event, String> {
        let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let wrong = |name: &str, what: &str| format!("a message from the Python worker whose {name} is not {what}");
        let text = |name: &str| field(name).as_string().ok_or_else(|| wrong(name, "text"));
        let number = |name: &str| field(name).as_f64().ok_or_else(|| wrong(name, "a number"));
        let count = |name: &str| {
            field(name)
                .as_f64()
                .filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n))
                .map(|n| n as u32)
                .ok_or_else(|| wrong(name, "a whole number"))
        };
        let absent = |name: &str| field(name).is_null() || field(name).is_undefined();
        let kind = field("kind").as_string().ok_or("a message from the Python worker without a kind")?;
        Ok(match kind.as_str() {
            "progress" => Event::Progress { loaded: number("loaded")?, total: number("total")? },
            "ready" => Event::Ready { python: text("python")?, pointer_bytes: count("pointerBytes")? },
            "started" => Event::Started { id: count("id")? },
            "checking" => Event::Checking { id: count("id")? },
            "output" => Event::Output { id: count("id")?, stream: text("stream")?, text: text("text")? },
            // A result that cannot be read still ends its run, in words.
            "result" => match serde_wasm_bindgen::from_value(field("result")) {
                Ok(result) => Event::Result { id: count("id")?, result: Box::new(result) },
                Err(error) => Event::Failed {
                    id: Some(count("id")?),
                    message: format!(
                        "The program's result could not be read: {error}. Your text is kept; run it again."
                    ),
                    fatal: false,
                },
            },
            "failed" => Event::Failed {
                id: if absent("id") { None } else { Some(count("id")?) },
                message: text("message")?,
                fatal: field("fatal").as_bool().ok_or_else(|| wrong("fatal", "true or false"))?,
            },
            "stopped" => Event::Stopped {
                id: count("id")?,
                reason: text("reason")?,
                seconds: if absent("seconds") { None } else { Some(number("seconds")?) },
            },
            "load-failed" => {
                Event::LoadFailed { message: text("message")?, offline: field("offline").as_bool() == Some(true) }
            }
            "offline" => Event::Offline {
                kept: Kept {
                    stored: field("stored").as_bool().ok_or_else(|| wrong("stored", "true or false"))?,
                    files: count("files")?,
                },
                message: if absent("message") { None } else { Some(text("message")?) },
            },
            other => return Err(format!("a message from the Python worker of an unknown kind, \"{other}\"")),
        })
    }
}
