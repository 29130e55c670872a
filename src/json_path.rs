//! Where a byte of a JSON text is: the keys and indices that lead to it
//! (`variants[0].measurement.peak_bytes`), and how deeply the text nests.
//!
//! serde_json says where it stopped as a line and column only; a results
//! file's reader names the field instead (`export::ReadError`). This is a
//! scanner, not a parser: it trusts the text up to that point to be JSON
//! (the parser got that far), and gives up quietly on anything else.

/// One step down from the top of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// Inside an object: the key last read (none before the first).
    Key(Option<String>),
    /// Inside a list: the item's index.
    Index(usize),
}

/// The path to byte `offset` of `text`, as `a.b[2].c` (empty at the top
/// level). Inside an object, the path ends with the key last read, whose
/// value the offset is in or just after; a path to a list ends with the
/// index of the item being read.
pub fn path_at(text: &str, offset: usize) -> String {
    let mut steps: Vec<Step> = Vec::new();
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut i = 0;
    // A string just read, and whether it is a key (followed by ':').
    let mut last_string: Option<String> = None;
    while i < end {
        match bytes[i] {
            b'"' => {
                let (string, next) = read_string(text, i);
                last_string = Some(string);
                i = next;
                continue;
            }
            b':' => {
                if let Some(Step::Key(key)) = steps.last_mut() {
                    *key = last_string.take();
                }
            }
            b'{' => steps.push(Step::Key(None)),
            b'[' => steps.push(Step::Index(0)),
            b'}' | b']' => {
                steps.pop();
            }
            b',' => {
                if let Some(Step::Index(index)) = steps.last_mut() {
                    *index += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    // A key read but its ':' not yet reached (a key named twice stops there).
    if let (Some(Step::Key(key)), Some(string)) = (steps.last_mut(), last_string) {
        if is_key_before(bytes, end) {
            *key = Some(string);
        }
    }
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key);
            }
            Step::Key(None) => {}
            Step::Index(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Whether the next thing after `at` (past blanks) is a ':'.
fn is_key_before(bytes: &[u8], at: usize) -> bool {
    bytes[at.min(bytes.len())..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':')
}

/// The string starting at the quote at `start`, unescaped well enough to
/// name a key, and the index just past its closing quote.
fn read_string(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    let inner = text.get(start + 1..i.min(bytes.len())).unwrap_or("");
    (inner.replace("\\\"", "\"").replace("\\\\", "\\"), (i + 1).min(bytes.len()))
}

/// The deepest nesting of lists and objects in `text` (0 for a lone value):
/// one pass, whatever the text.
pub fn depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = read_string_end(bytes, i);
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    deepest
}

/// The index just past the string whose opening quote is at `start`.
fn read_string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    (i + 1).min(bytes.len())
}

/// The byte offset of a 1-based line and column as serde_json counts them
/// (the column in bytes; 0 before the line's first byte).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_after(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn paths_name_keys_and_indices() {
        let text = r#"{"format": "x", "variants": [{"id": "a", "label": 42}, {"measurement": {"peak_bytes": -1}}]}"#;
        assert_eq!(path_after(text, "\"x\""), "format");
        assert_eq!(path_after(text, "42"), "variants[0].label");
        assert_eq!(path_after(text, "-1"), "variants[1].measurement.peak_bytes");
        // Just after an object closes: the key whose value it was.
        assert_eq!(path_after(text, "-1}"), "variants[1].measurement");
        assert_eq!(path_at(text, 0), "");
        assert_eq!(path_at(text, text.len()), "");
    }

    #[test]
    fn lists_count_their_items_and_strings_hide_brackets() {
        let text = r#"{"timeline": [1, "a,]{", 3.5], "t\"x": [[], [0, 7]]}"#;
        assert_eq!(path_after(text, "3.5"), "timeline[2]");
        assert_eq!(path_after(text, "7"), "t\"x[1][1]");
    }

    #[test]
    fn a_key_named_twice_is_named() {
        let text = r#"{"v": [{"id": "a", "id": "b"}]}"#;
        let second = text.rfind("\"id\"").unwrap() + 4;
        assert_eq!(path_at(text, second), "v[0].id");
    }

    #[test]
    fn depth_counts_nesting_outside_strings() {
        assert_eq!(depth("1"), 0);
        assert_eq!(depth(r#"{"a": [[1], {"b": "[[[[[\"["}]}"#), 3);
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(depth(&deep), 100_000);
    }

    #[test]
    fn lines_and_columns_are_offsets() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(&text[offset_of(text, 3, 7)..offset_of(text, 3, 8)], "x");
        assert_eq!(offset_of(text, 1, 1), 1);
    }
}
