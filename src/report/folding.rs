//! Which hits are listed as one finding.
//!
//! - Within a function: the hits of one rule on the same state in the same
//!   function (six `io.emit` calls, a flag set and reset) are one finding at
//!   the first of them; they reach the same routes, so listing each would
//!   repeat one fact. The other lines are the finding's `also` places.
//! - Within an application: the hits of a rule marked `once_per_app` (a heavy
//!   package imported on many lines of many modules) are one cold-start
//!   finding of their application, not a warning per import line. The lead
//!   is the import of the heaviest package (measured import memory; an
//!   unmeasured one such as torch counts as heaviest), preferring a module
//!   that holds a route handler; the message names every package, heaviest
//!   first.

use crate::link::Program;
use crate::rules::RuleSet;
use rustc_hash::{FxHashMap, FxHashSet};

/// A finding that stands for several hits.
pub struct Merged {
    /// The other hits it stands for (indices into `Program::hits`).
    pub also: Vec<usize>,
    /// For a `once_per_app` group, the packages (hit states) of all its hits,
    /// heaviest first; empty for a group within a function.
    pub states: Vec<String>,
}

/// The leads by live hit; every other member of a group is folded into its
/// lead and not listed on its own.
pub struct Listings {
    pub leads: FxHashMap<usize, Merged>,
    pub folded: Vec<bool>,
    /// The lead of each hit folded within its function: it reaches the same
    /// routes as its lead, so a route lists the lead only.
    pub function_lead: FxHashMap<usize, usize>,
    /// The hits folded within their function into each lead (a route
    /// finding's `also_lines`), whatever the lead is listed under.
    pub function_members: FxHashMap<usize, Vec<usize>>,
}

/// Groups the judged hits: `once_per_app` rules by rule and application,
/// every other rule by rule, function and state.
pub fn listings(program: &Program, rules: &RuleSet, judged: &[bool]) -> Listings {
    let mut listings = Listings {
        leads: FxHashMap::default(),
        folded: vec![false; program.hits.len()],
        function_lead: FxHashMap::default(),
        function_members: FxHashMap::default(),
    };
    per_app(program, rules, judged, &mut listings);
    within_function(program, rules, judged, &mut listings);
    listings
}

/// Folds the hits of a rule on one state in one function into the first.
fn within_function(program: &Program, rules: &RuleSet, judged: &[bool], listings: &mut Listings) {
    let mut groups: FxHashMap<_, Vec<usize>> = FxHashMap::default();
    for (live, l) in program.hits.iter().enumerate() {
        let hit = &program.files[l.file].hits[l.hit];
        if judged[live] && !rules.rules[hit.rule()].once_per_app {
            let key = (
                l.file,
                hit.rule(),
                hit.def(),
                hit.holder(),
                l.state_key.as_deref(),
                hit.once(),
                hit.on_submit(),
            );
            groups.entry(key).or_default().push(live);
        }
    }
    for mut members in groups.into_values().filter(|m| m.len() > 1) {
        members.sort_by_key(|&live| {
            let l = &program.hits[live];
            program.files[l.file].hits[l.hit].pos
        });
        let lead = members[0];
        for &other in &members[1..] {
            listings.folded[other] = true;
            listings.function_lead.insert(other, lead);
        }
        listings
            .function_members
            .insert(lead, members[1..].to_vec());
        listings.leads.insert(
            lead,
            Merged {
                also: members[1..].to_vec(),
                states: Vec::new(),
            },
        );
    }
}

/// Folds the hits of each `once_per_app` rule in one application into the
/// heaviest import.
fn per_app(program: &Program, rules: &RuleSet, judged: &[bool], listings: &mut Listings) {
    let handler_files: FxHashSet<usize> = program
        .routes
        .iter()
        .filter_map(|r| r.handler.map(|(file, _)| file))
        .collect();
    let hit_of = |live: usize| {
        let l = &program.hits[live];
        &program.files[l.file].hits[l.hit]
    };
    let heaviness = |live: usize| -> f64 {
        let file = &program.files[program.hits[live].file];
        hit_of(live).state.as_deref().map_or(0.0, |name| {
            crate::footprints::package(file.lang.runtime(), name)
                .map_or(f64::INFINITY, |p| p.rss_mb)
        })
    };
    let mut groups: FxHashMap<_, Vec<usize>> = FxHashMap::default();
    for (live, l) in program.hits.iter().enumerate() {
        let rule = hit_of(live).rule();
        if judged[live] && rules.rules[rule].once_per_app {
            groups
                .entry((rule, program.apps.app_key(l.file)))
                .or_default()
                .push(live);
        }
    }
    for mut members in groups.into_values() {
        // Ties (two unmeasured packages) go to the one imported more often.
        let mut uses: FxHashMap<&str, usize> = FxHashMap::default();
        for &live in &members {
            *uses
                .entry(hit_of(live).state.as_deref().unwrap_or(""))
                .or_default() += 1;
        }
        let weight = |live: usize| {
            let state = hit_of(live).state.as_deref().unwrap_or("");
            (heaviness(live), uses.get(state).copied().unwrap_or(0))
        };
        members.sort_by(|&a, &b| {
            let place = |live: usize| {
                let file = program.hits[live].file;
                (
                    !handler_files.contains(&file),
                    program.files[file].path.as_str(),
                    hit_of(live).pos,
                )
            };
            let (wa, wb) = (weight(a), weight(b));
            wb.0.total_cmp(&wa.0)
                .then(wb.1.cmp(&wa.1))
                .then_with(|| place(a).cmp(&place(b)))
        });
        // Members are sorted heaviest first: their states in that order.
        let mut states: Vec<String> = Vec::new();
        for &live in &members {
            if let Some(state) = &hit_of(live).state {
                if !states.iter().any(|s| state == s) {
                    states.push(state.to_string());
                }
            }
        }
        let lead = members[0];
        for &other in &members[1..] {
            listings.folded[other] = true;
        }
        listings.leads.insert(
            lead,
            Merged {
                also: members[1..].to_vec(),
                states,
            },
        );
    }
}
