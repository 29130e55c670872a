//! The list of exercises, grouped as the curriculum groups them, with each
//! one's origin in the course, difficulty, tags and the student's progress;
//! filters and a search over it, kept in the URL's query (the matching is
//! `crate::catalogue_filter`), and overall progress at a glance.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::router::{use_location, Link};

use super::badges::Badges;
use super::catalogue_filters::{filter_controls, use_set_filters};
use super::loader;
use super::progress::{ExerciseProgress, Progress};
use super::router::Route;
use crate::catalogue_filter::{Card as Filtered, Filters};
use crate::content::{Card, GROUPS};
use crate::exercises::{card as card_of, PAGES};

/// How far a student has got with one exercise, as its card shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CardState {
    New,
    Started,
    Measured,
    /// The student's Python passed every check: done, whatever else.
    Solved,
}

impl CardState {
    /// `python`: this browser keeps the student's Python for it.
    fn of(progress: Option<&ExerciseProgress>, python: bool) -> CardState {
        match progress {
            Some(p) if p.solved => CardState::Solved,
            Some(p) if p.runs > 0 => CardState::Measured,
            Some(p) if p.started() => CardState::Started,
            _ if python => CardState::Started,
            _ => CardState::New,
        }
    }

    /// The class and `data-progress` value.
    fn key(self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Started => "started",
            CardState::Measured => "measured",
            CardState::Solved => "solved",
        }
    }

    /// One word per card: the furthest the student got.
    fn label(self) -> &'static str {
        match self {
            CardState::New => "",
            CardState::Started => "started",
            CardState::Measured => "✓ measured",
            CardState::Solved => "✓ solved",
        }
    }
}

/// Cards drawn when the catalogue is the app's first render; the rest
/// follow in the next task. Drawing all 30 at once, with the wasm compiled
/// as it first runs, made one main-thread task of 70 ms or more on the
/// page's first load (no task over 50 ms). Any later visit draws
/// every card at once, so Back finds the page as long as it left it.
const FIRST_CARDS: usize = 6;

thread_local! {
    static APP_DRAWN: Cell<bool> = const { Cell::new(false) };
}

/// Called in the task after the app's first render (`ui::start`).
pub fn app_drawn() {
    APP_DRAWN.with(|d| d.set(true));
}

/// Whether every card is drawn: false only while the catalogue is the app's
/// first render, until the next task.
#[hook]
fn use_drawn_in_full() -> bool {
    let full = use_state(|| APP_DRAWN.with(Cell::get));
    {
        let full = full.clone();
        use_effect_with((), move |_| {
            if !*full {
                let finish = Closure::once_into_js(move || full.set(true));
                if let Some(window) = web_sys::window() {
                    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(finish.unchecked_ref(), 0);
                }
            }
        });
    }
    *full
}

#[derive(Properties, PartialEq)]
pub struct CatalogueProps {
    pub progress: Progress,
}

#[function_component]
pub fn Catalogue(props: &CatalogueProps) -> Html {
    // Registry order; an exercise whose text could not be read at build
    // time has no card (the content checker fails the build's tests first).
    let readable: Vec<&'static Card> = PAGES.iter().filter_map(|entry| card_of(entry.slug)).collect();
    let broken = PAGES.iter().filter(|entry| card_of(entry.slug).is_none()).map(|entry| entry.slug);
    let cards: Vec<Filtered<&'static str>> = readable.iter().map(|c| Filtered::from(*c)).collect();
    let query = use_location().query_str().to_string();
    let filters = Filters::from_query(&query);
    let set_filters = use_set_filters();
    let solved = |slug: &str| props.progress.exercises.get(slug).is_some_and(|p| p.solved);
    let shown: Vec<bool> = cards.iter().map(|card| filters.matches(card, solved(card.slug))).collect();
    let shown_count = shown.iter().filter(|s| **s).count();
    let full = use_drawn_in_full();
    // The build's static catalogue gives way once every card is drawn.
    super::prerendered::use_release_when(full);
    // The first cards shown, in page order (the rest wait for the next task).
    let mut left = if full { usize::MAX } else { FIRST_CARDS };
    html! {
        <div class="catalogue" data-testid="catalogue" data-complete={full.to_string()}>
            <header class="intro">
                <h1 tabindex="-1">{ "Heapwise" }</h1>
                <p class="lead">
                    { crate::page::words::LEAD }
                </p>
            </header>
            { for broken.map(|folder| html! {
                <p class="notice" role="alert">{ format!("The exercise in exercises/{folder} could not be read when this version was built.") }</p>
            }) }
            { glance(&cards, &props.progress) }
            { filter_controls(&filters, &cards, &set_filters) }
            <p class="filter-count" role="status" aria-live="polite" data-testid="filter-count"
               data-shown={shown_count.to_string()} data-total={cards.len().to_string()}>
                { format!("{shown_count} of {} shown", cards.len()) }
            </p>
            if shown_count == 0 {
                <p class="no-match" data-testid="no-match">{ "No exercise matches these filters. Try fewer, or clear them." }</p>
            }
            { for GROUPS.iter().enumerate().map(|(g, name)| {
                let members = readable.iter().zip(&shown).filter(|(c, shown)| **shown && c.group_name() == Some(*name));
                let cards: Vec<Html> = members.take(left).map(|(c, _)| card(c, &props.progress)).collect();
                left -= cards.len();
                if cards.is_empty() {
                    return html! {};
                }
                html! {
                    <section class="group" aria-labelledby={format!("group-{g}")}>
                        <h2 id={format!("group-{g}")}>{ format!("{}. {name}", g + 1) }</h2>
                        <ul class="cards">{ for cards }</ul>
                    </section>
                }
            }) }
        </div>
    }
}

/// How far the student has got over the whole catalogue.
fn glance(cards: &[Filtered<&str>], progress: &Progress) -> Html {
    let total = cards.len();
    let count = |test: fn(&ExerciseProgress) -> bool| {
        cards.iter().filter(|c| progress.exercises.get(c.slug).is_some_and(test)).count()
    };
    let measured = count(|p| p.runs > 0);
    let solved = count(|p| p.solved);
    let meter = |id: &str, label: String, value: usize| {
        html! {
            <div class="glance-item">
                <label for={id.to_string()}>{ label }</label>
                <progress id={id.to_string()} max={total.to_string()} value={value.to_string()}></progress>
            </div>
        }
    };
    html! {
        <section class="glance" aria-label="Your progress" data-testid="progress-summary"
                 data-measured={measured.to_string()} data-solved={solved.to_string()} data-total={total.to_string()}>
            { meter("glance-measured", format!("Measured: {measured} of {total}"), measured) }
            { meter("glance-solved", format!("Solved in Python: {solved} of {total}"), solved) }
        </section>
    }
}

fn card(card: &'static Card, progress: &Progress) -> Html {
    let slug = card.slug;
    let state = CardState::of(progress.exercises.get(slug), super::python::storage::has_saved(slug));
    // Solved: every check of the student's own Python passed (the Python panel).
    let solved = state == CardState::Solved;
    html! {
        <li class={classes!("card", "exercise-card", state.key())} data-testid="exercise-card"
            data-slug={slug} data-progress={state.key()} data-solved={solved.to_string()} key={slug}
            // Its text starts coming as soon as the card is pointed at or focused.
            onpointerenter={move |_| loader::prefetch(card)} onfocusin={move |_| loader::prefetch(card)}>
            <Link to={Route::Exercise { slug: slug.to_string() }} classes="card-link">
                <h3 data-testid="open-exercise">{ card.title }</h3>
            </Link>
            <p>{ card.summary }</p>
            <Badges {card} />
            <p class="progress-state" data-testid="card-state">{ state.label() }</p>
        </li>
    }
}
