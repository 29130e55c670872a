//! The list of exercises, grouped as the curriculum groups them, with each
//! one's origin in the course, difficulty, tags and the student's progress.

use yew::prelude::*;
use yew_router::prelude::*;

use super::progress::Progress;
use super::Route;
use crate::exercises::catalogue;

const GROUPS: [&str; 5] =
    ["What an object costs", "Compact data", "Lazy and streaming", "Sharing and reuse", "Measuring memory"];

#[derive(Properties, PartialEq)]
pub struct CatalogueProps {
    pub progress: Progress,
}

#[function_component]
pub fn Catalogue(props: &CatalogueProps) -> Html {
    let all = catalogue();
    let broken: Vec<_> = all.iter().filter_map(|l| l.content.as_ref().err().map(|e| (l.entry.slug, e))).collect();
    html! {
        <div class="catalogue">
            <header class="intro">
                <h1>{ "Heapwise" }</h1>
                <p class="lead">
                    { "Practice problems from the course on Python memory optimisation and profiling. \
                       Each one runs a Rust version of the technique, naive and optimized, right here in your browser, \
                       and measures the real bytes with an instrumented allocator." }
                </p>
            </header>
            { for broken.iter().map(|(folder, error)| html! {
                <p class="notice" role="alert">{ format!("The exercise in exercises/{folder} could not be read: {error}") }</p>
            }) }
            { for GROUPS.iter().enumerate().map(|(g, name)| {
                let members: Vec<_> = all.iter().filter_map(|l| l.content.as_ref().ok().map(|c| (l, c))).filter(|(_, c)| c.group as usize == g + 1).collect();
                if members.is_empty() {
                    return html! {};
                }
                html! {
                    <section class="group" aria-labelledby={format!("group-{g}")}>
                        <h2 id={format!("group-{g}")}>{ format!("{}. {name}", g + 1) }</h2>
                        <ul class="cards">
                            { for members.into_iter().map(|(loaded, content)| {
                                let slug = loaded.entry.slug;
                                let progress = props.progress.exercises.get(slug);
                                let state = match progress {
                                    Some(p) if p.runs > 0 => "measured",
                                    Some(p) if p.started() => "started",
                                    _ => "new",
                                };
                                html! {
                                    <li class={classes!("card", "exercise-card", state)} data-testid="exercise-card" data-slug={slug} data-progress={state} key={slug}>
                                        <Link<Route> to={Route::Exercise { slug: slug.to_string() }} classes="card-link">
                                            <h3 data-testid="open-exercise">{ &content.title }</h3>
                                        </Link<Route>>
                                        <p>{ &content.summary }</p>
                                        <p class="meta">
                                            <span class={classes!("badge", content.difficulty.name().to_lowercase())}>{ content.difficulty.name() }</span>
                                            { for content.origin.iter().map(|o| html! { <span class="badge origin">{ o }</span> }) }
                                            { for content.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }
                                        </p>
                                        <p class="progress-state">{ match state { "measured" => "✓ measured", "started" => "started", _ => "" } }</p>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}
