// The workload of the overhead benchmarks: every exercise's every variant at
// its default parameters, run exactly as the worker runs it
// (`run::run_variant`). Natively, `overhead_counting` and `overhead_system`
// include this file and differ only in their global allocator, so the ratio
// of their times is what measuring costs. In the browser's engine the two
// wasm32 examples `overhead_wasm_counting` and `overhead_wasm_system` include
// it the same way (timed with `performance.now()`).
//
// `benches/overhead.mjs` keeps one process (or Worker) of each allocator
// alive and asks them in turn to time one variant for a short slice, so the
// two sides of a ratio are timed moments apart and a loaded machine slows
// both alike.

use std::hint::black_box;

use heapwise::exercises::REGISTRY;
use heapwise::run::run_variant;

/// Time spent on one variant in one slice, at least (milliseconds), unless
/// the caller says otherwise; and at least `MIN_SAMPLES` samples.
pub const DEFAULT_SLICE_MS: f64 = 100.0;
const MIN_SAMPLES: usize = 3;
const MAX_SAMPLES: usize = 1000;
/// Calibration never batches more runs than this into one sample.
const MAX_BATCH: usize = 1 << 16;

/// How a slice is timed.
pub struct Settings {
    /// Time spent on the variant, at least (milliseconds).
    pub slice_ms: f64,
    /// Shortest sample the clock can time well (milliseconds). Runs shorter
    /// than this are timed in batches, and a sample is the batch's time per
    /// run: Chromium coarsens `performance.now()`, so a 20 µs run cannot be
    /// timed alone there. Zero times every run alone.
    pub min_sample_ms: f64,
}

/// Every variant as `slug/variant`, in registry order; `time_variant` takes
/// an index into this list.
pub fn variants() -> Vec<String> {
    REGISTRY.iter().flat_map(|e| e.spec.variants.iter().map(move |v| format!("{}/{}", e.slug, v.id))).collect()
}

/// Times variant `index` of [`variants`] for one slice; `now` is a clock in
/// milliseconds. Returns `slug/variant<TAB>fastest ns per run<TAB>median ns
/// per run<TAB>runs<TAB>runs per sample<TAB>allocator calls per run`.
pub fn time_variant(index: usize, settings: &Settings, now: impl Fn() -> f64) -> String {
    let (entry, variant) = REGISTRY
        .iter()
        .flat_map(|e| e.spec.variants.iter().map(move |v| (e, v)))
        .nth(index)
        .unwrap_or_else(|| panic!("no variant number {index}"));
    let params = entry.spec.default_params();
    let run = || black_box(run_variant(variant, &params, entry.spec.records_timeline));
    // One run first, so both allocators time warm code and warm caches. Its
    // allocator calls (alloc, free, grow, shrink) as counted: zero under the
    // system allocator, where nothing counts.
    let m = run().measurement;
    let calls = m.allocations + m.deallocations + m.grows + m.shrinks;
    // Smallest batch whose time the clock reads well (1 natively).
    let mut batch = 1;
    while settings.min_sample_ms > 0.0 && batch < MAX_BATCH {
        let t = now();
        for _ in 0..batch {
            run();
        }
        if now() - t >= settings.min_sample_ms {
            break;
        }
        batch *= 2;
    }
    let mut samples = Vec::new();
    let started = now();
    while samples.len() < MIN_SAMPLES || (now() - started < settings.slice_ms && samples.len() < MAX_SAMPLES) {
        let t = now();
        for _ in 0..batch {
            run();
        }
        samples.push((now() - t) / batch as f64);
    }
    samples.sort_by(f64::total_cmp);
    let ns = |ms: f64| (ms * 1e6).round();
    format!(
        "{}/{}\t{}\t{}\t{}\t{batch}\t{calls}",
        entry.slug,
        variant.id,
        ns(samples[0]),
        ns(samples[samples.len() / 2]),
        samples.len() * batch
    )
}
