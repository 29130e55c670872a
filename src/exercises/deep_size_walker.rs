//! deep-size-walker: adding up everything a graph of `Rc` nodes owns,
//! without and with a set of the nodes already counted.
//!
//! The graph mirrors the Python program's directory of users: a root node
//! lists `users` user nodes; each user has a profile of its own and a link to
//! one team node that every user shares. Then the team links back to the
//! root, which closes a cycle. Nodes are `Rc<Node>`, the Rust stand-in for
//! Python objects: several owners, a reference count in front of each.
//!
//! Both walkers go depth first and keep their path on an explicit stack in
//! a `Vec` (a recursive function would use the call stack, which the
//! allocator cannot see; Python's recursion uses frames, which it can).
//!
//! - `ForgetfulWalker` counts every node it reaches. The shared team is
//!   counted once per user. Once the cycle is closed, the walk goes round
//!   it for ever: root, user, team, root... each lap three frames deeper. It
//!   gives up at `MAX_DEPTH` frames, the same number as Python's default
//!   recursion limit, and says so in its report.
//! - `SeenSetWalker` keeps the address of every node it has counted in a
//!   `HashSet` and skips a node it has seen: each node is counted once, and
//!   the walk ends, cycle or not. Its report matches the allocator's
//!   figure for the graph byte for byte (see the tests).
//!
//! The chart compares what the two walkers report for the same graph
//! before the cycle is closed, where both finish: the seen-set walker's
//! total is the allocator's figure for the graph, the forgetful walker's is
//! larger by one team node per extra user. That is the comparison that
//! holds: on memory the seen-set costs more, not less (a word per node plus
//! the table's spare room), which the figures table shows. On the cycle the
//! forgetful walker has no answer at all; the page tells that in visits (it
//! stops at the limit), not in bytes.
//!
//! Rust has no cycle collector: a cycle of `Rc`s is never freed. `Graph`'s
//! `Drop` takes the back link out first, so everything is freed at the end.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::mem::size_of;
use std::rc::Rc;

use crate::exercise::{ExerciseSpec, Metric, ParamSpec, Params, Probe, Variant};

/// The deepest the forgetful walker goes: Python's default recursion limit.
pub const MAX_DEPTH: usize = 1_000;

/// One object of the graph.
pub struct Node {
    pub value: u64,
    pub label: Box<str>,
    pub children: RefCell<Vec<Rc<Node>>>,
}

/// Bytes of the single block `Rc::new` allocates for a node: the strong and
/// weak counts, then the node.
pub fn rc_block_bytes() -> usize {
    let counts = Layout::new::<[Cell<usize>; 2]>();
    let (block, _) = counts.extend(Layout::new::<Node>()).expect("a small layout");
    block.pad_to_align().size()
}

/// The heap bytes one node owns itself, not following its children: its
/// `Rc` block, its label's bytes and its list of children.
pub fn own_bytes(node: &Node) -> usize {
    rc_block_bytes() + node.label.len() + node.children.borrow().capacity() * size_of::<Rc<Node>>()
}

fn node(value: u64, label: String, children: Vec<Rc<Node>>) -> Rc<Node> {
    // A boxed str holds exactly its bytes: no spare capacity to account for.
    Rc::new(Node { value, label: label.into_boxed_str(), children: RefCell::new(children) })
}

/// The directory of users, and what is known about it by construction.
pub struct Graph {
    pub root: Rc<Node>,
    /// The node shared by every user; it links back to the root when the
    /// cycle is closed.
    pub team: Rc<Node>,
    /// Every node's value, each added once as the node was made.
    pub value_sum: u64,
    pub node_count: usize,
}

impl Graph {
    pub fn build(users: usize) -> Graph {
        let team = node(1, String::from("team"), Vec::new());
        let mut value_sum = team.value;
        let members: Vec<Rc<Node>> = (0..users)
            .map(|u| {
                let profile = node(20_000 + u as u64, format!("profile {u}"), Vec::new());
                let user = node(10_000 + u as u64, format!("user {u}"), vec![profile.clone(), team.clone()]);
                value_sum += user.value + profile.value;
                user
            })
            .collect();
        let root = node(2, String::from("directory"), members);
        value_sum += root.value;
        Graph { root, team, value_sum, node_count: 2 + 2 * users }
    }

    /// The team links back to the directory: now every path can go round.
    pub fn close_cycle(&self) {
        self.team.children.borrow_mut().push(Rc::clone(&self.root));
    }

    /// Takes the back link out, so the reference counts can reach zero.
    pub fn open_cycle(&self) {
        drop(std::mem::take(&mut *self.team.children.borrow_mut()));
    }
}

impl Drop for Graph {
    fn drop(&mut self) {
        // Without this, a closed cycle would keep every node alive for ever.
        self.open_cycle();
    }
}

/// What a walk added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub bytes: usize,
    pub visits: usize,
    pub value_sum: u64,
    pub hit_depth_limit: bool,
}

impl Report {
    fn count(&mut self, node: &Node) {
        self.bytes += own_bytes(node);
        self.visits += 1;
        self.value_sum = self.value_sum.wrapping_add(node.value);
    }
}

/// One level of the depth-first path: a node and its next child to look at.
struct Frame {
    node: Rc<Node>,
    next_child: usize,
}

impl Frame {
    fn new(node: &Rc<Node>) -> Frame {
        Frame { node: Rc::clone(node), next_child: 0 }
    }

    fn next_child(&mut self) -> Option<Rc<Node>> {
        let child = self.node.children.borrow().get(self.next_child).cloned();
        self.next_child += 1;
        child
    }
}

/// A deep-size walker; the two variants differ only in which one they use.
pub trait Walker: Default {
    /// The checkpoint after the walk over the cycle: what the walker holds then.
    const AFTER_THE_CYCLE: &'static str;
    fn walk(&mut self, root: &Rc<Node>) -> Report;
}

/// Counts every node it reaches, as often as it reaches it.
#[derive(Default)]
pub struct ForgetfulWalker {
    stack: Vec<Frame>,
}

impl Walker for ForgetfulWalker {
    const AFTER_THE_CYCLE: &'static str = "gave up on the cycle, stack still held";

    fn walk(&mut self, root: &Rc<Node>) -> Report {
        let mut report = Report::default();
        report.count(root);
        self.stack.push(Frame::new(root));
        while let Some(top) = self.stack.last_mut() {
            match top.next_child() {
                None => {
                    self.stack.pop();
                }
                Some(_) if self.stack.len() == MAX_DEPTH => {
                    report.hit_depth_limit = true;
                    break;
                }
                Some(child) => {
                    report.count(&child);
                    self.stack.push(Frame::new(&child));
                }
            }
        }
        // Lets go of the nodes; the stack's buffer stays for the next walk.
        self.stack.clear();
        report
    }
}

/// Remembers the address of every node it has counted and skips it after.
#[derive(Default)]
pub struct SeenSetWalker {
    stack: Vec<Frame>,
    seen: HashSet<*const Node>,
}

impl Walker for SeenSetWalker {
    const AFTER_THE_CYCLE: &'static str = "cycle walked, seen-set still held";

    fn walk(&mut self, root: &Rc<Node>) -> Report {
        self.seen.clear();
        let mut report = Report::default();
        self.seen.insert(Rc::as_ptr(root));
        report.count(root);
        self.stack.push(Frame::new(root));
        while let Some(top) = self.stack.last_mut() {
            match top.next_child() {
                None => {
                    self.stack.pop();
                }
                // `insert` is false for an address already in the set.
                Some(child) if self.seen.insert(Rc::as_ptr(&child)) => {
                    report.count(&child);
                    self.stack.push(Frame::new(&child));
                }
                Some(_) => {}
            }
        }
        report
    }
}

/// What the walks found. The chart shows the size each walker reports for
/// the graph without the cycle, where both finish; the walk over the cycle
/// is told in visits, since the forgetful walker never finishes it.
fn report_to_the_page(probe: &mut Probe, graph: &Graph, no_cycle: &Report, with_cycle: &Report) {
    probe.report(no_cycle.bytes);
    probe.note("nodes in the graph", graph.node_count as i64);
    probe.note("nodes counted, no cycle", no_cycle.visits as i64);
    probe.note("nodes counted on the cycle before stopping", with_cycle.visits as i64);
    probe.note("gave up at the depth limit on the cycle (1 = yes)", with_cycle.hit_depth_limit as i64);
}

/// The workload, the same for both variants: build the graph, walk it,
/// close the cycle, walk it again. `naive` runs it with `ForgetfulWalker`,
/// `optimized` with `SeenSetWalker`.
fn walk_before_and_after_the_cycle<W: Walker>(params: &Params, probe: &mut Probe) -> u64 {
    let graph = Graph::build(params.size("users"));
    probe.mark("graph built");
    let mut walker = W::default();
    let no_cycle = walker.walk(&graph.root);
    graph.close_cycle();
    probe.mark("first walk done, cycle closed");
    let with_cycle = walker.walk(&graph.root);
    probe.mark(W::AFTER_THE_CYCLE);
    drop(walker);
    report_to_the_page(probe, &graph, &no_cycle, &with_cycle);
    graph.value_sum
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant {
            id: "naive",
            label: "no seen-set (counts shared nodes again)",
            run: walk_before_and_after_the_cycle::<ForgetfulWalker>,
        },
        Variant {
            id: "optimized",
            label: "seen-set of addresses",
            run: walk_before_and_after_the_cycle::<SeenSetWalker>,
        },
    ],
    // One user shares the team with nobody: both walkers would agree.
    params: &[ParamSpec { name: "users", label: "users in the directory", default: 10, min: 2, max: 200 }],
    metric: Metric::ReportedBytes,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::measure;

    const WORD: usize = size_of::<usize>();

    /// Builds the graph under measurement: (graph, bytes it holds).
    fn measured_graph(users: usize) -> (Graph, usize) {
        let (graph, m) = measure(|| Graph::build(users));
        (graph, m.retained_bytes as usize)
    }

    /// The graph's bytes worked out from the layout alone.
    fn graph_bytes_by_hand(users: usize) -> usize {
        let per_user: usize = (0..users).map(|u| format!("profile {u}").len() + format!("user {u}").len()).sum();
        let labels = "team".len() + "directory".len() + per_user;
        let child_lists = users * WORD + users * 2 * WORD; // the root's list, each user's pair
        (2 + 2 * users) * rc_block_bytes() + labels + child_lists
    }

    #[test]
    fn an_rc_block_is_two_counts_and_the_node() {
        let node_bytes = size_of::<Node>();
        assert_eq!(node_bytes % 8, 0);
        assert_eq!(rc_block_bytes(), (2 * WORD).next_multiple_of(8) + node_bytes);
        let (_, m) = measure(|| node(0, String::new(), Vec::new()));
        assert_eq!(m.allocated_bytes as usize, rc_block_bytes());
    }

    #[test]
    fn the_seen_set_walker_reports_exactly_what_the_allocator_holds() {
        for users in [1, 10, 200] {
            let (graph, bytes) = measured_graph(users);
            assert_eq!(bytes, graph_bytes_by_hand(users));
            let report = SeenSetWalker::default().walk(&graph.root);
            assert_eq!(report.bytes, bytes);
            assert_eq!((report.visits, report.value_sum), (graph.node_count, graph.value_sum));

            let (_, m) = measure(|| graph.close_cycle());
            let with_cycle = SeenSetWalker::default().walk(&graph.root);
            assert_eq!(with_cycle.bytes, bytes + m.retained_bytes as usize);
            assert_eq!(m.retained_bytes as usize, 4 * size_of::<Rc<Node>>(), "the team's list got room for four");
            assert_eq!(with_cycle.visits, graph.node_count);
            assert!(!with_cycle.hit_depth_limit);
        }
    }

    #[test]
    fn the_forgetful_walker_counts_the_shared_team_once_per_user() {
        let users = 10;
        let (graph, bytes) = measured_graph(users);
        let report = ForgetfulWalker::default().walk(&graph.root);
        assert_eq!(report.bytes, bytes + (users - 1) * own_bytes(&graph.team));
        assert_eq!(report.visits, graph.node_count + users - 1);
        assert!(!report.hit_depth_limit);
    }

    #[test]
    fn on_the_cycle_the_forgetful_walker_gives_up_at_the_limit() {
        let graph = Graph::build(10);
        graph.close_cycle();
        let mut walker = ForgetfulWalker::default();
        let report = walker.walk(&graph.root);
        assert!(report.hit_depth_limit);
        // Every lap visits root, user 0, its profile and the team, and goes
        // three frames deeper (the profile is a dead end): 333 laps, then the
        // root once more at depth 1,000.
        assert_eq!(report.visits, 4 * (MAX_DEPTH / 3) + 1);
        assert_eq!(walker.stack.capacity(), MAX_DEPTH.next_power_of_two());
    }

    #[test]
    fn every_node_is_freed_even_after_the_cycle() {
        let (_, m) = measure(|| {
            let graph = Graph::build(50);
            graph.close_cycle();
            SeenSetWalker::default().walk(&graph.root)
        });
        assert_eq!(m.retained_bytes, 0);
    }

    #[test]
    fn the_forgetful_stack_at_the_limit_is_exact() {
        let users = 10u64;
        let p = [("users", users)];
        let naive = SPEC.run_at(0, &p);
        let graph = graph_bytes_by_hand(users as usize);
        let back_link = 4 * WORD;
        let stack = MAX_DEPTH.next_power_of_two() * size_of::<Frame>();
        assert_eq!(size_of::<Frame>(), 2 * WORD);
        assert_eq!(naive.measurement.peak_bytes as usize, graph + back_link + stack);
        assert_eq!(naive.marks[2].live_bytes as usize, graph + back_link + stack);
        assert_eq!(naive.measurement.retained_bytes, 0);

        let seen = SPEC.run_at(1, &p);
        assert!(seen.measurement.peak_bytes < naive.measurement.peak_bytes);
        assert_eq!(seen.marks[0].live_bytes as usize, graph);
        assert_eq!(seen.measurement.retained_bytes, 0);
        assert_eq!(seen.checksum, naive.checksum);
        assert_eq!(seen.checksum, 1 + 2 + (0..users).map(|u| 30_000 + 2 * u).sum::<u64>());
    }

    #[test]
    fn the_chart_shows_each_walkers_reported_size() {
        for users in [2usize, 10, 200] {
            let params = [("users", users as u64)];
            let note = |run: &crate::outcome::VariantRun, label: &str| {
                run.notes.iter().find(|n| n.label == label).map(|n| n.value).expect("note recorded")
            };
            let naive = SPEC.run_at(0, &params);
            let optimized = SPEC.run_at(1, &params);
            let graph = graph_bytes_by_hand(users);
            // Without the cycle both finish. The seen-set walker reports the
            // allocator's figure for the graph, the mark taken after building it.
            assert_eq!(Metric::ReportedBytes.of(&optimized), graph as i64);
            assert_eq!(optimized.marks[0].live_bytes as usize, graph);
            // The forgetful one adds the team (its Rc block and its 4-byte
            // label, no children yet) once more for every user after the first.
            let team = rc_block_bytes() + "team".len();
            assert_eq!(Metric::ReportedBytes.of(&naive), (graph + (users - 1) * team) as i64);
            assert_eq!(note(&optimized, "nodes counted, no cycle"), (2 + 2 * users) as i64);
            assert_eq!(note(&naive, "nodes counted, no cycle"), (2 + 2 * users + users - 1) as i64);
            // The cycle is told in visits, not bytes: the forgetful walker
            // stops only because of the limit.
            assert_eq!(note(&naive, "nodes counted on the cycle before stopping"), (4 * (MAX_DEPTH / 3) + 1) as i64);
            assert_eq!(note(&naive, "gave up at the depth limit on the cycle (1 = yes)"), 1);
            assert_eq!(note(&optimized, "nodes counted on the cycle before stopping"), (2 + 2 * users) as i64);
            assert_eq!(note(&optimized, "gave up at the depth limit on the cycle (1 = yes)"), 0);
        }
    }
}
