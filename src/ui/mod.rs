//! The page: routes, layout, and the components under them. Components take
//! data (text, parameters, results); only the exercise page knows which
//! exercise it shows (its `Loaded` entry) and hands its parts down.

mod badges;
mod calculator;
mod catalogue;
mod chart;
mod code;
mod exercise_page;
mod hooks;
mod learn;
mod markdown;
mod navigation;
mod predict;
mod progress;
mod python;
mod python_panel;
mod quiz;
mod results;
mod run_panel;
mod share;
mod state;
mod theme;
mod worker_bridge;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::exercises::catalogue as all_exercises;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/exercise/:slug")]
    Exercise { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Exercise { slug } => match all_exercises().iter().find(|l| l.entry.slug == slug) {
            Some(loaded) => match &loaded.content {
                Ok(content) => html! { <exercise_page::ExercisePage key={slug} {loaded} {content} /> },
                Err(error) => html! {
                    <NotFound message={format!("The exercise \u{201c}{slug}\u{201d} exists but its text could not be read: {error}")} />
                },
            },
            None => html! { <NotFound message={format!("There is no exercise called \u{201c}{slug}\u{201d}.")} /> },
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
    html! {
        <section class="card not-found" data-testid="not-found">
            <h1 tabindex="-1">{ "Not found" }</h1>
            <p>{ props.message.clone() }</p>
            <p><Link<Route> to={Route::Home}>{ "See all exercises" }</Link<Route>></p>
        </section>
    }
}

/// Everything inside the router: the header, the page the route names, the footer.
#[function_component]
fn Layout() -> Html {
    navigation::use_scroll_per_route();
    html! {
        <>
            <header class="site-header">
                <Link<Route> to={Route::Home} classes="brand">{ "Heapwise" }</Link<Route>>
                <span class="tagline">{ "Python memory lessons, measured in Rust, in your browser" }</span>
                <theme::ThemeSwitch />
            </header>
            <main>
                <ProgressNotice />
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">
                <p>{ "Every figure on this page is measured when you press Run; Python figures come from the CPython run recorded with each reference program." }</p>
            </footer>
        </>
    }
}

#[function_component]
fn App() -> Html {
    html! { <BrowserRouter><Layout /></BrowserRouter> }
}

/// Mounts the app and starts loading the measuring worker.
pub fn start() {
    theme::apply_remembered();
    navigation::install();
    worker_bridge::warm_up();
    yew::Renderer::<App>::new().render();
}
