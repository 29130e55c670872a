//! An exercise's calculator (see `exercise::Calculator`): an input and the
//! answer, recomputed on every keystroke.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::markdown::Markdown;

use crate::exercise::Calculator;

#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    /// The exercise whose calculator this is.
    pub slug: AttrValue,
}

#[function_component]
pub fn CalculatorPanel(props: &CalculatorProps) -> Html {
    let calculator: Option<Calculator> = crate::exercises::find(&props.slug).and_then(|e| e.spec.calculator);
    let example = calculator.as_ref().map_or("", |c| c.example);
    let input = use_state(|| example.to_string());
    let Some(calc) = calculator else { return html! {} };
    let oninput = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| input.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let answer = (calc.compute)(&input);
    html! {
        <section class="card calculator" aria-labelledby="calculator-heading">
            <h2 id="calculator-heading">{ calc.title }</h2>
            <Markdown text={calc.help} />
            <div class="param">
                <label for="calculator-input">{ calc.prompt }</label>
                <input id="calculator-input" data-testid="calculator-input" value={(*input).clone()} {oninput} spellcheck="false" />
            </div>
            <p aria-live="polite" data-testid="calculator-output" class={classes!(if answer.is_ok() { "answer" } else { "error" })}>
                { match answer { Ok(text) => text, Err(problem) => format!("struct.error: {problem}") } }
            </p>
        </section>
    }
}
