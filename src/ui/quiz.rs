//! "Check yourself": multiple-choice questions, each answered once, with
//! the reason shown after.

use yew::prelude::*;

use super::hooks::use_rescue_focus;
use super::markdown::Markdown;
use crate::content::Question;

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
            { for props.questions.iter().enumerate().map(|(index, question)| html! {
                <QuizQuestion key={index} {index} question={question.clone()}
                              chosen={props.answers.get(index).copied().flatten()} on_answer={props.on_answer.clone()} />
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct QuizQuestionProps {
    index: usize,
    question: Question,
    chosen: Option<usize>,
    on_answer: Callback<(usize, usize)>,
}

#[function_component]
fn QuizQuestion(props: &QuizQuestionProps) -> Html {
    let (q, question, chosen) = (props.index, &props.question, props.chosen);
    // Answering disables the choices: focus moves to the verdict.
    let verdict = use_node_ref();
    use_rescue_focus(chosen, &verdict);
    html! {
        <fieldset data-testid="quiz-question">
            <legend><Markdown html={question.question.clone()} /></legend>
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
                        <Markdown html={choice.clone()} />
                    </button>
                }
            }) }
            if let Some(picked) = chosen {
                <div class={classes!("verdict", if picked == question.answer { "right" } else { "wrong" })}
                     data-testid="quiz-verdict" tabindex="-1" ref={verdict}>
                    <strong>{ if picked == question.answer { "Right. " } else { "Not quite. " } }</strong>
                    <Markdown html={question.why.clone()} />
                </div>
            }
        </fieldset>
    }
}
