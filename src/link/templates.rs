//! Route templates as ASP.NET Core composes them: placeholders replaced by
//! the route's tokens (`[controller]`, `{action=Index}`), action templates
//! rooted at `/` or `~/`, conventional route candidates, and class prefixes
//! inherited from a base class.

use super::resolve::{Resolver, Symbol};
use super::routes::RouterKey;
use crate::extract::facts::{DefKind, FileFacts, RouteDecl};
use rustc_hash::FxHashMap;

/// `path` with each placeholder named by a token replaced by its value:
/// `[name]`, `{name}`, `{name=Default}`, `{name:constraint}`, names matched in
/// any case; other placeholders (`{id?}`) stay.
pub(super) fn replace_tokens(path: &str, tokens: &[(String, String)]) -> String {
    if tokens.is_empty() {
        return path.to_string();
    }
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(open) = rest.find(['[', '{']) {
        let close_char = if rest[open..].starts_with('[') {
            ']'
        } else {
            '}'
        };
        let Some(len) = rest[open..].find(close_char) else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        let name = inner.split(['=', ':', '?']).next().unwrap_or(inner);
        out.push_str(&rest[..open]);
        match tokens.iter().find(|(t, _)| t.eq_ignore_ascii_case(name)) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[open..=open + len]),
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Token values passed through the app's transforms: `slugify` makes
/// `MyOrders` `my-orders` (a `-` between a lower-case letter and an upper-case
/// one, then lower case, as ASP.NET Core's documented `SlugifyParameterTransformer`).
pub(super) fn transform_tokens(
    tokens: &[(String, String)],
    transforms: &[&str],
) -> Vec<(String, String)> {
    tokens
        .iter()
        .map(|(name, value)| {
            let value = transforms.iter().fold(value.clone(), |v, t| match *t {
                "slugify" => slugify(&v),
                _ => v,
            });
            (name.clone(), value)
        })
        .collect()
}

fn slugify(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    let mut previous_lower = false;
    for c in value.chars() {
        if previous_lower && c.is_ascii_uppercase() {
            out.push('-');
        }
        previous_lower = c.is_ascii_lowercase();
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The path as served when it ignores the router's prefix (`/x`, `~/x`).
pub(super) fn rooted(decl: &RouteDecl, path: &str) -> Option<String> {
    if !decl.rooted {
        return None;
    }
    match path.strip_prefix('~') {
        Some(rest) if rest.starts_with('/') => Some(rest.to_string()),
        _ => path.starts_with('/').then(|| path.to_string()),
    }
}

/// Whether another declaration of the file routes the same handler: a
/// conventional candidate then is no route of its own.
pub(super) fn routed_elsewhere(facts: &FileFacts, decl: &RouteDecl) -> bool {
    let Some(handler) = decl.handlers.last() else {
        return false;
    };
    facts.routes.iter().any(|other| {
        other.span != decl.span
            && other.handlers.last() == Some(handler)
            && (other.convention.is_none() || other.path.is_some() || other.path_expr.is_some())
    })
}

/// A class router without a prefix of its own takes the prefix of its
/// nearest base class that has one (`[Route("api/[controller]")]` on a base
/// controller, `@RequestMapping` on a superclass).
pub(super) fn inherit_class_prefixes(
    resolver: &Resolver,
    prefixes: &mut FxHashMap<RouterKey, String>,
) {
    let mut inherited = Vec::new();
    for (file, facts) in resolver.files.iter().enumerate() {
        let classes = facts
            .routes
            .iter()
            .filter_map(|r| r.class_router.as_deref());
        for class in classes {
            let key = (file, class.to_string());
            if prefixes.contains_key(&key) || inherited.iter().any(|(k, _)| *k == key) {
                continue;
            }
            if let Some(prefix) = ancestor_prefix(resolver, prefixes, file, class) {
                inherited.push((key, prefix));
            }
        }
    }
    prefixes.extend(inherited);
}

/// The prefix of the nearest ancestor class router of `class`.
fn ancestor_prefix(
    resolver: &Resolver,
    prefixes: &FxHashMap<RouterKey, String>,
    file: usize,
    class: &str,
) -> Option<String> {
    let mut current = (file, class.to_string());
    for _ in 0..16 {
        let facts = &resolver.files[current.0];
        let def = facts
            .defs
            .iter()
            .find(|d| d.kind == DefKind::Class && d.name == current.1)?;
        let next = def
            .bases()
            .iter()
            .find_map(|base| match resolver.resolve(current.0, base) {
                Some((Symbol::Def(f, d), _))
                    if resolver.files[f].defs[d].kind == DefKind::Class =>
                {
                    Some((f, resolver.files[f].defs[d].name.to_string()))
                }
                _ => None,
            })?;
        if let Some(prefix) = prefixes.get(&next) {
            return Some(prefix.clone());
        }
        current = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::replace_tokens;

    #[test]
    fn tokens_replace_their_placeholders_only() {
        let tokens = vec![
            ("controller".to_string(), "Orders".to_string()),
            ("action".to_string(), "List".to_string()),
        ];
        assert_eq!(
            replace_tokens("api/[controller]/[Action]", &tokens),
            "api/Orders/List"
        );
        assert_eq!(
            replace_tokens("{controller=Home}/{action:slugify=Index}/{id?}", &tokens),
            "Orders/List/{id?}"
        );
        assert_eq!(replace_tokens("x/{id}/[area]", &tokens), "x/{id}/[area]");
        assert_eq!(replace_tokens("open/{brace", &tokens), "open/{brace");
        assert_eq!(replace_tokens("a/b", &[]), "a/b");
    }

    #[test]
    fn slugify_kebab_cases_token_values() {
        let tokens = vec![("action".to_string(), "Disable2faWarning".to_string())];
        assert_eq!(
            super::transform_tokens(&tokens, &["slugify"])[0].1,
            "disable2fa-warning"
        );
        assert_eq!(
            super::transform_tokens(&tokens, &["other"])[0].1,
            "Disable2faWarning"
        );
    }
}
