//! Which files are server code: the files that declare routes, hold their
//! handlers and hooks, start the app (`entry` facts) or sit in a folder the
//! app loads by convention, and every file they
//! import or call into. Only server code is judged: a React component, a
//! browser bundle, a CLI script or a migration that no server file imports
//! raises nothing. A file marked for the browser (`'use client'`) never is
//! server code and leads nowhere. A program with no route and no entry at
//! all (a library, a lone file) is judged whole: nothing says what its
//! server is.

use super::modules::ModuleIndex;
use super::routes::Route;
use super::CodeNode;
use crate::extract::facts::{FileFacts, MountChild};
use petgraph::graph::DiGraph;

/// `next[file]`: the files `file` imports or calls into through the call
/// edges `follow` accepts.
pub fn file_edges<E>(
    files: &[FileFacts],
    modules: &ModuleIndex,
    graph: &DiGraph<CodeNode, E>,
    follow: impl Fn(&E) -> bool,
) -> Vec<Vec<usize>> {
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
    for (from, facts) in files.iter().enumerate() {
        for import in &facts.imports {
            let submodule = import
                .name
                .as_ref()
                .and_then(|name| modules.submodule_spec(files, from, &import.module, name));
            let specs = std::iter::once(import.module.as_str()).chain(submodule.as_deref());
            next[from].extend(specs.filter_map(|spec| modules.resolve(files, from, spec)));
        }
    }
    let file_of = |node: CodeNode| match node {
        CodeNode::Def { file, .. } | CodeNode::Module { file } => file,
    };
    for edge in graph.raw_edges().iter().filter(|e| follow(&e.weight)) {
        let (from, to) = (file_of(graph[edge.source()]), file_of(graph[edge.target()]));
        if from != to {
            next[from].push(to);
        }
    }
    for targets in &mut next {
        targets.sort_unstable();
        targets.dedup();
    }
    next
}

/// `server[file]`: whether the file runs on the server, from the files each
/// file imports or calls into (`file_edges`).
pub fn server_files(files: &[FileFacts], next: &[Vec<usize>], routes: &[Route]) -> Vec<bool> {
    let mut seeds: Vec<usize> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.entry)
        .map(|(i, _)| i)
        .collect();
    // Folders a framework loads by convention (`@fastify/autoload`): every
    // file in them is loaded at start-up.
    for facts in files {
        let base = facts.path.rsplit_once('/').map_or("", |(dir, _)| dir);
        for mount in &facts.mounts {
            if let MountChild::Autoload(autoload) = &mount.child {
                if let Some(folder) = super::routes::join_relative(base, &autoload.dir) {
                    let inside = format!("{folder}/");
                    seeds.extend(
                        files
                            .iter()
                            .enumerate()
                            .filter(|(_, f)| f.path.starts_with(&inside))
                            .map(|(i, _)| i),
                    );
                }
            }
        }
    }
    for route in routes {
        seeds.push(route.file);
        seeds.extend(route.handler.map(|(file, _)| file));
        seeds.extend(route.before.iter().map(|&(file, _)| file));
    }
    if seeds.is_empty() {
        return files.iter().map(|f| !f.client).collect();
    }
    let mut server = vec![false; files.len()];
    while let Some(file) = seeds.pop() {
        if server[file] || files[file].client {
            continue;
        }
        server[file] = true;
        seeds.extend(next[file].iter().copied().filter(|&f| !server[f]));
    }
    server
}
