//! The one trait every exercise implements, and what a run of it produces.

use serde::{Deserialize, Serialize};

use crate::measure::{self, live, sites, Measurement, Snapshot, Timeline};

/// One way of solving an exercise's problem, e.g. "naive" or "optimized".
/// Declared as data in the exercise's module, in display order.
pub struct Variant {
    /// Stable id used in URLs, results and tests (`naive`, `optimized`, ...).
    pub id: &'static str,
    /// Short name shown on the chart.
    pub label: &'static str,
    /// Runs the variant and returns a checksum of what it computed; every
    /// variant of an exercise must return the same checksum for the same
    /// parameters. `probe` records named checkpoints along the way.
    pub run: fn(&Params, &mut Probe) -> u64,
}

/// Which figure an exercise is about; the optimized variant must beat the
/// naive one on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Metric {
    /// Most bytes held at once.
    PeakBytes,
    /// Bytes requested in total over the run.
    AllocatedBytes,
    /// Number of allocations.
    Allocations,
    /// Bytes still held when the run ended.
    RetainedBytes,
}

impl Metric {
    pub fn of(self, m: &Measurement) -> i64 {
        match self {
            Metric::PeakBytes => m.peak_bytes as i64,
            Metric::AllocatedBytes => m.allocated_bytes as i64,
            Metric::Allocations => m.allocations as i64,
            Metric::RetainedBytes => m.retained_bytes,
        }
    }

    /// Every metric, in the order the figures table shows them.
    pub const ALL: [Metric; 4] = [Metric::PeakBytes, Metric::RetainedBytes, Metric::AllocatedBytes, Metric::Allocations];

    /// The machine-readable name (`data-metric` on the page).
    pub fn key(self) -> &'static str {
        match self {
            Metric::PeakBytes => "peak_bytes",
            Metric::RetainedBytes => "retained_bytes",
            Metric::AllocatedBytes => "allocated_bytes",
            Metric::Allocations => "allocations",
        }
    }

    /// True for figures in bytes, false for counts.
    pub fn is_bytes(self) -> bool {
        self != Metric::Allocations
    }

    pub fn name(self) -> &'static str {
        match self {
            Metric::PeakBytes => "peak bytes",
            Metric::AllocatedBytes => "bytes allocated in total",
            Metric::Allocations => "allocations",
            Metric::RetainedBytes => "bytes retained",
        }
    }
}

/// An exercise's Rust side: its variants and its own source text.
pub trait Exercise: Sync {
    /// The exercise id: URL segment and the name of its `exercises/` folder.
    fn slug(&self) -> &'static str;
    /// The variants, the baseline ("naive") first.
    fn variants(&self) -> &'static [Variant];
    /// The full text of the module that implements the variants, embedded
    /// with `include_str!` from the very file that is compiled and run.
    fn source(&self) -> &'static str;
    /// The figure the exercise is about.
    fn metric(&self) -> Metric {
        Metric::PeakBytes
    }
    /// Whether runs record a live-bytes timeline (drawn as a line chart).
    fn records_timeline(&self) -> bool {
        false
    }
    /// An interactive calculator the page offers beside the exercise.
    fn calculator(&self) -> Option<Calculator> {
        None
    }
}

/// A small pure tool a student types into, e.g. a struct-format size
/// calculator. It runs on the page, not in the worker: it measures nothing.
pub struct Calculator {
    pub title: &'static str,
    /// Label of the input field.
    pub prompt: &'static str,
    /// What the field starts with.
    pub example: &'static str,
    /// Markdown shown under the title.
    pub help: &'static str,
    /// The answer for an input, or why there is none.
    pub compute: fn(&str) -> Result<String, String>,
}

/// Parameter values for a run, by name (`n`, `chunk`, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params(pub Vec<(String, u64)>);

impl Params {
    pub fn new(values: &[(&str, u64)]) -> Params {
        Params(values.iter().map(|(k, v)| (k.to_string(), *v)).collect())
    }

    /// The value of `name`.
    ///
    /// # Panics
    /// If the exercise's data does not declare `name` (the registry test
    /// runs every variant with its declared parameters, so this shows there).
    pub fn get(&self, name: &str) -> u64 {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("parameter `{name}` is not declared"))
    }

    /// `get` as a `usize`, for lengths and counts.
    pub fn size(&self, name: &str) -> usize {
        self.get(name) as usize
    }
}

/// A checkpoint recorded during a run: live bytes relative to its start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub label: String,
    pub live_bytes: i64,
}

/// Most marks and snapshots one run may record without its own bookkeeping
/// showing up in the figures (the registry test checks this).
pub const PROBE_CAPACITY: usize = 16;

/// Handed to a variant so it can record checkpoints ("after creating 100
/// models", "after touching one") and allocation-site snapshots.
/// Its buffers are reserved before the run starts, so recording allocates
/// nothing inside the measurement.
#[derive(Debug)]
pub struct Probe {
    base: i64,
    marks: Vec<(&'static str, i64)>,
    notes: Vec<(&'static str, i64)>,
    snapshots: Vec<(&'static str, Snapshot)>,
    spare: Vec<Snapshot>,
}

impl Probe {
    fn start() -> Probe {
        let spare = (0..PROBE_CAPACITY)
            .map(|_| Snapshot { sites: Vec::with_capacity(sites::MAX_SITES), untracked_blocks: 0 })
            .collect();
        let marks = Vec::with_capacity(PROBE_CAPACITY);
        let notes = Vec::with_capacity(PROBE_CAPACITY);
        let snapshots = Vec::with_capacity(PROBE_CAPACITY);
        live::begin_checkpoints();
        // Read last, so the probe's own buffers are not part of any mark.
        Probe { base: measure::live_bytes(), marks, notes, snapshots, spare }
    }

    /// Records the live bytes now, relative to the start of the run.
    pub fn mark(&mut self, label: &'static str) {
        let live = measure::live_bytes() - self.base;
        self.marks.push((label, live));
    }

    /// Records a figure the variant computed itself, such as the size a
    /// walker reports, so the page can show it beside the measured ones.
    pub fn note(&mut self, label: &'static str, value: i64) {
        self.notes.push((label, value));
    }

    /// Records how many values of each counted type are alive now (see
    /// [`measure::live`]).
    pub fn count_live(&mut self, label: &'static str) {
        live::checkpoint(label);
    }

    /// Records what every allocation site holds now (see [`measure::site`]).
    pub fn snapshot(&mut self, label: &'static str) {
        let mut snap = self.spare.pop().unwrap_or_default();
        sites::snapshot_into(&mut snap);
        self.snapshots.push((label, snap));
    }
}

/// A snapshot recorded by [`Probe::snapshot`], with its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRecord {
    pub label: String,
    pub sites: Vec<SiteRow>,
    pub untracked_blocks: u64,
}

impl SnapshotRecord {
    /// Per-site change from `earlier` to `self` (see [`sites::diff_rows`]).
    pub fn diff(&self, earlier: &SnapshotRecord) -> Vec<sites::SiteDiff<String>> {
        sites::diff_rows(&self.rows(), &earlier.rows())
    }

    /// What `label` holds here: `(bytes, blocks)`, zeros if nothing.
    pub fn site(&self, label: &str) -> (i64, i64) {
        self.sites.iter().find(|s| s.label == label).map_or((0, 0), |s| (s.bytes, s.blocks))
    }

    fn rows(&self) -> Vec<(String, i64, i64)> {
        self.sites.iter().map(|s| (s.label.clone(), s.bytes, s.blocks)).collect()
    }
}

/// Live values per counted type at one checkpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveRecord {
    pub label: String,
    /// `(type name, live now, created since the run started)`, most live first.
    pub counts: Vec<(String, i64, u64)>,
}

/// A figure a variant reported with [`Probe::note`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub label: String,
    pub value: i64,
}

/// One site's line in a recorded snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRow {
    pub label: String,
    pub bytes: i64,
    pub blocks: i64,
}

/// The outcome of running one variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantRun {
    pub id: String,
    pub label: String,
    pub checksum: u64,
    pub measurement: Measurement,
    pub marks: Vec<Mark>,
    pub notes: Vec<Note>,
    pub snapshots: Vec<SnapshotRecord>,
    pub live_counts: Vec<LiveRecord>,
    /// Live bytes over the run, when the exercise records one.
    pub timeline: Option<Timeline>,
}

/// Runs one variant under measurement, with a timeline if asked for.
/// Allocation sites are cleared first, so snapshots show this run only.
pub fn run_variant(variant: &Variant, params: &Params, with_timeline: bool) -> VariantRun {
    // Sites are process-wide: one run at a time, even when tests run in
    // parallel threads. A run that panicked leaves nothing behind to fix.
    static ONE_RUN_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _only_run = ONE_RUN_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    sites::reset();
    let mut probe = Probe::start();
    let body = || std::hint::black_box((variant.run)(params, &mut probe));
    let (checksum, measurement, timeline) = if with_timeline {
        let (checksum, measurement, timeline) = measure::record_timeline(body);
        (checksum, measurement, Some(timeline))
    } else {
        let (checksum, measurement) = measure::measure(body);
        (checksum, measurement, None)
    };
    sites::reset();
    let live_counts = live::take_checkpoints()
        .into_iter()
        .map(|checkpoint| LiveRecord {
            label: checkpoint.label.to_string(),
            counts: checkpoint.counts.iter().map(|c| (c.name.to_string(), c.live, c.created)).collect(),
        })
        .collect();
    VariantRun {
        id: variant.id.to_string(),
        label: variant.label.to_string(),
        checksum,
        measurement,
        marks: probe
            .marks
            .into_iter()
            .map(|(label, live_bytes)| Mark { label: label.to_string(), live_bytes })
            .collect(),
        notes: probe.notes.into_iter().map(|(label, value)| Note { label: label.to_string(), value }).collect(),
        live_counts,
        snapshots: probe
            .snapshots
            .into_iter()
            .map(|(label, snap)| SnapshotRecord {
                label: label.to_string(),
                sites: snap
                    .sites
                    .iter()
                    .map(|s| SiteRow { label: s.label.to_string(), bytes: s.bytes, blocks: s.blocks })
                    .collect(),
                untracked_blocks: snap.untracked_blocks,
            })
            .collect(),
        timeline,
    }
}

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    fn holds_a_vector(params: &Params, probe: &mut Probe) -> u64 {
        probe.mark("start");
        let values: Vec<u64> = vec![7; params.size("n")];
        probe.mark("vector built");
        probe.snapshot("after");
        let sum = values.iter().sum();
        drop(values);
        probe.mark("vector dropped");
        sum
    }

    #[test]
    fn marks_show_exactly_the_bytes_the_variant_holds() {
        let variant = Variant { id: "v", label: "v", run: holds_a_vector };
        let n = 1_000;
        let run = run_variant(&variant, &Params::new(&[("n", n)]), true);
        let marks: Vec<i64> = run.marks.iter().map(|m| m.live_bytes).collect();
        assert_eq!(marks, vec![0, (n as usize * size_of::<u64>()) as i64, 0]);
        assert_eq!(run.measurement.peak_bytes, n * size_of::<u64>() as u64);
        assert_eq!(run.measurement.allocations, 1, "recording marks and snapshots allocated");
        assert_eq!(run.snapshots.len(), 1);
        let timeline = run.timeline.expect("asked for a timeline");
        assert_eq!(timeline.peak(), run.measurement.peak_bytes as i64);
    }
}
