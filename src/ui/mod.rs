//! The page: routes, layout, and the components under them. Components
//! take data (content, results), never exercise types.

mod calculator;
mod catalogue;
mod chart;
mod code;
mod exercise_page;
mod learn;
mod markdown;
mod progress;
mod results;
mod run_panel;
mod runner;

use std::rc::Rc;

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
        Route::Exercise { slug } => {
            let found = all_exercises().iter().find(|l| l.entry.slug == slug);
            match found {
                Some(loaded) => match &loaded.content {
                    Ok(content) => {
                        html! { <exercise_page::ExercisePage key={slug} {loaded} content={Rc::new(content.clone())} /> }
                    }
                    Err(error) => html! {
                        <NotFound message={format!("The exercise \u{201c}{slug}\u{201d} exists but its text could not be read: {error}")} />
                    },
                },
                None => html! { <NotFound message={format!("There is no exercise called \u{201c}{slug}\u{201d}.")} /> },
            }
        }
        Route::NotFound => html! { <NotFound message="There is no page at this address." /> },
    }
}

#[function_component]
fn Home() -> Html {
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
    html! {
        <section class="card not-found" data-testid="not-found">
            <h1>{ "Not found" }</h1>
            <p>{ props.message.clone() }</p>
            <p><Link<Route> to={Route::Home}>{ "See all exercises" }</Link<Route>></p>
        </section>
    }
}

#[function_component]
fn App() -> Html {
    html! {
        <BrowserRouter>
            <header class="site-header">
                <Link<Route> to={Route::Home} classes="brand">{ "Heapwise" }</Link<Route>>
                <span class="tagline">{ "Python memory lessons, measured in Rust, in your browser" }</span>
            </header>
            <main>
                <ProgressNotice />
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">
                <p>{ "Every figure on this page is measured when you press Run; Python figures come from the CPython run recorded with each reference program." }</p>
            </footer>
        </BrowserRouter>
    }
}

/// Mounts the app and starts loading the measuring worker.
pub fn start() {
    runner::warm_up();
    yew::Renderer::<App>::new().render();
}
