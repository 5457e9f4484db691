//! Work a hit already reports, found again inside the function it starts:
//! a rule with `unless_started_by` (a ticker loop) does not count in a
//! function whose every call is written inside a hit of one of the named
//! rules (`go c.GatherStorageMetrics(ctx)`, a goroutine the program starts
//! at boot). The goroutine's finding is the one piece of background work;
//! a loop in a function nothing calls (a task a library's runner starts)
//! keeps its own. A hit dropped so starts on behalf of its starter: the hits
//! of its rule in functions only it calls are dropped too (the goroutines of
//! the per-connection handler an SSH server's accept loop starts).

use super::{CallEdge, CodeNode, DefNodes, LiveHit};
use crate::extract::facts::{FileFacts, Hit};
use crate::rules::RuleSet;
use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// A hit that starts work: its rule, file, function and the hit.
type Starter<'a> = (&'a str, usize, Option<usize>, &'a Hit);

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
    let starters: Vec<Starter> = live
        .iter()
        .filter(|l| named.contains(&rule_of(l).id.as_str()))
        .map(|l| (l, &files[l.file].hits[l.hit]))
        .filter(|(_, hit)| hit.suppression().is_none())
        .map(|(l, hit)| (rule_of(l).id.as_str(), l.file, hit.def(), hit))
        .collect();
    // A hit dropped here is part of the work its starter reports: it starts
    // the rest of it too (a goroutine of the SSH server starts the handler of
    // each connection, whose goroutines are the server's as well).
    let mut absorbed: Vec<Starter> = Vec::new();
    let inside =
        |edge: petgraph::graph::EdgeReference<CallEdge>, (id, f, d, hit): Starter, ids: &[&str]| {
            let node = graph[edge.source()];
            let at = edge.weight().at;
            f == node.file() && d == node.def() && hit.encloses(at) && ids.contains(&id)
        };
    let mut kept = vec![true; live.len()];
    loop {
        let before = absorbed.len();
        for (l, kept) in live.iter().zip(kept.iter_mut()) {
            let rule = rule_of(l);
            let ids = &rule.when.unless_started_by;
            let hit = &files[l.file].hits[l.hit];
            let node = hit.def().and_then(|def| def_nodes.get(l.file, def));
            let (true, false, Some(node)) = (*kept, ids.is_empty(), node) else {
                continue;
            };
            let named: Vec<&str> = ids.iter().map(String::as_str).collect();
            let own = [rule.id.as_str()];
            let mut calls = graph.edges_directed(node, Direction::Incoming).peekable();
            let started = calls.peek().is_some()
                && calls.all(|edge| {
                    starters.iter().any(|&s| inside(edge, s, &named))
                        || absorbed.iter().any(|&s| inside(edge, s, &own))
                });
            if started {
                *kept = false;
                absorbed.push((rule.id.as_str(), l.file, hit.def(), hit));
            }
        }
        if absorbed.len() == before {
            break;
        }
    }
    let mut kept = kept.into_iter();
    live.retain(|_| kept.next().unwrap_or(true));
    live
}
