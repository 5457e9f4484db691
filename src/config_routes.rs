//! Routes a framework declares in a configuration file rather than in code
//! (Symfony's `config/routes.yaml`): each top-level entry with a path key
//! is a route, handled by the class and method its handler key names. Which
//! files and keys count is data (`route_files` in a `language.toml`); each
//! file read becomes the facts of a file of the handlers' language holding
//! the route declarations, resolved and composed by `link` as the code's.
//! Pure: `discover` reads the files.

use crate::config_files::SettingsFile;
use crate::extract::facts::{FileFacts, HandlerRef, Pos, RouteDecl, Span};
use crate::lang::RouteFiles;

/// The facts of one route file: a route per top-level entry with a path.
pub fn facts(file: &SettingsFile) -> FileFacts {
    let mut facts = FileFacts::empty(&file.rel, file.lang, &file.text);
    let entries = entries(&file.text);
    for spec in file.lang.route_files(&file.rel) {
        facts
            .routes
            .extend(entries.iter().filter_map(|entry| route(spec, entry)));
    }
    facts
}

/// A top-level entry: its line (0-based), byte range, and its values by
/// dotted key (`defaults._controller`).
struct Entry {
    line: usize,
    span: Span,
    values: Vec<(String, String)>,
}

impl Entry {
    fn get(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn route(spec: &RouteFiles, entry: &Entry) -> Option<RouteDecl> {
    // A locale map (`path: { en: /about, nl: /over-ons }`): the first.
    let locale = format!("{}.", spec.path);
    let path = entry
        .values
        .iter()
        .find(|(k, _)| k.starts_with(&locale))
        .map(|(_, v)| v.as_str())
        .or_else(|| entry.get(&spec.path))
        .filter(|p| !p.is_empty())?
        .to_string();
    let handler = spec
        .handler
        .iter()
        .find_map(|key| entry.get(key))
        .map(|written| {
            let written = written.replace("\\\\", "\\");
            match written.split_once(&spec.handler_split) {
                Some((class, member)) => format!("{class}.{member}"),
                None => format!("{written}.{}", spec.handler_member),
            }
        });
    let methods = entry
        .get(&spec.methods)
        .map(|m| {
            m.split(|c: char| c == '|' || c == ',' || c.is_whitespace())
                .map(|m| m.trim_matches(['[', ']', '"', '\'']).to_ascii_uppercase())
                .filter(|m| !m.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let pos = Pos {
        line: entry.line as u32 + 1,
        column: 1,
    };
    Some(RouteDecl {
        methods,
        path: Some(path),
        handlers: handler.map(HandlerRef::Name).into_iter().collect(),
        frameworks: vec![spec.framework.clone()],
        span: entry.span,
        pos,
        ..RouteDecl::default()
    })
}

/// The top-level entries of a block-style YAML mapping. Nested mappings
/// give dotted keys; a flow mapping (`{ _controller: X }`) its keys the
/// same way; a flow list (`[GET, POST]`) or the block list under a key
/// (`- GET`) is the key's value, items joined by `,`.
fn entries(text: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut offset = 0;
    for (idx, raw) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end();
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if body.is_empty() || body.starts_with('#') || body == "---" {
            continue;
        }
        if indent == 0 {
            stack.clear();
            if let Some((name, _)) = body.split_once(':') {
                out.push(Entry {
                    line: idx,
                    span: Span { start, end: offset },
                    values: Vec::new(),
                });
                stack.push((0, unquote(name).to_string()));
            }
            continue;
        }
        let Some(entry) = out.last_mut() else {
            continue;
        };
        entry.span.end = offset;
        while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let key_of = |stack: &[(usize, String)], key: &str| {
            stack
                .iter()
                .skip(1)
                .map(|(_, k)| k.as_str())
                .chain([key])
                .collect::<Vec<_>>()
                .join(".")
        };
        if let Some(item) = body.strip_prefix("- ") {
            // A block list item of the key above.
            let key = key_of(&stack, "");
            let key = key.trim_end_matches('.').to_string();
            match entry.values.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => {
                    v.push(',');
                    v.push_str(unquote(item));
                }
                None => entry.values.push((key, unquote(item).to_string())),
            }
            continue;
        }
        let Some((key, value)) = body.split_once(':') else {
            continue;
        };
        let key = unquote(key);
        let value = value.split(" #").next().unwrap_or(value).trim();
        if value.is_empty() {
            stack.push((indent, key.to_string()));
        } else if let Some(flow) = value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
            for pair in flow.split(',') {
                if let Some((k, v)) = pair.split_once(':') {
                    let value = unquote(v.trim()).to_string();
                    let key = key_of(&stack, &format!("{key}.{}", unquote(k)));
                    entry.values.push((key, value));
                }
            }
            entry.values.push((key_of(&stack, key), value.to_string()));
        } else {
            entry
                .values
                .push((key_of(&stack, key), unquote(value).to_string()));
        }
    }
    out
}

fn unquote(text: &str) -> &str {
    text.trim().trim_matches(['"', '\''])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_entries_with_nested_flow_and_list_values() {
        let text = "# routes\nhomepage:\n    path: /{_locale}\n    controller: App\\Controller\\Home::index\n    methods: [GET, HEAD]\n\nblog.show:\n  path: /blog/{slug}\n  defaults: { _controller: 'App\\Controller\\Blog::show' }\n  methods:\n    - GET\n    - POST\n\ncontrollers:\n    resource: routing.controllers\n";
        let entries = entries(text);
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].line, 1);
        assert_eq!(entries[0].get("path"), Some("/{_locale}"));
        assert_eq!(entries[0].get("methods"), Some("[GET, HEAD]"));
        assert_eq!(
            entries[1].get("defaults._controller"),
            Some("App\\Controller\\Blog::show")
        );
        assert_eq!(entries[1].get("methods"), Some("GET,POST"));
        assert_eq!(entries[2].get("path"), None);
    }
}
