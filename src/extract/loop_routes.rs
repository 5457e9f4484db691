//! Routes registered in a loop over a literal list or map: the loop's
//! variables take each element's values, and a route inside the loop whose
//! path (or handler) names one of them is one route per element
//! (`for (const name of ['a', 'b']) app.get('/x/' + name, h)`,
//! `for path, view in {"/a": a, "/b": b}.items(): app.add_url_rule(path, view_func=view)`).
//!
//! The loop is captured by the language's queries: `@loop` (its extent),
//! `@loop.name` (each variable it binds, in order) and `@loop.values` (the
//! list, or the map whose keys and values the variables take, or a variable
//! bound to one: `const FEEDS = ['atom', 'rss']; for (const f of FEEDS)`).

use super::facts::{HandlerRef, Prefix, RouteDecl, Span};
use super::text::unquote;
use super::{capture, Captured, Extraction};
use tree_sitter::Node;

/// A loop over a literal collection: what each of its variables holds on
/// each turn.
#[derive(Debug)]
pub(super) struct LoopBinding {
    span: Span,
    names: Vec<String>,
    /// One row per element, one value per variable.
    rows: Vec<Vec<Bound>>,
}

/// What a loop variable holds on one turn.
#[derive(Debug, Clone)]
enum Bound {
    /// A string: a path, or a piece of one.
    Text(String),
    /// A name (a handler function).
    Name(String),
}

impl<'s> Extraction<'s> {
    pub(super) fn on_loop(&mut self, root: Node<'s>, caps: &[Captured<'s>]) {
        let (Some(node), Some(values)) = (capture(caps, "loop"), capture(caps, "loop.values"))
        else {
            return;
        };
        // A variable: the collection it is bound to, when it is one.
        let values = if matches!(values.kind(), "identifier" | "variable_name") {
            match self.binding(root, values) {
                Some(bound) if is_collection(bound) => bound,
                _ => return,
            }
        } else {
            values
        };
        let names: Vec<String> = caps
            .iter()
            .filter(|c| c.name == "loop.name")
            .map(|c| self.text(c.node).to_string())
            .collect();
        if names.is_empty() {
            return;
        }
        let mut cursor = values.walk();
        let rows: Vec<Vec<Bound>> = values
            .named_children(&mut cursor)
            .filter(|c| c.kind() != "comment")
            .map(|element| self.row(element))
            .collect();
        if rows.iter().any(|row| row.len() != names.len()) {
            return;
        }
        self.pending.loops.push(LoopBinding {
            span: Self::span(node),
            names,
            rows,
        });
    }

    /// The values one element gives the loop's variables: a map's entry its
    /// key and value, a list or tuple its items, anything else itself.
    fn row(&self, element: Node) -> Vec<Bound> {
        if let (Some(key), Some(value)) = (
            element.child_by_field_name("key"),
            element.child_by_field_name("value"),
        ) {
            // A key is text, quoted or not (`{ a: h }`).
            let key = Bound::Text(unquote(self.text(key)).to_string());
            return vec![key, self.bound(value)];
        }
        if element.kind().contains("string") || element.named_child_count() == 0 {
            return vec![self.bound(element)];
        }
        let mut cursor = element.walk();
        element
            .named_children(&mut cursor)
            .filter(|c| c.kind() != "comment")
            .map(|c| self.bound(c))
            .collect()
    }

    fn bound(&self, node: Node) -> Bound {
        if node.kind().contains("string") {
            Bound::Text(unquote(self.text(node)).to_string())
        } else {
            // A class's name constant (PHP's `X::class`, Java's `X.class`)
            // names the class.
            let name = self.reference(node);
            match name.strip_suffix(".class") {
                Some(class) if !class.is_empty() => Bound::Name(class.to_string()),
                _ => Bound::Name(name),
            }
        }
    }

    /// Each route inside a loop that names the loop's variables becomes one
    /// route per element; a route that only a loop can give a path
    /// (`#set! route.loop_only`: `app.get(path, h)`) is dropped otherwise.
    pub(super) fn expand_loop_routes(&mut self) {
        let loops = std::mem::take(&mut self.pending.loops);
        let loop_only = std::mem::take(&mut self.pending.loop_only);
        if loops.is_empty() && loop_only.is_empty() {
            return;
        }
        let routes = std::mem::take(&mut self.facts.routes);
        for route in routes {
            let binding = loops
                .iter()
                .filter(|l| l.span.contains(route.span) && uses_any(&route, &l.names))
                .min_by_key(|l| l.span.end - l.span.start);
            match binding {
                Some(binding) => self.facts.routes.extend(expand(&route, binding)),
                None if loop_only.contains(&route.span) => {}
                None => self.facts.routes.push(route),
            }
        }
    }
}

/// Whether a bound value is a literal collection a loop can take apart: a
/// list, tuple, array, map or object literal.
fn is_collection(node: Node) -> bool {
    matches!(
        node.kind(),
        "list" | "tuple" | "array" | "dictionary" | "object" | "array_creation_expression"
    )
}

/// Whether the route's path or handler names one of `names`.
fn uses_any(route: &RouteDecl, names: &[String]) -> bool {
    let in_path = route
        .path_expr
        .as_ref()
        .is_some_and(|p| p.any_piece(&|p| matches!(p, Prefix::Name(n) if names.contains(n))));
    let in_handler = route
        .handlers
        .iter()
        .any(|h| matches!(h, HandlerRef::Name(h) if names.contains(&head(h).to_string())));
    in_path || in_handler
}

/// A dotted name's first part (`controller` of `controller.__invoke`).
fn head(name: &str) -> &str {
    name.split('.').next().unwrap_or(name)
}

/// The route once per turn of the loop, its variables replaced by their
/// values. Turns that only change a path known in full are extra paths of
/// one declaration; the others are declarations of their own.
fn expand(route: &RouteDecl, binding: &LoopBinding) -> Vec<RouteDecl> {
    let turns: Vec<(Option<Prefix>, Vec<HandlerRef>)> = binding
        .rows
        .iter()
        .map(|row| {
            let value = |name: &str| {
                binding
                    .names
                    .iter()
                    .position(|n| n == name)
                    .map(|i| &row[i])
            };
            let path = route.path_expr.as_ref().map(|e| substituted(e, &value));
            let handlers = route
                .handlers
                .iter()
                .map(|h| match h {
                    // The variable, or a member of it (`$controller`'s
                    // `__invoke`: `controller.__invoke`).
                    HandlerRef::Name(n) => match value(head(n)) {
                        Some(Bound::Name(v)) => {
                            HandlerRef::Name(format!("{v}{}", &n[head(n).len()..]))
                        }
                        _ => h.clone(),
                    },
                    HandlerRef::Def(_) => h.clone(),
                })
                .collect();
            (path, handlers)
        })
        .collect();
    let literal = |p: &Option<Prefix>| match p {
        Some(Prefix::Literal(text)) => Some(text.clone()),
        _ => None,
    };
    let same_handlers = turns.windows(2).all(|w| w[0].1 == w[1].1);
    if same_handlers && turns.iter().all(|(p, _)| literal(p).is_some()) {
        let mut paths = turns.iter().filter_map(|(p, _)| literal(p));
        let mut one = route.clone();
        one.path_expr = None;
        one.path = paths.next();
        one.extra_paths = paths.chain(one.extra_paths).collect();
        return vec![one];
    }
    turns
        .into_iter()
        .map(|(path, handlers)| {
            let mut one = route.clone();
            match literal(&path) {
                Some(text) => {
                    one.path = Some(text);
                    one.path_expr = None;
                }
                None => one.path_expr = path.or(one.path_expr),
            }
            one.handlers = handlers;
            one
        })
        .collect()
}

/// The path with each loop variable replaced by its text (other names stay,
/// to resolve when linking); pieces all text joined into one.
fn substituted<'a>(expr: &Prefix, value: &impl Fn(&str) -> Option<&'a Bound>) -> Prefix {
    let replaced = expr.clone().replace_names(&|name| match value(name) {
        Some(Bound::Text(text)) => Some(Prefix::Literal(text.clone())),
        _ => None,
    });
    match all_text(&replaced) {
        Some(text) => Prefix::Literal(text),
        None => replaced,
    }
}

/// The text of a prefix whose pieces are all text, nested ones too.
fn all_text(prefix: &Prefix) -> Option<String> {
    match prefix {
        Prefix::Literal(text) => Some(text.clone()),
        Prefix::Concat(pieces) => pieces.iter().map(all_text).collect(),
        _ => None,
    }
}
