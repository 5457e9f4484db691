//! Read-through memos: the write of an entry (`m[k] = v`) that its function
//! makes only after looking the same entry up and returning the value found
//! (`if v, ok := m[k]; ok { return v }`), storing a value computed from the
//! same input as the key (a parameter of the function) and handing it back:
//! `v := fetch(k)` … `m[k] = v` … `return v`. Every instance computes the
//! same entry on a miss: a cache, not state a request leaves behind. A
//! fresh object stored per key (the language's `fresh_values`: a hub, a
//! session, a limiter built for it) is live state, not a memo.

use super::{without_spaces, Extraction};
use rustc_hash::FxHashSet;
use tree_sitter::Node;

/// How many bindings deep the inputs of a key or value are followed (`cert`
/// → `x509.ParseCertificate(p.Bytes)` → `p` → `pem.Decode(body)` → `body`
/// → `io.ReadAll(resp.Body)` → `resp` → `http.Get(certURL)`).
const DEPTH: usize = 6;

impl<'s> Extraction<'s> {
    /// Whether `entry` (the entry an assignment writes, `m[k]`), given
    /// `value`, is the write of a read-through memo.
    pub(super) fn is_read_through(&self, root: Node<'s>, entry: Node<'s>, value: Node<'s>) -> bool {
        let written = without_spaces(self.text(entry));
        let Some(key) = entry.child_by_field_name("index") else {
            return false;
        };
        let Some(function) = self.enclosing_function(root, entry) else {
            return false;
        };
        // The entry is read before it is written: written twice at least.
        if self.text(function).matches(self.text(entry)).count() < 2 {
            return false;
        }
        // What the stored variable was given, else the value itself.
        let made = self.binding(root, value).unwrap_or(value);
        if self.facts.lang.is_fresh_value(self.text(made)) {
            return false;
        }
        let stored = self.text(value);
        let at = entry.start_byte();
        let nodes = self.kinds.own_nodes(function, |_| true);
        self.returns_found(&nodes, &written, at)
            && self.returns_after(&nodes, stored, &written, at)
            && self.come_from_one_input(root, function, key, value)
    }

    /// Whether an `if` among `nodes` (a function's own) before `at` returns
    /// the value a lookup of `written` found: the lookup (`v, ok := m[k]`)
    /// sits in the `if`'s head or before it, the condition names what it
    /// binds, and a return of the `if`'s consequence names the value found.
    fn returns_found(&self, nodes: &[Node<'s>], written: &str, at: usize) -> bool {
        let lookups: Vec<(usize, Vec<&str>)> = nodes
            .iter()
            .filter(|n| n.end_byte() <= at)
            .filter_map(|n| {
                let left = n.child_by_field_id(self.fields.left)?;
                let right = n.child_by_field_id(self.fields.right)?;
                (without_spaces(self.text(right)) == written).then(|| {
                    let names = self
                        .identifiers(left)
                        .into_iter()
                        .map(|i| self.text(i))
                        .collect();
                    (n.start_byte(), names)
                })
            })
            .collect();
        nodes
            .iter()
            .filter(|n| n.kind() == "if_statement" && n.end_byte() <= at)
            .any(|guard| {
                let (Some(condition), Some(consequence)) = (
                    guard.child_by_field_id(self.fields.condition),
                    guard.child_by_field_id(self.fields.consequence),
                ) else {
                    return false;
                };
                lookups.iter().any(|(start, names)| {
                    let found = names.first().filter(|f| **f != "_");
                    *start < consequence.start_byte()
                        && names.iter().any(|n| names_word(self.text(condition), n))
                        && found.is_some_and(|found| {
                            self.kinds.own_nodes(consequence, |_| true).iter().any(|r| {
                                r.kind() == "return_statement" && names_word(self.text(*r), found)
                            })
                        })
                })
            })
    }

    /// Whether a return among `nodes` (a function's own) after `at` hands
    /// back what was stored (the stored variable, or the entry read again).
    fn returns_after(&self, nodes: &[Node<'s>], stored: &str, written: &str, at: usize) -> bool {
        nodes.iter().any(|r| {
            r.kind() == "return_statement"
                && r.start_byte() > at
                && (names_word(self.text(*r), stored)
                    || without_spaces(self.text(*r)).contains(written))
        })
    }

    /// Whether the key and the value both come from one parameter of
    /// `function`, through the bindings of their variables.
    fn come_from_one_input(
        &self,
        root: Node<'s>,
        function: Node<'s>,
        key: Node<'s>,
        value: Node<'s>,
    ) -> bool {
        let Some(parameters) = function.child_by_field_name("parameters") else {
            return false;
        };
        let parameters: FxHashSet<&str> = self
            .identifiers(parameters)
            .into_iter()
            .map(|p| self.text(p))
            .collect();
        let mut keyed = FxHashSet::default();
        self.inputs(root, key, DEPTH, &mut keyed);
        let mut computed = FxHashSet::default();
        self.inputs(root, value, DEPTH, &mut computed);
        keyed
            .intersection(&computed)
            .any(|input| parameters.contains(input))
    }

    /// The names `node` is computed from: its variables, each replaced by
    /// what its nearest binding is computed from, `depth` bindings deep (a
    /// parameter, a receiver or a package has none: it is an input).
    fn inputs(&self, root: Node<'s>, node: Node<'s>, depth: usize, out: &mut FxHashSet<&'s str>) {
        for variable in self.identifiers(node) {
            match (depth > 0).then(|| self.binding(root, variable)).flatten() {
                Some(bound) => self.inputs(root, bound, depth - 1, out),
                None => {
                    out.insert(self.text(variable));
                }
            }
        }
    }

    /// The identifiers in `node` (not fields, not types), in order.
    fn identifiers(&self, node: Node<'s>) -> Vec<Node<'s>> {
        self.kinds
            .own_nodes(node, |_| true)
            .into_iter()
            .filter(|n| n.kind() == "identifier")
            .collect()
    }
}

/// Whether `text` names the identifier `name` as a whole word.
fn names_word(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            !text[..at].ends_with(word) && !text[at + name.len()..].starts_with(word)
        })
}

#[cfg(test)]
mod tests {
    use super::names_word;
    use crate::extract::without_spaces;

    #[test]
    fn words_and_entries() {
        assert!(names_word("return c, nil", "c"));
        assert!(!names_word("return cert, nil", "c"));
        assert_eq!(without_spaces("s.certs[ u.Path ]"), "s.certs[u.Path]");
    }
}
