//! The exercise page's reducer (`heapwise::page::exercise`), natively: what
//! a link opens, inputs checked once per change, a run's answer taken only
//! while the page waits for it, predictions committed by a run only when
//! some are answered and never changed once committed, a quiz answer kept
//! as first given, hints counted up to the last one, an opened results
//! file's values put into the form. The results are real runs of the
//! exercise's Rust variants (`heapwise::run::execute`).

use std::rc::Rc;

use heapwise::content::Content;
use heapwise::exercises;
use heapwise::link;
use heapwise::page::exercise::{Action, PageState, Status};
use heapwise::page::progress::ExerciseProgress;

const SLUG: &str = "slots-vs-dict";

fn content() -> Rc<Content> {
    let text = std::fs::read_to_string(format!("{}/exercises/{SLUG}/exercise.toml", env!("CARGO_MANIFEST_DIR")))
        .expect("the exercise's text is there");
    Rc::new(Content::parse(&text).expect("it parses"))
}

fn opened(query: &str) -> PageState {
    let specs = exercises::find(SLUG).expect("registered").spec.params;
    PageState::new(content(), specs, &link::read(specs, query), None, ExerciseProgress::default())
}

fn reduce(mut state: PageState, action: Action) -> PageState {
    assert!(state.update(action), "the action was taken");
    state
}

fn first_param(state: &PageState) -> String {
    state.specs[0].name.to_string()
}

#[test]
fn a_link_opens_with_its_values_and_nothing_run() {
    let specs = exercises::find(SLUG).unwrap().spec.params;
    let name = first_param(&opened(""));
    let wanted = specs[0].min.max(1) + 1;
    let state = opened(&format!("?{name}={wanted}"));
    assert_eq!(state.status, Status::Idle);
    assert_eq!(state.result, None);
    assert_eq!(state.inputs[0], (name.clone(), wanted.to_string()));
    assert_eq!(state.params.as_ref().unwrap().get(&name), wanted);
    assert!(!state.solution_open && !state.explanation_open && !state.present);
}

#[test]
fn a_page_opened_with_a_kept_result_shows_it_as_restored() {
    let base = opened("");
    let params = base.params.clone().unwrap();
    let result = Rc::new(heapwise::run::execute(SLUG, &params).expect("the variants run"));
    let specs = base.specs;
    let state =
        PageState::new(content(), specs, &link::read(specs, ""), Some(result.clone()), ExerciseProgress::default());
    assert_eq!(state.status, Status::Restored);
    assert_eq!(state.result.as_deref(), Some(&*result));
}

#[test]
fn inputs_are_checked_once_per_change_and_say_which_is_out_of_bounds() {
    let state = opened("");
    let name = first_param(&state);
    let max = state.specs[0].max;
    let state = reduce(state, Action::Input((name.clone(), (max + 1).to_string())));
    let errors = state.params.clone().expect_err("above the bound");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, name);
    let state = reduce(state, Action::Input((name.clone(), "12".into())));
    assert_eq!(state.params.unwrap().get(&name), 12);
    // An input the exercise does not declare changes nothing.
    let before = opened("");
    let after = reduce(before.clone(), Action::Input(("no-such-input".into(), "5".into())));
    assert_eq!(after.inputs, before.inputs);
}

#[test]
fn a_runs_answer_is_taken_only_while_the_page_waits_for_it() {
    let state = opened("");
    let params = state.params.clone().unwrap();
    let result = Rc::new(heapwise::run::execute(SLUG, &params).unwrap());
    // Not waiting: the answer is not taken, and the page need not be drawn again.
    let mut idle = state.clone();
    assert!(!idle.update(Action::Finished(Ok(result.clone()))));
    assert_eq!(idle.status, Status::Idle);
    assert_eq!(idle.result, None);
    // Waiting: the answer is the result, and the run is counted.
    let running = reduce(state, Action::Started);
    assert_eq!(running.status, Status::Running);
    let done = reduce(running.clone(), Action::Finished(Ok(result.clone())));
    assert_eq!(done.status, Status::Done);
    assert_eq!(done.result.as_deref(), Some(&*result));
    assert_eq!(done.progress.runs, 1);
    let failed = reduce(running, Action::Finished(Err("out of memory".into())));
    assert_eq!(failed.status, Status::Failed("out of memory".into()));
    assert_eq!(failed.progress.runs, 0);
}

#[test]
fn a_run_commits_the_predictions_only_when_some_are_answered() {
    let count = content().predict.len();
    assert!(count >= 2, "{SLUG} has predictions");
    let state = reduce(opened(""), Action::Started);
    assert!(!state.progress.predictions_locked, "none answered: a run=1 link reveals nothing");
    let state = reduce(opened(""), Action::Predict((1, true)));
    assert_eq!(state.progress.predictions.len(), count);
    assert_eq!(state.progress.predictions[1], Some(true));
    let state = reduce(state, Action::Started);
    assert!(state.progress.predictions_locked);
    // Committed answers stay as they were.
    let state = reduce(state, Action::Predict((1, false)));
    assert_eq!(state.progress.predictions[1], Some(true));
    // An index past the last statement is ignored.
    let state = reduce(opened(""), Action::Predict((count + 3, true)));
    assert!(state.progress.predictions.iter().all(Option::is_none));
}

#[test]
fn quiz_answers_are_kept_as_first_given_and_hints_stop_at_the_last() {
    let c = content();
    let state = reduce(opened(""), Action::Answer((0, 1)));
    let state = reduce(state, Action::Answer((0, 0)));
    assert_eq!(state.progress.quiz[0], Some(1), "the first answer stands");
    let state = reduce(state, Action::Answer((c.quiz.len() + 5, 0)));
    assert_eq!(state.progress.quiz.len(), c.quiz.len());
    let mut state = opened("");
    for _ in 0..c.hints.len() + 3 {
        state = reduce(state, Action::RevealHint);
    }
    assert_eq!(state.progress.hints_shown, c.hints.len());
}

#[test]
fn the_solution_counts_as_seen_once_opened_and_the_explanation_opens_from_the_score() {
    let state = reduce(opened(""), Action::ToggleSolution);
    assert!(state.solution_open && state.progress.solution_seen);
    let state = reduce(state, Action::ToggleSolution);
    assert!(!state.solution_open && state.progress.solution_seen, "seen stays");
    let state = reduce(state, Action::OpenExplanation);
    let state = reduce(state, Action::OpenExplanation);
    assert!(state.explanation_open, "opening twice leaves it open");
    let state = reduce(state, Action::ToggleExplanation);
    assert!(!state.explanation_open);
}

#[test]
fn an_opened_results_file_puts_its_values_in_the_form() {
    let state = opened("");
    let name = first_param(&state);
    let mut params = state.params.clone().unwrap();
    params.0[0].1 = 37;
    let result = Rc::new(heapwise::run::execute(SLUG, &params).unwrap());
    let running = reduce(state, Action::Started);
    let opened_file = reduce(running, Action::Opened(result.clone()));
    assert_eq!(opened_file.status, Status::Opened);
    assert_eq!(opened_file.inputs[0], (name.clone(), "37".into()));
    assert_eq!(opened_file.params.as_ref().unwrap().get(&name), 37);
    // The run that was under way is no longer waited for.
    let mut later = opened_file.clone();
    assert!(!later.update(Action::Finished(Err("late".into()))));
    assert_eq!(later.status, Status::Opened);
}
