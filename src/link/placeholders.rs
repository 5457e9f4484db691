//! Placeholders in route paths that the app's settings fill (Spring's
//! `@RequestMapping("${openapi.base-path:/v2}")`): each is the value the
//! settings file nearest the route gives, else the placeholder's default,
//! else a visible `{key}`; `--define key=…` comes first. Which text is a
//! placeholder and which files give values is language data
//! (`path_placeholders` in `language.toml`).

use super::routes::PrefixOrigin;
use crate::config_files::SettingsFile;
use crate::defines::Defines;
use crate::lang::Lang;

/// The path with its placeholders filled, and where each value came from.
pub(super) fn fill(
    path: &str,
    lang: Lang,
    route_file: &str,
    settings: &[SettingsFile],
    defines: &Defines,
) -> (String, Vec<PrefixOrigin>) {
    let Some((pattern, names)) = lang.path_placeholders() else {
        return (path.to_string(), Vec::new());
    };
    if !pattern.is_match(path) {
        return (path.to_string(), Vec::new());
    }
    let files = nearest_first(route_file, settings, names);
    let mut origins = Vec::new();
    let filled = pattern.replace_all(path, |caps: &regex::Captures| {
        let Some(key) = caps.name("var").map(|m| m.as_str().trim()) else {
            return caps[0].to_string();
        };
        let default = caps.name("default").map(|m| m.as_str().to_string());
        let origin = origin_of(key, default, &files, defines, pattern);
        let text = origin.value.clone().unwrap_or_else(|| format!("{{{key}}}"));
        origins.push(origin);
        text
    });
    (filled.into_owned(), origins)
}

/// The value of `key`: defined by the user, else read from the first
/// settings file that sets it (a value that is itself a placeholder,
/// `${API_BASE:/api}`, read once more), else `default`.
fn origin_of(
    key: &str,
    default: Option<String>,
    files: &[&SettingsFile],
    defines: &Defines,
    pattern: &regex::Regex,
) -> PrefixOrigin {
    let mut origin = PrefixOrigin {
        name: key.to_string(),
        value: default,
        at: None,
        in_settings: None,
        env: None,
        defined: None,
    };
    if let Some(given) = defines.get(key) {
        origin.value = Some(given.value.clone());
        origin.defined = Some(given.source.clone());
        return origin;
    }
    let set = files.iter().find_map(|f| {
        let name = f.rel.rsplit('/').next().unwrap_or(&f.rel);
        crate::app_config::setting(name, &f.text, key).map(|(v, line)| (f, v, line))
    });
    if let Some((file, value, line)) = set {
        let value = pattern
            .replace_all(&value, |caps: &regex::Captures| {
                let inner = caps.name("var").map_or("", |m| m.as_str().trim());
                match defines.get(inner) {
                    Some(given) => given.value.clone(),
                    None => caps
                        .name("default")
                        .map_or_else(|| format!("{{{inner}}}"), |d| d.as_str().to_string()),
                }
            })
            .into_owned();
        origin.value = Some(value);
        origin.in_settings = Some((file.rel.clone(), line));
    }
    origin
}

/// The settings files named `names`, the one sharing the longest folder
/// path with the route's file first (its own application's), then the
/// shallowest.
fn nearest_first<'a>(
    route_file: &str,
    settings: &'a [SettingsFile],
    names: &[String],
) -> Vec<&'a SettingsFile> {
    let shared = |rel: &str| {
        rel.split('/')
            .zip(route_file.split('/'))
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut files: Vec<&SettingsFile> = settings
        .iter()
        .filter(|f| names.iter().any(|n| f.rel.rsplit('/').next() == Some(n)))
        .collect();
    files.sort_by_key(|f| {
        (
            std::cmp::Reverse(shared(&f.rel)),
            f.rel.matches('/').count(),
            names
                .iter()
                .position(|n| f.rel.ends_with(n.as_str()))
                .unwrap_or(usize::MAX),
            f.rel.clone(),
        )
    });
    files
}
