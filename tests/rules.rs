//! The built-in rule pack: every rule loads, has fixtures, and matches them
//! exactly; the generated reference in docs/rules.md is up to date.

use carve::embedded::BUILTIN_RULE_FILES;
use carve::rules::{docs, fixtures, RuleSet};

#[test]
fn every_builtin_rule_matches_its_fixtures() {
    let rules = RuleSet::builtin().expect("built-in rules load");
    assert!(rules.rules.len() >= 30, "{} rules", rules.rules.len());
    let files: Vec<(String, String)> = BUILTIN_RULE_FILES
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    let results = fixtures::test_rules(&rules, &files);
    let failures: Vec<String> = results
        .iter()
        .flat_map(|r| {
            r.mismatches
                .iter()
                .map(move |m| format!("{}: {}:{}: {}", r.rule, m.file, m.line, m.message))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "fixture mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_rule_reference_is_generated_from_the_rules() {
    let rules = RuleSet::builtin().unwrap();
    let generated = docs::render_reference(&rules);
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is stale: run `cargo run -- rules doc > docs/rules.md`"
    );
}

#[test]
fn a_fixture_that_misses_or_overfires_is_reported() {
    let rules = RuleSet::builtin().unwrap();
    let rule = rules
        .get("connection-per-request/python-db-connect")
        .unwrap();
    let text = "import sqlite3\n\ndef f():\n    return sqlite3.connect('x.db')\n\ndef g():\n    return 1\n    # ^ connection-per-request/python-db-connect\n";
    let mismatches = fixtures::check_fixture(rule, std::path::Path::new("f.py"), text);
    let lines: Vec<u32> = mismatches.iter().map(|m| m.line).collect();
    assert_eq!(lines, [4, 7], "{mismatches:?}");
}

#[test]
fn grammar_data_tables_parse() {
    for (path, text) in carve::embedded::GRAMMAR_FILES {
        if path.ends_with(".toml") {
            let parsed: Result<toml::Value, _> = toml::from_str(text);
            assert!(parsed.is_ok(), "{path}: {parsed:?}");
        }
    }
}
