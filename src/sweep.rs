//! Sweeps: every variant run at a series of sizes, and the bytes each one
//! costs per item. The page asks the worker for one run per size (the same
//! requests a single run makes); this module chooses the sizes and reads the
//! slope off the measured points. Pure logic, tested natively.

use serde::{Deserialize, Serialize};

use crate::exercise::{Metric, ParamSpec};
use crate::run::RunResult;

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

/// The sizes a sweep of `spec` runs by default: its whole range, capped at
/// ten times the default so a default sweep stays quick.
pub fn default_range(spec: &ParamSpec) -> (u64, u64) {
    (spec.min, spec.max.min(spec.default.saturating_mul(10)).max(spec.min))
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
pub fn series(param: &str, metric: Metric, results: &[RunResult]) -> Vec<Series> {
    let Some(first) = results.first() else { return Vec::new() };
    first
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let points: Vec<(u64, i64)> = results
                .iter()
                .filter_map(|r| {
                    let size = r.params.0.iter().find(|(name, _)| name == param)?.1;
                    Some((size, metric.of(&r.variants.get(index)?.measurement)))
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
}
