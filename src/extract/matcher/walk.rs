//! Matching one compiled pattern at one node: every way its child lists
//! can be laid over the node's children (tree-sitter yields one match per
//! way the unanchored children can be picked), found by backtracking with
//! the captures on one stack (nothing is allocated until a way is
//! complete), then its duplicate suppression (a way whose captures equal or
//! are a strict subset of another's is dropped: the longest-match rule),
//! then the text predicates. A node test first checks what it can without
//! listing children (kind, per-node predicates, negated and required
//! fields); children are listed once per node into one arena.

use super::pattern::{Elem, Item, NodeTest, Pattern, Quant, Seq, Test};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tree_sitter::{Node, TreeCursor};

/// A match's captures: (capture index, node), in the order tree-sitter
/// gives them (the nodes in pre-order, a node's captures as written).
pub type Captures<'t> = Vec<(u32, Node<'t>)>;

/// At most this many combinations of a quantified child's ways are tried
/// per length of a run of siblings.
const MAX_COMBINATIONS: usize = 256;

/// How many children the arena keeps listed before it is emptied (between
/// two nodes of the walk).
const LISTED_KEPT: usize = 4096;

/// A child as the matcher sees it: the node and its field id (0: none).
#[derive(Clone, Copy)]
struct Kid<'t> {
    node: Node<'t>,
    field: u16,
}

/// A node's children in the arena.
#[derive(Clone, Copy)]
struct Kids {
    start: usize,
    len: usize,
}

/// What is done with each complete way of an element: the rest of the
/// pattern.
type Then<'a, 't, 's> = dyn FnMut(&mut Matcher<'t, 's>, &mut Captures<'t>) + 'a;

/// Counts the work done (one unit per node test), like the cursor's ticks.
pub struct Matcher<'t, 's> {
    pub work: u64,
    source: &'s [u8],
    /// A cursor reused to list children.
    cursor: Option<TreeCursor<'t>>,
    /// The children listed, and where each node's are (by node id).
    arena: Vec<Kid<'t>>,
    listed: FxHashMap<usize, Kids>,
    /// The captures of the way being tried, and of a child tried alone.
    stack: Captures<'t>,
    scratch: Captures<'t>,
}

impl<'t, 's> Matcher<'t, 's> {
    pub fn new(source: &'s [u8]) -> Self {
        Matcher {
            work: 0,
            source,
            cursor: None,
            arena: Vec::new(),
            listed: FxHashMap::default(),
            stack: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// Called between two nodes of the walk: no listing is in use.
    pub fn next_node(&mut self) {
        if self.arena.len() > LISTED_KEPT {
            self.arena.clear();
            self.listed.clear();
        }
    }

    fn kids(&mut self, node: Node<'t>) -> Kids {
        if let Some(&kids) = self.listed.get(&node.id()) {
            return kids;
        }
        let cursor = match &mut self.cursor {
            Some(cursor) => {
                cursor.reset(node);
                cursor
            }
            None => self.cursor.insert(node.walk()),
        };
        let start = self.arena.len();
        if cursor.goto_first_child() {
            loop {
                self.arena.push(Kid {
                    node: cursor.node(),
                    field: cursor.field_id().map_or(0, |f| f.get()),
                });
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        let kids = Kids {
            start,
            len: self.arena.len() - start,
        };
        self.listed.insert(node.id(), kids);
        kids
    }

    fn kid(&self, kids: Kids, j: usize) -> Kid<'t> {
        self.arena[kids.start + j]
    }

    /// The matches of `pattern` rooted at `node` (whose field is `field`).
    pub fn matches(&mut self, pattern: &Pattern, node: Node<'t>, field: u16) -> Vec<Captures<'t>> {
        let mut ways: Vec<Captures<'t>> = Vec::new();
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        self.elem(&pattern.root, node, field, &mut stack, &mut |_, stack| {
            ways.push(stack.clone())
        });
        self.stack = stack;
        if ways.is_empty() {
            return ways;
        }
        longest(&mut ways);
        let source = self.source;
        ways.retain(|w| pattern.predicates.iter().all(|p| p.holds(w, source)));
        ways
    }

    fn elem(
        &mut self,
        elem: &Elem,
        node: Node<'t>,
        field: u16,
        stack: &mut Captures<'t>,
        then: &mut Then<'_, 't, 's>,
    ) {
        self.work += 1;
        if elem.field.is_some_and(|f| f != field) {
            return;
        }
        match &elem.item {
            Item::Node(test) => self.node_test(test, node, stack, then),
            Item::Alt(branches) => {
                for branch in branches {
                    self.elem(branch, node, field, stack, then);
                }
            }
        }
    }

    /// Whether `node` can pass `test` as far as it is seen without
    /// listing its children.
    fn admits(&self, test: &NodeTest, node: Node<'t>) -> bool {
        let kind_ok = match test.test {
            Test::Kind(id) => node.kind_id() == id,
            Test::Named => node.is_named() && !node.is_error(),
            Test::Any => !node.is_error(),
            Test::Parent => true,
        };
        kind_ok
            && test.early.iter().all(|p| {
                test.captures
                    .iter()
                    .all(|&c| p.holds(&[(c, node)], self.source))
            })
            && test
                .negated
                .iter()
                .all(|&f| node.child_by_field_id(f).is_none())
            && (self.listed.contains_key(&node.id())
                || test
                    .required
                    .iter()
                    .all(|&f| node.child_by_field_id(f).is_some()))
    }

    fn node_test(
        &mut self,
        test: &NodeTest,
        node: Node<'t>,
        stack: &mut Captures<'t>,
        then: &mut Then<'_, 't, 's>,
    ) {
        if !self.admits(test, node) {
            return;
        }
        let mark = stack.len();
        stack.extend(test.captures.iter().map(|&c| (c, node)));
        if test.children.elems.is_empty() {
            then(self, stack);
        } else {
            let kids = self.kids(node);
            self.seq(&test.children, 0, kids, 0, stack, then);
        }
        stack.truncate(mark);
    }

    /// The ways `seq.elems[k..]` match the children from `i` on, each
    /// handed to `then`.
    fn seq(
        &mut self,
        seq: &Seq,
        k: usize,
        kids: Kids,
        i: usize,
        stack: &mut Captures<'t>,
        then: &mut Then<'_, 't, 's>,
    ) {
        let Some(elem) = seq.elems.get(k) else {
            // `.)`: the last child matched has no named sibling after it.
            if !(seq.last_anchor && (i..kids.len).any(|j| self.kid(kids, j).node.is_named())) {
                then(self, stack);
            }
            return;
        };
        match elem.quant {
            Quant::One | Quant::Opt => {
                if elem.quant == Quant::Opt {
                    self.seq(seq, k + 1, kids, i, stack, then);
                }
                for j in i..kids.len {
                    // An anchored child skips anonymous nodes only.
                    if elem.immediate && j > i && self.kid(kids, j - 1).node.is_named() {
                        break;
                    }
                    let kid = self.kid(kids, j);
                    self.elem(elem, kid.node, kid.field, stack, &mut |m, stack| {
                        m.seq(seq, k + 1, kids, j + 1, stack, then)
                    });
                }
            }
            Quant::Star | Quant::Plus => {
                let last = k + 1 == seq.elems.len() && !seq.last_anchor;
                if elem.quant == Quant::Star {
                    self.seq(seq, k + 1, kids, i, stack, then);
                }
                // A repetition is a run of adjacent siblings (tree-sitter
                // seeks each repeat as the very next node, anonymous ones
                // included), starting anywhere; a run starting inside
                // another is a subset of it, which the longest-match rule
                // drops, so runs start only after a child that fails.
                let mut previous_matched = false;
                for j in i..kids.len {
                    let matched = self.matches_any(elem, self.kid(kids, j));
                    if matched && !previous_matched {
                        let run = Run {
                            seq,
                            k,
                            kids,
                            last,
                            start: j,
                            combinations: RefCell::new(Vec::new()),
                        };
                        self.run(&run, j, stack, then);
                    }
                    previous_matched = matched;
                }
            }
        }
    }

    /// The ways a run of `run.seq.elems[run.k]` goes on at child `at` (it
    /// matches there): each length with the rest of the sequence after it,
    /// or, when it is last, only the whole run.
    fn run(&mut self, run: &Run, at: usize, stack: &mut Captures<'t>, then: &mut Then<'_, 't, 's>) {
        let elem = &run.seq.elems[run.k];
        let kid = self.kid(run.kids, at);
        self.elem(elem, kid.node, kid.field, stack, &mut |m, stack| {
            // The combinations of this length so far (tried in the order
            // of the ways, the first `MAX_COMBINATIONS` kept).
            {
                let mut counts = run.combinations.borrow_mut();
                let length = at - run.start;
                if counts.len() <= length {
                    counts.resize(length + 1, 0);
                }
                if counts[length] >= MAX_COMBINATIONS {
                    return;
                }
                counts[length] += 1;
            }
            let goes_on = at + 1 < run.kids.len && m.matches_any(elem, m.kid(run.kids, at + 1));
            if !run.last {
                m.seq(run.seq, run.k + 1, run.kids, at + 1, stack, then);
            }
            if goes_on {
                m.run(run, at + 1, stack, then);
            } else if run.last {
                then(m, stack);
            }
        });
    }

    fn matches_any(&mut self, elem: &Elem, kid: Kid<'t>) -> bool {
        let mut any = false;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        self.elem(elem, kid.node, kid.field, &mut scratch, &mut |_, _| {
            any = true
        });
        self.scratch = scratch;
        any
    }
}

/// A repetition being matched.
struct Run<'a> {
    seq: &'a Seq,
    k: usize,
    kids: Kids,
    last: bool,
    /// The child it starts at.
    start: usize,
    /// Per length from `start`, the combinations tried.
    combinations: RefCell<Vec<usize>>,
}

/// Drops the ways whose captures equal an earlier way's or are a strict
/// subset of another's.
fn longest(ways: &mut Vec<Captures<'_>>) {
    if ways.len() < 2 {
        return;
    }
    let keys: Vec<Vec<(usize, u32)>> = ways
        .iter()
        .map(|w| {
            let mut k: Vec<(usize, u32)> = w.iter().map(|(c, n)| (n.id(), *c)).collect();
            k.sort_unstable();
            k
        })
        .collect();
    let subset = |a: &[(usize, u32)], b: &[(usize, u32)]| {
        a.len() <= b.len() && a.iter().all(|x| b.binary_search(x).is_ok())
    };
    let keep: Vec<bool> = (0..keys.len())
        .map(|i| {
            !(0..keys.len()).any(|j| {
                j != i && subset(&keys[i], &keys[j]) && (keys[i].len() < keys[j].len() || j < i)
            })
        })
        .collect();
    let mut at = 0;
    ways.retain(|_| {
        at += 1;
        keep[at - 1]
    });
}
