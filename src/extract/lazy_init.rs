//! Lazy initialisation: a write of the very value an enclosing `if` tests
//! for being unset (`if (!x) x = …`) fills a per-instance value once; rules
//! with `skip_lazy_init` do not report it as shared state, and what its value
//! calls (`X.instance = new X()`) runs once per process. A memoised value
//! (`if (data && fresh) return data;`, or `return { token };`, before
//! `data = …`) is not shared state either.

use super::kinds::Class;
use super::Extraction;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use tree_sitter::Node;

/// Per function (its node's id), its memo guards (`memo_guards_of`).
#[derive(Default)]
pub(super) struct MemoGuards(RefCell<FxHashMap<usize, Vec<Guard>>>);

/// An `if` that returns a memoised value: its end and its condition's bytes.
type Guard = (usize, Range<usize>);

impl<'s> Extraction<'s> {
    /// Whether `node` writes the very thing an enclosing `if` tests for
    /// being unset (`if (!x) x = …`, `if (memo[k] == null) memo[k] = …`,
    /// `if k not in CACHE: CACHE[k] = …`, `if not hasattr(o, 'a'): o.a = …`): a
    /// value filled once per instance.
    /// Writes under an `if` that tests something else (a counter) still count.
    pub(super) fn is_lazy_init(&self, root: Node<'s>, node: Node<'s>, target: &str) -> bool {
        let name = target.split(['.', '[']).next().unwrap_or(target);
        let written = std::cell::OnceCell::new();
        let written = || {
            written.get_or_init(|| {
                self.text(node)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        // What a condition tests is written with the name: a condition
        // without it (its spaces aside) tests something else.
        let plain = !name.contains(char::is_whitespace);
        for n in self.ancestors(root, node) {
            if self.kinds.is(n, Class::IF) {
                if let Some(condition) = n.child_by_field_id(self.fields.condition) {
                    if plain && !self.text(condition).contains(name) {
                        continue;
                    }
                    let text: String = self
                        .text(condition)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let tested = unset_operand(text.trim_matches(['(', ')']), name);
                    if tested
                        .as_ref()
                        .is_some_and(|operand| assigns(written(), operand))
                    {
                        return true;
                    }
                    // `if (x === null) { x = new Map(); … x.set(k, v) }`: while
                    // `x` is unset, every write to it builds its first value.
                    let in_consequence =
                        n.child_by_field_id(self.fields.consequence)
                            .is_some_and(|c| {
                                c.start_byte() <= node.start_byte()
                                    && node.end_byte() <= c.end_byte()
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

impl<'s> Extraction<'s> {
    /// Whether `node` sits in the value of such a lazy write, in the same
    /// function (`if (X.instance == null) { X.instance = new X(); }`: the
    /// constructor runs the first time only).
    pub(super) fn in_lazy_init(&self, root: Node<'s>, node: Node<'s>) -> bool {
        for n in self.ancestors(root, node) {
            if self.kinds.is(n, Class::FUNCTION) {
                return false;
            }
            if !self.kinds.is(n, Class::ASSIGNMENT) {
                continue;
            }
            let (Some(left), Some(right)) = (
                n.child_by_field_id(self.fields.left),
                n.child_by_field_id(self.fields.right),
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

impl<'s> Extraction<'s> {
    /// Whether `node` writes a value its function memoises: an `if` before
    /// it, in the same function, returns a bare variable when a condition
    /// that names the written one holds (`if (data && Date.now() < next)
    /// return data;` then `data = …; next = …`). One value kept for every
    /// request (a downloaded list, a token) is a cache of data that is the
    /// same for all of them, not state a request leaves behind; a memo keyed
    /// by request input (`memo[k]`) is not matched.
    pub(super) fn is_memo_write(&self, root: Node<'s>, node: Node<'s>, target: &str) -> bool {
        let name = target.split(['.', '[']).next().unwrap_or(target);
        let Some(function) = self.enclosing_function(root, node) else {
            return false;
        };
        // A guard's condition, which names the variable, sits in the
        // function before the write.
        let before = self.source.get(function.start_byte()..node.start_byte());
        if !before.is_some_and(|before| before.contains(name)) {
            return false;
        }
        let mut guards = self.memo_guards.0.borrow_mut();
        let guards = guards
            .entry(function.id())
            .or_insert_with(|| self.memo_guards_of(function));
        guards.iter().any(|(end, condition)| {
            *end <= node.start_byte() && names(&self.source[condition.clone()], name)
        })
    }

    /// The `if`s of `function` (outside functions nested in it) that return
    /// a bare variable named in their condition, as (end of the `if`, its
    /// condition's bytes): what `is_memo_write` asks of every write in the
    /// function, found once per function (a generated function writing
    /// hundreds of variables walked its body for each). Such an `if` holds
    /// a `return_statement`, whose text starts with its keyword: a node
    /// whose text has no `return` is not walked.
    fn memo_guards_of(&self, function: Node) -> Vec<Guard> {
        let returns = memchr::memmem::Finder::new("return");
        let holds_return = |n: Node| returns.find(self.text(n).as_bytes()).is_some();
        self.kinds
            .own_nodes(function, holds_return)
            .into_iter()
            .filter(|&n| self.kinds.is(n, Class::IF))
            .filter_map(|n| Some((n.end_byte(), self.memo_condition(n)?.byte_range())))
            .collect()
    }

    /// The condition of `if_node` when the `if` returns a bare variable
    /// named in it.
    fn memo_condition<'t>(&self, if_node: Node<'t>) -> Option<Node<'t>> {
        let condition = if_node.child_by_field_name("condition")?;
        let consequence = if_node.child_by_field_name("consequence")?;
        let text = self.text(condition);
        let mut cursor = consequence.walk();
        let mut statements: Vec<Node> = consequence.named_children(&mut cursor).collect();
        statements.push(consequence);
        statements
            .iter()
            .any(|statement| {
                statement.kind() == "return_statement"
                    && statement
                        .named_child(0)
                        .is_some_and(|value| self.returns_named(value, text))
            })
            .then_some(condition)
    }

    /// Whether `value` is a bare variable named in `condition`, or an object
    /// literal wrapping one (`return { token: baiduToken };`).
    fn returns_named(&self, value: Node, condition: &str) -> bool {
        let named = |n: Node| {
            matches!(n.kind(), "identifier" | "shorthand_property_identifier")
                && names(condition, self.text(n))
        };
        if named(value) {
            return true;
        }
        if !matches!(value.kind(), "object" | "dictionary") {
            return false;
        }
        let mut cursor = value.walk();
        let entries: Vec<Node> = value.named_children(&mut cursor).collect();
        entries.into_iter().any(|entry| {
            named(entry)
                || (entry.kind() == "pair" && entry.child_by_field_name("value").is_some_and(named))
        })
    }
}

pub(super) fn is_function(kind: &str) -> bool {
    ["function", "lambda", "arrow", "method", "closure"]
        .iter()
        .any(|f| kind.contains(f))
}

/// Whether `text` names the identifier `name` (as a whole word).
fn names(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    text.match_indices(name)
        .any(|(at, _)| !text[..at].ends_with(word) && !text[at + name.len()..].starts_with(word))
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
    // Python's `not hasattr(obj, 'attr')`: the attribute `obj.attr` is unset
    // (its closing parenthesis may have been trimmed with the condition's).
    if let Some(rest) = condition.strip_prefix("not hasattr(") {
        let args = rest.strip_suffix(')').unwrap_or(rest);
        let (object, attribute) = args.split_once(',')?;
        let object = object.trim();
        let attribute = attribute.trim().trim_matches(['\'', '"']);
        return mentions(object).then(|| format!("{object}.{attribute}"));
    }
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
    use super::{assigns, names, unset_operand};

    #[test]
    fn memo_guards_name_whole_identifiers() {
        assert!(names("cache && Date.now() < nextChecking", "nextChecking"));
        assert!(!names("cacheData && ok", "cache"));
    }

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
