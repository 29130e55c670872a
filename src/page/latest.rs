//! Which run the panel still wants: the latest of each kind. A run
//! replaced by another of its kind, or outliving the panel, tells the
//! panel nothing more (`ui::python::runs::start`).

use std::cell::Cell;
use std::rc::Rc;

/// A run's kind: the student's program, or the reference program profiled
/// for comparison. Each kind's latest run is the one the panel wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    Student,
    Reference,
}

/// Whether each kind's latest run is still wanted: a run's callbacks hold
/// its flag and tell the panel nothing once it is false (another run of
/// its kind took its place, or the panel went).
#[derive(Debug, Default)]
pub struct Latest([Option<Rc<Cell<bool>>>; 2]);

impl Latest {
    /// A new run of `kind`: the one before it of that kind is no longer wanted.
    pub fn next(&mut self, kind: RunKind) -> Rc<Cell<bool>> {
        let wanted = Rc::new(Cell::new(true));
        if let Some(before) = self.0[kind as usize].replace(wanted.clone()) {
            before.set(false);
        }
        wanted
    }

    /// No run is wanted any more (the panel is going).
    pub fn forget(&mut self) {
        for wanted in self.0.iter_mut().filter_map(Option::take) {
            wanted.set(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_run_replaces_only_the_one_before_it_of_its_kind() {
        let mut latest = Latest::default();
        let first = latest.next(RunKind::Student);
        let reference = latest.next(RunKind::Reference);
        assert!(first.get() && reference.get());
        let second = latest.next(RunKind::Student);
        assert!(!first.get(), "the first run is no longer wanted");
        assert!(second.get() && reference.get(), "the new run and the other kind's are");
    }

    #[test]
    fn forgetting_wants_no_run_and_the_next_one_is_wanted_again() {
        let mut latest = Latest::default();
        let student = latest.next(RunKind::Student);
        let reference = latest.next(RunKind::Reference);
        latest.forget();
        assert!(!student.get() && !reference.get());
        assert!(latest.next(RunKind::Student).get());
    }
}
