//! The checks of the last run (failing ones first, code in their words as
//! code, one sentence said once when every check failed for the same
//! reason, as when the program did not start: python/runtime.js arranges
//! the result so), and before any run the checks planned.

use yew::prelude::*;

use super::outcome::Outcome;

#[derive(Properties, PartialEq)]
pub struct ChecksProps {
    pub outcome: Outcome,
    /// The exercise's checks and their steps (`Programs::checks`,
    /// `check_steps`), to label each result with the step it verifies.
    #[prop_or_default]
    pub names: Vec<String>,
    #[prop_or_default]
    pub steps: Vec<u32>,
    /// Whether the solved mark was stored (None: not known yet).
    #[prop_or_default]
    pub saved: Option<Result<(), String>>,
}

#[function_component]
pub fn Checks(props: &ChecksProps) -> Html {
    let outcome = &props.outcome;
    let checks = &outcome.checks;
    // Failing checks come first, and words every check failed with are
    // said once (`common`): python/runtime.js arranged them.
    let common = outcome.common.as_deref();
    html! {
        <div class="py-checks">
            <h3>{ "Checks" }</h3>
            if checks.is_empty() {
                <p class="fine">{ "No checks ran for this program." }</p>
            }
            if outcome.solved() {
                <p class="py-solved" data-testid="python-solved" role="status" data-saved={match &props.saved { Some(Ok(())) => "true", Some(Err(_)) => "false", None => "pending" }}>
                    { "\u{2713} Solved: every check passes. " }
                    { match &props.saved {
                        Some(Ok(())) => "Saved in your progress.".to_string(),
                        Some(Err(why)) => format!("Not saved in your progress: {why}. It counts for this tab only; free some of the browser's storage for this site and run again to keep it."),
                        None => String::new(),
                    } }
                </p>
            }
            if let Some(common) = common {
                <p class="py-common" data-testid="python-checks-common">{ with_code(common) }</p>
            }
            <ul>
                { for checks.iter().map(|c| html! {
                    <li class={classes!("py-check", if c.passed { "passed" } else { "failed" })}
                        data-testid="python-check" data-name={c.name.clone()} data-passed={c.passed.to_string()}>
                        <span class="py-mark" aria-hidden="true">{ if c.passed { "\u{2713}" } else { "\u{2717}" } }</span>
                        { step_label(props.names.iter().position(|n| *n == c.name).and_then(|i| props.steps.get(i))) }
                        <strong>{ with_code(&c.name) }{ if c.message.is_empty() { "" } else { ": " } }</strong>
                        <span class="visually-hidden">{ if c.passed { "passed. " } else { "failed. " } }</span>
                        { with_code(&c.message) }
                    </li>
                }) }
            </ul>
            if !checks.is_empty() {
                <p class="fine" data-testid="python-verdict-scope">{ "A check of your own work, not an exam: the checks see only what your program defined, printed and measured in this run, in the Python it ran in." }</p>
            }
            { for outcome.notes.iter().map(|n| html! { <p class="fine py-note">{ with_code(n) }</p> }) }
            if let Some(checked) = outcome.checked_stdout.as_ref().filter(|c| **c != outcome.stdout) {
                <details class="py-checked-output" data-testid="python-checked-output">
                    <summary>{ "What the checked run printed" }</summary>
                    <p class="fine">{ "The checks ran on a second run of your program, in a fresh Python, with their instruments, which take a little memory too: figures your program prints about its own memory may differ from the console's by that much. The checks read these:" }</p>
                    <pre class="py-console" tabindex="0" aria-label="Output of the checked run">{ checked }</pre>
                </details>
            }
        </div>
    }
}

/// "Step N" before a check, the step of the task it verifies (none for a
/// check no step names, such as "Not judged").
fn step_label(step: Option<&u32>) -> Html {
    match step {
        Some(&n) if n > 0 => {
            html! { <span class="py-step" data-testid="python-check-step">{ format!("Step {n}") }</span> }
        }
        _ => html! {},
    }
}

/// Words with their `backticked` parts as code.
fn with_code(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct PlannedProps {
    /// The names of the exercise's checks in the order they run, and their steps
    /// (from check.py at build time).
    pub names: Vec<String>,
    #[prop_or_default]
    pub steps: Vec<u32>,
    /// The last run ended before its checks (stopped, or the runtime failed).
    #[prop_or_default]
    pub cut_short: bool,
}

/// Before the first run: what the checks will ask of the program, so the
/// student knows what "done" means before writing a line.
#[function_component]
pub fn Planned(props: &PlannedProps) -> Html {
    if props.names.is_empty() {
        return html! {};
    }
    html! {
        <div class="py-checks py-planned" data-testid="python-planned-checks">
            if props.cut_short {
                <p class="fine" data-testid="python-no-checks">{ "No checks ran to their end: the run was stopped before its verdict." }</p>
            }
            <h3>{ "What is checked" }</h3>
            <p class="fine">{ "Run Python runs your program in a fresh Python, then these checks on what it defined and printed; the exercise is solved when every one passes." }</p>
            <ul>
                { for props.names.iter().enumerate().map(|(i, name)| html! {
                    <li class="py-check planned" data-testid="python-planned-check" data-name={name.clone()}>
                        <span class="py-mark" aria-hidden="true">{ "\u{25cb}" }</span>
                        // Every check labelled: check.py may interleave steps.
                        { step_label(props.steps.get(i)) }
                        { with_code(name) }
                    </li>
                }) }
            </ul>
        </div>
    }
}
