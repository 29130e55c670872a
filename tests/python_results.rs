//! The "Your Python" panel's logic, in the browser layer (it is part of the
//! wasm-only page): the harness's real answers (fixtures written and kept
//! current by tests/python/result_fixtures.py) decoded as the page decodes
//! them, so a key renamed on either side fails a test; and the panel's
//! reducer, step by step: a run's verdict belongs to that run, a run
//! replaced by a newer one is no longer wanted, a stop says so.
#![cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::rc::Rc;

use heapwise::ui::python::lines::Reference;
use heapwise::ui::python::messages::{End, Event, Step};
use heapwise::ui::python::outcome::Outcome;
use heapwise::ui::python::state::{Action, PanelState, Run, Runtime};
use wasm_bindgen_test::wasm_bindgen_test as test;
use yew::Reducible;

const SOLVED: &str = include_str!("fixtures/python-results/judged-solved.json");
const RAISED: &str = include_str!("fixtures/python-results/judged-raised.json");
const SYNTAX: &str = include_str!("fixtures/python-results/judged-syntax.json");
const PLAIN: &str = include_str!("fixtures/python-results/plain.json");

/// A fixture as the page receives it: parsed by the browser, then read by serde-wasm-bindgen.
fn decode(text: &str) -> Outcome {
    let value = js_sys::JSON::parse(text).expect("the fixture is JSON");
    serde_wasm_bindgen::from_value(value).expect("the page reads the harness's answer")
}

#[test]
fn a_solved_answer_reads_with_every_field() {
    let outcome = decode(SOLVED);
    assert!(outcome.solved(), "every check passed: {:?}", outcome.checks);
    assert!(outcome.ok && outcome.error.is_none() && outcome.judged == Some(true));
    // Each `@check(` of slots-vs-dict's check.py, then the harness's byte rule.
    let declared = include_str!("../exercises/slots-vs-dict/check.py").matches("\n@check(").count() + 1;
    assert_eq!(outcome.checks.len(), declared, "slots-vs-dict's checks and the byte rule");
    assert!(outcome.checks.iter().all(|c| !c.name.is_empty()));
    assert!(outcome.stdout.contains("slotted points use less memory"), "{}", outcome.stdout);
    assert!(outcome.python.starts_with("3.1"), "{}", outcome.python);
    assert_eq!(outcome.pointer_bytes, 8, "CPython 64-bit wrote the fixture");
    assert!(outcome.figures.iter().all(|f| !f.label.is_empty() && f.bytes > 0.0), "{:?}", outcome.figures);
    let memory = outcome.line_memory.expect("Memory by line was on");
    assert!(memory.available && memory.why.is_none());
    assert!(memory.peak_bytes > 0.0 && memory.snapshot_bytes > 0.0 && memory.snapshot_line.is_some());
    assert!(memory.windows > 0 && memory.samples > 0 && memory.snapshots > 0 && memory.sampling_ms > 0.0);
    assert!(!memory.timeline.is_empty() && memory.timeline.iter().all(|(ms, bytes)| *ms >= 0.0 && *bytes >= 0.0));
    let top = memory.lines.first().expect("a line held memory at the peak");
    assert!(top.line > 0 && top.bytes > 0.0 && top.count > 0.0);
}

#[test]
fn an_error_reads_with_its_kind_line_and_traceback() {
    let raised = decode(RAISED);
    let error = raised.error.clone().expect("the program raised");
    assert_eq!((error.kind.as_str(), error.message.as_str(), error.line), ("ValueError", "no", Some(2)));
    assert!(error.traceback.contains("ValueError: no"), "{}", error.traceback);
    assert!(!raised.ok && !raised.solved());
    assert_eq!(raised.stdout, "start\n");
    let syntax = decode(SYNTAX).error.expect("a SyntaxError");
    assert_eq!((syntax.kind.as_str(), syntax.line), ("SyntaxError", Some(2)));
}

#[test]
fn an_answer_without_one_of_its_keys_is_refused_in_words() {
    // A key the harness renamed (or the page expects under another name) is
    // missing to the decoder: an error that says which, never a default.
    for key in ["ok", "error", "stdout", "figures", "checks", "notes", "python", "pointer_bytes", "line_memory"] {
        let value = js_sys::JSON::parse(SOLVED).expect("JSON");
        js_sys::Reflect::delete_property(&value.clone().into(), &key.into()).expect("deleted");
        match serde_wasm_bindgen::from_value::<Outcome>(value) {
            // Options may be absent: line_memory (no profile asked for) and error (none).
            Ok(outcome) => assert!(matches!(key, "line_memory" | "error"), "{key} absent was read as {outcome:?}"),
            Err(error) => assert!(error.to_string().contains(key), "{key}: {error}"),
        }
    }
    // And a check's own keys.
    let value = js_sys::JSON::parse(&SOLVED.replacen("\"passed\"", "\"pass\"", 1)).expect("JSON");
    let error = serde_wasm_bindgen::from_value::<Outcome>(value).expect_err("a check without `passed`");
    assert!(error.to_string().contains("passed"), "{error}");
}

#[test]
fn the_plain_run_answers_with_the_keys_the_worker_reads() {
    // python-worker.js's plainResult takes { error, notes, python, pointer_bytes } from run_plain.
    let value = js_sys::JSON::parse(PLAIN).expect("JSON");
    for key in ["error", "notes", "python", "pointer_bytes"] {
        let got = js_sys::Reflect::get(&value, &key.into()).expect("read");
        assert!(!got.is_undefined(), "run_plain answers {key}");
    }
}

fn reduce(state: Rc<PanelState>, action: Action) -> Rc<PanelState> {
    state.reduce(action)
}

fn step(state: Rc<PanelState>, step: Step) -> Rc<PanelState> {
    reduce(state, Action::Step(step))
}

fn ended(state: Rc<PanelState>, end: End) -> Rc<PanelState> {
    reduce(state, Action::Ended(end))
}

fn output(text: &str) -> Step {
    Step::Output { stderr: false, text: text.into() }
}

fn ready() -> Rc<PanelState> {
    let runtime = Runtime::Ready { python: "3.14.0".into(), pointer_bytes: 4 };
    Rc::new(PanelState::new(runtime, None, true, None))
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
    let before = (*state).clone();
    let state = step(state, output("late\n"));
    let state = ended(state, End::Stopped { time_limit: None });
    let state = ended(state, End::Result(Box::new(decode(SOLVED))));
    assert_eq!(*state, before, "after Stop, the run's late output and ends change nothing");
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
