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
use super::kinds::Class;
use super::self_values::is_self_member;
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

/// Per scope (a node's id), what its children bind each name to: built
/// once, at the first name looked up in the scope (a decoder calling
/// `buf.readByte()` two thousand times scanned its class body as often,
/// and every name looked up at the top level searched the file's text).
#[derive(Default)]
pub(super) struct Bindings<'t>(RefCell<FxHashMap<usize, ScopeBindings<'t>>>);

/// Per name, the children of a scope that bind it, in order.
type ScopeBindings<'t> = FxHashMap<&'t str, Vec<Bound<'t>>>;

/// A child of a scope that binds a name: its place among the scope's named
/// children, its byte range and the value.
struct Bound<'t> {
    child: usize,
    range: Range<usize>,
    value: Node<'t>,
}

impl<'s> Extraction<'s> {
    /// Whether the value `node` holds matches `pattern`.
    pub(super) fn value_matches(&self, root: Node<'s>, node: Node<'s>, pattern: &Regex) -> bool {
        pattern.is_match(&self.value_text(root, node, DEPTH))
    }

    /// The first group of `pattern` in the value `node` holds: what a rule
    /// names by that value (`state_value`: the disk of `$this->disk()`).
    pub(super) fn value_group(
        &self,
        root: Node<'s>,
        node: Node<'s>,
        pattern: &Regex,
    ) -> Option<String> {
        let text = self.value_text(root, node, DEPTH);
        let group = pattern.captures(&text)?.get(1)?;
        Some(group.as_str().to_string())
    }

    /// `node`'s text, each variable in it (and each member of the enclosing
    /// object: `$this->disk`) replaced by `(its value)`.
    fn value_text(&self, root: Node<'s>, node: Node<'s>, depth: usize) -> String {
        if depth == 0 {
            return self.text(node).to_string();
        }
        let mut out = String::new();
        let mut from = node.start_byte();
        for variable in holes(node, self.source) {
            let value = if is_self_member(variable, self.source) {
                self.self_member_value(root, variable)
            } else {
                self.binding(root, variable)
            };
            let Some(value) = value else {
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
        for scope in self.ancestors(root, variable) {
            let bindings = cache
                .entry(scope.id())
                .or_insert_with(|| self.scope_bindings(scope));
            let Some(bound) = bindings.get(name) else {
                continue;
            };
            // The child holding the variable is no binding of it.
            let found = || {
                bound
                    .iter()
                    .filter(|b| !b.range.contains(&at))
                    .map(|b| b.value)
            };
            let before = found().rfind(|v| v.start_byte() < at);
            if let Some(value) = before.or_else(|| found().next()) {
                return Some(value);
            }
        }
        None
    }

    /// What the named children of `scope` bind each name to: per child and
    /// name, the value the child (or a node at most `BINDING_DEPTH` below
    /// it) binds the name to first.
    fn scope_bindings(&self, scope: Node<'s>) -> ScopeBindings<'s> {
        let mut bindings = ScopeBindings::default();
        let mut stopped = Vec::new();
        let mut cursor = scope.walk();
        for (at, child) in scope.named_children(&mut cursor).enumerate() {
            let mut bind = |name: &'s str, value: Node<'s>| {
                let bound = bindings.entry(name).or_default();
                // A name the child already binds keeps its first value.
                if bound.last().is_none_or(|b| b.child != at) {
                    bound.push(Bound {
                        child: at,
                        range: child.byte_range(),
                        value,
                    });
                }
            };
            self.bound_values(child, BINDING_DEPTH, &mut stopped, &mut bind);
        }
        bindings
    }

    /// Calls `bind(name, value)` for what `node` (or a node at most `depth`
    /// below it) binds, in the order of precedence: `name = value`, `T name
    /// = value`, `var name = value`; a place of a multiple assignment;
    /// Kotlin's `val name = value`; then its children in order, except for
    /// the names in `stopped` (declared by an enclosing node without a
    /// value: not looked for inside it).
    fn bound_values(
        &self,
        node: Node<'s>,
        depth: usize,
        stopped: &mut Vec<&'s str>,
        bind: &mut impl FnMut(&'s str, Node<'s>),
    ) {
        // A leaf binds nothing and holds nothing (most nodes this deep).
        if node.child_count() == 0 {
            return;
        }
        let stops = stopped.len();
        let offer = |stopped: &[&'s str], bind: &mut dyn FnMut(&'s str, Node<'s>), name, value| {
            if !stopped.contains(&name) {
                bind(name, value);
            }
        };
        let fields = &self.fields;
        let left = node.child_by_field_id(fields.left);
        let right = node.child_by_field_id(fields.right);
        // An operation's left side is read, not bound (`if p == nil`).
        let target = node
            .child_by_field_id(fields.name)
            .or_else(|| left.filter(|_| !self.kinds.is(node, Class::OPERATION)));
        if let Some(target) = target {
            let value = node
                .child_by_field_id(fields.value)
                .or(right)
                // PHP's parameter default (`string $disk = 'icons'`).
                .or_else(|| node.child_by_field_id(fields.default_value))
                // C#'s declarator leaves its value unnamed, after the name.
                .or_else(|| {
                    let last = node
                        .named_child(node.named_child_count().checked_sub(1)?.try_into().ok()?)?;
                    (node.kind().ends_with("declarator") && last != target).then_some(last)
                });
            if let Some(value) = value {
                offer(stopped, bind, self.text(target), value);
            }
        }
        // `doc, err := find(id)` (Go), `a, b = f()`: the value at the name's
        // place, or the one call that gives them all.
        if let (Some(left), Some(right)) = (left, right) {
            self.multiple_assignment(left, right, &mut |name, value| {
                offer(stopped, bind, name, value)
            });
        }
        // Kotlin's `val name = value`: the name inside a `variable_declaration`.
        if self.kinds.is(node, Class::PROPERTY_DECLARATION) {
            let mut cursor = node.walk();
            let mut children = node.named_children(&mut cursor).peekable();
            while let Some(child) = children.next() {
                let name = (child.kind() == "variable_declaration")
                    .then(|| child.named_child(0))
                    .flatten()
                    .map(|n| self.text(n));
                match (name, children.peek()) {
                    (Some(name), Some(&value)) => offer(stopped, bind, name, value),
                    // Declared without a value: the search stops here.
                    (Some(name), None) => stopped.push(name),
                    (None, _) => {}
                }
            }
        }
        if depth > 0 {
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                self.bound_values(child, depth - 1, stopped, bind);
            }
        }
        stopped.truncate(stops);
    }

    /// Offers what a multiple assignment (its `left` side holds several
    /// names) gives each name: the value at its place when as many are
    /// written on the `right`, else the whole right side (one call
    /// returning several values).
    fn multiple_assignment(
        &self,
        left: Node<'s>,
        right: Node<'s>,
        offer: &mut impl FnMut(&'s str, Node<'s>),
    ) {
        // A list of names (Go's `expression_list`, Python's `pattern_list`),
        // not a member written to (`cfg.path = …`).
        if !left.kind().ends_with("_list") || left.named_child_count() < 2 {
            return;
        }
        let each = right.named_child_count() == left.named_child_count();
        let mut cursor = left.walk();
        for (at, name) in left.named_children(&mut cursor).enumerate() {
            if name.kind() != "identifier" {
                continue;
            }
            let value = if each {
                at.try_into().ok().and_then(|at| right.named_child(at))
            } else {
                Some(right)
            };
            if let Some(value) = value {
                offer(self.text(name), value);
            }
        }
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

/// Whether a node of `kind` is an operation on its operands (`p == nil`,
/// `a + b`, `x and y`): its `left` and `right` are read, not assigned.
pub(super) fn is_operation(kind: &str) -> bool {
    ["binary", "boolean_operator", "comparison"]
        .iter()
        .any(|op| kind.contains(op))
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
    variables_or(node, |_| false)
}

/// The variables of `node` and the members of the enclosing object it
/// names (`$this->disk`, `$this->disk()`, `self::DISK`), whole, in order.
fn holes<'t>(node: Node<'t>, source: &str) -> Vec<Node<'t>> {
    variables_or(node, |n| is_self_member(*n, source))
}

/// The variables of `node`, and the nodes `whole` takes as one, in order.
fn variables_or<'t>(node: Node<'t>, whole: impl Fn(&Node<'t>) -> bool) -> Vec<Node<'t>> {
    let is_variable = |n: &Node<'t>| matches!(n.kind(), "identifier" | "variable_name") || whole(n);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::queries::CompiledQueries;
    use crate::lang::Lang;
    use crate::rules::RuleSet;

    /// The binding as found before the index: every child of each enclosing
    /// scope searched for the name.
    fn searched<'t>(source: &str, root: Node<'t>, variable: Node<'t>) -> Option<Node<'t>> {
        let name = &source[variable.byte_range()];
        let at = variable.start_byte();
        for scope in super::super::ancestry::ancestors(root, variable) {
            let mut cursor = scope.walk();
            let bound: Vec<_> = scope
                .named_children(&mut cursor)
                .filter(|c| !c.byte_range().contains(&at))
                .filter_map(|c| searched_in(source, c, name, BINDING_DEPTH))
                .collect();
            let before = bound.iter().rfind(|v| v.start_byte() < at);
            if let Some(&value) = before.or(bound.first()) {
                return Some(value);
            }
        }
        None
    }

    fn searched_in<'t>(source: &str, node: Node<'t>, name: &str, depth: usize) -> Option<Node<'t>> {
        let text = |n: Node| &source[n.byte_range()];
        if !text(node).contains(name) {
            return None;
        }
        let target = node.child_by_field_name("name").or_else(|| {
            (!super::is_operation(node.kind()))
                .then(|| node.child_by_field_name("left"))
                .flatten()
        });
        if let Some(target) = target.filter(|t| text(*t) == name) {
            let value = node
                .child_by_field_name("value")
                .or_else(|| node.child_by_field_name("right"))
                .or_else(|| node.child_by_field_name("default_value"))
                .or_else(|| {
                    let last = node.named_child(node.named_child_count().checked_sub(1)? as u32)?;
                    (node.kind().ends_with("declarator") && last != target).then_some(last)
                });
            if value.is_some() {
                return value;
            }
        }
        let multiple = || {
            let left = node.child_by_field_name("left")?;
            let right = node.child_by_field_name("right")?;
            if !left.kind().ends_with("_list") || left.named_child_count() < 2 {
                return None;
            }
            let mut cursor = left.walk();
            let at = left
                .named_children(&mut cursor)
                .position(|n| n.kind() == "identifier" && text(n) == name)?;
            if right.named_child_count() == left.named_child_count() {
                return right.named_child(at as u32);
            }
            Some(right)
        };
        if let Some(value) = multiple() {
            return Some(value);
        }
        let mut cursor = node.walk();
        let children: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
        if node.kind() == "property_declaration" {
            let declared = children.iter().position(|c| {
                c.kind() == "variable_declaration"
                    && c.named_child(0).is_some_and(|n| text(n) == name)
            });
            if let Some(at) = declared {
                return children.get(at + 1).copied();
            }
        }
        if depth == 0 {
            return None;
        }
        children
            .into_iter()
            .find_map(|c| searched_in(source, c, name, depth - 1))
    }

    /// Every identifier of the tree.
    fn variables_of(root: Node) -> Vec<Node> {
        let mut all = crate::extract::all_nodes(root);
        all.retain(|n| {
            matches!(
                n.kind(),
                "identifier" | "variable_name" | "simple_identifier"
            )
        });
        all
    }

    #[test]
    fn the_index_finds_what_searching_each_scope_found() {
        let rules = RuleSet::builtin().unwrap();
        let none = vec![false; rules.rules.len()];
        let cases = [
            ("python", "a.py", "x = 1\nclass C:\n    y = x\n    def m(self):\n        a, b = f()\n        c, d = 1, 2\n        return a + c + y\n"),
            ("go", "a.go", "package p\nvar dir = tmp()\nfunc f(id int) {\n\tdoc, err := svc.Find(id)\n\tx, y := 1, 2\n\tuse(doc, err, x, y, dir)\n}\n"),
            ("kotlin", "A.kt", "class A {\n  val late: String\n  val p = path()\n  fun f() { val q = p + late; val late = 3; use(q, late) }\n}\n"),
            ("csharp", "A.cs", "class A {\n  string tmp = Path.GetTempPath();\n  void F() { var p = tmp + \"x\"; var q = p; File.Open(q); }\n}\n"),
            ("javascript", "a.js", "const dir = os.tmpdir();\nlet x;\nx = dir;\nfunction f(n) { const p = dir + n; let [a, b] = g(); return fs.open(p + a + x); }\n"),
            ("php", "a.php", "<?php\n$base = '/tmp';\nfunction f($n) { $file = $base . $n; $file = $file . 'x'; include $file; }\n"),
            ("java", "A.java", "class A {\n  static String tmp = FileUtil.getTmpDirPath();\n  void f(String n) { String p = tmp + n; new File(p); int i = 0, j = i; }\n}\n"),
            ("ruby", "a.rb", "DIR = Dir.tmpdir\nclass A\n  def f(n)\n    path = DIR + n\n    a, b = g\n    File.open(path + a)\n  end\nend\n"),
        ];
        let mut files: Vec<(Lang, String, String)> = cases
            .iter()
            .map(|(name, path, source)| {
                let lang = Lang::by_name(name).unwrap();
                (lang, path.to_string(), source.to_string())
            })
            .collect();
        // And every file of the bundled sample apps.
        let mut folders =
            vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if let (Some(lang), Ok(source)) =
                    (Lang::from_path(&path), std::fs::read_to_string(&path))
                {
                    files.push((lang, path.display().to_string(), source));
                }
            }
        }
        let compiled = CompiledQueries::compile_active(
            &rules,
            &Lang::all().collect::<Vec<_>>(),
            &none,
            &|_, _| false,
            &|_| Vec::new(),
        )
        .unwrap();
        let mut parser = tree_sitter::Parser::new();
        let mut compared = 0;
        for (lang, path, source) in &files {
            let queries = compiled.for_lang(*lang).unwrap();
            parser.set_language(&lang.grammar()).unwrap();
            let tree = parser.parse(source, None).unwrap();
            let root = tree.root_node();
            let extraction = Extraction::new(path, *lang, source, queries, &rules);
            for variable in variables_of(root) {
                let found = extraction.binding(root, variable);
                assert_eq!(
                    found,
                    searched(source, root, variable),
                    "{path}: {variable:?}"
                );
                compared += usize::from(found.is_some());
            }
        }
        assert!(
            files.len() > 250 && compared > 1000,
            "{} {compared}",
            files.len()
        );
    }
}
