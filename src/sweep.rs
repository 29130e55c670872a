//! Sweeps: every variant run at a series of sizes, and the bytes each one
//! costs per item. The page asks the worker for one run per size (the same
//! requests a single run makes); this module chooses the sizes and reads the
//! slope off the measured points. Pure logic, tested natively.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use crate::exercise::{Metric, ParamSpec};
use crate::outcome::RunResult;
use crate::units::grouped;

/// How many sizes a sweep runs unless asked otherwise.
pub const DEFAULT_POINTS: usize = 6;
/// The most sizes a sweep may run.
pub const MAX_POINTS: usize = 12;

/// `points` sizes from `from` to `to`, spaced evenly on a log scale and
/// rounded to whole numbers; both ends included, no size twice, ascending.
pub fn sizes(from: u64, to: u64, points: usize) -> Vec<u64> {
    let (from, to) = (from.min(to).max(1), to.max(from).max(1));
    let points = points.clamp(2, MAX_POINTS);
    let (low, high) = ((from as f64).ln(), (to as f64).ln());
    let mut all: Vec<u64> = (0..points)
        .map(|i| match i {
            0 => from,
            i if i + 1 == points => to,
            i => (low + (high - low) * i as f64 / (points - 1) as f64).exp().round() as u64,
        })
        .collect();
    all.dedup();
    all
}

/// The sizes a sweep of `spec` runs by default: its whole range from 1 up
/// (sizes are log-spaced, and a sweep starts at 1 at the least, as
/// [`Range::check`] asks), capped at ten times the default so a default
/// sweep stays quick.
pub fn default_range(spec: &ParamSpec) -> (u64, u64) {
    let low = spec.min.max(1);
    (low, spec.max.min(spec.default.saturating_mul(10)).max(low))
}

/// The parameter a sweep varies: an exercise's first parameter, when its
/// bounds span at least a factor of ten (a size, not a switch like a count
/// of writers from 1 to 3). `None` for exercises a sweep would not teach.
pub fn sweepable(params: &[ParamSpec]) -> Option<&ParamSpec> {
    params.first().filter(|p| p.max >= p.min.max(1).saturating_mul(10))
}

/// What a student asks a sweep for: sizes `from` to `to`, `points` of them.
/// Written in links as `from-to-points`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub from: u64,
    pub to: u64,
    pub points: usize,
}

impl Range {
    /// The default sweep of `spec`.
    pub fn default_for(spec: &ParamSpec) -> Range {
        let (from, to) = default_range(spec);
        Range { from, to, points: DEFAULT_POINTS }
    }

    /// Checks raw inputs (as typed: "1,000" is fine) against `spec`; the
    /// error says what to change, in words.
    pub fn check(spec: &ParamSpec, from: &str, to: &str, points: &str) -> Result<Range, String> {
        let low = spec.min.max(1);
        let bounds = format!("{} to {}", grouped(low as i64), grouped(spec.max as i64));
        let size = |which: &str, raw: &str| -> Result<u64, String> {
            let cleaned: String = raw.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
            match cleaned.parse::<u64>() {
                Ok(v) if (low..=spec.max).contains(&v) => Ok(v),
                Ok(v) => Err(format!("The sweep's {which} size, {}, is outside {bounds}", grouped(v as i64))),
                Err(_) => {
                    Err(format!("The sweep's {which} size must be a whole number from {bounds}; \"{raw}\" is not one"))
                }
            }
        };
        let (from, to) = (size("first", from)?, size("last", to)?);
        if from >= to {
            return Err(format!(
                "The sweep's first size must be smaller than its last; {} is not smaller than {}",
                grouped(from as i64),
                grouped(to as i64)
            ));
        }
        let points = match points.trim().parse::<usize>() {
            Ok(p) if (2..=MAX_POINTS).contains(&p) => p,
            _ => {
                return Err(format!("A sweep measures from 2 to {MAX_POINTS} sizes; \"{points}\" is not one of those"))
            }
        };
        Ok(Range { from, to, points })
    }

    /// Reads a link's `from-to-points` against `spec`.
    pub fn parse(spec: &ParamSpec, raw: &str) -> Result<Range, String> {
        let parts: Vec<&str> = raw.split('-').collect();
        match parts.as_slice() {
            [from, to, points] => Range::check(spec, from, to, points),
            _ => Err(format!("A sweep is written first-last-sizes (for example 10-10000-6); \"{raw}\" is not")),
        }
    }

    /// The sizes this range runs.
    pub fn sizes(&self) -> Vec<u64> {
        sizes(self.from, self.to, self.points)
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}-{}", self.from, self.to, self.points)
    }
}

/// One variant's figures across the sweep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub variant: String,
    pub label: String,
    /// `(size, figure)` in the order the sizes were run.
    pub points: Vec<(u64, i64)>,
    /// Least-squares bytes (or allocations) per item; `None` below two sizes.
    pub slope: Option<f64>,
}

/// The figure `metric` of every variant at every size, from one result per size.
pub fn series<R: Borrow<RunResult>>(param: &str, metric: Metric, results: &[R]) -> Vec<Series> {
    let Some(first) = results.first().map(Borrow::borrow) else { return Vec::new() };
    first
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let points: Vec<(u64, i64)> = results
                .iter()
                .map(Borrow::borrow)
                .filter_map(|r: &RunResult| {
                    let size = r.params.0.iter().find(|(name, _)| name == param)?.1;
                    Some((size, metric.of(r.variants.get(index)?)))
                })
                .collect();
            Series { variant: variant.id.clone(), label: variant.label.clone(), slope: slope(&points), points }
        })
        .collect()
}

/// The least-squares slope of `points`: what one more item costs.
pub fn slope(points: &[(u64, i64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|&(x, _)| x as f64).sum::<f64>() / n;
    let mean_y = points.iter().map(|&(_, y)| y as f64).sum::<f64>() / n;
    let covariance: f64 = points.iter().map(|&(x, y)| (x as f64 - mean_x) * (y as f64 - mean_y)).sum();
    let variance: f64 = points.iter().map(|&(x, _)| (x as f64 - mean_x).powi(2)).sum();
    (variance > 0.0).then(|| covariance / variance)
}

/// A slope as people read it: whole when it is whole (to the hundredth),
/// else two decimals.
pub fn slope_text(slope: f64) -> String {
    let rounded = (slope * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        grouped(rounded as i64)
    } else {
        format!("{rounded:.2}")
    }
}

/// A size on a chart's axis, short but exact: 1k, 250k, 1M, 12,345.
pub fn tick_label(size: u64) -> String {
    match size {
        s if s >= 1_000_000 && s % 1_000_000 == 0 => format!("{}M", s / 1_000_000),
        s if s >= 1_000 && s % 1_000 == 0 => format!("{}k", s / 1_000),
        s => grouped(s as i64),
    }
}

/// Where a log axis from `low` to `high` is labelled: the powers of ten in
/// the range, or its ends when it holds fewer than two of them.
pub fn axis_ticks(low: u64, high: u64) -> Vec<u64> {
    let decades: Vec<u64> = (0..20).map(|k| 10u64.pow(k)).take_while(|&p| p <= high).filter(|&p| p >= low).collect();
    if decades.len() >= 2 {
        decades
    } else if low == high {
        vec![low]
    } else {
        vec![low, high]
    }
}

/// Every point of a sweep as CSV: a row per size, a column per variant
/// (`unit` names the figure: "bytes"), empty where a size was not measured.
pub fn csv(size_label: &str, unit: &str, series: &[Series]) -> String {
    use crate::units::csv_cell as cell;
    let mut sizes: Vec<u64> = series.iter().flat_map(|s| s.points.iter().map(|&(size, _)| size)).collect();
    crate::short_sort::sort_by_key(&mut sizes, |&size| size);
    sizes.dedup();
    let mut text = cell(size_label);
    for s in series {
        text.push(',');
        text.push_str(&cell(&format!("{} ({unit})", s.label)));
    }
    text.push_str("\r\n");
    for size in sizes {
        text.push_str(&size.to_string());
        for s in series {
            text.push(',');
            if let Some(&(_, value)) = s.points.iter().find(|&&(at, _)| at == size) {
                text.push_str(&value.to_string());
            }
        }
        text.push_str("\r\n");
    }
    text
}

/// A log axis for values up to `top` (the smallest above zero `low`): the
/// powers of `base` it spans, from `base^from` to `base^to` (at least one),
/// labelled every `step`-th power from the top down to the bottom.
/// Counts go by powers of ten; bytes by powers of two, so that every label
/// is a round figure in the page's binary units (`256 KiB`, `8 MiB`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogAxis {
    pub base: u32,
    pub from: u32,
    pub to: u32,
    /// Label every `step`-th power: at most six labels.
    pub step: u32,
}

impl LogAxis {
    /// Powers of ten, labelled every one or every second.
    pub fn new(low: i64, top: i64) -> LogAxis {
        LogAxis::spanning(10, low, top, &[1, 2])
    }

    /// Powers of two, labelled every 1, 2, 3, 4, 5 or 10 of them.
    pub fn binary(low: i64, top: i64) -> LogAxis {
        LogAxis::spanning(2, low, top, &[1, 2, 3, 4, 5, 10])
    }

    fn spanning(base: u32, low: i64, top: i64, steps: &[u32]) -> LogAxis {
        let base_i = i64::from(base);
        let power = |v: i64, up: bool| {
            let mut power = 0;
            while base_i.saturating_pow(power + 1) <= v {
                power += 1;
            }
            if up && base_i.saturating_pow(power) < v {
                power += 1;
            }
            power
        };
        let (low, high) = (power(low.max(1), false), power(top.max(1), true));
        // Both ends on a multiple of the step (labels at round powers:
        // 1 KiB, 1 MiB, 1k, 1M), with the smallest step that needs at most
        // five gaps between labels.
        let ends = |step: u32| (low / step * step, high.max(low + 1).div_ceil(step) * step);
        let step = steps
            .iter()
            .copied()
            .find(|&step| (ends(step).1 - ends(step).0) / step <= 5)
            .unwrap_or(steps[steps.len() - 1]);
        let (from, to) = ends(step);
        LogAxis { base, from, to, step }
    }

    /// Where `value` sits, 0 at the bottom to 1 at the top; values of zero
    /// or less (which a log axis cannot show) on the bottom edge.
    pub fn fraction(&self, value: i64) -> f64 {
        if value <= 0 {
            return 0.0;
        }
        let powers = (value as f64).ln() / f64::from(self.base).ln();
        ((powers - f64::from(self.from)) / f64::from(self.to - self.from)).clamp(0.0, 1.0)
    }

    /// The labelled powers, top first.
    pub fn labelled(&self) -> Vec<u32> {
        (self.from..=self.to).rev().filter(|p| (self.to - p) % self.step == 0).collect()
    }

    /// A labelled power's figure: `1k`, `10M` for counts, `512 B`,
    /// `4 KiB`, `128 MiB` for bytes (powers of two).
    pub fn label(&self, power: u32) -> String {
        if self.base == 2 {
            const UNITS: [&str; 7] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
            let unit = UNITS.get((power / 10) as usize).copied().unwrap_or("?");
            format!("{} {unit}", 1u64 << (power % 10))
        } else {
            const PREFIXES: [&str; 7] = ["", "k", "M", "G", "T", "P", "E"];
            let prefix = PREFIXES.get((power / 3) as usize).copied().unwrap_or("?");
            format!("{}{prefix}", 10u64.pow(power % 3))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::exercise::Params;
    use crate::exercises::find;
    use crate::run::execute;

    #[test]
    fn sizes_are_log_spaced_and_keep_both_ends() {
        assert_eq!(sizes(10, 100_000, 5), vec![10, 100, 1_000, 10_000, 100_000]);
        assert_eq!(sizes(1, 4, 12), vec![1, 2, 3, 4], "no size twice when the range is short");
        assert_eq!(sizes(500, 50, 2), vec![50, 500], "ends in either order");
        assert_eq!(sizes(7, 7, 6), vec![7]);
        assert_eq!(sizes(1, 1_000_000, 100).len(), MAX_POINTS);
    }

    #[test]
    fn the_slope_of_a_straight_line_is_exact() {
        assert_eq!(slope(&[(10, 240), (100, 2_400), (1_000, 24_000)]), Some(24.0));
        assert_eq!(slope(&[(10, 1_000), (20, 1_000)]), Some(0.0));
        assert_eq!(slope(&[(10, 1)]), None);
        assert_eq!(slope(&[(10, 1), (10, 5)]), None, "one size twice says nothing about growth");
    }

    /// A sweep of slots-vs-dict's fixed-field points costs exactly three
    /// f64 fields per point: the slope is a size_of, not an estimate.
    #[test]
    fn sweeping_fixed_field_points_gives_their_size_per_item() {
        let entry = find("slots-vs-dict").expect("registered");
        let param = entry.spec.params[0];
        let results: Vec<RunResult> = sizes(100, 10_000, 4)
            .into_iter()
            .map(|n| execute(entry.slug, &Params::new(&[(param.name, n)])).expect("runs"))
            .collect();
        let all = series(param.name, Metric::PeakBytes, &results);
        let optimized = all.iter().find(|s| s.variant == "optimized").expect("declared");
        assert_eq!(optimized.points.len(), 4);
        assert_eq!(optimized.slope, Some(3.0 * size_of::<f64>() as f64));
        let naive = all.iter().find(|s| s.variant == "naive").expect("declared");
        assert!(naive.slope.unwrap() > optimized.slope.unwrap(), "a map per point costs more per point");
    }

    #[test]
    fn the_default_range_stays_within_bounds() {
        let spec = ParamSpec { name: "n", label: "items", default: 1_000, min: 10, max: 1_000_000 };
        assert_eq!(default_range(&spec), (10, 10_000));
        let small = ParamSpec { max: 2_000, ..spec };
        assert_eq!(default_range(&small), (10, 2_000));
    }

    #[test]
    fn only_a_first_parameter_spanning_tenfold_is_swept() {
        let size = ParamSpec { name: "n", label: "items", default: 1_000, min: 10, max: 1_000_000 };
        let switch = ParamSpec { name: "writers", label: "writers", default: 1, min: 1, max: 3 };
        assert_eq!(sweepable(&[size, switch]), Some(&size));
        assert_eq!(sweepable(&[switch, size]), None, "only the first parameter is a candidate");
        assert_eq!(sweepable(&[]), None);
        let from_zero = ParamSpec { min: 0, max: 9, ..size };
        assert_eq!(sweepable(&[from_zero]), None, "0 to 9 spans less than tenfold from 1");
        let entry = find("slots-vs-dict").expect("registered");
        assert_eq!(sweepable(entry.spec.params).map(|p| p.name), Some("n"));
    }

    #[test]
    fn a_range_is_checked_in_words_and_round_trips_through_a_link() {
        let spec = ParamSpec { name: "n", label: "items", default: 1_000, min: 10, max: 1_000_000 };
        let range = Range::check(&spec, "100", "10,000", "3").expect("valid");
        assert_eq!(range, Range { from: 100, to: 10_000, points: 3 });
        assert_eq!(range.to_string(), "100-10000-3");
        assert_eq!(Range::parse(&spec, &range.to_string()), Ok(range));
        assert_eq!(range.sizes(), vec![100, 1_000, 10_000]);
        assert_eq!(Range::default_for(&spec), Range { from: 10, to: 10_000, points: DEFAULT_POINTS });

        let too_big = Range::check(&spec, "10", "2000000", "6").unwrap_err();
        assert!(too_big.contains("last size, 2,000,000, is outside 10 to 1,000,000"), "{too_big}");
        let too_small = Range::check(&spec, "9", "100", "6").unwrap_err();
        assert!(too_small.contains("first size, 9, is outside"), "{too_small}");
        let backwards = Range::check(&spec, "500", "50", "6").unwrap_err();
        assert!(backwards.contains("smaller than its last"), "{backwards}");
        let points = Range::check(&spec, "10", "100", "13").unwrap_err();
        assert!(points.contains("from 2 to 12 sizes"), "{points}");
        let words = Range::check(&spec, "ten", "100", "6").unwrap_err();
        assert!(words.contains("\"ten\" is not one"), "{words}");
        assert!(Range::parse(&spec, "10-100").unwrap_err().contains("first-last-sizes"));
    }

    #[test]
    fn axis_labels_are_exact_and_short() {
        assert_eq!(tick_label(1), "1");
        assert_eq!(tick_label(10_000), "10k");
        assert_eq!(tick_label(250_000), "250k");
        assert_eq!(tick_label(2_000_000), "2M");
        assert_eq!(tick_label(12_345), "12,345");
        assert_eq!(axis_ticks(1, 100_000), vec![1, 10, 100, 1_000, 10_000, 100_000]);
        assert_eq!(axis_ticks(20_000, 90_000), vec![20_000, 90_000], "no decade inside: the ends");
        assert_eq!(axis_ticks(50, 500), vec![50, 500], "one decade inside: the ends");
        assert_eq!(axis_ticks(5, 5), vec![5]);
    }

    #[test]
    fn a_log_axis_of_counts_spans_whole_decades() {
        let axis = LogAxis::new(240, 2_400_000);
        assert_eq!(axis, LogAxis { base: 10, from: 2, to: 7, step: 1 });
        assert_eq!(axis.labelled(), vec![7, 6, 5, 4, 3, 2]);
        assert_eq!(axis.fraction(100), 0.0);
        assert_eq!(axis.fraction(10_000_000), 1.0);
        assert!((axis.fraction(100_000) - 0.6).abs() < 1e-12);
        assert_eq!(axis.fraction(0), 0.0, "zero on the bottom edge");
        assert_eq!(axis.fraction(-5), 0.0);
        assert_eq!(LogAxis::new(1000, 1000), LogAxis { base: 10, from: 3, to: 4, step: 1 }, "one decade at least");
        assert_eq!(LogAxis::new(1000, 1001), LogAxis { base: 10, from: 3, to: 4, step: 1 });
        // Nine decades: every second one labelled, the span made even.
        let wide = LogAxis::new(1, 200_000_000);
        assert_eq!(wide, LogAxis { base: 10, from: 0, to: 10, step: 2 });
        assert_eq!(wide.labelled(), vec![10, 8, 6, 4, 2, 0]);
        let names: Vec<String> = [0, 1, 2, 3, 4, 9].into_iter().map(|p| axis.label(p)).collect();
        assert_eq!(names, ["1", "10", "100", "1k", "10k", "1G"]);
    }

    #[test]
    fn a_log_axis_of_bytes_goes_by_powers_of_two_in_binary_units() {
        // slots-vs-dict swept from 10 to 100,000 points: 240 B (2^7 <= 240 < 2^8)
        // to about 2.4 MB (2^21 < 2,400,000 <= 2^22): from 2^4 to 2^24, every 4th.
        let axis = LogAxis::binary(240, 2_400_000);
        assert_eq!(axis, LogAxis { base: 2, from: 4, to: 24, step: 4 });
        let names: Vec<String> = axis.labelled().into_iter().map(|p| axis.label(p)).collect();
        assert_eq!(names, ["16 MiB", "1 MiB", "64 KiB", "4 KiB", "256 B", "16 B"]);
        assert_eq!(axis.fraction(16), 0.0);
        assert_eq!(axis.fraction(16 << 20), 1.0);
        assert!((axis.fraction(1 << 20) - 0.8).abs() < 1e-12);
        // Each end moved out to a whole step, never by a step or more: under 2^step.
        for (low, top) in [(1, 2), (1, 1 << 20), (100, 10_000_000), (24, 24 << 17), (1, 1 << 50)] {
            let axis = LogAxis::binary(low, top);
            assert!(axis.labelled().len() <= 6, "{axis:?}");
            assert_eq!((axis.to - axis.from) % axis.step, 0, "{axis:?}");
            assert!(1u128 << axis.to >= top as u128, "{axis:?} holds {top}");
            assert!((1u128 << axis.to) < (top as u128) << axis.step, "{axis:?} not far above {top}");
            assert!(1i64 << axis.from <= low, "{axis:?} holds {low}");
        }
        assert_eq!(LogAxis::binary(1, 1).label(0), "1 B");
        assert_eq!(LogAxis::binary(1, 1).label(33), "8 GiB");
    }

    #[test]
    fn a_sweep_as_csv_has_every_point_exactly() {
        let series = |variant: &str, label: &str, points: Vec<(u64, i64)>| Series {
            variant: variant.into(),
            label: label.into(),
            points,
            slope: None,
        };
        let text = csv(
            "points",
            "bytes",
            &[
                series("naive", "dict, \"per point\"", vec![(10, 1_040), (1_000, 104_000)]),
                series("slots", "slots", vec![(10, 240)]),
            ],
        );
        assert_eq!(text, "points,\"dict, \"\"per point\"\" (bytes)\",slots (bytes)\r\n10,1040,240\r\n1000,104000,\r\n");
    }

    #[test]
    fn slopes_read_as_whole_numbers_when_they_are() {
        assert_eq!(slope_text(24.0), "24");
        assert_eq!(slope_text(23.999_999_999_6), "24");
        assert_eq!(slope_text(1_234.0), "1,234");
        assert_eq!(slope_text(116.333_3), "116.33");
    }

    #[test]
    fn every_default_sweep_is_one_a_student_could_type() {
        for entry in crate::exercises::PAGES {
            if let Some(spec) = sweepable(entry.spec.params) {
                let (from, to) = default_range(spec);
                let typed = Range::check(spec, &from.to_string(), &to.to_string(), &DEFAULT_POINTS.to_string());
                assert!(typed.is_ok(), "{}: the default sweep {from} to {to}: {typed:?}", entry.slug);
            }
        }
    }
}
