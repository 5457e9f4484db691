//! Shared-state groups: routes that touch the same global, session key or
//! file path must move together. Union-find over routes linked by state keys.

use super::Assessment;
use crate::link::Program;
use crate::rules::{Reach, RuleSet};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Routes (indices into `Program::routes`) that share the listed state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub state: Vec<String>,
    pub routes: Vec<usize>,
}

pub fn group_routes(program: &Program, rules: &RuleSet, assessments: &[Assessment]) -> Vec<Group> {
    let mut routes_by_key: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for a in assessments {
        for f in &a.findings {
            let live = &program.hits[f.live_hit];
            let rule = &rules.rules[program.files[live.file].hits[live.hit].rule()];
            // Sharing a package or a kind of call is no shared state.
            if !rule.kind.is_shared_state() || rule.reach == Reach::App {
                continue;
            }
            if let Some(key) = &live.state_key {
                routes_by_key.entry(key).or_default().insert(a.route_idx);
            }
        }
    }
    // State every route of an app touches (a session read by a hook) says
    // nothing about which routes must move together.
    let mut per_runtime: FxHashMap<&str, usize> = FxHashMap::default();
    for route in &program.routes {
        *per_runtime
            .entry(program.files[route.file].lang.runtime())
            .or_default() += 1;
    }
    routes_by_key.retain(|_, routes| {
        let Some(&first) = routes.iter().next() else {
            return false;
        };
        let runtime = program.files[program.routes[first].file].lang.runtime();
        routes.len() < per_runtime.get(runtime).copied().unwrap_or(0) || routes.len() < 3
    });
    let n = program.routes.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for routes in routes_by_key.values() {
        let mut it = routes.iter();
        if let Some(&first) = it.next() {
            for &other in it {
                let (a, b) = (find(&mut parent, first), find(&mut parent, other));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for (key, routes) in &routes_by_key {
        if routes.len() < 2 {
            continue;
        }
        let Some(&first) = routes.iter().next() else {
            continue;
        };
        let root = find(&mut parent, first);
        let group = groups.entry(root).or_insert_with(|| Group {
            state: Vec::new(),
            routes: Vec::new(),
        });
        group.state.push(key.to_string());
        group.routes.extend(routes.iter().copied());
    }
    let mut out: Vec<Group> = groups
        .into_values()
        .map(|mut g| {
            g.state.sort();
            g.state.dedup();
            g.routes.sort_unstable();
            g.routes.dedup();
            g
        })
        .collect();
    out.sort_by(|a, b| a.routes.cmp(&b.routes));
    out
}
