//! Memory by line on the page: the table of the lines that held
//! the most at the snapshot, the reference program's beside it, the
//! sentence comparing them, and the timeline of traced bytes.

use yew::prelude::*;

use super::lines::{code_of, share, LineMemory, Reference, TABLE_ROWS};
use crate::units::{grouped, human_bytes};

#[derive(Properties, PartialEq)]
pub struct LinesProps {
    pub memory: std::rc::Rc<LineMemory>,
    /// The program as it ran (its lines' text).
    pub source: AttrValue,
    pub reference: Reference,
    pub reference_source: AttrValue,
    /// Profile the reference program (None while a run is going).
    pub on_reference: Option<Callback<()>>,
    /// Move the editor's cursor to a line.
    pub on_line: Callback<u32>,
}

#[function_component]
pub fn LinesView(props: &LinesProps) -> Html {
    let memory = &props.memory;
    if !memory.available {
        return html! {
            <section class="py-lines" aria-labelledby="py-lines-heading" data-testid="python-lines">
                <h3 id="py-lines-heading">{ "Memory by line" }</h3>
                <p class="fine" data-testid="python-lines-why">{ memory.why.clone().unwrap_or_default() }</p>
            </section>
        };
    }
    let reference = match &props.reference {
        Reference::Done(theirs) => Some(theirs.clone()),
        _ => None,
    };
    html! {
        <section class="py-lines" aria-labelledby="py-lines-heading" data-testid="python-lines">
            <h3 id="py-lines-heading">{ "Memory by line" }</h3>
            { explain(memory) }
            if let Some(why) = &memory.why { <p class="fine">{ why }</p> }
            <div class="py-lines-sides">
                <div>
                    <h4>{ "Your program" }</h4>
                    { table(memory, &props.source, "python-line-memory", Some(&props.on_line), "Memory by line: your program") }
                </div>
                if let Some(theirs) = &reference {
                    <div data-testid="python-reference-lines">
                        <h4>{ "The reference program" }</h4>
                        if !theirs.step_labels.is_empty() {
                            <p class="fine">{ "Its lines that do a step of the task (no imports, no prediction experiments), where they held the most." }</p>
                        }
                        { table(theirs, &props.reference_source, "python-reference-line-memory", None, "Memory by line: the reference program") }
                    </div>
                }
            </div>
            if let Some(theirs) = &reference {
                { compare(memory, &props.source, theirs, &props.reference_source) }
            }
            { reference_control(&props.reference, props.on_reference.clone()) }
            <Timeline memory={memory.clone()} />
        </section>
    }
}

/// What the figures are: when the snapshot was taken, whose trace, at what cost.
fn explain(memory: &LineMemory) -> Html {
    let when = match memory.snapshot_line {
        Some(line) => format!("taken on line {line}"),
        None => "taken at the end of the run".to_string(),
    };
    let yours = memory.lines.iter().map(|r| r.bytes).sum::<f64>();
    html! {
        <>
            <p>{ format!(
                "At the snapshot with the most memory ({when}), your lines held {}; other files (libraries, the interpreter) held {}. \
                 The most traced at any moment was {}.",
                human_bytes(yours as i64), human_bytes(memory.other_bytes as i64), human_bytes(memory.peak_bytes as i64)) }</p>
            if memory.windows > 0 {
                <p class="fine">{ format!(
                    "Your program starts tracemalloc itself ({} time{}). These figures come from a run of their own, \
                     traced by the page from first line to last; the console shows another run.",
                    memory.windows, if memory.windows == 1 { "" } else { "s" }) }</p>
            }
            <p class="fine">{ format!(
                "From tracemalloc snapshots ({} taken, {} samples, {:.0} ms of the run). The same bytes are beside your lines \
                 in the editor; point at one for its blocks.",
                memory.snapshots, memory.samples, memory.sampling_ms) }</p>
        </>
    }
}

/// A table of the lines that held the most (the reference's: only those
/// doing a step of the task, where the exercise names them; the harness
/// leaves the others out).
fn table(
    memory: &LineMemory,
    source: &str,
    testid: &'static str,
    on_line: Option<&Callback<u32>>,
    label: &'static str,
) -> Html {
    if memory.lines.is_empty() {
        return html! { <p class="fine">{ "No line of this program held traced memory at the snapshot." }</p> };
    }
    // Bytes at the end of the run: when tracemalloc still traced then.
    let ended = memory.lines.iter().any(|r| r.end_bytes.is_some());
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={label}>
        <table class="figures py-lines-table">
            <thead>
                <tr><th scope="col">{ "Line" }</th><th scope="col" class="py-lines-code">{ "Code" }</th><th scope="col">{ "Held at the snapshot" }</th>
                    <th scope="col">{ "Blocks" }</th><th scope="col">{ "Share" }</th>
                    if ended { <th scope="col">{ "At the end" }</th> }</tr>
            </thead>
            <tbody>
                { for memory.lines.iter().take(TABLE_ROWS).map(|row| {
                    let line = row.line;
                    let go = on_line.map(|on_line| { let on_line = on_line.clone(); Callback::from(move |_: MouseEvent| on_line.emit(line)) });
                    html! {
                        <tr data-testid={testid} data-line={line.to_string()} data-bytes={(row.bytes as i64).to_string()}
                            data-count={(row.count as i64).to_string()}>
                            <th scope="row">
                                if let Some(go) = go {
                                    <button type="button" class="link-button" onclick={go} aria-label={format!("Go to line {line} in the editor")}>{ line }</button>
                                } else { { line } }
                            </th>
                            <td class="py-lines-code"><code>{ code_of(source, line) }</code></td>
                            <td title={format!("{} bytes", grouped(row.bytes as i64))}>{ human_bytes(row.bytes as i64) }</td>
                            <td>{ grouped(row.count as i64) }</td>
                            <td>{ share(row.bytes, memory.snapshot_bytes) }</td>
                            if ended { <td>{ row.end_bytes.map(|b| human_bytes(b as i64)).unwrap_or_default() }</td> }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// The steps of the task side by side, each at its most in both programs
/// (steps_check.py holds every exercise to naming them), and the two peaks.
/// A list, not a table: its markup costs the first load less.
fn compare(yours: &LineMemory, source: &str, theirs: &LineMemory, reference_source: &str) -> Html {
    let said = |(line, bytes): (f64, f64), s: &str| match line as u32 {
        0 => "no line does it".to_string(),
        n => format!("{} (line {n}: {})", human_bytes(bytes as i64), code_of(s, n)),
    };
    let same = yours.steps.len() == theirs.steps.len() && yours.step_labels.len() == yours.steps.len();
    let steps = same.then(|| yours.step_labels.iter().zip(yours.steps.iter().zip(&theirs.steps)));
    html! {
        <>
            if let Some(steps) = steps {
                <p>{ "Each step of the task at its most (what the lines doing it held at one snapshot):" }</p>
                <ul class="py-lines-steps">
                    { for steps.map(|(label, (mine, theirs))| html! {
                        <li data-testid="python-lines-step" data-step={label.clone()} data-bytes={(mine.1 as i64).to_string()}
                            data-reference-bytes={(theirs.1 as i64).to_string()}>
                            { format!("{label}: yours {}; the reference's {}.", said(*mine, source), said(*theirs, reference_source)) }
                        </li>
                    }) }
                </ul>
            }
            <p data-testid="python-lines-compare">{ format!(
                "At the most, your program traced {} and the reference {}.",
                human_bytes(yours.peak_bytes as i64),
                human_bytes(theirs.peak_bytes as i64)) }</p>
        </>
    }
}

fn reference_control(reference: &Reference, on_reference: Option<Callback<()>>) -> Html {
    let click = on_reference.clone().map(|cb| Callback::from(move |_: MouseEvent| cb.emit(())));
    let busy = on_reference.is_none() || matches!(reference, Reference::Running);
    let label = match reference {
        Reference::Done(_) => "Profile the reference program again",
        _ => "Compare with the reference program",
    };
    html! {
        <p class="py-lines-reference">
            <button type="button" class="secondary" data-testid="python-profile-reference" onclick={click}
                    aria-disabled={busy.to_string()}>{ label }</button>
            { match reference {
                Reference::Running => html! { <span class="fine" role="status">{ " Running the reference program in this page\u{2026}" }</span> },
                Reference::Failed(why) => html! { <span class="error" role="status">{ format!(" The reference program did not finish: {why}") }</span> },
                Reference::Done(_) => html! { <span class="fine">{ " Run here, measured the same way." }</span> },
                Reference::Idle => html! { <span class="fine">{ " Runs our solution in this page and sets its steps beside yours." }</span> },
            } }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineProps {
    memory: std::rc::Rc<LineMemory>,
}

/// Traced bytes over the run, at the sampler's points, the peak marked.
#[function_component]
fn Timeline(props: &TimelineProps) -> Html {
    let memory = &props.memory;
    let points = &memory.timeline;
    let peak = memory.peak_bytes.max(1.0);
    let end = points.last().map_or(1.0, |p| p.0).max(0.001);
    let (width, height) = (600.0, 120.0);
    let x = |ms: f64| ms / end * width;
    let y = |bytes: f64| height - bytes / peak * (height - 8.0);
    let line: String = points.iter().map(|(ms, b)| format!("{:.1},{:.1}", x(*ms), y(*b))).collect::<Vec<_>>().join(" ");
    let top = points.iter().cloned().fold(None::<(f64, f64)>, |best, p| match best {
        Some(b) if b.1 >= p.1 => Some(b),
        _ => Some(p),
    });
    html! {
        <figure class="py-timeline" data-testid="python-memory-timeline" data-peak-bytes={(memory.peak_bytes as i64).to_string()}
                data-points={points.len().to_string()}>
            <svg viewBox={format!("0 0 {width} {height}")} preserveAspectRatio="none" role="img"
                 aria-label={format!("Traced bytes over the run: {} points, the most traced {} bytes", points.len(), grouped(memory.peak_bytes as i64))}>
                <line class="py-timeline-axis" x1="0" y1={height.to_string()} x2={width.to_string()} y2={height.to_string()} />
                <polyline class="py-timeline-line" points={line} />
                if let Some((ms, bytes)) = top {
                    <line class="py-timeline-peak" x1={format!("{:.1}", x(ms))} x2={format!("{:.1}", x(ms))}
                          y1={format!("{:.1}", y(bytes))} y2={height.to_string()} />
                }
            </svg>
            <figcaption class="fine">
                { format!("Traced bytes at each sample over {:.0} ms; the most traced at any moment: {} ({} bytes).",
                          end, human_bytes(memory.peak_bytes as i64), grouped(memory.peak_bytes as i64)) }
            </figcaption>
        </figure>
    }
}
