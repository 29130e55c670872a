//! The Python panel's logic without the page: what a run asks and the
//! runtime answers ([`messages`], [`outcome`], [`lines`]), and the panel's
//! state with its one reducer ([`state`], following the runtime in
//! `events`), and what the page hands the panel ([`input`]). `ui::python` reads the messages from JavaScript, draws the
//! state and makes the reducer yew's `Reducible`.

mod events;
pub mod input;
pub mod lines;
pub mod messages;
pub mod outcome;
pub mod state;
