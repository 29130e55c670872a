//! What the exercise page hands the "Your Python" panel. The panel's UI is
//! a wasm module of its own (`src/bin/panel.rs`), so this crosses from one
//! module to the other as postcard bytes: the page encodes it whenever it
//! changes, the panel decodes it into its root's props.

use serde::{Deserialize, Serialize};

use crate::outcome::RunResult;
use crate::protocol;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelInput {
    pub slug: String,
    pub starter: String,
    /// Our solution (the reference program).
    pub solution: String,
    /// The line the reference program prints last.
    pub expected: String,
    /// The names of the exercise's checks, listed before the first run.
    pub checks: Vec<String>,
    /// The step of the task each check verifies (0: none).
    pub check_steps: Vec<u32>,
    /// The Rust variants' peaks on this page, if they ran, charted beside.
    pub rust: Option<RustPeaks>,
    /// The task as HTML and the hints, beside the editor on a wide screen.
    pub task: String,
    pub hints: Vec<String>,
    /// How many hints the page shows: one count for both copies.
    pub hints_shown: u32,
    /// Raised by the page's "Write it in Python" button.
    pub open_request: u32,
    /// The address's fragment as the page opened (a `#code=` link's
    /// program), read by the page: it rewrites the address before the
    /// panel's module has arrived.
    pub fragment: String,
}

/// What the panel's memory chart shows of a Rust run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RustPeaks {
    /// `size_of::<usize>()` in the build that ran.
    pub pointer_bytes: u32,
    /// Each variant's label and peak, in the exercise's order.
    pub variants: Vec<(String, u64)>,
}

impl RustPeaks {
    pub fn of(run: &RunResult) -> Self {
        RustPeaks {
            pointer_bytes: run.pointer_bytes,
            variants: run.variants.iter().map(|v| (v.label.clone(), v.measurement.peak_bytes)).collect(),
        }
    }
}

/// What the panel says when it and the page come from different builds.
pub const OTHER_BUILD: &str = "This page and its Python panel come from different versions of Heapwise (the site \
     was updated while the page was open). Reload the page to use the new version; your Python text is kept.";

impl PanelInput {
    /// This build's identity first (`protocol::BUILD`), then the input: a
    /// page left open across a deploy can load the new panel module.
    pub fn encode(&self) -> Vec<u8> {
        protocol::encode(&(protocol::BUILD, self)).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Result<Self, String> {
        let unreadable = |e: String| format!("the page's input to it could not be read ({e})");
        let (build, rest) = postcard::take_from_bytes::<&str>(bytes).map_err(|e| unreadable(format!("{e:?}")))?;
        if build != protocol::BUILD {
            return Err(OTHER_BUILD.to_string());
        }
        protocol::decode(rest).map_err(unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_crosses_unchanged() {
        let input = PanelInput {
            slug: "slots-vs-dict".into(),
            starter: "class Point:\n    pass\n".into(),
            solution: "print(1)\n".into(),
            expected: "done".into(),
            checks: vec!["one".into(), "two".into()],
            check_steps: vec![1, 0],
            rust: Some(RustPeaks {
                pointer_bytes: 4,
                variants: vec![("naive".into(), 4_000_000), ("slots".into(), 1_600_000)],
            }),
            task: "<p>Do it.</p>".into(),
            hints: vec!["<p>a</p>".into()],
            hints_shown: 1,
            open_request: 3,
            fragment: "#code=abc".into(),
        };
        assert_eq!(PanelInput::decode(&input.encode()), Ok(input));
    }

    #[test]
    fn bytes_that_are_not_an_input_are_an_error() {
        assert!(PanelInput::decode(&[0xff, 0xff, 0xff]).is_err());
        let mut truncated = PanelInput::default().encode();
        truncated.pop();
        assert!(PanelInput::decode(&truncated).is_err());
    }

    #[test]
    fn another_builds_input_is_refused_by_name() {
        let other = protocol::encode(&("0000000000000000", PanelInput::default())).unwrap();
        assert_eq!(PanelInput::decode(&other), Err(OTHER_BUILD.to_string()));
    }
}
