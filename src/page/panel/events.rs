//! How the panel's state follows the Python runtime: what it says about
//! itself (loading, ready, a fresh one starting, offline: the runtime's
//! state comes from these alone), and the steps and end of the run the
//! panel waits for and of the reference program's profile. A run's steps
//! and end come to its own callbacks (`ui::python::runs::start`), which drop them
//! once another run has taken its place; here, a step or an end counts
//! only while a run waits (Stop has already ended it on the page).

use std::rc::Rc;

use super::lines::{LineMemory, Reference};
use super::messages::{End, Event, Step};
use super::state::{PanelState, Run, Runtime};

/// Most characters the console keeps (the start is dropped past it).
const CONSOLE_LIMIT: usize = 200_000;

/// What a stopped run says, in the console and the status line.
fn stopped(time_limit: Option<f64>) -> String {
    match time_limit {
        Some(s) => format!("Stopped: the program was still running after the time limit of {s} s. A fresh Python runtime is starting; your text is kept."),
        None => "Stopped, as you asked. A fresh Python runtime is starting; your text is kept.".to_string(),
    }
}

impl PanelState {
    /// Follows what the runtime says about itself (`Action::Event`).
    pub(crate) fn apply(&mut self, event: Event) {
        match event {
            Event::Progress { loaded, total } if !matches!(self.runtime, Runtime::Ready { .. }) => {
                self.runtime = Runtime::Loading { loaded, total };
            }
            Event::Progress { .. } => {}
            Event::Ready { python, pointer_bytes } => self.runtime = Runtime::Ready { python, pointer_bytes },
            Event::Starting => self.runtime = Runtime::Loading { loaded: 0.0, total: 0.0 },
            Event::LoadFailed { message, offline } => {
                self.runtime =
                    if offline { Runtime::Offline(message.clone()) } else { Runtime::Failed(message.clone()) };
                if self.waiting() {
                    self.run = Run::Failed(message);
                }
            }
            Event::Offline { kept, message } => self.offline = Some((kept, message)),
        }
    }

    /// Follows a step of the run the panel waits for (`Action::Step`).
    pub(crate) fn step(&mut self, step: Step) {
        if !self.waiting() {
            return;
        }
        match step {
            Step::Started => self.run = Run::Running,
            Step::Checking => self.run = Run::Checking,
            Step::Output { stderr, text } => self.print(stderr, &text),
        }
    }

    /// Follows the end of the run the panel waits for (`Action::Ended`).
    pub(crate) fn end(&mut self, end: End) {
        if !self.waiting() {
            return;
        }
        match end {
            End::Result(result) => {
                if self.console.is_empty() && !result.stdout.is_empty() {
                    self.print(false, &result.stdout);
                }
                if let Some(error) = &result.error {
                    if !error.traceback.is_empty() {
                        let gap = self.gap();
                        self.print(true, &format!("{gap}{}", error.traceback));
                    }
                }
                self.lines_pending = result.profiling == Some(true);
                self.last = Some((*result).clone());
                self.run = Run::Finished(result);
            }
            End::Failed { message, .. } => self.run = Run::Failed(message),
            End::Stopped { time_limit } => {
                let message = stopped(time_limit);
                let gap = self.gap();
                self.print(true, &format!("{gap}[{message}]\n"));
                self.run = Run::Stopped(message);
            }
        }
    }

    /// Follows the end of the profile run after the verdict (`Action::Profiled`):
    /// its lines and whole-program figure join the finished run's outcome
    /// (the judged run's own whole-program figure, if any, gives way).
    pub(crate) fn profiled(&mut self, end: End) {
        if !std::mem::take(&mut self.lines_pending) {
            return;
        }
        let Run::Finished(outcome) = &mut self.run else { return };
        // Stopped, past the time limit, or failed: the verdict stands, without lines.
        let End::Result(profile) = end else {
            self.lines_cut = true;
            return;
        };
        let whole = |f: &super::outcome::Figure| profile.figures.iter().any(|p| p.label == f.label);
        outcome.figures.retain(|f| !whole(f));
        outcome.figures.extend(profile.figures.iter().cloned());
        outcome.line_memory = profile.line_memory;
        outcome.profiling = Some(false);
        self.last = Some((**outcome).clone());
    }

    /// Follows the end of the reference program's profile (`Action::ReferenceEnded`).
    pub(crate) fn reference_end(&mut self, end: End) {
        if !matches!(self.reference, Reference::Running) {
            return;
        }
        self.reference = match end {
            End::Result(result) => Reference::Done(Rc::new(result.line_memory.unwrap_or_else(|| LineMemory {
                why: Some("This run measured no lines.".to_string()),
                ..LineMemory::default()
            }))),
            End::Failed { message, .. } => Reference::Failed(message),
            End::Stopped { time_limit } => Reference::Failed(match time_limit {
                Some(_) => "it was still running after the time limit".to_string(),
                None => "it was stopped (a run of your program takes its place)".to_string(),
            }),
        };
    }

    /// A newline first when the console's last text does not end a line.
    fn gap(&self) -> &'static str {
        if self.console.last().is_some_and(|(_, t)| !t.ends_with('\n')) {
            "\n"
        } else {
            ""
        }
    }
}

impl PanelState {
    /// Adds what a run printed to the console, dropping its start past
    /// `CONSOLE_LIMIT` characters.
    pub(crate) fn print(&mut self, stderr: bool, text: &str) {
        match self.console.last_mut() {
            Some((was_stderr, last)) if *was_stderr == stderr => last.push_str(text),
            _ => self.console.push((stderr, text.to_string())),
        }
        let mut total: usize = self.console.iter().map(|(_, t)| t.len()).sum();
        while total > CONSOLE_LIMIT && !self.console.is_empty() {
            let excess = total - CONSOLE_LIMIT;
            let first = &mut self.console[0].1;
            if first.len() <= excess {
                total -= first.len();
                self.console_dropped += first.len();
                self.console.remove(0);
            } else {
                let mut cut = excess;
                while !first.is_char_boundary(cut) {
                    cut += 1;
                }
                first.drain(..cut);
                self.console_dropped += cut;
                total -= cut;
            }
        }
    }
}
