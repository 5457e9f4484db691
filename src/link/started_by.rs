//! Work a hit already reports, found again inside the function it starts:
//! a rule with `unless_started_by` (a ticker loop) does not count in a
//! function whose every call is written inside a hit of one of the named
//! rules (`go c.GatherStorageMetrics(ctx)`, a goroutine the program starts
//! at boot). The goroutine's finding is the one piece of background work;
//! a loop in a function nothing calls (a task a library's runner starts)
//! keeps its own.

use super::{CallEdge, CodeNode, DefNodes, LiveHit};
use crate::extract::facts::FileFacts;
use crate::rules::RuleSet;
use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// `live` less the hits whose function only hits of their rule's
/// `unless_started_by` rules call.
pub fn without_restarted(
    graph: &DiGraph<CodeNode, CallEdge>,
    def_nodes: &DefNodes,
    files: &[FileFacts],
    rules: &RuleSet,
    mut live: Vec<LiveHit>,
) -> Vec<LiveHit> {
    let rule_of = |l: &LiveHit| &rules.rules[files[l.file].hits[l.hit].rule()];
    if live
        .iter()
        .all(|l| rule_of(l).when.unless_started_by.is_empty())
    {
        return live;
    }
    // The rules some rule names as its starters.
    let named: Vec<&str> = rules
        .rules
        .iter()
        .flat_map(|r| &r.when.unless_started_by)
        .map(String::as_str)
        .collect();
    // Where each starting rule's hits are written: (rule id, file, def, hit).
    let starters: Vec<(&str, usize, Option<usize>, &crate::extract::facts::Hit)> = live
        .iter()
        .filter(|l| named.contains(&rule_of(l).id.as_str()))
        .map(|l| (l, &files[l.file].hits[l.hit]))
        .filter(|(_, hit)| hit.suppression().is_none())
        .map(|(l, hit)| (rule_of(l).id.as_str(), l.file, hit.def(), hit))
        .collect();
    let started_inside = |ids: &[String], edge: petgraph::graph::EdgeReference<CallEdge>| {
        let node = graph[edge.source()];
        let (file, def) = (node.file(), node.def());
        let at = edge.weight().at;
        starters.iter().any(|&(id, f, d, hit)| {
            f == file && d == def && hit.pos <= at && at <= hit.end && ids.iter().any(|i| i == id)
        })
    };
    live.retain(|l| {
        let ids = &rule_of(l).when.unless_started_by;
        let node = files[l.file].hits[l.hit]
            .def()
            .and_then(|def| def_nodes.get(l.file, def));
        let (false, Some(node)) = (ids.is_empty(), node) else {
            return true;
        };
        let mut calls = graph.edges_directed(node, Direction::Incoming).peekable();
        calls.peek().is_none() || !calls.all(|edge| started_inside(ids, edge))
    });
    live
}
