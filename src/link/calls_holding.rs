//! Hits judged by the function they call: a `go` statement whose callee
//! loops accepting connections starts a server of its own
//! (`if_calls_holding`), and one whose callee only leads to such a start
//! (`go ssh.Start()`, where `Start` runs `go listen(cfg)`) is no finding of
//! its own (`unless_calls_reaching`): the server is reported once, where it
//! starts.

use super::{CallEdge, CodeNode, DefNodes, LiveHit};
use crate::extract::facts::FileFacts;
use crate::rules::RuleSet;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::{FxHashMap, FxHashSet};

/// `live` less the hits whose callees do not hold a hit of their rule's
/// `if_calls_holding` rules, or lead to one of its `unless_calls_reaching`
/// rules.
pub fn judged_by_callees(
    graph: &DiGraph<CodeNode, CallEdge>,
    def_nodes: &DefNodes,
    files: &[FileFacts],
    rules: &RuleSet,
    mut live: Vec<LiveHit>,
) -> Vec<LiveHit> {
    let rule_of = |l: &LiveHit| &rules.rules[files[l.file].hits[l.hit].rule()];
    if live.iter().all(|l| {
        let when = &rule_of(l).when;
        when.if_calls_holding.is_empty() && when.unless_calls_reaching.is_empty()
    }) {
        return live;
    }
    // The functions holding a hit of each rule.
    let mut holders: FxHashMap<&str, Vec<NodeIndex>> = FxHashMap::default();
    for l in &live {
        let hit = &files[l.file].hits[l.hit];
        if let Some(node) = hit.def().and_then(|def| def_nodes.get(l.file, def)) {
            holders
                .entry(rule_of(l).id.as_str())
                .or_default()
                .push(node);
        }
    }
    let holding = |ids: &[String]| -> FxHashSet<NodeIndex> {
        ids.iter()
            .filter_map(|id| holders.get(id.as_str()))
            .flatten()
            .copied()
            .collect()
    };
    // For each list of rules: the functions holding one of their hits, and
    // those whose calls lead there.
    let mut held: FxHashMap<&[String], FxHashSet<NodeIndex>> = FxHashMap::default();
    let mut reaching: FxHashMap<&[String], FxHashSet<NodeIndex>> = FxHashMap::default();
    for rule in &rules.rules {
        let when = &rule.when;
        if !when.if_calls_holding.is_empty() {
            held.entry(&when.if_calls_holding)
                .or_insert_with(|| holding(&when.if_calls_holding));
        }
        if !when.unless_calls_reaching.is_empty() {
            reaching
                .entry(&when.unless_calls_reaching)
                .or_insert_with(|| callers_of(graph, holding(&when.unless_calls_reaching)));
        }
    }
    live.retain(|l| {
        let when = &rule_of(l).when;
        let hit = &files[l.file].hits[l.hit];
        let callees = || {
            hit.def()
                .and_then(|def| def_nodes.get(l.file, def))
                .into_iter()
                .flat_map(|node| graph.edges_directed(node, Direction::Outgoing))
                .filter(|edge| hit.encloses(edge.weight().at))
                .map(|edge| edge.target())
        };
        let holds = held
            .get(when.if_calls_holding.as_slice())
            .is_none_or(|nodes| callees().any(|n| nodes.contains(&n)));
        let leads = reaching
            .get(when.unless_calls_reaching.as_slice())
            .is_some_and(|nodes| callees().any(|n| nodes.contains(&n)));
        holds && !leads
    });
    live
}

/// `targets` and every function whose calls lead to one of them.
fn callers_of(
    graph: &DiGraph<CodeNode, CallEdge>,
    targets: FxHashSet<NodeIndex>,
) -> FxHashSet<NodeIndex> {
    let mut seen = targets;
    let mut stack: Vec<NodeIndex> = seen.iter().copied().collect();
    while let Some(node) = stack.pop() {
        for caller in graph.neighbors_directed(node, Direction::Incoming) {
            if seen.insert(caller) {
                stack.push(caller);
            }
        }
    }
    seen
}
