//! A chart on the page as a file of its own: an SVG styled for any viewer
//! (light colours, every paint and font written on its elements, a caption
//! saying what was measured), and the same drawn as PNG.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Element, HtmlCanvasElement};

use crate::export::Origin;
use crate::outcome::RunResult;
use crate::units::grouped;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A standalone SVG of a chart.
pub(super) struct Svg {
    pub text: String,
}

/// Serialises the chart as its own SVG file: a copy is styled off-screen
/// in the light colours (the page may be dark) and every colour and font
/// the style sheet gives it is written onto its elements, so the file
/// renders the same anywhere. Above the bars, `caption` says what was
/// measured (one text line per entry); `axis` labels go left of the
/// drawing, each centred on its height in it (the sweep's vertical axis is
/// HTML beside its SVG). Bars and points keep their `data-bytes`.
pub(super) fn chart_svg(chart: &Element, caption: &[String], axis: &[(f64, String)]) -> Result<Svg, String> {
    const PAD: f64 = 12.0;
    const LINE: f64 = 24.0;
    let failed = |what: &str| format!("The chart could not be exported ({what}).");
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let document = window.document().ok_or_else(|| failed("no document"))?;
    let body = document.body().ok_or_else(|| failed("no body"))?;
    let box_ = chart.get_bounding_client_rect();
    let (mut width, height) = (box_.width().round().max(1.0), box_.height().round().max(1.0));

    let stage = document.create_element("div").map_err(|_| failed("stage"))?;
    stage.set_class_name("chart export-stage");
    let stage_html: &web_sys::HtmlElement = stage.unchecked_ref();
    let _ = stage_html.style().set_property("width", &format!("{width}px"));
    let copy: Element = chart.clone_node_with_deep(true).map_err(|_| failed("copy"))?.unchecked_into();
    let _ = stage.append_child(&copy);
    let _ = body.append_child(&stage);
    let styled = inline_styles(&window, &copy, box_.width().max(1.0));
    let stage_style = window.get_computed_style(&stage).ok().flatten();
    let of_stage = |property: &str, otherwise: &str| {
        stage_style.as_ref().and_then(|s| s.get_property_value(property).ok()).unwrap_or_else(|| otherwise.to_string())
    };
    let (background, ink, font) =
        (of_stage("background-color", "#ffffff"), of_stage("color", "#000000"), of_stage("font-family", "sans-serif"));
    // The axis labels and the caption, measured while on the page so the
    // file is wide enough.
    let mut lead: f64 = 0.0;
    for (at, label) in axis {
        let text = document.create_element_ns(Some(SVG_NS), "text").map_err(|_| failed("axis"))?;
        for (name, value) in [
            ("x", "-10".to_string()),
            ("y", (at + 6.0).to_string()),
            ("text-anchor", "end".to_string()),
            ("fill", ink.clone()),
            ("font-family", font.clone()),
            ("font-size", "16px".to_string()),
        ] {
            let _ = text.set_attribute(name, &value);
        }
        text.set_text_content(Some(label));
        let _ = copy.append_child(&text);
        lead = lead.max(text.get_bounding_client_rect().width().ceil() + 10.0);
    }
    width += lead;
    // Every label inside the file: the lines' names and the last tick's
    // label may reach past the drawing's right edge, and the top line's
    // name above its top, where the caption goes above it.
    let drawing = copy.get_bounding_client_rect();
    let mut above: f64 = 0.0;
    if let Ok(texts) = copy.query_selector_all("text") {
        for i in 0..texts.length() {
            let Some(text) = texts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let label = text.get_bounding_client_rect();
            // `width` counts from the axis labels' left edge, `lead` before the drawing.
            width = width.max((lead + label.right() - drawing.left() + 4.0).ceil());
            above = above.max((drawing.top() - label.top()).ceil());
        }
    }
    let head = above + LINE * caption.len() as f64 + if caption.is_empty() { 0.0 } else { 10.0 };
    for (i, line) in caption.iter().enumerate() {
        let text = document.create_element_ns(Some(SVG_NS), "text").map_err(|_| failed("caption"))?;
        let y = -head + LINE * (i as f64 + 1.0) - 6.0;
        for (name, value) in [
            ("x", (-lead).to_string()),
            ("y", y.to_string()),
            ("fill", ink.clone()),
            ("font-family", font.clone()),
            ("font-size", if i == 0 { "17px" } else { "15px" }.to_string()),
            ("font-weight", if i == 0 { "700" } else { "400" }.to_string()),
        ] {
            let _ = text.set_attribute(name, &value);
        }
        text.set_text_content(Some(line));
        let _ = copy.append_child(&text);
        width = width.max(text.get_bounding_client_rect().width().ceil());
    }
    stage.remove();
    styled?;

    let (outer_width, outer_height) = (width + 2.0 * PAD, height + head + 2.0 * PAD);
    let attribute = |name: &str, value: &str| {
        let _ = copy.set_attribute(name, value);
    };
    attribute("xmlns", SVG_NS);
    attribute("width", &outer_width.to_string());
    attribute("height", &outer_height.to_string());
    attribute("viewBox", &format!("{} {} {outer_width} {outer_height}", -PAD - lead, -PAD - head));
    // It names a table that is not in the file.
    let _ = copy.remove_attribute("aria-describedby");
    let paper = document.create_element_ns(Some(SVG_NS), "rect").map_err(|_| failed("background"))?;
    for (name, value) in [("x", -PAD - lead), ("y", -PAD - head), ("width", outer_width), ("height", outer_height)] {
        let _ = paper.set_attribute(name, &value.to_string());
    }
    let _ = paper.set_attribute("fill", &background);
    // After the <title>, which must stay first.
    let after_title = copy.first_element_child().and_then(|t| t.next_sibling());
    let _ = copy.insert_before(&paper, after_title.as_ref());
    let text =
        web_sys::XmlSerializer::new().and_then(|s| s.serialize_to_string(&copy)).map_err(|_| failed("serialiser"))?;
    Ok(Svg { text: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}\n") })
}

/// What the exported chart says above its bars: the exercise and figure,
/// then the run's parameters and where it was measured.
/// `sizes` replaces the parameters (a sweep's "n = 10 to 100,000, 6 sizes").
pub(super) fn caption(chart: &Element, result: &RunResult, origin: &Origin, sizes: Option<&str>) -> Vec<String> {
    let figure = chart.query_selector("title").ok().flatten().and_then(|t| t.text_content()).unwrap_or_default();
    let params: Vec<String> =
        result.params.0.iter().map(|(name, value)| format!("{name} = {}", grouped(*value as i64))).collect();
    vec![
        format!("{}: {figure}", origin.title),
        format!(
            "{}; measured by Heapwise {} on wasm32 ({}-byte pointers), {}",
            sizes.map_or_else(|| params.join(", "), str::to_string),
            origin.app_version,
            result.pointer_bytes,
            origin.exported_at.get(..10).unwrap_or_default()
        ),
    ]
}

/// Writes the computed paint and font of every drawn element as attributes,
/// and places given in percent of the drawing's width (`drawn` pixels) in
/// pixels: in the file the drawing starts right of the axis labels, and a
/// percentage would be taken of the whole file's width. A sweep's lines are
/// named right of their ends, clear of the lines that meet there (the page,
/// short of room, names them left of the ends).
fn inline_styles(window: &web_sys::Window, root: &Element, drawn: f64) -> Result<(), String> {
    let nodes = root.query_selector_all("*").map_err(|_| "The chart could not be read.".to_string())?;
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        for name in ["x", "x1", "x2", "width"] {
            // JavaScript's parseFloat: Rust's f64 parser would cost the page 13 kB.
            let percent = element.get_attribute(name).and_then(|v| Some(js_sys::parse_float(v.strip_suffix('%')?)));
            if let Some(percent) = percent.filter(|p| p.is_finite()) {
                let _ = element.set_attribute(name, &format!("{:.1}", percent * drawn / 100.0));
            }
        }
        if element.get_attribute("class").is_some_and(|c| c.contains("sweep-end-label")) {
            let _ = element.set_attribute("x", "14");
            let _ = element.set_attribute("text-anchor", "start");
        }
        let tag = element.tag_name();
        let properties: &[&str] = match tag.as_str() {
            "text" | "tspan" => &["fill", "font-family", "font-size", "font-weight"],
            "rect" | "line" | "path" | "polyline" | "polygon" | "circle" => &["fill", "stroke", "stroke-width"],
            _ => continue,
        };
        let Some(style) = window.get_computed_style(&element).ok().flatten() else { continue };
        for property in properties {
            if let Ok(value) = style.get_property_value(property) {
                if !value.is_empty() {
                    let _ = element.set_attribute(property, &value);
                }
            }
        }
        let _ = element.remove_attribute("class");
    }
    Ok(())
}

/// The SVG drawn on a canvas at twice its size, as a PNG blob.
pub(super) async fn png(svg: &Svg) -> Result<Blob, String> {
    let failed = |what: &str| format!("The chart could not be drawn as PNG ({what}).");
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| failed("no document"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| failed("image"))?;
    let encoded = String::from(js_sys::encode_uri_component(&svg.text));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(image.decode()).await.map_err(|_| failed("the SVG did not load"))?;
    const SCALE: f64 = 2.0;
    let canvas: HtmlCanvasElement = document.create_element("canvas").map_err(|_| failed("canvas"))?.unchecked_into();
    let (width, height) = (image.natural_width().max(1), image.natural_height().max(1));
    canvas.set_width((f64::from(width) * SCALE) as u32);
    canvas.set_height((f64::from(height) * SCALE) as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or_else(|| failed("no 2d context"))?.unchecked_into();
    context.scale(SCALE, SCALE).map_err(|_| failed("scale"))?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(width), f64::from(height))
        .map_err(|_| failed("draw"))?;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob_with_type(&resolve, "image/png");
    });
    let blob = JsFuture::from(promise).await.map_err(|_| failed("encode"))?;
    blob.dyn_into::<Blob>().map_err(|_| failed("the browser made no PNG"))
}
