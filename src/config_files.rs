//! Findings in an app's configuration files (YAML such as Rails'
//! `config/database.yml`, Spring's `application.properties` or
//! `application.yml`, a dotenv `.env`), which no grammar parses: a rule with a `[settings]`
//! match names the files, a dotted key and a pattern for its value. Each
//! file read becomes the facts of an entry file (configuration the app
//! loads at start-up) holding the hits. Pure: `discover` reads the files
//! (`settings_files` of a `language.toml`). Dotenv files (`.env`,
//! `.env.example`, `docker/settings.env`) and a Dockerfile's `ENV` lines are
//! read as `KEY=value` entries, and so is the `environment:` of each
//! service of a Compose file (`docker-compose.yml`, list or map form): the
//! environment an app ships for its deployments.

use crate::extract::facts::{FileFacts, Hit, HitExtra, Pos, Span};
use crate::lang::Lang;
use crate::rules::RuleSet;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A configuration file as read by `discover`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsFile {
    pub rel: String,
    /// The language whose app reads it.
    pub lang: Lang,
    pub text: String,
}

/// What a `[settings]` rule looks for.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsMatch {
    /// Paths of the file, in order of preference: in each folder, the first
    /// that exists is read (a deployment writes `config/database.yml` from
    /// the committed `config/database.yml.sample` when the former is absent).
    /// A path may be a glob (`docker/*.env`).
    pub files: Vec<String>,
    /// Every one of `files` that exists is read, not only the first of each
    /// folder: each is an environment a deployment runs with (`.env.example`
    /// for a server, `docker/settings.env` and the Dockerfile's `ENV` for the
    /// image).
    #[serde(default)]
    pub every_file: bool,
    /// The dotted key: `*` stands for one key, `**` for any number, `a|b`
    /// for either. Dotted YAML keys (`spring.datasource.url: x`) count as
    /// nested ones.
    pub key: String,
    /// A regular expression the key's scalar value must match, with its
    /// property placeholders at their default (`${DB_URL:jdbc:h2:mem:x}`
    /// reads `jdbc:h2:mem:x`).
    pub value: String,
    /// None of these keys is set in the same mapping (`url:` overrides the
    /// `database:` beside it).
    #[serde(default)]
    pub unless_sibling: Vec<String>,
    /// Profile variants of the file (globs on the file name beside it:
    /// Spring's `application-*.properties`). When set, the documents of a
    /// YAML file after the first are profile variants too, and only the
    /// first document is matched.
    #[serde(default)]
    pub profile_files: Vec<String>,
    /// Whether a value a deployment can replace is reported: `skip` (only a
    /// hard-coded value), `only` (only a replaceable one); absent, both. A
    /// value is replaceable when it is a placeholder's default or a profile
    /// variant sets the key to a value the pattern does not match.
    #[serde(default)]
    pub overridden: Option<Overridden>,
}

/// See `SettingsMatch::overridden`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Overridden {
    Skip,
    Only,
}

/// One `key: scalar` line of a YAML text or `key=value` of a `.properties`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// The keys from the top of the document to this one.
    path: Vec<String>,
    /// 0-based line, and the byte range of the value in the text.
    line: usize,
    value: Range<usize>,
    /// The YAML document it is in (0: the first).
    document: usize,
}

/// `.properties` files and dotenv files (`.env`, `KEY=value` lines) are
/// read line by line, anything else as YAML.
fn entries(rel: &str, text: &str) -> Vec<Entry> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if name == "Dockerfile" || name.starts_with("Dockerfile.") {
        dockerfile_entries(text)
    } else if is_compose(name) {
        compose_entries(text)
    } else if rel.ends_with(".properties")
        || name == ".env"
        || name.starts_with(".env.")
        || name.ends_with(".env")
    {
        properties_entries(text)
    } else {
        yaml_entries(text)
    }
}

/// The `KEY=value` pairs of a Dockerfile's `ENV` instructions (over
/// continuation lines: `ENV \` then `    A=1 \`), and the legacy `ENV KEY
/// value`. Later stages' `ENV` lines count like the first's.
fn dockerfile_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut in_env = false;
    for (idx, line) in text.lines().enumerate() {
        let mut body = line.trim();
        let continued = in_env;
        in_env = false;
        if !continued {
            let Some(rest) = body
                .split_once(char::is_whitespace)
                .filter(|(word, _)| word.eq_ignore_ascii_case("ENV"))
                .map(|(_, rest)| rest.trim())
                .or_else(|| body.eq_ignore_ascii_case("ENV").then_some(""))
            else {
                continue;
            };
            body = rest;
        }
        if body.starts_with('#') {
            in_env = continued;
            continue;
        }
        in_env = body.ends_with('\\');
        let body = body.trim_end_matches('\\').trim_end();
        let legacy = !body.is_empty()
            && !continued
            && body
                .split_once(char::is_whitespace)
                .is_some_and(|(key, _)| !key.contains('='));
        if legacy {
            out.extend(properties_entries_of_line(text, idx, body));
            continue;
        }
        for pair in body.split_whitespace() {
            if pair.contains('=') {
                out.extend(properties_entries_of_line(text, idx, pair));
            }
        }
    }
    out
}

/// A Compose file: `docker-compose.yml`, `compose.yaml`,
/// `docker-compose.mysql.yml`.
fn is_compose(name: &str) -> bool {
    (name.starts_with("docker-compose") || name.starts_with("compose"))
        && (name.ends_with(".yml") || name.ends_with(".yaml"))
}

/// The variables the services of a Compose file set in their
/// `environment:`, as `KEY` entries: the list form (`- KEY=value`) and the
/// map form (`KEY: value`), each service's alike.
fn compose_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    // The indentation of the `environment:` key being read.
    let mut within: Option<usize> = None;
    for (idx, line) in text.lines().enumerate() {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        if within.is_some_and(|at| indent <= at) {
            within = None;
        }
        if within.is_none() {
            if body.trim_end() == "environment:" {
                within = Some(indent);
            }
            continue;
        }
        let body = body.split(" #").next().unwrap_or(body).trim_end();
        let pair = match body.strip_prefix('-') {
            Some(item) => item.trim().trim_matches(['"', '\'']),
            None => body,
        };
        out.extend(properties_entries_of_line(text, idx, pair));
    }
    out
}

/// The entry of one `key=value` (or `key value`) in line `idx` of `text`;
/// `body` is a slice of `text`.
fn properties_entries_of_line(text: &str, idx: usize, body: &str) -> Option<Entry> {
    let sep = body.find(|c: char| c == '=' || c == ':' || c.is_whitespace())?;
    let (key, rest) = body.split_at(sep);
    let rest = rest.trim_start();
    let value = rest.strip_prefix(['=', ':']).unwrap_or(rest).trim();
    if key.is_empty() || value.is_empty() {
        return None;
    }
    Some(Entry {
        path: key.split('.').map(str::to_string).collect(),
        line: idx,
        value: range_in(text, value),
        document: 0,
    })
}

/// The byte range of `part`, a slice of `text`, in `text`.
fn range_in(text: &str, part: &str) -> Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// `key=value`, `key: value` or `key value` lines; comments start with `#`
/// or `!`; continuation lines are skipped.
fn properties_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        let body = line.trim();
        if body.is_empty() || body.starts_with(['#', '!']) {
            continue;
        }
        out.extend(properties_entries_of_line(text, idx, body));
    }
    out
}

/// Block-style YAML mappings by indentation; list items, flow collections
/// and multi-line scalars are skipped. Keys of later documents (`---`)
/// start from the top again.
fn yaml_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut document = 0;
    let mut keys_seen = false;
    for (idx, line) in text.lines().enumerate() {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if body.starts_with("---") {
            stack.clear();
            document += usize::from(keys_seen);
            keys_seen = false;
            continue;
        }
        if body.is_empty() || body.starts_with('#') || body.starts_with('-') {
            continue;
        }
        let Some((key, rest)) = body.split_once(':') else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
            continue;
        }
        let key = key.trim().trim_matches(['"', '\'']).to_string();
        keys_seen = true;
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let value = rest.split(" #").next().unwrap_or(rest).trim();
        if value.is_empty() || value.starts_with('&') {
            stack.push((indent, key));
            continue;
        }
        out.push(Entry {
            path: stack
                .iter()
                .map(|(_, k)| k.as_str())
                .chain([key.as_str()])
                .flat_map(|k| k.split('.'))
                .map(str::to_string)
                .collect(),
            line: idx,
            value: range_in(text, value),
            document,
        });
    }
    out
}

/// Whether `path` matches the dotted `pattern` (`*` one key, `**` any,
/// `a|b` either).
fn path_matches(pattern: &[&str], path: &[String]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => (0..=path.len()).any(|skip| path_matches(rest, &path[skip..])),
        Some((head, rest)) => path.split_first().is_some_and(|(key, tail)| {
            (*head == "*" || head.split('|').any(|h| h == key)) && path_matches(rest, tail)
        }),
    }
}

/// A value as the app reads it when the deployment sets nothing (quotes
/// off, placeholders at their default), and whether a placeholder lets
/// the environment replace it.
fn resolved(raw: &str) -> (String, bool) {
    let raw = raw.trim_matches(['"', '\'']);
    (crate::app_config::placeholders(raw), raw.contains("${"))
}

/// A file's text and its entries.
struct Parsed<'a> {
    text: &'a str,
    entries: Vec<Entry>,
}

impl<'a> Parsed<'a> {
    fn new(rel: &str, text: &'a str) -> Self {
        Parsed {
            text,
            entries: entries(rel, text),
        }
    }

    fn value(&self, entry: &Entry) -> (String, bool) {
        resolved(self.text.get(entry.value.clone()).unwrap_or(""))
    }
}

/// The value ranges in `text` (the file `rel`) that the match finds;
/// `profiles` are the texts of the file's profile variants beside it.
pub fn matches(
    m: &SettingsMatch,
    rel: &str,
    text: &str,
    profiles: &[(&str, &str)],
) -> Vec<(usize, Range<usize>)> {
    let Ok(value_re) = regex::Regex::new(&m.value) else {
        return Vec::new();
    };
    let pattern: Vec<&str> = m.key.split('.').collect();
    let file = Parsed::new(rel, text);
    let variants: Vec<Parsed> = profiles.iter().map(|(r, t)| Parsed::new(r, t)).collect();
    let profiled = !m.profile_files.is_empty();
    // A profile variant that sets the key to something else replaces it.
    let replaced = |path: &[String]| {
        let later = file
            .entries
            .iter()
            .filter(|e| profiled && e.document > 0)
            .map(|e| (&file, e));
        let beside = variants
            .iter()
            .flat_map(|v| v.entries.iter().map(move |e| (v, e)));
        later
            .chain(beside)
            .any(|(p, e)| e.path == path && !value_re.is_match(&p.value(e).0))
    };
    let all = &file.entries;
    all.iter()
        .filter(|e| !(profiled && e.document > 0))
        .filter(|e| path_matches(&pattern, &e.path))
        .filter(|e| {
            let (value, placeholder) = file.value(e);
            let overridden = placeholder || replaced(&e.path);
            value_re.is_match(&value)
                && match m.overridden {
                    None => true,
                    Some(Overridden::Skip) => !overridden,
                    Some(Overridden::Only) => overridden,
                }
        })
        .filter(|e| {
            let parent = &e.path[..e.path.len() - 1];
            !all.iter().any(|other| {
                other.path.len() == e.path.len()
                    && other.document == e.document
                    && other.path[..parent.len()] == *parent
                    && m.unless_sibling
                        .iter()
                        .any(|k| other.path.last() == Some(k))
            })
        })
        .map(|e| (e.line, e.value.clone()))
        .collect()
}

/// The index of the first of `files` that `rel` is, and the folder it
/// sits in (`backend/` for `backend/config/database.yml`).
fn preference<'a>(files: &[String], rel: &'a str) -> Option<(usize, &'a str)> {
    files.iter().enumerate().find_map(|(idx, f)| {
        let folder = if f.contains('*') {
            // As many trailing components of `rel` as the glob has.
            let parts = f.matches('/').count() + 1;
            let at = rel
                .char_indices()
                .rev()
                .filter(|&(_, c)| c == '/')
                .nth(parts - 1)
                .map_or(0, |(at, _)| at + 1);
            let glob = globset::Glob::new(f).ok()?.compile_matcher();
            glob.is_match(&rel[at..]).then_some(&rel[..at])?
        } else {
            rel.strip_suffix(f.as_str())?
        };
        (folder.is_empty() || folder.ends_with('/')).then_some((idx, folder))
    })
}

/// The files directly in `folder` whose name matches one of `globs`, as
/// (path, text); a bad glob matches nothing.
fn profile_variants<'a>(
    globs: &[String],
    files: &'a [SettingsFile],
    folder: &str,
) -> Vec<(&'a str, &'a str)> {
    let mut builder = globset::GlobSetBuilder::new();
    for glob in globs {
        if let Ok(glob) = globset::Glob::new(glob) {
            builder.add(glob);
        }
    }
    let Ok(set) = builder.build() else {
        return Vec::new();
    };
    files
        .iter()
        .filter(|f| {
            f.rel
                .strip_prefix(folder)
                .is_some_and(|name| !name.contains('/') && set.is_match(name))
        })
        .map(|f| (f.rel.as_str(), f.text.as_str()))
        .collect()
}

/// Facts for the configuration files that settings rules read: one entry
/// file per file with at least one hit.
pub fn facts(files: &[SettingsFile], rules: &RuleSet) -> Vec<FileFacts> {
    let mut out: Vec<FileFacts> = Vec::new();
    for (rule_idx, rule) in rules.rules.iter().enumerate() {
        let Some(m) = &rule.settings else {
            continue;
        };
        let candidates: Vec<(&SettingsFile, usize, &str)> = files
            .iter()
            .filter(|f| rule.applies_to(f.lang))
            .filter_map(|f| preference(&m.files, &f.rel).map(|(i, dir)| (f, i, dir)))
            .collect();
        for &(file, idx, folder) in &candidates {
            if !m.every_file && candidates.iter().any(|&(_, i, d)| d == folder && i < idx) {
                continue;
            }
            let profiles = profile_variants(&m.profile_files, files, folder);
            for (line, value) in matches(m, &file.rel, &file.text, &profiles) {
                let facts = match out.iter_mut().position(|f| f.path == file.rel) {
                    Some(at) => &mut out[at],
                    None => {
                        out.push(entry_facts(file));
                        let last = out.len() - 1;
                        &mut out[last]
                    }
                };
                facts.hits.push(hit(rule_idx, file, line, value));
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn entry_facts(file: &SettingsFile) -> FileFacts {
    FileFacts {
        entry: true,
        ..FileFacts::empty(&file.rel, file.lang, &file.text)
    }
}

fn hit(rule: usize, file: &SettingsFile, line: usize, value: std::ops::Range<usize>) -> Hit {
    let text = &file.text;
    let line_start = text[..value.start].rfind('\n').map_or(0, |at| at + 1);
    let column = |at: usize| text[line_start..at].chars().count() as u32 + 1;
    let state = text
        .get(value.clone())
        .unwrap_or("")
        .trim_matches(['"', '\'']);
    let at = |column| Pos {
        line: line as u32 + 1,
        column,
    };
    let span = Span {
        start: value.start,
        end: value.end,
    };
    let mut hit = Hit::new(
        rule,
        at(column(value.start)),
        at(column(value.end)),
        span.into(),
    );
    hit.state = Some(state.into());
    hit.extra = HitExtra::new(None, text.lines().nth(line).unwrap_or("").trim().into());
    hit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn database(value: &str, unless: &[&str]) -> SettingsMatch {
        SettingsMatch {
            files: vec!["config/database.yml".into()],
            key: "production.**.database".into(),
            value: value.into(),
            unless_sibling: unless.iter().map(|s| s.to_string()).collect(),
            every_file: false,
            profile_files: Vec::new(),
            overridden: None,
        }
    }

    fn datasource(overridden: Overridden) -> SettingsMatch {
        SettingsMatch {
            files: vec!["application.properties".into(), "application.yml".into()],
            key: "spring.datasource.url|jdbc-url".into(),
            value: "^jdbc:h2:mem:".into(),
            unless_sibling: Vec::new(),
            every_file: false,
            profile_files: vec![
                "application-*.properties".into(),
                "application-*.yml".into(),
            ],
            overridden: Some(overridden),
        }
    }

    /// The 0-based lines the datasource match finds.
    fn found(mode: Overridden, rel: &str, text: &str, profiles: &[(&str, &str)]) -> Vec<usize> {
        matches(&datasource(mode), rel, text, profiles)
            .iter()
            .map(|(l, _)| *l)
            .collect()
    }

    #[test]
    fn nested_keys_by_indentation() {
        let text = "default: &default\n  adapter: sqlite3\n\nproduction:\n  <<: *default\n  database: db/production.sqlite3 # the file\ntest:\n  database: db/test.sqlite3\n";
        let found = matches(
            &database("\\.sqlite3$", &[]),
            "config/database.yml",
            text,
            &[],
        );
        assert_eq!(found.len(), 1);
        let (line, value) = &found[0];
        assert_eq!(*line, 5);
        assert_eq!(&text[value.clone()], "db/production.sqlite3");
    }

    #[test]
    fn any_depth_and_siblings() {
        let text = "production:\n  primary:\n    database: storage/primary.sqlite3\n  cache:\n    url: <%= ENV['CACHE_URL'] %>\n    database: storage/cache.sqlite3\n";
        let found = matches(
            &database("\\.sqlite3$", &["url"]),
            "config/database.yml",
            text,
            &[],
        );
        assert_eq!(found.iter().map(|(l, _)| *l).collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn a_folder_reads_its_preferred_file_only() {
        let files = [
            "config/database.yml".to_string(),
            "config/database.yml.sample".to_string(),
        ];
        assert_eq!(
            preference(&files, "app/config/database.yml.sample"),
            Some((1, "app/"))
        );
        assert_eq!(preference(&files, "xconfig/database.yml"), None);
        assert_eq!(preference(&files, "config/database.yml"), Some((0, "")));
        let env = [".env.example".to_string(), "docker/*.env".to_string()];
        assert_eq!(preference(&env, "docker/settings.env"), Some((1, "")));
        assert_eq!(preference(&env, "app/docker/.env"), Some((1, "app/")));
        assert_eq!(preference(&env, "docker/nginx.conf"), None);
        assert_eq!(preference(&env, "settings.env"), None);
    }

    /// (key, value) of each entry of a file.
    fn pairs(rel: &str, text: &str) -> Vec<(String, String)> {
        entries(rel, text)
            .iter()
            .map(|e| (e.path.join("."), text[e.value.clone()].to_string()))
            .collect()
    }

    #[test]
    fn dockerfile_env_lines_and_dotenv_names() {
        let docker = "FROM php\nENV \\\n    LOG_CHANNEL=daily \\\n    DB_CONNECTION=sqlite\nRUN echo A=1\nENV TZ UTC\nENV X=1 Y=2\n";
        let found = pairs("Dockerfile", docker);
        let expected = [
            ("LOG_CHANNEL", "daily"),
            ("DB_CONNECTION", "sqlite"),
            ("TZ", "UTC"),
            ("X", "1"),
            ("Y", "2"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(found, expected);
        let dotenv = "# c\nSESSION_DRIVER=file\n";
        for rel in [".env.example", "docker/settings.env", ".env"] {
            assert_eq!(
                pairs(rel, dotenv),
                vec![("SESSION_DRIVER".to_string(), "file".to_string())]
            );
        }
    }

    #[test]
    fn compose_environment_in_list_and_map_form() {
        let list = "services:\n  app:\n    image: x\n    environment:\n      - APP_ENV=production\n      - \"SESSION_DRIVER=file\" # keep\n    restart: always\n  db:\n    environment:\n      CACHE_STORE: redis\n    ports:\n      - 80:80\n";
        let expected: Vec<(String, String)> = [
            ("APP_ENV", "production"),
            ("SESSION_DRIVER", "file"),
            ("CACHE_STORE", "redis"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for rel in [
            "docker-compose.yml",
            "docker/prod/docker-compose.mysql.yml",
            "compose.yaml",
        ] {
            assert_eq!(pairs(rel, list), expected);
        }
        // Not a Compose file: read as YAML, list items skipped.
        assert!(pairs("config/app.yml", list)
            .iter()
            .all(|(k, _)| !k.starts_with("SESSION")));
    }

    #[test]
    fn properties_and_dotted_yaml_keys() {
        let props = "# db\nspring.datasource.url = jdbc:h2:mem:db;MODE=Oracle\nspring.datasource.username=sa\n";
        let hits = matches(
            &datasource(Overridden::Skip),
            "application.properties",
            props,
            &[],
        );
        assert_eq!(&props[hits[0].1.clone()], "jdbc:h2:mem:db;MODE=Oracle");
        assert_eq!(
            found(Overridden::Skip, "application.properties", props, &[]),
            vec![1]
        );
        let yml = "spring:\n  datasource.jdbc-url: \"jdbc:h2:mem:x\"\n";
        assert_eq!(
            found(Overridden::Skip, "application.yml", yml, &[]),
            vec![1]
        );
    }

    #[test]
    fn a_placeholder_or_a_profile_replaces_the_value() {
        let props = "application.properties";
        let env = "spring.datasource.url=${DB_URL:jdbc:h2:mem:x}\n";
        assert!(found(Overridden::Skip, props, env, &[]).is_empty());
        assert_eq!(found(Overridden::Only, props, env, &[]), vec![0]);
        let fixed = "spring.datasource.url=jdbc:h2:mem:x\n";
        let mysql = [(
            "application-prod.properties",
            "spring.datasource.url=jdbc:mysql://db/app\n",
        )];
        assert!(found(Overridden::Skip, props, fixed, &mysql).is_empty());
        assert_eq!(found(Overridden::Only, props, fixed, &mysql), vec![0]);
        let same = [(
            "application-dev.properties",
            "spring.datasource.url=jdbc:h2:mem:dev\n",
        )];
        assert_eq!(found(Overridden::Skip, props, fixed, &same), vec![0]);
        let documents = "spring:\n  datasource:\n    url: jdbc:h2:mem:x\n---\nspring:\n  config.activate.on-profile: prod\n  datasource:\n    url: jdbc:postgresql://db/app\n";
        assert!(found(Overridden::Skip, "application.yml", documents, &[]).is_empty());
        assert_eq!(
            found(Overridden::Only, "application.yml", documents, &[]),
            vec![2]
        );
    }

    #[test]
    fn profile_variants_beside_the_file() {
        let file = |rel: &str| SettingsFile {
            rel: rel.into(),
            lang: Lang::all().next().expect("a language"),
            text: String::new(),
        };
        let files = [
            file("app/application.properties"),
            file("app/application-prod.properties"),
            file("app/sub/application-dev.properties"),
            file("other/application-prod.properties"),
        ];
        let globs = ["application-*.properties".to_string()];
        let found: Vec<&str> = profile_variants(&globs, &files, "app/")
            .iter()
            .map(|(r, _)| *r)
            .collect();
        assert_eq!(found, vec!["app/application-prod.properties"]);
    }
}
