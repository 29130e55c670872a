//! Exercise text is written in Markdown and rendered to HTML at build time
//! (`build.rs`, pulldown-cmark), so the page carries no renderer. The text
//! is our own and reviewed, so its HTML is inserted as it is.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    /// HTML rendered from the exercise's Markdown.
    pub html: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    html! {
        <div class={classes!("markdown", props.class.clone())}>
            { Html::from_html_unchecked(props.html.clone()) }
        </div>
    }
}
