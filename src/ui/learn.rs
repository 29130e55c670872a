//! The teaching parts of an exercise page: hints one at a time, sections
//! revealed on request, the quiz, and predict-then-run statements.

use yew::prelude::*;

use super::markdown::Markdown;
use crate::content::{Prediction, Question};

#[derive(Properties, PartialEq)]
pub struct HintsProps {
    pub hints: Vec<String>,
    pub shown: usize,
    pub on_reveal: Callback<()>,
}

#[function_component]
pub fn Hints(props: &HintsProps) -> Html {
    let total = props.hints.len();
    let shown = props.shown.min(total);
    let reveal = props.on_reveal.reform(|_: MouseEvent| ());
    html! {
        <section class="card hints" aria-labelledby="hints-heading">
            <h2 id="hints-heading">{ "Hints" }</h2>
            <ol>
                { for props.hints.iter().take(shown).map(|hint| html! {
                    <li data-testid="hint"><Markdown text={hint.clone()} /></li>
                }) }
            </ol>
            if shown < total {
                <button data-testid="reveal-hint" class="secondary" onclick={reveal}>
                    { format!("Show hint {} of {}", shown + 1, total) }
                </button>
            } else {
                <p class="fine">{ "All hints shown." }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RevealProps {
    pub title: AttrValue,
    pub testid: AttrValue,
    pub open: bool,
    pub on_toggle: Callback<()>,
    pub children: Html,
}

/// A section whose body appears when asked for.
#[function_component]
pub fn Reveal(props: &RevealProps) -> Html {
    let toggle = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <section class="card reveal">
            <h2>{ props.title.clone() }</h2>
            <button data-testid={format!("show-{}", props.testid)} class="secondary" aria-expanded={props.open.to_string()} onclick={toggle}>
                { if props.open { format!("Hide the {}", props.title.to_lowercase()) } else { format!("Show the {}", props.title.to_lowercase()) } }
            </button>
            if props.open {
                <div data-testid={props.testid.clone()}>{ props.children.clone() }</div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub questions: Vec<Question>,
    pub answers: Vec<Option<usize>>,
    pub on_answer: Callback<(usize, usize)>,
}

#[function_component]
pub fn Quiz(props: &QuizProps) -> Html {
    if props.questions.is_empty() {
        return html! {};
    }
    html! {
        <section class="card quiz" aria-labelledby="quiz-heading">
            <h2 id="quiz-heading">{ "Check yourself" }</h2>
            { for props.questions.iter().enumerate().map(|(q, question)| {
                let chosen = props.answers.get(q).copied().flatten();
                html! {
                    <fieldset data-testid="quiz-question" key={q}>
                        <legend><Markdown text={question.question.clone()} /></legend>
                        { for question.choices.iter().enumerate().map(|(c, choice)| {
                            let on_answer = props.on_answer.clone();
                            let state = match chosen {
                                Some(picked) if c == question.answer && picked == c => "right",
                                Some(picked) if picked == c => "wrong",
                                Some(_) if c == question.answer => "answer",
                                _ => "",
                            };
                            html! {
                                <button class={classes!("choice", state)} data-testid="quiz-choice" disabled={chosen.is_some()}
                                        onclick={Callback::from(move |_| on_answer.emit((q, c)))}>
                                    <Markdown text={choice.clone()} />
                                </button>
                            }
                        }) }
                        if let Some(picked) = chosen {
                            <div class={classes!("verdict", if picked == question.answer { "right" } else { "wrong" })} data-testid="quiz-verdict">
                                <strong>{ if picked == question.answer { "Right. " } else { "Not quite. " } }</strong>
                                <Markdown text={question.why.clone()} />
                            </div>
                        }
                    </fieldset>
                }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PredictProps {
    pub statements: Vec<Prediction>,
    pub answers: Vec<Option<bool>>,
    /// Answers are committed: the truth is shown.
    pub locked: bool,
    pub on_answer: Callback<(usize, bool)>,
    pub on_lock: Callback<()>,
}

/// Predict-the-output: the student judges each statement before the run;
/// committing (or running) reveals which were right.
#[function_component]
pub fn Predict(props: &PredictProps) -> Html {
    if props.statements.is_empty() {
        return html! {};
    }
    let all_answered = (0..props.statements.len()).all(|i| props.answers.get(i).copied().flatten().is_some());
    let lock = props.on_lock.reform(|_: MouseEvent| ());
    let answered = (0..props.statements.len()).filter(|i| props.answers.get(*i).copied().flatten().is_some()).count();
    let right = props
        .statements
        .iter()
        .enumerate()
        .filter(|(i, s)| props.answers.get(*i).copied().flatten() == Some(s.answer))
        .count();
    let score = match answered {
        0 => "Revealed without answers: try predicting before the run next time.".to_string(),
        n if n == props.statements.len() => format!("{right} of {n} right."),
        n => format!("{right} of the {n} you answered right; {} left unanswered.", props.statements.len() - n),
    };
    html! {
        <section class="card predict" aria-labelledby="predict-heading">
            <h2 id="predict-heading">{ "Predict the output" }</h2>
            <p>{ "Decide whether the Python program prints True or False for each line, then commit (running also commits)." }</p>
            <ol>
                { for props.statements.iter().enumerate().map(|(i, s)| {
                    let answer = props.answers.get(i).copied().flatten();
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
                            }
                        </li>
                    }
                }) }
            </ol>
            if props.locked {
                <p data-testid="prediction-score" data-right={right.to_string()} data-answered={answered.to_string()}>{ score }</p>
            } else {
                <button class="secondary" data-testid="lock-predictions" disabled={!all_answered} onclick={lock}>{ "Commit my answers" }</button>
            }
        </section>
    }
}
