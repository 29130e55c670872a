//! Colours for the code the page shows, computed at compile time by
//! `build.rs` (syntect) as runs over each file, each packed in a `u32` as
//! `bytes << 3 | class`.
//!
//! The text itself always comes from the caller (the `include_str!` of the
//! file that was compiled); these runs only say how to colour it, and are
//! refused if they do not cover it exactly.

#[path = "highlight_class.rs"]
mod class;

pub use class::Class;

impl Class {
    /// The CSS class the page uses.
    pub fn css(self) -> &'static str {
        match self {
            Class::Plain => "",
            Class::Comment => "hl-comment",
            Class::Str => "hl-string",
            Class::Number => "hl-number",
            Class::Type => "hl-type",
            Class::Function => "hl-function",
            Class::Macro => "hl-macro",
            Class::Keyword => "hl-keyword",
        }
    }
}

/// `text` cut into classed pieces by `runs`; `None` when the runs do not
/// fit `text` exactly.
pub fn pieces<'a>(runs: &[u32], text: &'a str) -> Option<Vec<(&'a str, Class)>> {
    let mut pieces = Vec::with_capacity(runs.len());
    let mut at = 0usize;
    for &run in runs {
        let end = at.checked_add((run >> 3) as usize)?;
        pieces.push((text.get(at..end)?, Class::from_code((run & 7) as u8)));
        at = end;
    }
    (at == text.len() && !runs.is_empty()).then_some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::REGISTRY;

    #[test]
    fn every_shown_file_is_coloured_and_covered_exactly() {
        for entry in REGISTRY {
            let text = entry.text();
            let module = entry.module_path();
            let rust = pieces(text.source_runs, text.source).unwrap_or_else(|| panic!("no exact runs for {module}"));
            assert_eq!(rust.iter().map(|(p, _)| *p).collect::<String>(), text.source);
            for class in [Class::Comment, Class::Keyword, Class::Str] {
                assert!(rust.iter().any(|(_, c)| *c == class), "{module} has no {class:?} at all");
            }
            let python = entry.data_path("reference.py");
            let py = pieces(text.python_runs, text.python).unwrap_or_else(|| panic!("no exact runs for {python}"));
            assert!(py.iter().any(|(_, c)| *c == Class::Keyword), "{python} has no keyword");
        }
    }

    #[test]
    fn runs_that_do_not_fit_are_refused() {
        let text = REGISTRY[0].text();
        let shorter = &text.source[..text.source.len() - 1];
        assert_eq!(pieces(text.source_runs, shorter), None);
        assert_eq!(pieces(&[], "fn main() {}"), None);
    }

    #[test]
    fn class_codes_round_trip() {
        for class in Class::ALL {
            assert_eq!(Class::from_code(class as u8), class);
        }
    }
}
