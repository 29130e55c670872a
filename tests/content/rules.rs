//! The rules over one exercise's declaration and text.

use std::collections::HashSet;

use heapwise::content::{
    planned_checks, task_steps, Content, CpythonTiming, TimedWork, FORMAT_VERSION, GROUPS, TIMING_FORM,
};
use heapwise::exercise::ParamSpec;

use super::{is_lowercase_identifier, is_lowercase_kebab, problem};

/// Folders on disk against the registry: every folder registered, every
/// registered slug with its folder, no slug twice. (A folder without a
/// module already fails the build: `build.rs` embeds the module by path.)
pub fn check_registry(folders: &[String], slugs: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for &slug in slugs {
        if !seen.insert(slug) {
            problems.push(problem(slug, "registry", "is registered twice in src/exercises/mod.rs; remove one line"));
        }
        if !folders.iter().any(|f| f == slug) {
            problems.push(problem(slug, "registry", format!("registered, but exercises/{slug}/ does not exist")));
        }
    }
    for folder in folders {
        if !slugs.contains(&folder.as_str()) {
            problems.push(problem(
                folder,
                "registry",
                format!(
                    "exercises/{folder}/ exists but is not registered: add `{}` to the list in src/exercises/mod.rs, \
                     or remove the folder",
                    folder.replace('-', "_")
                ),
            ));
        }
    }
    problems
}

/// The files every exercise folder needs besides `exercise.toml`.
pub const REQUIRED_FILES: [(&str, &str); 3] = [
    ("reference.py", "write the Python reference program (its last line prints `expected_output`)"),
    ("reference.out", "record it with `python3 reference.py > reference.out`"),
    ("check.py", "write the checks the page runs on a student's program (see any exercise's check.py)"),
];

/// Which of [`REQUIRED_FILES`] are missing from a folder that has `present`.
pub fn check_files(slug: &str, present: &[&str]) -> Vec<String> {
    REQUIRED_FILES
        .iter()
        .filter(|(file, _)| !present.contains(file))
        .map(|(file, fix)| problem(slug, file, format!("does not exist; {fix}")))
        .collect()
}

/// Variant ids: unique, lowercase-kebab, `naive` first and `optimized` last.
pub fn check_variant_ids(slug: &str, ids: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    if ids.len() < 2 {
        problems.push(problem(
            slug,
            "variants",
            format!("has {} variant(s); write at least `naive` and `optimized`", ids.len()),
        ));
    }
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(problem(slug, "variants", format!("the id `{id}` is used twice; ids must be unique")));
        }
        if !is_lowercase_kebab(id) {
            problems.push(problem(
                slug,
                "variants",
                format!("the id `{id}` must be lowercase-kebab (like `two-pass`)"),
            ));
        }
    }
    if ids.first().is_some_and(|&id| id != "naive") {
        problems.push(problem(
            slug,
            "variants",
            format!("the first variant is `{}`; the baseline must come first with id `naive`", ids[0]),
        ));
    }
    if ids.len() >= 2 && ids.last().is_some_and(|&id| id != "optimized") {
        problems.push(problem(
            slug,
            "variants",
            format!("the last variant is `{}`; the best must come last with id `optimized`", ids[ids.len() - 1]),
        ));
    }
    problems
}

/// Required text present, hints and group in range.
pub fn check_text_fields(slug: &str, c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    if c.format_version != FORMAT_VERSION {
        problems.push(problem(slug, "format_version", format!("is {}; set it to {FORMAT_VERSION}", c.format_version)));
    }
    let texts = [
        ("title", &c.title),
        ("summary", &c.summary),
        ("task", &c.task),
        ("starter", &c.starter),
        ("solution", &c.solution),
        ("explanation", &c.explanation),
        ("rust_notes", &c.rust_notes),
        ("expected_output", &c.expected_output),
    ];
    for (field, text) in texts {
        if text.trim().is_empty() {
            problems.push(problem(slug, field, "is empty; write it"));
        }
    }
    for (field, list) in [("origin", &c.origin), ("tags", &c.tags)] {
        if list.is_empty() {
            problems.push(problem(slug, field, "is empty; give at least one"));
        }
        if list.iter().any(|s| s.trim().is_empty()) {
            problems.push(problem(slug, field, "has an empty entry; remove it"));
        }
    }
    if !(1..=4).contains(&c.hints.len()) {
        problems.push(problem(slug, "hints", format!("has {} hints; give 1 to 4", c.hints.len())));
    }
    for (i, hint) in c.hints.iter().enumerate() {
        if hint.trim().is_empty() {
            problems.push(problem(slug, &format!("hints[{i}]"), "is empty; write it or remove it"));
        }
    }
    if c.group_name().is_none() {
        let last = GROUPS.len();
        problems.push(problem(slug, "group", format!("is {}; use the curriculum group, 1 to {last}", c.group)));
    }
    problems
}

/// Every numbered step of the task is verified by a check, and every check
/// names the step it verifies (`@check("...", step=N)`): the page lists the
/// checks under their steps, so a step no check looks at would be a step a
/// student could skip and still be told Solved.
pub fn check_steps(slug: &str, task: &str, check_py: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let steps = task_steps(task);
    if steps.is_empty() {
        problems.push(problem(slug, "task", "has no numbered steps (`1. ...` at the start of a line); number them"));
    }
    for (index, &step) in steps.iter().enumerate() {
        if step as usize != index + 1 {
            problems.push(problem(slug, "task", format!("numbers a step {step} where step {} is due", index + 1)));
        }
    }
    let checks = match planned_checks(check_py) {
        Ok(checks) => checks,
        Err(error) => return vec![problem(slug, "check.py", error)],
    };
    for check in &checks {
        match check.step {
            None => problems.push(problem(
                slug,
                "check.py",
                format!("check {:?} names no step; write `@check({:?}, step=N)`", check.name, check.name),
            )),
            Some(step) if !steps.contains(&step) => problems.push(problem(
                slug,
                "check.py",
                format!("check {:?} names step {step}, which the task does not have", check.name),
            )),
            Some(_) => {}
        }
    }
    for &step in &steps {
        if !checks.iter().any(|c| c.step == Some(step)) {
            problems.push(problem(slug, "check.py", format!("no check verifies step {step} of the task; write one")));
        }
    }
    problems
}

/// `calculator_help` is written exactly when the declaration has a calculator.
pub fn check_calculator_help(slug: &str, c: &Content, has_calculator: bool) -> Vec<String> {
    match (has_calculator, c.calculator_help.trim().is_empty()) {
        (true, true) => vec![problem(
            slug,
            "calculator_help",
            "is empty, but the exercise declares a calculator; say how to use it",
        )],
        (false, false) => {
            vec![problem(slug, "calculator_help", "is set, but the exercise declares no calculator; remove it")]
        }
        _ => Vec::new(),
    }
}

/// Parameter names unique lowercase identifiers, min <= default <= max.
pub fn check_params(slug: &str, params: &[ParamSpec]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for p in params {
        let field = format!("params.{}", p.name);
        if !seen.insert(p.name) {
            problems.push(problem(slug, &field, "is declared twice; parameter names must be unique"));
        }
        if !is_lowercase_identifier(p.name) {
            problems.push(problem(slug, &field, "the name must be a lowercase identifier (like `n` or `chunk_size`)"));
        }
        if p.label.trim().is_empty() {
            problems.push(problem(slug, &field, "label is empty; say what it counts (\"points\")"));
        }
        if !(p.min <= p.default && p.default <= p.max) {
            problems.push(problem(
                slug,
                &field,
                format!("needs min <= default <= max, has min {} default {} max {}", p.min, p.default, p.max),
            ));
        }
    }
    problems
}

/// Quiz questions answerable: two or more choices, answer among them, a why.
pub fn check_quiz(slug: &str, c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, q) in c.quiz.iter().enumerate() {
        let field = format!("quiz[{i}]");
        if q.question.trim().is_empty() {
            problems.push(problem(slug, &field, "the question is empty"));
        }
        if q.choices.len() < 2 {
            problems.push(problem(slug, &field, format!("has {} choice(s); give at least 2", q.choices.len())));
        }
        if q.choices.iter().any(|choice| choice.trim().is_empty()) {
            problems.push(problem(slug, &field, "has an empty choice"));
        }
        if q.answer >= q.choices.len() {
            problems.push(problem(
                slug,
                &field,
                format!("answer = {} but choices are numbered 0 to {}", q.answer, q.choices.len().saturating_sub(1)),
            ));
        }
        if q.why.trim().is_empty() {
            problems.push(problem(slug, &field, "`why` is empty; explain the answer"));
        }
    }
    problems
}

/// The longest reason a prediction may give: the page shows it under the
/// statement, beside the others, so it stays a sentence or two.
pub const PREDICTION_WHY_MAX_CHARS: usize = 320;

/// Every prediction says why it prints its answer: a sentence or two,
/// ending with a full stop.
pub fn check_predictions(slug: &str, c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    for p in &c.predict {
        let field = format!("predict \"{}\"", p.statement);
        let why = p.why.trim();
        if why.is_empty() {
            problems.push(problem(slug, &field, "`why` is empty; say why the program prints its answer"));
        } else if why.chars().count() > PREDICTION_WHY_MAX_CHARS || !why.ends_with('.') || why.contains('\n') {
            problems.push(problem(
                slug,
                &field,
                format!(
                    "`why` must be one line of at most {PREDICTION_WHY_MAX_CHARS} characters ending with a full stop; it \
                     has {} characters: {why:?}",
                    why.chars().count()
                ),
            ));
        }
    }
    problems
}

/// The most a student may score over the whole catalogue by always picking
/// the same position in every quiz question.
pub const MAX_ONE_POSITION_SCORE: f64 = 0.45;

/// Quiz keys spread over positions: `keys` holds each question's
/// `(answer, number of choices)` over the whole catalogue.
pub fn check_quiz_spread(keys: &[(usize, usize)]) -> Vec<String> {
    let Some(widest) = keys.iter().map(|&(_, choices)| choices).max() else { return Vec::new() };
    (0..widest)
        .filter_map(|position| {
            let hits = keys.iter().filter(|&&(answer, _)| answer == position).count();
            let score = hits as f64 / keys.len() as f64;
            (score > MAX_ONE_POSITION_SCORE).then(|| {
                problem(
                    "catalogue",
                    "quiz",
                    format!(
                        "{hits} of {} answers are choice {position} (0-based), so always picking it scores {:.0}%; \
                         move some right answers to other positions (at most {:.0}%)",
                        keys.len(),
                        score * 100.0,
                        MAX_ONE_POSITION_SCORE * 100.0
                    ),
                )
            })
        })
        .collect()
}

/// What reference.out must contain: the header line, `expected_output`
/// last, and one `<statement>: True|False` line per prediction.
pub fn check_recorded_output(slug: &str, c: &Content, out: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lines: Vec<&str> = out.lines().collect();
    let first = lines.first().copied().unwrap_or("");
    if !(first.starts_with("CPython 3.11") && first.contains("64-bit")) {
        problems.push(problem(
            slug,
            "reference.out",
            format!(
                "the first line is {first:?}; it must be the header printed by \
                 `print(f\"CPython {{platform.python_version()}}, {{struct.calcsize('P') * 8}}-bit\")` under 64-bit CPython 3.11"
            ),
        ));
    }
    let last = lines.last().copied().unwrap_or("");
    if last != c.expected_output {
        problems.push(problem(
            slug,
            "expected_output",
            format!("is {:?} but the last line of reference.out is {last:?}; they must be equal", c.expected_output),
        ));
    }
    for p in &c.predict {
        let field = format!("predict \"{}\"", p.statement);
        let wanted = format!("{}: {}", p.statement, if p.answer { "True" } else { "False" });
        let opposite = format!("{}: {}", p.statement, if p.answer { "False" } else { "True" });
        if lines.contains(&wanted.as_str()) {
            continue;
        }
        if lines.contains(&opposite.as_str()) {
            problems.push(problem(
                slug,
                &field,
                format!("answer = {} but reference.out prints `{opposite}`; fix the answer or the program", p.answer),
            ));
        } else {
            problems.push(problem(
                slug,
                &field,
                format!("reference.out has no line `{wanted}`; the program must print the statement verbatim, then `: True` or `: False`"),
            ));
        }
    }
    problems
}

/// reference.out reports the CPython timing of the optimized step in exactly
/// one line of [`TIMING_FORM`], not the last, naming one of the exercise's
/// Rust variants and every declared parameter once, within its bounds, so
/// the page can run that variant on the same work.
pub fn check_timing_line(slug: &str, out: &str, variant_ids: &[&str], params: &[ParamSpec]) -> Vec<String> {
    let lines: Vec<&str> = out.lines().collect();
    let timing: Vec<(usize, &str)> =
        lines.iter().copied().enumerate().filter(|(_, line)| line.starts_with("timing:")).collect();
    let fix = format!("time the optimized step in reference.py and print one line `{TIMING_FORM}`");
    let (at, line) = match timing[..] {
        [one] => one,
        [] => return vec![problem(slug, "reference.out", format!("has no timing line; {fix}"))],
        _ => {
            let which: Vec<String> = timing.iter().map(|(i, _)| (i + 1).to_string()).collect();
            let said = format!("has {} timing lines (lines {}); print exactly one", timing.len(), which.join(", "));
            return vec![problem(slug, "reference.out", said)];
        }
    };
    let field = format!("reference.out line {}", at + 1);
    let Some(CpythonTiming { variant, params: named, micros, best_of }) = CpythonTiming::parse(line) else {
        return vec![problem(slug, &field, format!("`{line}` is not of the form `{TIMING_FORM}`"))];
    };
    let mut problems = Vec::new();
    if micros <= 0.0 {
        problems.push(problem(slug, &field, format!("{micros:.1} us per call is no time; time more calls per repeat")));
    }
    if best_of < 5 {
        problems.push(problem(slug, &field, format!("best of {best_of} is fewer than 5 repeats")));
    }
    if at + 1 == lines.len() {
        problems.push(problem(slug, &field, "the timing line is the last line; the last line is `expected_output`"));
    }
    if !variant_ids.contains(&variant.as_str()) {
        problems.push(problem(
            slug,
            &field,
            format!("names the variant `{variant}`, which the Rust spec does not have; use one of {variant_ids:?}"),
        ));
    }
    for p in params {
        let values: Vec<u64> = named.iter().filter(|(name, _)| name == p.name).map(|&(_, value)| value).collect();
        match values[..] {
            [value] if value < p.min || value > p.max => problems.push(problem(
                slug,
                &field,
                format!("gives {}={value}, outside the declared {}..={}", p.name, p.min, p.max),
            )),
            [_] => {}
            [] => problems.push(problem(
                slug,
                &field,
                format!("does not give the parameter `{}`; give its value for the timed work (or its default)", p.name),
            )),
            _ => problems.push(problem(slug, &field, format!("gives the parameter `{}` more than once", p.name))),
        }
    }
    for (name, _) in &named {
        if !params.iter().any(|p| p.name == name) {
            problems.push(problem(slug, &field, format!("gives `{name}`, which the Rust spec does not declare")));
        }
    }
    problems
}

/// exercise.toml says what each side of the timing line times (`[timing]`),
/// exactly when reference.out has one (`TimedWork::check`, the rule build.rs
/// also applies), so the page can say what it compares and print a ratio
/// only for the same work.
pub fn check_timed_work(slug: &str, c: &Content, out: &str) -> Vec<String> {
    // A malformed or doubled line is check_timing_line's to report.
    let line = CpythonTiming::find(out).ok().flatten();
    match TimedWork::check(c.timing.as_ref(), line.as_ref()) {
        Ok(()) => Vec::new(),
        Err(error) => vec![problem(slug, "exercise.toml", error)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::*;
    use crate::python::compare_output;

    #[test]
    fn the_good_example_has_no_problems() {
        assert_eq!(all_problems(&good(), GOOD_OUT), Vec::<String>::new());
        assert_eq!(check_variant_ids("demo", &["naive", "two-pass", "optimized"]), Vec::<String>::new());
        assert_eq!(compare_output("demo", GOOD_OUT, GOOD_OUT), Vec::<String>::new());
    }

    #[test]
    fn empty_and_out_of_range_fields_are_reported() {
        let mut c = good();
        c.title = "  ".into();
        assert_one(check_text_fields("demo", &c), "title", "empty");
        let mut c = good();
        c.tags.clear();
        assert_one(check_text_fields("demo", &c), "tags", "at least one");
        let mut c = good();
        c.hints = vec!["a".into(); 5];
        assert_one(check_text_fields("demo", &c), "hints", "1 to 4");
        let mut c = good();
        c.hints.clear();
        assert_one(check_text_fields("demo", &c), "hints", "1 to 4");
        let mut c = good();
        c.hints.push("".into());
        assert_one(check_text_fields("demo", &c), "hints[1]", "empty");
        let mut c = good();
        c.group = GROUPS.len() as u8 + 1;
        assert_one(check_text_fields("demo", &c), "group", &format!("1 to {}", GROUPS.len()));
        c.group = 0;
        assert_one(check_text_fields("demo", &c), "group", "curriculum group");
        let mut c = good();
        c.format_version = 2;
        assert_one(check_text_fields("demo", &c), "format_version", "set it to 1");
        assert!(Content::parse(&GOOD.replace("format_version = 1", "format_version = 2")).is_err());
        assert!(Content::parse(&GOOD.replace("\"Medium\"", "\"Moderate\"")).is_err(), "difficulty must parse");
    }

    #[test]
    fn a_prediction_may_name_the_interpreters_where_it_differs() {
        assert_eq!(good().predict[0].differs, None, "absent when every interpreter prints the key");
        let named = GOOD.replacen("\n\n[timing]", "\ndiffers = [[\"cpython-3.8\", \"Why.\"]]\n\n[timing]", 1);
        let c = Content::parse(&named).expect("a prediction with differs parses");
        let differs = c.predict[0].differs.as_ref().expect("differs is read");
        assert_eq!(differs[0], ("cpython-3.8".to_string(), "Why.".to_string()));
        let wrong = GOOD.replacen("\n\n[timing]", "\ndiffers = [\"cpython-3.8\"]\n\n[timing]", 1);
        assert!(Content::parse(&wrong).is_err(), "differs names an interpreter and says why, not a bare name");
    }

    const N: ParamSpec = ParamSpec { name: "n", label: "items", default: 10, min: 1, max: 100 };

    #[test]
    fn bad_params_are_reported() {
        assert_eq!(check_params("demo", &[N]), Vec::<String>::new());
        assert_one(check_params("demo", &[ParamSpec { default: 101, ..N }]), "params.n", "min <= default <= max");
        assert_one(check_params("demo", &[ParamSpec { min: 11, ..N }]), "params.n", "min <= default <= max");
        assert_one(check_params("demo", &[N, N]), "params.n", "twice");
        let bad_name = ParamSpec { name: "Chunk-Size", ..N };
        assert_one(check_params("demo", &[bad_name]), "params.Chunk-Size", "lowercase identifier");
        assert_one(check_params("demo", &[ParamSpec { label: " ", ..N }]), "params.n", "label is empty");
    }

    #[test]
    fn a_skewed_answer_key_is_reported() {
        let spread = [(0, 3), (1, 3), (2, 3), (1, 4), (3, 4)];
        assert_eq!(check_quiz_spread(&spread), Vec::<String>::new());
        let skewed = [(1, 3), (1, 3), (1, 4), (0, 4), (2, 3)];
        let problems = check_quiz_spread(&skewed);
        assert!(problems.len() == 1 && problems[0].contains("choice 1") && problems[0].contains("60%"), "{problems:?}");
        assert_eq!(check_quiz_spread(&[]), Vec::<String>::new());
    }

    #[test]
    fn bad_quizzes_are_reported() {
        let mut c = good();
        c.quiz[0].choices.truncate(1);
        c.quiz[0].answer = 0;
        assert_one(check_quiz("demo", &c), "quiz[0]", "at least 2");
        let mut c = good();
        c.quiz[0].answer = 2;
        assert_one(check_quiz("demo", &c), "quiz[0]", "numbered 0 to 1");
        let mut c = good();
        c.quiz[0].why = " ".into();
        assert_one(check_quiz("demo", &c), "quiz[0]", "why");
    }

    #[test]
    fn every_prediction_says_why() {
        assert!(check_predictions("demo", &good()).is_empty());
        let mut c = good();
        c.predict[0].why = " ".into();
        assert_one(check_predictions("demo", &c), "predict", "`why` is empty");
        let mut c = good();
        c.predict[0].why = "No full stop".into();
        assert_one(check_predictions("demo", &c), "predict", "full stop");
        let mut c = good();
        c.predict[0].why = format!("{}.", "x".repeat(PREDICTION_WHY_MAX_CHARS));
        assert_one(check_predictions("demo", &c), "predict", "at most");
        let missing = GOOD.replace("why = \"An empty tuple", "because = \"An empty tuple");
        assert!(Content::parse(&missing).is_err(), "a prediction without `why` does not parse");
    }

    #[test]
    fn calculator_help_goes_with_a_calculator() {
        let mut c = good();
        assert!(check_calculator_help("x", &c, false).is_empty());
        assert_eq!(check_calculator_help("x", &c, true).len(), 1);
        c.calculator_help = "Type field types.".into();
        assert!(check_calculator_help("x", &c, true).is_empty());
        assert_eq!(check_calculator_help("x", &c, false).len(), 1);
    }

    #[test]
    fn bad_variant_ids_are_reported() {
        assert_one(check_variant_ids("demo", &["baseline", "optimized"]), "variants", "`naive`");
        assert_one(check_variant_ids("demo", &["naive", "fast"]), "variants", "`optimized`");
        assert_one(check_variant_ids("demo", &["naive", "Two_Pass", "optimized"]), "variants", "kebab");
        assert_one(check_variant_ids("demo", &["naive", "optimized", "optimized"]), "variants", "twice");
        assert!(!check_variant_ids("demo", &["naive"]).is_empty(), "one variant is not a comparison");
    }

    #[test]
    fn every_step_has_a_check_and_every_check_a_step() {
        let task = "Do this.\n\n1. Write it.\n2. Measure it.\n";
        let both = "@check(\"written\", step=1)\n@check(\"measured\", step=2)\n@check(\"also\", step=2)\n";
        assert_eq!(check_steps("demo", task, both), Vec::<String>::new());
        assert_one(check_steps("demo", task, "@check(\"written\", step=1)\n"), "check.py", "step 2");
        assert_one(
            check_steps("demo", task, "@check(\"written\", step=1)\n@check(\"measured\", step=2)\n@check(\"x\")\n"),
            "check.py",
            "names no step",
        );
        let too_far = "@check(\"written\", step=1)\n@check(\"measured\", step=2)\n@check(\"x\", step=3)\n";
        assert_one(check_steps("demo", task, too_far), "check.py", "does not have");
        assert_one(
            check_steps("demo", "1. One.\n3. Three.\n", "@check(\"a\", step=1)\n@check(\"b\", step=3)\n"),
            "task",
            "step 2 is due",
        );
        assert_one(check_steps("demo", "No steps.\n", ""), "task", "no numbered steps");
        assert_one(check_steps("demo", task, "@check(NAME)\n"), "check.py", "line 1");
    }

    #[test]
    fn registry_mismatches_and_missing_files_are_reported() {
        let folders = vec!["a".to_string(), "b-c".to_string()];
        assert_eq!(check_registry(&folders, &["a", "b-c"]), Vec::<String>::new());
        let unregistered = check_registry(&folders, &["a"]);
        assert!(unregistered.len() == 1 && unregistered[0].contains("[b-c]") && unregistered[0].contains("add `b_c`"));
        let no_folder = check_registry(&folders, &["a", "b-c", "d"]);
        assert!(no_folder.len() == 1 && no_folder[0].contains("exercises/d/ does not exist"));
        let twice = check_registry(&folders, &["a", "a", "b-c"]);
        assert!(twice.len() == 1 && twice[0].contains("twice"));

        assert_eq!(check_files("demo", &["reference.py", "reference.out", "check.py"]), Vec::<String>::new());
        assert_one(check_files("demo", &["reference.py", "reference.out"]), "check.py", "does not exist");
        assert_eq!(check_files("demo", &[]).len(), REQUIRED_FILES.len());
    }

    #[test]
    fn timing_lines_parse_as_the_regex_says() {
        let line =
            "timing: variant two-pass at n=500000, chunk_size=64: 18234.5 us per call, best of 5 (tracemalloc off)";
        let params = vec![("n".to_string(), 500_000), ("chunk_size".to_string(), 64)];
        let timing = |variant: &str, params, micros, best_of| CpythonTiming {
            variant: variant.to_string(),
            params,
            micros,
            best_of,
        };
        assert_eq!(CpythonTiming::parse(line), Some(timing("two-pass", params, 18234.5, 5)));
        let one = "timing: variant optimized at n=1: 0.0 us per call, best of 12 (tracemalloc off)";
        assert_eq!(CpythonTiming::parse(one), Some(timing("optimized", vec![("n".to_string(), 1)], 0.0, 12)));
        for broken in [
            "timing: variant optimized at n=10: 12.50 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=10: 12 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=10: 1,234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=10,000: 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=10,m=2: 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=-1: 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at N=10: 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at : 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant Optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant two_pass at n=10: 12.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off) ",
            "timing: variant optimized at n=10: 12.5 us per call, best of five (tracemalloc off)",
            "timing: variant optimized at n=10: 12.5 us per call, best of 5",
            "timing: optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)",
            "tuple is smaller: True",
        ] {
            assert_eq!(CpythonTiming::parse(broken), None, "{broken}");
        }
    }

    #[test]
    fn the_timing_line_is_checked() {
        let check = |out: &str| check_timing_line("demo", out, &GOOD_VARIANTS, &GOOD_PARAMS);
        assert_eq!(check(GOOD_OUT), Vec::<String>::new());
        let timing = "timing: variant optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)\n";
        assert_one(check(&GOOD_OUT.replace(timing, "")), "reference.out", "no timing line");
        assert_one(check(&format!("{timing}{GOOD_OUT}")), "reference.out", "2 timing lines (lines 1, 5)");
        assert_one(check(&GOOD_OUT.replace("12.5 us", "12.50 us")), "line 4", "is not of the form");
        let last = format!("{}{timing}", GOOD_OUT.replace(timing, ""));
        assert_one(check(&last), "line 5", "is the last line");
        assert_one(check(&GOOD_OUT.replace("variant optimized", "variant fast")), "line 4", "`fast`");
        assert_one(check(&GOOD_OUT.replace("n=10", "n=101")), "line 4", "n=101, outside the declared 1..=100");
        assert_one(check(&GOOD_OUT.replace("n=10", "n=0")), "line 4", "n=0, outside");
        assert_eq!(check(&GOOD_OUT.replace("n=10", "n=100")), Vec::<String>::new(), "max is allowed");
        assert_one(check(&GOOD_OUT.replace("12.5 us", "0.0 us")), "line 4", "is no time");
        assert_one(check(&GOOD_OUT.replace("best of 5", "best of 3")), "line 4", "fewer than 5");
        assert_one(check(&GOOD_OUT.replace("n=10", "n=10, n=10")), "line 4", "more than once");
        assert_one(
            check(&GOOD_OUT.replace("n=10", "n=10, m=3")),
            "line 4",
            "`m`, which the Rust spec does not declare",
        );
        let undeclared = check(&GOOD_OUT.replace("n=10", "m=3"));
        assert_eq!(undeclared.len(), 2, "{undeclared:#?}");
        assert!(undeclared[0].contains("does not give the parameter `n`") && undeclared[1].contains("`m`"));
    }

    #[test]
    fn the_timed_work_goes_with_the_timing_line() {
        let c = good();
        assert_eq!(check_timed_work("demo", &c, GOOD_OUT), Vec::<String>::new());
        let timing = "timing: variant optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)\n";
        let untimed = GOOD_OUT.replace(timing, "");
        assert_one(check_timed_work("demo", &c, &untimed), "exercise.toml", "reference.out has no timing line");
        let no_table = Content { timing: None, ..good() };
        assert_one(check_timed_work("demo", &no_table, GOOD_OUT), "exercise.toml", "no [timing] table");
        assert_eq!(check_timed_work("demo", &no_table, &untimed), Vec::<String>::new());
        let differs = |why: &str| {
            let mut c = good();
            c.timing.as_mut().unwrap().differs = Some(why.to_string());
            check_timed_work("demo", &c, GOOD_OUT)
        };
        assert_eq!(differs("The Rust variant also builds its input."), Vec::<String>::new());
        assert_one(differs("Two. Sentences."), "exercise.toml", "one sentence");
        assert_one(differs("no full stop"), "exercise.toml", "full stop");
        let mut empty = good();
        empty.timing.as_mut().unwrap().python = String::new();
        assert_one(check_timed_work("demo", &empty, GOOD_OUT), "exercise.toml", "python is empty");
        // A table without a required phrase does not parse at all.
        let toml = GOOD.replace("python = \"builds n tuples\"\n", "");
        assert!(Content::parse(&toml).unwrap_err().contains("python"), "the message names the missing key");
    }

    #[test]
    fn recorded_output_rules_are_enforced() {
        let c = good();
        let no_header = GOOD_OUT.replacen("CPython 3.11.7, 64-bit", "Python 3.11.7", 1);
        assert_one(check_recorded_output("demo", &c, &no_header), "reference.out", "first line");
        let other_version = GOOD_OUT.replacen("3.11.7", "3.12.1", 1);
        assert_one(check_recorded_output("demo", &c, &other_version), "reference.out", "CPython 3.11");
        let thirty_two = GOOD_OUT.replacen("64-bit", "32-bit", 1);
        assert_one(check_recorded_output("demo", &c, &thirty_two), "reference.out", "64-bit");
        let other_last = format!("{GOOD_OUT}done\n");
        assert_one(check_recorded_output("demo", &c, &other_last), "expected_output", "\"done\"");
        let wrong_prediction = GOOD_OUT.replace("[]): True", "[]): False");
        assert_one(check_recorded_output("demo", &c, &wrong_prediction), "predict", "answer = true");
        let no_prediction = GOOD_OUT.replace("sys.getsizeof(()) < sys.getsizeof([]): True\n", "");
        assert_one(check_recorded_output("demo", &c, &no_prediction), "predict", "has no line");
    }
}
