//! The parts of the "Your Python" panel (`super::python_panel`): the bridge
//! to the runtime and editor, saved text, and what it shows; its state and
//! reducer are `page::panel`, compiled natively.

pub mod bridge;
pub mod buttons;
pub mod checks;
pub mod controls;
pub mod editor;
pub mod hooks;
pub mod lines;
pub mod lines_view;
pub mod memory;
pub mod messages;
pub mod notices;
pub use crate::page::panel::outcome;
pub mod report;
pub mod runs;
pub mod saved_line;
pub mod saving;
pub mod share_code;
pub mod state;
pub mod storage;
pub mod toolbar;
