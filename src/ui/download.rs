//! The run's figures and charts leaving the page: CSV and JSON of a run
//! (written by the measuring worker, `crate::export`), CSV of a sweep, and
//! the charts as SVG and PNG (`chart_image`). This file only deals with the
//! browser's side: buttons, blobs and downloads.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, Url};
use yew::prelude::*;

use super::chart_image::{caption, chart_svg, png, Svg};
use super::router::root_url;
use super::worker_bridge;
use crate::export::{self, FileAnswer, FileFormat, FileJob, Origin};
use crate::link::{self, LinkRequest};
use crate::outcome::RunResult;

#[derive(Properties)]
pub struct ExportProps {
    pub result: Rc<RunResult>,
    /// The page's memory limit, for the file's link back to the run.
    pub limit_mib: u64,
}

impl PartialEq for ExportProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.result, &other.result) && self.limit_mib == other.limit_mib
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
    let limit_mib = props.limit_mib;
    let data = |format: FileFormat| {
        let (result, outcome) = (props.result.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let job = FileJob::Write { result: (*result).clone(), origin: origin(&result, limit_mib), format };
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
            save_chart(
                chart_svg(&chart, &caption(&chart, &result, &origin(&result, limit_mib), None), &[]),
                name,
                outcome.clone(),
            );
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

#[derive(Properties, PartialEq)]
pub struct SweepExportProps {
    /// The sweep's first run (the exercise, and where it was measured).
    pub result: Rc<RunResult>,
    /// Every point, as CSV text.
    pub csv: AttrValue,
    /// The files' name without extension.
    pub stem: AttrValue,
    /// The sizes swept, for the caption: "n = 10 to 100,000, 6 sizes".
    pub sizes: AttrValue,
    /// The page's memory limit, for the link back to the run.
    pub limit_mib: u64,
}

/// "Download: CSV · Chart as SVG · Chart as PNG" for a sweep. The chart is
/// exported as drawn (log or linear), with its vertical axis.
#[function_component]
pub fn SweepExport(props: &SweepExportProps) -> Html {
    let outcome = use_state_eq(|| Outcome::Quiet);
    let here = use_node_ref();
    let csv = {
        let (csv, name, outcome) = (props.csv.clone(), format!("{}.csv", props.stem), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            outcome
                .set(download_text(&csv, "text/csv;charset=utf-8", &name).err().map_or(Outcome::Quiet, Outcome::Failed))
        })
    };
    let picture = |extension: &'static str| {
        let (result, outcome, here) = (props.result.clone(), outcome.clone(), here.clone());
        let (name, sizes, limit_mib) = (format!("{}.{extension}", props.stem), props.sizes.clone(), props.limit_mib);
        Callback::from(move |_: MouseEvent| {
            let section = here.cast::<Element>().and_then(|me| me.closest(".sweep-results").ok().flatten());
            let chart =
                section.as_ref().and_then(|s| s.query_selector("svg[data-testid=\"sweep-chart\"]").ok().flatten());
            let (Some(section), Some(chart)) = (section, chart) else {
                outcome.set(Outcome::Failed("There is no sweep on the page to export.".into()));
                return;
            };
            // The axis labels' heights in the drawing, read off the page.
            let top = chart.get_bounding_client_rect().top();
            let mut axis = Vec::new();
            if let Ok(labels) = section.query_selector_all(".sweep-axis span") {
                for i in 0..labels.length() {
                    if let Some(label) = labels.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let rect = label.get_bounding_client_rect();
                        axis.push(((rect.top() + rect.bottom()) / 2.0 - top, label.text_content().unwrap_or_default()));
                    }
                }
            }
            save_chart(
                chart_svg(&chart, &caption(&chart, &result, &origin(&result, limit_mib), Some(&sizes)), &axis),
                name.clone(),
                outcome.clone(),
            );
        })
    };
    html! {
        <div class="export" ref={here.clone()} role="group" aria-labelledby="sweep-export-label" data-testid="sweep-export">
            <span id="sweep-export-label" class="export-label">{ "Download the sweep:" }</span>
            <button type="button" class="secondary" data-testid="sweep-export-csv" onclick={csv}
                    aria-label="Download every point of the sweep as CSV">{ "CSV" }</button>
            <button type="button" class="secondary" data-testid="sweep-export-svg" onclick={picture("svg")}
                    aria-label="Download the sweep chart as SVG">{ "Chart as SVG" }</button>
            <button type="button" class="secondary" data-testid="sweep-export-png" onclick={picture("png")}
                    aria-label="Download the sweep chart as PNG">{ "Chart as PNG" }</button>
            if let Outcome::Failed(problem) = &*outcome {
                <p class="error" role="alert" data-testid="sweep-export-error">{ problem }</p>
            }
        </div>
    }
}

/// Downloads `svg` as `name`: the SVG itself, or drawn as PNG (by the
/// name's extension); what went wrong goes to `outcome`.
fn save_chart(svg: Result<Svg, String>, name: String, outcome: UseStateHandle<Outcome>) {
    match svg {
        Err(problem) => outcome.set(Outcome::Failed(problem)),
        Ok(svg) if name.ends_with(".svg") => {
            outcome.set(download_text(&svg.text, "image/svg+xml", &name).err().map_or(Outcome::Quiet, Outcome::Failed))
        }
        Ok(svg) => wasm_bindgen_futures::spawn_local(async move {
            let done = match png(&svg).await {
                Ok(blob) => download_blob(&blob, &name),
                Err(problem) => Err(problem),
            };
            outcome.set(done.err().map_or(Outcome::Quiet, Outcome::Failed));
        }),
    }
}

/// Where a file of `result` comes from: this version of the app, now, and
/// the link that runs it again (with the page's memory limit, which is not
/// part of a result).
fn origin(result: &RunResult, limit_mib: u64) -> Origin {
    let title = crate::exercises::card(&result.slug).map(|c| c.title.to_string()).unwrap_or_default();
    let again = LinkRequest { autorun: true, ..LinkRequest::to(result.params.clone(), limit_mib) };
    Origin {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: String::from(js_sys::Date::new_0().to_iso_string()),
        title,
        link: link::absolute(&root_url(), &result.slug, &again),
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
