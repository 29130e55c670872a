//! collection-pauses: what freeing a large graph of small objects costs
//! when there is no collector at all.
//!
//! CPython pauses for its cyclic collector, which runs when allocations pass
//! a threshold and scans the young objects (and, less often, all of them).
//! Rust has no collector, so nothing ever pauses to *look for* garbage: a
//! value is freed exactly when its owner goes out of scope, as CPython frees
//! an acyclic object when its count reaches zero. The cost that remains is
//! the freeing itself. A graph of individually allocated nodes is freed one
//! allocation at a time when its owner is dropped, all at that moment: a
//! pause whose length grows with the number of nodes, at a point the code
//! chooses, with no scan of the live ones.
//!
//! The graph is `pairs` pairs of nodes that refer to each other, as in the
//! Python program. A strong `Rc` both ways would leak (see weak-references),
//! so the first node owns the second and the second refers back weakly.
//!
//! - `naive`: each node its own `Rc` block, the first holding an `Rc` to the
//!   second and the second a `Weak` to the first. Dropping the list cascades
//!   through every `Rc`: two frees per pair, each after a count check.
//! - `boxed`: each node its own `Box`, the first owning the second and the
//!   second holding its partner's index: two frees per pair, no counts.
//! - `optimized`: an arena, one `Vec` of all nodes with partners as indices:
//!   one allocation and one free for the whole graph. Nothing can be freed
//!   early, which is the arena's price.
//!
//! Every variant notes the frees its final drop performed (the size of the
//! "pause") and records a timeline: with no collector it only ever rises
//! while the graph is built and falls only at the drop.

use std::rc::{Rc, Weak};

use crate::exercise::{ExerciseSpec, Metric, ParamSpec, Params, Probe, Variant};
use crate::measure::measure;

/// The first node of an `Rc` pair: owns its partner.
pub struct RcFirst {
    value: i64,
    partner: Rc<RcSecond>,
}

/// The second node: refers back to the first without owning it.
pub struct RcSecond {
    value: i64,
    partner: Weak<RcFirst>,
}

/// The first node of a boxed pair.
pub struct BoxFirst {
    value: i64,
    partner: Box<BoxSecond>,
}

/// The second node: its partner's position in the list of pairs.
pub struct BoxSecond {
    value: i64,
    partner: u32,
}

/// A node in the arena: its partner is an index into the same `Vec`.
pub struct ArenaNode {
    value: i64,
    partner: u32,
}

/// What every variant computes from its graph: each pair's values and the
/// partner reached back from the second node, so the links are really used.
fn pair_score(first: i64, second: i64, back: i64) -> u64 {
    (first.wrapping_mul(3) + second + back) as u64
}

/// Drops `graph`, noting the frees and bytes of that one step: the pause.
fn drop_and_note<T>(graph: T, probe: &mut Probe) {
    probe.mark("graph built");
    let ((), m) = measure(|| drop(graph));
    probe.note("frees when the graph was dropped", m.deallocations as i64);
    probe.note("bytes given back by that drop", -m.retained_bytes);
    probe.mark("graph dropped");
}

fn rc_nodes(params: &Params, probe: &mut Probe) -> u64 {
    let pairs = params.get("pairs") as i64;
    let graph: Vec<Rc<RcFirst>> = (0..pairs)
        .map(|i| {
            Rc::new_cyclic(|first| RcFirst {
                value: i,
                partner: Rc::new(RcSecond { value: -i, partner: first.clone() }),
            })
        })
        .collect();
    let score = graph
        .iter()
        .map(|first| {
            let back = first.partner.partner.upgrade().expect("the first node is alive");
            pair_score(first.value, first.partner.value, back.value)
        })
        .fold(0u64, u64::wrapping_add);
    drop_and_note(graph, probe);
    score
}

fn boxed_nodes(params: &Params, probe: &mut Probe) -> u64 {
    let pairs = params.get("pairs") as i64;
    let graph: Vec<Box<BoxFirst>> = (0..pairs)
        .map(|i| Box::new(BoxFirst { value: i, partner: Box::new(BoxSecond { value: -i, partner: i as u32 }) }))
        .collect();
    let score = graph
        .iter()
        .map(|first| pair_score(first.value, first.partner.value, graph[first.partner.partner as usize].value))
        .fold(0u64, u64::wrapping_add);
    drop_and_note(graph, probe);
    score
}

fn arena(params: &Params, probe: &mut Probe) -> u64 {
    let pairs = params.get("pairs") as i64;
    let mut graph: Vec<ArenaNode> = Vec::with_capacity(2 * pairs as usize);
    for i in 0..pairs {
        let first = graph.len() as u32;
        graph.push(ArenaNode { value: i, partner: first + 1 });
        graph.push(ArenaNode { value: -i, partner: first });
    }
    let score = graph
        .chunks_exact(2)
        .map(|pair| {
            pair_score(pair[0].value, graph[pair[0].partner as usize].value, graph[pair[1].partner as usize].value)
        })
        .fold(0u64, u64::wrapping_add);
    drop_and_note(graph, probe);
    score
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "Rc node per object", run: rc_nodes },
        Variant { id: "boxed", label: "Box node per object", run: boxed_nodes },
        Variant { id: "optimized", label: "one arena", run: arena },
    ],
    params: &[ParamSpec { name: "pairs", label: "pairs of nodes", default: 100_000, min: 1_000, max: 500_000 }],
    metric: Metric::Allocations,
    records_timeline: true,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::exercises::test_layouts::RcBlock;
    use crate::outcome::VariantRun;

    fn note(run: &VariantRun, label: &str) -> i64 {
        run.notes.iter().find(|n| n.label == label).expect("noted").value
    }

    /// (allocations, frees at the drop, bytes the graph held) for each variant.
    fn expected(pairs: u64) -> [(u64, i64, i64); 3] {
        let n = pairs as usize;
        let rc = n * (size_of::<RcBlock<RcFirst>>() + size_of::<RcBlock<RcSecond>>() + size_of::<Rc<RcFirst>>());
        let boxed = n * (size_of::<BoxFirst>() + size_of::<BoxSecond>() + size_of::<Box<BoxFirst>>());
        let arena = 2 * n * size_of::<ArenaNode>();
        [
            (2 * pairs + 1, (2 * n + 1) as i64, rc as i64),
            (2 * pairs + 1, (2 * n + 1) as i64, boxed as i64),
            (1, 1, arena as i64),
        ]
    }

    #[test]
    fn every_node_is_one_allocation_and_one_free_except_in_the_arena() {
        for pairs in [1_000, 100_000] {
            for (variant, (allocations, frees, held)) in expected(pairs).into_iter().enumerate() {
                let r = SPEC.run_at(variant, &[("pairs", pairs)]);
                let id = &r.id;
                assert_eq!(r.measurement.allocations, allocations, "{id}");
                assert_eq!(r.measurement.deallocations, allocations, "{id}: everything is freed");
                assert_eq!(note(&r, "frees when the graph was dropped"), frees, "{id}");
                assert_eq!(note(&r, "bytes given back by that drop"), held, "{id}");
                let marks: Vec<i64> = r.marks.iter().map(|m| m.live_bytes).collect();
                assert_eq!(marks, [held, 0], "{id}: built, dropped");
                assert_eq!(r.measurement.peak_bytes, held as u64, "{id}: collected with exact capacity");
                assert_eq!(r.measurement.retained_bytes, 0, "{id}");
            }
        }
    }

    #[test]
    fn the_links_are_followed_and_all_variants_agree() {
        let sums: Vec<u64> = (0..3).map(|v| SPEC.run_at(v, &[("pairs", 1_000)]).checksum).collect();
        assert_eq!(sums, [sums[0]; 3]);
        // Each pair scores 3i - i + i = 3i: the sum of 3i over 0..1000.
        assert_eq!(sums[0], 3 * (0..1_000).sum::<u64>());
    }

    #[test]
    fn with_no_collector_the_timeline_only_falls_at_the_drop() {
        for variant in 0..3 {
            let r = SPEC.run_at(variant, &[("pairs", 10_000)]);
            let timeline = r.timeline.as_ref().expect("recorded");
            let points = &timeline.points;
            let top = points.iter().position(|&p| p == timeline.peak()).expect("the peak is a point");
            assert!(points[..=top].windows(2).all(|w| w[0] <= w[1]), "{}: it only rises while building", r.id);
            assert!(points[top..].windows(2).all(|w| w[0] >= w[1]), "{}: it only falls after", r.id);
            assert_eq!(timeline.events, r.measurement.allocations + r.measurement.deallocations);
        }
    }
}
