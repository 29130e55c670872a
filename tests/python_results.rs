//! The harness's real answers (fixtures written and kept current by
//! tests/python/result_fixtures.py) decoded as the page decodes them, in
//! the browser (parsed by it, read by serde-wasm-bindgen), so a key renamed
//! on either side fails a test. The panel's reducer is tested natively
//! (tests/panel_state.rs).
#![cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use heapwise::ui::python::outcome::Outcome;
use wasm_bindgen_test::wasm_bindgen_test as test;

const SOLVED: &str = include_str!("fixtures/python-results/judged-solved.json");
const RAISED: &str = include_str!("fixtures/python-results/judged-raised.json");
const SYNTAX: &str = include_str!("fixtures/python-results/judged-syntax.json");
const PLAIN: &str = include_str!("fixtures/python-results/plain.json");
const PROFILED: &str = include_str!("fixtures/python-results/profiled.json");

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

#[test]
fn the_profile_run_answers_as_a_run_without_checks_with_its_lines_and_whole_program_figure() {
    let outcome = decode(PROFILED);
    assert!(outcome.judged.is_none() && outcome.checks.is_empty() && outcome.stdout.is_empty());
    assert!(outcome.line_memory.as_ref().is_some_and(|m| m.available && !m.lines.is_empty()));
    assert_eq!(outcome.figures.iter().filter(|f| f.label == "whole program (peak traced)").count(), 1);
}
