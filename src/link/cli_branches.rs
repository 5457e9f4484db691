//! Code behind a command-line option or command: a branch of start-up code
//! that tests one (`case c.IsSet("gen-keys"): return …`, `if
//! (optionInit.HasValue()) { …; return 0; }`) or a CLI command's action
//! (`Action: genKeysAction`), captured `@cli` in `entries.scm`. Its calls are
//! a tool's work (writing key files, copying a settings file), which start-up
//! does not follow: unless what they call goes on to declare routes (the
//! `serve` command, the legacy action that falls through to serving), when
//! they are the server's start like any other.

use super::routes::Route;
use super::{CallEdge, CodeNode, DefNodes};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Clears `cli` on the edges whose callee reaches the handler or a hook of
/// a route: those commands serve.
pub fn settle(graph: &mut DiGraph<CodeNode, CallEdge>, def_nodes: &DefNodes, routes: &[Route]) {
    if !graph.edge_weights().any(|e| e.cli) {
        return;
    }
    let mut serves = vec![false; graph.node_count()];
    // The code that declares a route names its handler and hooks: whatever
    // reaches them declares routes (a tool calling a handler itself would
    // pass too, and keep its findings as before).
    let mut stack: Vec<NodeIndex> = routes
        .iter()
        .flat_map(|route| route.handler.iter().chain(&route.before))
        .filter_map(|&(file, def)| def_nodes.get(file, def))
        .collect();
    while let Some(node) = stack.pop() {
        if std::mem::replace(&mut serves[node.index()], true) {
            continue;
        }
        stack.extend(
            graph
                .edges_directed(node, Direction::Incoming)
                .map(|e| e.source())
                .filter(|caller| !serves[caller.index()]),
        );
    }
    let serving: Vec<_> = graph
        .edge_references()
        .filter(|e| e.weight().cli && serves[e.target().index()])
        .map(|e| e.id())
        .collect();
    for id in serving {
        graph[id].cli = false;
    }
}
