//! A necessary condition read off a compiled pattern, checked on the flat
//! tree before the pattern is tried at a node: a chain of children the
//! pattern cannot match without (neither optional, repeated from zero nor
//! inside an alternation), each by its field and kind, down to a node
//! whose text a predicate fixes when there is one (`(#eq? @fn "Open")`).
//! A node that fails it cannot match, so skipping the pattern there changes
//! no match; most rule patterns fail at most nodes of their kind on that
//! text, which is far cheaper to read than to backtrack to.

use super::flat::{Flat, Ix};
use super::pattern::{Elem, Item, NodeTest, Quant, Test};
use super::predicate::Predicate;

/// One child of the chain: its field and its kind test.
#[derive(Debug)]
struct Step {
    field: Option<u16>,
    test: Test,
}

#[derive(Debug)]
pub struct Guard {
    steps: Vec<Step>,
    /// The predicates on the last node's captures, with those captures.
    end: Vec<(u32, Predicate)>,
}

impl Guard {
    /// The first chain from `root` down to a node carrying a predicate on
    /// its text; else None.
    pub fn of(root: &NodeTest) -> Option<Guard> {
        let mut steps = Vec::new();
        chain(root, &mut steps)
    }

    /// Whether node `x` passes.
    pub fn admits(&self, flat: &mut Flat, x: Ix, source: &[u8]) -> bool {
        self.from(flat, x, 0, source)
    }

    fn from(&self, flat: &mut Flat, x: Ix, step: usize, source: &[u8]) -> bool {
        let Some(next) = self.steps.get(step) else {
            let node = flat.node(x);
            return self.end.iter().all(|(c, p)| p.holds(&[(*c, node)], source));
        };
        if next.field.is_some_and(|f| !flat.has_field(x, f)) {
            return false;
        }
        let kids = flat.kids(x);
        (0..kids.len).any(|j| {
            let kid = kids.at(j);
            let meta = *flat.meta(kid);
            let kind_ok = match next.test {
                Test::Kind(id) => meta.kind == id,
                Test::Named => meta.named && !meta.error,
                Test::Any | Test::Parent => !meta.error,
            };
            kind_ok
                && next.field.is_none_or(|f| f == meta.field)
                && self.from(flat, kid, step + 1, source)
        })
    }
}

/// Depth first through the mandatory children of `test`, `steps` the chain
/// so far.
fn chain(test: &NodeTest, steps: &mut Vec<Step>) -> Option<Guard> {
    if !test.early.is_empty() {
        let end = test
            .early
            .iter()
            .flat_map(|p| test.captures.iter().map(|&c| (c, p.clone())))
            .collect();
        return Some(Guard {
            steps: std::mem::take(steps),
            end,
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
