//! Memory by line: which lines of the student's program held the
//! traced memory at its peak, from tracemalloc snapshots the harness took
//! while the program ran (`_LineMemory` in www/python/heapwise_check/line_memory.py);
//! the same figures as marks in the editor's gutter, a timeline of the
//! traced bytes, and the reference program's lines beside them. Here: the
//! figures as the harness sends them and the gutter's marks; the table,
//! timeline and comparison are in `lines_view`.

pub use crate::page::panel::lines::{LineMemory, LineRow, Reference};
use crate::units::{grouped, human_bytes};

/// Rows the table shows; the gutter marks every line the snapshot names.
pub const TABLE_ROWS: usize = 10;
/// Lines marked as the ones to look at first.
const TOP_MARKS: usize = 3;

pub fn blocks(n: f64) -> String {
    let n = n.round() as i64;
    format!("{} block{}", grouped(n), if n == 1 { "" } else { "s" })
}

/// The marks for the editor's gutter, as `setLineMemory` in editor.src.js
/// takes them (`{ line, bytes, label, detail, share, top }`): every line
/// with bytes at the peak. Built by hand: a serializer would cost the
/// first load more than this.
pub fn gutter_marks(memory: &LineMemory) -> wasm_bindgen::JsValue {
    let largest = memory.lines.first().map_or(1.0, |r| r.bytes.max(1.0));
    let marks = js_sys::Array::new();
    for (i, r) in memory.lines.iter().enumerate().filter(|(_, r)| r.bytes > 0.0) {
        {
            let end = match (r.end_bytes, r.end_count) {
                (Some(bytes), Some(count)) => {
                    format!("; at the end of the run: {} in {}", human_bytes(bytes as i64), blocks(count))
                }
                _ => String::new(),
            };
            let detail = format!(
                "Line {}: {} bytes in {} held at the peak{end}",
                r.line,
                grouped(r.bytes as i64),
                blocks(r.count)
            );
            let mark = js_sys::Object::new();
            let set = |key: &str, value: wasm_bindgen::JsValue| {
                let _ = js_sys::Reflect::set(&mark, &key.into(), &value);
            };
            set("line", r.line.into());
            set("bytes", r.bytes.into());
            set("label", human_bytes(r.bytes as i64).into());
            set("detail", detail.into());
            set("share", (r.bytes / largest).into());
            set("top", (i < TOP_MARKS).into());
            marks.push(&mark);
        }
    }
    marks.into()
}

/// The text of line `n` (1-based) of `source`, trimmed and shortened.
pub fn code_of(source: &str, n: u32) -> String {
    let text = source.lines().nth(n.saturating_sub(1) as usize).unwrap_or("").trim();
    if text.chars().count() > 60 {
        format!("{}\u{2026}", text.chars().take(59).collect::<String>())
    } else {
        text.to_string()
    }
}

pub fn share(part: f64, whole: f64) -> String {
    if whole <= 0.0 {
        return "\u{2013}".to_string();
    }
    let percent = part / whole * 100.0;
    if percent >= 10.0 {
        format!("{percent:.0}%")
    } else {
        format!("{percent:.1}%")
    }
}
