//! snapshot-diff: two snapshots, one before and one after a step, and the
//! per-site difference between them, as `Snapshot.compare_to` gives it in
//! Python.
//!
//! The step is a typical one: `n` lines of text ("id,x,y") have been loaded;
//! they are parsed into one small record each, and then the text is dropped.
//! The first snapshot is taken after loading, the second after parsing and
//! dropping. Between them the "records" site grows and the "raw lines" site
//! shrinks to nothing: a positive and a negative difference. The page
//! computes the diff from the two recorded snapshots
//! (`later.diff(&earlier)` in `measure::sites`).
//!
//! `naive` parses each line into a map from field name to value, the shape
//! of a Python dict; `optimized` parses into a struct with three fields. The
//! diff shows by how much each one grows the records site.

use std::collections::HashMap;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};
use crate::measure::site;

/// One record as a map of named fields, like `{"id": 7, "x": 3.5, "y": 21.0}`.
type RecordMap = HashMap<&'static str, f64>;

/// One record with a fixed layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub id: u64,
    pub x: f64,
    pub y: f64,
}

/// The raw input: one text line per record, each its own `String`.
fn load_lines(n: usize) -> Vec<String> {
    let _site = site("raw lines");
    (0..n).map(|i| format!("{i},{:?},{}", i as f64 * 0.5, i * 3)).collect()
}

/// Splits "id,x,y" into its three numbers.
fn fields(line: &str) -> (u64, f64, f64) {
    let mut parts = line.split(',');
    let mut next = || parts.next().expect("three fields");
    let id = next().parse().expect("an integer id");
    let x = next().parse().expect("a number for x");
    let y = next().parse().expect("a number for y");
    (id, x, y)
}

/// The same total from either layout: every field of every record. The
/// values are whole numbers or halves, so the sum is exact.
fn total(records: impl Iterator<Item = (u64, f64, f64)>) -> u64 {
    records.map(|(id, x, y)| id + (2.0 * x) as u64 + y as u64).sum()
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let lines = load_lines(params.size("n"));
    probe.mark("text loaded");
    probe.snapshot("text loaded");

    let records: Vec<RecordMap> = {
        let _site = site("records");
        lines
            .iter()
            .map(|line| {
                let (id, x, y) = fields(line);
                HashMap::from([("id", id as f64), ("x", x), ("y", y)])
            })
            .collect()
    };
    drop(lines);
    probe.mark("parsed, text dropped");
    probe.snapshot("parsed, text dropped");

    total(records.iter().map(|r| (r["id"] as u64, r["x"], r["y"])))
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let lines = load_lines(params.size("n"));
    probe.mark("text loaded");
    probe.snapshot("text loaded");

    let records: Vec<Row> = {
        let _site = site("records");
        let mut rows = Vec::with_capacity(lines.len());
        rows.extend(lines.iter().map(|line| {
            let (id, x, y) = fields(line);
            Row { id, x, y }
        }));
        rows
    };
    drop(lines);
    probe.mark("parsed, text dropped");
    probe.snapshot("parsed, text dropped");

    total(records.iter().map(|r| (r.id, r.x, r.y)))
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "a map per record", run: naive },
        Variant { id: "optimized", label: "a struct per record", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 1000, min: 10, max: 50_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::outcome::VariantRun;

    /// `(bytes, blocks)` change of `label` from the first snapshot to the second.
    fn change_of(run: &VariantRun, label: &str) -> (i64, i64) {
        let (before, after) = (run.snapshots[0].site(label), run.snapshots[1].site(label));
        (after.0 - before.0, after.1 - before.1)
    }

    #[test]
    fn rows_grow_the_records_site_by_exactly_their_size() {
        let n = 1_000;
        let r = SPEC.run_at(1, &[("n", n)]);
        assert_eq!(r.snapshots.len(), 2);
        assert_eq!(change_of(&r, "records"), ((n as usize * size_of::<Row>()) as i64, 1));
    }

    #[test]
    fn dropping_the_text_is_a_negative_difference_of_all_it_held() {
        let n = 1_000;
        for variant in 0..2 {
            let r = SPEC.run_at(variant, &[("n", n)]);
            let (text_bytes, text_blocks) = r.snapshots[0].site("raw lines");
            // The Vec of handles, and one block per line.
            assert_eq!(text_blocks, n as i64 + 1);
            assert!(text_bytes > (n as usize * size_of::<String>()) as i64);
            assert_eq!(change_of(&r, "raw lines"), (-text_bytes, -text_blocks));
            assert_eq!(r.snapshots[1].site("raw lines"), (0, 0));
        }
    }

    #[test]
    fn a_map_per_record_grows_the_site_by_a_block_per_record_and_more_than_50_kb() {
        let n = 1_000;
        let r = SPEC.run_at(0, &[("n", n)]);
        let (grown_bytes, grown_blocks) = change_of(&r, "records");
        assert_eq!(grown_blocks, n as i64 + 1);
        assert!(grown_bytes > (n as usize * (size_of::<RecordMap>() + size_of::<Row>())) as i64);
        assert!(grown_bytes > 50 * 1024);
    }

    #[test]
    fn fields_read_back_what_was_written() {
        let lines = load_lines(3);
        assert_eq!(lines[2], "2,1.0,6");
        assert_eq!(fields(&lines[2]), (2, 1.0, 6.0));
    }
}
