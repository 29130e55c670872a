// The workload of the two overhead benchmarks (`overhead_counting` and
// `overhead_system`): every exercise's every variant at its default
// parameters, run exactly as the worker runs it (`run::run_variant`). The
// two binaries include this file and differ only in their global allocator,
// so the ratio of their times is what measuring costs. `benches/overhead.mjs`
// runs both, alternately, and prints the table.

use std::hint::black_box;
use std::time::{Duration, Instant};

use heapwise::exercises::REGISTRY;
use heapwise::run::run_variant;

/// Each variant is timed for at least this long and at least `MIN_RUNS` times.
const TIME_BUDGET: Duration = Duration::from_millis(250);
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 500;

/// Prints `slug<TAB>variant<TAB>median nanoseconds<TAB>runs`, one line a variant.
pub fn time_every_variant(allocator: &str) {
    println!("# allocator\t{allocator}");
    for entry in REGISTRY {
        let params = entry.spec.default_params();
        for variant in entry.spec.variants {
            // One run first, so both binaries time warm code and warm caches.
            black_box(run_variant(variant, &params, entry.spec.records_timeline));
            let mut times = Vec::new();
            let started = Instant::now();
            while times.len() < MIN_RUNS || (started.elapsed() < TIME_BUDGET && times.len() < MAX_RUNS) {
                let t = Instant::now();
                black_box(run_variant(variant, &params, entry.spec.records_timeline));
                times.push(t.elapsed());
            }
            times.sort();
            println!("{}\t{}\t{}\t{}", entry.slug, variant.id, times[times.len() / 2].as_nanos(), times.len());
        }
    }
}
