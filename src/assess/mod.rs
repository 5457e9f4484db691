//! assess: for each route, the rule hits it reaches (through calls, imports,
//! or app-wide configuration) with the shortest chain as evidence; then the
//! verdict, score and cold-start weight, and the groups of routes that share
//! state and must move together. Pure: a function of the `Program`.

pub mod reach;
pub mod shared_state;
pub mod verdict;

use crate::link::{CodeNode, Program};
use crate::rules::{Reach, RuleSet};
use reach::Step;
use rustc_hash::FxHashMap;
pub use shared_state::Group;
pub use verdict::Verdict;

/// One finding as it applies to one route.
#[derive(Debug, Clone)]
pub struct RouteFinding {
    /// Index into `Program::hits`.
    pub live_hit: usize,
    /// From the handler (or hook) to the function holding the hit.
    pub chain: Vec<Step>,
    /// Score points this finding cost the route (0 when its rule already did).
    pub cost: u32,
}

/// The verdict on one route.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub route_idx: usize,
    pub verdict: Verdict,
    pub score: u32,
    pub findings: Vec<RouteFinding>,
    /// Cold-start weight and the heavy packages causing it.
    pub cold_start: u32,
    pub cold_start_packages: Vec<String>,
}

pub struct Assessed {
    pub assessments: Vec<Assessment>,
    pub groups: Vec<Group>,
}

pub fn assess_program(program: &Program, rules: &RuleSet) -> Assessed {
    let mut by_def: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
    let mut module_level: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut app_wide = Vec::new();
    for (live_idx, live) in program.hits.iter().enumerate() {
        let hit = &program.files[live.file].hits[live.hit];
        match rules.rules[hit.rule].reach {
            Reach::Calls => {
                if let Some(def) = hit.def {
                    by_def.entry((live.file, def)).or_default().push(live_idx);
                }
            }
            Reach::Imports => module_level.entry(live.file).or_default().push(live_idx),
            Reach::App => app_wide.push(live_idx),
        }
    }
    let assessments: Vec<Assessment> = program
        .routes
        .iter()
        .enumerate()
        .map(|(route_idx, route)| {
            let mut roots = Vec::new();
            roots.extend(route.handler.and_then(|(f, d)| program.def_nodes[f][d]));
            roots.extend(route.before.iter().filter_map(|&(f, d)| program.def_nodes[f][d]));
            let reached = reach::reach_calls(program, &roots);
            let mut findings = Vec::new();
            let mut reached_hits: Vec<(&(usize, usize), &Vec<usize>)> = by_def
                .iter()
                .filter(|((f, d), _)| {
                    program.def_nodes[*f][*d].is_some_and(|n| reached.contains(n))
                })
                .collect();
            reached_hits.sort();
            for (&(f, d), lives) in reached_hits {
                let Some(node) = program.def_nodes[f][d] else { continue };
                let chain = reached.chain(program, node);
                findings.extend(lives.iter().map(|&live_hit| RouteFinding {
                    live_hit,
                    chain: chain.clone(),
                    cost: 0,
                }));
            }
            let mut import_files = vec![route.file];
            import_files.extend(route.before.iter().map(|&(f, _)| f));
            for start in import_files {
                let chains = reach::reach_imports(program, start);
                let mut files: Vec<_> = chains.keys().copied().collect();
                files.sort_unstable();
                for file in files {
                    for &live_hit in module_level.get(&file).into_iter().flatten() {
                        if findings.iter().any(|f| f.live_hit == live_hit) {
                            continue;
                        }
                        let chain = chains[&file]
                            .iter()
                            .map(|&(f, pos)| Step {
                                node: CodeNode::Module { file: f },
                                file: f,
                                pos,
                            })
                            .collect();
                        findings.push(RouteFinding {
                            live_hit,
                            chain,
                            cost: 0,
                        });
                    }
                }
            }
            let family = program.files[route.file].lang.is_js_family();
            for &live_hit in &app_wide {
                let file = program.hits[live_hit].file;
                if program.files[file].lang.is_js_family() == family {
                    findings.push(RouteFinding {
                        live_hit,
                        chain: Vec::new(),
                        cost: 0,
                    });
                }
            }
            verdict::judge(program, rules, route_idx, findings)
        })
        .collect();
    let groups = shared_state::group_routes(program, &assessments);
    Assessed {
        assessments,
        groups,
    }
}
