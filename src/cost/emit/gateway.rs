//! Routes as API Gateway HTTP API writes them: `{id}` parameters, a greedy
//! `{proxy+}` for a catch-all (last segment only), no trailing slash; a
//! catch-all that also matches nothing gets its prefix too. Each route key
//! goes to one function only: the first that claims it.

use super::super::matcher::{path_parts, PathPart};
use super::super::plan::PlanReport;
use std::collections::BTreeSet;

/// Methods an HTTP API route can have.
const METHODS: &[&str] = &[
    "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayRoute {
    pub method: String,
    pub path: String,
    /// The route of the scan it serves: `GET /users/<int:id>`.
    pub route: String,
}

impl GatewayRoute {
    /// `GET /users/{id}`.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// Words to name the route by in a template: `GET api users {id} {proxy}`.
    pub fn words(&self) -> String {
        format!("{} {}", self.method, self.path.replace("proxy+", "proxy"))
    }
}

/// A function's gateway routes, and the scan's routes it could not give one
/// (with why).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FunctionRoutes {
    pub routes: Vec<GatewayRoute>,
    pub notes: Vec<String>,
}

/// The gateway paths of one route path (one, or two for a catch-all that
/// also matches its prefix), and a note when they cover more than it.
fn gateway_paths(path: &str) -> (Vec<String>, Option<String>) {
    let parts = path_parts(path);
    let mut out = String::new();
    let mut note = None;
    let mut prefix_too = None;
    for (i, part) in parts.iter().enumerate() {
        match part {
            PathPart::Literal(l) => {
                out.push('/');
                out.push_str(l);
            }
            PathPart::Param(name) => {
                out.push_str(&format!("/{{{name}}}"));
            }
            PathPart::Rest { min } => {
                if *min == 0 {
                    prefix_too = Some(if out.is_empty() {
                        "/".to_string()
                    } else {
                        out.clone()
                    });
                }
                out.push_str("/{proxy+}");
                if i + 1 < parts.len() || path.contains("(?") || path.contains('\\') {
                    note = Some(format!(
                        "{path} becomes {out}: API Gateway has no pattern for the rest, so it takes every path under it"
                    ));
                }
                break;
            }
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    let mut paths: Vec<String> = prefix_too.into_iter().collect();
    paths.push(out);
    (paths, note)
}

/// Every function's gateway routes, in plan order.
pub fn plan_routes(plan: &PlanReport) -> Vec<FunctionRoutes> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    plan.functions
        .iter()
        .map(|f| {
            let mut out = FunctionRoutes::default();
            for id in &f.routes {
                let Some((method, path)) = id.split_once(' ') else {
                    out.notes.push(format!("{id}: not a METHOD /path route"));
                    continue;
                };
                if !METHODS.contains(&method) {
                    out.notes.push(format!("{id}: an HTTP API has no {method} routes"));
                    continue;
                }
                let (paths, note) = gateway_paths(path);
                out.notes.extend(note);
                for p in paths {
                    let route = GatewayRoute {
                        method: method.to_string(),
                        path: p,
                        route: id.clone(),
                    };
                    if taken.insert(route.key()) {
                        out.routes.push(route);
                    } else {
                        out.notes.push(format!(
                            "{id}: {} is already routed (the gateway ignores trailing slashes and parameter names)",
                            route.key()
                        ));
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_gateway_syntax() {
        let p = |s| gateway_paths(s).0;
        assert_eq!(p("/users/<int:id>"), ["/users/{id}"]);
        assert_eq!(p("/api/users/:id"), ["/api/users/{id}"]);
        assert_eq!(p("/v1/items/"), ["/v1/items"]);
        assert_eq!(p("/"), ["/"]);
        assert_eq!(p("/legacy/*"), ["/legacy", "/legacy/{proxy+}"]);
        assert_eq!(p("*"), ["/", "/{proxy+}"]);
        assert_eq!(p("/files/{rest:path}"), ["/files/{proxy+}"]);
        assert_eq!(p("/docs/[[...slug]]"), ["/docs", "/docs/{proxy+}"]);
        let (paths, note) = gateway_paths("/a/*/b");
        assert_eq!(paths, ["/a", "/a/{proxy+}"]);
        assert!(note.is_some());
        assert_eq!(gateway_paths("^x/(?P<pk>\\d+)/$").0, ["/x/{pk}"]);
    }
}
