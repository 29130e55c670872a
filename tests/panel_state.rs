//! The Python panel's reducer (`heapwise::page::panel`), natively, step by
//! step: a run's verdict belongs to that run, a stop says so and keeps no
//! verdict, the runtime's state comes from the runtime alone, the console
//! keeps its last characters. The harness's answers are the fixtures
//! tests/python/result_fixtures.py keeps current (the browser layer,
//! tests/python_results.rs, decodes them as the page does).

use heapwise::page::panel::lines::Reference;
use heapwise::page::panel::messages::{End, Event, Kept, Step};
use heapwise::page::panel::outcome::Outcome;
use heapwise::page::panel::state::{checks_time_limit, Action, PanelState, Run, Runtime, CHECKS_TIME_FACTOR};

const SOLVED: &str = include_str!("fixtures/python-results/judged-solved.json");
const RAISED: &str = include_str!("fixtures/python-results/judged-raised.json");
const PROFILED: &str = include_str!("fixtures/python-results/profiled.json");
const WHOLE: &str = "whole program (peak traced)";

fn decode(text: &str) -> Outcome {
    serde_json::from_str(text).expect("the harness's answer reads as an Outcome")
}

fn reduce(mut state: PanelState, action: Action) -> PanelState {
    state.update(action);
    state
}

fn step(state: PanelState, step: Step) -> PanelState {
    reduce(state, Action::Step(step))
}

fn ended(state: PanelState, end: End) -> PanelState {
    reduce(state, Action::Ended(end))
}

fn output(text: &str) -> Step {
    Step::Output { stderr: false, text: text.into() }
}

fn ready() -> PanelState {
    let runtime = Runtime::Ready { python: "3.14.0".into(), pointer_bytes: 4 };
    PanelState::new(runtime, None, true, None)
}

#[test]
fn a_run_shows_its_own_verdict_and_a_new_run_clears_it() {
    let state = reduce(ready(), Action::Queued("print(1)".into()));
    assert_eq!(state.latest, Some(1));
    let state = step(state, Step::Started);
    let state = step(state, output("1\n"));
    let state = ended(state, End::Result(Box::new(decode(SOLVED))));
    assert!(matches!(state.run, Run::Finished(_)));
    assert!(state.last.as_ref().is_some_and(Outcome::solved));
    assert_eq!(state.console, vec![(false, "1\n".to_string())]);
    // The next run starts: the previous program's verdict and output go.
    let state = reduce(state, Action::Queued("print(2)".into()));
    assert!(state.last.is_none() && state.console.is_empty() && state.solved_saved.is_none());
    assert!(state.waiting() && state.latest == Some(2));
}

#[test]
fn a_step_or_an_end_with_no_run_waiting_changes_nothing() {
    // Stop ends the run on the page at once; the runtime's own "stopped" comes after.
    let state = reduce(ready(), Action::Queued("while True: pass".into()));
    let state = ended(state, End::Stopped { time_limit: None });
    let before = state.clone();
    let state = step(state, output("late\n"));
    let state = ended(state, End::Stopped { time_limit: None });
    let state = ended(state, End::Result(Box::new(decode(SOLVED))));
    assert_eq!(state, before, "after Stop, the run's late output and ends change nothing");
    assert!(matches!(&state.run, Run::Stopped(m) if m.starts_with("Stopped, as you asked")), "{:?}", state.run);
}

#[test]
fn a_run_stopped_at_its_time_limit_says_so_and_keeps_no_verdict() {
    let state = reduce(ready(), Action::Queued("while True: pass".into()));
    let state = step(state, Step::Started);
    let state = ended(state, End::Stopped { time_limit: Some(60.0) });
    match &state.run {
        Run::Stopped(message) => assert!(message.contains("time limit of 60 s"), "{message}"),
        other => panic!("not stopped: {other:?}"),
    }
    assert!(state.last.is_none(), "no verdict from a run that did not end");
    assert!(state.console.last().is_some_and(|(stderr, text)| *stderr && text.contains("time limit")));
    // The runtime's state comes from the runtime alone: it says a fresh one is starting.
    assert!(matches!(state.runtime, Runtime::Ready { .. }));
    let state = reduce(state, Action::Event(Event::Starting));
    assert!(matches!(state.runtime, Runtime::Loading { .. }), "a fresh runtime is on its way");
}

#[test]
fn the_checks_get_ten_times_the_time_limit() {
    // The program's own run has its time limit; the checked run, which runs
    // it again with the checks, ten times that (the runtime says, in words,
    // when checks outlast it: python-run-control.test.mjs).
    assert_eq!(CHECKS_TIME_FACTOR, 10);
    assert_eq!(checks_time_limit(60), 600);
    assert_eq!(checks_time_limit(u32::MAX), u32::MAX, "no overflow at the field's largest value");
}

#[test]
fn the_reference_programs_profile_ends_on_its_own() {
    let state = reduce(ready(), Action::Queued("print(1)".into()));
    let state = reduce(state, Action::ReferenceQueued);
    assert!(matches!(state.reference, Reference::Running));
    let state = reduce(state, Action::ReferenceEnded(End::Result(Box::new(decode(SOLVED)))));
    assert!(matches!(&state.reference, Reference::Done(memory) if memory.available));
    assert!(matches!(state.run, Run::Queued), "the student's run is untouched");
}

#[test]
fn the_console_keeps_its_last_characters_past_its_limit() {
    let mut state = reduce(ready(), Action::Queued("x".into()));
    let line = "x".repeat(99_999) + "\n";
    for _ in 0..3 {
        state = step(state, output(&line));
    }
    let kept: usize = state.console.iter().map(|(_, t)| t.len()).sum();
    assert_eq!(kept, 200_000, "the limit");
    assert_eq!(state.console_dropped, 100_000, "the start is dropped, and counted");
}

#[test]
fn an_error_goes_to_the_console_after_what_was_printed_and_is_no_verdict() {
    let state = reduce(ready(), Action::Queued("x = 1 / 0".into()));
    let state = step(state, Step::Started);
    let state = step(state, output("before"));
    let raised = decode(RAISED);
    let traceback = raised.error.as_ref().expect("the fixture raised").traceback.clone();
    assert!(!traceback.is_empty());
    let state = ended(state, End::Result(Box::new(raised)));
    assert_eq!(state.console, vec![(false, "before".to_string()), (true, format!("\n{traceback}"))]);
    assert!(state.last.as_ref().is_some_and(|last| !last.solved()));
}

#[test]
fn a_runtime_that_cannot_load_fails_the_waiting_run_and_offline_waits_for_the_network() {
    let loading = PanelState::new(Runtime::Loading { loaded: 0.0, total: 10.0 }, None, true, None);
    let state = reduce(loading, Action::Queued("print(1)".into()));
    let state = reduce(state, Action::Event(Event::Progress { loaded: 5.0, total: 10.0 }));
    assert_eq!(state.runtime, Runtime::Loading { loaded: 5.0, total: 10.0 });
    let state = reduce(state, Action::Event(Event::LoadFailed { message: "no network".into(), offline: true }));
    assert_eq!(state.runtime, Runtime::Offline("no network".into()));
    assert_eq!(state.run, Run::Failed("no network".into()));
    // Back online: asked for anew.
    let state = reduce(state, Action::Online);
    assert_eq!(state.runtime, Runtime::Loading { loaded: 0.0, total: 0.0 });
    // A progress report after Ready does not take it back to loading.
    let state = reduce(state, Action::Event(Event::Ready { python: "3.14.0".into(), pointer_bytes: 4 }));
    let state = reduce(state, Action::Event(Event::Progress { loaded: 1.0, total: 2.0 }));
    assert!(matches!(state.runtime, Runtime::Ready { .. }));
    let state = reduce(state, Action::Event(Event::Offline { kept: Kept { stored: true, files: 7 }, message: None }));
    assert_eq!(state.offline, Some((Kept { stored: true, files: 7 }, None)));
}

#[test]
fn the_reference_profile_stopped_or_failed_says_why_and_one_not_running_is_left_alone() {
    let state = reduce(ready(), Action::ReferenceQueued);
    let state = reduce(state, Action::ReferenceEnded(End::Stopped { time_limit: Some(60.0) }));
    assert_eq!(state.reference, Reference::Failed("it was still running after the time limit".into()));
    let before = state.clone();
    let state = reduce(state, Action::ReferenceEnded(End::Result(Box::new(decode(SOLVED)))));
    assert_eq!(state, before, "an end with no profile running changes nothing");
}

#[test]
fn a_renamed_key_of_memory_by_line_fails_to_decode() {
    let mut value: serde_json::Value = serde_json::from_str(SOLVED).unwrap();
    let memory = value["line_memory"].as_object_mut().expect("the solved fixture has Memory by line");
    let peak = memory.remove("peak_bytes").expect("it has a peak");
    memory.insert("peak".into(), peak);
    assert!(serde_json::from_value::<Outcome>(value).is_err(), "a renamed key would have read as 0");
    // Not available: every key still there, empty.
    let mut value: serde_json::Value = serde_json::from_str(SOLVED).unwrap();
    value["line_memory"] = serde_json::json!({"available": false, "why": "Memory by line needs Python 3.12 or later (sys.monitoring).",
        "peak_bytes": 0, "snapshot_bytes": 0, "snapshot_line": null, "other_bytes": 0, "windows": 0, "lines": [],
        "timeline": [], "steps": [], "step_labels": [], "samples": 0, "snapshots": 0, "sampling_ms": 0.0});
    let outcome: Outcome = serde_json::from_value(value).expect("an unavailable profile decodes");
    assert!(!outcome.line_memory.unwrap().available);
}

/// The verdict as runtime.js hands it over when Memory by line's run follows.
fn verdict_then_profile() -> PanelState {
    let mut verdict = decode(SOLVED);
    verdict.line_memory = None;
    verdict.profiling = Some(true);
    let state = reduce(ready(), Action::Queued("print(1)".into()));
    ended(state, End::Result(Box::new(verdict)))
}

#[test]
fn the_verdict_comes_first_and_the_profile_run_brings_the_lines_and_the_whole_program_figure() {
    let state = verdict_then_profile();
    assert!(state.lines_pending && !state.waiting(), "the verdict is in; the lines are to come");
    assert!(state.last.as_ref().is_some_and(Outcome::solved), "solved before the lines arrive");
    let figures_before = state.last.as_ref().unwrap().figures.clone();
    let profile = decode(PROFILED);
    let state = reduce(state, Action::Profiled(End::Result(Box::new(profile.clone()))));
    assert!(!state.lines_pending);
    let last = state.last.as_ref().unwrap();
    assert_eq!(last.line_memory, profile.line_memory, "the lines are the profile's");
    let wholes: Vec<_> = last.figures.iter().filter(|f| f.label == WHOLE).collect();
    assert_eq!(
        wholes,
        profile.figures.iter().filter(|f| f.label == WHOLE).collect::<Vec<_>>(),
        "one whole-program figure, the profile's"
    );
    let others = |figures: &[heapwise::page::panel::outcome::Figure]| {
        figures.iter().filter(|f| f.label != WHOLE).cloned().collect::<Vec<_>>()
    };
    assert_eq!(others(&last.figures), others(&figures_before), "the checks' figures stay");
    assert!(last.solved(), "still solved");
    assert!(matches!(&state.run, Run::Finished(outcome) if **outcome == *last), "the status's outcome is the same");
    // A second answer changes nothing.
    let before = state.clone();
    assert_eq!(reduce(state, Action::Profiled(End::Result(Box::new(profile)))), before);
}

#[test]
fn a_profile_run_stopped_or_failed_keeps_the_verdict_and_says_why() {
    let state = reduce(verdict_then_profile(), Action::Profiled(End::Stopped { time_limit: Some(60.0) }));
    assert!(!state.lines_pending && state.last.as_ref().is_some_and(|o| o.solved() && o.line_memory.is_none()));
    assert!(state.lines_cut, "the page says the lines did not come");
    let state =
        reduce(verdict_then_profile(), Action::Profiled(End::Failed { message: "it broke".into(), fatal: true }));
    assert!(state.lines_cut && state.last.as_ref().is_some_and(Outcome::solved));
    // The next run clears the note.
    let state = reduce(state, Action::Queued("print(2)".into()));
    assert!(!state.lines_cut && !state.lines_pending);
}

#[test]
fn a_profile_answer_with_no_profile_pending_changes_nothing() {
    // A verdict with no profile to follow (Memory by line off).
    let state = ended(reduce(ready(), Action::Queued("print(1)".into())), End::Result(Box::new(decode(SOLVED))));
    assert!(!state.lines_pending);
    let before = state.clone();
    assert_eq!(reduce(state, Action::Profiled(End::Result(Box::new(decode(PROFILED))))), before);
    // A new run queued while the profile ran: its answer is no longer this run's.
    let state = reduce(verdict_then_profile(), Action::Queued("print(2)".into()));
    let before = state.clone();
    assert_eq!(reduce(state, Action::Profiled(End::Result(Box::new(decode(PROFILED))))), before);
}
