//! Turns every exercise folder into data, once, at build time.
//!
//! For every folder under `exercises/` (no list of paths is kept by hand):
//! - an `ExerciseText` (see `src/exercises/mod.rs`) that `include_str!`s its
//!   data files and its module `src/exercises/<module>.rs`, for the native
//!   tests;
//! - the page's data: `exercise.toml` parsed with the schema in
//!   `src/content.rs` (included below), its Markdown rendered to HTML, and
//!   the two programs the page shows (the module and `reference.py`) with
//!   their colour runs, written as `OUT_DIR/exercise-data/<slug>-<hash>.bin` (postcard)
//!   (`content::ExerciseData`, with the interpreter and the timing line of
//!   `reference.out`), which `scripts/copy-exercise-data.mjs` copies
//!   into the bundle; and the catalogue's cards (`content::Card`), compiled
//!   into the page with the name of each data file.
//!
//! The runs are syntect's token classes as `(length in bytes, class)`. The
//! programs are read from the very files this build compiles and the
//! content tests run, so the code shown is the code run; if the runs ever
//! disagree with the text, the page shows it plain.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use syntect::easy::ScopeRangeIterator;
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

#[allow(dead_code)] // the page uses the rest of it
mod class {
    include!("src/highlight_class.rs");
}
use class::Class;

#[allow(dead_code)] // the page uses the rest of it
#[path = "src/content.rs"]
mod content;
#[allow(dead_code)] // the content test uses the rest of it
#[path = "src/recordings.rs"]
mod recordings;
use content::{
    names_and_steps, planned_checks, Content, CpythonRecord, ExerciseData, Programs, TimedWork, BYTES_RULE,
    FORMAT_VERSION,
};

/// Scope prefixes and the class they get; the first match, innermost scope
/// first, decides.
const CLASSES: [(&str, Class); 16] = [
    ("keyword.operator", Class::Plain),
    ("comment", Class::Comment),
    ("string", Class::Str),
    ("constant.character", Class::Str),
    ("constant.numeric", Class::Number),
    ("constant.language", Class::Number),
    ("support.macro", Class::Macro),
    ("entity.name.function", Class::Function),
    ("support.function", Class::Function),
    ("entity.name", Class::Type),
    ("storage.type", Class::Type),
    ("support.type", Class::Type),
    ("keyword", Class::Keyword),
    ("storage.modifier", Class::Keyword),
    ("variable.language", Class::Keyword),
    ("storage", Class::Keyword),
];

fn class_of(stack: &[Scope]) -> Class {
    for scope in stack.iter().rev() {
        let name = scope.build_string();
        if let Some((_, class)) = CLASSES.iter().find(|(prefix, _)| name.starts_with(prefix)) {
            return *class;
        }
    }
    Class::Plain
}

fn runs(syntaxes: &SyntaxSet, extension: &str, text: &str) -> Vec<(usize, Class)> {
    let syntax = syntaxes.find_syntax_by_extension(extension).expect("syntax bundled with syntect");
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut runs: Vec<(usize, Class)> = Vec::new();
    for line in LinesWithEndings::from(text) {
        let ops = state.parse_line(line, syntaxes).expect("syntect parses the line");
        for (piece, op) in ScopeRangeIterator::new(&ops, line) {
            stack.apply(op).expect("scope operations balance");
            if piece.is_empty() {
                continue;
            }
            let class = class_of(stack.as_slice());
            match runs.last_mut() {
                Some((length, last)) if *last == class => *length += piece.len(),
                _ => runs.push((piece.len(), class)),
            }
        }
    }
    runs
}

fn files(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| keep(path))
        .collect();
    found.sort();
    found
}

/// This build's identity: FNV-1a (64-bit) over the path and contents of every
/// file under `src/` and `exercises/`, and `build.rs`, `Cargo.toml` and
/// `Cargo.lock`. The page and the measuring worker are compiled from the same
/// sources in one build, so they carry the same identity; a page and a
/// worker from two deploys do not (`run::BUILD`).
fn build_identity(root: &Path) -> String {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for path in files(dir, |_| true) {
            if path.is_dir() {
                walk(&path, found);
            } else {
                found.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    for dir in ["src", "exercises"] {
        walk(&root.join(dir), &mut paths);
    }
    paths.extend(["build.rs", "Cargo.toml", "Cargo.lock"].map(|name| root.join(name)));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in paths {
        feed(path.strip_prefix(root).unwrap_or(&path).to_string_lossy().as_bytes());
        feed(&fs::read(&path).unwrap_or_default());
    }
    format!("{hash:016x}")
}

/// `runs` packed as the page reads them: `bytes << 3 | class`.
fn packed(syntaxes: &SyntaxSet, extension: &str, text: &str) -> Vec<u32> {
    runs(syntaxes, extension, text).iter().map(|&(length, class)| (length as u32) << 3 | class as u32).collect()
}

/// The exercise text's Markdown as HTML. The text is our own and reviewed,
/// so the page inserts this HTML as it is.
fn markdown(text: &str) -> String {
    use pulldown_cmark::{html, Options, Parser};
    let mut rendered = String::new();
    html::push_html(&mut rendered, Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH));
    rendered
}

/// 64-bit FNV-1a: names a data file after its bytes (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Writes `slug`'s page data into `dir` and returns the catalogue card for
/// it as Rust source, or why its text cannot be read.
fn page_data(dir: &Path, slug: &str, toml: &str, programs: Programs) -> Result<String, String> {
    let content = Content::parse(toml)?;
    // The page says what each side timed and shows a ratio only for the same
    // work: a timing line without its [timing] table, or the
    // other way round, stops the build.
    if let Err(error) = TimedWork::check(content.timing.as_ref(), programs.cpython.timing.as_ref()) {
        panic!("exercises/{slug}/exercise.toml {error}");
    }
    let card = format!(
        "    Card {{ slug: {slug:?}, title: {title:?}, summary: {summary:?}, origin: &{origin:?}, \
         difficulty: Difficulty::{difficulty:?}, tags: &{tags:?}, group: {group}, data_file: ",
        title = content.title,
        summary = content.summary,
        origin = content.origin,
        difficulty = content.difficulty,
        tags = content.tags,
        group = content.group,
    );
    let data = ExerciseData {
        format_version: FORMAT_VERSION,
        slug: slug.to_string(),
        content: content.rendered(markdown),
        programs,
    };
    // postcard, as the worker's messages: the page's code to read it is a
    // fraction of what reading JSON objects took (README, first load).
    let bytes = postcard::to_allocvec(&data).map_err(|e| e.to_string())?;
    let file = format!("{slug}-{:016x}.bin", fnv1a(&bytes));
    let path = dir.join(&file);
    fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    Ok(format!("{card}{file:?} }},\n"))
}

/// The reference program on every interpreter (`outputs/*.out`) beside
/// reference.out, with the notes of `outputs/why.toml`, as HTML. Missing or
/// stale notes are the content checker's to report; a why.toml that does not
/// parse stops the build.
fn recordings_html(dir: &Path, reference: &str) -> String {
    let outputs = dir.join("outputs");
    let mut recordings = Vec::new();
    if !outputs.is_dir() {
        return String::new();
    }
    for path in files(&outputs, |p| p.extension().is_some_and(|e| e == "out")) {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        recordings.push((name, read(&path)));
    }
    if recordings.is_empty() {
        return String::new();
    }
    let why = outputs.join("why.toml");
    let notes = if why.is_file() {
        recordings::Notes::parse(&read(&why)).unwrap_or_else(|e| panic!("{}: {e}", why.display()))
    } else {
        recordings::Notes::default()
    };
    // A note is one paragraph: its Markdown without the <p> around it.
    let inline = |text: &str| {
        let html = markdown(text);
        let html = html.trim();
        html.strip_prefix("<p>").and_then(|h| h.strip_suffix("</p>")).unwrap_or(html).to_string()
    };
    recordings::Comparison::new(reference, recordings).html(&notes, inline)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Writes `exercise_texts.rs`: for every folder under `exercises/`, an
/// `ExerciseText` that embeds its files and its module's source with
/// `include_str!` (so the page shows the very file that is compiled) and the
/// colour runs of the two shown programs.
fn main() {
    println!("cargo:rerun-if-changed=src/exercises");
    println!("cargo:rerun-if-changed=exercises");
    println!("cargo:rerun-if-changed=src/highlight_class.rs");
    println!("cargo:rerun-if-changed=src/content.rs");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo:rustc-env=HEAPWISE_BUILD={}", build_identity(&root));
    let syntaxes = SyntaxSet::load_defaults_newlines();

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let data_dir = out_dir.join("exercise-data");
    // Only this build's files: a changed text leaves no stale file behind.
    let _ = fs::remove_dir_all(&data_dir);
    fs::create_dir_all(&data_dir).unwrap_or_else(|e| panic!("creating {}: {e}", data_dir.display()));
    let mut cards = String::from("/// Generated by build.rs from every folder under `exercises/`.\n");
    cards.push_str("pub static CARDS: &[Card] = &[\n");

    let mut table = String::from("/// Generated by build.rs from every folder under `exercises/`.\n");
    table.push_str("pub static TEXTS: &[ExerciseText] = &[\n");
    for dir in files(&root.join("exercises"), |p| p.is_dir()) {
        let slug = dir.file_name().unwrap().to_string_lossy().to_string();
        let module = root.join("src/exercises").join(format!("{}.rs", slug.replace('-', "_")));
        if !module.is_file() || !dir.join("reference.py").is_file() {
            // Not an exercise yet (being written): the content checker
            // reports a folder that is not registered.
            println!("cargo:warning=exercises/{slug}/ is skipped: it needs reference.py and {}", module.display());
            continue;
        }
        let (toml, python, output) = (dir.join("exercise.toml"), dir.join("reference.py"), dir.join("reference.out"));
        // The timing line: a malformed or doubled one stops the
        // build; a missing one is the content checker's to report.
        let cpython = CpythonRecord::read(&read(&output))
            .unwrap_or_else(|error| panic!("exercises/{slug}/reference.out: its timing line is unusable: {error}"));
        // A missing check.py is the content checker's to report; a check
        // whose name cannot be read stops the build.
        let check_py = dir.join("check.py");
        let (mut checks, mut check_steps) = names_and_steps(if check_py.is_file() {
            planned_checks(&read(&check_py)).unwrap_or_else(|error| panic!("exercises/{slug}/check.py: {error}"))
        } else {
            Vec::new()
        });
        // The harness ends every exercise's checks with its own rule; the
        // page lists it last, with no step, from this data (not its code).
        if !checks.is_empty() {
            checks.push(BYTES_RULE.to_string());
            check_steps.push(0);
        }
        let recordings = recordings_html(&dir, &read(&output));
        let programs = Programs {
            recordings,
            checks,
            check_steps,
            python: read(&python),
            python_output: read(&output),
            cpython,
            source: read(&module),
            source_runs: packed(&syntaxes, "rs", &read(&module)),
            python_runs: packed(&syntaxes, "py", &read(&python)),
        };
        let list = |runs: &[u32]| runs.iter().map(|r| format!("{r},")).collect::<String>();
        let _ = writeln!(
            table,
            "    ExerciseText {{ slug: {slug:?}, toml: include_str!({toml:?}), python: include_str!({python:?}), \
             python_output: include_str!({output:?}), source: include_str!({source:?}), \
             source_runs: &[{source_runs}], python_runs: &[{python_runs}] }},",
            toml = toml.display().to_string(),
            python = python.display().to_string(),
            output = output.display().to_string(),
            source = module.display().to_string(),
            source_runs = list(&programs.source_runs),
            python_runs = list(&programs.python_runs),
        );
        match page_data(&data_dir, &slug, &read(&toml), programs) {
            Ok(card) => cards.push_str(&card),
            // The content checker reports it; the page says the text is unreadable.
            Err(error) => println!("cargo:warning=exercises/{slug}/exercise.toml cannot be read: {error}"),
        }
    }
    table.push_str("];\n");
    cards.push_str("];\n");
    for (name, text) in [("exercise_texts.rs", table), ("cards.rs", cards)] {
        let out = out_dir.join(name);
        fs::write(&out, text).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
    }
}
