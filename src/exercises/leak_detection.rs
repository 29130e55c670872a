//! leak-detection: a cache that grows on every new key and never evicts,
//! found two ways, then fixed with a bound.
//!
//! The handler builds a report per key (1 KiB of body) and caches it. In
//! the Python program the cache is a module-level dict, a real global that
//! lives until the process exits. Here it is a field of a service struct
//! that each run creates, and which is dropped when the run ends: a real
//! `static` (or a `thread_local!`) would keep the previous run's reports, so
//! a second run would start from a different heap and the figures would not
//! repeat. What the exercise measures is therefore what the leak holds
//! *while the service lives*: the peak, and the snapshots taken along the
//! way. (Rust would free a global cache only when the program exits, too;
//! nothing reclaims it earlier, just as in Python.)
//!
//! Detection, as in the lesson:
//! 1. A snapshot before any request and one after each quarter of the keys;
//!    diffing them shows the "report cache" site growing every time.
//! 2. Live counts by type: every `Report` carries a zero-sized
//!    `Live<Report>` guard, and `probe.count_live` records how many exist at
//!    each quarter. A type whose count keeps growing is the suspect.
//!
//! `naive` keeps every report in a `HashMap` forever. `optimized` keeps the
//! `BOUND` most recently used reports in a ring (`VecDeque`) with room for
//! exactly `BOUND`, evicting the oldest before building a new one.

use std::collections::{HashMap, VecDeque};

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};
use crate::measure::live::{Live, LiveCounter, LiveType};
use crate::measure::site;

/// Bytes of body in each report, as in the Python program.
pub const REPORT_BYTES: usize = 1024;
/// How many reports the bounded cache keeps.
pub const BOUND: usize = 10;

static REPORTS: LiveCounter = LiveCounter::new("Report");

/// What the handler builds for a key and the cache keeps.
pub struct Report {
    key: u64,
    body: Vec<u8>,
    _live: Live<Report>,
}

impl LiveType for Report {
    fn live_counter() -> &'static LiveCounter {
        &REPORTS
    }
}

impl Report {
    fn build(key: u64) -> Report {
        Report { key, body: vec![(key % 251) as u8; REPORT_BYTES], _live: Live::new() }
    }

    /// The answer the handler returns, the same whichever cache served it.
    fn answer(&self) -> u64 {
        self.key + self.body[0] as u64
    }
}

/// Each key twice in a row, then the previous key once more: recent keys
/// come back, so a small cache still serves most requests.
fn requests(keys: std::ops::Range<u64>) -> impl Iterator<Item = u64> {
    keys.flat_map(|key| [Some(key), Some(key), key.checked_sub(1)].into_iter().flatten())
}

/// The service with the leak: one entry per key, for as long as it lives.
struct UnboundedService {
    cache: HashMap<u64, Report>,
}

impl UnboundedService {
    fn handle(&mut self, key: u64) -> u64 {
        let _site = site("report cache");
        self.cache.entry(key).or_insert_with(|| Report::build(key)).answer()
    }
}

/// The fix: at most `BOUND` reports, least recently used evicted first.
struct BoundedService {
    /// Oldest at the front, most recently used at the back.
    cache: VecDeque<Report>,
}

impl BoundedService {
    fn new() -> BoundedService {
        let _site = site("report cache");
        BoundedService { cache: VecDeque::with_capacity(BOUND) }
    }

    fn handle(&mut self, key: u64) -> u64 {
        let _site = site("report cache");
        let report = match self.cache.iter().position(|r| r.key == key) {
            // A hit moves to the back: it is now the most recently used.
            Some(index) => self.cache.remove(index).expect("index is in range"),
            None => {
                // Evict first, so at most BOUND reports ever exist at once.
                if self.cache.len() == BOUND {
                    self.cache.pop_front();
                }
                Report::build(key)
            }
        };
        let answer = report.answer();
        self.cache.push_back(report);
        answer
    }
}

/// Labels for the checkpoint after each quarter of the keys.
const QUARTERS: [&str; 4] = ["after 1/4 of the keys", "after 2/4", "after 3/4", "after all keys"];

/// Serves the keys in four quarters, recording a mark, a snapshot and the
/// live counts before the first request and after each quarter.
fn serve(keys: u64, probe: &mut Probe, mut handle: impl FnMut(u64) -> u64) -> u64 {
    probe.snapshot("before any request");
    probe.count_live("before any request");
    let mut total = 0u64;
    for (quarter, label) in QUARTERS.iter().enumerate() {
        let (from, to) = (keys * quarter as u64 / 4, keys * (quarter as u64 + 1) / 4);
        total += requests(from..to).map(&mut handle).sum::<u64>();
        probe.mark(label);
        probe.snapshot(label);
        probe.count_live(label);
    }
    total
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let mut service = UnboundedService { cache: HashMap::new() };
    serve(params.get("keys"), probe, |key| service.handle(key))
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let mut service = BoundedService::new();
    serve(params.get("keys"), probe, |key| service.handle(key))
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "cache that never evicts", run: naive },
        Variant { id: "optimized", label: "bounded LRU cache", run: optimized },
    ],
    params: &[
        ParamSpec { name: "keys", label: "distinct keys", default: 100, min: 20, max: 20_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::measure::Snapshot;
    use crate::run::run_variant;
    use crate::measure::LiveCheckpoint;

    fn cache_bytes(snapshot: &Snapshot) -> i64 {
        snapshot.site("report cache").0
    }

    /// `(live, created since the run began)` Reports at each checkpoint.
    fn live_reports(checkpoints: &[LiveCheckpoint]) -> Vec<(i64, u64)> {
        let of = |c: &LiveCheckpoint| c.counts.iter().find(|count| count.name == "Report").map_or((0, 0), |count| (count.live, count.created));
        checkpoints.iter().map(of).collect()
    }

    #[test]
    fn the_bounded_cache_peaks_at_exactly_bound_reports() {
        let keys = 100;
        let r = SPEC.run_at(1, &[("keys", keys)]);
        let checkpoints = r.live_counts.clone();
        let one_report = size_of::<Report>() + REPORT_BYTES;
        assert_eq!(r.measurement.peak_bytes, (BOUND * one_report) as u64);
        assert_eq!(r.measurement.retained_bytes, 0);
        // Every snapshot after the first quarter shows the same full cache.
        for snapshot in &r.snapshots[1..] {
            assert_eq!(cache_bytes(snapshot), (BOUND * one_report) as i64);
        }
        // Live reports level off at BOUND; one was created per key.
        assert_eq!(live_reports(&checkpoints), [(0, 0), (BOUND as i64, 25), (BOUND as i64, 50), (BOUND as i64, 75), (BOUND as i64, 100)]);
    }

    #[test]
    fn the_leak_grows_the_cache_site_at_every_quarter_by_over_100_kb_in_all() {
        let keys = 100;
        let r = SPEC.run_at(0, &[("keys", keys)]);
        let checkpoints = r.live_counts.clone();
        assert_eq!(r.snapshots.len(), 5);
        let sizes: Vec<i64> = r.snapshots.iter().map(cache_bytes).collect();
        assert_eq!(sizes[0], 0);
        assert!(sizes.windows(2).all(|w| w[1] > w[0]), "{sizes:?}");
        assert!(sizes[4] - sizes[0] > 100 * 1024);
        assert!(sizes[4] >= (keys as usize * REPORT_BYTES) as i64);
        // Live reports grow with every quarter: the suspect.
        assert_eq!(live_reports(&checkpoints), [(0, 0), (25, 25), (50, 50), (75, 75), (100, 100)]);
        // Dropping the service at the end of the run frees everything.
        assert_eq!(r.measurement.retained_bytes, 0);
    }

    #[test]
    fn a_recently_used_key_survives_eviction() {
        // Run as a variant, so it takes its turn with the other runs and the
        // Reports it creates never show up in their live counts.
        fn check(_: &Params, _: &mut Probe) -> u64 {
            let mut service = BoundedService::new();
            for key in 0..BOUND as u64 {
                service.handle(key);
            }
            service.handle(0); // 0 is now the most recently used; 1 is the oldest.
            service.handle(100);
            let kept: Vec<u64> = service.cache.iter().map(|r| r.key).collect();
            assert_eq!(kept.len(), BOUND);
            assert!(kept.contains(&0) && !kept.contains(&1));
            assert_eq!(kept.last(), Some(&100));
            kept.len() as u64
        }
        let eviction = Variant { id: "eviction", label: "eviction", run: check };
        assert_eq!(run_variant(&eviction, &Params::new(&[]), false).checksum, BOUND as u64);
    }

    #[test]
    fn requests_repeat_recent_keys() {
        let all: Vec<u64> = requests(0..3).collect();
        assert_eq!(all, [0, 0, 1, 1, 0, 2, 2, 1]);
    }
}
