//! How the panel's state follows the Python runtime's events: loading,
//! the current run's output and result, the reference program's profile,
//! stops and failures. Events about a run the panel no longer
//! waits for are dropped.

use std::rc::Rc;

use super::bridge::Event;
use super::lines::{LineMemory, Reference};
use super::state::{PanelState, Run, Runtime};

impl PanelState {
    /// Follows one event of the runtime (the reducer's `Action::Event`).
    pub(super) fn apply(&mut self, event: Event) {
        let next = self;
        let current = next.current();
        let reference = match next.reference {
            Reference::Running(id) => Some(id),
            _ => None,
        };
        match event {
            Event::Result { id, result } if reference == Some(id) => {
                next.reference = match result.line_memory {
                    Some(memory) => Reference::Done(Rc::new(memory)),
                    None => Reference::Done(Rc::new(LineMemory {
                        why: Some("This run measured no lines.".to_string()),
                        ..LineMemory::default()
                    })),
                };
            }
            Event::Failed { id, message, .. } if id.is_some() && id == reference => {
                next.reference = Reference::Failed(message);
            }
            Event::Stopped { id, reason, .. } if reference == Some(id) => {
                next.reference = Reference::Failed(match reason.as_str() {
                    "time" => "it was still running after the time limit".to_string(),
                    _ => "it was stopped (a run of your program takes its place)".to_string(),
                });
                next.runtime = Runtime::Loading { loaded: 0.0, total: 0.0 };
            }
            Event::Progress { loaded, total } if !matches!(next.runtime, Runtime::Ready { .. }) => {
                next.runtime = Runtime::Loading { loaded, total };
            }
            Event::Ready { python, pointer_bytes } => next.runtime = Runtime::Ready { python, pointer_bytes },
            Event::LoadFailed { message, offline } => {
                next.runtime =
                    if offline { Runtime::Offline(message.clone()) } else { Runtime::Failed(message.clone()) };
                if current.is_some() {
                    next.run = Run::Failed(message);
                }
            }
            Event::Offline { kept, message } => next.offline = Some((kept, message)),
            Event::Started { id } if current == Some(id) => next.run = Run::Running(id),
            Event::Checking { id } if current == Some(id) => next.run = Run::Checking(id),
            Event::Output { id, stream, text } if current == Some(id) => next.print(stream == "stderr", &text),
            Event::Result { id, result } if current == Some(id) => {
                if next.console.is_empty() && !result.stdout.is_empty() {
                    next.print(false, &result.stdout);
                }
                if let Some(error) = &result.error {
                    if !error.traceback.is_empty() {
                        let gap = if next.console.last().is_some_and(|(_, t)| !t.ends_with('\n')) { "\n" } else { "" };
                        next.print(true, &format!("{gap}{}", error.traceback));
                    }
                }
                next.last = Some((*result).clone());
                next.run = Run::Finished(result);
            }
            Event::Failed { id, message, fatal } if id.is_some() && id == current => {
                next.run = Run::Failed(message);
                if fatal {
                    next.runtime = Runtime::Loading { loaded: 0.0, total: 0.0 };
                }
            }
            Event::Failed { fatal: true, .. } => next.runtime = Runtime::Loading { loaded: 0.0, total: 0.0 },
            Event::Stopped { id, reason, seconds } if current == Some(id) => {
                let message = match (reason.as_str(), seconds) {
                ("time", Some(s)) => format!("Stopped: the program was still running after the time limit of {s} s. A fresh Python runtime is starting; your text is kept."),
                _ => "Stopped, as you asked. A fresh Python runtime is starting; your text is kept.".to_string(),
            };
                let gap = if next.console.last().is_some_and(|(_, t)| !t.ends_with('\n')) { "\n" } else { "" };
                next.print(true, &format!("{gap}[{message}]\n"));
                if matches!(next.run, Run::Running(_) | Run::Checking(_)) {
                    next.runtime = Runtime::Loading { loaded: 0.0, total: 0.0 };
                    // the bridge replaces the worker
                }
                next.run = Run::Stopped(message);
            }
            _ => {} // about a run this panel no longer waits for
        }
    }
}
