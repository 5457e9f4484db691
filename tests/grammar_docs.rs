//! docs/grammars.md cannot drift from the grammars: every capture name
//! (but the predicate-only `@_*`) and `#set!` property of `grammars/*/*.scm`,
//! every key a `grammars/*/language.toml` uses and every top-level key of a
//! `grammars/*/views.toml` has a row in the page's reference tables, and
//! every capture or property the page lists is still used by some grammar.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `grammars/*/` whose name ends with `suffix`.
fn grammar_files(suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root().join("grammars")).expect("grammars/ is readable") {
        let dir = dir.expect("a grammars/ entry").path();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for file in entries {
            let path = file.expect("a grammar file").path();
            if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Capture names (with their `@`) and `#set!` property names of one query,
/// outside strings and `;` comments.
fn query_names(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut captures, mut properties) = (BTreeSet::new(), BTreeSet::new());
    let is_name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-');
    let chars: Vec<char> = text.chars().collect();
    let word_at =
        |from: usize| -> String { chars[from..].iter().take_while(|c| is_name(**c)).collect() };
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            ';' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            '@' => {
                let name = word_at(i + 1);
                i += 1 + name.chars().count();
                if !name.is_empty() && !name.starts_with('_') {
                    captures.insert(format!("@{name}"));
                }
            }
            '#' if chars[i..].starts_with(&['#', 's', 'e', 't', '!']) => {
                i += 5;
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                let name = word_at(i);
                i += name.chars().count();
                if !name.is_empty() {
                    properties.insert(name);
                }
            }
            _ => i += 1,
        }
    }
    (captures, properties)
}

/// The keys a TOML file uses: top-level ones, and with `nested` those of
/// its tables' and arrays of tables' entries (`route_prefix_settings.key`
/// counts as `key`).
fn toml_keys(text: &str, nested: bool) -> BTreeSet<String> {
    let value: toml::Table = toml::from_str(text).expect("grammar TOML parses");
    let mut keys = BTreeSet::new();
    for (key, value) in &value {
        keys.insert(key.clone());
        if !nested {
            continue;
        }
        let tables: Vec<&toml::Table> = match value {
            toml::Value::Table(t) => vec![t],
            toml::Value::Array(items) => items.iter().filter_map(|v| v.as_table()).collect(),
            _ => Vec::new(),
        };
        for table in tables {
            keys.extend(table.keys().cloned());
        }
    }
    keys
}

/// The names in the first cell of each table row of the page, by the `##`
/// section they are in: a code span's text, without a leading `#set! ` and
/// from the first space on (`` `#set! framework "flask"` `` is `framework`).
fn documented(page: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut section = String::new();
    for line in page.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.trim().to_string();
            continue;
        }
        let Some(row) = line.strip_prefix('|') else {
            continue;
        };
        let first_cell = row.split('|').next().unwrap_or("");
        for (i, span) in first_cell.split('`').enumerate() {
            if i % 2 == 1 {
                let name = span.trim().trim_start_matches("#set!").trim_start();
                let name = name.split(' ').next().unwrap_or("");
                if !name.is_empty() {
                    out.entry(section.clone())
                        .or_default()
                        .insert(name.to_string());
                }
            }
        }
    }
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", rel(path)))
}

#[test]
fn every_grammar_name_is_documented_and_every_documented_name_is_used() {
    let page = read(&root().join("docs/grammars.md"));
    let sections = documented(&page);
    let in_sections = |pick: &dyn Fn(&str) -> bool| -> BTreeSet<String> {
        sections
            .iter()
            .filter(|(heading, _)| pick(heading))
            .flat_map(|(_, names)| names.iter().cloned())
            .collect()
    };
    let toml_section = in_sections(&|h| h.contains("language.toml"));
    let views_section = in_sections(&|h| h.contains("views.toml"));
    let query_sections = in_sections(&|h| h.contains(".scm"));

    let mut missing = Vec::new();
    let (mut used_captures, mut used_properties) = (BTreeSet::new(), BTreeSet::new());
    for path in grammar_files(".scm") {
        let (captures, properties) = query_names(&read(&path));
        for name in captures.iter().chain(&properties) {
            if !query_sections.contains(name) {
                missing.push(format!("{name} (used in {})", rel(&path)));
            }
        }
        used_captures.extend(captures);
        used_properties.extend(properties);
    }
    for (suffix, nested, known) in [
        ("/language.toml", true, &toml_section),
        ("/views.toml", false, &views_section),
    ] {
        for path in grammar_files(suffix) {
            for key in toml_keys(&read(&path), nested) {
                if !known.contains(&key) {
                    missing.push(format!("{key} (key in {})", rel(&path)));
                }
            }
        }
    }
    let stale: Vec<&String> = query_sections
        .iter()
        .filter(|n| !used_captures.contains(*n) && !used_properties.contains(*n))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/grammars.md has no reference row for:\n  {}",
        missing.join("\n  ")
    );
    assert!(
        stale.is_empty(),
        "docs/grammars.md documents names no grammar uses any more: {stale:?}"
    );
}

#[test]
fn the_scanner_skips_strings_comments_and_predicate_captures() {
    let (captures, properties) = query_names(
        "; @in.comment\n((call) @route.handler @_callee\n (#match? @_callee \"@not;this\")\n (#set! route.drop \"(.:format)\") (#set!  framework \"a|b\"))",
    );
    assert_eq!(captures, BTreeSet::from(["@route.handler".to_string()]));
    assert_eq!(
        properties,
        BTreeSet::from(["framework".to_string(), "route.drop".to_string()])
    );
}
