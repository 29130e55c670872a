//! Small things the page does to the document: bringing an element into
//! view (minding reduced motion) and noticing that focus was lost. No
//! component or state here, so any part of the page may use them.

/// Scrolls `element` into view unless it is already wholly visible;
/// smoothly unless the student asked for reduced motion. It happens two
/// frames later (see `scroll_to`).
pub fn bring_into_view(element: &web_sys::Element) {
    scroll_to(element, web_sys::ScrollLogicalPosition::Nearest);
}

/// As `bring_into_view`, but to the top of the window: what follows it
/// (on a phone, the editor under the Python run bar) comes into view too.
pub fn bring_to_top(element: &web_sys::Element) {
    scroll_to(element, web_sys::ScrollLogicalPosition::Start);
}

fn scroll_to(element: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    // The newest request wins. A smooth scroll still under way (the sweep's,
    // when `h` shows a hint during it) is stopped where it is; the page's
    // compositor may still move it by a frame, so whether the element is in
    // view is decided two frames later, at rest. Left alone, the older
    // scroll would carry the newer element out of view.
    stop_scrolling(&window);
    let element = element.clone();
    let then = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else { return };
        let at_rest = Closure::once_into_js(move || scroll_now(&element, block));
        let _ = window.request_animation_frame(at_rest.unchecked_ref());
    });
    let _ = window.request_animation_frame(then.unchecked_ref());
}

fn stop_scrolling(window: &web_sys::Window) {
    let here = web_sys::ScrollToOptions::new();
    here.set_top(window.scroll_y().unwrap_or(0.0));
    here.set_behavior(web_sys::ScrollBehavior::Instant);
    window.scroll_to_with_scroll_to_options(&here);
}

fn scroll_now(element: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let Some(window) = web_sys::window() else { return };
    if !element.is_connected() {
        return;
    }
    let rect = element.get_bounding_client_rect();
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if rect.top() >= 0.0 && rect.bottom() <= height {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// True when nothing useful has focus: `<body>`, a disabled control, or
/// an element no longer in the document.
pub fn focus_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    match document.as_ref().and_then(|d| d.active_element()) {
        None => true,
        Some(active) => active.tag_name() == "BODY" || active.has_attribute("disabled") || !active.is_connected(),
    }
}
