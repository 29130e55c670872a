//! Colours for the code the page shows, computed at compile time by
//! `build.rs` (syntect) as runs over each file, each packed in a `u32` as
//! `bytes << 3 | class`.
//!
//! The text itself always comes from the caller (the `include_str!` of the
//! file that was compiled); these runs only say how to colour it, and are
//! refused if they do not cover it exactly.

include!(concat!(env!("OUT_DIR"), "/highlight_table.rs"));

/// What a piece of code is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Plain,
    Comment,
    Str,
    Number,
    Type,
    Function,
    Macro,
    Keyword,
}

impl Class {
    fn from_code(code: u8) -> Class {
        match code {
            1 => Class::Comment,
            2 => Class::Str,
            3 => Class::Number,
            4 => Class::Type,
            5 => Class::Function,
            6 => Class::Macro,
            7 => Class::Keyword,
            _ => Class::Plain,
        }
    }

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

/// `text` (the file at `path`, as embedded) cut into classed pieces; `None`
/// when there are no runs for `path` or they do not fit `text` exactly.
pub fn pieces<'a>(path: &str, text: &'a str) -> Option<Vec<(&'a str, Class)>> {
    let (_, runs) = TABLE.iter().find(|(p, _)| *p == path)?;
    let mut pieces = Vec::with_capacity(runs.len());
    let mut at = 0usize;
    for &run in *runs {
        let end = at.checked_add((run >> 3) as usize)?;
        pieces.push((text.get(at..end)?, Class::from_code((run & 7) as u8)));
        at = end;
    }
    (at == text.len()).then_some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::REGISTRY;

    #[test]
    fn every_shown_file_is_coloured_and_covered_exactly() {
        for entry in REGISTRY {
            let module = format!("src/exercises/{}.rs", entry.folder.replace('-', "_"));
            let rust = pieces(&module, entry.exercise.source()).unwrap_or_else(|| panic!("no exact runs for {module}"));
            assert_eq!(rust.iter().map(|(p, _)| *p).collect::<String>(), entry.exercise.source());
            for class in [Class::Comment, Class::Keyword, Class::Str] {
                assert!(rust.iter().any(|(_, c)| *c == class), "{module} has no {class:?} at all");
            }
            let python = format!("exercises/{}/reference.py", entry.folder);
            let py = pieces(&python, entry.python).unwrap_or_else(|| panic!("no exact runs for {python}"));
            assert!(py.iter().any(|(_, c)| *c == Class::Keyword), "{python} has no keyword");
        }
    }

    #[test]
    fn runs_that_do_not_fit_are_refused() {
        let entry = &REGISTRY[0];
        let module = format!("src/exercises/{}.rs", entry.folder.replace('-', "_"));
        let shorter = &entry.exercise.source()[..entry.exercise.source().len() - 1];
        assert_eq!(pieces(&module, shorter), None);
        assert_eq!(pieces("src/exercises/no_such_file.rs", "fn main() {}"), None);
    }
}
