//! The teaching parts of an exercise page that are read, not answered:
//! hints one at a time and sections revealed on request. (The quiz is in
//! `quiz`, predict-then-run in `predict`.)

use yew::prelude::*;

use super::hooks::use_rescue_focus;
use super::markdown::Markdown;

#[derive(Properties, PartialEq)]
pub struct HintsProps {
    pub hints: Vec<String>,
    pub shown: usize,
    pub on_reveal: Callback<()>,
    /// Before the ids and test ids, for a second copy on the page (the
    /// Python workspace's, `python-`).
    #[prop_or_default]
    pub prefix: AttrValue,
}

#[function_component]
pub fn Hints(props: &HintsProps) -> Html {
    let total = props.hints.len();
    let shown = props.shown.min(total);
    let reveal = props.on_reveal.reform(|_: MouseEvent| ());
    // After the last hint its button is gone: focus goes to that hint.
    let newest = use_node_ref();
    use_rescue_focus(shown, &newest);
    let p = &props.prefix;
    let heading = format!("{p}hints-heading");
    html! {
        // A landmark once: the workspace's copy is inside its own region.
        <section class="card hints" aria-labelledby={p.is_empty().then(|| heading.clone())}>
            <h2 id={heading}>{ "Hints" }</h2>
            <ol>
                { for props.hints.iter().take(shown).enumerate().map(|(i, hint)| html! {
                    <li data-testid={format!("{p}hint")} tabindex="-1" ref={if i + 1 == shown { newest.clone() } else { NodeRef::default() }}>
                        <Markdown html={hint.clone()} />
                    </li>
                }) }
            </ol>
            if shown < total {
                <button data-testid={format!("{p}reveal-hint")} class="secondary" onclick={reveal}>
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
    let what = props.title.to_ascii_lowercase();
    html! {
        <section class="card reveal">
            <h2>{ props.title.clone() }</h2>
            <button data-testid={format!("show-{}", props.testid)} class="secondary" aria-expanded={props.open.to_string()} onclick={toggle}>
                { if props.open { format!("Hide the {what}") } else { format!("Show the {what}") } }
            </button>
            if props.open {
                <div data-testid={props.testid.clone()}>{ props.children.clone() }</div>
            }
        </section>
    }
}
