//! What an exercise declares (variants, parameters, metric) and the probe a
//! variant records with (its checkpoints and notes); what a run produces is in
//! `outcome`. The bottom layer: it knows the measuring core and nothing else.

use serde::{Deserialize, Serialize};

use crate::measure::{self, live, sites, Label, Snapshot};
use crate::units::grouped;

/// A checkpoint recorded during a run: live bytes relative to its start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub label: Label,
    pub live_bytes: i64,
}

/// A figure a variant reported with [`Probe::note`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub label: Label,
    pub value: i64,
}

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

/// The label of the note [`Probe::report`] writes.
pub const REPORTED: &str = "reported size (bytes)";

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
    /// A size in bytes the variant computed and reported with
    /// [`Probe::report`] (a deep-size walker's total, a `size_of_val`), not
    /// one the allocator counted: for exercises about measuring sizes. The
    /// exercise's tests check each reported figure against the allocator's.
    ReportedBytes,
}

impl Metric {
    /// Every figure the allocator gives for every run, in the order the
    /// figures table shows them. `ReportedBytes` is not among them: only
    /// the exercises that chart it report it, and the table adds it for them.
    pub const ALL: [Metric; 4] =
        [Metric::PeakBytes, Metric::RetainedBytes, Metric::AllocatedBytes, Metric::Allocations];

    /// The columns of the figures table for a run charted on `self`: the
    /// allocator's four, then this one if it is not among them.
    pub fn columns(self) -> Vec<Metric> {
        let mut all = Metric::ALL.to_vec();
        if !all.contains(&self) {
            all.push(self);
        }
        all
    }

    /// The machine-readable name (`data-metric` on the page).
    pub fn key(self) -> &'static str {
        match self {
            Metric::PeakBytes => "peak_bytes",
            Metric::RetainedBytes => "retained_bytes",
            Metric::AllocatedBytes => "allocated_bytes",
            Metric::Allocations => "allocations",
            Metric::ReportedBytes => "reported_bytes",
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
            Metric::ReportedBytes => "bytes reported",
        }
    }

    /// The column heading of this figure in the results table.
    pub fn heading(self) -> &'static str {
        match self {
            Metric::PeakBytes => "Peak",
            Metric::RetainedBytes => "Held at end",
            Metric::AllocatedBytes => "Allocated in total",
            Metric::Allocations => "Allocations",
            Metric::ReportedBytes => "Reported size",
        }
    }

    /// The title of the chart that compares the variants on this figure.
    pub fn chart_title(self) -> String {
        match self {
            Metric::ReportedBytes => {
                "Size each variant reports, in bytes (the allocator's figures are in the table)".into()
            }
            _ => format!("{} per variant, measured", crate::units::capitalise(self.name())),
        }
    }

    /// A value of this figure for people: bytes in binary units, counts grouped.
    pub fn format(self, value: i64) -> String {
        if self.is_bytes() {
            crate::units::human_bytes(value)
        } else {
            grouped(value)
        }
    }
}

/// An exercise's Rust side, as data: what runs, with which parameters, and
/// which figure decides. Each exercise module declares one `static SPEC`,
/// spreading [`ExerciseSpec::DEFAULT`] for what it does not set; the
/// registry (`exercises/mod.rs`) adds the slug and the embedded source.
pub struct ExerciseSpec {
    /// The variants, the baseline ("naive") first and the best last.
    pub variants: &'static [Variant],
    /// What a run can be asked to vary, with bounds. The page and the worker
    /// check a request against these same declarations.
    pub params: &'static [ParamSpec],
    /// The figure the exercise is about.
    pub metric: Metric,
    /// Whether runs record a live-bytes timeline (drawn as a line chart).
    pub records_timeline: bool,
    /// An interactive calculator the page offers beside the exercise.
    pub calculator: Option<Calculator>,
}

/// What the page needs of an [`ExerciseSpec`]: all of it but the
/// variants' code. `exercises::PAGES` holds one per exercise, copied at
/// compile time, so the page's wasm links no exercise code (the worker
/// runs it and answers with each variant's id and label).
#[derive(Clone, Copy)]
pub struct PageSpec {
    /// Each variant's id and label, in declaration order.
    pub variants: &'static [VariantName],
    pub params: &'static [ParamSpec],
    pub metric: Metric,
    pub records_timeline: bool,
    pub calculator: Option<CalculatorText>,
}

/// A variant as the page knows it: no code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VariantName {
    pub id: &'static str,
    pub label: &'static str,
}

impl PageSpec {
    /// `spec` without its code; `variants` is [`variant_names`] of it.
    pub const fn of(spec: &ExerciseSpec, variants: &'static [VariantName]) -> PageSpec {
        PageSpec {
            variants,
            params: spec.params,
            metric: spec.metric,
            records_timeline: spec.records_timeline,
            calculator: match &spec.calculator {
                Some(c) => Some(CalculatorText { title: c.title, prompt: c.prompt, example: c.example }),
                None => None,
            },
        }
    }

    /// The same check as [`ExerciseSpec::validate`].
    pub fn validate(&self, params: &Params) -> Result<(), String> {
        validate(self.params, params)
    }
}

/// The ids and labels of `spec`'s first `N` variants, at compile time.
pub const fn variant_names<const N: usize>(spec: &ExerciseSpec) -> [VariantName; N] {
    let mut names = [VariantName { id: "", label: "" }; N];
    let mut i = 0;
    while i < N {
        names[i] = VariantName { id: spec.variants[i].id, label: spec.variants[i].label };
        i += 1;
    }
    names
}

impl ExerciseSpec {
    /// The values a declaration spreads from: peak bytes, no timeline, no calculator.
    pub const DEFAULT: ExerciseSpec = ExerciseSpec {
        variants: &[],
        params: &[],
        metric: Metric::PeakBytes,
        records_timeline: false,
        calculator: None,
    };

    /// The declared defaults.
    pub fn default_params(&self) -> Params {
        Params(self.params.iter().map(|p| (p.name.to_string(), p.default)).collect())
    }

    /// Every combination of each parameter at its min and max (and the
    /// defaults): the points the registry tests run.
    pub fn boundary_params(&self) -> Vec<Params> {
        let mut all = vec![self.default_params()];
        for corner in 0..(1u32 << self.params.len()) {
            all.push(Params(
                self.params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.name.to_string(), if corner >> i & 1 == 1 { p.max } else { p.min }))
                    .collect(),
            ));
        }
        all
    }

    /// Checks `params` against the declared parameters: every one present,
    /// none unknown, each within its bounds.
    pub fn validate(&self, params: &Params) -> Result<(), String> {
        validate(self.params, params)
    }
}

/// Every parameter declared, given once and within its bounds, and no other.
fn validate(declared: &[ParamSpec], params: &Params) -> Result<(), String> {
    for (name, value) in &params.0 {
        let Some(spec) = declared.iter().find(|p| p.name == name) else {
            return Err(format!("this exercise has no parameter called \"{name}\""));
        };
        spec.check(*value)?;
    }
    if let Some(missing) = declared.iter().find(|p| !params.0.iter().any(|(n, _)| n == p.name)) {
        return Err(format!("the parameter \"{}\" is missing", missing.name));
    }
    Ok(())
}

/// One parameter a run takes, with its bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ParamSpec {
    /// Name used in the URL and by the Rust code (`n`).
    pub name: &'static str,
    /// What it counts, for the form ("points").
    pub label: &'static str,
    pub default: u64,
    pub min: u64,
    pub max: u64,
}

impl ParamSpec {
    /// `value` if it is within the bounds; otherwise why not, in words.
    pub fn check(&self, value: u64) -> Result<u64, String> {
        if value < self.min || value > self.max {
            return Err(format!("{} must be from {}; {value} is out of range", self.describe(), self.range()));
        }
        Ok(value)
    }

    /// Reads a value as typed by a person or written in a URL ("10,000"
    /// and "10_000" too) and checks it; the error says what was wrong.
    pub fn parse(&self, raw: &str) -> Result<u64, String> {
        let cleaned: String = raw.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
        let value: u64 = cleaned.parse().map_err(|_| {
            format!("{} must be a whole number from {}; \"{raw}\" is not one", self.describe(), self.range())
        })?;
        self.check(value)
    }

    /// "points (n)": what a person reads, and the name a link uses.
    fn describe(&self) -> String {
        format!("{} ({})", self.label, self.name)
    }

    fn range(&self) -> String {
        format!("{} to {}", grouped(self.min as i64), grouped(self.max as i64))
    }
}

/// A small pure tool a student types into, e.g. a struct-format size
/// calculator. It measures nothing; the measuring worker runs it, so its
/// code stays out of the page's first load ([`CalculatorText`] is the
/// page's part).
#[derive(Clone, Copy)]
pub struct Calculator {
    pub title: &'static str,
    /// Label of the input field.
    pub prompt: &'static str,
    /// What the field starts with.
    pub example: &'static str,
    // How to use it is text, so it lives with the exercise's text:
    // `calculator_help` in exercise.toml.
    /// The answer for an input, or why there is none.
    pub compute: fn(&str) -> Result<String, String>,
}

/// A calculator as the page knows it: its words, not its code (the
/// measuring worker answers, `protocol::Request::Calculate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalculatorText {
    pub title: &'static str,
    pub prompt: &'static str,
    pub example: &'static str,
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
    pub(crate) marks: Vec<Mark>,
    pub(crate) notes: Vec<Note>,
    pub(crate) snapshots: Vec<Snapshot>,
    spare: Vec<Snapshot>,
}

impl Probe {
    pub(crate) fn start() -> Probe {
        let spare = (0..PROBE_CAPACITY)
            .map(|_| Snapshot { sites: Vec::with_capacity(sites::MAX_SITES), ..Snapshot::default() })
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
        let live_bytes = measure::live_bytes() - self.base;
        self.marks.push(Mark { label: Label::Borrowed(label), live_bytes });
    }

    /// Records a figure the variant computed itself, such as the size a
    /// walker reports, so the page can show it beside the measured ones.
    pub fn note(&mut self, label: &'static str, value: i64) {
        self.notes.push(Note { label: Label::Borrowed(label), value });
    }

    /// Records the size in bytes this variant reports (its figure for
    /// [`Metric::ReportedBytes`]), as a note the page also lists.
    pub fn report(&mut self, bytes: usize) {
        self.note(REPORTED, bytes as i64);
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
        snap.label = Label::Borrowed(label);
        self.snapshots.push(snap);
    }
}

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::run::run_variant;

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
