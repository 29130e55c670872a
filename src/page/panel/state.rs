//! The Python panel's state: the runtime as the panel sees it, the current
//! run, what it printed, and one reducer that every event goes through
//! ([`PanelState::update`]; `ui::python::state` makes it yew's `Reducible`).

use std::rc::Rc;

use super::lines::Reference;
use super::messages::{End, Event, Kept, Step};
use super::outcome::Outcome;

/// Seconds the student's program may run before it is stopped, until the
/// student sets another limit (its plain run, whose output is the console's).
pub const DEFAULT_TIME_LIMIT: u32 = 60;

/// How many times the time limit the checked run and Memory by line's run
/// may take. Each runs the program again under the harness's instruments,
/// and the checks run it again, whole or in part, several times in some
/// exercises: live-monitor's solution runs in 5.4 s in Pyodide and its
/// checked run takes 34 s (idle machine); a phone is slower still. A
/// program that ran within its limit is not stopped because its checks take
/// longer than that limit.
pub const CHECKS_TIME_FACTOR: u32 = 10;

/// Seconds the checked run (and Memory by line's) may take, for a program
/// whose own run may take `limit` seconds.
pub fn checks_time_limit(limit: u32) -> u32 {
    limit.saturating_mul(CHECKS_TIME_FACTOR)
}

/// What the time-limit field made of what was typed in it
/// (python/panel.js's `readTimeLimit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeLimit {
    pub seconds: u32,
    /// Said beside the field when what was typed is not what is used.
    pub note: Option<String>,
}

/// What the last "Copy link with my code" did.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Shared {
    #[default]
    Idle,
    Copied,
    /// Characters the packed code needed.
    TooLong(usize),
    /// The link could not be copied or made: why, and the link when there is one.
    Refused(String, Option<String>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Runtime {
    /// Not asked for yet (the panel has not been opened).
    Cold,
    Loading {
        loaded: f64,
        total: f64,
    },
    Ready {
        python: String,
        pointer_bytes: u32,
    },
    Failed(String),
    /// It cannot start without the network: Run waits for it (the panel
    /// tries again when the browser says it is back online).
    Offline(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    None,
    /// Sent; waits for the runtime, or has just been handed to it.
    Queued,
    Running,
    /// Its plain run ended; the checked run is under way.
    Checking,
    Finished(Box<Outcome>),
    Failed(String),
    Stopped(String),
}

/// Which text "replace" puts in the editor, once confirmed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Replace {
    Starter,
    Solution,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PanelState {
    pub open: bool,
    /// The runtime was asked for (opening the panel asks; a link with code opens the editor only).
    pub warmed: bool,
    /// The student opened the panel: the editor takes the focus once it is there.
    pub focus_editor: bool,
    /// Code from a link (`#code=`), while the student chooses between it and their saved text.
    pub link_code: Option<String>,
    /// What "Copy link with my code" did last.
    pub share: Shared,
    pub editor_ready: bool,
    pub editor_error: Option<String>,
    /// Tries at mounting the editor (a try that failed offline is made again online).
    pub editor_tries: u32,
    pub runtime: Runtime,
    pub run: Run,
    /// What the current run printed: (is stderr, text) in order.
    pub console: Vec<(bool, String)>,
    pub console_dropped: usize,
    /// Checks and figures of the last run that finished.
    pub last: Option<Outcome>,
    pub notice: Option<String>,
    /// Why the editor's text could not be saved in local storage, while it cannot.
    pub unsaved: Option<String>,
    /// Another tab's text for this exercise, when it differs from this tab's.
    pub other_tab: Option<OtherText>,
    /// Whether marking the exercise solved was stored (None: not tried yet).
    pub solved_saved: Option<Result<(), String>>,
    pub confirm: Option<Replace>,
    pub time_limit: u32,
    /// What the time-limit field did with a value it did not take.
    pub time_limit_note: Option<String>,
    /// How many runs were asked for (`data-run` on the status line: which run it tells of).
    pub latest: Option<u32>,
    /// Whether the runtime is kept for offline use, and why not.
    pub offline: Option<(Kept, Option<String>)>,
    /// The program text of the latest run (its lines, for Memory by line).
    pub ran: Rc<str>,
    pub line_memory: bool,
    /// The reference program, profiled for comparison.
    pub reference: Reference,
    /// The verdict is in; Memory by line's run of the same program goes on.
    pub lines_pending: bool,
    /// That run brought no lines: it was stopped, reached the time limit or failed.
    pub lines_cut: bool,
}

/// Text for this exercise that is not this tab's: offered, never written over.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherText {
    pub text: String,
    /// Where it is kept when it is not the saved text: a copy another tab
    /// (or this one, before a reload) kept aside, offered when the page opened.
    pub aside: Option<String>,
}

pub enum Action {
    /// The student opened the panel: editor, focus, and the runtime.
    Open,
    LinkCode(Option<String>),
    Share(Shared),
    EditorReady,
    EditorFailed(String),
    /// A run of this text was asked for.
    Queued(Rc<str>),
    /// A step of that run (dropped by its callback once another run was asked for).
    Step(Step),
    /// How that run ended (likewise).
    Ended(End),
    /// How its profile run (Memory by line, the whole-program figure) ended.
    Profiled(End),
    ReferenceQueued,
    ReferenceEnded(End),
    LineMemory(bool),
    /// What the runtime says about itself.
    Event(Event),
    Notice(Option<String>),
    Unsaved(Option<String>),
    OtherTab(Option<OtherText>),
    SolvedSaved(Result<(), String>),
    Ask(Option<Replace>),
    TimeLimit(TimeLimit),
    /// The browser is online again: an offline runtime is asked for anew.
    Online,
}

impl PanelState {
    /// `open`: a link with code opens the editor at once (not the runtime: Run downloads it).
    pub fn new(runtime: Runtime, notice: Option<String>, open: bool, offline: Option<Kept>) -> Self {
        PanelState {
            open,
            warmed: false,
            focus_editor: false,
            link_code: None,
            share: Shared::Idle,
            editor_ready: false,
            editor_error: None,
            editor_tries: 0,
            runtime,
            run: Run::None,
            console: Vec::new(),
            console_dropped: 0,
            last: None,
            notice,
            unsaved: None,
            other_tab: None,
            solved_saved: None,
            confirm: None,
            time_limit: DEFAULT_TIME_LIMIT,
            time_limit_note: None,
            latest: None,
            offline: offline.map(|kept| (kept, None)),
            ran: Rc::from(""),
            line_memory: true,
            reference: Reference::Idle,
            lines_pending: false,
            lines_cut: false,
        }
    }

    /// Whether the panel waits for a run.
    pub fn waiting(&self) -> bool {
        matches!(self.run, Run::Queued | Run::Running | Run::Checking)
    }
}

impl PanelState {
    /// The state after `action`: the one reducer every event goes through.
    pub fn update(&mut self, action: Action) {
        let next = self;
        match action {
            Action::Open => {
                next.open = true;
                next.warmed = true;
                next.focus_editor = true;
            }
            Action::LinkCode(code) => next.link_code = code,
            Action::Share(shared) => next.share = shared,
            Action::EditorReady => next.editor_ready = true,
            Action::EditorFailed(message) => next.editor_error = Some(message),
            Action::Queued(text) => {
                next.ran = text;
                next.warmed = true;
                next.run = Run::Queued;
                next.latest = Some(next.latest.map_or(1, |n| n + 1));
                next.console.clear();
                next.console_dropped = 0;
                // A run's verdict, checks and Memory by line belong to it:
                // the previous program's go as this one starts.
                next.last = None;
                next.solved_saved = None;
                next.lines_pending = false;
                next.lines_cut = false;
            }
            Action::Notice(notice) => next.notice = notice,
            Action::Unsaved(why) => next.unsaved = why,
            Action::OtherTab(text) => next.other_tab = text,
            Action::SolvedSaved(saved) => next.solved_saved = Some(saved),
            Action::Ask(what) => next.confirm = what,
            Action::TimeLimit(read) => {
                next.time_limit = read.seconds;
                next.time_limit_note = read.note;
            }
            Action::LineMemory(on) => next.line_memory = on,
            Action::ReferenceQueued => {
                next.warmed = true;
                next.reference = Reference::Running;
            }
            Action::ReferenceEnded(end) => next.reference_end(end),
            Action::Step(step) => next.step(step),
            Action::Ended(end) => next.end(end),
            Action::Profiled(end) => next.profiled(end),
            Action::Online => {
                if matches!(next.runtime, Runtime::Offline(_)) {
                    next.runtime = Runtime::Loading { loaded: 0.0, total: 0.0 };
                }
                if next.editor_error.take().is_some() {
                    next.editor_tries += 1;
                }
            }
            Action::Event(event) => next.apply(event),
        }
    }
}
