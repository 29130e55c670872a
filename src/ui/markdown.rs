//! Exercise text is Markdown, rendered with pulldown-cmark. The text is our
//! own, embedded at compile time, so its HTML is trusted.

use pulldown_cmark::{html, Options, Parser};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    let mut rendered = String::new();
    html::push_html(
        &mut rendered,
        Parser::new_ext(&props.text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    html! {
        <div class={classes!("markdown", props.class.clone())}>
            { Html::from_html_unchecked(AttrValue::from(rendered)) }
        </div>
    }
}
