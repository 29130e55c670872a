//! The run's figures leaving the page (CSV, JSON, the chart as SVG and
//! PNG) and a JSON file coming back ("Open results…" or dropping it on
//! the page). The formats are in `crate::export`, and the measuring worker
//! writes and reads the files (`worker_bridge::file`); this file only deals
//! with the browser: blobs, downloads, files, the chart's SVG.

use std::cell::RefCell;
use std::rc::Rc;

use super::router::{basename, use_navigator};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Element, File, HtmlAnchorElement, HtmlCanvasElement, HtmlInputElement, Url};
use yew::prelude::*;

use super::state::remember;
use super::worker_bridge;
use super::Route;
use crate::export::{self, FileAnswer, FileFormat, FileJob, Origin};
use crate::link;
use crate::outcome::RunResult;
use crate::units::grouped;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

thread_local! {
    /// The run last opened from a file, with its notice: shown by whichever
    /// exercise page displays exactly that run (the file may be for another
    /// exercise, whose page opens to show it).
    static OPENED: RefCell<Option<(Rc<RunResult>, String)>> = const { RefCell::new(None) };
}

#[derive(Properties)]
pub struct ExportProps {
    pub result: Rc<RunResult>,
}

impl PartialEq for ExportProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.result, &other.result)
    }
}

/// What the last export did, in words (only failures are worth saying).
#[derive(Clone, PartialEq)]
enum Outcome {
    Quiet,
    Failed(String),
}

/// Four download buttons beside the chart.
#[function_component]
pub fn ExportButtons(props: &ExportProps) -> Html {
    let outcome = use_state_eq(|| Outcome::Quiet);
    let here = use_node_ref();
    let data = |format: FileFormat| {
        let (result, outcome) = (props.result.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let job = FileJob::Write { result: (*result).clone(), origin: origin(&result), format };
            let outcome = outcome.clone();
            worker_bridge::file(job, move |answer| {
                let mime = match format {
                    FileFormat::Csv => "text/csv;charset=utf-8",
                    FileFormat::Json => "application/json",
                };
                let done = match answer {
                    Ok(FileAnswer::Written { name, text }) => download_text(&text, mime, &name),
                    Ok(FileAnswer::Refused { message }) | Err(message) => Err(message),
                    Ok(FileAnswer::Opened { .. }) => Err("The measuring worker answered with a run.".into()),
                };
                outcome.set(done.err().map_or(Outcome::Quiet, Outcome::Failed));
            });
        })
    };
    let picture = |extension: &'static str| {
        let (result, outcome, here) = (props.result.clone(), outcome.clone(), here.clone());
        Callback::from(move |_: MouseEvent| {
            let name = export::file_name(&result.slug, &result.params, extension);
            let Some(chart) = here.cast::<Element>().and_then(|me| find_chart(&me)) else {
                outcome.set(Outcome::Failed("There is no chart on the page to export.".into()));
                return;
            };
            let outcome = outcome.clone();
            match chart_svg(&chart, &caption(&chart, &result, &origin(&result))) {
                Err(problem) => outcome.set(Outcome::Failed(problem)),
                Ok(svg) if extension == "svg" => outcome.set(
                    download_text(&svg.text, "image/svg+xml", &name).err().map_or(Outcome::Quiet, Outcome::Failed),
                ),
                Ok(svg) => wasm_bindgen_futures::spawn_local(async move {
                    let done = match png(&svg).await {
                        Ok(blob) => download_blob(&blob, &name),
                        Err(problem) => Err(problem),
                    };
                    outcome.set(done.err().map_or(Outcome::Quiet, Outcome::Failed));
                }),
            }
        })
    };
    html! {
        <div class="export" ref={here.clone()} role="group" aria-labelledby="export-label" data-testid="export">
            <span id="export-label" class="export-label">{ "Download:" }</span>
            <button type="button" class="secondary" data-testid="export-csv" onclick={data(FileFormat::Csv)}
                    aria-label="Download the figures as CSV">{ "CSV" }</button>
            <button type="button" class="secondary" data-testid="export-json" onclick={data(FileFormat::Json)}
                    aria-label="Download the figures as JSON (re-opens in Heapwise)">{ "JSON" }</button>
            <button type="button" class="secondary" data-testid="export-svg" onclick={picture("svg")}
                    aria-label="Download the chart as SVG">{ "Chart as SVG" }</button>
            <button type="button" class="secondary" data-testid="export-png" onclick={picture("png")}
                    aria-label="Download the chart as PNG">{ "Chart as PNG" }</button>
            if let Outcome::Failed(problem) = &*outcome {
                <p class="error" role="alert" data-testid="export-error">{ problem }</p>
            }
        </div>
    }
}

/// Where a file of `result` comes from: this version of the app, now.
fn origin(result: &RunResult) -> Origin {
    let window = web_sys::window();
    let title = crate::exercises::card(&result.slug).map(|c| c.title.to_string()).unwrap_or_default();
    // The limit is not part of a result; the address bar carries it.
    let query = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let limit = link::query_pairs(&query)
        .into_iter()
        .find(|(k, _)| k == "limit_mib")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(link::DEFAULT_LIMIT_MIB);
    let origin = window.as_ref().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let base = basename().unwrap_or_default();
    let path = Route::Exercise { slug: result.slug.clone() }.to_path();
    Origin {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: String::from(js_sys::Date::new_0().to_iso_string()),
        title,
        link: format!("{origin}{base}{path}?{}", link::write(&result.params, limit)),
    }
}

pub(crate) fn download_text(text: &str, mime: &str, name: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "The browser would not make the file.".to_string())?;
    download_blob(&blob, name)
}

/// Saves `blob` as `name` through a temporary link; the object URL is
/// revoked once the download has started.
fn download_blob(blob: &Blob, name: &str) -> Result<(), String> {
    let refused = || "The browser refused the download.".to_string();
    let window = web_sys::window().ok_or_else(refused)?;
    let document = window.document().ok_or_else(refused)?;
    let url = Url::create_object_url_with_blob(blob).map_err(|_| refused())?;
    let anchor: HtmlAnchorElement = document.create_element("a").map_err(|_| refused())?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(refused)?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    Ok(())
}

/// The bar chart of the results this element belongs to.
fn find_chart(me: &Element) -> Option<Element> {
    me.closest(".results").ok().flatten()?.query_selector("svg[data-testid=\"chart\"]").ok().flatten()
}

/// A standalone SVG of the chart.
struct Svg {
    text: String,
}

/// Serialises the chart as its own SVG file: a copy is styled off-screen
/// in the light colours (the page may be dark) and every colour and font
/// the style sheet gives it is written onto its elements, so the file
/// renders the same anywhere. Above the bars, `caption` says what was
/// measured (one text line per entry). Bars keep their `data-bytes`.
fn chart_svg(chart: &Element, caption: &[String]) -> Result<Svg, String> {
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
    let styled = inline_styles(&window, &copy);
    let stage_style = window.get_computed_style(&stage).ok().flatten();
    let of_stage = |property: &str, otherwise: &str| {
        stage_style.as_ref().and_then(|s| s.get_property_value(property).ok()).unwrap_or_else(|| otherwise.to_string())
    };
    let (background, ink, font) =
        (of_stage("background-color", "#ffffff"), of_stage("color", "#000000"), of_stage("font-family", "sans-serif"));
    // The caption, measured while on the page so the file is wide enough.
    let head = LINE * caption.len() as f64 + if caption.is_empty() { 0.0 } else { 10.0 };
    for (i, line) in caption.iter().enumerate() {
        let text = document.create_element_ns(Some(SVG_NS), "text").map_err(|_| failed("caption"))?;
        let y = -head + LINE * (i as f64 + 1.0) - 6.0;
        for (name, value) in [
            ("x", "0".to_string()),
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
    attribute("viewBox", &format!("{} {} {outer_width} {outer_height}", -PAD, -PAD - head));
    // It names a table that is not in the file.
    let _ = copy.remove_attribute("aria-describedby");
    let paper = document.create_element_ns(Some(SVG_NS), "rect").map_err(|_| failed("background"))?;
    for (name, value) in [("x", -PAD), ("y", -PAD - head), ("width", outer_width), ("height", outer_height)] {
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
fn caption(chart: &Element, result: &RunResult, origin: &Origin) -> Vec<String> {
    let figure = chart.query_selector("title").ok().flatten().and_then(|t| t.text_content()).unwrap_or_default();
    let params: Vec<String> =
        result.params.0.iter().map(|(name, value)| format!("{name} = {}", grouped(*value as i64))).collect();
    vec![
        format!("{}: {figure}", origin.title),
        format!(
            "{}; measured by Heapwise {} on wasm32 ({}-byte pointers), {}",
            params.join(", "),
            origin.app_version,
            result.pointer_bytes,
            origin.exported_at.get(..10).unwrap_or_default()
        ),
    ]
}

/// Writes the computed paint and font of every drawn element as attributes.
fn inline_styles(window: &web_sys::Window, root: &Element) -> Result<(), String> {
    let nodes = root.query_selector_all("*").map_err(|_| "The chart could not be read.".to_string())?;
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
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
async fn png(svg: &Svg) -> Result<Blob, String> {
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

#[derive(Properties)]
pub struct OpenProps {
    /// The exercise on screen.
    pub slug: AttrValue,
    /// The run on screen, if any (the notice is for an opened one only).
    pub result: Option<Rc<RunResult>>,
    /// Shows a run read from a file for this exercise.
    pub on_open: Callback<Rc<RunResult>>,
}

impl PartialEq for OpenProps {
    fn eq(&self, other: &Self) -> bool {
        let same_result = match (&self.result, &other.result) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        self.slug == other.slug && same_result && self.on_open == other.on_open
    }
}

/// "Open results…": a file button, and the whole page accepts a dropped
/// results file. A file for another exercise opens that exercise; a file
/// that cannot be read is explained and the results on screen stay.
#[function_component]
pub fn OpenResults(props: &OpenProps) -> Html {
    let navigator = use_navigator();
    let problem = use_state_eq(|| None::<String>);
    let open_file = {
        let (slug, on_open, problem) = (props.slug.clone(), props.on_open.clone(), problem.clone());
        Callback::from(move |file: File| {
            let (slug, on_open, problem, navigator) =
                (slug.clone(), on_open.clone(), problem.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = match JsFuture::from(file.text()).await {
                    Ok(text) => text.as_string().unwrap_or_default(),
                    Err(_) => {
                        problem.set(Some(format!("\u{201c}{name}\u{201d} could not be read from disk.")));
                        return;
                    }
                };
                worker_bridge::file(FileJob::Read { name, text }, move |answer| match answer {
                    Ok(FileAnswer::Refused { message }) | Err(message) => problem.set(Some(message)),
                    Ok(FileAnswer::Written { .. }) => {
                        problem.set(Some("The measuring worker answered with a file.".into()))
                    }
                    Ok(FileAnswer::Opened { result, notice }) => {
                        problem.set(None);
                        let result = Rc::new(result);
                        remember(&result);
                        OPENED.with(|o| *o.borrow_mut() = Some((result.clone(), notice)));
                        if result.slug == slug.as_str() {
                            on_open.emit(result);
                        } else {
                            // That exercise's page recalls the run just remembered.
                            let query: Vec<(String, String)> =
                                link::query_pairs(&link::write(&result.params, link::DEFAULT_LIMIT_MIB))
                                    .into_iter()
                                    .filter(|(k, _)| k != "run")
                                    .collect();
                            navigator.push(&Route::Exercise { slug: result.slug.clone() }, &query);
                        }
                    }
                });
            });
        })
    };
    use_dropped_files(open_file.clone());
    let on_change = {
        let open_file = open_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open_file.emit(file);
            }
            // The same file may be chosen again after it is fixed.
            input.set_value("");
        })
    };
    let dismiss = {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| problem.set(None))
    };
    let opened = OPENED.with(|o| {
        o.borrow().as_ref().and_then(|(run, notice)| {
            props.result.as_ref().is_some_and(|shown| Rc::ptr_eq(run, shown)).then(|| notice.clone())
        })
    });
    html! {
        <div class="open-results" data-testid="open-results">
            <label class="file-button secondary">
                <input type="file" accept=".json,application/json" class="visually-hidden"
                       data-testid="open-results-input" onchange={on_change} />
                { "Open results\u{2026}" }
            </label>
            <span class="fine">{ " or drop an exported JSON file on the page" }</span>
            if let Some(notice) = opened {
                <p class="opened-notice" role="status" data-testid="opened-notice">{ notice }</p>
            }
            if let Some(message) = &*problem {
                <div class="notice" role="alert" data-testid="open-error">
                    <p>{ message }</p>
                    <button type="button" class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </div>
    }
}

/// While the page is open, a file dropped anywhere on it goes to `open`
/// (and the browser does not navigate away to show it).
#[hook]
fn use_dropped_files(open: Callback<File>) {
    // The newest callback, for listeners added once.
    let latest = use_mut_ref(|| open.clone());
    *latest.borrow_mut() = open;
    let open = latest;
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|event: web_sys::DragEvent| {
            if carries_files(&event) {
                event.prevent_default();
            }
        });
        let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |event: web_sys::DragEvent| {
            if !carries_files(&event) {
                return;
            }
            event.prevent_default();
            let file = event.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0));
            if let Some(file) = file {
                open.borrow().emit(file);
            }
        });
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
            let _ = w.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
                let _ = w.remove_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
            }
        }
    });
}

fn carries_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0))
}
