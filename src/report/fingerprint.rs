//! Fingerprints: a finding's identity across commits. Built from what a
//! finding is (rule, file, enclosing function, its source line with spaces
//! collapsed, and its rank among identical ones), never from its line
//! number, so code added above it does not make it "new".

use crate::extract::facts::Hit;
use crate::link::{LiveHit, Program};
use crate::rules::RuleSet;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// One fingerprint per live hit, in the order given.
pub fn fingerprints(program: &Program, rules: &RuleSet, lives: &[LiveHit]) -> Vec<String> {
    // (key, file, start, index): identical keys are told apart by their
    // order in the file.
    let mut keys: Vec<(String, usize, usize, usize)> = lives
        .par_iter()
        .enumerate()
        .map(|(i, live)| {
            let facts = &program.files[live.file];
            let hit = &facts.hits[live.hit];
            (
                key(&facts.path, scope_name(program, live, hit), rules, hit),
                live.file,
                hit.span.get().start,
                i,
            )
        })
        .collect();
    keys.par_sort_unstable();
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut out = vec![String::new(); lives.len()];
    for (k, _, _, i) in &keys {
        let rank = seen.entry(k.as_str()).or_insert(0);
        out[*i] = format!("{:016x}", fnv1a(format!("{k}\u{0}{rank}").as_bytes()));
        *rank += 1;
    }
    out
}

fn scope_name(program: &Program, live: &LiveHit, hit: &Hit) -> String {
    let defs = &program.files[live.file].defs;
    match hit.def().or(hit.holder()) {
        Some(d) => defs[d].qualified_name(),
        None => "<module>".into(),
    }
}

fn key(path: &str, scope: String, rules: &RuleSet, hit: &Hit) -> String {
    let code: Vec<&str> = hit.snippet().split_whitespace().collect();
    format!(
        "{}\u{0}{path}\u{0}{scope}\u{0}{}",
        rules.rules[hit.rule()].id,
        code.join(" ")
    )
}

/// 64-bit FNV-1a: tiny, stable across platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
