//! The patterns tried at the nodes of one kind, in the order the walk
//! tries them (those rooted at the kind, then those with a wildcard root),
//! and which of them a node admits. A pattern whose guard ends in an exact
//! text (`(#eq? @f "X")`, `(#any-of? @f "X" "Y")`) is found by that text:
//! per chain, a map from a text to the patterns it can admit, so that a
//! node follows the chain once and looks its end texts up instead of
//! testing every such pattern's predicate (many rules share a chain and
//! differ only by the name they look for). The others are tested one by
//! one. First, what a node's children carry (`Masks`) must pass each
//! pattern's `Filter`: most nodes of a kind lack the field or the kind
//! most chains start with, or a field the pattern's root requires.

use super::flat::{Flat, Ix, Masks};
use super::guard::{Ends, Guard};
use super::pattern::{Item, NodeTest, Pattern, Quant, Test};
use rustc_hash::FxHashMap;

/// The patterns tried at the nodes of one kind.
#[derive(Default)]
pub struct Candidates {
    /// By index in the query, in the order they are tried.
    order: Vec<u32>,
    /// Per place in `order`, what a node must pass for the pattern there.
    filters: Vec<Filter>,
    /// The places in `order` of the patterns tested one by one.
    tested: Vec<u32>,
    /// The patterns found by their guard's end text, per chain.
    keyed: Vec<Keyed>,
}

/// The patterns of one chain whose guards end in an exact text.
struct Keyed {
    /// A pattern of the chain: its guard's chain is followed.
    guide: u32,
    /// What a node must pass for the chain to reach an end.
    filter: Filter,
    /// Per text, the places in `order` of the patterns it can admit.
    by_text: FxHashMap<Box<[u8]>, Vec<u32>>,
}

impl Candidates {
    /// The patterns `order` (indices into `patterns`, each compiled), tried
    /// in that order.
    pub fn new(order: Vec<u32>, patterns: &[Result<Pattern, String>]) -> Candidates {
        let mut tested = Vec::new();
        let mut keyed: Vec<Keyed> = Vec::new();
        for (at, &p) in order.iter().enumerate() {
            let guard = guard_of(patterns, p);
            let Some((guard, texts)) = guard.and_then(|g| Some((g, g.texts()?))) else {
                tested.push(at as u32);
                continue;
            };
            let chain = guard.chain();
            let group = match keyed
                .iter()
                .position(|k| guard_of(patterns, k.guide).is_some_and(|g| g.chain() == chain))
            {
                Some(group) => group,
                None => {
                    keyed.push(Keyed {
                        guide: p,
                        filter: Filter {
                            need: guard.need(),
                            ..Filter::default()
                        },
                        by_text: FxHashMap::default(),
                    });
                    keyed.len() - 1
                }
            };
            for text in texts {
                let places = keyed[group].by_text.entry(text.as_slice().into());
                let places = places.or_default();
                // `#any-of?` may name a text twice.
                if places.last() != Some(&(at as u32)) {
                    places.push(at as u32);
                }
            }
        }
        let filters = order
            .iter()
            .map(|&p| match patterns.get(p as usize) {
                Some(Ok(pattern)) => Filter::of(pattern),
                _ => Filter::default(),
            })
            .collect();
        Candidates {
            order,
            filters,
            tested,
            keyed,
        }
    }

    /// How many patterns are tried at a node of the kind.
    pub fn len(&self) -> u32 {
        self.order.len() as u32
    }

    /// The index in the query of the pattern at place `at`.
    pub fn pattern(&self, at: u32) -> usize {
        self.order[at as usize] as usize
    }

    /// Lists in `out`, in order, the places of the patterns node `x`
    /// admits: enclosed as a rewritten pattern's outer nodes say, and
    /// passing its guard.
    pub fn admitted(
        &self,
        patterns: &[Result<Pattern, String>],
        ends: &mut Ends,
        flat: &mut Flat,
        x: Ix,
        source: &[u8],
        out: &mut Vec<u32>,
    ) {
        out.clear();
        if self.order.is_empty() {
            return;
        }
        let masks = flat.masks(x);
        for &at in &self.tested {
            if !self.filters[at as usize].passes(masks) {
                continue;
            }
            let Some(Ok(pattern)) = patterns.get(self.pattern(at)) else {
                continue;
            };
            if flat.enclosed_by(x, &pattern.enclosed_by)
                && pattern
                    .guard
                    .as_ref()
                    .is_none_or(|guard| ends.admit(guard, flat, x, source))
            {
                out.push(at);
            }
        }
        let found = out.len();
        for keyed in &self.keyed {
            if !keyed.filter.passes(masks) {
                continue;
            }
            let Some(guide) = guard_of(patterns, keyed.guide) else {
                continue;
            };
            for (end, text) in ends.of(guide, flat, x) {
                let Some(places) = source.get(text.clone()).and_then(|t| keyed.by_text.get(t))
                else {
                    continue;
                };
                for &at in places {
                    if !self.filters[at as usize].passes(masks) {
                        continue;
                    }
                    let Some(Ok(pattern)) = patterns.get(self.pattern(at)) else {
                        continue;
                    };
                    let admits = |guard: &Guard| guard.holds(flat, *end, text.clone(), source);
                    if flat.enclosed_by(x, &pattern.enclosed_by)
                        && pattern.guard.as_ref().is_some_and(admits)
                    {
                        out.push(at);
                    }
                }
            }
        }
        if out.len() == found {
            return;
        }
        // A pattern admitted by two end nodes is tried once.
        out.sort_unstable();
        out.dedup();
    }
}

/// What a node must pass, read on what its children carry (`Masks`), for
/// a pattern to be tried there: the fields and kinds they must carry, the
/// fields none of them may have, kinds of which one must be there (0: no
/// such test).
#[derive(Clone, Copy, Default)]
struct Filter {
    need: Masks,
    absent: u64,
    one_of: u64,
}

impl Filter {
    /// The filter of a pattern: its guard's first step (`Guard::need`),
    /// its root's negated fields and the field and kind of each child it
    /// must have (neither optional nor repeated from zero), the kinds of
    /// its first such alternation of kinds. A node that fails it cannot
    /// match; the walk counts the pattern as one unit of work, as one its
    /// guard refuses.
    fn of(pattern: &Pattern) -> Filter {
        let mut filter = Filter {
            need: pattern.guard.as_ref().map_or(Masks::default(), Guard::need),
            ..Filter::default()
        };
        let Item::Node(root) = &pattern.root.item else {
            return filter;
        };
        for &field in &root.required {
            filter.need.fields |= Masks::field_bit(field);
        }
        for &field in &root.negated {
            filter.absent |= Masks::field_bit(field);
        }
        let mandatory = root
            .children
            .elems
            .iter()
            .filter(|child| matches!(child.quant, Quant::One | Quant::Plus));
        for child in mandatory {
            match &child.item {
                Item::Node(node) => filter.need.kinds |= kind_bits(node),
                Item::Alt(branches) if filter.one_of == 0 => {
                    let bits = branches.iter().map(|b| match &b.item {
                        Item::Node(node) => kind_bits(node),
                        Item::Alt(_) => 0,
                    });
                    // A wildcard branch (0) lets any kind be the child.
                    if bits.clone().all(|b| b != 0) {
                        filter.one_of = bits.fold(0, |a, b| a | b);
                    }
                }
                Item::Alt(_) => {}
            }
        }
        filter
    }

    fn passes(self, masks: Masks) -> bool {
        masks.cover(self.need)
            && masks.fields & self.absent == 0
            && (self.one_of == 0 || masks.kinds & self.one_of != 0)
    }
}

/// The bit of a node test's kind (`Masks::kind_bit`), 0 for a wildcard.
fn kind_bits(node: &NodeTest) -> u64 {
    match node.test {
        Test::Kind(kind) => Masks::kind_bit(kind),
        Test::Named | Test::Any | Test::Parent => 0,
    }
}

/// The guard of pattern `p`, if it is compiled and has one.
fn guard_of(patterns: &[Result<Pattern, String>], p: u32) -> Option<&Guard> {
    patterns.get(p as usize)?.as_ref().ok()?.guard.as_ref()
}
