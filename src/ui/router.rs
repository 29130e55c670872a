//! The page's addresses: three routes, the History API, and links.
//!
//! The app has three kinds of address (the catalogue, one per exercise, and
//! everything else), so it routes with a `match` on the path instead of a
//! routing library: yew-router's recognizer, history wrapper and query
//! serializer were 19,346 B of the first load (brotli, measured 2026-11-22;
//! README, "Bundle size"), for what fits on this page.
//!
//! [`Router`] keeps the location in a context; [`use_location`] reads it and
//! re-renders on every change; [`use_navigator`] pushes or replaces history
//! entries; [`Link`] is an `<a href>` that navigates without a reload and
//! leaves modified clicks (new tab, download) to the browser. The app may
//! be served under a sub-path: Trunk writes the public URL into
//! `<base href>`, and every path here is relative to it.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::page::route::below_base;

pub use crate::page::route::Route;

/// Where the page is: the path below the base, and the query with its `?`
/// (empty when there is none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    path: Rc<str>,
    query: Rc<str>,
}

impl Location {
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn query_str(&self) -> &str {
        &self.query
    }

    pub fn route(&self) -> Route {
        Route::recognize(&self.path)
    }

    /// The window's location now.
    fn current() -> Location {
        let location = web_sys::window().map(|w| w.location());
        let read = |f: fn(&web_sys::Location) -> Result<String, JsValue>| {
            location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
        };
        let below = below_base(&read(web_sys::Location::pathname), basename().as_deref());
        Location { path: below.into(), query: read(web_sys::Location::search).into() }
    }
}

/// The public URL's path without its final `/` (`/course/heapwise`), or
/// `None` when the app is served from the root: the path of `<base href>`,
/// which Trunk writes into index.html.
pub fn basename() -> Option<String> {
    let window = web_sys::window()?;
    let href = window.document()?.query_selector("base[href]").ok().flatten()?.get_attribute("href")?;
    let origin = window.location().origin().ok()?;
    let path = web_sys::Url::new_with_base(&href, &origin).ok()?.pathname();
    let trimmed = path.trim_end_matches('/');
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Where the app is served, for a full link: the origin and the base path
/// (`https://host/course/heapwise`; no final `/`).
pub fn root_url() -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", basename().unwrap_or_default())
}

/// Changes the address and tells the [`Router`].
#[derive(Clone, PartialEq)]
pub struct Navigator {
    changed: Callback<()>,
}

impl Navigator {
    /// A new history entry for `route` with `query` (`[]`: none).
    pub fn push<K: AsRef<str>, V: AsRef<str>>(&self, route: &Route, query: &[(K, V)]) {
        self.go(route, query, false);
    }

    /// The same history entry, now at `route` with `query`.
    pub fn replace<K: AsRef<str>, V: AsRef<str>>(&self, route: &Route, query: &[(K, V)]) {
        self.go(route, query, true);
    }

    fn go<K: AsRef<str>, V: AsRef<str>>(&self, route: &Route, query: &[(K, V)], replace: bool) {
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
        let query = crate::link::encode_pairs(query);
        let url = format!(
            "{}{}{}{query}",
            basename().unwrap_or_default(),
            route.to_path(),
            if query.is_empty() { "" } else { "?" }
        );
        let done = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        if done.is_ok() {
            self.changed.emit(());
        }
    }
}

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
    navigator: Navigator,
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
}

/// Holds the location for everything inside it; follows Back and Forward.
#[function_component]
pub fn Router(props: &RouterProps) -> Html {
    let location = use_state_eq(Location::current);
    let navigator = {
        let location = location.clone();
        use_memo((), move |_| Navigator { changed: Callback::from(move |()| location.set(Location::current())) })
    };
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            let on_pop = Closure::<dyn Fn()>::new(move || location.set(Location::current()));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
                }
            }
        });
    }
    let context = RouterContext { location: (*location).clone(), navigator: (*navigator).clone() };
    html! {
        <ContextProvider<RouterContext> {context}>{ props.children.clone() }</ContextProvider<RouterContext>>
    }
}

/// The location; the component re-renders when it changes.
#[hook]
pub fn use_location() -> Location {
    use_context::<RouterContext>().map(|c| c.location).unwrap_or_else(Location::current)
}

#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<RouterContext>().map(|c| c.navigator).unwrap_or(Navigator { changed: Callback::noop() })
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    pub children: Html,
}

/// `<a href>` to `to`: a plain click navigates in the page; a click with a
/// modifier or another button is the browser's (new tab, new window).
#[function_component]
pub fn Link(props: &LinkProps) -> Html {
    let navigator = use_navigator();
    let href = format!("{}{}", basename().unwrap_or_default(), props.to.to_path());
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if event.button() != 0 || modified || event.default_prevented() {
                return;
            }
            event.prevent_default();
            navigator.push::<&str, &str>(&to, &[]);
        })
    };
    html! { <a class={props.classes.clone()} {href} {onclick}>{ props.children.clone() }</a> }
}
