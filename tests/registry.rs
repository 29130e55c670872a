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

use heapwise::exercise::{ExerciseSpec, ParamSpec, Params, PROBE_CAPACITY};
use heapwise::exercises::{Entry, REGISTRY};
use heapwise::measure::live::MAX_CHECKPOINTS;
use heapwise::outcome::RunResult;
use heapwise::run::execute;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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
fn points_to_run(spec: &ExerciseSpec) -> Vec<Params> {
    if cfg!(target_arch = "wasm32") {
        vec![spec.default_params()]
    } else {
        spec.boundary_params()
    }
}

/// What is wrong with one run's result, one message per problem.
fn problems_in_run(entry: &Entry, params: &Params, result: &RunResult) -> Vec<String> {
    let exercise = entry.spec;
    let slug = entry.slug;
    let at = show(params);
    let mut problems = Vec::new();
    let variants = &result.variants;
    if variants.len() < 2 {
        problems.push(format!("{slug}: needs at least 2 variants to compare, has {}", variants.len()));
        return problems;
    }
    let ids: Vec<&str> = variants.iter().map(|v| v.id.as_str()).collect();
    let declared: Vec<&str> = exercise.variants.iter().map(|v| v.id).collect();
    if ids != declared {
        problems.push(format!("{slug} ({at}): ran variants {ids:?}, but the exercise declares {declared:?}"));
    }
    if result.metric != exercise.metric {
        problems.push(format!(
            "{slug} ({at}): result metric {:?} is not the exercise's {:?}",
            result.metric, exercise.metric
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

    let metric = exercise.metric;
    let last = variants.last().unwrap();
    let (baseline, best) = (metric.of(first), metric.of(last));
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
        match (&run.timeline, exercise.records_timeline) {
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

#[test]
fn every_exercise_runs_and_its_last_variant_wins() {
    assert!(!REGISTRY.is_empty(), "the registry lists no exercises");
    let mut problems = Vec::new();
    for entry in REGISTRY {
        let slug = entry.slug;
        for params in points_to_run(entry.spec) {
            match execute(slug, &params) {
                Ok(result) => problems.extend(problems_in_run(entry, &params, &result)),
                Err(e) => problems.push(format!("{slug} ({}): execute failed: {e}", show(&params))),
            }
        }
    }
    fail_with(&problems);
}

#[test]
fn executing_without_the_declared_parameters_is_refused() {
    let mut problems = Vec::new();
    for entry in REGISTRY {
        let slug = entry.slug;
        let Some(first) = entry.spec.params.first() else { continue };
        match execute(slug, &Params::default()) {
            Ok(_) => problems.push(format!("{slug}: execute ran with no parameters at all")),
            Err(e) if !e.contains(first.name) => {
                problems.push(format!("{slug}: the refusal should name the missing `{}`: {e}", first.name))
            }
            Err(_) => {}
        }
    }
    fail_with(&problems);
}

#[test]
fn an_unknown_exercise_is_an_error() {
    let slug = "no-such-exercise-anywhere";
    assert!(REGISTRY.iter().all(|e| e.slug != slug));
    match execute(slug, &Params::default()) {
        Ok(_) => panic!("execute ran an exercise that does not exist"),
        Err(e) => assert!(e.contains(slug), "the error should name the slug: {e}"),
    }
}

// ---------------------------------------------------------------------------
// Parameters, against a synthetic exercise (independent of the registry)
// ---------------------------------------------------------------------------

static TWO_PARAMS: ExerciseSpec = ExerciseSpec {
    params: &[
        ParamSpec { name: "rows", label: "table rows", default: 500, min: 10, max: 20_000 },
        ParamSpec { name: "chunk_size", label: "rows per chunk", default: 64, min: 1, max: 4096 },
    ],
    ..ExerciseSpec::DEFAULT
};

fn params(rows: u64, chunk_size: u64) -> Params {
    Params::new(&[("rows", rows), ("chunk_size", chunk_size)])
}

#[test]
fn validate_accepts_the_bounds_and_defaults() {
    for p in TWO_PARAMS.boundary_params() {
        assert_eq!(TWO_PARAMS.validate(&p), Ok(()), "{}", show(&p));
    }
    assert_eq!(TWO_PARAMS.boundary_params().len(), 1 + 4, "defaults plus 2^2 corners");
    // Order of the values does not matter.
    let reversed = Params::new(&[("chunk_size", 1), ("rows", 10)]);
    assert_eq!(TWO_PARAMS.validate(&reversed), Ok(()));
}

#[test]
fn validate_rejects_out_of_range_unknown_and_missing_values() {
    // (params, what the message must mention)
    let cases: [(Params, &[&str]); 5] = [
        (params(9, 64), &["table rows", "(rows)", "10", "20,000", "9"]),
        (params(20001, 64), &["table rows", "(rows)", "20001"]),
        (params(500, 0), &["rows per chunk", "(chunk_size)", "0"]),
        (Params::new(&[("rows", 500), ("chunk_size", 64), ("colour", 3)]), &["colour"]),
        (Params::new(&[("rows", 500)]), &["chunk_size", "missing"]),
    ];
    for (p, must_mention) in cases {
        match TWO_PARAMS.validate(&p) {
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
    TWO_PARAMS.params[0]
}

#[test]
fn parse_reads_what_people_type() {
    let spec = spec();
    assert_eq!(spec.parse("10,000"), Ok(10_000));
    assert_eq!(spec.parse(" 500 "), Ok(500));
    assert_eq!(spec.parse("20000"), Ok(20_000), "max is allowed");
    assert_eq!(spec.parse("10"), Ok(10), "min is allowed");
}

#[test]
fn parse_rejects_what_is_not_a_count_in_range() {
    let spec = spec();
    for raw in ["abc", "-1", "", "1.5", "12abc"] {
        match spec.parse(raw) {
            Ok(v) => panic!("parse accepted {raw:?} as {v}"),
            Err(message) => {
                assert!(message.contains(spec.label), "{raw:?}: the message should say which parameter: {message}");
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
        match spec.parse(raw) {
            Ok(v) => panic!("parse accepted {raw:?} as {v}, outside 10..=20000"),
            Err(message) => {
                assert!(message.contains(spec.label) && message.contains("out of range"), "{raw:?}: {message}")
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The registry as the end-to-end suite reads it
// ---------------------------------------------------------------------------

/// `tests/e2e/registry.json`: what the end-to-end suite needs to know about
/// every exercise (slug, variants, metric, parameters, what its
/// reference.out recorded of CPython, read by `content::CpythonRecord`, and
/// its exercise.toml's `[timing]`),
/// written from the registry so the suite never parses Rust or the
/// timing line itself.
#[cfg(not(target_arch = "wasm32"))]
fn registry_json() -> String {
    use heapwise::exercise::Metric;
    use serde_json::json;
    let exercises: Vec<serde_json::Value> = REGISTRY
        .iter()
        .map(|entry| {
            json!({
                "slug": entry.slug,
                "module": entry.module,
                "metric": entry.spec.metric.key(),
                "records_timeline": entry.spec.records_timeline,
                "variants": entry.spec.variants.iter().map(|v| json!({ "id": v.id, "label": v.label })).collect::<Vec<_>>(),
                "params": entry.spec.params,
                "cpython": heapwise::content::CpythonRecord::read(entry.text().python_output).ok(),
                // What each side of the timing line times, and why not the same work if not.
                "timed_work": heapwise::content::Content::parse(entry.text().toml).ok().and_then(|c| c.timing),
            })
        })
        .collect();
    let metrics: Vec<&str> = Metric::ALL.iter().map(|m| m.key()).collect();
    let document = json!({
        "generated_by": "tests/registry.rs (UPDATE=1 cargo test --test registry rewrites it)",
        "metrics": metrics,
        "exercises": exercises,
    });
    serde_json::to_string_pretty(&document).expect("plain data serialises") + "\n"
}

/// The committed `tests/e2e/registry.json` equals what the registry says now;
/// `UPDATE=1` rewrites it (rustlings' `dev update` pattern).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_e2e_registry_file_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/registry.json");
    let now = registry_json();
    if std::env::var_os("UPDATE").is_some() {
        std::fs::write(&path, &now).expect("write tests/e2e/registry.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == now,
        "tests/e2e/registry.json is outdated (or missing): run `UPDATE=1 cargo test --test registry` and commit it"
    );
}
