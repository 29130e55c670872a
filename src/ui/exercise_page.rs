//! One exercise: task, parameters, run, measured results, hints, solution,
//! explanation, quiz, and the code (Rust that ran, Python reference).
//!
//! The state and its reducer are in `state`, the effects in `hooks`; this
//! file only lays the page out. In the markup the run panel follows the
//! task, so it comes early in the tab order wherever CSS places it.

use super::router::Link;
use yew::prelude::*;

use super::badges::Badges;
use super::calculator::CalculatorPanel;
use super::code::Code;
use super::hooks::{
    use_address_bar, use_autorun, use_results_into_view, use_saved_progress, use_share_link, use_start_run, use_title,
};
use super::learn::{Hints, Reveal};
use super::markdown::Markdown;
use super::predict::Predict;
use super::present::{neighbour, use_presentation, Keys, PresentButton, PresentHint, PresentKeys};
use super::quiz::Quiz;
use super::results::Results;
use super::router::Route;
use super::run_panel::RunPanel;
use super::state::{make_callback, Action};
use super::sweep::{use_start_sweep, SweepButton, SweepControls, SweepResults};
use std::rc::Rc;

use crate::content::{Card, Content, Programs};
use crate::exercises::PageEntry;
use crate::link::LinkRequest;
use crate::page::panel::input::{PanelInput, RustPeaks};

#[derive(Properties)]
pub struct ExercisePageProps {
    pub entry: &'static PageEntry,
    pub card: &'static Card,
    /// The exercise's text, fetched when it opened (see `loader`).
    pub content: Rc<Content>,
    pub programs: Rc<Programs>,
    /// What the link that opened the page asks for, read once (`exercise_loader`).
    pub link: Rc<LinkRequest>,
}

/// Entries and cards are statics and the text is fetched once: identity is equality.
impl PartialEq for ExercisePageProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.entry, other.entry)
            && Rc::ptr_eq(&self.content, &other.content)
            && Rc::ptr_eq(&self.programs, &other.programs)
            && Rc::ptr_eq(&self.link, &other.link)
    }
}

#[function_component]
pub fn ExercisePage(props: &ExercisePageProps) -> Html {
    let (entry, card, text) = (props.entry, props.card, &props.programs);
    let content = &props.content;
    let slug = entry.slug;
    let link_request = &props.link;
    let notices = use_state(|| link_request.notices.clone());
    let state = use_reducer(|| super::state::open(slug, content.clone(), entry.spec.params, link_request));
    let params = state.params.as_ref().ok();
    // Load the measuring worker while the student reads (no-op if loaded).
    use_effect_with((), |_| super::worker_bridge::warm_up());
    let start_run = use_start_run(&state, slug);
    // A link's run waits while the link had something to say.
    let autorun = link_request.autorun && link_request.notices.is_empty();
    use_autorun(&start_run, autorun);
    let start_sweep = use_start_sweep(&state, slug);
    use_autorun(&start_sweep, autorun && link_request.sweep.is_some());
    use_saved_progress(slug, &state.progress);
    // The page's link now: its values, the sweep shown, presentation mode.
    let here = params.map(|params| LinkRequest {
        sweep: state.sweep.shown(),
        present: state.present,
        ..LinkRequest::to(params.clone(), state.limit_mib)
    });
    use_address_bar(slug, here.clone());
    let share = use_share_link(slug, here);
    let keys = Keys {
        run: start_run.clone(),
        sweep: start_sweep.clone(),
        hint: make_callback(&state, |_| Action::RevealHint),
        leave: make_callback(&state, |_| Action::Present(false)),
    };
    use_presentation(slug, state.present, keys);
    use_title(Some(content.title.clone()));
    let results_top = use_node_ref();
    use_results_into_view(&state.status, &results_top);

    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_: MouseEvent| notices.set(Vec::new()))
    };
    let progress = &state.progress;
    // "Write it in Python": opens the Python workspace and brings it into view.
    let python_request = use_state(|| 0u32);
    // A `#code=` link's program, read as the page opens: the address bar is
    // rewritten before the panel's module has arrived to read it.
    let opened_fragment =
        use_memo((), |_| web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default());
    let write_python = {
        let python_request = python_request.clone();
        Callback::from(move |_: MouseEvent| python_request.set(*python_request + 1))
    };
    let reveal_hint = make_callback(&state, |_| Action::RevealHint);
    // "Your Python": the page's part of it, handed to the panel's own module
    // (the task and the hints are drawn beside its editor on a wide screen).
    let python = PanelInput {
        slug: slug.to_string(),
        starter: content.starter.clone(),
        solution: text.python.clone(),
        expected: content.expected_output.clone(),
        checks: text.checks.clone(),
        check_steps: text.check_steps.clone(),
        rust: state.result.as_deref().map(RustPeaks::of),
        task: content.task.clone(),
        hints: content.hints.clone(),
        hints_shown: progress.hints_shown as u32,
        open_request: *python_request,
        fragment: (*opened_fragment).clone(),
    };
    let present_button =
        html! { <PresentButton present={state.present} on_toggle={make_callback(&state, Action::Present)} /> };
    let (sweep_button, sweep_controls) = if state.sweep.spec.is_some() {
        let on_action = make_callback(&state, Action::Sweep);
        let params_ok = params.is_some();
        (
            html! { <SweepButton sweep={state.sweep.clone()} {params_ok} on_action={on_action.clone()} on_sweep={start_sweep.clone()} /> },
            html! { <SweepControls sweep={state.sweep.clone()} {params_ok} {on_action} on_sweep={start_sweep} /> },
        )
    } else {
        (html! {}, html! {})
    };
    html! {
        <article class="exercise">
            <nav class="crumbs"><Link to={Route::Home}>{ "← All exercises" }</Link></nav>
            <header class="exercise-head">
                <h1 data-testid="exercise-title" tabindex="-1">{ &content.title }</h1>
                <Badges {card} />
                if state.present {
                    <PresentKeys />
                }
            </header>
            if !notices.is_empty() {
                <div class="notice" role="alert" data-testid="notice">
                    { for notices.iter().map(|n| html! { <p>{ n }</p> }) }
                    <button class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <div class="columns">
                <div class="task-area">
                    <section class="card task" aria-labelledby="task-heading">
                        <h2 id="task-heading">{ "Task" }</h2>
                        <Markdown html={content.task.clone()} />
                        <button type="button" class="secondary write-python" data-testid="write-python" onclick={write_python}>
                            { "Write it in Python \u{2193}" }
                        </button>
                        <details class="starter">
                            <summary>{ "Starter code (Python)" }</summary>
                            <pre><code class="language-python">{ content.starter.trim() }</code></pre>
                        </details>
                    </section>
                    if let Some(calculator) = entry.spec.calculator.as_ref() {
                        <CalculatorPanel slug={entry.slug} calculator={*calculator} help={content.calculator_help.clone()} />
                    }
                    <Predict statements={content.predict.clone()} answers={progress.predictions.clone()} locked={progress.predictions_locked}
                             on_answer={make_callback(&state, Action::Predict)} on_lock={make_callback(&state, |_| Action::LockPredictions)}
                             on_explain={make_callback(&state, |_| Action::OpenExplanation)} />
                </div>
                <div class="measure-column" data-testid="measure-column">
                    <RunPanel specs={state.specs} inputs={state.inputs.clone()} errors={state.params.clone().err().unwrap_or_default()}
                              status={state.status.clone()} limit_mib={state.limit_mib}
                              {share} on_input={make_callback(&state, Action::Input)} on_run={start_run}
                              beside_run={html! { <>{ sweep_button }{ present_button }</> }} after_form={sweep_controls} />
                    if state.present {
                        <PresentHint hints={content.hints.clone()} shown={progress.hints_shown} />
                    }
                    <super::open_results::OpenResults {slug} result={state.result.clone()} on_open={make_callback(&state, Action::Opened)} />
                    <div ref={results_top}>
                        if let Some(result) = &state.result {
                            <Results result={result.clone()} cpython={text.cpython.clone()} work={content.timing.clone()} limit_mib={state.limit_mib} />
                        }
                    </div>
                    <SweepResults sweep={state.sweep.clone()} tall={state.present} limit_mib={state.limit_mib} />
                </div>
                <div class="rest-area">
                    <Hints hints={content.hints.clone()} shown={progress.hints_shown} on_reveal={reveal_hint.clone()} />
                    <Reveal title="Solution" testid="solution" open={state.solution_open} on_toggle={make_callback(&state, |_| Action::ToggleSolution)}>
                        <Markdown html={content.solution.clone()} />
                        <h3>{ "Reference program (Python)" }</h3>
                        <Code runs={text.python_runs.clone()} text={text.python.clone()} language="python" testid="python-source" />
                        <h3>{ "What it printed" }</h3>
                        <p class="fine">{ crate::page::words::RECORDED }</p>
                        <pre data-testid="python-output" class="output" tabindex="0"><code>{ text.python_output.clone() }</code></pre>
                        <p class="fine">{ format!("Expected last line: {}", content.expected_output) }</p>
                        <Markdown html={text.recordings.clone()} />
                    </Reveal>
                    <Reveal title="Explanation" testid="explanation" open={state.explanation_open} on_toggle={make_callback(&state, |_| Action::ToggleExplanation)}>
                        <Markdown html={content.explanation.clone()} />
                    </Reveal>
                    <Quiz questions={content.quiz.clone()} answers={progress.quiz.clone()} on_answer={make_callback(&state, Action::Answer)} />
                </div>
            </div>
            <super::python_host::PythonHost input={python} on_reveal={reveal_hint} />
            <section class="card code" aria-labelledby="code-heading">
                <h2 id="code-heading">{ "The Rust that runs" }</h2>
                <Markdown html={content.rust_notes.clone()} />
                <p class="fine">{ crate::page::words::source_note(&entry.module_path()) }</p>
                <Code runs={text.source_runs.clone()} text={text.source.clone()} language="rust" testid="rust-source" class="source" />
            </section>
            { neighbours(slug) }
        </article>
    }
}

/// The previous and next exercise in the catalogue's order, by title.
fn neighbours(slug: &str) -> Html {
    let link = |step: isize, testid: &'static str| {
        let to = neighbour(slug, step)?;
        let title = crate::exercises::card(to).map_or(to, |c| c.title);
        let words = if step < 0 { format!("\u{2190} Previous: {title}") } else { format!("Next: {title} \u{2192}") };
        Some(
            html! { <span data-testid={testid}><Link to={Route::Exercise { slug: to.to_string() }}>{ words }</Link></span> },
        )
    };
    html! {
        <nav class="neighbours" aria-label="Previous and next exercise" data-testid="neighbours">
            { link(-1, "previous-exercise") }{ link(1, "next-exercise") }
        </nav>
    }
}
