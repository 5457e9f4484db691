//! Lazy initialisation: a write of the very value an enclosing `if` tests
//! for being unset (`if (!x) x = …`) fills a per-instance value once; rules
//! with `skip_lazy_init` do not report it as shared state, and what its value
//! calls (`X.instance = new X()`) runs once per process.

use super::ancestry::ancestors;
use super::Extraction;
use tree_sitter::Node;

impl Extraction<'_> {
    /// Whether `node` writes the very thing an enclosing `if` tests for
    /// being unset (`if (!x) x = …`, `if (memo[k] == null) memo[k] = …`,
    /// `if k not in CACHE: CACHE[k] = …`): a value filled once per instance.
    /// Writes under an `if` that tests something else (a counter) still count.
    pub(super) fn is_lazy_init(&self, root: Node, node: Node, target: &str) -> bool {
        let name = target.split(['.', '[']).next().unwrap_or(target);
        let written: String = self
            .text(node)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for n in ancestors(root, node) {
            if n.kind() == "if_statement" {
                if let Some(condition) = n.child_by_field_name("condition") {
                    let text: String = self
                        .text(condition)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let tested = unset_operand(text.trim_matches(['(', ')']), name);
                    if tested
                        .as_ref()
                        .is_some_and(|operand| assigns(&written, operand))
                    {
                        return true;
                    }
                    // `if (x === null) { x = new Map(); … x.set(k, v) }`: while
                    // `x` is unset, every write to it builds its first value.
                    let in_consequence = n.child_by_field_name("consequence").is_some_and(|c| {
                        c.start_byte() <= node.start_byte() && node.end_byte() <= c.end_byte()
                    });
                    if in_consequence && tested.as_deref() == Some(name) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

impl Extraction<'_> {
    /// Whether `node` sits in the value of such a lazy write, in the same
    /// function (`if (X.instance == null) { X.instance = new X(); }`: the
    /// constructor runs the first time only).
    pub(super) fn in_lazy_init(&self, root: Node, node: Node) -> bool {
        for n in ancestors(root, node) {
            let kind = n.kind();
            if ["function", "lambda", "arrow", "method", "closure"]
                .iter()
                .any(|f| kind.contains(f))
            {
                return false;
            }
            if !kind.starts_with("assignment") {
                continue;
            }
            let (Some(left), Some(right)) = (
                n.child_by_field_name("left"),
                n.child_by_field_name("right"),
            ) else {
                return false;
            };
            let in_value =
                right.start_byte() <= node.start_byte() && node.end_byte() <= right.end_byte();
            return in_value && self.is_lazy_init(root, n, self.text(left));
        }
        false
    }
}

/// What a condition tests for being unset, written as an assignment target:
/// `!x` → `x`, `memo[k] == null` → `memo[k]`, `k not in CACHE` → `CACHE[k]`,
/// `CACHE.get(k) is None` → `CACHE[k]`. None when it tests something else.
fn unset_operand(condition: &str, name: &str) -> Option<String> {
    let mentions = |rest: &str| {
        rest == name
            || rest.starts_with(&format!("{name}["))
            || rest.starts_with(&format!("{name}."))
    };
    let as_entry = |rest: &str| {
        // `CACHE.get(k)` is read as the entry `CACHE[k]`.
        match rest
            .strip_prefix(&format!("{name}.get("))
            .and_then(|r| r.strip_suffix(')'))
        {
            Some(key) => format!("{name}[{}]", key.split(',').next().unwrap_or(key).trim()),
            None => rest.to_string(),
        }
    };
    if let Some(rest) = condition
        .strip_prefix('!')
        .or_else(|| condition.strip_prefix("not "))
    {
        let rest = rest.trim();
        return mentions(rest).then(|| as_entry(rest));
    }
    if let Some(key) = condition.strip_suffix(&format!(" not in {name}")) {
        return Some(format!("{name}[{}]", key.trim()));
    }
    [
        "=== null",
        "== null",
        "=== undefined",
        "== undefined",
        "is None",
        "== None",
        "== nil",
    ]
    .iter()
    .filter_map(|unset| condition.strip_suffix(unset))
    .map(str::trim)
    .find(|rest| mentions(rest))
    .map(as_entry)
}

/// Whether statement text assigns `operand` (`operand = …`, not `==`).
fn assigns(written: &str, operand: &str) -> bool {
    written
        .strip_prefix(operand)
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with('=') && !rest.starts_with("=="))
}

#[cfg(test)]
mod tests {
    use super::{assigns, unset_operand};

    #[test]
    fn go_nil_checks_guard_lazy_initialisation() {
        assert_eq!(unset_operand("db == nil", "db").as_deref(), Some("db"));
        assert_eq!(unset_operand("count == 0", "count"), None);
    }

    #[test]
    fn lazy_initialisation_guards() {
        assert_eq!(
            unset_operand("!cachedKey", "cachedKey").as_deref(),
            Some("cachedKey")
        );
        assert_eq!(
            unset_operand("memo[name] == null", "memo").as_deref(),
            Some("memo[name]")
        );
        assert_eq!(
            unset_operand("memo === null", "memo").as_deref(),
            Some("memo")
        );
        assert_eq!(
            unset_operand("name not in CACHE", "CACHE").as_deref(),
            Some("CACHE[name]")
        );
        assert_eq!(
            unset_operand("CACHE.get(name) is None", "CACHE").as_deref(),
            Some("CACHE[name]")
        );
        assert_eq!(unset_operand("!other", "cachedKey"), None);
        assert_eq!(unset_operand("count > 3", "count"), None);
        assert!(assigns("cachedKey = readKey()", "cachedKey"));
        assert!(!assigns("cachedKey == 1", "cachedKey"));
        assert!(!assigns("solves[k].attempts[p]++", "solves[k][p]"));
    }
}
