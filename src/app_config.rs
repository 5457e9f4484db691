//! Route prefixes that a framework's settings file declares rather than
//! the code (Spring Boot's `server.servlet.context-path` in
//! `application.properties` or `application.yml`). Which files and keys
//! count is data: `route_prefix_settings` in each `language.toml`. Pure:
//! `discover` reads the files.

use serde::{Deserialize, Serialize};

/// One prefix found in a settings file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutePrefix {
    pub prefix: String,
    /// The frameworks whose routes it prefixes.
    pub frameworks: Vec<String>,
    /// Only the routes the code declares take it, not those of
    /// configuration files.
    #[serde(default)]
    pub code_routes_only: bool,
    /// Where it was read: relative path and 1-based line.
    pub file: String,
    pub line: u32,
}

/// The value of the dotted `key` in a `.properties` or YAML text, with its
/// line; None when the key is absent or has no scalar value.
pub fn setting(file_name: &str, text: &str, key: &str) -> Option<(String, u32)> {
    if file_name.ends_with(".properties") {
        properties(text, key)
    } else {
        yaml(text, key)
    }
}

fn clean(value: &str) -> String {
    let value = value.split(" #").next().unwrap_or(value).trim();
    placeholders(value.trim_matches(['"', '\'']))
}

/// Property placeholders as the deployment sees them when it sets nothing:
/// `${CONTEXT_PATH:/api}` is its default `/api`; `${CONTEXT_PATH}`, with
/// none, stays a visible `{CONTEXT_PATH}`.
pub(crate) fn placeholders(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = &rest[start + 2..start + len];
        match inner.split_once(':') {
            Some((_, default)) => out.push_str(default),
            None => out.push_str(&format!("{{{inner}}}")),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// `key=value`, `key: value` or `key value`; the first occurrence wins.
fn properties(text: &str, key: &str) -> Option<(String, u32)> {
    for (idx, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with('#') || line.starts_with('!') {
            continue;
        }
        let Some(sep) = line.find(|c: char| c == '=' || c == ':' || c.is_whitespace()) else {
            continue;
        };
        let (name, rest) = line.split_at(sep);
        if name != key {
            continue;
        }
        let rest = rest.trim_start();
        let value = rest.strip_prefix(['=', ':']).unwrap_or(rest);
        return Some((clean(value), idx as u32 + 1));
    }
    None
}

/// Block-style YAML: nested mappings by indentation, or dotted keys
/// (`server.servlet.context-path: /x`) at any level; only the first
/// document (profile documents after `---` are not the default).
fn yaml(text: &str, key: &str) -> Option<(String, u32)> {
    let mut stack: Vec<(usize, String)> = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        if line.trim_end() == "---" && idx > 0 {
            break;
        }
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') || body.starts_with('-') {
            continue;
        }
        let indent = line.len() - body.len();
        let Some((name, value)) = body.split_once(':') else {
            continue;
        };
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let mut path: Vec<&str> = stack.iter().map(|(_, k)| k.as_str()).collect();
        let name = name.trim().trim_matches(['"', '\'']);
        path.push(name);
        let full = path.join(".");
        let value = value.trim();
        if value.is_empty() {
            stack.push((indent, name.to_string()));
        } else if full == key {
            return Some((clean(value), idx as u32 + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_properties_and_yaml() {
        let props = "# c\nserver.port=8080\nserver.servlet.context-path=/shop\n";
        assert_eq!(
            setting(
                "application.properties",
                props,
                "server.servlet.context-path"
            ),
            Some(("/shop".into(), 3))
        );
        assert_eq!(
            setting("application.properties", props, "server.servlet"),
            None
        );
        let yml = "spring:\n  application:\n    name: x\nserver:\n  port: 80\n  servlet:\n    context-path: \"/api\"  # the prefix\n---\nserver:\n  servlet:\n    context-path: /other\n";
        assert_eq!(
            setting("application.yml", yml, "server.servlet.context-path"),
            Some(("/api".into(), 7))
        );
        let dotted = "server.servlet.context-path: /d\n";
        assert_eq!(
            setting("application.yaml", dotted, "server.servlet.context-path"),
            Some(("/d".into(), 1))
        );
        assert_eq!(
            setting(
                "application.yml",
                "server:\n  port: 1\n",
                "server.servlet.context-path"
            ),
            None
        );
    }

    #[test]
    fn placeholders_take_their_default_or_stay_visible() {
        let yaml = "server:\n  servlet:\n    context-path: ${SERVER_SERVLET_CONTEXT_PATH:/}\n";
        assert_eq!(
            setting("application.yml", yaml, "server.servlet.context-path"),
            Some(("/".into(), 3))
        );
        let props = "server.servlet.context-path=${BASE}/v${VERSION:1}\n";
        assert_eq!(
            setting(
                "application.properties",
                props,
                "server.servlet.context-path"
            ),
            Some(("{BASE}/v1".into(), 1))
        );
    }
}
