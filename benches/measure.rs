//! What every exercise measures at its default parameters, how long each
//! variant takes natively, and what the counting allocator itself costs.
//!
//! Run with `cargo bench --bench measure` (needs `harness = false` for this
//! bench in Cargo.toml). Every figure printed is measured by this run.

// Calls the raw allocator directly to time it.
#![allow(unsafe_code)]
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::time::{Duration, Instant};

use heapwise::exercise::{Params, Probe, Variant};

use heapwise::exercises::REGISTRY;
use heapwise::measure::{self, site};
use heapwise::run::run_variant;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

/// Each variant is timed for at least this long (and at least `MIN_RUNS` times).
const TIME_BUDGET: Duration = Duration::from_millis(300);
const MIN_RUNS: usize = 3;
const MAX_RUNS: usize = 200;
/// Allocation + free pairs timed for the allocator's own cost.
const PAIRS: u64 = 1_000_000;

/// Median wall time of `f` over repeated runs.
fn median_time(mut f: impl FnMut()) -> (Duration, usize) {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < MIN_RUNS || (started.elapsed() < TIME_BUDGET && times.len() < MAX_RUNS) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[times.len() / 2], times.len())
}

fn show_time(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// 1234567 -> "1,234,567".
fn grouped(n: impl ToString) -> String {
    let digits = n.to_string();
    let (sign, digits) = digits.strip_prefix('-').map_or(("", digits.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

fn show_params(params: &Params) -> String {
    params.0.iter().map(|(k, v)| format!("{k}={}", grouped(v))).collect::<Vec<_>>().join(", ")
}

fn nothing(_: &Params, _: &mut Probe) -> u64 {
    0
}

fn exercises_table() {
    // What `run_variant` costs around any variant: measuring, and clearing
    // the site table before and after.
    let empty = Variant { id: "nothing", label: "nothing", run: nothing };
    let (overhead, _) = median_time(|| {
        black_box(run_variant(&empty, &Params::default(), false));
    });
    println!("Exercises at their default parameters (natively, median wall time per run_variant call;");
    println!("each includes a fixed {} for measuring and clearing the site table).", show_time(overhead));
    println!();
    let id_width = REGISTRY.iter().flat_map(|e| e.spec.variants).map(|v| v.id.len()).max().unwrap_or(7).max(7);
    let slug_width = REGISTRY.iter().map(|e| e.slug.len()).max().unwrap_or(8).max(8);
    println!(
        "{:<slug_width$} {:<id_width$} {:>14} {:>16} {:>12} {:>11} {:>6}",
        "exercise", "variant", "peak bytes", "allocated bytes", "allocations", "time", "runs"
    );
    println!("{}", "-".repeat(slug_width + id_width + 65));
    for entry in REGISTRY {
        let exercise = entry.spec;
        let slug = entry.slug;
        let params = exercise.default_params();
        let metric = exercise.metric;
        let mut figures = Vec::new();
        for variant in exercise.variants {
            let run = run_variant(variant, &params, exercise.records_timeline);
            let (time, runs) = median_time(|| {
                black_box(run_variant(variant, &params, exercise.records_timeline));
            });
            let m = run.measurement;
            println!(
                "{:<slug_width$} {:<id_width$} {:>14} {:>16} {:>12} {:>11} {:>6}",
                slug,
                variant.id,
                grouped(m.peak_bytes),
                grouped(m.allocated_bytes),
                grouped(m.allocations),
                show_time(time),
                runs
            );
            figures.push(metric.of(&run));
        }
        let (first, last) = (figures[0], *figures.last().unwrap());
        let ratio = if last > 0 { format!("{:.2}x", first as f64 / last as f64) } else { "(last is 0)".to_string() };
        println!(
            "{:<slug_width$} {} ({}): first/last on {} = {} / {} = {}",
            "",
            slug,
            show_params(&params),
            metric.name(),
            grouped(first),
            grouped(last),
            ratio
        );
    }
    println!();
}

/// Nanoseconds per alloc + free pair of a small box through the global
/// (counting) allocator.
fn boxes_through_counting() -> f64 {
    let t = Instant::now();
    for i in 0..PAIRS {
        drop(black_box(Box::new(i)));
    }
    t.elapsed().as_nanos() as f64 / PAIRS as f64
}

/// The same pairs straight to the system allocator, bypassing the counter.
fn boxes_through_system() -> f64 {
    let layout = Layout::new::<u64>();
    let t = Instant::now();
    for i in 0..PAIRS {
        // SAFETY: `layout` has a non-zero size; the pointer is checked,
        // written within its layout, and freed with the same layout.
        unsafe {
            let p = System.alloc(layout) as *mut u64;
            assert!(!p.is_null());
            p.write(i);
            black_box(p);
            System.dealloc(p as *mut u8, layout);
        }
    }
    t.elapsed().as_nanos() as f64 / PAIRS as f64
}

/// A way of running the boxes loop, and its name.
type Setup = (&'static str, fn() -> f64);

fn allocator_cost() {
    println!(
        "The counting allocator's own cost: {} alloc + free pairs of a Box<u64>, best of 5 interleaved rounds",
        grouped(PAIRS)
    );
    let setups: [Setup; 5] = [
        ("system allocator directly (no counting)", boxes_through_system),
        ("counting allocator", boxes_through_counting),
        ("counting, inside measure()", || measure::measure(boxes_through_counting).0),
        ("counting, inside an allocation site", || {
            let _site = site("bench/boxes");
            boxes_through_counting()
        }),
        ("counting, while recording a timeline", || measure::record_timeline(boxes_through_counting).0),
    ];
    // Rounds interleave the setups so drift (clock, caches) hits all alike.
    let mut best = [f64::INFINITY; 5];
    for _ in 0..5 {
        for (best, (_, run)) in best.iter_mut().zip(&setups) {
            *best = best.min(run());
        }
    }
    let system = best[0];
    for ((what, _), ns) in setups.iter().zip(best) {
        let extra = if ns == system { String::new() } else { format!("(+{:.1} ns)", ns - system) };
        println!("  {what:<42} {ns:>7.1} ns per pair {extra}");
    }
    println!();
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is ignored.
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("heapwise measurement bench");
    println!("command: cargo bench --bench measure   (binary arguments: {args:?})");
    println!(
        "target: {} {}, pointers {} bytes, debug assertions {}",
        std::env::consts::ARCH,
        std::env::consts::OS,
        std::mem::size_of::<usize>(),
        if cfg!(debug_assertions) { "on" } else { "off" }
    );
    println!();
    exercises_table();
    allocator_cost();
}
