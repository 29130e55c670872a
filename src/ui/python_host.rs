//! Where "Your Python" sits on the exercise page. The panel's UI is a wasm
//! module of its own (`src/bin/panel.rs`, about a fifth of the page's
//! code), which python-bridge.js fetches when an exercise page first shows
//! it: the catalogue's first load carries none of it. This component holds
//! its place, hands it the page's [`PanelInput`] (again whenever that
//! changes) and says so if the module cannot be loaded, with a way to try
//! again; what the student wrote is in local storage, never here.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::page::panel::input::PanelInput;

#[wasm_bindgen(raw_module = "./python-bridge.js")]
extern "C" {
    /// Loads panel.js once and mounts the panel in `host`: a promise of its
    /// handle, or of the reason it could not be loaded.
    #[wasm_bindgen(js_name = pythonPanelMount)]
    fn mount(host: &web_sys::Element, input: &[u8], on_reveal: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = pythonPanelUpdate)]
    fn update(handle: &JsValue, input: &[u8]);
    #[wasm_bindgen(js_name = pythonPanelDestroy)]
    fn destroy(handle: &JsValue);
}

#[derive(Properties, PartialEq)]
pub struct PythonHostProps {
    pub input: PanelInput,
    /// The page's "Show the next hint" (the panel shows the hints too).
    pub on_reveal: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Waiting,
    Mounted,
    Failed(String),
}

/// The mounted panel, and the page's input as it is now.
#[derive(Default)]
struct Panel {
    handle: Option<JsValue>,
    latest: Vec<u8>,
}

#[function_component]
pub fn PythonHost(props: &PythonHostProps) -> Html {
    let host = use_node_ref();
    let loaded = use_state(|| Loaded::Waiting);
    let tries = use_state(|| 0u32);
    let panel = use_mut_ref(Panel::default);
    // The panel calls one function for the whole page's life; it calls the newest callback.
    let on_reveal = use_mut_ref(|| props.on_reveal.clone());
    *on_reveal.borrow_mut() = props.on_reveal.clone();
    let reveal = use_memo((), move |_| {
        let on_reveal = on_reveal.clone();
        Closure::<dyn Fn()>::new(move || on_reveal.borrow().emit(()))
    });

    {
        let panel = panel.clone();
        use_effect_with(props.input.clone(), move |input| {
            let mut panel = panel.borrow_mut();
            panel.latest = input.encode();
            if let Some(handle) = &panel.handle {
                update(handle, &panel.latest);
            }
        });
    }
    {
        let (host, loaded, panel) = (host.clone(), loaded.clone(), panel.clone());
        use_effect_with(*tries, move |_| {
            let gone = Rc::new(Cell::new(false));
            if let Some(element) = host.cast::<web_sys::Element>() {
                let first = panel.borrow().latest.clone();
                let promise = mount(&element, &first, (*reveal).as_ref());
                let (gone, panel) = (gone.clone(), panel.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(handle) if gone.get() => destroy(&handle),
                        Ok(handle) => {
                            let mut now = panel.borrow_mut();
                            // The input may have changed while the module loaded.
                            if now.latest != first {
                                update(&handle, &now.latest);
                            }
                            now.handle = Some(handle);
                            drop(now);
                            loaded.set(Loaded::Mounted);
                        }
                        Err(why) if !gone.get() => loaded.set(Loaded::Failed(
                            why.as_string().unwrap_or_else(|| "the browser gave no reason".to_string()),
                        )),
                        Err(_) => {}
                    }
                });
            }
            move || {
                gone.set(true);
                if let Some(handle) = panel.borrow_mut().handle.take() {
                    destroy(&handle);
                }
            }
        });
    }
    let retry = {
        let (loaded, tries) = (loaded.clone(), tries.clone());
        Callback::from(move |_: MouseEvent| {
            loaded.set(Loaded::Waiting);
            tries.set(*tries + 1);
        })
    };

    html! {
        <>
            <div class="python-host" ref={host}></div>
            {
                match &*loaded {
                    Loaded::Mounted => html! {},
                    Loaded::Waiting => in_its_place("python-panel-loading", html! {
                        <p class="fine" role="status"><span class="spinner" aria-hidden="true"></span>{ "Loading the Python panel\u{2026}" }</p>
                    }),
                    Loaded::Failed(why) => in_its_place("python-panel-failed", html! {
                        <>
                            <p class="error" role="alert">{ failure(why) }</p>
                            <p class="fine">{ "A program you wrote here is still saved in this browser. Try again loads the panel again." }</p>
                            <button class="secondary" onclick={retry}>{ "Try again" }</button>
                        </>
                    }),
                }
            }
        </>
    }
}

/// The panel's card, with its heading, until the panel's module is there.
fn in_its_place(testid: &'static str, body: Html) -> Html {
    html! {
        <section class="card python-panel" aria-labelledby="python-heading-waiting" data-testid={testid}>
            <div class="py-head"><h2 id="python-heading-waiting">{ "Your Python" }</h2></div>
            { body }
        </section>
    }
}

/// "Failed to fetch" (the browser's) in parentheses; a sentence of ours after a full stop.
fn failure(why: &str) -> String {
    if why.ends_with('.') {
        format!("The Python panel could not be loaded. {why}")
    } else {
        format!("The Python panel could not be loaded ({why}).")
    }
}
