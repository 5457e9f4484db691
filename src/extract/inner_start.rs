//! Patterns whose outer nodes only enclose one inner node
//! (`(module (expression_statement …))`, `(function_definition body: (block
//! (expression_statement (call …))))`), rewritten at compile time to start
//! at that inner node, with a capture that extraction checks is enclosed
//! as the pattern said (the kinds of its parents, and their fields).
//!
//! The match is the same, the cost is not: tree-sitter's query cursor keeps
//! a state of such a pattern alive through the whole outer node (it can
//! always have a later child that matches), and pays for it at every node
//! it visits: a pattern anchored at the root is visited at every node of
//! the file, one anchored at a function body at every node of the body. A
//! state started at the inner node dies as soon as that node does not
//! match. The rewrite is only applied where it keeps the match set: the
//! outer nodes named kinds (no wildcard or supertype), not captured, each
//! with exactly one child pattern (a field on it allowed; no anchor,
//! negation or quantifier), and at least one capture inside. The inner node
//! has children of its own, or the outer node is the file's root: a
//! childless node (`(identifier)`) is everywhere, and each would be a match.
//!
//! The outermost node may be captured when it is the file's root
//! (`((program (echo_statement)) @def.function)`): the capture moves to extraction, which hands that
//! ancestor to the handler under its names. When nothing inside is
//! captured, tree-sitter gave such a pattern one match per outer node,
//! once the outer node's later children could no longer match; the
//! rewritten pattern matches once per inner node, so extraction keeps the
//! first and hands it on after the walk (`Enclosing::merged`).

use tree_sitter::Node;

/// The capture the rewrite adds on the inner node: extraction keeps the
/// match only when this node is enclosed as the pattern said, then drops it.
pub const START_CAPTURE: &str = "_carve_start";

/// One outer node a rewritten pattern no longer matches itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enclosing {
    /// The parent's kind.
    pub kind: String,
    /// The field of the parent that holds the child, when the pattern
    /// named one.
    pub field: Option<String>,
    /// The captures written on this node (only the outermost may have
    /// some): extraction hands the node on under these names.
    pub captures: Vec<String>,
    /// With `captures`: the pattern captures nothing else, so its matches
    /// are one per outer node.
    pub merged: bool,
}

/// A pattern rewritten to start at its inner node.
#[derive(Debug, PartialEq, Eq)]
pub struct Rewrite {
    pub text: String,
    /// The outer nodes, the inner node's parent first.
    pub enclosing: Vec<Enclosing>,
}

/// `pattern` (one top-level pattern with its predicates, as
/// `rules::literals::patterns` cuts them) rewritten to start at its inner
/// node, when the rewrite keeps its matches; None otherwise. `plain_kind`
/// says whether a kind is a visible named node kind of the grammar (not a
/// supertype), `root_kind` is the kind of the file's root.
pub fn rewrite(
    pattern: &str,
    plain_kind: &dyn Fn(&str) -> bool,
    root_kind: &str,
) -> Option<Rewrite> {
    let outer = items(pattern, 0..pattern.len())?;
    // `(outer …) @capture* (#pred …)*` or `((outer …) @capture* (#pred …)*)`.
    let (mut node, rest) = match outer.as_slice() {
        [only] if is_group(pattern, only) => {
            let inner = items(pattern, only.start + 1..only.end - 1)?;
            let (first, rest) = inner.split_first()?;
            (first.clone(), rest.to_vec())
        }
        [first, rest @ ..] => (first.clone(), rest.to_vec()),
        [] => return None,
    };
    let text = |r: &std::ops::Range<usize>| &pattern[r.clone()];
    let root_captures: Vec<String> = rest
        .iter()
        .take_while(|r| text(r).starts_with('@'))
        .map(|r| text(r)[1..].to_string())
        .collect();
    let mut predicates = rest[root_captures.len()..].to_vec();
    if !predicates.iter().all(|p| is_predicate(pattern, p)) {
        return None;
    }
    let mut outers: Vec<Enclosing> = Vec::new();
    let mut captures = Vec::new();
    // Down through outer nodes with one uncaptured child pattern each.
    while text(&node).starts_with('(') && !is_predicate(pattern, &node) {
        let Some(level) = one_child(pattern, &node) else {
            break;
        };
        if !plain_kind(level.kind) || (!level.child_has_children && level.kind != root_kind) {
            break;
        }
        predicates.extend(level.predicates);
        outers.push(Enclosing {
            kind: level.kind.to_string(),
            field: level.field.map(str::to_string),
            captures: Vec::new(),
            merged: false,
        });
        node = level.child;
        captures = level.captures;
        if !captures.is_empty() || text(&node).starts_with('[') {
            break;
        }
    }
    let merged = !text(&node).contains('@') && captures.is_empty();
    let root = outers.first_mut()?;
    if !root_captures.is_empty() && root.kind != root_kind {
        // A captured outer node of its own kind: the inner node may be
        // far commoner (a call's function), and the walk dearer.
        return None;
    }
    if merged && root_captures.is_empty() {
        // Without a capture tree-sitter merges a pattern's matches, and
        // hands on none: keep those as they are.
        return None;
    }
    root.merged = merged;
    root.captures = root_captures;
    if captures_on(pattern, &node)? + captures.len() >= MAX_STEP_CAPTURES {
        // tree-sitter would drop the added capture.
        return None;
    }
    let mut out = String::from("(");
    out.push_str(text(&node));
    for capture in &captures {
        out.push(' ');
        out.push_str(text(capture));
    }
    out.push_str(" @");
    out.push_str(START_CAPTURE);
    for predicate in &predicates {
        out.push(' ');
        out.push_str(text(predicate));
    }
    out.push(')');
    outers.reverse();
    Some(Rewrite {
        text: out,
        enclosing: outers,
    })
}

/// The captures tree-sitter keeps on one node of a pattern (its
/// `MAX_STEP_CAPTURE_COUNT`): a further one is dropped.
const MAX_STEP_CAPTURES: usize = 3;

/// The most captures written on one alternative of `node` when it is an
/// alternation (they add to those written after it), 0 for a node; None for
/// an alternation nested in another.
fn captures_on(pattern: &str, node: &std::ops::Range<usize>) -> Option<usize> {
    if !pattern[node.clone()].starts_with('[') {
        return Some(0);
    }
    let inner = items(pattern, node.start + 1..node.end - 1)?;
    let (mut most, mut run) = (0, 0);
    for item in &inner {
        match pattern.as_bytes()[item.start] {
            b'@' => run += 1,
            b'[' => return None,
            _ => run = 0,
        }
        most = most.max(run);
    }
    Some(most)
}

/// Whether `node` (a node or an alternation of nodes) matches only nodes
/// with children: a node pattern with a child pattern, an alternation
/// whose every branch is one.
fn has_children(pattern: &str, node: &std::ops::Range<usize>) -> bool {
    let Some(inner) = items(pattern, node.start + 1..node.end - 1) else {
        return false;
    };
    if pattern[node.clone()].starts_with('[') {
        let mut branches = inner
            .iter()
            .filter(|i| matches!(pattern.as_bytes()[i.start], b'(' | b'['))
            .peekable();
        branches.peek().is_some() && branches.all(|b| has_children(pattern, b))
    } else {
        inner.iter().skip(1).any(|i| {
            !is_predicate(pattern, i) && matches!(pattern.as_bytes()[i.start], b'(' | b'[' | b'"')
        })
    }
}

/// An outer node's parts when it holds exactly one child pattern.
struct Level<'p> {
    kind: &'p str,
    field: Option<&'p str>,
    child: std::ops::Range<usize>,
    child_has_children: bool,
    captures: Vec<std::ops::Range<usize>>,
    predicates: Vec<std::ops::Range<usize>>,
}

/// `node` (a `(kind …)` item of `pattern`) split into its one child
/// pattern, that child's field and captures, and predicates; None when it
/// holds anything else (a field, an anchor, a negation, a quantifier, a
/// second child).
fn one_child<'p>(pattern: &'p str, node: &std::ops::Range<usize>) -> Option<Level<'p>> {
    let text = |r: &std::ops::Range<usize>| &pattern[r.clone()];
    let body = items(pattern, node.start + 1..node.end - 1)?;
    let (kind, body) = body.split_first()?;
    let mut field = None;
    let mut child: Option<std::ops::Range<usize>> = None;
    let mut captures = Vec::new();
    let mut predicates = Vec::new();
    for item in body {
        let t = text(item);
        if is_predicate(pattern, item) {
            predicates.push(item.clone());
        } else if t.starts_with('@') && child.is_some() {
            captures.push(item.clone());
        } else if (t.starts_with('(') || t.starts_with('[')) && child.is_none() {
            child = Some(item.clone());
        } else if let Some(name) = t
            .strip_suffix(':')
            .filter(|_| child.is_none() && field.is_none())
        {
            field = Some(name);
        } else {
            return None;
        }
    }
    let child = child?;
    Some(Level {
        kind: text(kind),
        field,
        child_has_children: has_children(pattern, &child),
        child,
        captures,
        predicates,
    })
}

/// Whether `node` is enclosed by `enclosing` (its parent first), the
/// parents read from `path`: `node`'s ancestors, the root first.
pub fn is_enclosed(enclosing: &[Enclosing], path: &[Node], node: Node) -> bool {
    if enclosing.len() > path.len() {
        return false;
    }
    let mut child = node;
    for (outer, &parent) in enclosing.iter().zip(path.iter().rev()) {
        if parent.kind() != outer.kind {
            return false;
        }
        if let Some(field) = &outer.field {
            // The field's first child, found without a walk of them all,
            // is most often the one.
            let is_child = |c: Node| c.id() == child.id();
            let held = parent
                .child_by_field_name(field.as_str())
                .is_some_and(is_child)
                || {
                    let mut cursor = parent.walk();
                    let mut all = parent.children_by_field_name(field, &mut cursor);
                    all.any(is_child)
                };
            if !held {
                return false;
            }
        }
        child = parent;
    }
    true
}

/// The outer nodes a rewrite took captures off (`Enclosing::captures`),
/// each with its capture names, read from `path` (the inner node's
/// ancestors, the root first; the node enclosed as `is_enclosed` says).
pub fn outer_captures<'e, 't>(
    enclosing: &'e [Enclosing],
    path: &[Node<'t>],
) -> Vec<(&'e str, Node<'t>)> {
    let mut out = Vec::new();
    for (outer, &node) in enclosing.iter().zip(path.iter().rev()) {
        out.extend(outer.captures.iter().map(|name| (name.as_str(), node)));
    }
    out
}

/// Whether the pattern's matches are one per outer node (see
/// `Enclosing::merged`).
pub fn is_merged(enclosing: &[Enclosing]) -> bool {
    enclosing.iter().any(|e| e.merged)
}

fn is_group(text: &str, item: &std::ops::Range<usize>) -> bool {
    text[item.clone()].starts_with("((")
        || text[item.start + 1..item.end]
            .trim_start()
            .starts_with(['(', '['])
}

fn is_predicate(text: &str, item: &std::ops::Range<usize>) -> bool {
    text[item.start..item.end]
        .strip_prefix('(')
        .is_some_and(|rest| rest.trim_start().starts_with('#'))
}

/// The top-level items of `text[range]`: bracketed groups, strings,
/// captures, words and punctuation, comments and spaces left out. None when
/// the brackets do not balance.
fn items(text: &str, range: std::ops::Range<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b';' {
            while i < range.end && bytes[i] != b'\n' {
                i += 1;
            }
        } else if c == b'(' || c == b'[' {
            let start = i;
            let mut depth = 0usize;
            loop {
                if i >= range.end {
                    return None;
                }
                match bytes[i] {
                    b'(' | b'[' => depth += 1,
                    b')' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    b'"' => i = string_end(bytes, i, range.end)? - 1,
                    b';' => {
                        while i < range.end && bytes[i] != b'\n' {
                            i += 1;
                        }
                        continue;
                    }
                    _ => {}
                }
                i += 1;
            }
            out.push(start..i);
        } else if c == b')' || c == b']' {
            return None;
        } else if c == b'"' {
            let end = string_end(bytes, i, range.end)?;
            out.push(i..end);
            i = end;
        } else {
            let start = i;
            while i < range.end
                && !bytes[i].is_ascii_whitespace()
                && !b"()[];\"".contains(&bytes[i])
            {
                i += 1;
            }
            out.push(start..i);
        }
    }
    Some(out)
}

/// The end (past the closing quote) of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < end {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(kind: &str) -> bool {
        kind != "_" && !kind.contains('/')
    }

    fn text(pattern: &str) -> Option<String> {
        rewrite(pattern, &plain, "module").map(|r| r.text)
    }

    fn enclosing(pairs: &[(&str, Option<&str>)]) -> Vec<Enclosing> {
        pairs
            .iter()
            .map(|(kind, field)| Enclosing {
                kind: kind.to_string(),
                field: field.map(str::to_string),
                captures: Vec::new(),
                merged: false,
            })
            .collect()
    }

    #[test]
    fn a_root_anchored_pattern_starts_at_its_child() {
        let p = "(module\n  (expression_statement\n    (assignment left: (identifier) @def.name))\n  @def.variable\n  (#set! mutable))";
        assert_eq!(
            text(p).as_deref(),
            Some("((expression_statement\n    (assignment left: (identifier) @def.name)) @def.variable @_carve_start (#set! mutable))")
        );
        let grouped = "((module (import_statement name: (dotted_name) @m) @hit) (#eq? @m \"x\"))";
        assert_eq!(
            text(grouped).as_deref(),
            Some("((import_statement name: (dotted_name) @m) @hit @_carve_start (#eq? @m \"x\"))")
        );
        let alternation = "(module [(a) @x (b) @x])";
        assert_eq!(
            text(alternation).as_deref(),
            Some("([(a) @x (b) @x] @_carve_start)")
        );
        assert_eq!(
            rewrite("(module (a) @x)", &plain, "module").map(|r| r.enclosing),
            Some(enclosing(&[("module", None)]))
        );
    }

    #[test]
    fn a_body_pattern_starts_at_its_innermost_node_with_children() {
        let p = "(function_definition body: (block (expression_statement (call function: (identifier) @f)) @hit))";
        let r = rewrite(p, &plain, "module");
        assert_eq!(
            r,
            Some(Rewrite {
                text:
                    "((expression_statement (call function: (identifier) @f)) @hit @_carve_start)"
                        .into(),
                enclosing: enclosing(&[("block", None), ("function_definition", Some("body"))]),
            })
        );
        // Uncaptured wrappers are passed through down to a node with
        // children; a childless node is not a start.
        let p = "(class_definition body: (block (expression_statement (assignment left: (identifier) @n))))";
        assert_eq!(
            rewrite(p, &plain, "module").map(|r| r.enclosing),
            Some(enclosing(&[
                ("expression_statement", None),
                ("block", None),
                ("class_definition", Some("body")),
            ]))
        );
    }

    #[test]
    fn a_captured_root_is_handed_on_from_extraction() {
        let p = "((module (expression_statement (call) @c)) @route @route.handler\n  (#set! framework \"php\"))";
        let r = rewrite(p, &plain, "module").expect("rewritten");
        assert_eq!(
            r.text,
            "((expression_statement (call) @c) @_carve_start (#set! framework \"php\"))"
        );
        assert_eq!(r.enclosing.len(), 1);
        assert_eq!(r.enclosing[0].captures, ["route", "route.handler"]);
        assert!(!r.enclosing[0].merged);
        // Nothing captured inside: one match per root, handed on once.
        let r = rewrite("((module [(a) (b)]) @def.function)", &plain, "module").expect("rewritten");
        assert_eq!(r.text, "([(a) (b)] @_carve_start)");
        assert!(r.enclosing[0].merged);
        assert_eq!(r.enclosing[0].captures, ["def.function"]);
    }

    #[test]
    fn patterns_the_rewrite_would_change_are_kept() {
        for p in [
            "((module (expression_statement)))",
            "((module (expression_statement) @x (expression_statement)) @root)",
            "((call function: (selector (identifier) @x)) @root)",
            "(module (a) @x (b) @y)",
            "(module . (a) @x)",
            "(module (a) @x .)",
            "(module !body (a) @x)",
            "(module (a)* @x)",
            "(module (a))",
            "(call (a) @x)",
            "(call function: (identifier) @x)",
            "(_ (a (b) @x))",
            "(expression/call (a (b) @x))",
            "(module (a \")\") @x",
            "(module (a (b) @x) @y @z @w)",
            "(module [(a (b)) @x @y @z])",
            "(for value: [(identifier) (field (this))] @x)",
        ] {
            assert_eq!(text(p), None, "{p}");
        }
    }
}
