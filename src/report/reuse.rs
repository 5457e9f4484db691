//! Reusing the previous report's parts after an edit (the language server).
//! A route's report is a function of its route, its assessment, the
//! fingerprints of its hits and the facts of the files it names; a listed
//! finding's, of its live hit, its fingerprint, the hits folded into it, the
//! routes it affects and the facts of the files it names. Each is keyed by a
//! hash of all but the files' facts: one whose key is unchanged and that
//! names no file whose facts changed is moved from the previous report
//! instead of built again.

use super::{FindingReport, RouteReport};
use crate::assess::Assessment;
use crate::extract::facts::Pos;
use crate::link::{LiveHit, Program};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// The keys of a report's routes and findings, in the report's order.
#[derive(Default)]
pub struct Keys {
    pub(super) routes: Vec<u64>,
    pub(super) findings: Vec<u64>,
}

/// The previous report's routes and findings with their keys, and the one
/// file (index into `Program::files`, the same files in the same order)
/// whose facts changed since.
pub struct Previous {
    pub routes: Vec<RouteReport>,
    pub findings: Vec<FindingReport>,
    pub keys: Keys,
    pub changed: usize,
}

/// A part's key, and whether it names the file whose facts changed (then
/// it is built again whatever its key).
#[derive(Clone, Copy)]
pub(super) struct Key {
    pub hash: u64,
    pub names_changed: bool,
}

/// Parts of the previous report by key, taken at most once each.
pub(super) struct Reusable<T> {
    parts: Vec<Option<T>>,
    /// The first part of each key; `next[i]`, the next part of part i's key.
    first: FxHashMap<u64, usize>,
    next: Vec<Option<usize>>,
}

impl<T> Reusable<T> {
    /// Nothing to reuse when the keys do not match the parts one to one.
    pub fn new(parts: Vec<T>, keys: &[u64]) -> Self {
        if parts.len() != keys.len() {
            return Reusable::none();
        }
        let mut first = FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
        let mut next = vec![None; keys.len()];
        for (i, &key) in keys.iter().enumerate().rev() {
            next[i] = first.insert(key, i);
        }
        Reusable {
            parts: parts.into_iter().map(Some).collect(),
            first,
            next,
        }
    }

    pub fn none() -> Self {
        Reusable {
            parts: Vec::new(),
            first: FxHashMap::default(),
            next: Vec::new(),
        }
    }

    /// The part built for `key` before, unless it names the changed file.
    pub fn take(&mut self, key: Key) -> Option<T> {
        if key.names_changed {
            return None;
        }
        let i = self.first.get(&key.hash).copied()?;
        match self.next[i] {
            Some(n) => self.first.insert(key.hash, n),
            None => self.first.remove(&key.hash),
        };
        self.parts[i].take()
    }
}

fn hash_pos(pos: Pos, h: &mut FxHasher) {
    (pos.line, pos.column).hash(h);
}

/// A live hit as a key sees it: which hit of which file, and its fingerprint
/// (which depends on the file's other live hits, not only its facts).
fn hash_hit(program: &Program, prints: &[String], live_hit: usize, h: &mut FxHasher) {
    let live = &program.hits[live_hit];
    (live.file, live.hit, &prints[live_hit]).hash(h);
}

/// The key of the report of assessment `a`'s route; `changed` is the file
/// whose facts changed since the previous report.
pub(super) fn route_key(
    program: &Program,
    listings: &super::folding::Listings,
    a: &Assessment,
    prints: &[String],
    changed: Option<usize>,
) -> Key {
    let route = &program.routes[a.route_idx];
    let mut names = vec![route.file];
    let mut h = FxHasher::default();
    (&route.method, &route.path, &route.framework, route.file).hash(&mut h);
    (route.pos.line, &route.handler_name).hash(&mut h);
    for p in &route.prefixes {
        (&p.name, &p.value, p.at, &p.in_settings, &p.env, &p.defined).hash(&mut h);
        names.extend(p.at.map(|(file, _)| file));
    }
    (a.verdict, a.score, a.cold_start, &a.cold_start_packages).hash(&mut h);
    for f in &a.findings {
        hash_hit(program, prints, f.live_hit, &mut h);
        (f.cost, f.is_cause, f.chain.len()).hash(&mut h);
        names.push(program.hits[f.live_hit].file);
        super::listed_on_route(listings, a, f.live_hit).hash(&mut h);
        for other in super::folded_into(listings, f.live_hit) {
            hash_hit(program, prints, other, &mut h);
            names.push(program.hits[other].file);
        }
        for step in &f.chain {
            (step.node, step.file).hash(&mut h);
            hash_pos(step.pos, &mut h);
            (step.called_at.map(|p| p.line), step.how).hash(&mut h);
            names.push(step.file);
        }
    }
    Key {
        hash: h.finish(),
        names_changed: changed.is_some_and(|c| names.contains(&c)),
    }
}

/// The key of the listed finding of `live_hit`: `also`, the hits folded
/// into it; `states`, the packages its message names when merged;
/// `routes`, the ids of the routes it affects, as gathered.
pub(super) fn finding_key<'r>(
    program: &Program,
    prints: &[String],
    live_hit: usize,
    also: &[usize],
    states: Option<&[String]>,
    routes: impl Iterator<Item = &'r str>,
    changed: Option<usize>,
) -> Key {
    let live: &LiveHit = &program.hits[live_hit];
    let mut h = FxHasher::default();
    hash_hit(program, prints, live_hit, &mut h);
    (&live.state_key, states, also.len()).hash(&mut h);
    let mut names_changed = changed == Some(live.file);
    for &other in also {
        hash_hit(program, prints, other, &mut h);
        names_changed |= changed == Some(program.hits[other].file);
    }
    for id in routes {
        id.hash(&mut h);
    }
    Key {
        hash: h.finish(),
        names_changed,
    }
}
