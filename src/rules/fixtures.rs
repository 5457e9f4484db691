//! `carve rules test`: runs every rule against the fixture files beside it.
//! A fixture marks the line above with a caret comment naming the rule that
//! must fire there (`# ^^^^ session/flask-session`); every other hit of the
//! rule in the file is a mismatch. `# ok: why` comments document negatives.

use super::{Rule, RuleSet};
use crate::extract::{self, queries::CompiledQueries};
use crate::lang::Lang;
use crate::link;
use std::collections::BTreeSet;
use std::path::Path;

/// An expected hit: 1-based line and the caret columns on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub line: u32,
    pub columns: std::ops::Range<u32>,
}

/// A difference between a fixture and the rule's hits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mismatch {
    pub file: String,
    pub line: u32,
    pub message: String,
}

/// The caret expectations for `rule_id` in a fixture.
pub fn expectations(text: &str, rule_id: &str) -> Vec<Expectation> {
    let mut out = Vec::new();
    let mut code_line: Option<u32> = None;
    for (idx, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let body = trimmed
            .strip_prefix('#')
            .or_else(|| trimmed.strip_prefix("//"));
        let caret = body.and_then(|b| {
            let b_trim = b.trim_start();
            b_trim.starts_with('^').then_some(b_trim)
        });
        match caret {
            Some(carets) => {
                let n_carets = carets.chars().take_while(|&c| c == '^').count() as u32;
                let named = carets[n_carets as usize..].trim();
                let start = line.chars().position(|c| c == '^').unwrap_or(0) as u32 + 1;
                if let (Some(code), true) = (code_line, named == rule_id) {
                    out.push(Expectation {
                        line: code,
                        columns: start..start + n_carets,
                    });
                }
            }
            None => code_line = Some(idx as u32 + 1),
        }
    }
    out
}

/// Runs one rule on one fixture. `path` is only used in messages.
pub fn check_fixture(rule: &Rule, path: &Path, text: &str) -> Vec<Mismatch> {
    check_with(rule, path, text, None)
}

/// The whole set's queries, compiled once for every fixture: a rule's hits
/// are the same whether its query runs alone or with the others (each
/// match belongs to one pattern), and compiling the languages' structural
/// queries once per rule is what made `rules test` slow.
struct Shared<'a> {
    rules: &'a RuleSet,
    queries: CompiledQueries,
}

fn check_with(rule: &Rule, path: &Path, text: &str, shared: Option<&Shared>) -> Vec<Mismatch> {
    let file = path.display().to_string();
    let mismatch = |line: u32, message: String| Mismatch {
        file: file.clone(),
        line,
        message,
    };
    // A settings rule's fixture is the configuration file itself (YAML).
    let lang = match &rule.settings {
        Some(_) => rule
            .languages
            .iter()
            .find_map(|l| Lang::all().find(|lang| lang.accepts_rule_language(l))),
        None => Lang::from_path(path),
    };
    let Some(lang) = lang else {
        return vec![mismatch(
            0,
            "fixture extension is not a supported language".into(),
        )];
    };
    if !rule.applies_to(lang) {
        return vec![mismatch(
            0,
            format!("rule {} does not apply to {}", rule.id, lang.name()),
        )];
    }
    // A fixture is one file: rules it depends on are taken as present (and
    // as writing the state a read uses, or not writing it where that is the
    // condition; as held by the callee it must start, and not led to by
    // the callee it must not).
    let mut alone = rule.clone();
    alone.when.program_has.clear();
    alone.when.program_has_all.clear();
    alone.when.program_has_none.clear();
    alone.when.state_written_by.clear();
    alone.when.state_not_written_by.clear();
    alone.when.if_calls_holding.clear();
    alone.when.unless_calls_reaching.clear();
    let single = RuleSet { rules: vec![alone] };
    // Fixtures assume the rule's dependencies are installed.
    let deps: BTreeSet<String> = rule
        .when
        .dependencies
        .iter()
        .map(|d| crate::discover::normalize_dependency(d))
        .collect();
    let mut project = crate::discover::Project {
        dependencies: deps,
        route_prefixes: Vec::new(),
        module_paths: Vec::new(),
        project_roots: Vec::new(),
        process_files: Vec::new(),
        settings_files: Vec::new(),
        route_files: Vec::new(),
        page_templates: Default::default(),
        defines: Default::default(),
    };
    let mut files = Vec::new();
    if let Some(settings) = &rule.settings {
        project
            .settings_files
            .push(crate::config_files::SettingsFile {
                rel: fixture_settings_file(&settings.files, path),
                lang,
                text: text.to_string(),
            });
    } else {
        let compiled;
        let (queries, rules, index) = match shared
            .and_then(|s| Some((s, s.rules.rules.iter().position(|r| r.id == rule.id)?)))
        {
            Some((s, index)) => (&s.queries, s.rules, index),
            None => {
                compiled = match CompiledQueries::compile_for(&single, &[lang]) {
                    Ok(q) => q,
                    Err(err) => return vec![mismatch(0, format!("query does not compile: {err}"))],
                };
                (&compiled, &single, 0)
            }
        };
        let mut parser = tree_sitter::Parser::new();
        let rel = path
            .file_name()
            .map_or_else(|| file.clone(), |n| n.to_string_lossy().to_string());
        let Some(lang_queries) = queries.for_lang(lang) else {
            return vec![mismatch(0, "no queries for the fixture's language".into())];
        };
        let mut facts =
            match extract::extract_file(&mut parser, &rel, lang, text, lang_queries, rules) {
                Ok(f) => f,
                Err(_) => return vec![mismatch(0, "fixture could not be parsed".into())],
            };
        // Only the tested rule's hits, numbered as in `single`.
        facts.hits.retain(|h| h.rule() == index);
        for hit in &mut facts.hits {
            hit.set_rule(0);
        }
        files.push(facts);
    }
    let program = link::link_program(files, &single, project);
    let rule = &single.rules[0];
    let hits: Vec<_> = program
        .hits
        .iter()
        .map(|live| &program.files[live.file].hits[live.hit])
        .collect();
    let expected = expectations(text, &rule.id);
    let mut out = Vec::new();
    for exp in &expected {
        let found = hits.iter().any(|h| {
            h.pos.line == exp.line && {
                let end = if h.end.line == h.pos.line {
                    h.end.column
                } else {
                    u32::MAX
                };
                h.pos.column < exp.columns.end && exp.columns.start < end.max(h.pos.column + 1)
            }
        });
        if !found {
            out.push(mismatch(
                exp.line,
                format!("expected {} here, but it did not fire", rule.id),
            ));
        }
    }
    for hit in &hits {
        if !expected.iter().any(|e| e.line == hit.pos.line) {
            out.push(mismatch(
                hit.pos.line,
                format!(
                    "{} fired at column {} but no caret expects it",
                    rule.id, hit.pos.column
                ),
            ));
        }
    }
    out.sort();
    out
}

/// Result of testing one rule.
#[derive(Debug, Clone)]
pub struct RuleTest {
    pub rule: String,
    pub fixtures: usize,
    pub expectations: usize,
    pub mismatches: Vec<Mismatch>,
}

/// Tests every rule of `rules` against `fixtures`: (path, text) pairs whose
/// file stem is the rule's name and which sit in the rule file's folder.
/// The settings file a fixture stands for: the first of `files` with the
/// fixture's extension (`.properties`, `.yml`), or the first of all.
fn fixture_settings_file(files: &[String], fixture: &Path) -> String {
    let ext = fixture.extension().and_then(|e| e.to_str()).unwrap_or("");
    files
        .iter()
        .find(|f| Path::new(f.as_str()).extension().and_then(|e| e.to_str()) == Some(ext))
        .or(files.first())
        .cloned()
        .unwrap_or_default()
}

pub fn test_rules(rules: &RuleSet, fixtures: &[(String, String)]) -> Vec<RuleTest> {
    use rayon::prelude::*;
    let mut langs: Vec<Lang> = fixtures
        .iter()
        .filter_map(|(p, _)| Lang::from_path(Path::new(p)))
        .collect();
    langs.sort();
    langs.dedup();
    // When the set does not compile together, each rule is compiled alone
    // so that the error names the rule.
    let shared = CompiledQueries::compile_for(rules, &langs)
        .ok()
        .map(|queries| Shared { rules, queries });
    rules
        .rules
        .par_iter()
        .map(|rule| {
            let rule_path = rule.source.path.to_string_lossy().replace('\\', "/");
            let stem = rule_path
                .strip_suffix(".toml")
                .unwrap_or(&rule_path)
                .to_string();
            let mine: Vec<&(String, String)> = fixtures
                .iter()
                .filter(|(p, _)| {
                    p.rsplit_once('.')
                        .is_some_and(|(s, ext)| s == stem && ext != "toml")
                })
                .collect();
            let mut mismatches = Vec::new();
            let mut n_expect = 0;
            if mine.is_empty() {
                mismatches.push(Mismatch {
                    file: rule_path.clone(),
                    line: 0,
                    message: "no fixture: add code that must match and code that must not".into(),
                });
            }
            for (path, text) in &mine {
                n_expect += expectations(text, &rule.id).len();
                mismatches.extend(check_with(rule, Path::new(path), text, shared.as_ref()));
            }
            if !mine.is_empty() && n_expect == 0 {
                mismatches.push(Mismatch {
                    file: rule_path.clone(),
                    line: 0,
                    message:
                        "fixtures expect no hit at all: mark at least one line that must match"
                            .into(),
                });
            }
            RuleTest {
                rule: rule.id.clone(),
                fixtures: mine.len(),
                expectations: n_expect,
                mismatches,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_name_the_line_above() {
        let text = "x = 1\nfoo(bar)\n#   ^^^ k/r\n# ok: nothing\nbaz()\n// ^ k/other\n";
        assert_eq!(
            expectations(text, "k/r"),
            [Expectation {
                line: 2,
                columns: 5..8
            }]
        );
        assert_eq!(expectations(text, "k/other").len(), 1);
        assert_eq!(expectations(text, "k/other")[0].line, 5);
    }
}
