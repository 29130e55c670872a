//! Predict-the-output: the student judges each statement before the run;
//! committing (or running) reveals which were right.

use yew::prelude::*;

use super::hooks::use_rescue_focus;
use super::markdown::Markdown;
use crate::content::Prediction;

#[derive(Properties, PartialEq)]
pub struct PredictProps {
    pub statements: Vec<Prediction>,
    pub answers: Vec<Option<bool>>,
    /// Answers are committed: the truth is shown.
    pub locked: bool,
    pub on_answer: Callback<(usize, bool)>,
    pub on_lock: Callback<()>,
    /// Opens the explanation (the score's "why" link).
    pub on_explain: Callback<()>,
}

#[function_component]
pub fn Predict(props: &PredictProps) -> Html {
    // Committing removes its button: focus moves to the score.
    let score_ref = use_node_ref();
    use_rescue_focus(props.locked, &score_ref);
    if props.statements.is_empty() {
        return html! {};
    }
    let total = props.statements.len();
    let answer = |i: usize| props.answers.get(i).copied().flatten();
    let answered = (0..total).filter(|i| answer(*i).is_some()).count();
    let right = props.statements.iter().enumerate().filter(|(i, s)| answer(*i) == Some(s.answer)).count();
    let score = match answered {
        0 => "Shown without answers.".to_string(),
        n if n == total => format!("{right} of {n} right."),
        n => format!("{right} of the {n} you answered right; {} left unanswered.", total - n),
    };
    let lock = props.on_lock.reform(|_: MouseEvent| ());
    // Opens the explanation and brings its button into view, focused.
    let explain = props.on_explain.reform(|_: MouseEvent| {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=show-explanation]").ok().flatten());
        if let Some(element) = shown {
            super::dom::bring_into_view(&element);
            if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = button.focus();
            }
        }
    });
    html! {
        <section class="card predict" aria-labelledby="predict-heading">
            <h2 id="predict-heading">{ "Predict the output" }</h2>
            <p>{ crate::page::words::PREDICT_INTRO }</p>
            <ol>{ for props.statements.iter().enumerate().map(|(i, s)| statement(props, i, s, answer(i))) }</ol>
            if props.locked {
                <p data-testid="prediction-score" data-right={right.to_string()} data-answered={answered.to_string()}
                   tabindex="-1" ref={score_ref}>{ score }{ " " }
                    <button type="button" class="link-button" data-testid="prediction-why" onclick={explain}>{ "Why: the explanation" }</button>
                </p>
            } else {
                <div class="actions">
                    <button class="secondary" data-testid="lock-predictions" disabled={answered < total} onclick={lock.clone()}>{ "Commit my answers" }</button>
                    if answered < total {
                        <button class="secondary" data-testid="reveal-predictions" onclick={lock}>{ "Show the answers" }</button>
                    }
                </div>
            }
        </section>
    }
}

fn statement(props: &PredictProps, i: usize, s: &Prediction, answer: Option<bool>) -> Html {
    let pick = |value: bool| {
        let on_answer = props.on_answer.clone();
        Callback::from(move |_| on_answer.emit((i, value)))
    };
    let verdict = match (props.locked, answer) {
        (true, Some(a)) if a == s.answer => "right",
        (true, Some(_)) => "wrong",
        (true, None) => "unanswered",
        _ => "",
    };
    let truth = if s.answer { "True" } else { "False" };
    html! {
        <li class={classes!("statement", verdict)} data-testid="prediction" data-index={i.to_string()}>
            <code>{ &s.statement }</code>
            <span class="toggle" role="group" aria-label="True or False">
                <button data-testid="predict-true" aria-pressed={(answer == Some(true)).to_string()} disabled={props.locked} onclick={pick(true)}>{ "True" }</button>
                <button data-testid="predict-false" aria-pressed={(answer == Some(false)).to_string()} disabled={props.locked} onclick={pick(false)}>{ "False" }</button>
            </span>
            if props.locked {
                <span class="truth" data-testid="prediction-truth" data-answer={s.answer.to_string()}>
                    { match verdict {
                        "right" => format!("✓ {truth}"),
                        "wrong" => format!("✗ it prints {truth}"),
                        _ => format!("not answered: it prints {truth}"),
                    } }
                </span>
                <div class="reason" data-testid="prediction-reason"><Markdown html={s.why.clone()} class="fine" /></div>
                // Where an interpreter prints the other answer, the page says which and why.
                for (name, why) in s.differs.iter().flatten() {
                    <p class="fine differs" data-testid="prediction-differs">{ format!("On {} it prints {}. {why}", interpreter(name), if s.answer { "False" } else { "True" }) }</p>
                }
            }
        </li>
    }
}

/// A recording's name as a reader says it: `cpython-3.8` -> `CPython 3.8`,
/// `pyodide-3.14` -> `Pyodide 3.14 (this page)`.
fn interpreter(name: &str) -> String {
    match name.split_once('-') {
        Some(("cpython", version)) => format!("CPython {version}"),
        Some(("pyodide", version)) => format!("Pyodide {version} (this page)"),
        _ => name.to_string(),
    }
}
