//! One exercise: task, parameters, run, measured results, hints, solution,
//! explanation, quiz, and the code (Rust that ran, Python reference).
//!
//! All state changes go through one reducer; progress is saved in one
//! effect; the address bar follows the parameters so a copied link
//! reproduces the run.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::calculator::CalculatorPanel;
use super::code::Code;
use super::learn::{Hints, Predict, Quiz, Reveal};
use super::markdown::Markdown;
use super::progress::{self, ExerciseProgress};
use super::results::Results;
use super::run_panel::RunPanel;
use super::runner::{self, RunEvent};
use super::Route;
use crate::content::Content;
use crate::exercise::{ParamSpec, Params};
use crate::exercises::Loaded;
use crate::link;
use crate::run::RunResult;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Running,
    Done,
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct PageState {
    pub content: Rc<Content>,
    /// The exercise's declared parameters.
    pub specs: &'static [ParamSpec],
    /// Raw text of each parameter input, in declaration order.
    pub inputs: Vec<(String, String)>,
    pub limit_mib: u64,
    pub status: Status,
    pub pending: Option<u32>,
    pub result: Option<RunResult>,
    pub progress: ExerciseProgress,
    pub solution_open: bool,
    pub explanation_open: bool,
}

pub enum Action {
    Input(String, String),
    Started(u32),
    Finished(u32, RunEvent),
    RevealHint,
    ToggleSolution,
    ToggleExplanation,
    Predict(usize, bool),
    LockPredictions,
    Answer(usize, usize),
}

impl PageState {
    /// Each input checked against its bounds: the values, or one message per bad input.
    pub fn params(&self) -> Result<Params, Vec<(String, String)>> {
        let mut values = Vec::new();
        let mut errors = Vec::new();
        for (spec, (_, raw)) in self.specs.iter().zip(&self.inputs) {
            match spec.parse(raw) {
                Ok(v) => values.push((spec.name.to_string(), v)),
                Err(e) => errors.push((spec.name.to_string(), e)),
            }
        }
        if errors.is_empty() {
            Ok(Params(values))
        } else {
            Err(errors)
        }
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Input(name, raw) => {
                if let Some(slot) = next.inputs.iter_mut().find(|(n, _)| *n == name) {
                    slot.1 = raw;
                }
            }
            Action::Started(id) => {
                next.status = Status::Running;
                next.pending = Some(id);
                // Running commits any predictions made so far.
                next.progress.predictions_locked = !next.content.predict.is_empty();
            }
            Action::Finished(id, event) => {
                if next.pending != Some(id) {
                    return self; // a reply to a run this page no longer waits for
                }
                next.pending = None;
                match event {
                    RunEvent::Done(result) => {
                        next.status = Status::Done;
                        next.result = Some(result);
                        next.progress.runs += 1;
                    }
                    RunEvent::Failed(message) => next.status = Status::Failed(message),
                }
            }
            Action::RevealHint => {
                next.progress.hints_shown = (next.progress.hints_shown + 1).min(next.content.hints.len())
            }
            Action::ToggleSolution => {
                next.solution_open = !next.solution_open;
                next.progress.solution_seen |= next.solution_open;
            }
            Action::ToggleExplanation => next.explanation_open = !next.explanation_open,
            Action::Predict(i, value) if !next.progress.predictions_locked => {
                next.progress.predictions.resize(next.content.predict.len(), None);
                if i < next.progress.predictions.len() {
                    next.progress.predictions[i] = Some(value);
                }
            }
            Action::Predict(..) => {}
            Action::LockPredictions => next.progress.predictions_locked = true,
            Action::Answer(q, choice) => {
                next.progress.quiz.resize(next.content.quiz.len(), None);
                if q < next.progress.quiz.len() && next.progress.quiz[q].is_none() {
                    next.progress.quiz[q] = Some(choice);
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct ExercisePageProps {
    pub loaded: &'static Loaded,
    pub content: Rc<Content>,
}

#[function_component]
pub fn ExercisePage(props: &ExercisePageProps) -> Html {
    let slug = props.loaded.entry.slug;
    let location = use_location();
    let navigator = use_navigator();
    let query = location.as_ref().map(|l| l.query_str().to_string()).unwrap_or_default();
    // The link is read once, when the page opens.
    let link_request = use_memo((), |_| link::read(props.loaded.entry.spec.params, &query));
    let notices = use_state(|| link_request.notices.clone());
    let state = {
        let content = props.content.clone();
        let props_params = props.loaded.entry.spec.params;
        let link_request = link_request.clone();
        use_reducer(move || {
            let (saved, _) = progress::load();
            PageState {
                content,
                specs: props_params,
                inputs: link_request.inputs.clone(),
                limit_mib: link_request.limit_mib,
                status: Status::Idle,
                pending: None,
                result: None,
                progress: saved.exercises.get(slug).cloned().unwrap_or_default(),
                solution_open: false,
                explanation_open: false,
            }
        })
    };

    // Replies from the worker come to whichever page is open.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            runner::listen(move |id, event| dispatcher.dispatch(Action::Finished(id, event)));
        });
    }

    let start_run = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            if let Ok(params) = state.params() {
                let id = runner::run(slug, params, Some(state.limit_mib * 1024 * 1024));
                state.dispatch(Action::Started(id));
            }
        })
    };

    // A link with run=1 reproduces its run as soon as the page opens.
    {
        let start_run = start_run.clone();
        let autorun = link_request.autorun && link_request.notices.is_empty();
        use_effect_with((), move |_| {
            if autorun {
                start_run.emit(());
            }
        });
    }

    // Progress is saved in this one place, whenever it changes.
    use_effect_with(state.progress.clone(), move |now| {
        let (mut all, _) = progress::load();
        all.exercises.insert(slug.to_string(), now.clone());
        progress::save(&all);
    });

    // The address bar follows valid parameters, so copying it reproduces the run.
    {
        let params = state.params().ok();
        let limit = state.limit_mib;
        use_effect_with((params, limit), move |(params, limit)| {
            if let (Some(params), Some(navigator)) = (params, navigator) {
                let query: Vec<(String, String)> =
                    link::query_pairs(&link::write(params, *limit)).into_iter().filter(|(k, _)| k != "run").collect();
                let _ = navigator.replace_with_query(&Route::Exercise { slug: slug.to_string() }, &query);
            }
        });
    }

    let content = &props.content;
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(make()))
    };
    let on_input = {
        let state = state.clone();
        Callback::from(move |(name, raw): (String, String)| state.dispatch(Action::Input(name, raw)))
    };
    let on_predict = {
        let state = state.clone();
        Callback::from(move |(i, v): (usize, bool)| state.dispatch(Action::Predict(i, v)))
    };
    let on_answer = {
        let state = state.clone();
        Callback::from(move |(q, c): (usize, usize)| state.dispatch(Action::Answer(q, c)))
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_: MouseEvent| notices.set(Vec::new()))
    };
    let entry = props.loaded.entry;
    let text = props.loaded.text;

    html! {
        <article class="exercise">
            <nav class="crumbs"><Link<Route> to={Route::Home}>{ "← All exercises" }</Link<Route>></nav>
            <header class="exercise-head">
                <h1 data-testid="exercise-title">{ &content.title }</h1>
                <p class="meta">
                    <span class={classes!("badge", content.difficulty.name().to_lowercase())} data-testid="difficulty">{ content.difficulty.name() }</span>
                    { for content.origin.iter().map(|o| html! { <span class="badge origin" data-testid="origin">{ o }</span> }) }
                    { for content.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }
                </p>
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
                        <Markdown text={content.task.clone()} />
                        <details class="starter">
                            <summary>{ "Starter code (Python)" }</summary>
                            <pre><code class="language-python">{ content.starter.trim() }</code></pre>
                        </details>
                    </section>
                    <CalculatorPanel {slug} />
                    <Predict statements={content.predict.clone()} answers={state.progress.predictions.clone()}
                             locked={state.progress.predictions_locked} on_answer={on_predict} on_lock={dispatch(|| Action::LockPredictions)} />
                </div>
                <div class="rest-area">
                    <Hints hints={content.hints.clone()} shown={state.progress.hints_shown} on_reveal={dispatch(|| Action::RevealHint)} />
                    <Reveal title="Solution" testid="solution" open={state.solution_open} on_toggle={dispatch(|| Action::ToggleSolution)}>
                        <Markdown text={content.solution.clone()} />
                        <h3>{ "Reference program (Python)" }</h3>
                        <Code runs={text.python_runs} text={text.python} language="python" testid="python-source" />
                        <h3>{ "What it printed" }</h3>
                        <p class="fine">{ "Recorded from CPython (version on the first line); the test suite re-runs the program and checks every character." }</p>
                        <pre data-testid="python-output" class="output"><code>{ text.python_output }</code></pre>
                        <p class="fine">{ format!("Expected last line: {}", content.expected_output) }</p>
                    </Reveal>
                    <Reveal title="Explanation" testid="explanation" open={state.explanation_open} on_toggle={dispatch(|| Action::ToggleExplanation)}>
                        <Markdown text={content.explanation.clone()} />
                    </Reveal>
                    <Quiz questions={content.quiz.clone()} answers={state.progress.quiz.clone()} {on_answer} />
                </div>
                <div class="measure-column">
                    <RunPanel state={(*state).clone()} {on_input} on_run={start_run} {slug} />
                    if let Some(result) = &state.result {
                        <Results result={result.clone()} />
                    }
                </div>
            </div>
            <section class="card code" aria-labelledby="code-heading">
                <h2 id="code-heading">{ "The Rust that runs" }</h2>
                <Markdown text={content.rust_notes.clone()} />
                <p class="fine">{ format!("{}, embedded at compile time from the file the worker runs.", entry.module_path()) }</p>
                <Code runs={text.source_runs} text={text.source} language="rust" testid="rust-source" class="source" />
            </section>
        </article>
    }
}
