//! prefilter: which rules can match anywhere in the files of a scan, from
//! the literals their queries need (`rules::literals`), so that only those
//! are compiled and run. A file's facts never depend on the rules left out:
//! a rule is left out only when none of its patterns' literals occur in any
//! file of a language it applies to, and then it cannot match in any.

use crate::discover::SourceFile;
use crate::embedded;
use crate::extract::queries::STRUCTURE_FILES;
use crate::lang::Lang;
use crate::rules::literals::{requirement, Requirement};
use crate::rules::RuleSet;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

/// Literals shorter than this occur in nearly every file: counted as
/// present without searching (searching them would only slow the scan).
const MIN_SEARCHED: usize = 3;

/// The literals of every rule of a set, searchable in one pass.
pub struct Prefilter {
    requirements: Vec<Requirement>,
    literals: Vec<String>,
    index: FxHashMap<String, usize>,
    automaton: Option<AhoCorasick>,
}

/// Which searched literals occur in some text(s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present(Vec<bool>);

/// The literals found in the files of each language.
#[derive(Debug, Clone, Default)]
pub struct Found(Vec<(Lang, Present)>);

impl Present {
    /// Both texts' literals.
    pub fn union(mut self, other: &Present) -> Present {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= *b;
        }
        self
    }
}

impl Prefilter {
    pub fn new(rules: &RuleSet) -> Prefilter {
        let requirements: Vec<Requirement> =
            rules.rules.iter().map(|r| requirement(&r.query)).collect();
        let structural = Lang::all()
            .flat_map(|lang| lang.query_dirs())
            .flat_map(|dir| {
                STRUCTURE_FILES
                    .iter()
                    .filter_map(move |file| embedded::grammar_file(dir, file))
            })
            .map(requirement);
        let mut literals: Vec<String> = requirements
            .iter()
            .chain(&structural.collect::<Vec<_>>())
            .flat_map(|r| r.literals())
            .filter(|l| l.len() >= MIN_SEARCHED)
            .map(str::to_string)
            .collect();
        literals.sort();
        literals.dedup();
        let index = literals
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        // Building fails only past the automaton's size limits: then every
        // literal counts as present and every rule is kept.
        let automaton = AhoCorasick::new(&literals).ok();
        Prefilter {
            requirements,
            literals,
            index,
            automaton,
        }
    }

    /// Nothing found yet.
    pub fn none(&self) -> Present {
        Present(vec![false; self.literals.len()])
    }

    /// The literals that occur in `text`.
    pub fn scan(&self, text: &str) -> Present {
        let Some(automaton) = &self.automaton else {
            return Present(vec![true; self.literals.len()]);
        };
        let mut present = self.none();
        for m in automaton.find_overlapping_iter(text) {
            present.0[m.pattern().as_usize()] = true;
        }
        present
    }

    /// Whether a pattern needing these literal sets can match in a file
    /// of `lang` (see `rules::literals`).
    pub fn keeps(&self, found: &Found, lang: Lang, sets: &[Vec<String>]) -> bool {
        found.0.iter().any(|(l, present)| {
            *l == lang
                && sets
                    .iter()
                    .all(|set| set.iter().any(|literal| self.is_present(present, literal)))
        })
    }

    fn is_present(&self, present: &Present, literal: &str) -> bool {
        literal.len() < MIN_SEARCHED || self.index.get(literal).is_some_and(|&i| present.0[i])
    }

    /// Per rule of the set, whether it can match in a file of a language
    /// with files (those `found` holds).
    pub fn active(&self, rules: &RuleSet, found: &Found) -> Vec<bool> {
        rules
            .rules
            .iter()
            .zip(&self.requirements)
            .map(|(rule, req)| {
                found.0.iter().any(|(lang, present)| {
                    rule.applies_to(*lang) && req.is_met(|l| self.is_present(present, l))
                })
            })
            .collect()
    }

    /// The literals of these (language, text) pairs.
    pub fn found_in<'t>(&self, texts: impl Iterator<Item = (Lang, &'t str)>) -> Found {
        let mut found = Found::default();
        for (lang, text) in texts {
            self.merge(&mut found, lang, self.scan(text));
        }
        found
    }

    /// The literals of the files of a workspace, read in parallel as
    /// extraction reads them (a file that cannot be read is left out here
    /// and reported by extraction).
    pub fn found_in_files(&self, files: &[SourceFile], max_bytes: u64) -> Found {
        use rayon::prelude::*;
        files
            .par_iter()
            .filter_map(|file| {
                let text = crate::discover::load(file, max_bytes).ok()?;
                Some((file.lang, self.scan(&text)))
            })
            .fold(Found::default, |mut found, (lang, present)| {
                self.merge(&mut found, lang, present);
                found
            })
            .reduce(Found::default, |mut all, other| {
                for (lang, present) in other.0 {
                    self.merge(&mut all, lang, present);
                }
                all
            })
    }

    /// Adds one text's literals to its language's.
    fn merge(&self, found: &mut Found, lang: Lang, present: Present) {
        match found.0.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, p)) => *p = std::mem::replace(p, self.none()).union(&present),
            None => found.0.push((lang, present)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_whose_literals_occur_nowhere_are_left_out() {
        let rules = RuleSet::builtin().unwrap();
        let prefilter = Prefilter::new(&rules);
        let python = Lang::by_name("python").unwrap();
        let flask = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    return 'hi'\n";
        let active = prefilter.active(&rules, &prefilter.found_in([(python, flask)].into_iter()));
        let kept: Vec<&str> = rules
            .rules
            .iter()
            .zip(&active)
            .filter(|(_, a)| **a)
            .map(|(r, _)| r.id.as_str())
            .collect();
        // No JavaScript file: no JavaScript rule.
        assert!(kept.iter().all(|id| !id.contains("/js-")), "{kept:?}");
        // No `sleep` anywhere: the sleep rule cannot match.
        assert!(!kept.contains(&"long-running/python-sleep"), "{kept:?}");
        assert!(kept.len() < rules.rules.len() / 4, "{}", kept.len());
        let sleepy = format!("{flask}\nimport time\ndef slow():\n    time.sleep(5)\n");
        let found = prefilter.found_in([(python, sleepy.as_str())].into_iter());
        let active = prefilter.active(&rules, &found);
        let sleep = rules
            .rules
            .iter()
            .position(|r| r.id == "long-running/python-sleep")
            .unwrap();
        assert!(active[sleep]);
    }
}
