//! The reference program on every interpreter: its recordings
//! (`exercises/<slug>/outputs/<name>.out`, one per CPython found and one of
//! the page's Pyodide, written by `tests/python/interpreters.py --record`)
//! lined up with `reference.out` line by line, and the notes in
//! `outputs/why.toml` that say why a line reads otherwise somewhere.
//!
//! `build.rs` (which includes this file) renders the comparison to HTML for
//! the exercise's data file, so the page carries no code for it; the content
//! test asks that every line that differs has its note and that no note
//! explains a line that does not differ ([`Comparison::problems`]).

use serde::Deserialize;

/// What one interpreter printed, as recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Recording {
    /// As the file is named, without `.out`: `cpython-3.8`, `pyodide-3.14`.
    pub name: String,
    /// Its first line, the interpreter and pointer width
    /// (`CPython 3.8.18, 64-bit`), or why the program does not run there.
    pub printed: Printed,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Printed {
    /// The interpreter's line, then the program's lines.
    Ran { interpreter: String, lines: Vec<String> },
    /// The recording says the program stops with this error there.
    DoesNotRun(String),
}

impl Recording {
    pub fn read(name: &str, text: &str) -> Recording {
        let printed = match text.trim_end().strip_prefix("# does not run: ") {
            Some(error) => Printed::DoesNotRun(error.to_string()),
            None => {
                let mut lines = text.lines().map(str::to_string);
                let interpreter = lines.next().unwrap_or_default();
                Printed::Ran { interpreter, lines: lines.collect() }
            }
        };
        Recording { name: name.to_string(), printed }
    }

    /// `CPython 3.8`, `Pyodide 3.14 (this page)`.
    pub fn title(&self) -> String {
        match self.name.split_once('-') {
            Some(("cpython", version)) => format!("CPython {version}"),
            Some(("pyodide", version)) => format!("Pyodide {version} (this page)"),
            _ => self.name.clone(),
        }
    }
}

/// `outputs/why.toml`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// Lines of reference.out that read otherwise on some interpreters.
    #[serde(default)]
    pub line: Vec<LineNote>,
    /// Interpreters on which the program does not run.
    #[serde(default)]
    pub not_run: Vec<NotRunNote>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LineNote {
    /// reference.out's line numbers, counted from 1 (line 1 names the
    /// interpreter and is never listed). A line a recording prints in
    /// addition, after line N, is explained by a note on N.
    pub lines: Vec<usize>,
    /// The recordings (as named in outputs/) where these lines differ.
    pub on: Vec<String>,
    /// One or two sentences of Markdown: why, with the measured values.
    pub why: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NotRunNote {
    pub on: Vec<String>,
    pub why: String,
}

impl Notes {
    pub fn parse(text: &str) -> Result<Notes, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

/// What a recording printed in the place of one line of reference.out.
#[derive(Clone, Debug, PartialEq)]
pub struct InPlace {
    /// The line it printed there; `None` when it printed none.
    pub line: Option<String>,
    /// Lines it printed after this one that reference.out has not.
    pub extra: Vec<String>,
}

/// reference.out against every recording, line by line.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// reference.out's lines after the interpreter's (index 0 is line 2).
    pub base: Vec<String>,
    pub base_interpreter: String,
    /// Every recording, in version order, with, for one that ran, what it
    /// printed in the place of each base line.
    pub others: Vec<(Recording, Option<Vec<InPlace>>)>,
    /// Lines some recording printed before reference.out's first line.
    pub leading: Vec<(String, Vec<String>)>,
}

/// A timing line differs on every run and every machine; it is shown but
/// needs no note.
pub fn is_timing(line: &str) -> bool {
    line.trim_start().starts_with("timing:")
}

/// A line's shape: every number (digits with their `,` and `.`) as `#`, so
/// lines that say the same thing with other figures line up.
fn shape(line: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in line.chars() {
        if c.is_ascii_digit() || (in_number && (c == ',' || c == '.')) {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
    out
}

/// Pairs of indices (base, other) of a longest common subsequence of the
/// two lists of shapes, earliest first.
fn common(base: &[String], other: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (base.len(), other.len());
    let mut table = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] =
                if base[i] == other[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if base[i] == other[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Lines `other` up with `base`: lines of the same shape are matched (a
/// longest common subsequence); between two matches, the remaining lines are
/// paired in order, base lines left over print nothing in their place and
/// other lines left over count as printed after the last base line before
/// them. Returns the places and the lines printed before base's first.
pub fn line_up(base: &[String], other: &[String]) -> (Vec<InPlace>, Vec<String>) {
    let (base_shapes, other_shapes): (Vec<String>, Vec<String>) =
        (base.iter().map(|l| shape(l)).collect(), other.iter().map(|l| shape(l)).collect());
    let mut anchors = common(&base_shapes, &other_shapes);
    anchors.push((base.len(), other.len()));
    let mut places: Vec<InPlace> = Vec::with_capacity(base.len());
    let mut leading = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (bi, oj) in anchors {
        // The gap before this anchor: base[i..bi] against other[j..oj].
        let (gap_base, gap_other) = (bi - i, oj - j);
        for k in 0..gap_base {
            let line = (k < gap_other).then(|| other[j + k].clone());
            places.push(InPlace { line, extra: Vec::new() });
        }
        for k in gap_base..gap_other {
            match places.last_mut() {
                Some(place) => place.extra.push(other[j + k].clone()),
                None => leading.push(other[j + k].clone()),
            }
        }
        if bi < base.len() {
            places.push(InPlace { line: Some(other[oj].clone()), extra: Vec::new() });
        }
        (i, j) = (bi + 1, oj + 1);
    }
    (places, leading)
}

/// Orders recordings as versions: `cpython-3.8` before `cpython-3.10`,
/// CPython before Pyodide.
fn version_key(name: &str) -> (bool, Vec<u32>) {
    let (kind, version) = name.split_once('-').unwrap_or((name, ""));
    (kind != "cpython", version.split('.').filter_map(|p| p.parse().ok()).collect())
}

impl Comparison {
    /// `reference` is reference.out; `recordings` are (name, text) pairs.
    pub fn new(reference: &str, mut recordings: Vec<(String, String)>) -> Comparison {
        let base_recording = Recording::read("reference", reference);
        let (base_interpreter, base) = match base_recording.printed {
            Printed::Ran { interpreter, lines } => (interpreter, lines),
            Printed::DoesNotRun(error) => (error, Vec::new()),
        };
        recordings.sort_by_key(|(name, _)| version_key(name));
        let mut leading = Vec::new();
        let others = recordings
            .iter()
            .map(|(name, text)| {
                let recording = Recording::read(name, text);
                let places = match &recording.printed {
                    Printed::Ran { lines, .. } => {
                        let (places, before) = line_up(&base, lines);
                        if !before.is_empty() {
                            leading.push((name.clone(), before));
                        }
                        Some(places)
                    }
                    Printed::DoesNotRun(_) => None,
                };
                (recording, places)
            })
            .collect();
        Comparison { base, base_interpreter, others, leading }
    }

    /// (line number in reference.out, recording name) for every line that
    /// some recording prints otherwise, timing lines aside.
    pub fn differences(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (recording, places) in &self.others {
            for (index, place) in places.iter().flatten().enumerate() {
                let same = place.line.as_deref() == Some(self.base[index].as_str()) && place.extra.is_empty();
                if !same && !is_timing(&self.base[index]) {
                    out.push((index + 2, recording.name.clone()));
                }
            }
        }
        out
    }

    /// What the notes lack or say in vain, in words; empty when they are
    /// complete.
    pub fn problems(&self, notes: &Notes) -> Vec<String> {
        let mut problems = Vec::new();
        let names: Vec<&str> = self.others.iter().map(|(r, _)| r.name.as_str()).collect();
        let differences = self.differences();
        for (name, _) in &self.leading {
            problems
                .push(format!("{name} prints lines before reference.out's first: the recordings cannot be compared"));
        }
        for (line, name) in &differences {
            if !notes.line.iter().any(|n| n.lines.contains(line) && n.on.iter().any(|o| o == name)) {
                let printed = self.printed(name, *line).unwrap_or_else(|| "nothing".into());
                problems.push(format!(
                    "line {line} differs on {name}, and no [[line]] note in why.toml says why \
                     (reference.out: {:?}; {name}: {printed:?})",
                    self.base[line - 2]
                ));
            }
        }
        for note in &notes.line {
            for name in &note.on {
                if !names.contains(&name.as_str()) {
                    problems.push(format!("a [[line]] note names {name:?}, which is not a recording in outputs/"));
                    continue;
                }
                for line in &note.lines {
                    if *line < 2 || *line > self.base.len() + 1 {
                        problems.push(format!(
                            "a [[line]] note names line {line}, which reference.out has not (2 to {})",
                            self.base.len() + 1
                        ));
                    } else if !differences.contains(&(*line, name.clone())) {
                        problems.push(format!("a [[line]] note explains line {line} on {name}, which prints it as reference.out does (or is a timing line)"));
                    }
                }
            }
            if note.why.trim().is_empty() {
                problems.push("a [[line]] note has no why".to_string());
            }
        }
        for (recording, _) in &self.others {
            let explained = notes.not_run.iter().any(|n| n.on.contains(&recording.name));
            match (&recording.printed, explained) {
                (Printed::DoesNotRun(_), false) => problems
                    .push(format!("the program does not run on {}, and no [[not_run]] note says why", recording.name)),
                (Printed::Ran { .. }, true) => {
                    problems.push(format!("a [[not_run]] note names {}, where the program runs", recording.name))
                }
                _ => {}
            }
        }
        for note in &notes.not_run {
            for name in &note.on {
                if !names.contains(&name.as_str()) {
                    problems.push(format!("a [[not_run]] note names {name:?}, which is not a recording in outputs/"));
                }
            }
        }
        problems
    }

    /// What `name` printed in the place of reference.out's line `line`
    /// (counted from 1), with the lines it added after it.
    fn printed(&self, name: &str, line: usize) -> Option<String> {
        let (_, places) = self.others.iter().find(|(r, _)| r.name == name)?;
        let place = places.as_ref()?.get(line - 2)?;
        let mut text = place.line.clone()?;
        for extra in &place.extra {
            text.push_str(" / then: ");
            text.push_str(extra);
        }
        Some(text)
    }

    /// The comparison as HTML: every line of reference.out; where some
    /// interpreters print it otherwise, each reading with the interpreters
    /// that print it, and the note that says why. `markdown` renders a
    /// note's Markdown (inline) to HTML.
    pub fn html(&self, notes: &Notes, markdown: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        let ran: Vec<String> = self
            .others
            .iter()
            .filter_map(|(r, _)| match &r.printed {
                Printed::Ran { interpreter, .. } => Some(interpreter.clone()),
                Printed::DoesNotRun(_) => None,
            })
            .collect();
        out.push_str("<h3>On every interpreter</h3>\n");
        out.push_str(&format!(
            "<p class=\"fine\">Recorded on {}. Lines that read the same everywhere are shown once; \
             where they differ, each reading is listed with the interpreters that print it, and why. \
             Timing lines differ on every run.</p>\n",
            escape(&ran.join("; "))
        ));
        for (recording, _) in &self.others {
            if let Printed::DoesNotRun(error) = &recording.printed {
                let why = notes.not_run.iter().find(|n| n.on.contains(&recording.name)).map(|n| markdown(&n.why));
                out.push_str(&format!(
                    "<p class=\"not-run\" data-testid=\"recordings-not-run\"><strong>{}</strong>: does not run (<code>{}</code>). {}</p>\n",
                    escape(&recording.title()),
                    escape(error),
                    why.unwrap_or_default()
                ));
            }
        }
        out.push_str("<ol class=\"recordings\" data-testid=\"recordings\">\n");
        let mut said: Vec<String> = Vec::new();
        for (index, base_line) in self.base.iter().enumerate() {
            let number = index + 2;
            // Readings in the order first met; the base's first.
            let mut readings: Vec<(String, Vec<String>)> = vec![(reading_of(Some(base_line), &[]), vec![])];
            let mut base_names = Vec::new();
            for (recording, places) in &self.others {
                let Some(places) = places else { continue };
                let place = &places[index];
                let reading = reading_of(place.line.as_deref(), &place.extra);
                if reading == readings[0].0 {
                    base_names.push(recording.title());
                } else if let Some((_, names)) = readings.iter_mut().find(|(r, _)| *r == reading) {
                    names.push(recording.title());
                } else {
                    readings.push((reading, vec![recording.title()]));
                }
            }
            readings[0].1 = base_names;
            if readings.len() == 1 || is_timing(base_line) {
                out.push_str(&format!("<li value=\"{number}\"><code>{}</code></li>\n", escape(base_line)));
                continue;
            }
            out.push_str(&format!(
                "<li value=\"{number}\" class=\"differs\" data-testid=\"recordings-differs\"><ul>\n"
            ));
            for (reading, names) in &readings {
                out.push_str(&format!(
                    "<li><code>{}</code> <span class=\"fine\">{}</span></li>\n",
                    // A line printed in addition goes on a line of its own.
                    if reading.is_empty() {
                        "(nothing)".to_string()
                    } else {
                        escape(reading).replace('\n', "</code><br><code>")
                    },
                    escape(&interpreters(names))
                ));
            }
            out.push_str("</ul>\n");
            // Each note in full where it first applies, numbered; a line it
            // explains again refers back to it by its number.
            let mut again = Vec::new();
            for note in notes.line.iter().filter(|n| n.lines.contains(&number)) {
                match said.iter().position(|why| *why == note.why) {
                    Some(index) => again.push(format!("[{}]", index + 1)),
                    None => {
                        said.push(note.why.clone());
                        out.push_str(&format!("<p class=\"fine why\">[{}] {}</p>\n", said.len(), markdown(&note.why)));
                    }
                }
            }
            again.sort_by_key(|n| n.trim_matches(['[', ']']).parse::<usize>().unwrap_or(0));
            again.dedup();
            if let Some((last, rest)) = again.split_last() {
                let list = if rest.is_empty() { last.clone() } else { format!("{} and {last}", rest.join(", ")) };
                out.push_str(&format!("<p class=\"fine why\">As {list} above.</p>\n"));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
        out
    }
}

/// Interpreters as a reader says them, CPython's versions under one name:
/// `CPython 3.8, 3.9; Pyodide 3.14 (this page)`.
fn interpreters(titles: &[String]) -> String {
    let versions: Vec<&str> = titles.iter().filter_map(|t| t.strip_prefix("CPython ")).collect();
    let mut parts: Vec<String> = Vec::new();
    if !versions.is_empty() {
        parts.push(format!("CPython {}", versions.join(", ")));
    }
    parts.extend(titles.iter().filter(|t| !t.starts_with("CPython ")).cloned());
    parts.join("; ")
}

/// One reading of a line: the line and any lines printed after it, one per
/// line of text.
fn reading_of(line: Option<&str>, extra: &[String]) -> String {
    let mut lines: Vec<&str> = line.into_iter().collect();
    lines.extend(extra.iter().map(String::as_str));
    lines.join("\n")
}

/// Text for HTML: `&`, `<`, `>` and `"` escaped (safe in a double-quoted attribute too).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(escape("a < b & \"c\" > d"), "a &lt; b &amp; &quot;c&quot; &gt; d");
        assert_eq!(escape("plain · text"), "plain · text");
    }

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn lines_of_the_same_shape_line_up_and_extra_lines_follow_their_place() {
        let base = lines("a: 1 bytes\nb: 2 bytes\nlast: True");
        let other = lines("a: 10 bytes\nb: 2 bytes\nb2: 3 bytes\nlast: True");
        let (places, leading) = line_up(&base, &other);
        assert!(leading.is_empty());
        assert_eq!(places[0], InPlace { line: Some("a: 10 bytes".into()), extra: vec![] });
        assert_eq!(places[1], InPlace { line: Some("b: 2 bytes".into()), extra: vec!["b2: 3 bytes".into()] });
        assert_eq!(places[2], InPlace { line: Some("last: True".into()), extra: vec![] });
    }

    #[test]
    fn a_line_printed_in_addition_is_shown_on_a_line_of_its_own() {
        let reference = "CPython 3.11.7, 64-bit\na: 1 bytes\nlast: True\n";
        let recordings = vec![(
            "cpython-3.12".to_string(),
            "CPython 3.12.1, 64-bit\na: 1 bytes\nb: 2 bytes\nlast: True\n".to_string(),
        )];
        let notes = Notes::parse("[[line]]\nlines = [2]\non = [\"cpython-3.12\"]\nwhy = \"more\"\n").unwrap();
        let html = Comparison::new(reference, recordings).html(&notes, |m| m.to_string());
        assert!(
            html.contains(
                "<code>a: 1 bytes</code><br><code>b: 2 bytes</code> <span class=\"fine\">CPython 3.12</span>"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_line_printed_nowhere_else_is_missing_there() {
        let base = lines("a: 1\nonly here: 5\nlast: True");
        let other = lines("a: 1\nlast: True");
        let (places, _) = line_up(&base, &other);
        assert_eq!(places[1].line, None);
        assert_eq!(places[2].line.as_deref(), Some("last: True"));
    }

    #[test]
    fn every_difference_needs_a_note_and_a_note_must_explain_one() {
        let reference = "CPython 3.11.7, 64-bit\nsize: 56\nsame: 1\ntiming: 5 us\n";
        let recordings = vec![
            ("pyodide-3.14".to_string(), "CPython 3.14.2, 32-bit\nsize: 28\nsame: 1\ntiming: 9 us\n".to_string()),
            ("cpython-3.8".to_string(), "# does not run: TypeError: no\n".to_string()),
        ];
        let comparison = Comparison::new(reference, recordings);
        assert_eq!(comparison.differences(), vec![(2, "pyodide-3.14".to_string())]);
        let none = Notes::default();
        assert_eq!(comparison.problems(&none).len(), 2, "{:?}", comparison.problems(&none));
        let notes = Notes::parse(
            "[[line]]\nlines = [2]\non = [\"pyodide-3.14\"]\nwhy = \"pointers\"\n\
             [[not_run]]\non = [\"cpython-3.8\"]\nwhy = \"old\"\n",
        )
        .unwrap();
        assert_eq!(comparison.problems(&notes), Vec::<String>::new());
        let stale = Notes::parse(
            "[[line]]\nlines = [2, 3]\non = [\"pyodide-3.14\"]\nwhy = \"pointers\"\n\
             [[not_run]]\non = [\"cpython-3.8\"]\nwhy = \"old\"\n",
        )
        .unwrap();
        assert_eq!(comparison.problems(&stale).len(), 1, "line 3 does not differ");
        let html = comparison.html(&notes, |m| m.to_string());
        assert!(html.contains("<code>size: 28</code> <span class=\"fine\">Pyodide 3.14 (this page)</span>"), "{html}");
        assert!(html.contains("<p class=\"fine why\">[1] pointers</p>"), "{html}");
        assert!(html.contains("CPython 3.8</strong>: does not run"), "{html}");
        assert_eq!(html.matches("data-testid=\"recordings-differs\"").count(), 1, "the timing line is not marked");
    }

    #[test]
    fn a_note_is_said_in_full_once_and_referred_to_after() {
        let reference = "CPython 3.11.7, 64-bit\na: 56\nb: 8\n";
        let recordings = vec![("pyodide-3.14".to_string(), "CPython 3.14.2, 32-bit\na: 28\nb: 4\n".to_string())];
        let notes = Notes::parse("[[line]]\nlines = [2, 3]\non = [\"pyodide-3.14\"]\nwhy = \"half\"\n").unwrap();
        let html = Comparison::new(reference, recordings).html(&notes, |m| m.to_string());
        assert_eq!(html.matches("[1] half").count(), 1, "{html}");
        assert!(html.contains("<p class=\"fine why\">As [1] above.</p>"), "{html}");
    }

    #[test]
    fn interpreters_are_named_once_per_kind() {
        let titles = ["CPython 3.8", "CPython 3.9", "Pyodide 3.14 (this page)"].map(String::from);
        assert_eq!(interpreters(&titles), "CPython 3.8, 3.9; Pyodide 3.14 (this page)");
    }
}
