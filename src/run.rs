//! What the page asks the worker to run, and what comes back. Plain data,
//! sent across the worker boundary with serde-wasm-bindgen.

use serde::{Deserialize, Serialize};

use crate::exercise::{run_variant, Metric, Params, VariantRun};
use crate::exercises;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRequest {
    /// Chosen by the page to match replies to requests.
    pub id: u32,
    pub slug: String,
    pub params: Params,
    /// Most bytes a run may hold; past it the run fails as out of memory.
    pub limit_bytes: Option<u64>,
}

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunReply {
    /// The worker has loaded and is listening; sent once, first.
    Ready,
    Done {
        id: u32,
        result: RunResult,
    },
    /// The request was refused before running (unknown exercise, bad params).
    Refused {
        id: u32,
        message: String,
    },
    /// The run panicked; the worker is about to stop and must be replaced.
    Crashed {
        message: String,
    },
}

/// Runs every variant of `slug` with `params`, after checking them against
/// the exercise's declared parameters.
pub fn execute(slug: &str, params: &Params) -> Result<RunResult, String> {
    let entry = exercises::find(slug).ok_or_else(|| format!("there is no exercise called \"{slug}\""))?;
    let spec = entry.spec;
    spec.validate(params)?;
    Ok(RunResult {
        slug: slug.to_string(),
        params: params.clone(),
        metric: spec.metric,
        variants: spec.variants.iter().map(|v| run_variant(v, params, spec.records_timeline)).collect(),
        pointer_bytes: std::mem::size_of::<usize>() as u32,
    })
}

/// Answers one request; what the worker does with each message.
pub fn answer(request: &RunRequest) -> RunReply {
    crate::measure::set_limit(request.limit_bytes);
    let reply = match execute(&request.slug, &request.params) {
        Ok(result) => RunReply::Done { id: request.id, result },
        Err(message) => RunReply::Refused { id: request.id, message },
    };
    crate::measure::set_limit(None);
    reply
}
