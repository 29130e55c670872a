//! top-allocators: profile a workload with three distinct allocations (a
//! list, a map, a long string), each in its own site, and read the top
//! three sites biggest first.
//!
//! The profile also shows a cost that hides inside growth. A collection
//! filled one element at a time without knowing its final size grows in
//! steps: a `Vec` or `String` doubles its capacity (a realloc), a `HashMap`
//! builds a bigger table and moves every entry into it. The result holds
//! spare capacity, and the map's old tables were allocated and thrown away
//! on the way. `naive` grows all three that way; `optimized` reserves each
//! one's final size up front, so each is one allocation of exactly the
//! needed size. The metric is the total of bytes requested, which counts
//! every table ever built and every byte of spare room.

use std::collections::HashMap;

use crate::exercise::{ExerciseSpec, Metric, ParamSpec, Params, Probe, Variant};
use crate::measure::site;

/// The three structures, alive together when the snapshot is taken.
struct Workload {
    list: Vec<u64>,
    map: HashMap<u64, u64>,
    text: String,
}

impl Workload {
    /// Reads every element, through the same operations in both variants.
    fn checksum(&self) -> u64 {
        let list_sum = self.list.iter().fold(0u64, |acc, v| acc.wrapping_add(*v));
        let map_sum = (0..self.map.len() as u64).fold(0u64, |acc, k| acc.wrapping_add(self.map[&k]));
        let x_count = self.text.bytes().filter(|&b| b == b'x').count() as u64;
        list_sum ^ map_sum.rotate_left(21) ^ x_count.rotate_left(42)
    }
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let workload = Workload {
        list: {
            let _site = site("list");
            let mut list = Vec::new();
            for i in 0..params.get("list") {
                list.push(i * 7);
            }
            list
        },
        map: {
            let _site = site("map");
            let mut map = HashMap::new();
            for k in 0..params.get("map") {
                map.insert(k, k * k);
            }
            map
        },
        text: {
            let _site = site("text");
            let mut text = String::new();
            for _ in 0..params.get("chars") {
                text.push('x');
            }
            text
        },
    };
    probe.snapshot("workload built");
    workload.checksum()
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let workload = Workload {
        list: {
            let _site = site("list");
            let mut list = Vec::with_capacity(params.size("list"));
            list.extend((0..params.get("list")).map(|i| i * 7));
            list
        },
        map: {
            let _site = site("map");
            let mut map = HashMap::with_capacity(params.size("map"));
            map.extend((0..params.get("map")).map(|k| (k, k * k)));
            map
        },
        text: {
            let _site = site("text");
            let mut text = String::with_capacity(params.size("chars"));
            text.extend(std::iter::repeat_n('x', params.size("chars")));
            text
        },
    };
    probe.snapshot("workload built");
    workload.checksum()
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "grown one element at a time", run: naive },
        Variant { id: "optimized", label: "final size reserved up front", run: optimized },
    ],
    params: &[
        ParamSpec { name: "list", label: "list elements", default: 50_000, min: 1000, max: 1_000_000 },
        ParamSpec { name: "map", label: "map entries", default: 10_000, min: 100, max: 200_000 },
        ParamSpec { name: "chars", label: "string characters", default: 1_000_000, min: 1000, max: 2_000_000 },
    ],
    metric: Metric::AllocatedBytes,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    fn params(list: u64, map: u64, chars: u64) -> [(&'static str, u64); 3] {
        [("list", list), ("map", map), ("chars", chars)]
    }


    #[test]
    fn reserving_makes_one_exact_allocation_per_structure() {
        let (list, map, chars) = (5_000, 1_000, 100_000);
        let r = SPEC.run_at(1, &params(list, map, chars));
        let snapshot = &r.snapshots[0];
        assert_eq!(snapshot.site("list"), ((list as usize * size_of::<u64>()) as i64, 1));
        assert_eq!(snapshot.site("text"), (chars as i64, 1));
        assert_eq!(snapshot.site("map").1, 1);
        assert_eq!((r.measurement.allocations, r.measurement.grows), (3, 0));
        // Nothing requested but what the three sites hold at the end.
        let held: i64 = snapshot.sites.iter().map(|s| s.bytes).sum();
        assert_eq!(r.measurement.allocated_bytes, held as u64);
        assert_eq!(r.measurement.peak_bytes, held as u64);
    }

    #[test]
    fn growing_by_doubling_leaves_capacity_at_the_next_power_of_two() {
        // This follows std's current growth policy (double, starting from 4
        // elements, or 8 for bytes); if std changes it, this test says so.
        let (list, map, chars) = (5_000u64, 1_000, 100_000u64);
        let r = SPEC.run_at(0, &params(list, map, chars));
        let snapshot = &r.snapshots[0];
        let list_capacity = list.next_power_of_two().max(4);
        assert_eq!(snapshot.site("list"), ((list_capacity as usize * size_of::<u64>()) as i64, 1));
        assert_eq!(snapshot.site("text"), (chars.next_power_of_two().max(8) as i64, 1));
        // The map was rebuilt several times: its old tables were allocations too.
        assert!(r.measurement.allocations > 3);
        assert!(r.measurement.grows > 0);
        assert!(snapshot.sites.windows(2).all(|w| w[0].bytes >= w[1].bytes), "biggest first");
    }

    #[test]
    fn the_course_workload_ranks_text_first_in_rust() {
        let r = SPEC.run_at(1, &params(50_000, 10_000, 1_000_000));
        let order: Vec<&str> = r.snapshots[0].sites.iter().map(|s| s.label.as_ref()).collect();
        assert_eq!(order, ["text", "list", "map"]);
    }
}
