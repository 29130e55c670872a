//! The page: routes, layout, and the components under them. Components take
//! data (text, parameters, results); only the exercise page knows which
//! exercise it shows (its registry entry, catalogue card and fetched text)
//! and hands its parts down.

mod badges;
mod calculator;
mod catalogue;
mod catalogue_filters;
mod chart;
mod chart_image;
mod code;
mod dom;
mod download;
mod exercise_loader;
mod exercise_page;
mod hooks;
mod learn;
mod loader;
mod markdown;
mod navigation;
mod open_results;
mod predict;
mod prerendered;
mod present;
mod progress;
/// Public for the browser layer's tests (tests/python_results.rs): the
/// panel's reducer and the decoder of the harness's answers.
pub mod python;
mod python_host;
mod python_panel;
mod python_root;
mod quiz;
mod results;
mod router;
mod run_panel;
mod share;
mod state;
mod sweep;
mod theme;
mod worker_bridge;

use router::{use_location, Link, Router};
use yew::prelude::*;

use crate::exercises;

pub use python_root::{PanelRoot, PanelRootProps};
pub use router::Route;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Exercise { slug } => match (exercises::page(&slug), exercises::card(&slug)) {
            (Some(entry), Some(card)) => html! { <exercise_loader::ExerciseLoader key={slug} {entry} {card} /> },
            (Some(_), None) => html! {
                <NotFound message={format!("The exercise \u{201c}{slug}\u{201d} exists but its text could not be read when this version was built.")} />
            },
            _ => html! { <NotFound message={format!("There is no exercise called \u{201c}{slug}\u{201d}.")} /> },
        },
        Route::NotFound => html! { <NotFound message="There is no page at this address." /> },
    }
}

#[function_component]
fn Home() -> Html {
    hooks::use_title(None);
    let (progress, _) = progress::load();
    html! { <catalogue::Catalogue {progress} /> }
}

/// Says, on whatever page a student lands, if saved progress was unreadable
/// (it has been copied aside by `progress::load`, never dropped).
#[function_component]
fn ProgressNotice() -> Html {
    let problem = use_state(|| progress::load().1);
    let dismiss = {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| problem.set(None))
    };
    match &*problem {
        Some(text) => html! {
            <div class="notice" role="alert" data-testid="progress-notice">
                <p>{ text }</p>
                <button class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct NotFoundProps {
    message: AttrValue,
}

#[function_component]
fn NotFound(props: &NotFoundProps) -> Html {
    hooks::use_title(Some("Not found".to_string()));
    prerendered::use_release_when(true);
    html! {
        <section class="card not-found" data-testid="not-found">
            <h1 tabindex="-1">{ "Not found" }</h1>
            <p>{ props.message.clone() }</p>
            <p><Link to={Route::Home}>{ "See all exercises" }</Link></p>
        </section>
    }
}

/// Everything inside the router: the header, the page the route names, the footer.
#[function_component]
fn Layout() -> Html {
    navigation::use_scroll_per_route();
    let route = use_location().route();
    html! {
        <>
            <header class="site-header">
                <Link to={Route::Home} classes="brand">{ "Heapwise" }</Link>
                <span class="tagline">{ crate::page::words::TAGLINE }</span>
                <theme::ThemeSwitch />
            </header>
            <main>
                <ProgressNotice />
                { switch(route) }
            </main>
            // data-build: the build this page is (`protocol::BUILD`), for a test
            // that swaps the bundle under an open page.
            <footer class="site-footer" data-build={crate::protocol::BUILD}>
                <p>{ crate::page::words::FOOTER }</p>
            </footer>
        </>
    }
}

#[function_component]
fn App() -> Html {
    html! { <Router><Layout /></Router> }
}

/// Mounts the app; the measuring worker loads once the first page is up.
pub fn start() {
    theme::apply_remembered();
    navigation::install();
    yew::Renderer::<App>::new().render();
    next_task(catalogue::app_drawn);
    when_idle(worker_bridge::warm_up);
}

/// Runs `f` in a task of its own, after the current one.
fn next_task(f: fn()) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return f() };
    let callback = Closure::once_into_js(f);
    if window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0).is_err() {
        f();
    }
}

/// Runs `f` when the main thread is next idle (after the first render), so
/// the measuring worker's files never compete with the page's own; an
/// exercise page that opens first starts the worker itself.
fn when_idle(f: fn()) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return f() };
    let callback = Closure::once_into_js(f);
    let function: &js_sys::Function = callback.unchecked_ref();
    // Safari has no requestIdleCallback: a short timeout instead.
    if window.request_idle_callback(function).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 200);
    }
}
