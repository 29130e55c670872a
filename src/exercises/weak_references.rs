//! weak-references: a tree whose children point back at their parent, with
//! strong back-pointers (a cycle for every child) or weak ones.
//!
//! Rust has reference counting (`Rc`) like CPython, and no cycle collector
//! at all. In Python, a tree with strong parent links survives `del root`
//! until the cyclic collector runs; in Rust the same tree built from `Rc`
//! survives for good. Every child holds its parent's count above zero and
//! the parent holds its children, so no count ever reaches zero, and no
//! part of the program will look for the cycle. The `naive` variant leaks
//! its tree every time it runs, for as long as the process (here: the
//! page's worker) lives; the bytes retained when it returns prove it.
//!
//! `optimized` stores the parent link as a `Weak`, the Rust counterpart of
//! `weakref.ref`: it can be upgraded to an `Rc` while the parent lives and
//! does not count towards keeping it. Dropping the root frees its children
//! Vec, each child's count falls to zero, and the whole tree goes at once,
//! by reference counting alone: 0 bytes retained.
//!
//! Both variants use the parent links: the checksum is the sum of every
//! node's depth, found by walking up to the root. Both keep a `Weak` to the
//! root as a probe, to look after dropping the root:
//!
//! - `naive`: the probe still upgrades, and walking from it finds every node
//!   alive ("nodes still alive after dropping the root").
//! - `optimized`: the probe no longer upgrades; but while it exists the
//!   root's *allocation* (counts and fields, not its children Vec) stays.
//!   A Python weak reference never keeps any memory of its object. Rust's
//!   `Weak` keeps the block until the last `Weak` goes, which the mark
//!   between the two drops shows. There is no callback either: a map of
//!   `Weak`s keeps its dead entries until something prunes them (with
//!   `Weak::strong_count() == 0`), unlike a `WeakValueDictionary`.
//!
//! The metric is the bytes retained after the run: lower is better.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::exercise::{ExerciseSpec, Metric, ParamSpec, Params, Probe, Variant};

/// A node whose parent link is a strong `Rc`: every child keeps its parent.
pub struct StrongNode {
    parent: RefCell<Option<Rc<StrongNode>>>,
    children: RefCell<Vec<Rc<StrongNode>>>,
}

/// The same node with a `Weak` parent link, which keeps nothing alive.
pub struct WeakNode {
    parent: RefCell<Weak<WeakNode>>,
    children: RefCell<Vec<Rc<WeakNode>>>,
}

/// What the walks need from either kind of node.
trait TreeNode: Sized {
    fn new_child_of(parent: Option<&Rc<Self>>, child_slots: usize) -> Rc<Self>;
    fn parent(&self) -> Option<Rc<Self>>;
    fn children(&self) -> Vec<Rc<Self>>;
}

impl TreeNode for StrongNode {
    fn new_child_of(parent: Option<&Rc<Self>>, child_slots: usize) -> Rc<Self> {
        let node = Rc::new(StrongNode {
            parent: RefCell::new(parent.cloned()),
            children: RefCell::new(Vec::with_capacity(child_slots)),
        });
        if let Some(parent) = parent {
            parent.children.borrow_mut().push(Rc::clone(&node));
        }
        node
    }

    fn parent(&self) -> Option<Rc<Self>> {
        self.parent.borrow().clone()
    }

    fn children(&self) -> Vec<Rc<Self>> {
        self.children.borrow().clone()
    }
}

impl TreeNode for WeakNode {
    fn new_child_of(parent: Option<&Rc<Self>>, child_slots: usize) -> Rc<Self> {
        let node = Rc::new(WeakNode {
            parent: RefCell::new(parent.map(Rc::downgrade).unwrap_or_default()),
            children: RefCell::new(Vec::with_capacity(child_slots)),
        });
        if let Some(parent) = parent {
            parent.children.borrow_mut().push(Rc::clone(&node));
        }
        node
    }

    fn parent(&self) -> Option<Rc<Self>> {
        self.parent.borrow().upgrade()
    }

    fn children(&self) -> Vec<Rc<Self>> {
        self.children.borrow().clone()
    }
}

/// How many children node `i` has in a complete tree of `nodes` nodes where
/// node `i`'s children are `fanout * i + 1 ..= fanout * i + fanout`.
fn children_of(i: usize, nodes: usize, fanout: usize) -> usize {
    let first = fanout * i + 1;
    nodes.saturating_sub(first).min(fanout)
}

/// Builds the tree breadth first; only the root is returned. The list of
/// nodes used to find each parent is dropped before returning.
fn build<N: TreeNode>(nodes: usize, fanout: usize) -> Rc<N> {
    let mut all: Vec<Rc<N>> = Vec::with_capacity(nodes);
    for i in 0..nodes {
        let parent = (i > 0).then(|| &all[(i - 1) / fanout]);
        let node = N::new_child_of(parent, children_of(i, nodes, fanout));
        all.push(node);
    }
    Rc::clone(&all[0])
}

/// Every node's depth, found by walking up its parent links; and the
/// number of nodes visited.
fn depth_sum<N: TreeNode>(root: &Rc<N>) -> (u64, u64) {
    let (mut total, mut visited) = (0, 0);
    let mut stack = vec![Rc::clone(root)];
    while let Some(node) = stack.pop() {
        visited += 1;
        stack.extend(node.children());
        let mut up = node.parent();
        while let Some(parent) = up {
            total += 1;
            up = parent.parent();
        }
    }
    (total, visited)
}

fn sizes(params: &Params) -> (usize, usize) {
    (params.size("nodes"), params.size("fanout"))
}

/// Builds, walks and drops a tree of `N`, probing it with a `Weak` to the
/// root after the drop; returns the depth sum.
fn build_and_drop<N: TreeNode>(params: &Params, probe: &mut Probe) -> u64 {
    let (nodes, fanout) = sizes(params);
    let root: Rc<N> = build(nodes, fanout);
    let (depths, _) = depth_sum(&root);
    probe.mark("tree built and walked");
    let root_probe = Rc::downgrade(&root);
    drop(root);
    probe.mark("root dropped");
    let still_alive = root_probe.upgrade().map_or(0, |root| depth_sum(&root).1);
    probe.note("nodes still alive after dropping the root", still_alive as i64);
    probe.note("strong references to the root after dropping it", root_probe.strong_count() as i64);
    drop(root_probe);
    probe.mark("the probe Weak dropped too");
    depths
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    build_and_drop::<StrongNode>(params, probe)
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    build_and_drop::<WeakNode>(params, probe)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "strong parent links", run: naive },
        Variant { id: "optimized", label: "Weak parent links", run: optimized },
    ],
    params: &[
        ParamSpec { name: "nodes", label: "nodes in the tree", default: 10_000, min: 10, max: 50_000 },
        ParamSpec { name: "fanout", label: "children per node", default: 4, min: 2, max: 16 },
    ],
    metric: Metric::RetainedBytes,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::exercises::test_layouts::RcBlock;
    use crate::outcome::VariantRun;

    /// Bytes a whole tree holds: one block per node, and a children Vec of
    /// exactly its child count in every node that has children.
    fn tree_bytes<N>(nodes: usize, fanout: usize) -> i64 {
        let blocks = nodes * size_of::<RcBlock<N>>();
        let vecs: usize = (0..nodes).map(|i| children_of(i, nodes, fanout) * size_of::<Rc<N>>()).sum();
        (blocks + vecs) as i64
    }

    fn marks(run: &VariantRun) -> Vec<i64> {
        run.marks.iter().map(|m| m.live_bytes).collect()
    }

    fn note(run: &VariantRun, label: &str) -> i64 {
        run.notes.iter().find(|n| n.label == label).expect("noted").value
    }

    #[test]
    fn children_fill_a_complete_tree() {
        let counts: Vec<usize> = (0..10).map(|i| children_of(i, 10, 4)).collect();
        assert_eq!(counts, [4, 4, 1, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!((0..10_000).map(|i| children_of(i, 10_000, 4)).sum::<usize>(), 9_999, "every node but the root");
    }

    #[test]
    fn strong_parent_links_leak_the_whole_tree_for_good() {
        for (nodes, fanout) in [(10_000, 4), (10, 2), (50_000, 16)] {
            let r = SPEC.run_at(0, &[("nodes", nodes), ("fanout", fanout)]);
            let tree = tree_bytes::<StrongNode>(nodes as usize, fanout as usize);
            assert_eq!(marks(&r), [tree, tree, tree], "built, root dropped, probe dropped");
            assert_eq!(r.measurement.retained_bytes, tree);
            assert_eq!(note(&r, "nodes still alive after dropping the root"), nodes as i64);
            let root_children = children_of(0, nodes as usize, fanout as usize) as i64;
            assert_eq!(note(&r, "strong references to the root after dropping it"), root_children);
        }
    }

    #[test]
    fn weak_parent_links_free_the_tree_at_once_except_the_block_a_weak_pins() {
        for (nodes, fanout) in [(10_000, 4), (10, 2), (50_000, 16)] {
            let r = SPEC.run_at(1, &[("nodes", nodes), ("fanout", fanout)]);
            let tree = tree_bytes::<WeakNode>(nodes as usize, fanout as usize);
            let root_block = size_of::<RcBlock<WeakNode>>() as i64;
            assert_eq!(marks(&r), [tree, root_block, 0], "built, root dropped (probe pins its block), probe dropped");
            assert_eq!(r.measurement.retained_bytes, 0);
            assert_eq!(note(&r, "nodes still alive after dropping the root"), 0);
            assert_eq!(note(&r, "strong references to the root after dropping it"), 0);
        }
    }

    #[test]
    fn both_trees_have_the_same_shape_and_cost_the_same() {
        assert_eq!(size_of::<StrongNode>(), size_of::<WeakNode>(), "Option<Rc> and Weak are one pointer each");
        let (strong, weak) = (SPEC.run_at(0, &[("nodes", 10_000), ("fanout", 4)]), SPEC.run_at(1, &[("nodes", 10_000), ("fanout", 4)]));
        assert_eq!(strong.checksum, weak.checksum);
        assert_eq!(strong.measurement.peak_bytes, weak.measurement.peak_bytes);
        // The depth sum the Python program prints for the same tree.
        let out = include_str!("../../exercises/weak-references/reference.out");
        assert!(out.contains(&format!("depth sum {}", crate::units::grouped(strong.checksum as i64))), "{out}");
    }
}
