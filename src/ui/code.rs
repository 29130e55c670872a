//! A source file as the page shows it: its text, coloured by the
//! runs `build.rs` computed (see `highlight`), or plain if they do not fit.

use yew::prelude::*;

use crate::highlight;

#[derive(Properties, PartialEq)]
pub struct CodeProps {
    /// Its colour runs, computed by `build.rs` from the same file.
    pub runs: Vec<u32>,
    pub text: AttrValue,
    pub language: AttrValue,
    pub testid: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn Code(props: &CodeProps) -> Html {
    let body = match highlight::pieces(&props.runs, &props.text) {
        Some(pieces) => pieces
            .into_iter()
            .map(|(text, class)| match class.css() {
                "" => html! { { text } },
                css => html! { <span class={css}>{ text }</span> },
            })
            .collect::<Html>(),
        None => html! { { props.text.clone() } },
    };
    html! {
        // Focusable so it can be scrolled from the keyboard in every browser.
        <pre data-testid={props.testid.clone()} class={props.class.clone()} tabindex="0">
            <code class={format!("language-{}", props.language)}>{ body }</code>
        </pre>
    }
}
