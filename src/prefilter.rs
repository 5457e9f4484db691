//! prefilter: which rules can match anywhere in the files of a scan, from
//! the literals their queries need (`rules::literals`), so that only those
//! are compiled and run. A file's facts never depend on the rules left out:
//! a rule is left out only when none of its patterns' literals occur in any
//! file of a language it applies to, and then it cannot match in any.

use crate::discover::SourceFile;
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
        let mut literals: Vec<String> = requirements
            .iter()
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

    /// Per rule of the set, whether it can match in a file of a language
    /// whose files hold `present` (languages absent from it have no files).
    pub fn active(&self, rules: &RuleSet, present: &[(Lang, Present)]) -> Vec<bool> {
        rules
            .rules
            .iter()
            .zip(&self.requirements)
            .map(|(rule, req)| {
                present.iter().any(|(lang, found)| {
                    rule.applies_to(*lang)
                        && req.is_met(|l| {
                            l.len() < MIN_SEARCHED || self.index.get(l).is_some_and(|&i| found.0[i])
                        })
                })
            })
            .collect()
    }

    /// The rules that can match in these files: (language, text) pairs.
    pub fn active_in<'t>(
        &self,
        rules: &RuleSet,
        texts: impl Iterator<Item = (Lang, &'t str)>,
    ) -> Vec<bool> {
        let mut by_lang = Vec::new();
        for (lang, text) in texts {
            self.merge(&mut by_lang, lang, self.scan(text));
        }
        self.active(rules, &by_lang)
    }

    /// The rules that can match in the files of a workspace, read in
    /// parallel as extraction reads them (a file that cannot be read is
    /// left out here and reported by extraction).
    pub fn active_in_files(
        &self,
        rules: &RuleSet,
        files: &[SourceFile],
        max_bytes: u64,
    ) -> Vec<bool> {
        use rayon::prelude::*;
        let by_lang = files
            .par_iter()
            .filter_map(|file| {
                let text = crate::discover::load(file, max_bytes).ok()?;
                Some(vec![(file.lang, self.scan(&text))])
            })
            .reduce(Vec::new, |mut all, found| {
                for (lang, present) in found {
                    self.merge(&mut all, lang, present);
                }
                all
            });
        self.active(rules, &by_lang)
    }

    /// Adds one text's literals to its language's.
    fn merge(&self, all: &mut Vec<(Lang, Present)>, lang: Lang, found: Present) {
        match all.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, p)) => *p = std::mem::replace(p, self.none()).union(&found),
            None => all.push((lang, found)),
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
        let active = prefilter.active_in(&rules, [(python, flask)].into_iter());
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
        let active = prefilter.active_in(&rules, [(python, sleepy.as_str())].into_iter());
        let sleep = rules
            .rules
            .iter()
            .position(|r| r.id == "long-running/python-sleep")
            .unwrap();
        assert!(active[sleep]);
    }
}
