//! An exercise's calculator (see `exercise::Calculator`): an input and the
//! answer, asked of the measuring worker on every keystroke (it carries the
//! calculators' code; the page only its words, `CalculatorText`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::markdown::Markdown;
use super::worker_bridge;

use crate::exercise::CalculatorText;

#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    /// The exercise whose calculator this is.
    pub slug: AttrValue,
    pub calculator: CalculatorText,
    /// How to use it (HTML from the exercise's `calculator_help`).
    pub help: AttrValue,
}

#[function_component]
pub fn CalculatorPanel(props: &CalculatorProps) -> Html {
    let calc = props.calculator;
    let input = use_state(|| calc.example.to_string());
    // The answer for the input it answers; `None` until the first arrives.
    let answer = use_state_eq(|| None::<(String, Result<String, String>)>);
    {
        let (answer, slug) = (answer.clone(), props.slug.clone());
        use_effect_with((*input).clone(), move |typed| {
            let asked = typed.clone();
            worker_bridge::calculate(&slug, typed, move |reply| answer.set(Some((asked, reply))));
        });
    }
    let oninput = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| input.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    // Answers for older input are not shown (the worker answers in order;
    // a newer one is on its way).
    let shown = (*answer).as_ref().filter(|(for_input, _)| *for_input == *input).map(|(_, reply)| reply);
    let (class, text, state) = match shown {
        Some(Ok(text)) => ("answer", text.as_str(), "done"),
        Some(Err(text)) => ("error", text.as_str(), "done"),
        None => ("answer", "\u{2026}", "waiting"),
    };
    html! {
        <section class="card calculator" aria-labelledby="calculator-heading">
            <h2 id="calculator-heading">{ calc.title }</h2>
            <Markdown html={props.help.clone()} />
            <div class="param">
                <label for="calculator-input">{ calc.prompt }</label>
                <input id="calculator-input" data-testid="calculator-input" value={(*input).clone()} {oninput} spellcheck="false" />
            </div>
            <p aria-live="polite" data-testid="calculator-output" data-state={state} {class}>{ text }</p>
        </section>
    }
}
