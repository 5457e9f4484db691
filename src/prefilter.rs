//! prefilter: which rules can match anywhere in the files of a scan, from
//! the literals their queries need (`rules::literals`), so that only those
//! are compiled and run. A file's facts never depend on the rules left out:
//! a rule is left out only when none of its patterns' literals occur in any
//! file of a language it applies to, and then it cannot match in any.
//! It also counts, per language, the files each rule can match in: a rule
//! that can match in few of them is walked only over those (`rare`,
//! `LiteralGate`, `extract::queries`).

use crate::discover::SourceFile;
use crate::embedded;
use crate::extract::queries::STRUCTURE_FILES;
use crate::lang::Lang;
use crate::rules::literals::Requirement;
use crate::rules::{Rule, RuleSet};
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

/// Literals shorter than this occur in nearly every file: counted as
/// present without searching (searching them would only slow the scan).
const MIN_SEARCHED: usize = 3;

/// A rule is rare in a language when it can match in at most one file in
/// this many of the language's files: its patterns then leave the
/// combined query for a second one, walked only over the files whose text
/// holds its literals. A second walk costs about half a parse, one rule
/// pattern in the combined walk a few hundredths of one on every file.
pub const RARE_ONE_IN: u32 = 8;

/// The literals of every rule of a set, searchable in one pass.
pub struct Prefilter {
    requirements: Vec<Requirement>,
    /// Each requirement with its literals as indices into `literals`
    /// (None: too short to search, counted as present).
    indexed: Vec<Vec<Vec<Vec<Option<usize>>>>>,
    literals: Vec<String>,
    index: FxHashMap<String, usize>,
    automaton: Option<AhoCorasick>,
}

/// Which searched literals occur in some text(s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present(Vec<bool>);

/// The literals found in the files of one language, and how many of its
/// files each rule's requirement is met in.
#[derive(Debug, Clone)]
struct LangFound {
    lang: Lang,
    present: Present,
    files: u32,
    met: Vec<u32>,
}

/// The literals found in the files of each language.
#[derive(Debug, Clone, Default)]
pub struct Found(Vec<LangFound>);

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
        let requirements: Vec<Requirement> = rules.rules.iter().map(Rule::requirement).collect();
        let structural = Lang::all()
            .flat_map(|lang| lang.query_dirs())
            .flat_map(|dir| {
                STRUCTURE_FILES
                    .iter()
                    .filter_map(move |file| embedded::grammar_patterns(dir, file))
            })
            .map(|(_, patterns)| Requirement::of(patterns));
        let mut literals: Vec<String> = requirements
            .iter()
            .chain(&structural.collect::<Vec<_>>())
            .flat_map(|r| r.literals())
            .filter(|l| l.len() >= MIN_SEARCHED)
            .map(str::to_string)
            .collect();
        literals.sort();
        literals.dedup();
        let index: FxHashMap<String, usize> = literals
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        // Building fails only past the automaton's size limits: then every
        // literal counts as present and every rule is kept.
        let automaton = AhoCorasick::new(&literals).ok();
        let find = |l: &String| index.get(l).copied().filter(|_| l.len() >= MIN_SEARCHED);
        let indexed = requirements
            .iter()
            .map(|r| {
                r.patterns
                    .iter()
                    .map(|sets| {
                        sets.iter()
                            .map(|set| set.iter().map(find).collect())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Prefilter {
            requirements,
            indexed,
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
        found.0.iter().any(|f| {
            f.lang == lang
                && sets.iter().all(|set| {
                    set.iter()
                        .any(|literal| self.is_present(&f.present, literal))
                })
        })
    }

    /// Per rule, whether it is rare among the files of `lang` (see
    /// `RARE_ONE_IN`): it can match in few of them, or in none.
    pub fn rare(&self, found: &Found, lang: Lang) -> Vec<bool> {
        self.rare_one_in(found, lang, RARE_ONE_IN)
    }

    /// The same with another threshold: met in at most one file in
    /// `one_in` (`carve bench --queries` compares thresholds).
    pub fn rare_one_in(&self, found: &Found, lang: Lang, one_in: u32) -> Vec<bool> {
        match found.0.iter().find(|f| f.lang == lang) {
            Some(f) => f
                .met
                .iter()
                .map(|&met| met.saturating_mul(one_in) <= f.files)
                .collect(),
            None => vec![false; self.requirements.len()],
        }
    }

    /// Whether requirement `rule` is met where `present` says which
    /// literals occur.
    fn met(&self, rule: usize, present: &Present) -> bool {
        let patterns = &self.indexed[rule];
        patterns.is_empty()
            || patterns.iter().any(|sets| {
                sets.iter()
                    .all(|set| set.iter().any(|l| l.is_none_or(|i| present.0[i])))
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
                found.0.iter().any(|f| {
                    rule.applies_to(f.lang) && req.is_met(|l| self.is_present(&f.present, l))
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
                for theirs in other.0 {
                    match all.0.iter_mut().find(|f| f.lang == theirs.lang) {
                        Some(ours) => {
                            ours.present = std::mem::replace(&mut ours.present, self.none())
                                .union(&theirs.present);
                            ours.files += theirs.files;
                            for (a, b) in ours.met.iter_mut().zip(&theirs.met) {
                                *a += b;
                            }
                        }
                        None => all.0.push(theirs),
                    }
                }
                all
            })
    }

    /// Adds one text's literals to its language's, and counts the rules
    /// whose requirement they meet.
    fn merge(&self, found: &mut Found, lang: Lang, present: Present) {
        let at = match found.0.iter().position(|f| f.lang == lang) {
            Some(at) => at,
            None => {
                found.0.push(LangFound {
                    lang,
                    present: self.none(),
                    files: 0,
                    met: vec![0; self.requirements.len()],
                });
                found.0.len() - 1
            }
        };
        let ours = &mut found.0[at];
        ours.files += 1;
        for (rule, met) in ours.met.iter_mut().enumerate() {
            *met += u32::from(self.met(rule, &present));
        }
        ours.present = std::mem::replace(&mut ours.present, self.none()).union(&present);
    }
}

/// Whether a text can hold a match of some of a few rules: their literals,
/// searched in one pass (see `Prefilter::rare`).
pub struct LiteralGate {
    requirements: Vec<Requirement>,
    index: FxHashMap<String, usize>,
    automaton: Option<AhoCorasick>,
}

impl LiteralGate {
    pub fn new(requirements: Vec<Requirement>) -> LiteralGate {
        let mut literals: Vec<&str> = requirements
            .iter()
            .flat_map(Requirement::literals)
            .filter(|l| l.len() >= MIN_SEARCHED)
            .collect();
        literals.sort_unstable();
        literals.dedup();
        let index = literals
            .iter()
            .enumerate()
            .map(|(i, l)| (l.to_string(), i))
            .collect();
        // Past the automaton's size limits every text is let through.
        let automaton = AhoCorasick::new(&literals).ok();
        LiteralGate {
            requirements,
            index,
            automaton,
        }
    }

    /// Whether one of the rules can match in `text`.
    pub fn admits(&self, text: &str) -> bool {
        let Some(automaton) = &self.automaton else {
            return true;
        };
        let mut present = vec![false; self.index.len()];
        for m in automaton.find_overlapping_iter(text) {
            present[m.pattern().as_usize()] = true;
        }
        self.requirements.iter().any(|r| {
            r.is_met(|l| l.len() < MIN_SEARCHED || self.index.get(l).is_some_and(|&i| present[i]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_met_in_few_files_are_rare_and_gated_by_their_literals() {
        let rules = RuleSet::builtin().unwrap();
        let prefilter = Prefilter::new(&rules);
        let python = Lang::by_name("python").unwrap();
        let sleep = rules
            .rules
            .iter()
            .position(|r| r.id == "long-running/python-sleep")
            .unwrap();
        let plain = "def index():\n    return 'hi'\n";
        let sleepy = "import time\ndef slow():\n    time.sleep(5)\n";
        let rare_with = |sleepy_files: usize| {
            let texts = (0..10).map(|i| (python, if i < sleepy_files { sleepy } else { plain }));
            prefilter.rare(&prefilter.found_in(texts), python)[sleep]
        };
        assert!(rare_with(1));
        assert!(!rare_with(5));
        let gate = LiteralGate::new(vec![rules.rules[sleep].requirement()]);
        assert!(gate.admits(sleepy));
        assert!(!gate.admits(plain));
    }

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
