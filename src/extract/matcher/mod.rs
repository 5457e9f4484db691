//! A native matcher for carve's query patterns (issue 15, target 1): the
//! patterns stay tree-sitter query syntax, but instead of tree-sitter's
//! query cursor (which charges every live pattern state at every node it
//! visits) one pre-order walk tries, at each node, only the patterns whose
//! root is that node's kind, matching their child lists against the
//! node's children directly, each node read from tree-sitter once (`flat`). `pattern` compiles a pattern's text, `walk`
//! matches one pattern at one node, `predicate` checks text predicates.
//! A pattern the matcher does not take is reported with the reason and
//! stays on the cursor. Patterns are compiled from their own text
//! (`compile`), without tree-sitter's query compiler, whose analysis of
//! a big combined query costs more than a scan of a few MB.

pub mod cost;
mod dispatch;
mod flat;
mod guard;
mod pattern;
mod predicate;
mod walk;

#[cfg(test)]
mod tests;

pub use pattern::{compile, CaptureIndex, Pattern};
pub use predicate::forget_built_regexes;
use std::ops::ControlFlow;
use tree_sitter::{Language, Node, Query};

/// The units of work (node tests) between two calls of `walk`'s `tick`:
/// the query cursor calls its progress callback once per thousand of its
/// own units, so a budget in ticks holds for both.
pub const WORK_PER_TICK: u64 = 1000;
pub use walk::{Captures, Matcher};

/// The patterns of one compiled query the matcher takes, by index in the
/// query, and a table from a node's kind to the patterns tried there.
pub struct NativeQuery {
    patterns: Vec<Result<Pattern, String>>,
    /// Per kind id, the patterns whose root can be that kind, then those
    /// whose root is a wildcard.
    by_kind: Vec<dispatch::Candidates>,
    /// The patterns whose root is a wildcard (a kind outside the table).
    wildcard: dispatch::Candidates,
    /// Per kind id, whether the kind is named.
    named: Vec<bool>,
}

impl NativeQuery {
    /// Compiles the patterns of `query` (compiled from `text`) that
    /// `wanted` accepts, numbering captures as `query` does (benchmarks
    /// and tests, which walk the same query with the cursor).
    pub fn new(
        grammar: &Language,
        query: &Query,
        text: &str,
        wanted: impl Fn(usize) -> bool,
    ) -> NativeQuery {
        let count = query.pattern_count();
        let patterns = (0..count)
            .map(|i| {
                if !wanted(i) {
                    return Err("not wanted".to_string());
                }
                let start = query.start_byte_for_pattern(i);
                let end = if i + 1 < count {
                    query.start_byte_for_pattern(i + 1)
                } else {
                    text.len()
                };
                pattern::compile(&text[start..end], grammar, &mut |name| {
                    query.capture_index_for_name(name)
                })
            })
            .collect();
        NativeQuery::from_patterns(grammar, patterns)
    }

    /// The query of patterns compiled alone (`compile`), by index; an
    /// `Err` is a pattern left to the cursor, with the reason.
    pub fn from_patterns(
        grammar: &Language,
        mut patterns: Vec<Result<Pattern, String>>,
    ) -> NativeQuery {
        guard::number_chains(
            patterns
                .iter_mut()
                .filter_map(|p| p.as_mut().ok()?.guard.as_mut()),
        );
        let mut by_kind: Vec<Vec<u32>> = vec![Vec::new(); grammar.node_kind_count() + 1];
        let mut wildcard = Vec::new();
        for (i, compiled) in patterns.iter().enumerate() {
            let Ok(compiled) = compiled else {
                continue;
            };
            match compiled.root_kinds() {
                Some(kinds) => {
                    for kind in kinds {
                        if let Some(slot) = by_kind.get_mut(kind as usize) {
                            slot.push(i as u32);
                        }
                    }
                }
                None => wildcard.push(i as u32),
            }
        }
        let by_kind = by_kind
            .into_iter()
            .map(|rooted| {
                let order = rooted.into_iter().chain(wildcard.iter().copied()).collect();
                dispatch::Candidates::new(order, &patterns)
            })
            .collect();
        let wildcard = dispatch::Candidates::new(wildcard, &patterns);
        let named = (0..grammar.node_kind_count())
            .map(|kind| grammar.node_kind_is_named(kind as u16))
            .collect();
        NativeQuery {
            patterns,
            by_kind,
            wildcard,
            named,
        }
    }

    /// Whether pattern `i` is matched here.
    pub fn supports(&self, i: usize) -> bool {
        self.patterns.get(i).is_some_and(Result::is_ok)
    }

    /// The patterns wanted but not taken, with the reason.
    pub fn unsupported(&self) -> impl Iterator<Item = (usize, &str)> {
        self.patterns
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().err().map(|why| (i, why.as_str())))
            .filter(|(_, why)| *why != "not wanted")
    }

    /// One walk of the tree under `root` that only counts the matches,
    /// touching each capture as a consumer would (benchmarks): the work
    /// done and the number of matches.
    pub fn count(&self, root: Node<'_>, source: &[u8]) -> (u64, usize) {
        let mut matches = 0;
        let (work, _) = self.walk(
            &mut self.listing(root, source),
            || ControlFlow::Continue(()),
            |_, captures| {
                matches += 1;
                for (_, node) in captures {
                    std::hint::black_box(node.start_byte());
                }
                ControlFlow::Continue(())
            },
        );
        (work, matches)
    }

    /// The tree under `root` as the walks read it: listed once, as they
    /// need it, for the walks of every query of this grammar.
    pub fn listing<'t, 's>(&'s self, root: Node<'t>, source: &'s [u8]) -> Matcher<'t, 's> {
        Matcher::new(root, source, &self.named)
    }

    /// One walk of the tree `matcher` lists, every match of a supported
    /// pattern handed to `on_match` (pattern index, captures) until it
    /// breaks or `tick`, called once per `WORK_PER_TICK` units of work (as
    /// the query cursor calls its progress callback), does. Returns the
    /// work done by this walk and whether it ran to its end.
    pub fn walk<'t>(
        &self,
        matcher: &mut Matcher<'t, '_>,
        mut tick: impl FnMut() -> ControlFlow<()>,
        mut on_match: impl FnMut(usize, &Captures<'t>) -> ControlFlow<()>,
    ) -> (u64, bool) {
        matcher.work = 0;
        let source = matcher.source;
        // Pre-order over the flat tree: the places still to visit, the
        // next on top.
        let mut todo: Vec<flat::Ix> = vec![0];
        let mut next_tick = WORK_PER_TICK;
        let mut ends = guard::Ends::default();
        let mut admitted = Vec::new();
        while let Some(x) = todo.pop() {
            ends.clear();
            matcher.work += 1;
            let kind = matcher.flat.meta(x).kind;
            let candidates = self.by_kind.get(kind as usize).unwrap_or(&self.wildcard);
            candidates.admitted(
                &self.patterns,
                &mut ends,
                &mut matcher.flat,
                x,
                source,
                &mut admitted,
            );
            // A pattern not admitted costs one unit, as the root test its
            // guard replaces; counted as the patterns are passed.
            let mut passed = 0;
            for &at in &admitted {
                matcher.work += u64::from(at - passed);
                passed = at + 1;
                let p = candidates.pattern(at);
                let Some(Ok(pattern)) = self.patterns.get(p) else {
                    continue;
                };
                if matcher
                    .each_match(pattern, x, |way| on_match(p, way))
                    .is_break()
                {
                    return (matcher.work, false);
                }
            }
            matcher.work += u64::from(candidates.len() - passed);
            while matcher.work >= next_tick {
                next_tick += WORK_PER_TICK;
                if tick().is_break() {
                    return (matcher.work, false);
                }
            }
            let kids = matcher.flat.kids(x);
            todo.extend((0..kids.len).rev().map(|j| kids.at(j)));
        }
        (matcher.work, true)
    }
}
