//! What a run produces: each variant's figures ([`VariantRun`]), the run's
//! ([`RunResult`]), a metric read from them, and the headline above the
//! chart. Above the declarations (`exercise`), below the runner and the
//! protocol; plain data, no platform APIs.

use serde::{Deserialize, Serialize};

use crate::exercise::{Mark, Metric, Note, Params, REPORTED};
use crate::measure::{LiveCheckpoint, Measurement, Snapshot, Timeline};
use crate::units::{capitalise, human_ratio, ratio};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunResult {
    pub slug: String,
    pub params: Params,
    pub metric: Metric,
    /// One per variant, in the exercise's order (baseline first).
    pub variants: Vec<VariantRun>,
    /// `size_of::<usize>()` in the build that ran: 4 on wasm32, 8 natively.
    pub pointer_bytes: u32,
}

impl RunResult {
    /// True when every variant computed the same checksum.
    pub fn checksums_agree(&self) -> bool {
        self.variants.windows(2).all(|w| w[0].checksum == w[1].checksum)
    }
}

/// The outcome of running one variant. Two runs compare equal when every
/// figure but the wall time does (see the `PartialEq` below).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VariantRun {
    pub id: String,
    pub label: String,
    pub checksum: u64,
    pub measurement: Measurement,
    pub marks: Vec<Mark>,
    pub notes: Vec<Note>,
    /// Allocation-site snapshots, each under the label the variant gave it.
    pub snapshots: Vec<Snapshot>,
    pub live_counts: Vec<LiveCheckpoint>,
    /// Live bytes over the run, when the exercise records one.
    pub timeline: Option<Timeline>,
    /// Wall time of the variant's body in microseconds, by the clock the
    /// run was given, with the counting allocator counting every allocation
    /// (and recording the timeline, if any). `None` when not timed: no
    /// clock, or a run read back from an exported file, which has no time.
    pub micros: Option<f64>,
}

/// Every field but `micros`: a time differs from run to run, the figures
/// do not, and tests compare runs by their figures.
impl PartialEq for VariantRun {
    fn eq(&self, other: &Self) -> bool {
        // Destructured, so a new field cannot be left out of the comparison.
        let VariantRun { id, label, checksum, measurement, marks, notes, snapshots, live_counts, timeline, micros: _ } =
            self;
        (id, label, checksum, measurement, marks, notes, snapshots, live_counts, timeline)
            == (
                &other.id,
                &other.label,
                &other.checksum,
                &other.measurement,
                &other.marks,
                &other.notes,
                &other.snapshots,
                &other.live_counts,
                &other.timeline,
            )
    }
}

impl Eq for VariantRun {}

impl Metric {
    /// This figure of one variant's run. A run that reported nothing (see
    /// [`Probe::report`]) has no reported size: 0.
    pub fn of(self, run: &VariantRun) -> i64 {
        let m = &run.measurement;
        match self {
            Metric::PeakBytes => m.peak_bytes as i64,
            Metric::AllocatedBytes => m.allocated_bytes as i64,
            Metric::Allocations => m.allocations as i64,
            Metric::RetainedBytes => m.retained_bytes,
            Metric::ReportedBytes => run.notes.iter().find(|n| n.label == REPORTED).map_or(0, |n| n.value),
        }
    }
}

/// The one sentence above a run's chart: how the best (last) variant did
/// against the baseline (first) on the exercise's metric.
pub fn headline(result: &RunResult) -> String {
    let (Some(first), Some(last)) = (result.variants.first(), result.variants.last()) else {
        return "No variants ran.".into();
    };
    let metric = result.metric;
    let (base, best) = (metric.of(first), metric.of(last));
    let (what, winner) = (metric.name(), capitalise(&last.label));
    if metric == Metric::ReportedBytes {
        // A reported size is an answer, not a cost: no "fewer".
        return format!("{winner} reports {}; {} reports {}.", metric.format(best), first.label, metric.format(base));
    }
    match ratio(base, best) {
        // Under 10 % a ratio reads "1.0x fewer": say the percentage instead.
        Some(r) if r > 1.0 && r < 1.1 => format!(
            "{winner}: {} {what}, {}% fewer than {} ({}).",
            metric.format(best),
            ((1.0 - 1.0 / r) * 100.0).round().max(1.0),
            first.label,
            metric.format(base)
        ),
        Some(r) if r > 1.0 => format!(
            "{winner}: {} {what}, {} fewer than {} ({}).",
            metric.format(best),
            human_ratio(r),
            first.label,
            metric.format(base)
        ),
        _ if best <= 0 && base > 0 => {
            format!("{winner}: no heap at all ({what}), against {} for {}.", metric.format(base), first.label)
        }
        _ => format!("{winner}: {} {what}; {}: {}.", metric.format(best), first.label, metric.format(base)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(metric: crate::exercise::Metric, figures: &[(&str, u64, i64)]) -> RunResult {
        use crate::measure::Measurement;

        RunResult {
            slug: "demo".into(),
            params: crate::exercise::Params(Vec::new()),
            metric,
            variants: figures
                .iter()
                .map(|(label, peak, allocations)| VariantRun {
                    id: label.to_string(),
                    label: label.to_string(),
                    checksum: 0,
                    measurement: Measurement {
                        peak_bytes: *peak,
                        allocations: *allocations as u64,
                        ..Default::default()
                    },
                    marks: Vec::new(),
                    notes: Vec::new(),
                    snapshots: Vec::new(),
                    live_counts: Vec::new(),
                    timeline: None,
                    micros: None,
                })
                .collect(),
            pointer_bytes: 4,
        }
    }

    #[test]
    fn headlines_compare_the_last_variant_with_the_first() {
        use crate::exercise::Metric::{Allocations, PeakBytes};
        let run = run_with(PeakBytes, &[("map of attributes", 936_000, 0), ("fixed fields", 240_000, 0)]);
        assert_eq!(headline(&run), "Fixed fields: 234 KiB peak bytes, 3.9x fewer than map of attributes (914 KiB).");
        let close = run_with(PeakBytes, &[("eager", 5_851_000, 0), ("lazy", 5_788_000, 0)]);
        assert_eq!(headline(&close), "Lazy: 5.52 MiB peak bytes, 1% fewer than eager (5.58 MiB).");
        let none = run_with(PeakBytes, &[("list", 8000, 0), ("generator", 0, 0)]);
        assert_eq!(headline(&none), "Generator: no heap at all (peak bytes), against 7.81 KiB for list.");
        let worse = run_with(Allocations, &[("fresh", 0, 10), ("pooled", 0, 12)]);
        assert_eq!(headline(&worse), "Pooled: 12 allocations; fresh: 10.");
        assert_eq!(headline(&run_with(PeakBytes, &[])), "No variants ran.");
    }
}
