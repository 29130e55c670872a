//! The catalogue's filter controls: group, origin, difficulty, tag, "not
//! solved yet", a search box and Clear, each writing the filters into the
//! address bar (the matching itself is `crate::catalogue_filter`).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::router::use_navigator;
use super::router::Route;
use crate::catalogue_filter::{origin_choices, tag_choices, Card as Filtered, Filters};
use crate::content::{Difficulty, GROUPS};

/// Writes new filters into the address bar (replacing this history entry,
/// so Back from an exercise returns to the same selection).
#[hook]
pub fn use_set_filters() -> Callback<Filters> {
    let navigator = use_navigator();
    Callback::from(move |filters: Filters| {
        navigator.replace(&Route::Home, &filters.to_pairs());
    })
}

/// Group, origin, difficulty, tag, "not solved yet", a search box and Clear.
pub fn filter_controls(filters: &Filters, cards: &[Filtered<&str>], set: &Callback<Filters>) -> Html {
    // Each control hands back the filters with its own change made.
    let change = |apply: fn(&mut Filters, String)| {
        let (filters, set) = (filters.clone(), set.clone());
        Callback::from(move |value: String| {
            let mut next = filters.clone();
            apply(&mut next, value);
            set.emit(next);
        })
    };
    let select_value = |callback: Callback<String>| {
        Callback::from(move |e: Event| callback.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let group = select_value(change(|f, v| f.group = v.parse().ok()));
    let origin = select_value(change(|f, v| f.origin = (!v.is_empty()).then_some(v)));
    let difficulty =
        select_value(change(|f, v| f.difficulty = Filters::from_query(&format!("difficulty={v}")).difficulty));
    let tag = select_value(change(|f, v| f.tag = (!v.is_empty()).then_some(v)));
    let unsolved = {
        let callback = change(|f, v| f.unsolved = v == "true");
        Callback::from(move |e: Event| {
            callback.emit(e.target_unchecked_into::<HtmlInputElement>().checked().to_string())
        })
    };
    let search = {
        let callback = change(|f, v| f.search = v);
        Callback::from(move |e: InputEvent| callback.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let clear = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set.emit(Filters::default()))
    };
    let option = |value: String, label: String, selected: bool| html! { <option {value} {selected}>{ label }</option> };
    html! {
        <section class="filters" aria-labelledby="filters-heading" data-testid="catalogue-filters">
            <h2 id="filters-heading" class="visually-hidden">{ "Find an exercise" }</h2>
            <div class="filter search-filter">
                <label for="filter-search">{ "Search titles, summaries, tags and origins" }</label>
                <input id="filter-search" type="search" data-testid="filter-search" value={filters.search.clone()}
                       oninput={search} autocomplete="off" spellcheck="false" />
            </div>
            // Folded on a phone until opened (or while one of them is set), so the
            // first card is on the first screen; shown without the fold where
            // the page is wider (www/style.css, `.more-filters`).
            <details class="more-filters" open={filters.group.is_some() || filters.origin.is_some()
                || filters.difficulty.is_some() || filters.tag.is_some() || filters.unsolved}>
            <summary data-testid="filter-more">{ "More filters" }</summary>
            <div class="filter-row">
            <div class="filter">
                <label for="filter-group">{ "Group" }</label>
                <select id="filter-group" data-testid="filter-group" onchange={group}>
                    { option(String::new(), "All groups".into(), filters.group.is_none()) }
                    { for GROUPS.iter().enumerate().map(|(i, name)| {
                        let g = i as u8 + 1;
                        option(g.to_string(), format!("{g}. {name}"), filters.group == Some(g))
                    }) }
                </select>
            </div>
            <div class="filter">
                <label for="filter-origin">{ "Origin" }</label>
                <select id="filter-origin" data-testid="filter-origin" onchange={origin}>
                    { option(String::new(), "Anywhere in the course".into(), filters.origin.is_none()) }
                    { for origin_choices(cards).into_iter().map(|(value, label)| {
                        let selected = filters.origin.as_deref() == Some(value.as_str());
                        option(value, label, selected)
                    }) }
                </select>
            </div>
            <div class="filter">
                <label for="filter-difficulty">{ "Difficulty" }</label>
                <select id="filter-difficulty" data-testid="filter-difficulty" onchange={difficulty}>
                    { option(String::new(), "Any difficulty".into(), filters.difficulty.is_none()) }
                    { for [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard].into_iter().map(|d| {
                        option(d.name().to_ascii_lowercase(), d.name().into(), filters.difficulty == Some(d))
                    }) }
                </select>
            </div>
            <div class="filter">
                <label for="filter-tag">{ "Tag" }</label>
                <select id="filter-tag" data-testid="filter-tag" onchange={tag}>
                    { option(String::new(), "Any tag".into(), filters.tag.is_none()) }
                    { for tag_choices(cards).into_iter().map(|t| {
                        let selected = filters.tag.as_deref() == Some(t.as_str());
                        option(t.clone(), t, selected)
                    }) }
                </select>
            </div>
            <div class="filter check-filter">
                <input id="filter-unsolved" type="checkbox" data-testid="filter-unsolved" checked={filters.unsolved} onchange={unsolved} />
                <label for="filter-unsolved">{ "Not solved yet" }</label>
            </div>
            <button type="button" class="secondary clear-filters" data-testid="filter-clear" onclick={clear}>
                { "Clear filters" }
            </button>
            </div>
            </details>
        </section>
    }
}
