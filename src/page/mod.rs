//! The page's logic without the page: what the exercise page and the
//! Python panel decide, compiled natively and unit-tested there (as yew's
//! `function_todomvc` keeps its reducer apart from its view). `ui` holds
//! the components, the DOM and the storage; these modules hold the rules
//! they follow: which route a path names ([`route`]), where a sweep stands
//! as its answers arrive ([`sweep`]), and which of the panel's runs is
//! still wanted ([`latest`]), the Python panel's state and messages
//! ([`panel`]), and the sentences the prerendered pages share ([`words`]).

use std::rc::Rc;

use crate::outcome::RunResult;

pub mod exercise;
pub mod latest;
pub mod panel;
pub mod progress;
pub mod route;
pub mod sweep;
pub mod words;

/// What the measuring worker answers a run: its result, or why there is none.
pub type RunAnswer = Result<Rc<RunResult>, String>;
