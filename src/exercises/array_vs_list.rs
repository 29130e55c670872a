//! array-vs-list (placeholder: being written).

use crate::exercise::{Exercise, Params, Probe, Variant};

fn naive(params: &Params, _probe: &mut Probe) -> u64 {
    let v: Vec<u64> = (0..params.get("n")).collect();
    v.iter().sum()
}

fn optimized(params: &Params, _probe: &mut Probe) -> u64 {
    (0..params.get("n")).sum()
}

pub struct ArrayVsList;

pub static EXERCISE: ArrayVsList = ArrayVsList;

impl Exercise for ArrayVsList {
    fn slug(&self) -> &'static str {
        "array-vs-list"
    }

    fn variants(&self) -> &'static [Variant] {
        &[
            Variant { id: "naive", label: "naive", run: naive },
            Variant { id: "optimized", label: "optimized", run: optimized },
        ]
    }

    fn source(&self) -> &'static str {
        include_str!("array_vs_list.rs")
    }
}
