//! Results that leave the page and come back: the versioned JSON file
//! ([`ExportV1`]), the CSV of every figure, and the files' names.
//!
//! Pure data and text, tested natively. The measuring worker does this
//! work for the page ([`FileJob`], sent like a run): the page only offers
//! the file to download or reads it from disk (`ui/export.rs`), so neither
//! serde_json nor the checks below are part of its first load.
//!
//! A file is read in two steps so that each kind of problem gets its own
//! words: first its [`Header`] (is this a Heapwise results file at all, and
//! of a format this build reads?), then the whole [`ExportV1`], which is
//! then checked against the exercise as this build declares it (its
//! parameters within bounds, the same variants, the same metric).

use serde::{Deserialize, Serialize};

use crate::exercise::{Mark, Metric, Note, Params};
use crate::exercises;
use crate::json_path;
use crate::measure::{LiveCheckpoint, Measurement, Snapshot, Timeline};
use crate::outcome::{RunResult, VariantRun};
use crate::units::{csv_cell, few, grouped};

/// What every results file says it is in its `format` field.
pub const FORMAT: &str = "heapwise-results";
/// The only `format_version` this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The largest file the page reads. Everything a run records is bounded
/// (a timeline's points, snapshot sites, checkpoints), so an export is at
/// most a few hundred kilobytes (see the test `the_largest_export_fits`);
/// anything bigger is refused before a byte of it is read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The deepest a results file nests lists and objects (a real one nests at
/// most 7 deep, at the sites of a snapshot: see the test
/// `the_largest_export_fits`); a file deeper than this is refused as such
/// before it is parsed.
pub const MAX_DEPTH: usize = 16;

/// Why a file of `bytes` is not read, or `None` when it may be.
pub fn too_large(file: &str, bytes: u64) -> Option<String> {
    (bytes > MAX_FILE_BYTES).then(|| {
        format!(
            "\u{201c}{file}\u{201d} was not opened: it is {}, and a Heapwise results file is at most {}. \
             The results on the page are unchanged.",
            crate::units::human_bytes(bytes.min(i64::MAX as u64) as i64),
            crate::units::human_bytes(MAX_FILE_BYTES as i64)
        )
    })
}

/// The fields read first, to tell a foreign or future file from a damaged one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Header {
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub format_version: Option<u32>,
}

/// A run's figures as a file: everything the `RunResult` carries, with
/// where and when it was exported, except each variant's wall time
/// (`VariantRun::micros`): a time belongs to the machine that ran it, so a
/// file holds the figures every machine reproduces, and a run read back has
/// no time (the page then shows none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportV1 {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The version of Heapwise that exported it (`CARGO_PKG_VERSION`).
    pub app_version: String,
    /// When, as the browser's `Date.toISOString()` wrote it.
    pub exported_at: String,
    /// The exercise's slug.
    pub exercise: String,
    pub title: String,
    /// A link that reopens the exercise with these parameters and reruns it.
    pub link: String,
    /// `size_of::<usize>()` in the measuring worker that ran (4 on wasm32).
    pub pointer_bytes: u32,
    /// The figure the exercise is about (`peak_bytes`, ...).
    pub metric: Metric,
    /// In the exercise's declaration order.
    pub params: Vec<ParamValue>,
    /// One per variant, baseline first.
    pub variants: Vec<ExportedVariant>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamValue {
    pub name: String,
    pub value: u64,
}

/// One variant's figures. The checksum is written as a decimal string: it
/// uses all 64 bits, and a JSON number is exact only up to 2^53.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedVariant {
    pub id: String,
    pub label: String,
    pub checksum: String,
    pub measurement: Measurement,
    pub marks: Vec<Mark>,
    pub notes: Vec<Note>,
    pub snapshots: Vec<Snapshot>,
    pub live_counts: Vec<LiveCheckpoint>,
    pub timeline: Option<Timeline>,
}

/// Where and when a file is made; the figures come from the run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub app_version: String,
    pub exported_at: String,
    pub title: String,
    pub link: String,
}

impl ExportV1 {
    pub fn new(result: &RunResult, origin: Origin) -> ExportV1 {
        ExportV1 {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            app_version: origin.app_version,
            exported_at: origin.exported_at,
            exercise: result.slug.clone(),
            title: origin.title,
            link: origin.link,
            pointer_bytes: result.pointer_bytes,
            metric: result.metric,
            params: result
                .params
                .0
                .iter()
                .map(|(name, value)| ParamValue { name: name.clone(), value: *value })
                .collect(),
            variants: result
                .variants
                .iter()
                .map(|v| ExportedVariant {
                    id: v.id.clone(),
                    label: v.label.clone(),
                    checksum: v.checksum.to_string(),
                    measurement: v.measurement,
                    marks: v.marks.clone(),
                    notes: v.notes.clone(),
                    snapshots: v.snapshots.clone(),
                    live_counts: v.live_counts.clone(),
                    timeline: v.timeline.clone(),
                })
                .collect(),
        }
    }

    /// The run again, if it fits the exercise as this build declares it.
    pub fn to_result(&self) -> Result<RunResult, ReadError> {
        let entry = exercises::page(&self.exercise).ok_or_else(|| ReadError::UnknownExercise(self.exercise.clone()))?;
        let spec = entry.spec;
        let mismatch = |why: String| Err(ReadError::Mismatch(why));
        let params = Params(self.params.iter().map(|p| (p.name.clone(), p.value)).collect());
        if let Err(why) = spec.validate(&params) {
            return mismatch(why);
        }
        // Declaration order, as a run in this build would have them.
        let params = Params(spec.params.iter().map(|p| (p.name.to_string(), params.get(p.name))).collect());
        if self.metric != spec.metric {
            return mismatch(format!("it is about {}, the exercise about {}", self.metric.name(), spec.metric.name()));
        }
        let ids: Vec<&str> = self.variants.iter().map(|v| v.id.as_str()).collect();
        let declared: Vec<&str> = spec.variants.iter().map(|v| v.id).collect();
        if ids != declared {
            return mismatch(format!(
                "its variants are {} ({} in all), the exercise's are {}",
                few(&ids, 5),
                grouped(ids.len() as i64),
                few(&declared, 5)
            ));
        }
        if self.pointer_bytes != 4 && self.pointer_bytes != 8 {
            return mismatch(format!("a pointer of {} bytes is neither 4 nor 8", self.pointer_bytes));
        }
        let mut variants = Vec::with_capacity(self.variants.len());
        for v in &self.variants {
            let Ok(checksum) = v.checksum.parse::<u64>() else {
                return mismatch(format!("the checksum \"{}\" of {} is not a whole number", v.checksum, v.id));
            };
            variants.push(VariantRun {
                id: v.id.clone(),
                label: v.label.clone(),
                checksum,
                measurement: v.measurement,
                marks: v.marks.clone(),
                notes: v.notes.clone(),
                snapshots: v.snapshots.clone(),
                live_counts: v.live_counts.clone(),
                timeline: v.timeline.clone(),
                micros: None,
            });
        }
        Ok(RunResult {
            slug: self.exercise.clone(),
            params,
            metric: self.metric,
            variants,
            pointer_bytes: self.pointer_bytes,
        })
    }
}

/// A results file to write or read, as the page asks the worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileJob {
    /// `result` as a file to download.
    Write { result: RunResult, origin: Origin, format: FileFormat },
    /// The text of a file the student opened, and the file's name.
    Read { name: String, text: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    Json,
    Csv,
}

/// What became of a [`FileJob`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileAnswer {
    /// The file's name and text.
    Written { name: String, text: String },
    /// The run the file holds, and the notice to show with it.
    Opened { result: RunResult, notice: String },
    /// Why not, in a sentence for the page.
    Refused { message: String },
}

impl FileJob {
    pub fn answer(self) -> FileAnswer {
        match self {
            FileJob::Write { result, origin, format } => {
                let export = ExportV1::new(&result, origin);
                let (text, extension) = match format {
                    FileFormat::Csv => (Ok(csv(&export)), "csv"),
                    FileFormat::Json => (to_json(&export), "json"),
                };
                match text {
                    Ok(text) => FileAnswer::Written { name: file_name(&result.slug, &result.params, extension), text },
                    Err(message) => FileAnswer::Refused { message },
                }
            }
            FileJob::Read { name, text } => match read_json(&text) {
                Ok((export, result)) => FileAnswer::Opened { notice: opened_notice(&name, &export), result },
                Err(error) => FileAnswer::Refused { message: error.message(&name) },
            },
        }
    }
}

/// The file's JSON text: indented by two spaces, ending in a line break.
pub fn to_json(export: &ExportV1) -> Result<String, String> {
    serde_json::to_string_pretty(export)
        .map(|text| text + "\n")
        .map_err(|e| format!("The results could not be written as JSON: {e}."))
}

/// Reads a results file's text: how deeply it nests, then its header, then
/// all of it (see [`read`]). Both reads are typed reads of the same text (no
/// `serde_json::Value` in between, which would add its own code to the
/// worker); text that is not JSON at all fails the first with a syntax error.
pub fn read_json(text: &str) -> Result<(ExportV1, RunResult), ReadError> {
    let depth = json_path::depth(text);
    if depth > MAX_DEPTH {
        return Err(ReadError::TooDeep(depth));
    }
    let header = serde_json::from_str::<Header>(text);
    if header.as_ref().is_err_and(|e| e.is_syntax() || e.is_eof()) {
        return Err(ReadError::NotJson);
    }
    read(header, || serde_json::from_str::<ExportV1>(text).map_err(|e| in_words(text, &e)))
}

/// A parser's complaint about a results file in plain words, naming the
/// field by its path in the file ("variants[0].label should be text, and is
/// the number 42") instead of serde's terms and a line and column.
fn in_words(text: &str, error: &serde_json::Error) -> String {
    let field = json_path::path_at(text, json_path::offset_of(text, error.line(), error.column()));
    let said = error.to_string();
    let said = said.rsplit_once(" at line ").map_or(said.as_str(), |(message, _)| message);
    let named = |path: &str| if path.is_empty() { "the file".to_string() } else { format!("its field {path}") };
    let quoted = |name: &str| format!("\"{}\"", name.trim_matches('`'));
    // serde stops just after the object a field is missing from, and just
    // after the second of a key named twice (so its object is the path's parent).
    if let Some(name) = said.strip_prefix("missing field ") {
        return format!("{} has no {}", named(&field), quoted(name));
    }
    if let Some(name) = said.strip_prefix("duplicate field ") {
        let parent = field.rsplit_once(['.', '[']).map_or("", |(parent, _)| parent);
        return format!("{} has {} twice", named(parent), quoted(name));
    }
    if let Some(rest) = said.strip_prefix("unknown variant ") {
        let (found, known) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let known = known.trim_start_matches("one of ").replace('`', "\"");
        return format!("{} is {}, which is none of the names it can have ({known})", named(&field), quoted(found));
    }
    let wrong = said.strip_prefix("invalid type: ").or_else(|| said.strip_prefix("invalid value: "));
    if let Some((found, expected)) = wrong.and_then(|rest| rest.split_once(", expected ")) {
        return format!(
            "{} should be {}, and is {}",
            named(&field),
            expected_in_words(expected),
            found_in_words(found)
        );
    }
    if said == "recursion limit exceeded" {
        return format!("{} nests lists and objects too deeply", named(&field));
    }
    match said {
        "number out of range" => format!("{} holds a number too large to read", named(&field)),
        _ => format!("{} cannot be read ({said})", named(&field)),
    }
}

/// serde's name for what a field should hold, as a reader would say it.
fn expected_in_words(expected: &str) -> String {
    let whole = |max: u64| format!("a whole number from 0 to {}", grouped(max.min(i64::MAX as u64) as i64));
    match expected {
        "a string" => "text".to_string(),
        "u8" => whole(u8::MAX.into()),
        "u16" => whole(u16::MAX.into()),
        "u32" => whole(u32::MAX.into()),
        "u64" | "usize" => format!("a whole number from 0 to {}", u64::MAX),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_string(),
        "f32" | "f64" => "a number".to_string(),
        "a boolean" => "true or false".to_string(),
        "a sequence" => "a list ([...])".to_string(),
        _ if expected.starts_with("struct ") || expected == "a map" => "an object ({...})".to_string(),
        _ if expected.starts_with("a tuple of size ") => {
            format!("a list of {} items", expected.trim_start_matches("a tuple of size "))
        }
        _ if expected.starts_with("enum ") || expected.contains("variant") => {
            "one of the names it can have".to_string()
        }
        _ => expected.to_string(),
    }
}

/// serde's description of a value found, as a reader would say it.
fn found_in_words(found: &str) -> String {
    let quoted = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`').to_string());
    if let Some(number) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return format!("the number {number}");
    }
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    if let Some(value) = quoted("boolean ") {
        return value;
    }
    match found {
        "map" => "an object".to_string(),
        "sequence" => "a list".to_string(),
        "unit value" | "null" => "null".to_string(),
        other => other.to_string(),
    }
}

/// Why a file could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON text at all.
    NotJson,
    /// Lists and objects nested this deep, more than [`MAX_DEPTH`].
    TooDeep(usize),
    /// JSON, but not a Heapwise results file.
    Foreign,
    /// A results file of a format this build does not read.
    Unsupported(u32),
    /// Says it is one, but a field is missing or wrong.
    Damaged(String),
    /// For an exercise this build does not have.
    UnknownExercise(String),
    /// Its figures do not fit the exercise as this build declares it.
    Mismatch(String),
}

impl ReadError {
    /// What the page says, naming the file.
    pub fn message(&self, file: &str) -> String {
        let why = match self {
            ReadError::NotJson => "it is not JSON text".to_string(),
            ReadError::TooDeep(depth) => format!(
                "it nests lists and objects {} levels deep, and a Heapwise results file nests them at most {MAX_DEPTH}",
                grouped(*depth as i64)
            ),
            ReadError::Foreign => {
                format!("it is JSON, but not a results file exported by Heapwise (no \"format\": \"{FORMAT}\")")
            }
            ReadError::Unsupported(v) if *v > FORMAT_VERSION => format!(
                "it was written in format {v} by a newer Heapwise; this one reads format {FORMAT_VERSION}. \
                 Reload the page to get the newest version"
            ),
            ReadError::Unsupported(v) => format!("it is in format {v}; this Heapwise reads format {FORMAT_VERSION}"),
            ReadError::Damaged(why) => format!("it is damaged: {why}"),
            ReadError::UnknownExercise(slug) => {
                format!("it is for an exercise called \"{slug}\", which this Heapwise does not have")
            }
            ReadError::Mismatch(why) => format!("its figures do not fit this exercise as this Heapwise runs it: {why}"),
        };
        format!("\u{201c}{file}\u{201d} could not be opened: {why}. The results on the page are unchanged.")
    }
}

/// Reads a file whose JSON has been parsed: `header` and `full` deserialize
/// the same value as a [`Header`] and as an [`ExportV1`].
fn read<E>(
    header: Result<Header, E>,
    full: impl FnOnce() -> Result<ExportV1, String>,
) -> Result<(ExportV1, RunResult), ReadError> {
    let header = header.map_err(|_| ReadError::Foreign)?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(ReadError::Foreign);
    }
    match header.format_version {
        Some(FORMAT_VERSION) => {}
        Some(other) => return Err(ReadError::Unsupported(other)),
        None => return Err(ReadError::Damaged("it has no \"format_version\"".to_string())),
    }
    let export = full().map_err(ReadError::Damaged)?;
    let result = export.to_result()?;
    Ok((export, result))
}

/// "Results from <file>, exported <when> by Heapwise <version>".
pub fn opened_notice(file: &str, export: &ExportV1) -> String {
    // `2026-11-22T12:40:09.123Z` reads better as `2026-11-22 12:40 UTC`.
    let when = match (export.exported_at.get(..10), export.exported_at.get(11..16)) {
        (Some(day), Some(time)) if export.exported_at.ends_with('Z') => format!("{day} {time} UTC"),
        _ => export.exported_at.clone(),
    };
    format!("Results from {file}, exported {when} by Heapwise {}.", export.app_version)
}

/// `heapwise-<slug>-<param><value>-...<ext>`: the run in the name.
pub fn file_name(exercise: &str, params: &Params, extension: &str) -> String {
    let mut name = format!("heapwise-{exercise}");
    for (param, value) in &params.0 {
        name.push_str(&format!("-{param}{value}"));
    }
    let safe: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    format!("{safe}.{extension}")
}

/// The columns of the CSV, one figure per row.
pub const CSV_HEADER: [&str; 7] = ["section", "variant", "variant_label", "item", "detail", "field", "value"];

/// Every figure of the file as CSV (RFC 4180, CRLF line ends): one row per
/// figure, so a spreadsheet can filter and pivot it. Sections: `meta`,
/// `parameter`, `figure` (every field of a variant's measurement),
/// `checksum`, `checkpoint`, `note`, `live_objects`, `snapshot`, `timeline`.
pub fn csv(export: &ExportV1) -> String {
    let mut rows: Vec<[String; 7]> = vec![CSV_HEADER.map(String::from)];
    let mut row =
        |section: &str, variant: Option<&ExportedVariant>, item: &str, detail: &str, field: &str, value: String| {
            let (id, label) = variant.map_or(("", ""), |v| (v.id.as_str(), v.label.as_str()));
            rows.push([section, id, label, item, detail, field, ""].map(String::from));
            if let Some(last) = rows.last_mut() {
                last[6] = value;
            }
        };
    row("meta", None, "format", "", "", export.format.clone());
    row("meta", None, "format_version", "", "", export.format_version.to_string());
    row("meta", None, "app_version", "", "", export.app_version.clone());
    row("meta", None, "exported_at", "", "", export.exported_at.clone());
    row("meta", None, "exercise", "", "", export.exercise.clone());
    row("meta", None, "title", "", "", export.title.clone());
    row("meta", None, "link", "", "", export.link.clone());
    row("meta", None, "pointer_bytes", "", "", export.pointer_bytes.to_string());
    row("meta", None, "metric", "", "", export.metric.key().to_string());
    for p in &export.params {
        row("parameter", None, &p.name, "", "", p.value.to_string());
    }
    for v in &export.variants {
        let m = &v.measurement;
        let fields: [(&str, String); 7] = [
            ("peak_bytes", m.peak_bytes.to_string()),
            ("retained_bytes", m.retained_bytes.to_string()),
            ("allocated_bytes", m.allocated_bytes.to_string()),
            ("allocations", m.allocations.to_string()),
            ("deallocations", m.deallocations.to_string()),
            ("grows", m.grows.to_string()),
            ("shrinks", m.shrinks.to_string()),
        ];
        for (field, value) in fields {
            row("figure", Some(v), "", "", field, value);
        }
        row("checksum", Some(v), "", "", "checksum", v.checksum.clone());
        for mark in &v.marks {
            row("checkpoint", Some(v), &mark.label, "", "live_bytes", mark.live_bytes.to_string());
        }
        for note in &v.notes {
            row("note", Some(v), &note.label, "", "value", note.value.to_string());
        }
        for checkpoint in &v.live_counts {
            for count in &checkpoint.counts {
                row("live_objects", Some(v), &checkpoint.label, &count.name, "live", count.live.to_string());
                row("live_objects", Some(v), &checkpoint.label, &count.name, "created", count.created.to_string());
            }
        }
        for snapshot in &v.snapshots {
            for site in &snapshot.sites {
                row("snapshot", Some(v), &snapshot.label, &site.label, "bytes", site.bytes.to_string());
                row("snapshot", Some(v), &snapshot.label, &site.label, "blocks", site.blocks.to_string());
            }
            row("snapshot", Some(v), &snapshot.label, "", "untracked_blocks", snapshot.untracked_blocks.to_string());
        }
        if let Some(t) = &v.timeline {
            row("timeline", Some(v), "", "", "events", t.events.to_string());
            row("timeline", Some(v), "", "", "events_per_point", t.events_per_point.to_string());
            for (i, point) in t.points.iter().enumerate() {
                row("timeline", Some(v), &i.to_string(), "", "max_live_bytes", point.to_string());
            }
        }
    }
    let mut text = String::new();
    for cells in rows {
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        text.push_str(&line.join(","));
        text.push_str("\r\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::execute;
    use serde_json::Value;

    fn origin() -> Origin {
        Origin {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            exported_at: "2026-11-22T12:40:09.123Z".to_string(),
            title: "A title, with \"quotes\"".to_string(),
            link: "http://127.0.0.1:8080/exercise/x?n=1&run=1".to_string(),
        }
    }

    /// A real run at each parameter's minimum (quick natively).
    fn smallest_run(slug: &str) -> RunResult {
        let spec = exercises::find(slug).expect(slug).spec;
        let params = Params(spec.params.iter().map(|p| (p.name.to_string(), p.min.max(1))).collect());
        execute(slug, &params).expect("runs")
    }

    #[test]
    fn the_largest_export_fits() {
        use crate::measure::MAX_POINTS;
        // Every variant with a full timeline of the widest numbers, in the
        // exercise with the most variants.
        let slug = exercises::REGISTRY.iter().max_by_key(|e| e.spec.variants.len()).unwrap().slug;
        let mut result = smallest_run(slug);
        for variant in &mut result.variants {
            variant.timeline =
                Some(Timeline { points: vec![i64::MIN; MAX_POINTS], events_per_point: u64::MAX, events: u64::MAX });
        }
        let text = serde_json::to_string_pretty(&ExportV1::new(&result, origin())).unwrap();
        assert!((text.len() as u64) * 8 < MAX_FILE_BYTES, "{slug}: {} bytes", text.len());
        assert_eq!(too_large("r.json", text.len() as u64), None);
        assert_eq!(too_large("r.json", MAX_FILE_BYTES), None);
        let refused = too_large("huge.json", 324_000_000).unwrap();
        assert!(refused.starts_with("\u{201c}huge.json\u{201d} was not opened: it is 309 MiB"), "{refused}");
        let depth = json_path::depth(&text);
        assert!(depth <= MAX_DEPTH, "{slug} nests {depth} deep");
        // Snapshots' sites nest deepest.
        let sites =
            json_path::depth(&serde_json::to_string(&ExportV1::new(&smallest_run("snapshot-diff"), origin())).unwrap());
        assert!((4..=MAX_DEPTH).contains(&sites), "snapshot-diff nests {sites} deep");
    }

    #[test]
    fn a_run_round_trips_through_json_with_every_figure() {
        // One plain exercise, one with a timeline, one with site snapshots.
        for slug in ["slots-vs-dict", "live-monitor", "snapshot-diff"] {
            let result = smallest_run(slug);
            let export = ExportV1::new(&result, origin());
            let text = serde_json::to_string_pretty(&export).unwrap();
            let (back, reopened) = read_json(&text).unwrap_or_else(|e| panic!("{slug}: {e:?}"));
            assert_eq!(back, export, "{slug}");
            assert_eq!(reopened, result, "{slug}: the reopened run is the run");
            // The wall time stays out of the file (see `ExportV1`).
            assert!(result.variants.iter().all(|v| v.micros.is_some()), "{slug}");
            assert!(reopened.variants.iter().all(|v| v.micros.is_none()), "{slug}");
            assert!(!text.contains("micros"), "{slug}: {text}");
            assert_eq!(back.pointer_bytes as usize, std::mem::size_of::<usize>());
        }
        assert!(smallest_run("live-monitor").variants.iter().all(|v| v.timeline.is_some()));
        assert!(smallest_run("snapshot-diff").variants.iter().any(|v| !v.snapshots.is_empty()));
    }

    #[test]
    fn a_checksum_past_two_to_the_53_survives_as_text() {
        let mut result = smallest_run("slots-vs-dict");
        result.variants[0].checksum = u64::MAX;
        let text = serde_json::to_string(&ExportV1::new(&result, origin())).unwrap();
        assert!(text.contains("\"checksum\":\"18446744073709551615\""), "{text}");
        assert_eq!(read_json(&text).unwrap().1.variants[0].checksum, u64::MAX);
    }

    fn exported_value() -> Value {
        serde_json::to_value(ExportV1::new(&smallest_run("slots-vs-dict"), origin())).unwrap()
    }

    fn read_value(value: &Value) -> Result<(ExportV1, RunResult), ReadError> {
        read_json(&value.to_string())
    }

    #[test]
    fn garbage_foreign_and_future_files_are_told_apart() {
        assert_eq!(read_json("{\"format\": \"heapwise-res").unwrap_err(), ReadError::NotJson);
        assert_eq!(read_json("").unwrap_err(), ReadError::NotJson);
        assert_eq!(read_json("[1, 2, 3]").unwrap_err(), ReadError::Foreign);
        assert_eq!(read_json("{\"name\": \"package.json\"}").unwrap_err(), ReadError::Foreign);
        let mut value = exported_value();
        value["format"] = "memray-stats".into();
        assert_eq!(read_value(&value).unwrap_err(), ReadError::Foreign);

        let mut value = exported_value();
        value["format_version"] = 2.into();
        let error = read_value(&value).unwrap_err();
        assert_eq!(error, ReadError::Unsupported(2));
        assert!(error.message("r.json").contains("newer Heapwise"), "{}", error.message("r.json"));
        value["format_version"] = 0.into();
        assert_eq!(read_value(&value).unwrap_err(), ReadError::Unsupported(0));

        let mut value = exported_value();
        value.as_object_mut().unwrap().remove("variants");
        assert!(matches!(read_value(&value).unwrap_err(), ReadError::Damaged(why) if why.contains("variants")));
        let mut value = exported_value();
        value["variants"][0]["measurement"]["peak_bytes"] = "many".into();
        assert!(matches!(read_value(&value).unwrap_err(), ReadError::Damaged(_)));
    }

    /// What the page says when `value`, an export changed by hand, is opened.
    fn said(value: &Value) -> String {
        read_value(value).unwrap_err().message("r.json")
    }

    #[test]
    fn a_damaged_field_is_named_in_plain_words() {
        let mut value = exported_value();
        value["variants"][0]["label"] = 42.into();
        assert_eq!(
            said(&value),
            "\u{201c}r.json\u{201d} could not be opened: it is damaged: its field variants[0].label should be text, \
             and is the number 42. The results on the page are unchanged."
        );
        let mut value = exported_value();
        value["variants"][1]["measurement"]["peak_bytes"] = (-5).into();
        assert!(said(&value).contains(
            "its field variants[1].measurement.peak_bytes should be a whole number from 0 to 18446744073709551615, and is the number -5"
        ));
        value["variants"][1]["measurement"]["peak_bytes"] = 1e26.into();
        assert!(
            said(&value).contains("variants[1].measurement.peak_bytes should be a whole number"),
            "{}",
            said(&value)
        );
        assert!(said(&value).contains("and is the number 1e+26"), "{}", said(&value));
        let mut value = exported_value();
        value["variants"][0]["measurement"].as_object_mut().unwrap().remove("peak_bytes");
        assert!(
            said(&value).contains("it is damaged: its field variants[0].measurement has no \"peak_bytes\"."),
            "{}",
            said(&value)
        );
        let mut value = exported_value();
        value.as_object_mut().unwrap().remove("variants");
        assert!(said(&value).contains("it is damaged: the file has no \"variants\"."), "{}", said(&value));
        let mut value = exported_value();
        value["variants"] = serde_json::json!({"a": 1});
        assert!(
            said(&value).contains("its field variants should be a list ([...]), and is an object"),
            "{}",
            said(&value)
        );
        let mut value = exported_value();
        value["metric"] = "Bananas".into();
        assert!(
            said(&value)
                .contains("its field metric is \"Bananas\", which is none of the names it can have (\"PeakBytes\""),
            "{}",
            said(&value)
        );
        let mut value = exported_value();
        value["params"][0]["value"] = "many".into();
        assert!(said(&value).contains("its field params[0].value should be a whole number"), "{}", said(&value));
        assert!(said(&value).contains("and is the text \"many\""), "{}", said(&value));
        let text =
            serde_json::to_string(&exported_value()).unwrap().replacen("\"label\":", "\"label\":\"x\",\"label\":", 1);
        let message = read_json(&text).unwrap_err().message("r.json");
        assert!(message.contains("it is damaged: its field variants[0] has \"label\" twice."), "{message}");
        // Pretty-printed files (as exported) name the same field.
        let mut value = exported_value();
        value["pointer_bytes"] = true.into();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let message = read_json(&pretty).unwrap_err().message("r.json");
        assert!(
            message.contains("its field pointer_bytes should be a whole number from 0 to 4,294,967,295, and is true"),
            "{message}"
        );
        // No parser's terms, no line and column.
        for message in [said(&value), message] {
            for jargon in ["invalid type", "expected", "line ", "column", "u32", "`"] {
                assert!(!message.contains(jargon), "{jargon:?} in {message}");
            }
        }
    }

    #[test]
    fn a_file_nested_too_deeply_says_so() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(read_json(&deep).unwrap_err(), ReadError::TooDeep(100_000));
        let under_format = format!("{{\"format\": {}1{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(read_json(&under_format).unwrap_err(), ReadError::TooDeep(201));
        let mut value = exported_value();
        value["title"] = serde_json::from_str(&format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH))).unwrap();
        assert_eq!(read_value(&value).unwrap_err(), ReadError::TooDeep(MAX_DEPTH + 1));
        assert_eq!(
            ReadError::TooDeep(100_000).message("deep.json"),
            "\u{201c}deep.json\u{201d} could not be opened: it nests lists and objects 100,000 levels deep, and a Heapwise \
             results file nests them at most 16. The results on the page are unchanged."
        );
    }

    #[test]
    fn files_that_do_not_fit_the_exercise_are_refused() {
        let mut value = exported_value();
        value["exercise"] = "no-such-exercise".into();
        assert_eq!(read_value(&value).unwrap_err(), ReadError::UnknownExercise("no-such-exercise".into()));

        let spec = exercises::find("slots-vs-dict").unwrap().spec;
        let mut value = exported_value();
        value["params"][0]["value"] = (spec.params[0].max + 1).into();
        assert!(matches!(read_value(&value).unwrap_err(), ReadError::Mismatch(why) if why.contains("out of range")));

        let mut value = exported_value();
        value["variants"].as_array_mut().unwrap().reverse();
        assert!(matches!(read_value(&value).unwrap_err(), ReadError::Mismatch(why) if why.contains("variants")));

        let mut value = exported_value();
        value["variants"][1]["checksum"] = "12ab".into();
        assert!(matches!(read_value(&value).unwrap_err(), ReadError::Mismatch(why) if why.contains("12ab")));

        let mut value = exported_value();
        value["metric"] = "Allocations".into();
        assert!(matches!(read_value(&value).unwrap_err(), ReadError::Mismatch(_)));

        // The message names the file and says nothing was lost.
        let message = ReadError::NotJson.message("notes.txt");
        assert_eq!(
            message,
            "\u{201c}notes.txt\u{201d} could not be opened: it is not JSON text. The results on the page are unchanged."
        );
    }

    /// Splits RFC 4180 text into rows of fields (enough for the tests).
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_cells_are_escaped() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell(" padded"), "\" padded\"");
        assert_eq!(csv_cell("-12"), "-12");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn the_csv_holds_every_figure_and_reads_back() {
        let mut result = smallest_run("snapshot-diff");
        result.variants[0].label = "naive, \"dict\" per\nrow".to_string();
        let export = ExportV1::new(&result, origin());
        let text = csv(&export);
        assert!(text.ends_with("\r\n"));
        let rows = parse_csv(&text);
        assert_eq!(rows[0], CSV_HEADER.map(String::from).to_vec());
        assert!(rows.iter().all(|r| r.len() == 7), "every row has 7 fields");
        let find = |section: &str, variant: &str, field: &str| -> Vec<String> {
            rows.iter().filter(|r| r[0] == section && r[1] == variant && r[5] == field).map(|r| r[6].clone()).collect()
        };
        let meta = |item: &str| rows.iter().find(|r| r[0] == "meta" && r[3] == item).map(|r| r[6].clone());
        assert_eq!(meta("title").as_deref(), Some("A title, with \"quotes\""));
        assert_eq!(meta("pointer_bytes"), Some(std::mem::size_of::<usize>().to_string()));
        assert_eq!(meta("format_version"), Some("1".to_string()));
        for v in &result.variants {
            let m = v.measurement;
            assert_eq!(find("figure", &v.id, "peak_bytes"), vec![m.peak_bytes.to_string()]);
            assert_eq!(find("figure", &v.id, "retained_bytes"), vec![m.retained_bytes.to_string()]);
            assert_eq!(find("figure", &v.id, "allocated_bytes"), vec![m.allocated_bytes.to_string()]);
            assert_eq!(find("figure", &v.id, "allocations"), vec![m.allocations.to_string()]);
            assert_eq!(find("figure", &v.id, "shrinks"), vec![m.shrinks.to_string()]);
            assert_eq!(find("checksum", &v.id, "checksum"), vec![v.checksum.to_string()]);
            let sites: usize = v.snapshots.iter().map(|s| s.sites.len()).sum();
            assert_eq!(find("snapshot", &v.id, "bytes").len(), sites);
        }
        let labelled = rows.iter().find(|r| r[0] == "figure" && r[1] == result.variants[0].id).unwrap();
        assert_eq!(labelled[2], "naive, \"dict\" per\nrow");
        for p in &result.params.0 {
            assert!(rows.iter().any(|r| r[0] == "parameter" && r[3] == p.0 && r[6] == p.1.to_string()));
        }
    }

    /// The page's side of a file: a job encoded as it crosses to the worker,
    /// and the answer encoded as it comes back.
    fn through_the_worker(job: FileJob) -> FileAnswer {
        let job: FileJob = crate::protocol::decode(&crate::protocol::encode(&job).unwrap()).unwrap();
        crate::protocol::decode(&crate::protocol::encode(&job.answer()).unwrap()).unwrap()
    }

    #[test]
    fn the_worker_writes_both_files_and_reads_the_json_back() {
        let result = smallest_run("snapshot-diff");
        let write = |format| FileJob::Write { result: result.clone(), origin: origin(), format };
        let FileAnswer::Written { name, text } = through_the_worker(write(FileFormat::Json)) else { panic!("json") };
        assert!(name.starts_with("heapwise-snapshot-diff-") && name.ends_with(".json"), "{name}");
        assert!(text.starts_with("{\n  \"format\": \"heapwise-results\",\n") && text.ends_with("}\n"), "{text}");
        let FileAnswer::Written { name: csv_name, text: csv_text } = through_the_worker(write(FileFormat::Csv)) else {
            panic!("csv")
        };
        assert_eq!(csv_name, name.replace(".json", ".csv"));
        assert_eq!(csv_text, csv(&ExportV1::new(&result, origin())));
        match through_the_worker(FileJob::Read { name: "mine.json".into(), text }) {
            FileAnswer::Opened { result: opened, notice } => {
                assert_eq!(opened, result);
                assert!(notice.starts_with("Results from mine.json, exported 2026-11-22 12:40 UTC"), "{notice}");
            }
            other => panic!("{other:?}"),
        }
        match through_the_worker(FileJob::Read { name: "notes.txt".into(), text: "hello".into() }) {
            FileAnswer::Refused { message } => {
                assert_eq!(message, ReadError::NotJson.message("notes.txt"));
                assert!(
                    message.contains("\u{201c}notes.txt\u{201d} could not be opened: it is not JSON text"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_and_notices() {
        let result = smallest_run("slots-vs-dict");
        let export = ExportV1::new(&result, origin());
        let n = export.params[0].value;
        assert_eq!(file_name(&result.slug, &result.params, "csv"), format!("heapwise-slots-vs-dict-n{n}.csv"));
        let odd = Params(vec![("n".into(), 3), ("a b/c".into(), 4)]);
        assert_eq!(file_name("x", &odd, "json"), "heapwise-x-n3-a_b_c4.json");
        assert_eq!(
            opened_notice("r.json", &export),
            format!("Results from r.json, exported 2026-11-22 12:40 UTC by Heapwise {}.", env!("CARGO_PKG_VERSION"))
        );
    }
}
