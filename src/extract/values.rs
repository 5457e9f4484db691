//! What an expression holds: its text with each variable replaced by the
//! value its nearest visible binding gives it (a local declared or assigned
//! earlier in the block, a field's initialiser in the enclosing class, a
//! module-level assignment, one place of a multiple assignment), a few steps
//! deep. Rules test it with `unless_value` (an upload spooled into the temp
//! folder through a field: `new File(tmpPath + name)` with `tmpPath =
//! FileUtil.getTmpDirPath()`) and `if_value` (`http.ServeFile(w, r, doc.Path)`
//! after `doc, err := svc.AttachmentPath(id)`).

use super::ancestry::ancestors;
use super::Extraction;
use tree_sitter::Node;

/// How many bindings deep a value is followed (`f` → `new File(dir + n)` →
/// `dir` → `getTmpDirPath()`).
const DEPTH: usize = 3;

/// How far below a statement a binding may sit: statement → declaration →
/// declarator (`var p = …` in C#). A function's body is deeper and stays out.
const BINDING_DEPTH: usize = 2;

impl Extraction<'_> {
    /// Whether the value `node` holds matches `pattern` (validated when the
    /// rule was loaded).
    pub(super) fn value_matches(&self, root: Node, node: Node, pattern: &str) -> bool {
        let Ok(re) = regex::Regex::new(pattern) else {
            return false;
        };
        re.is_match(&self.value_text(root, node, DEPTH))
    }

    /// `node`'s text, each variable in it replaced by `(its value)`.
    fn value_text(&self, root: Node, node: Node, depth: usize) -> String {
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
    pub(super) fn binding<'t>(&self, root: Node<'t>, variable: Node<'t>) -> Option<Node<'t>> {
        let name = self.text(variable);
        let at = variable.start_byte();
        for scope in ancestors(root, variable) {
            let mut cursor = scope.walk();
            let found: Vec<Node> = scope
                .named_children(&mut cursor)
                .filter(|c| !(c.start_byte() <= at && at < c.end_byte()))
                .filter_map(|c| self.bound_value(c, name, BINDING_DEPTH))
                .collect();
            let before = found.iter().rev().find(|v| v.start_byte() < at);
            if let Some(value) = before.or(found.first()) {
                return Some(*value);
            }
        }
        None
    }

    /// The value `node` (or a node at most `depth` below it) binds `name` to:
    /// `name = value`, `T name = value`, `var name = value`.
    fn bound_value<'t>(&self, node: Node<'t>, name: &str, depth: usize) -> Option<Node<'t>> {
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
