//! `carve rules`: list, test, explain and document rules, and print a
//! file's syntax tree to write queries against.

use super::{emit, open_regular};
use carve::discover;
use carve::embedded;
use carve::lang::Lang;
use carve::rules::{self, fixtures, RuleSet};
use clap::Subcommand;
use miette::{miette, IntoDiagnostic, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List the rules: id, kind, languages, severity, weight.
    List {
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
    },
    /// Run rules against their fixtures (the built-in pack, or the rules in DIR).
    Test {
        /// A rule folder (`*.toml` with fixtures beside them); the built-in pack when omitted.
        dir: Option<PathBuf>,
    },
    /// Print a rule's documentation.
    Explain {
        /// A rule id, `kind/name` (see `carve rules list`).
        id: String,
    },
    /// Print the rule reference in Markdown (docs/rules.md).
    Doc,
    /// Print a file's syntax tree, to write queries against.
    Tree {
        /// A source file in a supported language.
        file: PathBuf,
    },
}

pub fn run(command: RulesCommand) -> Result<ExitCode> {
    match command {
        RulesCommand::List { rule_dirs } => {
            let mut rules = RuleSet::builtin()?;
            for dir in &rule_dirs {
                rules.add_dir(dir)?;
            }
            let w = rules.rules.iter().map(|r| r.id.len()).max().unwrap_or(10);
            let mut text = format!(
                "{:<w$}  {:<22}  {:<28}  {:<8}  WEIGHT\n",
                "RULE", "KIND", "LANGUAGES", "SEVERITY"
            );
            for r in &rules.rules {
                text.push_str(&format!(
                    "{:<w$}  {:<22}  {:<28}  {:<8}  {}\n",
                    r.id,
                    r.kind.as_str(),
                    r.languages.join(","),
                    r.severity.as_str(),
                    r.weight
                ));
            }
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Test { dir } => {
            // A user rule whose query crashes the query compiler is refused
            // (see `rules::vet`) and counts as failed.
            let mut refused = Vec::new();
            let (rules, fixture_files) = match dir {
                None => {
                    let files: Vec<(String, String)> = embedded::BUILTIN_RULE_FILES
                        .iter()
                        .map(|(p, t)| (p.to_string(), t.to_string()))
                        .collect();
                    (RuleSet::builtin()?, files)
                }
                Some(dir) => {
                    let mut rules = RuleSet::default();
                    rules.add_dir(&dir)?;
                    if let Some(exe) = super::worker_exe() {
                        refused = rules::vet::vet(&exe, &mut rules)?;
                    }
                    (rules, read_fixtures(&dir)?)
                }
            };
            let results = fixtures::test_rules(&rules, &fixture_files);
            let mut text = String::new();
            let refused_count = refused.len();
            let mut failed = refused_count;
            for error in refused {
                eprintln!("{:?}", miette::Report::new(error));
            }
            for r in &results {
                if r.mismatches.is_empty() {
                    text.push_str(&format!(
                        "ok    {} ({} fixtures, {} expected hits)\n",
                        r.rule, r.fixtures, r.expectations
                    ));
                } else {
                    failed += 1;
                    text.push_str(&format!("FAIL  {}\n", r.rule));
                    for m in &r.mismatches {
                        text.push_str(&format!("      {}:{}: {}\n", m.file, m.line, m.message));
                    }
                }
            }
            text.push_str(&format!(
                "{} passed, {} failed\n",
                results.len() + refused_count - failed,
                failed
            ));
            emit(&text)?;
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        RulesCommand::Explain { id } => {
            let rules = RuleSet::builtin()?;
            let rule = rules.get(&id).ok_or_else(|| {
                miette!(
                    help = "`carve rules list` shows every rule",
                    "no rule `{id}`"
                )
            })?;
            emit(&format!(
                "{}  ({}, {}, weight {})\n\n{}\n\nmessage: {}\nhelp: {}\n",
                rule.id,
                rule.kind,
                rule.severity.as_str(),
                rule.weight,
                rule.doc.trim(),
                rule.message,
                rule.help
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Doc => {
            emit(&rules::docs::render_reference(&RuleSet::builtin()?))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Tree { file } => {
            let lang = Lang::from_path(&file)
                .ok_or_else(|| miette!("{}: not a supported language", file.display()))?;
            let bytes = open_regular(&file)
                .and_then(|mut f| {
                    let mut bytes = Vec::new();
                    std::io::Read::read_to_end(&mut f, &mut bytes).map(|_| bytes)
                })
                .map_err(|e| miette!("{}: {e}", file.display()))?;
            let text =
                discover::check_source(bytes).map_err(|e| miette!("{}: {e}", file.display()))?;
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&lang.grammar()).into_diagnostic()?;
            let tree = parser
                .parse(&text, None)
                .ok_or_else(|| miette!("{}: could not parse", file.display()))?;
            emit(&rules::tree::render(tree.root_node(), &text))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Every non-TOML file under `dir`, as (path, text), for fixtures.
fn read_fixtures(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).into_diagnostic()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e != "toml") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push((path.to_string_lossy().to_string(), text));
                }
            }
        }
    }
    out.sort();
    Ok(out)
}
