//! A finding that holds only with another rule's hit (`program_has`: a
//! `req.session` use with a memory store configured, a search of the local
//! index that model registrations fill) is listed under that cause: the
//! cause leads and the uses are its `also` places, as one thing to fix.
//! Routes still show each use with its chain. Rules that need each other
//! (a store and its uses found either way round) are left apart, and so is
//! a use that names shared state when its cause names none.

use super::folding::{Listings, Merged};
use crate::link::Program;
use crate::rules::RuleSet;
use rustc_hash::FxHashMap;

/// Folds each listed hit of a `program_has` rule into the first listed hit
/// of the same kind of a rule it names that shares a route with it
/// (`affected[live]`: the routes each hit is on).
pub fn fold_uses(
    program: &Program,
    rules: &RuleSet,
    judged: &[bool],
    affected: &[Vec<usize>],
    listings: &mut Listings,
) {
    let hit_of = |live: usize| {
        let l = &program.hits[live];
        &program.files[l.file].hits[l.hit]
    };
    // Listed on its own, alone or as the lead of the same rule's hits in
    // its function; a lead folded into a cause takes those along.
    let listed = |live: usize, listings: &Listings| {
        judged[live]
            && !listings.folded[live]
            && listings
                .leads
                .get(&live)
                .is_none_or(|_| listings.function_members.contains_key(&live))
    };
    let mut by_rule: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for live in 0..program.hits.len() {
        if listed(live, listings) {
            by_rule
                .entry(rules.rules[hit_of(live).rule()].id.as_str())
                .or_default()
                .push(live);
        }
    }
    let place = |live: usize| {
        let file = program.hits[live].file;
        (program.files[file].path.as_str(), hit_of(live).pos)
    };
    for live in 0..program.hits.len() {
        let rule = &rules.rules[hit_of(live).rule()];
        if rule.when.program_has.is_empty() || !listed(live, listings) {
            continue;
        }
        let cause = rule
            .when
            .program_has
            .iter()
            .flat_map(|id| by_rule.get(id.as_str()).into_iter().flatten().copied())
            .filter(|&c| {
                let cause_rule = &rules.rules[hit_of(c).rule()];
                cause_rule.kind == rule.kind
                    && !cause_rule.when.program_has.contains(&rule.id)
                    && !listings.folded[c]
                    // The shared state the use names stays in the report
                    // (the routes that share it): under the cause's own.
                    && (program.hits[c].state_key.is_some()
                        || program.hits[live].state_key.is_none())
                    && affected[c].iter().any(|r| affected[live].contains(r))
            })
            .min_by_key(|&c| place(c));
        if let Some(cause) = cause {
            listings.folded[live] = true;
            let members = listings.leads.remove(&live).map_or(Vec::new(), |m| m.also);
            let also = &mut listings
                .leads
                .entry(cause)
                .or_insert_with(|| Merged {
                    also: Vec::new(),
                    states: Vec::new(),
                })
                .also;
            also.push(live);
            also.extend(members);
        }
    }
}
