//! Defaults the environment overrides: a value assigned in a block (a
//! settings module, a config class) that a later `if` of the same block,
//! testing the environment (the language's `env_conditions`), assigns
//! again (`DATABASES = {…sqlite3…}`, then `if os.getenv("DB") ==
//! "postgres": DATABASES = {…}`). The first value is only the default.
//! So is a value assigned in a branch of an `if` that tests the name
//! itself (`if not DATABASE_URL: DATABASE_URL = "sqlite:…"`): a fallback.

use super::Extraction;
use tree_sitter::Node;

impl<'s> Extraction<'s> {
    /// Whether `node` sits in the value of an assignment that a later `if`
    /// of the same block, testing the environment, assigns again (whole, or
    /// one of its keys or attributes), or in a branch of an `if` testing
    /// the name it assigns.
    pub(super) fn env_overridden(&self, root: Node<'s>, node: Node<'s>) -> bool {
        // The hit itself may be the assignment.
        let mut ancestors = vec![node];
        ancestors.extend(self.ancestors(root, node));
        let Some(at) = ancestors.iter().position(|n| {
            n.kind().contains("assignment") && n.child_by_field_id(self.fields.left).is_some()
        }) else {
            return false;
        };
        let Some(name) = ancestors[at]
            .child_by_field_id(self.fields.left)
            .map(|l| self.text(l))
        else {
            return false;
        };
        // A fallback: the assignment sits in a branch of an `if` that tests
        // the name itself (`if not DATABASE_URL: DATABASE_URL = "sqlite:…"`),
        // so the setting keeps the value the deployment gives it.
        let scope = |n: &Node| n.kind().contains("function") || n.kind().contains("class");
        if ancestors[at..]
            .iter()
            .take_while(|n| !scope(n))
            .filter(|n| n.kind() == "if_statement")
            .filter_map(|n| n.child_by_field_id(self.fields.condition))
            .any(|c| mentions(self.text(c), name))
        {
            return true;
        }
        // The statement of the block that holds the assignment.
        let Some(statement) = ancestors[at..]
            .windows(2)
            .find(|pair| is_block(pair[1].kind()))
            .map(|pair| pair[0])
        else {
            return false;
        };
        std::iter::successors(statement.next_named_sibling(), |n| n.next_named_sibling())
            .filter(|n| n.kind() == "if_statement")
            .any(|branch| {
                branch
                    .child_by_field_id(self.fields.condition)
                    .is_some_and(|c| self.facts.lang.is_env_condition(self.text(c)))
                    && self.assigns(branch, name)
            })
    }

    /// Whether an assignment under `node` (outside nested functions)
    /// assigns `name`, or one of its keys or attributes (`name["default"]`).
    fn assigns(&self, node: Node<'s>, name: &str) -> bool {
        let mut cursor = node.walk();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if n.kind().contains("function") || n.kind().contains("class") {
                continue;
            }
            if n.kind().contains("assignment") {
                let target = n.child_by_field_id(self.fields.left).map(|l| self.text(l));
                if target.is_some_and(|t| {
                    t.strip_prefix(name)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
                }) {
                    return true;
                }
            }
            stack.extend(n.named_children(&mut cursor));
        }
        false
    }
}

/// Whether `text` holds `name` as a whole word (`not DATABASE_URL`, not
/// `DATABASE_URL_RO`).
fn mentions(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name)
        .any(|(at, _)| !text[..at].ends_with(word) && !text[at + name.len()..].starts_with(word))
}

/// Whether a node kind is a block of statements: a module, a class or
/// function body.
fn is_block(kind: &str) -> bool {
    matches!(
        kind,
        "module" | "program" | "block" | "statement_block" | "class_body"
    )
}
