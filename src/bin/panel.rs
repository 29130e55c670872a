//! "Your Python"'s UI (`ui::PanelRoot`): a wasm module of its own, built by
//! Trunk beside the page's and fetched by python-bridge.js when an exercise
//! page first shows the panel, so the catalogue's first load carries none
//! of it. The page mounts it in an element of its own and hands it its
//! input as postcard bytes (`page::panel::input`).

#[cfg(target_arch = "wasm32")]
mod module {
    use std::rc::Rc;

    use heapwise::page::panel::input::PanelInput;
    use heapwise::ui::{PanelRoot, PanelRootProps};
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Callback, Renderer};

    /// The mounted panel, for the page to update and to take away.
    #[wasm_bindgen]
    pub struct PanelApp {
        app: AppHandle<PanelRoot>,
        on_reveal: Callback<()>,
    }

    fn props(input: &[u8], on_reveal: &Callback<()>) -> Result<PanelRootProps, JsValue> {
        let input = PanelInput::decode(input).map_err(|why| JsValue::from_str(&why))?;
        Ok(PanelRootProps { input: Rc::new(input), on_reveal: on_reveal.clone() })
    }

    #[wasm_bindgen]
    impl PanelApp {
        /// New input from the page (a Rust run, a hint shown, "Write it in Python").
        pub fn update(&mut self, input: &[u8]) -> Result<(), JsValue> {
            let props = props(input, &self.on_reveal)?;
            self.app.update(props);
            Ok(())
        }

        /// The page left the exercise: the panel's components are destroyed.
        pub fn destroy(self) {
            self.app.destroy();
        }
    }

    /// Yew delegates events: each app listens at its root and marks the
    /// elements it draws with its root's number (`__yew_subtree_id`), and
    /// each module numbers its roots from 1. The page's app is root 1 of its
    /// module, so an element of this module's root 1 would be taken by the
    /// page's listener for one of its own, and the page would run its own
    /// handler with this module's listener number (a click on "Open the
    /// Python editor" ran one of the page's). Root 1 of this module is made
    /// and dropped at start, so the panel's roots are 2 and up: the page's
    /// listener leaves their events alone (the page makes no other root or
    /// portal), and the panel's own listener handles them.
    pub fn skip_the_pages_root_number() {
        #[yew::function_component]
        fn Nothing() -> yew::Html {
            yew::Html::default()
        }
        if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok()) {
            Renderer::<Nothing>::with_root(element).render().destroy();
        }
    }

    /// Draws the panel in `host` (the page's element, which the panel fills).
    #[wasm_bindgen]
    pub fn mount_panel(host: web_sys::Element, input: &[u8], on_reveal: js_sys::Function) -> Result<PanelApp, JsValue> {
        let on_reveal = Callback::from(move |()| {
            let _ = on_reveal.call0(&JsValue::NULL);
        });
        let props = props(input, &on_reveal)?;
        Ok(PanelApp { app: Renderer::<PanelRoot>::with_root_and_props(host, props).render(), on_reveal })
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    module::skip_the_pages_root_number();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The Heapwise Python panel runs in a browser: serve the app with ./scripts/serve.sh");
}
