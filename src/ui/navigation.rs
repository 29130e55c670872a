//! What a route change does to the window: a new page opens at its top with
//! focus on its heading (not where the last page was scrolled, and not on
//! `<body>`); Back and Forward return to where that page was left.
//!
//! The browser's own scroll restoration runs before the app has drawn the
//! page it returns to, so it lands short; it is switched off and done here,
//! after the page is drawn.

use std::cell::RefCell;
use std::collections::HashMap;

use super::router::use_location;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Default)]
struct Scrolls {
    /// The path on screen, and how far down it was last seen.
    path: Option<String>,
    y: f64,
    /// How far down the page was when a link was followed or Back pressed:
    /// read before the next page is drawn, which may clamp the scroll (and
    /// fire a `scroll` event) before the route effect runs. With the time
    /// it was read: a link that led nowhere must not count later.
    leaving_y: Option<(f64, f64)>,
    /// Set by `popstate`: the coming route change is Back or Forward.
    popped: bool,
    /// Where each path was left.
    left_at: HashMap<String, f64>,
}

thread_local! {
    static SCROLLS: RefCell<Scrolls> = RefCell::new(Scrolls::default());
}

/// Call once, in the component that holds the router (after [`install`]).
#[hook]
pub fn use_scroll_per_route() {
    let path = use_location().path().to_string();
    use_effect_with(path, |path| {
        let (first, restore) = SCROLLS.with(|s| {
            let mut s = s.borrow_mut();
            let first = s.path.is_none();
            if let Some(previous) = s.path.replace(path.clone()) {
                let recent = s.leaving_y.take().filter(|(_, at)| js_sys::Date::now() - at < 2000.0);
                let y = recent.map_or(s.y, |(y, _)| y);
                s.left_at.insert(previous, y);
            }
            let popped = std::mem::take(&mut s.popped);
            (first, popped.then(|| s.left_at.get(path).copied().unwrap_or(0.0)))
        });
        if first {
            return; // the page as loaded: nothing to undo
        }
        let Some(window) = web_sys::window() else { return };
        window.scroll_to_with_x_and_y(0.0, restore.unwrap_or(0.0));
        if restore.is_none() {
            focus_heading();
        }
    });
}

/// Listens for what the route hook must know. Called before the app first
/// renders, so its `popstate` listener runs before the router's: the router
/// redraws in a microtask right after its own listener returns.
pub fn install() {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_scroll = Closure::<dyn Fn()>::new(|| SCROLLS.with(|s| s.borrow_mut().y = scroll_y()));
    let on_pop = Closure::<dyn Fn()>::new(|| {
        SCROLLS.with(|s| {
            let mut s = s.borrow_mut();
            s.popped = true;
            s.leaving_y = Some((scroll_y(), js_sys::Date::now()));
        })
    });
    // Capture phase: before the link's own handler changes the route.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|event: web_sys::MouseEvent| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.and_then(|t| t.closest("a[href]").ok().flatten()).is_some() {
            SCROLLS.with(|s| s.borrow_mut().leaving_y = Some((scroll_y(), js_sys::Date::now())));
        }
    });
    let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    // They live as long as the page.
    on_scroll.forget();
    on_pop.forget();
    on_click.forget();
}

fn scroll_y() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// Moves focus to the new page's heading (each `<main>` h1 has
/// `tabindex="-1"`), so keyboard and screen-reader users start there.
pub fn focus_heading() {
    let heading = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("main h1").ok().flatten());
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}
