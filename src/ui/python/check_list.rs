//! The checks as a list grouped under the task's steps: before the first
//! run (what is checked) and a run's results (`super::report::Checks`).

use yew::prelude::*;

use super::outcome::Check;
use crate::content::{by_step, PlannedCheck};

/// One check's result as a list item.
pub fn result_item(c: &Check) -> Html {
    html! {
        <li class={classes!("py-check", if c.passed { "passed" } else { "failed" })}
            data-testid="python-check" data-name={c.name.clone()} data-passed={c.passed.to_string()}>
            <span class="py-mark" aria-hidden="true">{ if c.passed { "✓" } else { "✗" } }</span>
            <strong>{ with_code(&c.name) }{ if c.message.is_empty() { "" } else { ": " } }</strong>
            <span class="visually-hidden">{ if c.passed { "passed. " } else { "failed. " } }</span>
            { c.message.clone() }
        </li>
    }
}

/// "Step N" above the checks that verify that step of the task (nothing
/// above the checks no step names, such as "Not judged").
pub fn step_heading(step: Option<u32>) -> Html {
    step.map_or(
        html! {},
        |n| html! { <h4 class="py-step" data-testid="python-check-step">{ format!("Step {n}") }</h4> },
    )
}

/// A check's name with its `backticked` words as code.
fn with_code(name: &str) -> Html {
    name.split('`')
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
    /// The exercise's checks, in order, with their steps (from check.py at build time).
    pub checks: Vec<PlannedCheck>,
    /// The last run ended before its checks (stopped, or the runtime failed).
    #[prop_or_default]
    pub cut_short: bool,
}

/// Before the first run: what the checks will ask of the program, so the
/// student knows what "done" means before writing a line.
#[function_component]
pub fn Planned(props: &PlannedProps) -> Html {
    if props.checks.is_empty() {
        return html! {};
    }
    html! {
        <section class="py-checks py-planned" aria-labelledby="py-planned-heading" data-testid="python-planned-checks">
            if props.cut_short {
                <p class="fine" data-testid="python-no-checks">{ "No checks ran: this program did not reach its end." }</p>
            }
            <h3 id="py-planned-heading">{ "What is checked" }</h3>
            <p class="fine">{ "Run Python runs your program in a fresh Python, then these checks on what it defined and printed; the exercise is solved when every one passes." }</p>
            { for by_step(&props.checks, &props.checks, |c| &c.name).into_iter().map(|(step, checks)| html! {
                <>
                    { step_heading(step) }
                    <ul data-step={step.map(|s| s.to_string())}>
                        { for checks.into_iter().map(|c| html! {
                            <li class="py-check planned" data-testid="python-planned-check" data-name={c.name.clone()}>
                                <span class="py-mark" aria-hidden="true">{ "\u{25cb}" }</span>
                                { with_code(&c.name) }
                            </li>
                        }) }
                    </ul>
                </>
            }) }
        </section>
    }
}
