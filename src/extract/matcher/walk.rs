//! Matching one compiled pattern at one node: every way its child lists
//! can be laid over the node's children (tree-sitter yields one match per
//! way the unanchored children can be picked), found by backtracking with
//! the captures on one stack, then its duplicate suppression (a way whose
//! captures equal or are a strict subset of another's is dropped: the
//! longest-match rule), then the text predicates. Nodes are read from the
//! tree listed once (`flat`): a node test is array reads, the text
//! predicates on a node alone are checked as soon as it matches. The
//! buffers of a match (stack, ways, captures) are the matcher's, reused
//! from pattern to pattern and walk to walk.

use super::flat::{Flat, Ix, Kids, Meta};
use super::pattern::{Elem, Item, NodeTest, Pattern, Quant, Seq, Test};
use std::cell::RefCell;
use std::ops::ControlFlow;
use tree_sitter::Node;

/// A match's captures: (capture index, node), in the order tree-sitter
/// gives them (the nodes in pre-order, a node's captures as written).
pub type Captures<'t> = Vec<(u32, Node<'t>)>;

/// A capture while a way is tried: capture index, node's place.
type Held = (u32, Ix);

/// At most this many combinations of a quantified child's ways are tried
/// per length of a run of siblings.
const MAX_COMBINATIONS: usize = 256;

/// What is done with each complete way of an element: the rest of the
/// pattern (which reads how the way arrives in `Matcher::arrival`).
type Then<'a, 't, 's> = dyn FnMut(&mut Matcher<'t, 's>, &mut Vec<Held>) + 'a;

/// How a way reaches the next child pattern, as tree-sitter's cursor
/// carries it in a query state (query.c: `seeking_immediate_match`,
/// `skipped_quantifier`, and the `has_later_named_siblings` of the node
/// matched last). A zero-length `?` or `*` can set the flags, and they
/// cross to the parent's next child when the skipped child was the last.
#[derive(Clone, Copy)]
struct Arrival {
    /// The next child pattern must match the very next node, anonymous
    /// or not (a skipped `?`/`*` that was anchored as the first child).
    seeking: bool,
    /// The next child pattern's anchor is void (a skipped `?`/`*` without
    /// an anchor of its own, before it in the same list).
    skipped: bool,
    /// The node matched last.
    last: Ix,
}

impl Arrival {
    /// Straight after matching node `last`.
    fn after(last: Ix) -> Self {
        Arrival {
            seeking: false,
            skipped: false,
            last,
        }
    }
}

/// Where a way stands in a child list: the child pattern it matches next
/// (`k`), the first child it may take (`i`), and how it got there.
#[derive(Clone, Copy)]
struct Place {
    k: usize,
    i: u32,
    arrival: Arrival,
}

/// One file's tree as the walks of its queries read it (listed once,
/// shared by them), and the work done by the current walk (one unit per
/// node test), like the cursor's ticks.
pub struct Matcher<'t, 's> {
    pub work: u64,
    pub source: &'s [u8],
    pub flat: Flat<'t, 's>,
    /// The captures of the way being tried, and of a child tried alone.
    stack: Vec<Held>,
    scratch: Vec<Held>,
    /// The complete ways found at a node, one after another, and where
    /// each ends in `ways`.
    ways: Vec<Held>,
    way_ends: Vec<usize>,
    /// The captures of the match handed on.
    captures: Captures<'t>,
    /// How the way handed to a `Then` arrives, set just before the call.
    arrival: Arrival,
}

impl<'t, 's> Matcher<'t, 's> {
    /// `named`: per kind id, whether the kind is named.
    pub fn new(root: Node<'t>, source: &'s [u8], named: &'s [bool]) -> Self {
        Matcher {
            work: 0,
            source,
            flat: Flat::new(root, named),
            stack: Vec::new(),
            scratch: Vec::new(),
            ways: Vec::new(),
            way_ends: Vec::new(),
            captures: Vec::new(),
            arrival: Arrival::after(0),
        }
    }

    /// Hands each match of `pattern` rooted at node `x` to `on_match`,
    /// until it breaks.
    pub fn each_match(
        &mut self,
        pattern: &Pattern,
        x: Ix,
        mut on_match: impl FnMut(&Captures<'t>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut stack = std::mem::take(&mut self.stack);
        let mut ways = std::mem::take(&mut self.ways);
        let mut ends = std::mem::take(&mut self.way_ends);
        stack.clear();
        ways.clear();
        ends.clear();
        self.elem_at(&pattern.root, x, &mut stack, &mut |_, stack| {
            ways.extend_from_slice(stack);
            ends.push(ways.len());
        });
        self.stack = stack;
        let mut flow = ControlFlow::Continue(());
        if !ends.is_empty() {
            // All kept when there is one (most often).
            let kept = if ends.len() > 1 {
                longest(&ways, &ends)
            } else {
                Vec::new()
            };
            let mut captures = std::mem::take(&mut self.captures);
            let source = self.source;
            for (i, way) in split(&ways, &ends).enumerate() {
                if !kept.get(i).copied().unwrap_or(true) {
                    continue;
                }
                captures.clear();
                captures.extend(way.iter().map(|&(c, x)| (c, self.flat.node(x))));
                if pattern
                    .predicates
                    .iter()
                    .all(|p| p.holds(&captures, source))
                    && on_match(&captures).is_break()
                {
                    flow = ControlFlow::Break(());
                    break;
                }
            }
            self.captures = captures;
        }
        self.ways = ways;
        self.way_ends = ends;
        flow
    }

    fn elem(
        &mut self,
        elem: &Elem,
        x: Ix,
        field: u16,
        stack: &mut Vec<Held>,
        then: &mut Then<'_, 't, 's>,
    ) {
        self.work += 1;
        if elem.field.is_some_and(|f| f != field) {
            return;
        }
        match &elem.item {
            Item::Node(test) => self.node_test(test, x, stack, then),
            Item::Alt(branches) => {
                for branch in branches {
                    self.elem(branch, x, field, stack, then);
                }
            }
        }
    }

    /// How `elem` fares at node `x` (whose field is `field`) on what is
    /// seen at once: most child patterns fail so at most children, and
    /// most others are one node test, so that the calls of `elem` and
    /// `node_test` are saved (inlined: it is most of a child's try).
    #[inline(always)]
    fn at_once<'p>(&self, elem: &'p Elem, x: Ix, field: u16) -> AtOnce<'p> {
        let meta = self.flat.meta(x);
        let fails = |elem: &Elem| match &elem.item {
            _ if elem.field.is_some_and(|f| f != field) => true,
            Item::Node(test) => !kind_ok(test.test, meta),
            Item::Alt(_) => false,
        };
        if fails(elem) {
            return AtOnce::Fails(1);
        }
        match &elem.item {
            Item::Node(test) => AtOnce::Node(test),
            // Each branch one unit more, as `elem` counts them.
            Item::Alt(branches) if branches.iter().all(fails) => {
                AtOnce::Fails(1 + branches.len() as u64)
            }
            Item::Alt(_) => AtOnce::Deeper,
        }
    }

    /// `elem` at node `x`, as `elem` does it (and counts it), without its
    /// call when `at_once` decides.
    #[inline]
    fn elem_at<F>(&mut self, elem: &Elem, x: Ix, stack: &mut Vec<Held>, then: &mut F)
    where
        F: FnMut(&mut Self, &mut Vec<Held>),
    {
        let field = self.flat.meta(x).field;
        match self.at_once(elem, x, field) {
            AtOnce::Fails(work) => self.work += work,
            AtOnce::Node(test) => {
                self.work += 1;
                self.past_kind(test, x, stack, then);
            }
            AtOnce::Deeper => self.elem(elem, x, field, stack, then),
        }
    }

    /// Whether node `x`, of a kind `test` takes, can pass it as far as it
    /// is seen without matching its children: the predicates on the node
    /// alone and the fields.
    fn admits(&mut self, test: &NodeTest, x: Ix) -> bool {
        if !test.early.is_empty() {
            let node = self.flat.node(x);
            let source = self.source;
            let text = source.get(node.byte_range()).unwrap_or_default();
            let early_ok = test.early.iter().all(|p| {
                test.captures
                    .iter()
                    .all(|&c| p.holds_on(c, node, text, source))
            });
            if !early_ok {
                return false;
            }
        }
        if test.negated.is_empty() && test.required.is_empty() {
            return true;
        }
        test.negated.iter().all(|&f| !self.flat.has_field(x, f))
            && test.required.iter().all(|&f| self.flat.has_field(x, f))
    }

    fn node_test(
        &mut self,
        test: &NodeTest,
        x: Ix,
        stack: &mut Vec<Held>,
        mut then: &mut Then<'_, 't, 's>,
    ) {
        if kind_ok(test.test, self.flat.meta(x)) {
            self.past_kind(test, x, stack, &mut then);
        }
    }

    /// `node_test` of a node whose kind passes (generic, so that a node
    /// without children hands its way to a known `then`).
    #[inline]
    fn past_kind<F>(&mut self, test: &NodeTest, x: Ix, stack: &mut Vec<Held>, then: &mut F)
    where
        F: FnMut(&mut Self, &mut Vec<Held>),
    {
        if !self.admits(test, x) {
            return;
        }
        let mark = stack.len();
        stack.extend(test.captures.iter().map(|&c| (c, x)));
        if test.children.elems.is_empty() {
            self.arrival = Arrival::after(x);
            then(self, stack);
        } else {
            let kids = self.flat.kids(x);
            let start = Place {
                k: 0,
                i: 0,
                arrival: Arrival::after(x),
            };
            self.seq(&test.children, kids, start, stack, then);
        }
        stack.truncate(mark);
    }

    /// The ways `seq.elems[k..]` match the children from `i` on, reached
    /// as `arrival` says, each handed to `then`. As tree-sitter's cursor:
    /// a child pattern may skip nodes before its match, but an anchored
    /// one (`.`) only anonymous ones and a seeking one none; a `?` or `*`
    /// also goes on at once to the next child pattern (its zero-length
    /// way), which can set the flags; a child pattern anchored last
    /// (`X .)`) matches only a node with no named sibling after it.
    fn seq(
        &mut self,
        seq: &Seq,
        kids: Kids,
        place: Place,
        stack: &mut Vec<Held>,
        then: &mut Then<'_, 't, 's>,
    ) {
        let Place { k, i, arrival } = place;
        let count = seq.elems.len();
        let Some(elem) = seq.elems.get(k) else {
            self.arrival = arrival;
            then(self, stack);
            return;
        };
        let last_child = seq.last_anchor && k + 1 == count;
        if matches!(elem.quant, Quant::Opt | Quant::Star)
            && !(last_child && self.flat.later_named(arrival.last))
        {
            let skip = Place {
                k: k + 1,
                i,
                arrival: skipped(elem, k, count, arrival),
            };
            self.seq(seq, kids, skip, stack, then);
        }
        // Stops the search for a first match after node `kid`.
        let anchored = elem.immediate && !arrival.skipped;
        let stop = |m: &Self, kid: Ix| arrival.seeking || (anchored && m.flat.meta(kid).named);
        match elem.quant {
            Quant::One | Quant::Opt => {
                for j in i..kids.len {
                    let kid = kids.at(j);
                    if !(last_child && self.flat.later_named(kid)) {
                        // `elem_at`, the continuation built only for a
                        // child that does not fail at once (most do).
                        let field = self.flat.meta(kid).field;
                        let at_once = self.at_once(elem, kid, field);
                        if let AtOnce::Fails(work) = at_once {
                            self.work += work;
                        } else {
                            let mut go_on = |m: &mut Self, stack: &mut Vec<Held>| {
                                let next = Place {
                                    k: k + 1,
                                    i: j + 1,
                                    arrival: m.arrival,
                                };
                                m.seq(seq, kids, next, stack, then)
                            };
                            match at_once {
                                AtOnce::Node(test) => {
                                    self.work += 1;
                                    self.past_kind(test, kid, stack, &mut go_on);
                                }
                                _ => self.elem(elem, kid, field, stack, &mut go_on),
                            }
                        }
                    }
                    if stop(self, kid) {
                        break;
                    }
                }
            }
            Quant::Star | Quant::Plus => {
                let last = k + 1 == count && !seq.last_anchor;
                // A repetition is a run of adjacent siblings (tree-sitter
                // seeks each repeat as the very next node, anonymous ones
                // included), starting anywhere; a run starting inside
                // another is a subset of it, which the longest-match rule
                // drops, so runs start only after a child that fails.
                let mut previous_matched = false;
                for j in i..kids.len {
                    let kid = kids.at(j);
                    let matched = self.fits(elem, last_child, kid);
                    if matched && !previous_matched {
                        let run = Run {
                            seq,
                            k,
                            kids,
                            last,
                            last_child,
                            start: j,
                            combinations: RefCell::new(Vec::new()),
                        };
                        self.run(&run, j, stack, then);
                    }
                    previous_matched = matched;
                    if stop(self, kid) {
                        break;
                    }
                }
            }
        }
    }

    /// The ways a run of `run.seq.elems[run.k]` goes on at child `at` (it
    /// matches there): each length with the rest of the sequence after it,
    /// or, when it is last, only the whole run.
    fn run(&mut self, run: &Run, at: u32, stack: &mut Vec<Held>, then: &mut Then<'_, 't, 's>) {
        let elem = &run.seq.elems[run.k];
        let kid = run.kids.at(at);
        let field = self.flat.meta(kid).field;
        self.elem(elem, kid, field, stack, &mut |m, stack| {
            let arrival = m.arrival;
            // The combinations of this length so far (tried in the order
            // of the ways, the first `MAX_COMBINATIONS` kept).
            {
                let mut counts = run.combinations.borrow_mut();
                let length = (at - run.start) as usize;
                if counts.len() <= length {
                    counts.resize(length + 1, 0);
                }
                if counts[length] >= MAX_COMBINATIONS {
                    return;
                }
                counts[length] += 1;
            }
            let goes_on =
                at + 1 < run.kids.len && m.fits(elem, run.last_child, run.kids.at(at + 1));
            if !run.last {
                let next = Place {
                    k: run.k + 1,
                    i: at + 1,
                    arrival,
                };
                m.seq(run.seq, run.kids, next, stack, then);
            }
            if goes_on {
                m.run(run, at + 1, stack, then);
            } else if run.last {
                m.arrival = arrival;
                then(m, stack);
            }
        });
    }

    /// Whether `elem` matches node `x` in some way, and, anchored last,
    /// `x` has no named sibling after it.
    fn fits(&mut self, elem: &Elem, last_child: bool, x: Ix) -> bool {
        !(last_child && self.flat.later_named(x)) && self.matches_any(elem, x)
    }

    fn matches_any(&mut self, elem: &Elem, x: Ix) -> bool {
        let mut any = false;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        self.elem_at(elem, x, &mut scratch, &mut |_, _| any = true);
        self.scratch = scratch;
        any
    }
}

/// How an element fares at a node on the node's field and kind alone.
enum AtOnce<'p> {
    /// It fails, after this much work (one unit per node test, as `elem`
    /// counts them).
    Fails(u64),
    /// A node test that passes them: the rest of it (`past_kind`) is
    /// done, one unit of work.
    Node(&'p NodeTest),
    /// An alternation whose branches are to be tried (by `elem`).
    Deeper,
}

/// Whether a node read as `meta` passes `test` on its kind.
fn kind_ok(test: Test, meta: &Meta) -> bool {
    match test {
        Test::Kind(id) => meta.kind == id,
        Test::Named => meta.named && !meta.error,
        Test::Any => !meta.error,
        Test::Parent => true,
    }
}

/// A repetition being matched.
struct Run<'a> {
    seq: &'a Seq,
    k: usize,
    kids: Kids,
    last: bool,
    /// Anchored last (`X* .)`): each repeat must have no named sibling
    /// after it.
    last_child: bool,
    /// The child it starts at.
    start: u32,
    /// Per length from `start`, the combinations tried.
    combinations: RefCell<Vec<usize>>,
}

/// How the zero-length way of the `?` or `*` child `elem` (the `k`th of
/// `count`) reaches the next child pattern (query.c's skip copy): without
/// an anchor of its own, the next one's anchor in the same list is void;
/// anchored as the first child, the next must be the very next node
/// (except after an alternation of several branches, whose skip sits on
/// its last branch, after the others); else as it was reached.
fn skipped(elem: &Elem, k: usize, count: usize, arrival: Arrival) -> Arrival {
    let mut out = arrival;
    if !elem.immediate {
        out.skipped = k + 1 < count;
    } else if k == 0 && !matches!(&elem.item, Item::Alt(branches) if branches.len() > 1) {
        out.seeking = true;
    }
    out
}

/// The ways laid one after another in `ways`, each ending where `ends` says.
fn split<'w>(ways: &'w [Held], ends: &'w [usize]) -> impl Iterator<Item = &'w [Held]> + 'w {
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts.zip(ends).map(|(start, &end)| &ways[start..end])
}

/// Per way, whether it is kept: dropped when its captures equal an
/// earlier way's or are a strict subset of another's.
fn longest(ways: &[Held], ends: &[usize]) -> Vec<bool> {
    let keys: Vec<Vec<(Ix, u32)>> = split(ways, ends)
        .map(|w| {
            let mut k: Vec<(Ix, u32)> = w.iter().map(|&(c, x)| (x, c)).collect();
            k.sort_unstable();
            k
        })
        .collect();
    let subset = |a: &[(Ix, u32)], b: &[(Ix, u32)]| {
        a.len() <= b.len() && a.iter().all(|x| b.binary_search(x).is_ok())
    };
    (0..keys.len())
        .map(|i| {
            !(0..keys.len()).any(|j| {
                j != i && subset(&keys[i], &keys[j]) && (keys[i].len() < keys[j].len() || j < i)
            })
        })
        .collect()
}
