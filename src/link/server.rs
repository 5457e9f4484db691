//! Which files are server code: the files that declare routes, hold their
//! handlers and hooks, start the app (`entry` facts, or a function it runs
//! as it starts: a container's lifecycle hook) or sit in a folder the
//! app loads by convention, and every file they
//! import or call into. Only server code is judged: a React component, a
//! browser bundle, a CLI script or a migration that no server file imports
//! raises nothing. A file marked for the browser (`'use client'`) never is
//! server code and leads nowhere. A program with no route and no entry at
//! all (a library, a lone file) is judged whole: nothing says what its
//! server is. Where each entry is a program of its own (Go's `func main`),
//! one that reaches no route is a tool (a code generator), not the server.

use super::resolve::Resolver;
use super::routes::Route;
use super::CodeNode;
use crate::extract::facts::{FileFacts, MountChild};
use petgraph::graph::DiGraph;

/// The files each file imports or calls into, resolved once, read two ways.
pub struct FileEdges {
    /// Through imports and the call edges that are not guesses.
    pub sure: Vec<Vec<usize>>,
    /// Through the call edges that are guesses (by name alone).
    pub guessed: Vec<Vec<usize>>,
}

impl FileEdges {
    /// `guess` says which call edges are guesses.
    pub fn new<E>(
        resolver: &Resolver,
        graph: &DiGraph<CodeNode, E>,
        guess: impl Fn(&E) -> bool,
    ) -> Self {
        let files = resolver.files;
        let mut sure: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
        let mut guessed: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
        for (from, facts) in files.iter().enumerate() {
            for import in 0..facts.imports.len() {
                sure[from].extend(resolver.imported(from, import));
                sure[from].extend(resolver.imported_submodule(from, import));
            }
        }
        let file_of = |node: CodeNode| node.file();
        for edge in graph.raw_edges() {
            let (from, to) = (file_of(graph[edge.source()]), file_of(graph[edge.target()]));
            if from != to {
                let next = if guess(&edge.weight) {
                    &mut guessed
                } else {
                    &mut sure
                };
                next[from].push(to);
            }
        }
        for targets in sure.iter_mut().chain(&mut guessed) {
            targets.sort_unstable();
            targets.dedup();
        }
        FileEdges { sure, guessed }
    }

    /// The files `file` imports or calls into, guesses included.
    fn all(&self, file: usize) -> impl Iterator<Item = usize> + '_ {
        self.sure[file].iter().chain(&self.guessed[file]).copied()
    }
}

/// `server[file]`: whether the file runs on the server, from the files each
/// file imports or calls into (guesses included).
pub fn server_files(files: &[FileFacts], edges: &FileEdges, routes: &[Route]) -> Vec<bool> {
    let mut seeds: Vec<usize> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.entry || f.defs.iter().any(|d| d.startup))
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
    let mut route_files = Vec::new();
    for route in routes {
        route_files.push(route.file);
        route_files.extend(route.handler.map(|(file, _)| file));
        route_files.extend(route.before.iter().map(|&(file, _)| file));
    }
    // A program of its own that reaches no route is a tool, not the server.
    if !route_files.is_empty() {
        let mut is_route_file = vec![false; files.len()];
        for &file in &route_files {
            is_route_file[file] = true;
        }
        seeds.retain(|&seed| {
            !files[seed].lang.entries_are_programs() || reaches(files, edges, seed, &is_route_file)
        });
    }
    seeds.extend(route_files);
    if seeds.is_empty() {
        return files.iter().map(|f| !f.client).collect();
    }
    let mut server = vec![false; files.len()];
    while let Some(file) = seeds.pop() {
        if server[file] || files[file].client {
            continue;
        }
        server[file] = true;
        seeds.extend(edges.all(file).filter(|&f| !server[f]));
    }
    server
}

/// Whether `from`, or a file it imports or calls into, is a target.
fn reaches(files: &[FileFacts], edges: &FileEdges, from: usize, target: &[bool]) -> bool {
    let mut seen = vec![false; files.len()];
    let mut stack = vec![from];
    while let Some(file) = stack.pop() {
        if target[file] {
            return true;
        }
        if std::mem::replace(&mut seen[file], true) || files[file].client {
            continue;
        }
        stack.extend(edges.all(file).filter(|&f| !seen[f]));
    }
    false
}
