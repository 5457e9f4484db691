//! Verdict, score and cold-start weight of a route from its findings.
//! Score starts at 100; each rule costs its weight once per route (repeats
//! of a rule cost nothing and say so). Blockers decide the verdict: any that
//! needs a long-lived process (by kind, or as the rule says) gives `container`,
//! any other `refactor`, and so does start-up work every cold start pays (it
//! moves out of start-up).

use super::{Assessment, RouteFinding};
use crate::link::Program;
use crate::rules::{Kind, Needs, Rule, RuleSet, Severity};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing blocks it.
    Function,
    /// Only blockers with a known remedy.
    Refactor,
    /// Needs a long-lived process.
    Container,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Function => "function",
            Verdict::Refactor => "refactor",
            Verdict::Container => "container",
        }
    }
}

pub fn judge(
    program: &Program,
    rules: &RuleSet,
    route_idx: usize,
    mut findings: Vec<RouteFinding>,
    paid_at_startup: &FxHashSet<usize>,
) -> Assessment {
    // Work the server's start-up runs and every cold start pays (a model
    // loaded in a startup hook), not the route's own: moving it out of
    // start-up is a refactor, whatever the work needs.
    let at_startup = |f: &RouteFinding| paid_at_startup.contains(&f.live_hit);
    let rule_of = |f: &RouteFinding| {
        let live = &program.hits[f.live_hit];
        &rules.rules[program.files[live.file].hits[live.hit].rule()]
    };
    let pos_of = |f: &RouteFinding| {
        let live = &program.hits[f.live_hit];
        (
            program.files[live.file].path.as_str(),
            program.files[live.file].hits[live.hit].pos,
        )
    };
    // Blockers first, those that need a container before those that need a
    // refactor, heaviest first, then by place: the first is the top reason,
    // the one that decided the verdict.
    let rank = |f: &RouteFinding, r: &Rule| {
        (
            f.is_cause,
            r.severity,
            r.needs != Needs::Container || at_startup(f),
            std::cmp::Reverse(r.weight),
        )
    };
    findings.sort_by(|a, b| {
        let (ra, rb) = (rule_of(a), rule_of(b));
        (rank(a, ra), &ra.id, pos_of(a)).cmp(&(rank(b, rb), &rb.id, pos_of(b)))
    });
    findings.dedup_by_key(|f| f.live_hit);
    let mut charged: Vec<&str> = Vec::new();
    let mut score: u32 = 100;
    let mut verdict = Verdict::Function;
    let mut cold_start = 0;
    let mut packages = Vec::new();
    for finding in findings.iter_mut().filter(|f| !f.is_cause) {
        let rule = rule_of(finding);
        if !charged.contains(&rule.id.as_str()) {
            charged.push(&rule.id);
            finding.cost = rule.weight.min(score);
            score -= finding.cost;
        }
        if rule.severity == Severity::Blocker {
            let v = match rule.needs {
                Needs::Container if !at_startup(finding) => Verdict::Container,
                _ => Verdict::Refactor,
            };
            verdict = verdict.max(v);
        }
        if rule.kind == Kind::HeavyStartup {
            let live = &program.hits[finding.live_hit];
            if let Some(package) = &program.files[live.file].hits[live.hit].state {
                if !packages.iter().any(|p| package == p) {
                    packages.push(package.to_string());
                    cold_start += rule.weight;
                }
            }
        }
    }
    packages.sort();
    Assessment {
        route_idx,
        verdict,
        score,
        findings,
        cold_start,
        cold_start_packages: packages,
    }
}
