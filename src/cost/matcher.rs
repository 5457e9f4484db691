//! Matching request paths to the scan's routes. Every framework's path syntax
//! (`<int:id>`, `:id`, `{id}`, `{rest:path}`, `[id]`, `[...slug]`, `*rest`,
//! Django regexes) is compiled into one segment trie; literal segments win
//! over parameters, parameters over catch-alls, as the frameworks route.
//! Query strings never reach here; a trailing slash is ignored (Express and
//! FastAPI match either way, Flask and Django redirect to the slashed route).
//! `HEAD` falls back to `GET` and `ANY` routes take every method.

use regex::Regex;
use rustc_hash::FxHashMap;

/// One compiled path segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Segment {
    Literal(String),
    /// A parameter; `digits` when the framework requires an integer.
    Param {
        digits: bool,
    },
    /// The rest of the path: one or more segments (`min` 1), or any (`min` 0).
    CatchAll {
        min: usize,
    },
}

#[derive(Default)]
struct Node {
    literal: FxHashMap<String, usize>,
    params: Vec<(bool, usize)>,
    catch_all: Vec<(usize, usize)>,
    /// (method, route index) of the routes ending here.
    routes: Vec<(String, usize)>,
}

pub struct Matcher {
    nodes: Vec<Node>,
    /// Routes whose path is a regular expression (Django `re_path`).
    regexes: Vec<(Regex, String, usize)>,
}

fn method_fits(route: &str, request: &str) -> bool {
    route == request || route == "ANY" || (request == "HEAD" && route == "GET")
}

/// The route of `routes` (method, index) for a request method: the exact
/// method first, then `ANY`, then `GET` for a `HEAD`.
fn pick(routes: &[(String, usize)], method: &str) -> Option<usize> {
    routes
        .iter()
        .filter(|(m, _)| method_fits(m, method))
        .min_by_key(|(m, _)| (m != method, m != "ANY"))
        .map(|r| r.1)
}

fn segment(s: &str) -> Segment {
    let param = |name: &str, digits| {
        if name.ends_with(":path") || name == "path" {
            Segment::CatchAll { min: 1 }
        } else {
            Segment::Param { digits }
        }
    };
    if let Some(inner) = s.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        let (conv, _) = inner.split_once(':').unwrap_or(("string", inner));
        return match conv {
            "path" => Segment::CatchAll { min: 1 },
            c => param(c, c == "int"),
        };
    }
    if s.starts_with("[[...") && s.ends_with("]]") {
        return Segment::CatchAll { min: 0 };
    }
    if s.starts_with("[...") && s.ends_with(']') {
        return Segment::CatchAll { min: 1 };
    }
    if s.starts_with('[') && s.ends_with(']') {
        return Segment::Param { digits: false };
    }
    if let Some(inner) = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
        return param(inner, inner.ends_with(":int") || inner.contains("\\d"));
    }
    if let Some(name) = s.strip_prefix(':') {
        return Segment::Param {
            digits: name.contains("(\\d+)"),
        };
    }
    if s.starts_with('*') {
        return Segment::CatchAll { min: 0 };
    }
    Segment::Literal(s.to_string())
}

/// Whether a route path is a regular expression rather than a template.
fn is_regex(path: &str) -> bool {
    path.contains("(?P<") || path.contains('^') || path.contains('$') || path.contains("\\d")
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

impl Matcher {
    /// Compiles `(method, path)` of each route; the index in `routes` is what
    /// [`Matcher::find`] returns.
    pub fn new<'a>(routes: impl IntoIterator<Item = (&'a str, &'a str)>) -> Matcher {
        let mut m = Matcher {
            nodes: vec![Node::default()],
            regexes: Vec::new(),
        };
        for (idx, (method, path)) in routes.into_iter().enumerate() {
            if is_regex(path) {
                let body = path.replace(['^', '$'], "");
                let body = body.trim_end_matches('/');
                if let Ok(re) = Regex::new(&format!("^{body}/?$")) {
                    m.regexes.push((re, method.to_string(), idx));
                    continue;
                }
            }
            let mut node = 0;
            for s in segments(path) {
                node = m.child(node, segment(s));
            }
            m.nodes[node].routes.push((method.to_string(), idx));
        }
        m
    }

    fn child(&mut self, node: usize, seg: Segment) -> usize {
        let next = self.nodes.len();
        let n = &mut self.nodes[node];
        let found = match &seg {
            Segment::Literal(s) => n.literal.get(s).copied(),
            Segment::Param { digits } => n.params.iter().find(|p| p.0 == *digits).map(|p| p.1),
            Segment::CatchAll { min } => n.catch_all.iter().find(|c| c.0 == *min).map(|c| c.1),
        };
        if let Some(found) = found {
            return found;
        }
        match seg {
            Segment::Literal(s) => {
                n.literal.insert(s, next);
            }
            Segment::Param { digits } => {
                n.params.push((digits, next));
                // Integer parameters first: they are the stricter match.
                n.params.sort_by_key(|p| !p.0);
            }
            Segment::CatchAll { min } => n.catch_all.push((min, next)),
        }
        self.nodes.push(Node::default());
        next
    }

    /// The route a request goes to, if any.
    pub fn find(&self, method: &str, path: &str) -> Option<usize> {
        let mut segs: [&str; 32] = [""; 32];
        let mut n = 0;
        for s in segments(path) {
            if n == segs.len() {
                return self.find_regex(method, path);
            }
            segs[n] = s;
            n += 1;
        }
        self.walk(0, &segs[..n], method)
            .or_else(|| self.find_regex(method, path))
    }

    fn find_regex(&self, method: &str, path: &str) -> Option<usize> {
        self.regexes
            .iter()
            .find(|(re, m, _)| method_fits(m, method) && re.is_match(path))
            .map(|r| r.2)
    }

    fn walk(&self, node: usize, segs: &[&str], method: &str) -> Option<usize> {
        let n = &self.nodes[node];
        let Some((first, rest)) = segs.split_first() else {
            return pick(&n.routes, method).or_else(|| {
                // `[[...slug]]` and `*` also match nothing.
                n.catch_all
                    .iter()
                    .filter(|c| c.0 == 0)
                    .find_map(|c| self.walk(c.1, &[], method))
            });
        };
        if let Some(&next) = n.literal.get(*first) {
            if let Some(found) = self.walk(next, rest, method) {
                return Some(found);
            }
        }
        for &(digits, next) in &n.params {
            if digits && !first.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            if let Some(found) = self.walk(next, rest, method) {
                return Some(found);
            }
        }
        n.catch_all
            .iter()
            .find_map(|&(_, next)| pick(&self.nodes[next].routes, method))
    }
}

/// A route path's segment, whatever the framework's syntax: what an API
/// gateway's route needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    Literal(String),
    /// A named parameter (the name as written, reduced to `[A-Za-z0-9_]`).
    Param(String),
    /// The rest of the path; `min` 0 also matches nothing.
    Rest {
        min: usize,
    },
}

/// The parameter name in a segment: `<int:id>`, `:id(\d+)`, `{id:int}`,
/// `[id]`, `(?P<id>…)` → `id`.
fn param_name(s: &str) -> String {
    let inner = s
        .trim_start_matches(['<', '{', '[', ':', '*', '.', '('])
        .trim_start_matches("?P<")
        .trim_end_matches(['>', '}', ']', '?']);
    let inner = inner.rsplit_once(':').map_or(inner, |(conv, name)| {
        // `<int:id>` names last, `{id:int}` first.
        if s.starts_with('<') {
            name
        } else {
            conv
        }
    });
    let name: String = inner
        .chars()
        .take_while(|c| *c != '(' && *c != '>')
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        "param".to_string()
    } else {
        name
    }
}

/// A Django `re_path` piece between slashes: literal text, one named
/// group, or anything else (the rest of the path).
fn regex_part(piece: &str) -> PathPart {
    let meta = |c: char| "\\.^$*+?()[]{}|".contains(c);
    if !piece.contains(meta) {
        return PathPart::Literal(piece.to_string());
    }
    if let Some(rest) = piece.strip_prefix("(?P<") {
        if let Some((name, tail)) = rest.split_once('>') {
            if tail.ends_with(')') && tail.matches('(').count() == 0 {
                return PathPart::Param(param_name(name));
            }
        }
    }
    PathPart::Rest { min: 0 }
}

/// A route path as parts; a regular-expression path (Django `re_path`) as
/// far as its pieces are literals or single named groups, then the rest.
pub fn path_parts(path: &str) -> Vec<PathPart> {
    let mut parts = Vec::new();
    // `:id(\\d+)` is an Express parameter, not a Django expression.
    let regex = path.contains("(?P<") || path.contains('^') || path.contains('$');
    if regex {
        let body = path.replace(['^', '$'], "");
        for piece in segments(&body) {
            let part = regex_part(piece);
            let rest = matches!(part, PathPart::Rest { .. });
            parts.push(part);
            if rest {
                break;
            }
        }
        return parts;
    }
    for s in segments(path) {
        parts.push(match segment(s) {
            Segment::Literal(l) => PathPart::Literal(l),
            Segment::Param { .. } => PathPart::Param(param_name(s)),
            Segment::CatchAll { min } => PathPart::Rest { min },
        });
    }
    parts
}

/// An unmatched path, with numbers and long hex ids folded to `{n}` and
/// `{id}` so that `/static/app.123.js` and `/users/9/x` group; written into
/// `key` (cleared first), which a reader reuses from line to line.
pub fn unmatched_key(key: &mut String, method: &str, path: &str) {
    key.clear();
    key.push_str(method);
    key.push(' ');
    for s in path.split('/').skip(1) {
        key.push('/');
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            key.push_str("{n}");
        } else if s.len() >= 16 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') {
            key.push_str("{id}");
        } else if s.contains('.') && s.bytes().any(|b| b.is_ascii_digit()) {
            // A file name with a version or hash: `app.12.js` → `app.{n}.js`.
            let mut digits = false;
            for c in s.chars() {
                if c.is_ascii_digit() {
                    if !digits {
                        key.push_str("{n}");
                    }
                    digits = true;
                } else {
                    digits = false;
                    key.push(c);
                }
            }
        } else {
            key.push_str(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_framework_syntax() {
        let routes = [
            ("GET", "/users/<int:id>"),
            ("GET", "/users/login"),
            ("GET", "/api/users/:id"),
            ("GET", "/api/users/{user_id}/profile"),
            ("GET", "/api/files/[...slug]"),
            ("DELETE", "/api/orders/[orderId]"),
            ("ANY", "/legacy/(?P<id>\\d+)/"),
            ("GET", "/files/{rest:path}"),
            ("GET", "/static/*"),
            ("POST", "/api/items/"),
            ("GET", "/docs/[[...slug]]"),
            ("GET", "/ping"),
            ("HEAD", "/ping"),
        ];
        let m = Matcher::new(routes);
        let find = |method, path| m.find(method, path);
        assert_eq!(find("GET", "/users/42"), Some(0));
        assert_eq!(find("GET", "/users/abc"), None);
        assert_eq!(find("GET", "/users/login"), Some(1));
        assert_eq!(find("HEAD", "/api/users/7"), Some(2));
        assert_eq!(find("POST", "/api/users/7"), None);
        assert_eq!(find("GET", "/api/users/7/profile/"), Some(3));
        assert_eq!(find("GET", "/api/files/a/b/c.txt"), Some(4));
        assert_eq!(find("GET", "/api/files"), None);
        assert_eq!(find("DELETE", "/api/orders/o-1"), Some(5));
        assert_eq!(find("PUT", "/legacy/12/"), Some(6));
        assert_eq!(find("PUT", "/legacy/12"), Some(6));
        assert_eq!(find("GET", "/legacy/x/"), None);
        assert_eq!(find("GET", "/files/a/b"), Some(7));
        assert_eq!(find("GET", "/static/app.js"), Some(8));
        assert_eq!(find("POST", "/api/items"), Some(9));
        assert_eq!(find("GET", "/docs"), Some(10));
        assert_eq!(find("GET", "/docs/a/b"), Some(10));
        assert_eq!(find("HEAD", "/ping"), Some(12));
        assert_eq!(find("GET", "/ping"), Some(11));
    }

    #[test]
    fn path_parts_of_every_syntax() {
        use PathPart::{Literal as L, Param as P, Rest as R};
        let l = |s: &str| L(s.to_string());
        let p = |s: &str| P(s.to_string());
        assert_eq!(path_parts("/users/<int:id>"), [l("users"), p("id")]);
        assert_eq!(
            path_parts("/api/users/:id(\\d+)"),
            [l("api"), l("users"), p("id")]
        );
        assert_eq!(path_parts("/u/{user_id}/p"), [l("u"), p("user_id"), l("p")]);
        assert_eq!(path_parts("/f/{rest:path}"), [l("f"), R { min: 1 }]);
        assert_eq!(path_parts("/f/[...slug]"), [l("f"), R { min: 1 }]);
        assert_eq!(path_parts("/d/[[...slug]]"), [l("d"), R { min: 0 }]);
        assert_eq!(path_parts("/o/[orderId]"), [l("o"), p("orderId")]);
        assert_eq!(path_parts("/legacy/*"), [l("legacy"), R { min: 0 }]);
        assert_eq!(path_parts("/i/{id:int}"), [l("i"), p("id")]);
        assert_eq!(
            path_parts("^articles/(?P<year>[0-9]{4})/$"),
            [l("articles"), p("year")]
        );
        assert_eq!(path_parts("^a/(\\d+)/b/$"), [l("a"), R { min: 0 }]);
        assert_eq!(path_parts("/"), []);
    }

    #[test]
    fn unmatched_paths_group() {
        let mut key = "left from the line before".to_string();
        let mut group = |path| {
            unmatched_key(&mut key, "GET", path);
            key.clone()
        };
        assert_eq!(group("/users/12/x"), "GET /users/{n}/x");
        assert_eq!(group("/"), "GET /");
        assert_eq!(group("/v1/app.12.js"), "GET /v1/app.{n}.js");
        assert_eq!(group("/o/0123456789abcdef0123"), "GET /o/{id}");
    }
}
