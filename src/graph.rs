//! graph: the call graph behind the verdicts, as Mermaid or Graphviz DOT.
//! Routes point at their handlers and hooks, functions at what they call,
//! and the functions holding a finding at the finding (marked by severity).
//! For the whole program only the calls that lead to findings are drawn; for
//! one route (or with `all_functions`), every function it reaches.

use crate::assess::reach::reach_calls;
use crate::assess::Verdict;
use crate::link::CodeNode;
use crate::rules::{RuleSet, Severity};
use crate::scan::ScanOutput;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// A node of the drawing, ordered so output is deterministic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Route(usize),
    Code(CodeNode),
    /// Index into `Program::hits`.
    Finding(usize),
}

#[derive(Debug, Clone)]
enum Look {
    Route(Verdict),
    Function,
    Finding(Severity),
}

/// The nodes and edges to draw.
#[derive(Debug, Default)]
pub struct View {
    nodes: BTreeMap<Key, (String, Option<Look>)>,
    edges: BTreeSet<(Key, Key)>,
}

impl View {
    /// The graph of the routes at `selected` (indices into the report's
    /// routes, which follow the assessments).
    pub fn build(
        output: &ScanOutput,
        rules: &RuleSet,
        selected: &[usize],
        all_functions: bool,
    ) -> View {
        let program = &output.program;
        let mut view = View::default();
        let code_label = |node: CodeNode| {
            let file = &program.files[node.file()];
            match node.def() {
                Some(def) => {
                    let d = &file.defs[def];
                    format!("{}\n{}:{}", d.qualified_name(), file.path, d.pos.line)
                }
                None => format!("module\n{}", file.path),
            }
        };
        for &i in selected {
            let (Some(a), Some(report_route)) = (
                output.assessed.assessments.get(i),
                output.report.routes.get(i),
            ) else {
                continue;
            };
            let route_key = Key::Route(i);
            view.nodes.insert(
                route_key,
                (report_route.id.clone(), Some(Look::Route(a.verdict))),
            );
            let route = &program.routes[a.route_idx];
            if all_functions {
                let roots: Vec<_> = route
                    .before
                    .iter()
                    .chain(route.handler.iter())
                    .filter_map(|&(file, def)| program.def_nodes.get(file, def))
                    .collect();
                let reached = reach_calls(program, &roots);
                for &root in &roots {
                    view.edges
                        .insert((route_key, Key::Code(program.graph[root])));
                }
                for node in reached.nodes() {
                    let code = program.graph[node];
                    view.nodes
                        .insert(Key::Code(code), (code_label(code), Some(Look::Function)));
                    for edge in program.graph.edges(node) {
                        if reached.contains(edge.target()) {
                            view.edges
                                .insert((Key::Code(code), Key::Code(program.graph[edge.target()])));
                        }
                    }
                }
            }
            for f in &a.findings {
                let live = &program.hits[f.live_hit];
                let hit = &program.files[live.file].hits[live.hit];
                let rule = &rules.rules[hit.rule()];
                let finding = Key::Finding(f.live_hit);
                view.nodes.insert(
                    finding,
                    (
                        format!(
                            "{}\n{}:{}",
                            rule.id, program.files[live.file].path, hit.pos.line
                        ),
                        Some(Look::Finding(rule.severity)),
                    ),
                );
                let mut previous = route_key;
                for step in &f.chain {
                    let key = Key::Code(step.node);
                    view.nodes
                        .entry(key)
                        .or_insert_with(|| (code_label(step.node), Some(Look::Function)));
                    view.edges.insert((previous, key));
                    previous = key;
                }
                view.edges.insert((previous, finding));
            }
        }
        view
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    fn ids(&self) -> BTreeMap<Key, String> {
        self.nodes
            .keys()
            .enumerate()
            .map(|(i, k)| {
                let prefix = match k {
                    Key::Route(_) => "r",
                    Key::Code(_) => "f",
                    Key::Finding(_) => "x",
                };
                (*k, format!("{prefix}{i}"))
            })
            .collect()
    }

    pub fn to_mermaid(&self) -> String {
        let ids = self.ids();
        let mut out = String::from("flowchart LR\n");
        for (key, (label, look)) in &self.nodes {
            let id = &ids[key];
            let text = mermaid_label(label).replace('\n', "<br/>");
            let _ = match look {
                Some(Look::Route(v)) => writeln!(out, "  {id}[\"{text}\"]:::{}", v.as_str()),
                Some(Look::Finding(s)) => {
                    writeln!(out, "  {id}{{{{\"{text}\"}}}}:::{}", s.as_str())
                }
                _ => writeln!(out, "  {id}(\"{text}\")"),
            };
        }
        for (a, b) in &self.edges {
            let _ = writeln!(out, "  {} --> {}", ids[a], ids[b]);
        }
        out.push_str(&mermaid_classes(&[
            "function",
            "refactor",
            "container",
            "blocker",
            "advisory",
        ]));
        out
    }

    pub fn to_dot(&self) -> String {
        let ids = self.ids();
        let mut out = String::from(
            "digraph carve {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n",
        );
        for (key, (label, look)) in &self.nodes {
            let attrs = match look {
                Some(Look::Route(v)) => format!(
                    "shape=box, style=\"filled,bold\", fillcolor=\"{}\"",
                    fill(v.as_str())
                ),
                Some(Look::Finding(s)) => format!(
                    "shape=note, style=filled, fillcolor=\"{}\"",
                    fill(s.as_str())
                ),
                _ => "shape=ellipse".to_string(),
            };
            let _ = writeln!(
                out,
                "  {} [label=\"{}\", {attrs}];",
                ids[key],
                dot_label(label)
            );
        }
        for (a, b) in &self.edges {
            let _ = writeln!(out, "  {} -> {};", ids[a], ids[b]);
        }
        out.push_str("}\n");
        out
    }
}

/// Fill and stroke of each verdict and severity, in every drawing.
const STYLES: [(&str, &str, &str); 5] = [
    ("function", "#d4f7d4", "#2a2"),
    ("refactor", "#fff3c4", "#b80"),
    ("container", "#ffd6d6", "#c22"),
    ("blocker", "#ffd6d6", "#c22"),
    ("advisory", "#fff3c4", "#b80"),
];

fn fill(class: &str) -> &'static str {
    STYLES
        .iter()
        .find(|(name, _, _)| *name == class)
        .map_or("#ffd6d6", |(_, fill, _)| fill)
}

/// Mermaid `classDef` lines for the named verdicts and severities.
pub fn mermaid_classes(classes: &[&str]) -> String {
    STYLES
        .iter()
        .filter(|(name, _, _)| classes.contains(name))
        .map(|(name, fill, stroke)| format!("  classDef {name} fill:{fill},stroke:{stroke}\n"))
        .collect()
}

/// Text inside a quoted Mermaid label: quotes and angle brackets as entities.
pub fn mermaid_label(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// Text inside a quoted DOT label; line breaks become `\n`.
fn dot_label(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
