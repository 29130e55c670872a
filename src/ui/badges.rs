//! An exercise's difficulty, its origin in the course and its tags, as the
//! catalogue's cards and the exercise page both show them.

use yew::prelude::*;

use crate::content::Card;

#[derive(Properties, PartialEq)]
pub struct BadgesProps {
    pub card: &'static Card,
}

#[function_component]
pub fn Badges(props: &BadgesProps) -> Html {
    let card = props.card;
    let difficulty = card.difficulty.name();
    html! {
        <p class="meta">
            <span class={classes!("badge", difficulty.to_ascii_lowercase())} data-testid="difficulty">{ difficulty }</span>
            { for card.origin.iter().map(|o| html! { <span class="badge origin" data-testid="origin">{ o }</span> }) }
            { for card.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }
        </p>
    }
}
