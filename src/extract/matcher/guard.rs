//! A necessary condition read off a compiled pattern, checked on the flat
//! tree before the pattern is tried at a node: a chain of children the
//! pattern cannot match without (neither optional, repeated from zero nor
//! inside an alternation), each by its field and kind, down to a node
//! whose text a predicate fixes when there is one (`(#eq? @fn "Open")`).
//! A node that fails it cannot match, so skipping the pattern there changes
//! no match; most rule patterns fail at most nodes of their kind on that
//! text, which is far cheaper to read than to backtrack to. Patterns whose
//! chains are the same (`(call function: (identifier) @f (#eq? @f "X"))`
//! for many X) follow it once per node (`Ends`) and test only their texts.

use super::flat::{Flat, Ix, Masks};
use super::pattern::{Elem, Item, NodeTest, Quant, Test};
use super::predicate::Predicate;
use std::ops::Range;

/// One child of the chain: its field and its kind test.
#[derive(Debug, PartialEq)]
struct Step {
    field: Option<u16>,
    test: Test,
}

#[derive(Debug)]
pub struct Guard {
    steps: Vec<Step>,
    /// The predicates on the last node's captures, with those captures.
    end: Vec<(u32, Predicate)>,
    /// The texts of which the last node's must be one, when a predicate
    /// fixes them (`Predicate::exact_texts`).
    texts: Option<Vec<Vec<u8>>>,
    /// The same number for guards with the same steps (`number_chains`):
    /// their end nodes are found once per node.
    chain: u32,
}

impl Guard {
    /// Whether end node `end`, whose text is at `text`, satisfies the
    /// predicates.
    pub fn holds(&self, flat: &Flat, end: Ix, text: Range<usize>, source: &[u8]) -> bool {
        let text = source.get(text).unwrap_or_default();
        self.end
            .iter()
            .all(|(c, p)| p.holds_on(*c, flat.node(end), text, source))
    }

    /// The texts of which an end node's must be one to satisfy the
    /// predicates, when one of them fixes them; else None.
    pub fn texts(&self) -> Option<&[Vec<u8>]> {
        self.texts.as_deref()
    }

    /// The number of the chain (`number_chains`).
    pub fn chain(&self) -> u32 {
        self.chain
    }

    /// What the children of a node that passes must carry (`Masks`): the
    /// first step's field and kind, when it has them.
    pub fn need(&self) -> Masks {
        let Some(first) = self.steps.first() else {
            return Masks::default();
        };
        Masks {
            fields: first.field.map_or(0, Masks::field_bit),
            kinds: match first.test {
                Test::Kind(kind) => Masks::kind_bit(kind),
                Test::Named | Test::Any | Test::Parent => 0,
            },
        }
    }

    /// The first chain from `root` down to a node carrying a predicate on
    /// its text; else None.
    pub fn of(root: &NodeTest) -> Option<Guard> {
        let mut steps = Vec::new();
        chain(root, &mut steps)
    }
}

/// Numbers the guards' chains: equal steps, equal number.
pub fn number_chains<'g>(guards: impl Iterator<Item = &'g mut Guard>) {
    let mut seen: Vec<&[Step]> = Vec::new();
    let mut numbers = Vec::new();
    let guards: Vec<&mut Guard> = guards.collect();
    for guard in &guards {
        let number = match seen.iter().position(|s| *s == guard.steps.as_slice()) {
            Some(at) => at,
            None => {
                seen.push(&guard.steps);
                seen.len() - 1
            }
        };
        numbers.push(number as u32);
    }
    for (guard, number) in guards.into_iter().zip(numbers) {
        guard.chain = number;
    }
}

/// The end nodes of the chains tried at the node being visited, each
/// chain followed once there however many patterns share it, each end
/// node with its text's place.
#[derive(Default)]
pub struct Ends {
    /// The node being visited, counted from 1 (0: none yet).
    visit: u32,
    /// Per chain number: the visit at which it was last followed, and
    /// where its end nodes are in `nodes` then.
    chains: Vec<(u32, Range<u32>)>,
    nodes: Vec<(Ix, Range<usize>)>,
}

impl Ends {
    /// Forgets the chains followed (a new node is visited).
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.visit = self.visit.wrapping_add(1);
        if self.visit == 0 {
            // After 2^32 visits the marks would come round: start afresh.
            self.chains.clear();
            self.visit = 1;
        }
    }

    /// Whether node `x` passes `guard`: one end of its chain satisfies
    /// its predicates.
    pub fn admit(&mut self, guard: &Guard, flat: &mut Flat, x: Ix, source: &[u8]) -> bool {
        self.of(guard, flat, x)
            .iter()
            .any(|(end, text)| guard.holds(flat, *end, text.clone(), source))
    }

    /// The end nodes of `guard`'s chain from node `x` (followed on first
    /// need), each with its text's place.
    pub fn of(&mut self, guard: &Guard, flat: &mut Flat, x: Ix) -> &[(Ix, Range<usize>)] {
        let chain = guard.chain as usize;
        if chain >= self.chains.len() {
            self.chains.resize(chain + 1, (0, 0..0));
        }
        let (visit, ends) = &mut self.chains[chain];
        if *visit != self.visit {
            let start = self.nodes.len() as u32;
            follow(&guard.steps, flat, x, &mut self.nodes);
            *visit = self.visit;
            *ends = start..self.nodes.len() as u32;
        }
        &self.nodes[ends.start as usize..ends.end as usize]
    }
}

/// Adds to `out` each node reached from `x` down `steps`, with its text's
/// place.
fn follow(steps: &[Step], flat: &mut Flat, x: Ix, out: &mut Vec<(Ix, Range<usize>)>) {
    let Some((next, rest)) = steps.split_first() else {
        out.push((x, flat.node(x).byte_range()));
        return;
    };
    if next.field.is_some_and(|f| !flat.has_field(x, f)) {
        return;
    }
    let kids = flat.kids(x);
    for j in 0..kids.len {
        let kid = kids.at(j);
        let meta = *flat.meta(kid);
        let kind_ok = match next.test {
            Test::Kind(id) => meta.kind == id,
            Test::Named => meta.named && !meta.error,
            Test::Any | Test::Parent => !meta.error,
        };
        if kind_ok && next.field.is_none_or(|f| f == meta.field) {
            follow(rest, flat, kid, out);
        }
    }
}

/// Depth first through the mandatory children of `test`, `steps` the chain
/// so far.
fn chain(test: &NodeTest, steps: &mut Vec<Step>) -> Option<Guard> {
    if !test.early.is_empty() {
        let end: Vec<(u32, Predicate)> = test
            .early
            .iter()
            .flat_map(|p| test.captures.iter().map(|&c| (c, p.clone())))
            .collect();
        let texts = end.iter().find_map(|(c, p)| p.exact_texts(*c));
        return Some(Guard {
            steps: std::mem::take(steps),
            end,
            texts,
            chain: 0,
        });
    }
    for child in &test.children.elems {
        let Elem {
            item: Item::Node(node),
            field,
            quant: Quant::One | Quant::Plus,
            ..
        } = child
        else {
            continue;
        };
        steps.push(Step {
            field: *field,
            test: node.test,
        });
        if let Some(guard) = chain(node, steps) {
            return Some(guard);
        }
        steps.pop();
    }
    None
}
