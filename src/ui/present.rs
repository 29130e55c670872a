//! Presentation mode: the exercise page for a lecture hall. `present=1` in
//! the link (or the Present button) marks `<html data-present>`, and the
//! stylesheet folds the text panels away, sets large type and a palette
//! with more contrast. Keys: `r` runs (the Python, when the key is pressed
//! in its panel), `s` sweeps, `h` shows the next hint, ArrowLeft/ArrowRight
//! open the previous/next exercise (registry order, still presenting), `Esc`
//! leaves. No key fires while the student types in a field or the code
//! editor, or with a modifier held.

use super::router::use_navigator;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::router::Route;
use crate::exercises::PAGES;
use crate::link::{self, LinkRequest};

/// What the keys do on the open page.
#[derive(Clone, PartialEq)]
pub struct Keys {
    pub run: Callback<()>,
    pub sweep: Callback<()>,
    pub hint: Callback<()>,
    pub leave: Callback<()>,
}

/// The exercise `step` places from `slug` in registry order, if any.
pub fn neighbour(slug: &str, step: isize) -> Option<&'static str> {
    let at = PAGES.iter().position(|e| e.slug == slug)?;
    let to = at.checked_add_signed(step)?;
    PAGES.get(to).map(|e| e.slug)
}

/// True when a key press belongs to what the student is typing: in a
/// field, or in an editable element (CodeMirror's, inside its shadow root,
/// is found through the event's composed path).
fn typing(event: &KeyboardEvent) -> bool {
    event.composed_path().iter().filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok()).any(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
    })
}

/// Run Python's button, when the key was pressed in the Python panel (its
/// Run button, the checks or the output had the focus): there `r` runs the
/// Python, as the button would.
fn python_run(event: &KeyboardEvent) -> Option<web_sys::HtmlElement> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let panel = target.closest(".python-panel").ok()??;
    panel.query_selector("[data-testid=\"python-run\"]").ok()??.dyn_into().ok()
}

/// Marks the document while `present` holds and listens for the keys.
#[hook]
pub fn use_presentation(slug: &'static str, present: bool, keys: Keys) {
    let navigator = use_navigator();
    // The listener outlives renders; it reads the latest callbacks from here.
    let latest = use_mut_ref(|| keys.clone());
    *latest.borrow_mut() = keys;
    use_effect_with(present, move |&present| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        let mut listener = None;
        if present {
            if let Some(root) = &root {
                let _ = root.set_attribute("data-present", "");
            }
            let left = std::cell::Cell::new(false);
            let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
                // Once an arrow has opened the next exercise, its keys are
                // its own, even before its page replaces this one.
                if left.get() {
                    return;
                }
                if event.ctrl_key()
                    || event.meta_key()
                    || event.alt_key()
                    || event.default_prevented()
                    || typing(&event)
                {
                    return;
                }
                let keys = latest.borrow().clone();
                let go = |step: isize| {
                    if let Some(to) = neighbour(slug, step) {
                        left.set(true);
                        let there = LinkRequest { present: true, ..LinkRequest::default() };
                        navigator.push(&Route::Exercise { slug: to.to_string() }, &link::pairs(&there));
                    }
                };
                match event.key().as_str() {
                    "r" | "R" => match python_run(&event) {
                        Some(button) => button.click(),
                        None => keys.run.emit(()),
                    },
                    "s" | "S" => keys.sweep.emit(()),
                    "h" | "H" => keys.hint.emit(()),
                    "ArrowLeft" => go(-1),
                    "ArrowRight" => go(1),
                    "Escape" => keys.leave.emit(()),
                    _ => return,
                }
                event.prevent_default();
            });
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                let _ = document.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
            }
            listener = Some(on_key);
        }
        move || {
            if let Some(root) = root {
                let _ = root.remove_attribute("data-present");
            }
            if let (Some(on_key), Some(document)) = (listener, web_sys::window().and_then(|w| w.document())) {
                let _ = document.remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
            }
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct PresentButtonProps {
    pub present: bool,
    pub on_toggle: Callback<bool>,
}

/// Present / Leave presentation. It sits beside Run, after it in the tab order.
#[function_component]
pub fn PresentButton(props: &PresentButtonProps) -> Html {
    let present = props.present;
    let toggle = props.on_toggle.reform(move |_: MouseEvent| !present);
    html! {
        <button type="button" class="secondary present-button" data-testid="present-button" aria-pressed={present.to_string()}
                onclick={toggle}>
            { if present { "Leave presentation (Esc)" } else { "Present" } }
        </button>
    }
}

/// The keys, under the title in presentation mode.
#[function_component]
pub fn PresentKeys() -> Html {
    html! {
        <p class="present-keys" data-testid="present-keys">
            <kbd>{ "r" }</kbd>{ " run · " }<kbd>{ "s" }</kbd>{ " sweep · " }<kbd>{ "h" }</kbd>{ " next hint · " }
            <kbd>{ "←" }</kbd>{ " " }<kbd>{ "→" }</kbd>{ " exercises · " }<kbd>{ "Esc" }</kbd>{ " leave" }
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct PresentHintProps {
    pub hints: Vec<String>,
    pub shown: usize,
}

/// In presentation mode the hints panel is folded away; the newest hint
/// shown with `h` appears here, large, and is brought into view (the room
/// may be looking at a sweep further down).
#[function_component]
pub fn PresentHint(props: &PresentHintProps) -> Html {
    let shown = props.shown.min(props.hints.len());
    let here = use_node_ref();
    {
        let here = here.clone();
        use_effect_with(shown, move |_| {
            if let Some(hint) = here.cast::<web_sys::Element>() {
                super::dom::bring_into_view(&hint);
            }
        });
    }
    if shown == 0 {
        return html! {};
    }
    html! {
        <section class="card present-hint" data-testid="present-hint" data-shown={shown.to_string()} aria-live="polite" ref={here}>
            <h2>{ format!("Hint {shown} of {}", props.hints.len()) }</h2>
            <super::markdown::Markdown html={props.hints[shown - 1].clone()} />
        </section>
    }
}
