//! config: the repository's `.carve/config.toml`, read once per command and
//! applied to the scan settings and the rule set. Unknown keys and bad values
//! are errors that point at their line and column.

use crate::rules::{rule_named, RuleSet, Severity};
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;
use toml::Spanned;

/// Where a repository keeps its configuration, relative to its root.
pub const CONFIG_PATH: &str = ".carve/config.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub scan: ScanSection,
    #[serde(default)]
    pub rules: RulesSection,
    #[serde(default)]
    pub report: ReportSection,
    #[serde(default)]
    pub cost: CostSection,
    /// The file and text it was read from, for errors found after parsing.
    #[serde(skip)]
    origin: Option<(PathBuf, String)>,
}

/// `[scan]`: what to read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSection {
    /// Globs to leave out, as in .gitignore (added to `--exclude`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Extra rule folders, relative to the repository root.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    pub include_tests: Option<bool>,
    pub max_file_size: Option<u64>,
    /// `false`: no cache of extracted facts (as `--no-cache`).
    pub cache: Option<bool>,
    /// The cache folder, relative to the repository root (default `.carve/cache`).
    pub cache_dir: Option<PathBuf>,
}

/// `[rules]`: which rules run, and how severe their findings are.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesSection {
    /// Rules that do not run: ids, short ids or kinds (`session`).
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Rule id or kind → `blocker` | `advisory`.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Severity>,
}

/// `[report]`: defaults for `--baseline` and `--fail-on`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSection {
    /// A previous JSON report, relative to the repository root.
    pub baseline: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
}

/// `[cost]`: what `carve cost` and `carve plan` cannot read from the logs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSection {
    /// Lambda memory per route: `"GET /api/x" = 1024` under `[cost.memory_mb]`.
    #[serde(default)]
    pub memory_mb: BTreeMap<Spanned<String>, Spanned<u32>>,
}

/// When a scan exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// A finding or route that the baseline does not have, or a route whose verdict got worse.
    New,
    /// A route that needs a refactor or a container.
    Refactor,
    /// A route that needs a container.
    Container,
    /// Any blocker on a route.
    Blocker,
}

/// A config error pointing into the file.
#[derive(Debug, Error, Diagnostic)]
#[error("invalid {path}: {message}")]
#[diagnostic(code(carve::config))]
pub struct InvalidConfig {
    path: String,
    message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("{message}")]
    span: Option<SourceSpan>,
    #[help]
    help: Option<String>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidConfig>),
    #[error("cannot read {path}: {message}")]
    #[diagnostic(code(carve::config::io))]
    Io { path: String, message: String },
}

impl Config {
    /// The config of the repository at `root`; the default when it has none.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join(CONFIG_PATH);
        if !path.is_file() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Config::parse(&path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            invalid(
                path,
                text,
                e.message().trim(),
                e.span(),
                Some("the keys are documented in docs/configuration.md".into()),
            )
        })?;
        config.origin = Some((path.to_path_buf(), text.to_string()));
        Ok(config)
    }

    /// The file the config was read from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.origin.as_ref().map(|(p, _)| p.as_path())
    }

    /// `[cost.memory_mb]` checked against the scan's route ids and Lambda's
    /// 128–10,240 MB range; an unknown route or a bad size is an error at its line.
    pub fn cost_memory(&self, route_ids: &[&str]) -> Result<BTreeMap<String, u32>, ConfigError> {
        let (path, text) = match &self.origin {
            Some((path, text)) => (path.as_path(), text.as_str()),
            None => (Path::new(CONFIG_PATH), ""),
        };
        let mut out = BTreeMap::new();
        for (route, mb) in &self.cost.memory_mb {
            if !route_ids.contains(&route.get_ref().as_str()) {
                return Err(invalid(
                    path,
                    text,
                    &format!("no route `{}` in the scan", route.get_ref()),
                    Some(route.span()),
                    Some("route ids are `METHOD /path` as `carve scan` prints them".into()),
                ));
            }
            if !(128..=10_240).contains(mb.get_ref()) {
                return Err(invalid(
                    path,
                    text,
                    "Lambda memory is 128 to 10240 MB",
                    Some(mb.span()),
                    None,
                ));
            }
            out.insert(route.get_ref().clone(), *mb.get_ref());
        }
        Ok(out)
    }

    /// Removes disabled rules and applies severity overrides. A name that is
    /// neither a rule id nor a kind is an error at its line.
    pub fn apply_to_rules(&self, rules: &mut RuleSet) -> Result<(), ConfigError> {
        let (path, text) = match &self.origin {
            Some((path, text)) => (path.as_path(), text.as_str()),
            None => (Path::new(CONFIG_PATH), ""),
        };
        let matches = |rule: &crate::rules::Rule, name: &str| rule_named(&rule.id, rule.kind, name);
        let check = |name: &Spanned<String>| {
            if rules.rules.iter().any(|r| matches(r, name.get_ref())) {
                Ok(())
            } else {
                Err(invalid(
                    path,
                    text,
                    &format!("no rule or kind `{}`", name.get_ref()),
                    Some(name.span()),
                    Some("see `carve rules list` for rule ids and kinds".into()),
                ))
            }
        };
        for name in &self.rules.disable {
            check(name)?;
        }
        for name in self.rules.severity.keys() {
            check(name)?;
        }
        rules.rules.retain(|r| {
            !self
                .rules
                .disable
                .iter()
                .any(|name| matches(r, name.get_ref()))
        });
        for rule in &mut rules.rules {
            // A rule id wins over its kind.
            let by_id = self.rules.severity.iter().find(|(k, _)| {
                let name = k.get_ref();
                name != rule.kind.as_str() && rule_named(&rule.id, rule.kind, name)
            });
            let by_kind = self
                .rules
                .severity
                .iter()
                .find(|(k, _)| k.get_ref() == rule.kind.as_str());
            if let Some((_, severity)) = by_id.or(by_kind) {
                rule.severity = *severity;
            }
        }
        Ok(())
    }
}

fn invalid(
    path: &Path,
    text: &str,
    message: &str,
    span: Option<std::ops::Range<usize>>,
    help: Option<String>,
) -> ConfigError {
    ConfigError::Invalid(Box::new(InvalidConfig {
        path: path.display().to_string(),
        message: message.to_string(),
        src: NamedSource::new(path.display().to_string(), text.to_string()),
        span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
        help,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new(".carve/config.toml"), text)
    }

    fn span_of(err: &ConfigError) -> Option<SourceSpan> {
        match err {
            ConfigError::Invalid(invalid) => invalid.span,
            ConfigError::Io { .. } => None,
        }
    }

    #[test]
    fn reads_every_section() {
        let config = parse(
            "[scan]\nexclude = [\"legacy/**\"]\ninclude_tests = true\n\
             [rules]\ndisable = [\"js-timer\"]\nseverity = { session = \"advisory\" }\n\
             [report]\nbaseline = \"carve.json\"\nfail_on = \"refactor\"\n",
        )
        .expect("valid config");
        assert_eq!(config.scan.exclude, ["legacy/**"]);
        assert_eq!(config.scan.include_tests, Some(true));
        assert_eq!(config.rules.disable[0].get_ref(), "js-timer");
        assert_eq!(config.report.fail_on, Some(FailOn::Refactor));
        assert_eq!(config.report.baseline, Some(PathBuf::from("carve.json")));
    }

    #[test]
    fn unknown_key_points_at_it() {
        let text = "[scan]\nexclude = []\nexclud = [\"x\"]\n";
        let err = parse(text).expect_err("unknown key");
        let span = span_of(&err).expect("a span");
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "exclud");
        assert!(err.to_string().contains("unknown field `exclud`"), "{err}");
    }

    #[test]
    fn unknown_rule_points_at_it() {
        let text = "[rules]\ndisable = [\"no-such-rule\"]\n";
        let config = parse(text).expect("parses");
        let mut rules = RuleSet::builtin().expect("builtin rules");
        let err = config.apply_to_rules(&mut rules).expect_err("unknown rule");
        let span = span_of(&err).expect("a span");
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "\"no-such-rule\""
        );
    }

    #[test]
    fn disables_by_kind_and_overrides_severity_by_id() {
        let text = "[rules]\ndisable = [\"session\"]\nseverity = { heavy-startup = \"blocker\" }\n";
        let config = parse(text).expect("parses");
        let mut rules = RuleSet::builtin().expect("builtin rules");
        let before = rules.rules.len();
        config.apply_to_rules(&mut rules).expect("applies");
        assert!(rules.rules.len() < before);
        assert!(rules
            .rules
            .iter()
            .all(|r| r.kind != crate::rules::Kind::Session));
        assert!(rules
            .rules
            .iter()
            .filter(|r| r.kind == crate::rules::Kind::HeavyStartup)
            .all(|r| r.severity == Severity::Blocker));
    }
}
