//! Hooks registered by name and limited to some paths (Spring's
//! `registry.addInterceptor(auth).addPathPatterns("/admin/**")
//! .excludePathPatterns("/admin/login")`): which class the registration
//! names, and whether a route's path is one the hook runs before.

use super::resolve::{Resolver, Symbol};
use crate::extract::facts::{DefKind, HookPaths, Span};

/// The hook class a registration at `at` in `file` names: the class itself
/// (`new AuthInterceptor()`), or the declared type of the field it is kept
/// in, in the class that registers it (`@Autowired AuthInterceptor auth`).
pub(super) fn hook_class(
    resolver: &Resolver,
    file: usize,
    at: Span,
    name: &str,
) -> Option<(usize, usize)> {
    let is_class = |s: Symbol| match s {
        Symbol::Def(f, d) if resolver.files[f].defs[d].kind == DefKind::Class => Some((f, d)),
        _ => None,
    };
    let name = name.strip_prefix("this.").unwrap_or(name);
    if let Some(class) = resolver.resolve(file, name).and_then(|(s, _)| is_class(s)) {
        return Some(class);
    }
    let class = super::class_at(&resolver.files[file], at)?;
    let (field_file, field) = resolver.field(file, class, name)?;
    let type_name = super::base_type_name(&field.type_name);
    resolver
        .resolve(field_file, type_name)
        .and_then(|(s, _)| is_class(s))
}

/// Whether a hook limited to `paths` runs before a route at `path` (the
/// path within the application: no context path). A route's parameter
/// segment (`{id}`) is matched only by a pattern's wildcard segment: an
/// excluded `/login` does not exclude `/{page}`.
pub(super) fn admits(paths: &HookPaths, path: &str) -> bool {
    let path = segments(path);
    let included =
        paths.include.is_empty() || paths.include.iter().any(|p| matches(&segments(p), &path));
    included && !paths.exclude.iter().any(|p| matches(&segments(p), &path))
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// Ant-style matching by segments: `**` any number of segments.
fn matches(pattern: &[&str], path: &[&str]) -> bool {
    wildcard(pattern, path, |p| *p == "**", |p, s| segment_matches(p, s))
}

/// One segment: `*` any run of characters, `?` one, `{name}` a whole
/// segment; a route parameter only by a pattern that is all wildcard.
fn segment_matches(pattern: &str, segment: &str) -> bool {
    let wildcard =
        pattern.chars().all(|c| c == '*') || (pattern.starts_with('{') && pattern.ends_with('}'));
    let parameter =
        segment.starts_with('{') || segment.starts_with(':') || segment.starts_with('<');
    if wildcard || parameter {
        return wildcard;
    }
    glob(pattern.as_bytes(), segment.as_bytes())
}

fn glob(pattern: &[u8], text: &[u8]) -> bool {
    wildcard(pattern, text, |&c| c == b'*', |&p, &c| p == b'?' || p == c)
}

/// Wildcard matching in O(pattern × text) whatever the pattern (a hostile
/// `*a*a*a…b` cannot make it exponential): a star matches any run of
/// items, every other pattern item one item that `one` accepts; on a
/// mismatch the last star takes one more item.
fn wildcard<P, T>(
    pattern: &[P],
    text: &[T],
    star: impl Fn(&P) -> bool,
    one: impl Fn(&P, &T) -> bool,
) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut last_star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && star(&pattern[p]) {
            last_star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && one(&pattern[p], &text[t]) {
            p += 1;
            t += 1;
        } else if let Some((star_at, taken)) = last_star {
            p = star_at + 1;
            t = taken + 1;
            last_star = Some((star_at, taken + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(star)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(include: &[&str], exclude: &[&str]) -> HookPaths {
        HookPaths {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn include_and_exclude_patterns_as_spring_reads_them() {
        let admin = limits(&["/admin/**"], &["/admin/login", "/admin/dist/**"]);
        assert!(admits(&admin, "/admin"));
        assert!(admits(&admin, "/admin/goods/{id}"));
        assert!(!admits(&admin, "/admin/login"));
        assert!(!admits(&admin, "/admin/dist/app.js"));
        assert!(!admits(&admin, "/login"));
        let shop = limits(&[], &["/admin/**", "/login", "/register"]);
        assert!(admits(&shop, "/"));
        assert!(admits(&shop, "/goods/detail/{id}"));
        assert!(!admits(&shop, "/login"));
        assert!(!admits(&shop, "/admin/index"));
        // An excluded literal does not exclude a parameter in its place.
        assert!(admits(&shop, "/{page}"));
        let some = limits(&["/orders/*", "/shop-cart", "/*.html"], &[]);
        assert!(admits(&some, "/orders/{orderNo}"));
        assert!(admits(&some, "/orders/7"));
        assert!(!admits(&some, "/orders"));
        assert!(!admits(&some, "/orders/7/cancel"));
        assert!(admits(&some, "/shop-cart"));
        assert!(admits(&some, "/index.html"));
        assert!(!admits(&some, "/index.htm"));
        let hostile = limits(
            &[&format!("/{}b", "*a".repeat(40)), "/**/x/**/y/**/z/**/w"],
            &[],
        );
        assert!(!admits(&hostile, &format!("/{}", "a".repeat(200))));
        assert!(!admits(&hostile, &"/a".repeat(200)));
        let every = limits(&["/**"], &[]);
        assert!(admits(&every, "/"));
        assert!(admits(&every, "/a/b/{c}"));
    }
}
