// The native side of the overhead benchmarks: a monotonic clock, and a small
// line protocol so `overhead.mjs` can keep one process per allocator alive
// and alternate between them variant by variant.
//
//   (no arguments, or cargo bench's --bench)  time every variant once
//   --serve   read lines from stdin: `list` answers every variant then `end`;
//             `<index> <slice ms>` answers one `time_variant` line.

use std::io::{BufRead, Write};
use std::time::Instant;

use super::overhead::{time_variant, variants, Settings, DEFAULT_SLICE_MS};

pub fn run(allocator: &str) {
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1e3;
    // Nanosecond clock: every run is timed alone.
    let settings = |slice_ms| Settings { slice_ms, min_sample_ms: 0.0 };
    let mut out = std::io::stdout().lock();
    if std::env::args().nth(1).as_deref() != Some("--serve") {
        writeln!(out, "# allocator\t{allocator}").unwrap();
        for index in 0..variants().len() {
            writeln!(out, "{}", time_variant(index, &settings(DEFAULT_SLICE_MS), now)).unwrap();
        }
        return;
    }
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        if line == "list" {
            for name in variants() {
                writeln!(out, "{name}").unwrap();
            }
            writeln!(out, "end").unwrap();
        } else {
            let mut words = line.split_whitespace();
            let index = words.next().and_then(|w| w.parse().ok()).unwrap_or_else(|| panic!("bad request {line:?}"));
            let slice_ms = words.next().map_or(DEFAULT_SLICE_MS, |w| w.parse().expect("slice ms"));
            writeln!(out, "{}", time_variant(index, &settings(slice_ms), now)).unwrap();
        }
        out.flush().unwrap();
    }
}
