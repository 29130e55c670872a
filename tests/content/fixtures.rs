//! A well-formed exercise and its output, and helpers, for the rules' own tests.

use heapwise::content::Content;
use heapwise::exercise::ParamSpec;

use crate::figures::check_figures;
use crate::rules::{
    check_predictions, check_quiz, check_recorded_output, check_text_fields, check_timed_work, check_timing_line,
};

pub const GOOD: &str = r##"
format_version = 1
title = "Tuples vs lists"
origin = ["O9"]
difficulty = "Medium"
tags = ["tuples"]
group = 2
summary = "Compare a tuple with a list."
expected_output = "tuple is smaller: True"
task = "Print the sizes."
starter = "# TODO"
hints = ["Use sys.getsizeof."]
solution = "A tuple of 3 items is 48 bytes."
explanation = """
Measured here: the list is 1,024 bytes and the tuple 48 bytes.

The course quotes 9,999 bytes for the list.
"""
rust_notes = "Two vectors."

[[quiz]]
question = "Which is smaller?"
choices = ["tuple", "list"]
answer = 0
why = "No spare room."

[[predict]]
statement = "sys.getsizeof(()) < sys.getsizeof([])"
answer = true
why = "An empty tuple has no room to grow; an empty list keeps a pointer to its items and a capacity."

[timing]
rust = "builds n tuples"
python = "builds n tuples"
"##;

pub const GOOD_OUT: &str = "CPython 3.11.7, 64-bit\n\
        tuple: 48 bytes, list: 1,024 bytes\n\
        sys.getsizeof(()) < sys.getsizeof([]): True\n\
        timing: variant optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)\n\
        tuple is smaller: True\n";

/// The good example's Rust side: its variant ids and its one parameter.
pub const GOOD_VARIANTS: [&str; 2] = ["naive", "optimized"];
pub const GOOD_PARAMS: [ParamSpec; 1] = [ParamSpec { name: "n", label: "items", default: 10, min: 1, max: 100 }];

pub fn good() -> Content {
    Content::parse(GOOD).expect("the good example parses")
}

pub fn all_problems(c: &Content, out: &str) -> Vec<String> {
    let mut all = check_text_fields("demo", c);
    all.extend(check_quiz("demo", c));
    all.extend(check_predictions("demo", c));
    all.extend(check_recorded_output("demo", c, out));
    all.extend(check_figures("demo", c, out));
    all.extend(check_timing_line("demo", out, &GOOD_VARIANTS, &GOOD_PARAMS));
    all.extend(check_timed_work("demo", c, out));
    all
}

/// Asserts exactly one problem, mentioning the exercise, `field` and `hint`.
pub fn assert_one(problems: Vec<String>, field: &str, hint: &str) {
    assert_eq!(problems.len(), 1, "expected one problem about {field}, got {problems:#?}");
    let p = &problems[0];
    assert!(p.contains("[demo]") && p.contains(field) && p.contains(hint), "unhelpful message: {p}");
}
