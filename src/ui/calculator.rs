//! An exercise's calculator (see `exercise::Calculator`): an input and the
//! answer, recomputed on every keystroke.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::markdown::Markdown;

use crate::exercise::Calculator;

#[derive(Properties)]
pub struct CalculatorProps {
    /// The exercise's calculator, from its spec.
    pub calculator: &'static Calculator,
    /// How to use it (HTML from the exercise's `calculator_help`).
    pub help: AttrValue,
}

/// Calculators are statics: the same one is the same address.
impl PartialEq for CalculatorProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.calculator, other.calculator) && self.help == other.help
    }
}

#[function_component]
pub fn CalculatorPanel(props: &CalculatorProps) -> Html {
    let calc = props.calculator;
    let input = use_state(|| calc.example.to_string());
    let oninput = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| input.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let answer = (calc.compute)(&input);
    html! {
        <section class="card calculator" aria-labelledby="calculator-heading">
            <h2 id="calculator-heading">{ calc.title }</h2>
            <Markdown html={props.help.clone()} />
            <div class="param">
                <label for="calculator-input">{ calc.prompt }</label>
                <input id="calculator-input" data-testid="calculator-input" value={(*input).clone()} {oninput} spellcheck="false" />
            </div>
            <p aria-live="polite" data-testid="calculator-output" class={classes!(if answer.is_ok() { "answer" } else { "error" })}>
                { match answer { Ok(text) | Err(text) => text } }
            </p>
        </section>
    }
}
