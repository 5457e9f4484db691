//! Extraction per language, through the path a scan takes for each file:
//! the source checks (binary, encoding, minified), the guards, parsing and
//! every built-in rule, then link, assess and every report format. The file
//! must come out either analysed or skipped with a reason, and the JSON and
//! SARIF must be valid JSON.

use super::{hash, repo_files};
use carve::discover::{self, Project, SkippedFile, SourceFile};
use carve::extract::queries::CompiledQueries;
use carve::lang::Lang;
use carve::report::{self, text::Style};
use carve::rules::RuleSet;
use std::path::PathBuf;
use std::time::Instant;

/// Tokens every language gets besides its own.
pub const TOKENS: &[&str] = &[
    "\n", "\"", "'", "\\", "(", ")", "{", "}", "[", "]", ";", ",", "\0",
];
/// Nestings every language gets besides its own.
pub const NESTS: &[(&str, &str)] = &[("(", ")"), ("[", "]"), ("{", "}"), ("\"", "\"")];

/// Seeds for a language the repository has no file of yet.
const INLINE_SEEDS: &[(&str, &str)] = &[
    (
        "config/routes.rb",
        "Rails.application.routes.draw do\n  resources :users, only: [:index, :show]\n  \
     namespace :api do\n    get 'health', to: 'health#show'\n  end\nend\n",
    ),
    (
        "app.rb",
        "require 'sinatra'\n$hits = 0\nget '/count' do\n  $hits += 1\n  \
     session[:seen] = true\n  Thread.new { sleep 1 }\n  \"#{$hits}\"\nend\n",
    ),
];

pub struct Target {
    langs: Vec<Lang>,
    /// Real paths of the seeds (a path can matter: `config/routes.rb`).
    paths: Vec<String>,
    pub corpus: Vec<Vec<u8>>,
    rules: RuleSet,
    queries: CompiledQueries,
}

impl Target {
    pub fn new(names: &[&str]) -> Target {
        let langs: Vec<Lang> = names
            .iter()
            .map(|n| Lang::by_name(n).unwrap_or_else(|| panic!("no language {n}")))
            .collect();
        let of_ours = |p: &std::path::Path| Lang::from_path(p).is_some_and(|l| langs.contains(&l));
        let mut files = repo_files(&["samples", "tests/fixtures", "rules"], of_ours);
        files.extend(
            INLINE_SEEDS
                .iter()
                .filter(|(p, _)| of_ours(std::path::Path::new(p)))
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec())),
        );
        assert!(!files.is_empty(), "no seed files for {names:?}");
        let rules = RuleSet::builtin().expect("built-in rules");
        let queries = CompiledQueries::compile_for(&rules, &langs).expect("queries compile");
        let (paths, corpus) = files.into_iter().unzip();
        Target {
            langs,
            paths,
            corpus,
            rules,
            queries,
        }
    }

    /// The input as a file of each language of the target.
    pub fn check(&self, parser: &mut tree_sitter::Parser, input: &[u8]) -> Result<String, String> {
        let base = &self.paths[(hash(input) % self.paths.len() as u64) as usize];
        let mut outcomes = Vec::new();
        for &lang in &self.langs {
            let rel = match Lang::from_path(std::path::Path::new(base)) {
                Some(l) if l == lang => base.clone(),
                _ => format!("{base}.{}", extension(lang)),
            };
            outcomes.push(self.check_file(parser, lang, rel, input)?);
        }
        outcomes.dedup();
        Ok(outcomes.join(" / "))
    }

    fn check_file(
        &self,
        parser: &mut tree_sitter::Parser,
        lang: Lang,
        rel: String,
        input: &[u8],
    ) -> Result<String, String> {
        let file = SourceFile {
            abs: PathBuf::from(&rel),
            rel: rel.clone(),
            lang,
        };
        let extracted = discover::check_source(input.to_vec())
            .map_err(|e| SkippedFile {
                path: rel.clone(),
                reason: e.to_string(),
            })
            .and_then(|text| {
                carve::scan::extract_source(parser, &file, &text, &self.queries, &self.rules)
            });
        let (facts, skipped) = match extracted {
            Ok(facts) => (vec![facts], vec![]),
            Err(skip) if skip.reason.trim().is_empty() => {
                return Err(format!("{rel} skipped without a reason"))
            }
            Err(skip) => (vec![], vec![skip]),
        };
        let analysed = facts.len();
        // No text for the snippets: this surface checks what is analysed.
        let out = carve::scan::analyse(
            facts,
            &self.rules,
            Project::default(),
            skipped,
            Instant::now(),
            &|_| None,
        );
        let r = &out.report;
        let reported = r.stats.files + r.skipped.iter().filter(|s| s.path == rel).count();
        if reported != 1 || r.stats.files != analysed {
            return Err(format!(
                "{rel}: {} analysed and {} skipped, for one file",
                r.stats.files,
                r.skipped.len()
            ));
        }
        for (format, text) in [
            ("json", report::json::render(r)),
            ("sarif", report::sarif::render(r, &self.rules)),
        ] {
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| format!("{rel}: the {format} report is not JSON: {e}"))?;
        }
        report::text::render(r, Style { color: false });
        report::markdown::render(r, None);
        report::gitlab::render(r);
        Ok(
            match (
                r.skipped.first(),
                r.stats.files_partial.is_empty(),
                r.stats.parse_errors,
            ) {
                (Some(skip), _, _) => format!(
                    "skipped: {}",
                    skip.reason
                        .split([':', '('])
                        .next()
                        .unwrap_or_default()
                        .trim()
                ),
                (None, false, _) => "partial".into(),
                (None, true, 0) => "analysed".into(),
                (None, true, _) => "analysed with syntax errors".into(),
            },
        )
    }
}

/// An extension the language reads, to name an input in another language.
fn extension(lang: Lang) -> &'static str {
    ["py", "js", "ts", "tsx", "java", "cs", "go", "php", "rb"]
        .into_iter()
        .find(|ext| Lang::from_path(std::path::Path::new(&format!("x.{ext}"))) == Some(lang))
        .unwrap_or("txt")
}
