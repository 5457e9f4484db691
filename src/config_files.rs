//! Findings in an app's configuration files (YAML such as Rails'
//! `config/database.yml`), which no grammar parses: a rule with a
//! `[settings]` match names the files, a dotted key and a pattern for its
//! value. Each file read becomes the facts of an entry file (configuration
//! the app loads at start-up) holding the hits. Pure: `discover` reads the
//! files (`settings_files` of a `language.toml`).

use crate::extract::facts::{FileFacts, Hit, Pos, Span};
use crate::lang::Lang;
use crate::rules::RuleSet;
use serde::{Deserialize, Serialize};

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
    pub files: Vec<String>,
    /// The dotted key: `*` stands for one key, `**` for any number.
    pub key: String,
    /// A regular expression the key's scalar value must match.
    pub value: String,
    /// None of these keys is set in the same mapping (`url:` overrides the
    /// `database:` beside it).
    #[serde(default)]
    pub unless_sibling: Vec<String>,
}

/// One `key: scalar` line of a YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// The keys from the top of the document to this one.
    path: Vec<String>,
    /// 0-based line, and the byte range of the value in the text.
    line: usize,
    value: std::ops::Range<usize>,
}

/// Block-style YAML mappings by indentation; list items, flow collections
/// and multi-line scalars are skipped. Keys of later documents (`---`)
/// start from the top again.
fn entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut offset = 0;
    for (idx, raw) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if body.starts_with("---") {
            stack.clear();
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
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let value = rest.split(" #").next().unwrap_or(rest).trim();
        let mut path: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
        path.push(key.clone());
        if value.is_empty() || value.starts_with('&') {
            stack.push((indent, key));
            continue;
        }
        let at = start + indent + key_len(body) + rest.find(value).unwrap_or(0) + 1;
        out.push(Entry {
            path,
            line: idx,
            value: at..at + value.len(),
        });
    }
    out
}

/// Bytes of the key part of `key: value` (up to the colon).
fn key_len(body: &str) -> usize {
    body.find(':').unwrap_or(0)
}

/// Whether `path` matches the dotted `pattern` (`*` one key, `**` any).
fn path_matches(pattern: &[&str], path: &[String]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => (0..=path.len()).any(|skip| path_matches(rest, &path[skip..])),
        Some((head, rest)) => path
            .split_first()
            .is_some_and(|(key, tail)| (*head == "*" || head == key) && path_matches(rest, tail)),
    }
}

/// The value ranges in `text` that the match finds.
pub fn matches(m: &SettingsMatch, text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
    let Ok(value_re) = regex::Regex::new(&m.value) else {
        return Vec::new();
    };
    let pattern: Vec<&str> = m.key.split('.').collect();
    let all = entries(text);
    all.iter()
        .filter(|e| path_matches(&pattern, &e.path))
        .filter(|e| {
            text.get(e.value.clone())
                .is_some_and(|v| value_re.is_match(v))
        })
        .filter(|e| {
            let parent = &e.path[..e.path.len() - 1];
            !all.iter().any(|other| {
                other.path.len() == e.path.len()
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
        let folder = rel.strip_suffix(f.as_str())?;
        (folder.is_empty() || folder.ends_with('/')).then_some((idx, folder))
    })
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
            if candidates.iter().any(|&(_, i, d)| d == folder && i < idx) {
                continue;
            }
            for (line, value) in matches(m, &file.text) {
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
    Hit {
        rule,
        def: None,
        holder: None,
        pos: Pos {
            line: line as u32 + 1,
            column: column(value.start),
        },
        end: Pos {
            line: line as u32 + 1,
            column: column(value.end),
        },
        span: Span {
            start: value.start,
            end: value.end,
        },
        state: Some(state.into()),
        target: None,
        bound: None,
        snippet: text.lines().nth(line).unwrap_or("").trim().to_string(),
        suppressed: None,
        once: false,
        on_submit: false,
    }
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
        }
    }

    #[test]
    fn nested_keys_by_indentation() {
        let text = "default: &default\n  adapter: sqlite3\n\nproduction:\n  <<: *default\n  database: db/production.sqlite3 # the file\ntest:\n  database: db/test.sqlite3\n";
        let found = matches(&database("\\.sqlite3$", &[]), text);
        assert_eq!(found.len(), 1);
        let (line, value) = &found[0];
        assert_eq!(*line, 5);
        assert_eq!(&text[value.clone()], "db/production.sqlite3");
    }

    #[test]
    fn any_depth_and_siblings() {
        let text = "production:\n  primary:\n    database: storage/primary.sqlite3\n  cache:\n    url: <%= ENV['CACHE_URL'] %>\n    database: storage/cache.sqlite3\n";
        let found = matches(&database("\\.sqlite3$", &["url"]), text);
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
    }
}
