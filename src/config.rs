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
    /// `[define]`: values of names carve cannot resolve (`API_PREFIX = "/v2"`).
    #[serde(default)]
    pub define: BTreeMap<Spanned<String>, Spanned<String>>,
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
    pub exclude: Vec<Spanned<String>>,
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
    /// The file's other errors, each at its own line.
    #[related]
    others: Vec<InvalidConfig>,
}

/// Errors past this many are not looked for.
const MAX_ERRORS: usize = 20;

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
        match std::fs::metadata(&path) {
            // No config (or no folder to hold one: the root is a file).
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(Config::default())
            }
            Ok(meta) if !meta.is_file() => {
                return Err(ConfigError::Io {
                    path: path.display().to_string(),
                    message: if meta.is_dir() {
                        "a folder, not a file".into()
                    } else {
                        crate::discover::not_regular(&meta.file_type())
                    },
                })
            }
            _ => {}
        }
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Config::parse(&path, &text)
    }

    /// Reads a config's text. Every error is reported, each at its line:
    /// after a wrong key or value, the entry is blanked out and the text read
    /// again for the next one (a syntax error stops there).
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let mut errors = Vec::new();
        let mut read = text.to_string();
        let mut config = loop {
            let err = match toml::from_str::<Config>(&read) {
                Ok(config) => break Some(config),
                Err(err) => err,
            };
            errors.push(invalid_config(
                path,
                text,
                err.message().trim(),
                err.span(),
                Some("the keys are documented in docs/configuration.md".into()),
            ));
            let next = err.span().and_then(|span| blank_entry(&read, span));
            match next {
                Some(next)
                    if errors.len() < MAX_ERRORS
                        && toml::from_str::<toml::Table>(&next).is_ok() =>
                {
                    read = next
                }
                _ => break None,
            }
        };
        for pattern in config.iter().flat_map(|c| &c.scan.exclude) {
            if let Some(message) = crate::discover::glob_error(pattern.get_ref()) {
                errors.push(invalid_config(
                    path,
                    text,
                    &format!("bad exclude glob: {message}"),
                    Some(pattern.span()),
                    Some("globs are written as in .gitignore".into()),
                ));
            }
        }
        // In the order of the file.
        errors.sort_by_key(|e| e.span.map(|s| s.offset()));
        let mut errors = errors.into_iter();
        if let Some(mut first) = errors.next() {
            first.others = errors.collect();
            return Err(ConfigError::Invalid(Box::new(first)));
        }
        let mut config = config.take().unwrap_or_default();
        config.origin = Some((path.to_path_buf(), text.to_string()));
        Ok(config)
    }

    /// The exclude globs, as the walk takes them.
    pub fn exclude(&self) -> impl Iterator<Item = &String> {
        self.scan.exclude.iter().map(|p| p.get_ref())
    }

    /// `[define]` as the scan takes it, each value with the line it is on.
    pub fn defines(&self) -> crate::defines::Defines {
        let mut out = crate::defines::Defines::default();
        let text = self.origin.as_ref().map_or("", |(_, text)| text.as_str());
        for (name, value) in &self.define {
            let line = 1 + text[..value.span().start.min(text.len())]
                .matches('\n')
                .count();
            out.insert(
                name.get_ref().clone(),
                value.get_ref().clone(),
                format!("{CONFIG_PATH}:{line}"),
            );
        }
        out
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
    ConfigError::Invalid(Box::new(invalid_config(path, text, message, span, help)))
}

fn invalid_config(
    path: &Path,
    text: &str,
    message: &str,
    span: Option<std::ops::Range<usize>>,
    help: Option<String>,
) -> InvalidConfig {
    InvalidConfig {
        path: path.display().to_string(),
        message: message.to_string(),
        src: NamedSource::new(path.display().to_string(), text.to_string()),
        span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
        help,
        others: Vec::new(),
    }
}

/// `text` with the entry at `span` blanked out (spaces, so the offsets of
/// the rest hold): the lines it is on, or a whole `[section]` when it is
/// in a header. None when nothing would change.
fn blank_entry(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let start = text.get(..span.start)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = |from: usize| {
        text.get(from..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |i| from + i)
    };
    let mut end = line_end(span.end.clamp(start, text.len()));
    if text[start..].trim_start().starts_with('[') {
        // A section: up to the next header.
        let mut at = end;
        while at < text.len() {
            let next = line_end(at + 1);
            if text[at + 1..next.max(at + 1)].trim_start().starts_with('[') {
                break;
            }
            at = next;
        }
        end = at;
    }
    let blanked: String = text[start..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    if blanked == text[start..end] {
        return None;
    }
    Some(format!("{}{blanked}{}", &text[..start], &text[end..]))
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
        assert_eq!(config.exclude().collect::<Vec<_>>(), ["legacy/**"]);
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
