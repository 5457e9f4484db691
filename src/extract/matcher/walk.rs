//! Matching one compiled pattern at one node: every way its child lists
//! can be laid over the node's children (tree-sitter yields one match per
//! way the unanchored children can be picked), then its duplicate
//! suppression (a way whose captures equal or are a strict subset of
//! another's is dropped: the longest-match rule), then the text predicates.

use super::pattern::{Elem, Item, NodeTest, Pattern, Quant, Seq, Test};
use std::collections::HashMap;
use std::rc::Rc;
use tree_sitter::{Node, TreeCursor};

/// A match's captures: (capture index, node), in the order tree-sitter
/// gives them (the nodes in pre-order, a node's captures as written).
pub type Captures<'t> = Vec<(u32, Node<'t>)>;

/// At most this many combinations of a quantified child's ways are tried.
const MAX_COMBINATIONS: usize = 256;

/// How many nodes' children the matcher keeps listed.
const LISTED_KEPT: usize = 512;

/// A child as the matcher sees it: the node and its field id (0: none).
#[derive(Clone, Copy)]
struct Kid<'t> {
    node: Node<'t>,
    field: u16,
}

/// Counts the work done (one unit per node test), like the cursor's ticks.
pub struct Matcher<'t, 's> {
    pub work: u64,
    source: &'s [u8],
    /// A cursor reused to list children.
    cursor: Option<TreeCursor<'t>>,
    /// The children of the nodes listed, by id: the patterns rooted at a
    /// node read the same ones (cleared when it grows past `LISTED_KEPT`).
    listed: HashMap<usize, Rc<[Kid<'t>]>>,
}

impl<'t, 's> Matcher<'t, 's> {
    pub fn new(source: &'s [u8]) -> Self {
        Matcher {
            work: 0,
            source,
            cursor: None,
            listed: HashMap::new(),
        }
    }

    fn kids(&mut self, node: Node<'t>) -> Rc<[Kid<'t>]> {
        if let Some(kids) = self.listed.get(&node.id()) {
            return kids.clone();
        }
        if self.listed.len() > LISTED_KEPT {
            self.listed.clear();
        }
        let cursor = match &mut self.cursor {
            Some(cursor) => {
                cursor.reset(node);
                cursor
            }
            None => self.cursor.insert(node.walk()),
        };
        let mut out = Vec::with_capacity(node.child_count() as usize);
        if cursor.goto_first_child() {
            loop {
                out.push(Kid {
                    node: cursor.node(),
                    field: cursor.field_id().map_or(0, |f| f.get()),
                });
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        let kids: Rc<[Kid<'t>]> = out.into();
        self.listed.insert(node.id(), kids.clone());
        kids
    }

    /// The matches of `pattern` rooted at `node` (whose field is `field`).
    pub fn matches(&mut self, pattern: &Pattern, node: Node<'t>, field: u16) -> Vec<Captures<'t>> {
        let source = self.source;
        let mut ways = Vec::new();
        self.elem_ways(&pattern.root, node, field, &mut ways);
        longest(&mut ways);
        ways.retain(|w| pattern.predicates.iter().all(|p| p.holds(w, source)));
        ways
    }

    fn elem_ways(&mut self, elem: &Elem, node: Node<'t>, field: u16, out: &mut Vec<Captures<'t>>) {
        self.work += 1;
        if elem.field.is_some_and(|f| f != field) {
            return;
        }
        match &elem.item {
            Item::Node(test) => self.node_ways(test, node, out),
            Item::Alt(branches) => {
                for branch in branches {
                    self.elem_ways(branch, node, field, out);
                }
            }
        }
    }

    fn node_ways(&mut self, test: &NodeTest, node: Node<'t>, out: &mut Vec<Captures<'t>>) {
        let kind_ok = match test.test {
            Test::Kind(id) => node.kind_id() == id,
            Test::Named => node.is_named() && !node.is_error(),
            Test::Any => !node.is_error(),
            Test::Parent => true,
        };
        let source = self.source;
        if !kind_ok
            || test.early.iter().any(|p| {
                test.captures
                    .iter()
                    .any(|&c| !p.holds(&[(c, node)], source))
            })
            || test
                .negated
                .iter()
                .any(|&f| node.child_by_field_id(f).is_some())
        {
            return;
        }
        let own: Captures<'t> = test.captures.iter().map(|&c| (c, node)).collect();
        if test.children.elems.is_empty() {
            out.push(own);
            return;
        }
        let kids = self.kids(node);
        self.seq_ways(&test.children, 0, &kids, 0, own, out);
    }

    /// The ways `seq.elems[k..]` match `kids[i..]`, after `acc`.
    fn seq_ways(
        &mut self,
        seq: &Seq,
        k: usize,
        kids: &[Kid<'t>],
        i: usize,
        acc: Captures<'t>,
        out: &mut Vec<Captures<'t>>,
    ) {
        let Some(elem) = seq.elems.get(k) else {
            // `.)`: the last child matched has no named sibling after it.
            if !(seq.last_anchor && kids[i..].iter().any(|kid| kid.node.is_named())) {
                out.push(acc);
            }
            return;
        };
        match elem.quant {
            Quant::One | Quant::Opt => {
                if elem.quant == Quant::Opt {
                    self.seq_ways(seq, k + 1, kids, i, acc.clone(), out);
                }
                for j in i..kids.len() {
                    // An anchored child skips anonymous nodes only.
                    if elem.immediate && j > i && kids[j - 1].node.is_named() {
                        break;
                    }
                    let mut ways = Vec::new();
                    self.elem_ways(elem, kids[j].node, kids[j].field, &mut ways);
                    for way in ways {
                        let mut next = acc.clone();
                        next.extend(way);
                        self.seq_ways(seq, k + 1, kids, j + 1, next, out);
                    }
                }
            }
            Quant::Star | Quant::Plus => {
                let last = k + 1 == seq.elems.len() && !seq.last_anchor;
                if elem.quant == Quant::Star {
                    self.seq_ways(seq, k + 1, kids, i, acc.clone(), out);
                }
                // A repetition is a run of adjacent siblings (tree-sitter
                // seeks each repeat as the very next node, anonymous ones
                // included), starting anywhere; a run starting inside
                // another is a subset of it, which the longest-match rule
                // drops, so runs start only after a child that fails.
                let mut previous_matched = false;
                for j in i..kids.len() {
                    if previous_matched {
                        previous_matched = self.matches_any(elem, kids[j]);
                        continue;
                    }
                    let mut taken: Vec<Captures<'t>> = vec![Vec::new()];
                    let mut run = 0;
                    for kid in &kids[j..] {
                        let mut ways = Vec::new();
                        self.elem_ways(elem, kid.node, kid.field, &mut ways);
                        if ways.is_empty() {
                            break;
                        }
                        run += 1;
                        taken = product(&taken, &ways);
                        if !last {
                            for t in &taken {
                                let mut next = acc.clone();
                                next.extend(t.iter().copied());
                                self.seq_ways(seq, k + 1, kids, j + run, next, out);
                            }
                        }
                    }
                    previous_matched = run > 0;
                    if last && run > 0 {
                        for t in taken {
                            let mut next = acc.clone();
                            next.extend(t);
                            out.push(next);
                        }
                    }
                }
            }
        }
    }

    fn matches_any(&mut self, elem: &Elem, kid: Kid<'t>) -> bool {
        let mut ways = Vec::new();
        self.elem_ways(elem, kid.node, kid.field, &mut ways);
        !ways.is_empty()
    }
}

/// Every way in `taken` followed by every way in `ways` (at most
/// `MAX_COMBINATIONS`).
fn product<'t>(taken: &[Captures<'t>], ways: &[Captures<'t>]) -> Vec<Captures<'t>> {
    taken
        .iter()
        .flat_map(|t| {
            ways.iter().map(move |w| {
                let mut t = t.clone();
                t.extend(w.iter().copied());
                t
            })
        })
        .take(MAX_COMBINATIONS)
        .collect()
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
