//! What an expression holds: its text with each variable replaced by the
//! value its nearest visible binding gives it (a local declared or assigned
//! earlier in the block, a field's initialiser in the enclosing class, a
//! module-level assignment, one place of a multiple assignment), a few steps
//! deep. Rules test it with `unless_value` (an upload spooled into the temp
//! folder through a field: `new File(tmpPath + name)` with `tmpPath =
//! FileUtil.getTmpDirPath()`) and `if_value` (`http.ServeFile(w, r, doc.Path)`
//! after `doc, err := svc.AttachmentPath(id)`); and the files an include
//! names through a variable it interpolates.

use super::ancestry::ancestors;
use super::text::unquote;
use super::{include_path, Extraction};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use tree_sitter::Node;

/// How many bindings deep a value is followed (`f` → `new File(dir + n)` →
/// `dir` → `getTmpDirPath()`).
const DEPTH: usize = 3;

/// How far below a statement a binding may sit: statement → declaration →
/// declarator (`var p = …` in C#). A function's body is deeper and stays out.
const BINDING_DEPTH: usize = 2;

/// Per scope (a node's id) and name, the scope's children that bind the
/// name, each with its byte range and the value bound: found once per file,
/// since every use of a name in a scope asks the same (a decoder calling
/// `buf.readByte()` two thousand times scanned its class body as often).
#[derive(Default)]
pub(super) struct Bindings<'t>(RefCell<FxHashMap<(usize, &'t str), Vec<Bound<'t>>>>);

/// A child of a scope that binds a name: its byte range and the value.
type Bound<'t> = (Range<usize>, Node<'t>);

impl<'s> Extraction<'s> {
    /// Whether the value `node` holds matches `pattern`.
    pub(super) fn value_matches(&self, root: Node<'s>, node: Node<'s>, pattern: &Regex) -> bool {
        pattern.is_match(&self.value_text(root, node, DEPTH))
    }

    /// `node`'s text, each variable in it replaced by `(its value)`.
    fn value_text(&self, root: Node<'s>, node: Node<'s>, depth: usize) -> String {
        if depth == 0 {
            return self.text(node).to_string();
        }
        let mut out = String::new();
        let mut from = node.start_byte();
        for variable in variables(node) {
            let Some(value) = self.binding(root, variable) else {
                continue;
            };
            out.push_str(
                self.source
                    .get(from..variable.start_byte())
                    .unwrap_or_default(),
            );
            out.push('(');
            out.push_str(&self.value_text(root, value, depth - 1));
            out.push(')');
            from = variable.end_byte();
        }
        out.push_str(self.source.get(from..node.end_byte()).unwrap_or_default());
        out
    }

    /// The value of the binding of `variable` nearest to it: in the innermost
    /// enclosing block that binds the name, the last binding before it (else
    /// the first after it: a field declared below the method).
    pub(super) fn binding(&self, root: Node<'s>, variable: Node<'s>) -> Option<Node<'s>> {
        let name = self.text(variable);
        let at = variable.start_byte();
        let mut cache = self.bindings.0.borrow_mut();
        for scope in ancestors(root, variable) {
            let bound = cache.entry((scope.id(), name)).or_insert_with(|| {
                let mut cursor = scope.walk();
                scope
                    .named_children(&mut cursor)
                    .filter_map(|c| {
                        Some((c.byte_range(), self.bound_value(c, name, BINDING_DEPTH)?))
                    })
                    .collect()
            });
            // The child holding the variable is no binding of it.
            let found = || {
                bound
                    .iter()
                    .filter(|(child, _)| !child.contains(&at))
                    .map(|&(_, value)| value)
            };
            let before = found().rfind(|v| v.start_byte() < at);
            if let Some(value) = before.or_else(|| found().next()) {
                return Some(value);
            }
        }
        None
    }

    /// The value `node` (or a node at most `depth` below it) binds `name` to:
    /// `name = value`, `T name = value`, `var name = value`.
    fn bound_value<'t>(&self, node: Node<'t>, name: &str, depth: usize) -> Option<Node<'t>> {
        // Whatever binds the name writes it inside `node`.
        if !self.text(node).contains(name) {
            return None;
        }
        let target = node
            .child_by_field_name("name")
            .or_else(|| node.child_by_field_name("left"));
        if let Some(target) = target.filter(|t| self.text(*t) == name) {
            let value = node
                .child_by_field_name("value")
                .or_else(|| node.child_by_field_name("right"))
                // C#'s declarator leaves its value unnamed, after the name.
                .or_else(|| {
                    let last = node
                        .named_child(node.named_child_count().checked_sub(1)?.try_into().ok()?)?;
                    (node.kind().ends_with("declarator") && last != target).then_some(last)
                });
            if value.is_some() {
                return value;
            }
        }
        // `doc, err := find(id)` (Go), `a, b = f()`: the value at the name's
        // place, or the one call that gives them all.
        if let Some(value) = self.multiple_assignment(node, name) {
            return Some(value);
        }
        // Kotlin's `val name = value`: the name inside a `variable_declaration`.
        if node.kind() == "property_declaration" {
            let mut cursor = node.walk();
            let children: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
            let declared = children.iter().position(|c| {
                c.kind() == "variable_declaration"
                    && c.named_child(0).is_some_and(|n| self.text(n) == name)
            });
            if let Some(at) = declared {
                return children.get(at + 1).copied();
            }
        }
        if depth == 0 {
            return None;
        }
        let mut cursor = node.walk();
        let children: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
        children
            .into_iter()
            .find_map(|c| self.bound_value(c, name, depth - 1))
    }

    /// The value a multiple assignment (`left` holds several names) gives
    /// `name`: the value at its place when as many are written, else the
    /// whole right side (one call returning several values).
    fn multiple_assignment<'t>(&self, node: Node<'t>, name: &str) -> Option<Node<'t>> {
        let left = node.child_by_field_name("left")?;
        let right = node.child_by_field_name("right")?;
        // A list of names (Go's `expression_list`, Python's `pattern_list`),
        // not a member written to (`cfg.path = …`).
        if !left.kind().ends_with("_list") || left.named_child_count() < 2 {
            return None;
        }
        let mut cursor = left.walk();
        let at = left
            .named_children(&mut cursor)
            .position(|n| n.kind() == "identifier" && self.text(n) == name)?;
        if right.named_child_count() == left.named_child_count() {
            return right.named_child(at.try_into().ok()?);
        }
        Some(right)
    }
}

impl Extraction<'_> {
    /// The paths an include names (`include_path`): when it interpolates one
    /// variable that its function (or the file's top level) only ever
    /// assigns strings (`$file = 'low.php'` in each case of a switch before
    /// `require "source/{$file}"`), one path per string; else the template
    /// with its `*`, which every file it matches may be.
    pub(super) fn include_paths(&self, root: Node, node: Node) -> Vec<String> {
        let template = include_path(node, self.source);
        let holes = variables(node);
        let mut cursor = node.walk();
        let pieces = node
            .named_children(&mut cursor)
            .filter(|c| {
                !matches!(
                    c.kind(),
                    "string_content" | "string_value" | "escape_sequence"
                )
            })
            .count();
        let [variable] = holes[..] else {
            return vec![template];
        };
        if pieces != 1 || template.matches('*').count() != 1 {
            return vec![template];
        }
        match self.assigned_strings(root, variable) {
            Some(values) if !values.is_empty() => values
                .iter()
                .map(|value| template.replacen('*', value, 1))
                .collect(),
            _ => vec![template],
        }
    }

    /// The non-empty strings assigned to `variable` in its function (nested
    /// functions apart), or None when some assignment is not a plain string
    /// (a call, a concatenation, `.=`). An empty string is the variable's
    /// initial value, not a file.
    fn assigned_strings(&self, root: Node, variable: Node) -> Option<Vec<String>> {
        let name = self.text(variable);
        let scope = ancestors(root, variable)
            .into_iter()
            .find(is_function)
            .unwrap_or(root);
        let mut values = Vec::new();
        let mut stack = vec![scope];
        while let Some(node) = stack.pop() {
            if node != scope && is_function(&node) {
                continue;
            }
            let left = node.child_by_field_name("left");
            if node.kind().contains("assignment") && left.is_some_and(|l| self.text(l) == name) {
                let right = node.child_by_field_name("right")?;
                let literal = !node.kind().contains("augmented")
                    && right.kind().contains("string")
                    && variables(right).is_empty();
                if !literal {
                    return None;
                }
                let value = unquote(self.text(right));
                if !value.is_empty() && !values.iter().any(|v| v == value) {
                    values.push(value.to_string());
                }
            }
            let mut cursor = node.walk();
            stack.extend(node.named_children(&mut cursor));
        }
        Some(values)
    }
}

/// A function, method or closure: a scope of its own variables.
fn is_function(node: &Node) -> bool {
    let kind = node.kind();
    (kind.contains("function") || kind.contains("method") || kind.contains("lambda"))
        && !kind.contains("call")
        && !kind.contains("invocation")
}

/// The variables written in `node`, in order: identifiers (`f`, `dir` in
/// `this.dir`) and PHP's `$name`.
fn variables(node: Node) -> Vec<Node> {
    let is_variable = |n: &Node| matches!(n.kind(), "identifier" | "variable_name");
    if is_variable(&node) {
        return vec![node];
    }
    let mut found = Vec::new();
    let mut cursor = node.walk();
    let mut stack: Vec<Node> = node.named_children(&mut cursor).collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if is_variable(&n) {
            found.push(n);
            continue;
        }
        let mut cursor = n.walk();
        let mut children: Vec<Node> = n.named_children(&mut cursor).collect();
        children.reverse();
        stack.extend(children);
    }
    found
}
