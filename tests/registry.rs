#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_dedicated_worker);

// In the browser these tests run in a dedicated worker (in headless
// Chromium), as the page's runs do: some exercises use worker-only APIs
// such as `FileReaderSync`.
// Every registered exercise, run end to end through `run::execute`, the
// path the browser worker takes: natively at the defaults and every corner
// of the parameter bounds, in the browser at the defaults (to stay fast).
// No exercise is named here; the tests loop over the registry.
//
// Problems are collected over all exercises and reported together, so one
// broken exercise does not hide another.

use std::mem::size_of;

use heapwise::content::{parse_param, Content, ParamSpec};
use heapwise::exercise::{Params, PROBE_CAPACITY};
use heapwise::exercises::{Entry, REGISTRY};
use heapwise::measure::live::MAX_CHECKPOINTS;
use heapwise::run::{execute, validate, RunResult};

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

/// `n=10000, chunk=64`, for messages.
fn show(params: &Params) -> String {
    if params.0.is_empty() {
        return "no parameters".to_string();
    }
    params.0.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
}

/// The parameter sets each exercise is run with on this target.
fn points_to_run(content: &Content) -> Vec<Params> {
    if cfg!(target_arch = "wasm32") {
        vec![content.default_params()]
    } else {
        content.boundary_params()
    }
}

/// What is wrong with one run's result, one message per problem.
fn problems_in_run(entry: &Entry, params: &Params, result: &RunResult) -> Vec<String> {
    let exercise = entry.exercise;
    let slug = exercise.slug();
    let at = show(params);
    let mut problems = Vec::new();
    let variants = &result.variants;
    if variants.len() < 2 {
        problems.push(format!("{slug}: needs at least 2 variants to compare, has {}", variants.len()));
        return problems;
    }
    let ids: Vec<&str> = variants.iter().map(|v| v.id.as_str()).collect();
    let declared: Vec<&str> = exercise.variants().iter().map(|v| v.id).collect();
    if ids != declared {
        problems.push(format!("{slug} ({at}): ran variants {ids:?}, but the exercise declares {declared:?}"));
    }
    if result.metric != exercise.metric() {
        problems.push(format!(
            "{slug} ({at}): result metric {:?} is not the exercise's {:?}",
            result.metric,
            exercise.metric()
        ));
    }

    let first = &variants[0];
    for other in &variants[1..] {
        if other.checksum != first.checksum {
            problems.push(format!(
                "{slug} ({at}): variant `{}` returned checksum {} but `{}` returned {}; \
                 every variant must compute the same thing",
                other.id, other.checksum, first.id, first.checksum
            ));
        }
    }

    let metric = exercise.metric();
    let last = variants.last().unwrap();
    let (baseline, best) = (metric.of(&first.measurement), metric.of(&last.measurement));
    if best >= baseline {
        problems.push(format!(
            "{slug} ({at}): the last variant `{}` must beat the first `{}` on {}, \
             but has {best} against {baseline}",
            last.id,
            first.id,
            metric.name()
        ));
    }

    for run in variants {
        let recorded = [
            ("marks", run.marks.len(), PROBE_CAPACITY),
            ("snapshots", run.snapshots.len(), PROBE_CAPACITY),
            ("notes", run.notes.len(), PROBE_CAPACITY),
            ("live-count checkpoints", run.live_counts.len(), MAX_CHECKPOINTS),
        ];
        for (what, count, most) in recorded {
            if count > most {
                problems.push(format!(
                    "{slug} ({at}), variant `{}`: {count} {what}; at most {most} \
                     (more would allocate inside the measurement)",
                    run.id
                ));
            }
        }
        match (&run.timeline, exercise.records_timeline()) {
            (Some(timeline), true) => {
                if timeline.peak() != run.measurement.peak_bytes as i64 {
                    problems.push(format!(
                        "{slug} ({at}), variant `{}`: timeline peak {} differs from measured peak {}",
                        run.id,
                        timeline.peak(),
                        run.measurement.peak_bytes
                    ));
                }
            }
            (None, false) => {}
            (present, wanted) => problems.push(format!(
                "{slug} ({at}), variant `{}`: timeline present = {}, but records_timeline() = {wanted}",
                run.id,
                present.is_some()
            )),
        }
    }
    if result.pointer_bytes as usize != size_of::<usize>() {
        problems.push(format!(
            "{slug}: pointer_bytes is {}, this build's usize is {}",
            result.pointer_bytes,
            size_of::<usize>()
        ));
    }
    if result.slug != slug || &result.params != params {
        problems.push(format!("{slug} ({at}): the result names {} ({})", result.slug, show(&result.params)));
    }
    problems
}

fn fail_with(problems: &[String]) {
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().enumerate().map(|(i, p)| format!("{:>3}. {p}", i + 1)).collect();
        panic!("{} problem(s):\n{}", problems.len(), list.join("\n"));
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_exercise_runs_and_its_last_variant_wins() {
    assert!(!REGISTRY.is_empty(), "the registry lists no exercises");
    let mut problems = Vec::new();
    for entry in REGISTRY {
        let slug = entry.exercise.slug();
        let content = match Content::parse(entry.toml) {
            Ok(content) => content,
            Err(e) => {
                problems.push(format!("{slug}: exercise.toml does not parse: {e}"));
                continue;
            }
        };
        for params in points_to_run(&content) {
            match execute(slug, &params) {
                Ok(result) => problems.extend(problems_in_run(entry, &params, &result)),
                Err(e) => problems.push(format!("{slug} ({}): execute failed: {e}", show(&params))),
            }
        }
    }
    fail_with(&problems);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn executing_without_the_declared_parameters_is_refused() {
    let mut problems = Vec::new();
    for entry in REGISTRY {
        let slug = entry.exercise.slug();
        let Ok(content) = Content::parse(entry.toml) else { continue };
        let Some(first) = content.params.first() else { continue };
        match execute(slug, &Params::default()) {
            Ok(_) => problems.push(format!("{slug}: execute ran with no parameters at all")),
            Err(e) if !e.contains(&first.name) => {
                problems.push(format!("{slug}: the refusal should name the missing `{}`: {e}", first.name))
            }
            Err(_) => {}
        }
    }
    fail_with(&problems);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_unknown_exercise_is_an_error() {
    let slug = "no-such-exercise-anywhere";
    assert!(REGISTRY.iter().all(|e| e.exercise.slug() != slug));
    match execute(slug, &Params::default()) {
        Ok(_) => panic!("execute ran an exercise that does not exist"),
        Err(e) => assert!(e.contains(slug), "the error should name the slug: {e}"),
    }
}

// ---------------------------------------------------------------------------
// Parameters, against a synthetic exercise (independent of the registry)
// ---------------------------------------------------------------------------

const TWO_PARAMS: &str = r#"
format_version = 1
title = "t"
origin = ["X1"]
difficulty = "Easy"
tags = ["t"]
group = 1
summary = "s"
expected_output = "e"
task = "t"
starter = "s"
hints = ["h"]
solution = "s"
explanation = "e"
rust_notes = "r"

[[params]]
name = "rows"
label = "table rows"
default = 500
min = 10
max = 20000

[[params]]
name = "chunk_size"
label = "rows per chunk"
default = 64
min = 1
max = 4096
"#;

fn two_params() -> Content {
    Content::parse(TWO_PARAMS).expect("the synthetic exercise parses")
}

fn params(rows: u64, chunk_size: u64) -> Params {
    Params::new(&[("rows", rows), ("chunk_size", chunk_size)])
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn validate_accepts_the_bounds_and_defaults() {
    let content = two_params();
    for p in content.boundary_params() {
        assert_eq!(validate(&content, &p), Ok(()), "{}", show(&p));
    }
    assert_eq!(content.boundary_params().len(), 1 + 4, "defaults plus 2^2 corners");
    // Order of the values does not matter.
    let reversed = Params::new(&[("chunk_size", 1), ("rows", 10)]);
    assert_eq!(validate(&content, &reversed), Ok(()));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn validate_rejects_out_of_range_unknown_and_missing_values() {
    let content = two_params();
    // (params, what the message must mention)
    let cases: [(Params, &[&str]); 5] = [
        (params(9, 64), &["table rows", "(rows)", "10", "20,000", "9"]),
        (params(20001, 64), &["table rows", "(rows)", "20001"]),
        (params(500, 0), &["rows per chunk", "(chunk_size)", "0"]),
        (Params::new(&[("rows", 500), ("chunk_size", 64), ("colour", 3)]), &["colour"]),
        (Params::new(&[("rows", 500)]), &["chunk_size", "missing"]),
    ];
    for (p, must_mention) in cases {
        match validate(&content, &p) {
            Ok(()) => panic!("validate accepted {}", show(&p)),
            Err(message) => {
                for word in must_mention {
                    assert!(message.contains(word), "for {}, the message should mention {word:?}: {message}", show(&p));
                }
            }
        }
    }
}

fn spec() -> ParamSpec {
    two_params().params.remove(0)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn parse_param_reads_what_people_type() {
    let spec = spec();
    assert_eq!(parse_param(&spec, "10,000"), Ok(10_000));
    assert_eq!(parse_param(&spec, " 500 "), Ok(500));
    assert_eq!(parse_param(&spec, "20000"), Ok(20_000), "max is allowed");
    assert_eq!(parse_param(&spec, "10"), Ok(10), "min is allowed");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn parse_param_rejects_what_is_not_a_count_in_range() {
    let spec = spec();
    for raw in ["abc", "-1", "", "1.5", "12abc"] {
        match parse_param(&spec, raw) {
            Ok(v) => panic!("parse_param accepted {raw:?} as {v}"),
            Err(message) => {
                assert!(message.contains(&spec.label), "{raw:?}: the message should say which parameter: {message}");
                assert!(
                    message.contains("whole number"),
                    "{raw:?}: the message should say what is expected: {message}"
                );
                assert!(
                    message.contains(&format!("\"{raw}\"")),
                    "{raw:?}: the message should quote the input: {message}"
                );
            }
        }
    }
    for raw in ["9", "20,001"] {
        match parse_param(&spec, raw) {
            Ok(v) => panic!("parse_param accepted {raw:?} as {v}, outside 10..=20000"),
            Err(message) => {
                assert!(message.contains(&spec.label) && message.contains("out of range"), "{raw:?}: {message}")
            }
        }
    }
}
