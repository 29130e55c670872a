//! Issue 8: every reference program times its optimized step and prints one
//! timing line into `reference.out` (format: `content::TIMING_FORM`). build.rs
//! already refuses a malformed or doubled line; this checks that the line is
//! there and fits the Rust exercise it is compared with: the variant exists,
//! the parameters are exactly the declared ones within their bounds, the
//! figure is a time, best of at least 5, recorded by CPython 3.11 (the
//! interpreter on `reference.out`'s first line).
//!
//! Until every exercise records its line this test fails, listing the ones
//! without; that is on purpose (the page and `benches/ratio.mjs` need it).
#![cfg(not(target_arch = "wasm32"))]

use heapwise::content::CpythonRecord;
use heapwise::exercise::Params;
use heapwise::exercises::REGISTRY;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

/// What is wrong with `reference_out`'s timing for an exercise declaring
/// `variants` and `params`, one sentence per problem.
fn problems(reference_out: &str, spec: &heapwise::exercise::ExerciseSpec) -> Vec<String> {
    let record = match CpythonRecord::read(reference_out) {
        Ok(record) => record,
        Err(error) => return vec![error],
    };
    let mut found = Vec::new();
    if !record.interpreter.starts_with("CPython 3.11.") {
        found.push(format!("the first line, {:?}, does not name CPython 3.11", record.interpreter));
    }
    let Some(timing) = record.timing else {
        found.push("no `timing:` line: the reference program must time its optimized step (timing-spec)".to_string());
        return found;
    };
    if !spec.variants.iter().any(|v| v.id == timing.variant) {
        let ids: Vec<&str> = spec.variants.iter().map(|v| v.id).collect();
        found.push(format!("the variant {:?} is not one of the exercise's {ids:?}", timing.variant));
    }
    if let Err(why) = spec.validate(&Params(timing.params.clone())) {
        found.push(format!("its parameters do not fit the exercise: {why}"));
    }
    if timing.micros <= 0.0 {
        found.push(format!("{} us per call is no time", timing.micros));
    }
    if timing.best_of < 5 {
        found.push(format!("best of {} is fewer than 5 repeats", timing.best_of));
    }
    found
}

#[test]
fn every_reference_out_records_a_usable_cpython_timing() {
    let mut all = Vec::new();
    for entry in REGISTRY {
        for problem in problems(entry.text().python_output, entry.spec) {
            all.push(format!("[{}] reference.out: {problem}", entry.slug));
        }
    }
    assert!(all.is_empty(), "\n{} timing problem(s):\n{}\n", all.len(), all.join("\n"));
}

#[test]
fn each_kind_of_problem_is_found() {
    let spec = heapwise::exercises::find("chunked-processing").expect("registered").spec;
    let out = |line: &str| format!("CPython 3.11.7, 64-bit\n{line}\nlast: True\n");
    let good = "timing: variant optimized at n=200000, chunk=1000: 1520.5 us per call, best of 5 (tracemalloc off)";
    assert_eq!(problems(&out(good), spec), Vec::<String>::new());
    let found = |line: &str| problems(&out(line), spec).join(" | ");
    assert!(found("no timing here").contains("no `timing:` line"));
    assert!(found("timing: 5 ms").contains("does not read"));
    assert!(found(&good.replace("optimized", "fastest")).contains("\"fastest\" is not one of"));
    assert!(found(&good.replace(", chunk=1000", "")).contains("\"chunk\" is missing"));
    assert!(found(&good.replace("n=200000", "n=7")).contains("do not fit"));
    assert!(found(&good.replace("chunk=1000", "chunk=1000, extra=1")).contains("no parameter called \"extra\""));
    assert!(found(&good.replace("1520.5", "0.0")).contains("is no time"));
    assert!(found(&good.replace("best of 5", "best of 3")).contains("fewer than 5"));
    let other = problems(&format!("CPython 3.12.1, 64-bit\n{good}\nlast\n"), spec);
    assert_eq!(other, vec!["the first line, \"CPython 3.12.1, 64-bit\", does not name CPython 3.11".to_string()]);
}
