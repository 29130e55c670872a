//! The runner: every variant of an exercise under measurement, timed by a
//! clock the host supplies. What it returns is in `outcome`; how a request
//! reaches it from the page is in `protocol`.

use crate::exercise::{Params, Probe, Variant};
use crate::exercises;
use crate::measure::{self, live, sites};
use crate::outcome::{RunResult, VariantRun};

/// Runs every variant of `slug` with `params`, after checking them against
/// the exercise's declared parameters, timed by this build's [`HOST_CLOCK`].
pub fn execute(slug: &str, params: &Params) -> Result<RunResult, String> {
    execute_timed(slug, params, HOST_CLOCK)
}

/// [`execute`], each variant timed with `clock` (none: not timed).
pub fn execute_timed(slug: &str, params: &Params, clock: Option<Clock>) -> Result<RunResult, String> {
    let entry = exercises::find(slug).ok_or_else(|| format!("there is no exercise called \"{slug}\""))?;
    let spec = entry.spec;
    spec.validate(params)?;
    Ok(RunResult {
        slug: slug.to_string(),
        params: params.clone(),
        metric: spec.metric,
        variants: spec.variants.iter().map(|v| run_variant_timed(v, params, spec.records_timeline, clock)).collect(),
        pointer_bytes: std::mem::size_of::<usize>() as u32,
    })
}

/// A clock for timing runs: microseconds since some fixed moment. The host
/// supplies it, so this module stays free of platform APIs: the measuring
/// worker reads `performance.now()` of its global scope, native builds
/// [`std::time::Instant`] ([`HOST_CLOCK`]). It is read inside the measured
/// window, so it must not allocate.
pub type Clock = fn() -> f64;

/// The clock [`execute`] and [`run_variant`] use: `Instant` natively; none
/// on wasm32, where only the worker has one and passes it to [`answer`].
#[cfg(not(target_arch = "wasm32"))]
pub const HOST_CLOCK: Option<Clock> = Some(native_micros);
#[cfg(target_arch = "wasm32")]
pub const HOST_CLOCK: Option<Clock> = None;

/// Microseconds since this process first asked (`Instant` does not allocate).
#[cfg(not(target_arch = "wasm32"))]
fn native_micros() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1e6
}

/// Runs one variant under measurement, with a timeline if asked for, timed
/// by this build's [`HOST_CLOCK`].
pub fn run_variant(variant: &Variant, params: &Params, with_timeline: bool) -> VariantRun {
    run_variant_timed(variant, params, with_timeline, HOST_CLOCK)
}

/// [`run_variant`] timed with `clock`: the clock is read just before and
/// just after the variant's body, inside the measured window.
/// Allocation sites are cleared first, so snapshots show this run only.
pub fn run_variant_timed(variant: &Variant, params: &Params, with_timeline: bool, clock: Option<Clock>) -> VariantRun {
    // Sites are process-wide: one run at a time, even when tests run in
    // parallel threads. A run that panicked leaves nothing behind to fix.
    static ONE_RUN_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _only_run = ONE_RUN_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    sites::reset();
    let mut probe = Probe::start();
    let mut micros = None;
    let body = || {
        let start = clock.map(|now| now());
        let checksum = std::hint::black_box((variant.run)(params, &mut probe));
        micros = clock.zip(start).map(|(now, start)| now() - start);
        checksum
    };
    let (checksum, measurement, timeline) = if with_timeline {
        let (checksum, measurement, timeline) = measure::record_timeline(body);
        (checksum, measurement, Some(timeline))
    } else {
        let (checksum, measurement) = measure::measure(body);
        (checksum, measurement, None)
    };
    sites::reset();
    VariantRun {
        id: variant.id.to_string(),
        label: variant.label.to_string(),
        checksum,
        measurement,
        marks: probe.marks,
        notes: probe.notes,
        snapshots: probe.snapshots,
        live_counts: live::take_checkpoints(),
        timeline,
        micros,
    }
}

/// For the exercises' unit tests: `SPEC.run_at(0, &[("n", 1000)])` runs
/// one variant (by index or id) under measurement with those parameters
/// (not checked against the declared bounds), with a timeline when the
/// exercise records one, as the worker runs it.
#[cfg(test)]
impl crate::exercise::ExerciseSpec {
    pub fn run_at(&self, variant: impl Pick, params: &[(&str, u64)]) -> VariantRun {
        run_variant(variant.pick(self), &Params::new(params), self.records_timeline)
    }
}

/// Names one variant of an exercise: its index, or its id.
#[cfg(test)]
pub trait Pick {
    fn pick(self, spec: &crate::exercise::ExerciseSpec) -> &'static Variant;
}

#[cfg(test)]
impl Pick for usize {
    fn pick(self, spec: &crate::exercise::ExerciseSpec) -> &'static Variant {
        &spec.variants[self]
    }
}

#[cfg(test)]
impl Pick for &str {
    fn pick(self, spec: &crate::exercise::ExerciseSpec) -> &'static Variant {
        spec.variants.iter().find(|v| v.id == self).unwrap_or_else(|| panic!("no variant with the id {self:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::RunRequest;

    #[test]
    fn every_variant_of_every_exercise_is_timed_and_the_time_is_no_figure() {
        for entry in exercises::REGISTRY {
            let params = entry.spec.default_params();
            let run = execute(entry.slug, &params).expect("runs at its defaults");
            for v in &run.variants {
                let micros = v.micros.unwrap_or_else(|| panic!("{} {}: not timed", entry.slug, v.id));
                assert!(micros.is_finite() && micros >= 0.0, "{} {}: {micros}", entry.slug, v.id);
            }
            // A time does not make two runs of the same figures differ.
            let mut other = run.clone();
            other.variants.iter_mut().for_each(|v| v.micros = Some(v.micros.unwrap_or_default() + 1.0));
            assert_eq!(other, run, "{}", entry.slug);
            other.variants[0].checksum ^= 1;
            assert_ne!(other, run, "{}", entry.slug);
        }
        // Without a clock nothing is timed.
        let untimed = execute_timed("slots-vs-dict", &Params::new(&[("n", 1000)]), None).unwrap();
        assert!(untimed.variants.iter().all(|v| v.micros.is_none()));
        // The time is the variant's body: a body that waits 2 ms takes 2 ms at least.
        fn slow(_: &Params, _: &mut Probe) -> u64 {
            std::thread::sleep(std::time::Duration::from_millis(2));
            7
        }
        let variant = Variant { id: "slow", label: "slow", run: slow };
        let run = run_variant(&variant, &Params::default(), false);
        assert!(run.micros.unwrap() >= 2_000.0, "{:?}", run.micros);
        assert!(run.micros.unwrap() > 0.0);
    }

    #[test]
    fn a_dead_run_is_explained_with_its_own_parameters() {
        let params = Params(vec![("n".into(), 1_000_000), ("fields".into(), 5)]);
        let request = RunRequest { id: 7, slug: "slots-at-scale".into(), params, limit_bytes: Some(160 << 20) };
        assert_eq!(
            request.failure(None),
            "The run (n = 1,000,000, fields = 5) ran out of memory: it asked for more than the limit of 160 MiB. \
             The measuring worker was restarted; try smaller parameters."
        );
        assert_eq!(
            request.failure(Some("index out of bounds")),
            "The run (n = 1,000,000, fields = 5) stopped with an error: index out of bounds. \
             The measuring worker was restarted."
        );
        let unlimited = RunRequest { limit_bytes: None, ..request };
        assert!(unlimited.failure(None).contains("more than what the browser would give"));
    }
}
