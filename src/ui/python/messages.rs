//! What a Python run asks for and what the runtime answers, read from
//! python-bridge.js's plain objects into Rust (`super::bridge` sends and
//! listens); the types are `page::panel::messages`, natively tested.

use wasm_bindgen::JsValue;

pub use crate::page::panel::messages::{End, Event, Kept, RunRequest, Step};

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
    pub(super) fn from_js(value: &JsValue) -> Result<Step, String> {
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
    pub(super) fn from_js(value: &JsValue) -> Result<End, String> {
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
