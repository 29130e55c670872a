//! The page: a Yew single-page app (built for wasm32 by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    heapwise::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Heapwise page runs in a browser: serve it with ./scripts/serve.sh");
}
