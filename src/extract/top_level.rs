//! Patterns anchored at the file's root node (`(module (expression_statement
//! …))`, `(program (lexical_declaration …))`), rewritten at compile time to
//! start at the child they look for, with a capture that extraction checks
//! is a child of the root.
//!
//! The match is the same, the cost is not: tree-sitter's query cursor keeps
//! one state per root-anchored pattern alive for the whole file (the root
//! can always have a later child that matches), and pays for it at every
//! node it visits: on Python's built-in queries, about a quarter of the
//! cursor's work. A state started at the child dies as soon as the child
//! does not match. The rewrite is only applied where it keeps the match set:
//! the root itself not captured, exactly one child pattern, with no field,
//! anchor, negation or quantifier, and at least one capture inside it.

/// The capture the rewrite adds on the child: extraction keeps the match
/// only when this node is a child of the file's root, then drops it.
pub const TOP_CAPTURE: &str = "_carve_top";

/// `pattern` (one top-level pattern with its predicates, as
/// `rules::literals::patterns` cuts them) rewritten to start at its child
/// when it is anchored at `root_kind` in a way the rewrite keeps; None
/// otherwise.
pub fn rewrite(pattern: &str, root_kind: &str) -> Option<String> {
    let outer = items(pattern, 0..pattern.len())?;
    // `(root …) (#pred …)*` or `((root …) (#pred …)*)`.
    let (root_node, mut predicates) = match outer.as_slice() {
        [only] if is_group(pattern, only) => {
            let inner = items(pattern, only.start + 1..only.end - 1)?;
            let (first, rest) = inner.split_first()?;
            (first.clone(), rest.to_vec())
        }
        [first, rest @ ..] => (first.clone(), rest.to_vec()),
        [] => return None,
    };
    if !predicates.iter().all(|p| is_predicate(pattern, p)) {
        return None;
    }
    let text = |r: &std::ops::Range<usize>| &pattern[r.clone()];
    if !text(&root_node).starts_with('(') || is_predicate(pattern, &root_node) {
        return None;
    }
    let body = items(pattern, root_node.start + 1..root_node.end - 1)?;
    let (kind, body) = body.split_first()?;
    if text(kind) != root_kind {
        return None;
    }
    // One child node (or alternation), its captures, and predicates.
    let mut child = None;
    let mut captures = Vec::new();
    for item in body {
        let t = text(item);
        if is_predicate(pattern, item) {
            predicates.push(item.clone());
        } else if t.starts_with('@') && child.is_some() {
            captures.push(item.clone());
        } else if (t.starts_with('(') || t.starts_with('[')) && child.is_none() {
            child = Some(item.clone());
        } else {
            // A field, an anchor, a negation, a quantifier, a second child.
            return None;
        }
    }
    let child = child?;
    if !text(&child).contains('@') && captures.is_empty() {
        // Without a capture tree-sitter merges a pattern's matches; keep
        // those as they are.
        return None;
    }
    let mut out = String::from("(");
    out.push_str(text(&child));
    for capture in &captures {
        out.push(' ');
        out.push_str(text(capture));
    }
    out.push_str(" @");
    out.push_str(TOP_CAPTURE);
    for predicate in &predicates {
        out.push(' ');
        out.push_str(text(predicate));
    }
    out.push(')');
    Some(out)
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

    #[test]
    fn a_root_anchored_pattern_starts_at_its_child() {
        let p = "(module\n  (expression_statement\n    (assignment left: (identifier) @def.name))\n  @def.variable\n  (#set! mutable))";
        assert_eq!(
            rewrite(p, "module").as_deref(),
            Some("((expression_statement\n    (assignment left: (identifier) @def.name)) @def.variable @_carve_top (#set! mutable))")
        );
        let grouped = "((module (import_statement name: (dotted_name) @m) @hit) (#eq? @m \"x\"))";
        assert_eq!(
            rewrite(grouped, "module").as_deref(),
            Some("((import_statement name: (dotted_name) @m) @hit @_carve_top (#eq? @m \"x\"))")
        );
        let alternation = "(program [(a) @x (b) @x])";
        assert_eq!(
            rewrite(alternation, "program").as_deref(),
            Some("([(a) @x (b) @x] @_carve_top)")
        );
    }

    #[test]
    fn patterns_the_rewrite_would_change_are_kept() {
        for p in [
            "((module (expression_statement) @x) @root)",
            "(module (a) @x (b) @y)",
            "(module . (a) @x)",
            "(module (a) @x .)",
            "(module body: (a) @x)",
            "(module (a)* @x)",
            "(module (a))",
            "(call (a) @x)",
            "(module (a \")\") @x",
        ] {
            assert_eq!(rewrite(p, "module"), None, "{p}");
        }
    }
}
