//! lazy-loading: 100 models, each with two expensive fields (an embedding
//! of 10,000 numbers and a metadata map of 1,000 entries), loaded either
//! when the model is created or the first time a field is read.
//!
//! Python's `functools.cached_property` runs a method on first access and
//! stores the result in the instance. The Rust counterpart is
//! `std::cell::OnceCell`: it starts empty, `get_or_init` fills it once, and
//! every later call returns the stored value. An empty `OnceCell` holds no
//! heap memory, and it is no bigger than the value it will hold (the empty
//! state fits in a pointer that is never null; a test below checks this).
//!
//! The workload touches only the first `touched` models, as a service does
//! when a request needs a few of many models. The eager variant pays for all
//! 100 at creation; the lazy variant pays for what it touches. Touch every
//! model and the two hold the same bytes, which is why `touched` stops one
//! short of the model count: laziness saves memory only for what is never
//! used.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hint::black_box;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

pub const MODELS: u32 = 100;
pub const EMBEDDING_LENGTH: usize = 10_000;
pub const METADATA_ENTRIES: u32 = 1_000;

/// Stands in for reading a vector from disk (same values as the Python
/// program, so the results can be compared).
fn load_embedding(model_id: u32) -> Vec<f32> {
    let embedding = (0..EMBEDDING_LENGTH).map(|j| ((model_id as usize * 31 + j) % 100) as f32).collect();
    // Keeps the optimiser from skipping a load whose values it can predict.
    black_box(embedding)
}

/// Stands in for parsing a metadata file. Python's keys are strings
/// (`"key7"`); here they are the numbers, which keeps the map to one table.
fn load_metadata(model_id: u32) -> HashMap<u32, u32> {
    let mut metadata = HashMap::with_capacity(METADATA_ENTRIES as usize);
    for key in 0..METADATA_ENTRIES {
        metadata.insert(key, key * (model_id + 1));
    }
    black_box(metadata)
}

/// What a request computes from a model: the sum of its embedding plus one
/// metadata value. The values are small whole numbers, so the `f32` sum is
/// exact.
fn use_model(embedding: &[f32], metadata: &HashMap<u32, u32>) -> u64 {
    let sum: f32 = embedding.iter().sum();
    sum as u64 + metadata[&7] as u64
}

/// What the workload needs of a model; the two variants differ only in
/// which implementation they use.
pub trait Model {
    fn new(model_id: u32) -> Self;
    /// Uses the expensive fields (loading them first if need be).
    fn touch(&self) -> u64;
}

/// Loads everything in its constructor, like `__init__` assigning both fields.
pub struct EagerModel {
    embedding: Vec<f32>,
    metadata: HashMap<u32, u32>,
}

impl Model for EagerModel {
    fn new(model_id: u32) -> EagerModel {
        EagerModel { embedding: load_embedding(model_id), metadata: load_metadata(model_id) }
    }

    fn touch(&self) -> u64 {
        use_model(&self.embedding, &self.metadata)
    }
}

/// Loads each field on first access, like two `cached_property`s.
pub struct LazyModel {
    model_id: u32,
    embedding: OnceCell<Vec<f32>>,
    metadata: OnceCell<HashMap<u32, u32>>,
}

impl Model for LazyModel {
    /// Allocates nothing: both cells start empty.
    fn new(model_id: u32) -> LazyModel {
        LazyModel { model_id, embedding: OnceCell::new(), metadata: OnceCell::new() }
    }

    fn touch(&self) -> u64 {
        use_model(self.embedding(), self.metadata())
    }
}

impl LazyModel {
    pub fn embedding(&self) -> &[f32] {
        self.embedding.get_or_init(|| load_embedding(self.model_id))
    }

    pub fn metadata(&self) -> &HashMap<u32, u32> {
        self.metadata.get_or_init(|| load_metadata(self.model_id))
    }
}

/// The workload, the same for both variants: create every model, then use
/// the first `touched` of them. `naive` runs it with `EagerModel`,
/// `optimized` with `LazyModel`.
fn create_then_touch<M: Model>(params: &Params, probe: &mut Probe) -> u64 {
    let touched = params.size("touched");
    let models: Vec<M> = (0..MODELS).map(M::new).collect();
    probe.mark("after creating");
    let mut result = 0;
    for (index, model) in models.iter().take(touched).enumerate() {
        result += model.touch();
        if index == 0 {
            probe.mark("after touching one");
        }
    }
    probe.mark("after touching all requested");
    result
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "load in the constructor", run: create_then_touch::<EagerModel> },
        Variant { id: "optimized", label: "load on first access (OnceCell)", run: create_then_touch::<LazyModel> },
    ],
    params: &[
        ParamSpec { name: "touched", label: "models touched", default: 1, min: 0, max: 99 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::measure::measure;

    fn is_loaded(model: &LazyModel) -> bool {
        model.embedding.get().is_some() || model.metadata.get().is_some()
    }

    /// Heap bytes of one model's loaded fields: the embedding's buffer plus
    /// the metadata table, measured on its own (the table's size depends on
    /// the hash map's internal layout, which differs between platforms).
    fn loaded_bytes() -> u64 {
        let (_, table) = measure(|| drop(load_metadata(0)));
        assert!(table.peak_bytes >= METADATA_ENTRIES as u64 * size_of::<(u32, u32)>() as u64);
        assert_eq!(table.allocations, 1);
        (EMBEDDING_LENGTH * size_of::<f32>()) as u64 + table.peak_bytes
    }

    #[test]
    fn an_empty_once_cell_costs_nothing_extra() {
        assert_eq!(size_of::<OnceCell<Vec<f32>>>(), size_of::<Vec<f32>>());
        assert_eq!(size_of::<OnceCell<HashMap<u32, u32>>>(), size_of::<HashMap<u32, u32>>());
        let (model, creating) = measure(|| LazyModel::new(3));
        assert_eq!(creating.allocations, 0);
        assert!(!is_loaded(&model));
    }

    #[test]
    fn lazy_models_hold_only_what_was_touched() {
        let shells = MODELS as u64 * size_of::<LazyModel>() as u64;
        let loaded = loaded_bytes();
        for touched in [0, 1, 2, 99] {
            let lazy = SPEC.run_at(1, &[("touched", touched)]);
            assert_eq!(lazy.measurement.peak_bytes, shells + touched * loaded, "touched = {touched}");
            assert_eq!(lazy.marks[0].label, "after creating");
        }
        // The marks step up: shells only, then one model loaded.
        let lazy = SPEC.run_at(1, &[("touched", 2)]);
        let base = lazy.marks[0].live_bytes;
        assert_eq!(lazy.marks[1].live_bytes - base, loaded as i64);
        assert_eq!(lazy.marks[2].live_bytes - base, 2 * loaded as i64);
    }

    #[test]
    fn eager_models_hold_everything_from_the_start() {
        let expected = MODELS as u64 * (size_of::<EagerModel>() as u64 + loaded_bytes());
        for touched in [0, 1, 99] {
            let eager = SPEC.run_at(0, &[("touched", touched)]);
            assert_eq!(eager.measurement.peak_bytes, expected, "touched = {touched}");
            // Nothing more is loaded by touching: every mark is the same.
            let first = eager.marks[0].live_bytes;
            assert!(eager.marks.iter().all(|m| m.live_bytes == first));
        }
    }

    #[test]
    fn a_lazy_field_loads_once() {
        let model = LazyModel::new(0);
        let first = model.touch();
        let (second, again) = measure(|| model.touch());
        assert_eq!(first, second);
        assert_eq!(again.allocations, 0);
        assert!(is_loaded(&model));
    }

    #[test]
    fn both_compute_the_same_result() {
        for touched in [0, 1, 5, 99] {
            assert_eq!(SPEC.run_at(0, &[("touched", touched)]).checksum, SPEC.run_at(1, &[("touched", touched)]).checksum);
        }
        // The result the Python program prints for the first model.
        assert_eq!(SPEC.run_at(1, &[("touched", 1)]).checksum, 495_007);
    }
}
