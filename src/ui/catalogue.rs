//! The list of exercises, grouped as the curriculum groups them, with each
//! one's origin in the course, difficulty, tags and the student's progress.

use yew::prelude::*;
use yew_router::prelude::*;

use super::badges::Badges;
use super::progress::{ExerciseProgress, Progress};
use super::Route;
use crate::content::{Content, GROUPS};
use crate::exercises::{catalogue, Loaded};

/// How far a student has got with one exercise, as its card shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CardState {
    New,
    Started,
    Measured,
}

impl CardState {
    fn of(progress: Option<&ExerciseProgress>) -> CardState {
        match progress {
            Some(p) if p.runs > 0 => CardState::Measured,
            Some(p) if p.started() => CardState::Started,
            _ => CardState::New,
        }
    }

    /// The class and `data-progress` value.
    fn key(self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Started => "started",
            CardState::Measured => "measured",
        }
    }

    fn label(self) -> &'static str {
        match self {
            CardState::New => "",
            CardState::Started => "started",
            CardState::Measured => "✓ measured",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CatalogueProps {
    pub progress: Progress,
}

#[function_component]
pub fn Catalogue(props: &CatalogueProps) -> Html {
    let all = catalogue();
    let readable: Vec<(&Loaded, &Content)> =
        all.iter().filter_map(|l| l.content.as_ref().ok().map(|c| (l, c))).collect();
    let broken = all.iter().filter_map(|l| l.content.as_ref().err().map(|e| (l.entry.slug, e)));
    html! {
        <div class="catalogue">
            <header class="intro">
                <h1 tabindex="-1">{ "Heapwise" }</h1>
                <p class="lead">
                    { "Practice problems from the course on Python memory optimisation and profiling. \
                       Each one runs a Rust version of the technique, naive and optimized, right here in your browser, \
                       and measures the real bytes with an instrumented allocator." }
                </p>
            </header>
            { for broken.map(|(folder, error)| html! {
                <p class="notice" role="alert">{ format!("The exercise in exercises/{folder} could not be read: {error}") }</p>
            }) }
            { for GROUPS.iter().enumerate().map(|(g, name)| {
                let members = readable.iter().filter(|(_, c)| c.group_name() == Some(*name));
                let cards: Vec<Html> = members.map(|(loaded, content)| card(loaded, content, &props.progress)).collect();
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

fn card(loaded: &Loaded, content: &'static Content, progress: &Progress) -> Html {
    let slug = loaded.entry.slug;
    let state = CardState::of(progress.exercises.get(slug));
    // Every check of the student's own Python passed (the Python panel).
    let solved = progress.exercises.get(slug).is_some_and(|p| p.solved);
    html! {
        <li class={classes!("card", "exercise-card", state.key(), solved.then_some("solved"))} data-testid="exercise-card"
            data-slug={slug} data-progress={state.key()} data-solved={solved.to_string()} key={slug}>
            <Link<Route> to={Route::Exercise { slug: slug.to_string() }} classes="card-link">
                <h3 data-testid="open-exercise">{ &content.title }</h3>
            </Link<Route>>
            <p>{ &content.summary }</p>
            <Badges {content} />
            <p class="progress-state">
                { state.label() }
                if solved { <span class="solved-state" data-testid="solved-badge">{ "✓ solved in Python" }</span> }
            </p>
        </li>
    }
}
