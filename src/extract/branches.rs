//! Branches that run only under some condition: when a form is submitted
//! (`if form.validate_on_submit():`, `if request.method == 'POST':`, the
//! language's `submit_conditions`): a GET of the same handler skips what
//! they call; or only in development (`if (isDev)`, `dev_conditions`):
//! routes declared there are not the production app's; or only to rebuild
//! a derived file older than its source (`rebuild_conditions`): what it
//! runs is no request's state. And whether a node
//! runs in any conditional of its function (`branch` rule condition): a
//! database the configuration picks is opened in one branch of a test on it.

use super::kinds::Class;
use super::Extraction;
use crate::lang::BranchKind;
use std::cell::RefCell;
use tree_sitter::Node;

/// The root and node `branch_conditions` was last asked about, with its
/// answer: a hit's submit, rebuild and flag checks ask about the same node.
#[derive(Default)]
pub(super) struct LastConditions<'t>(RefCell<Option<LastAnswer<'t>>>);

type LastAnswer<'t> = ((Node<'t>, Node<'t>), Vec<Node<'t>>);

impl<'s> Extraction<'s> {
    /// Whether `node` sits in the body of a submit `if`, in the same function.
    pub(super) fn in_submit_branch(&self, root: Node<'s>, node: Node<'s>) -> bool {
        self.in_branch(root, node, BranchKind::Submit, false)
    }

    /// Whether `node` sits in the body of an `if` that rebuilds a stale
    /// derived file (`if (!file_exists($out) || filemtime($out) <
    /// filemtime($src))`), in the same function.
    pub(super) fn in_rebuild_branch(&self, root: Node<'s>, node: Node<'s>) -> bool {
        self.in_branch(root, node, BranchKind::Rebuild, true)
    }

    /// Whether `node` sits in the body of a development-only `if`, in the
    /// same function.
    pub(super) fn in_dev_branch(&self, root: Node<'s>, node: Node<'s>) -> bool {
        self.in_branch(root, node, BranchKind::Dev, false)
    }

    /// Whether `node` sits in a conditional of the function enclosing it
    /// (`if_statement`, `elif_clause`, `expression_switch_statement`,
    /// `switch_case`, `case_clause`, `match_statement`, `when_expression`,
    /// `ternary_expression`, Ruby's `if`/`unless`/`case`/`when`); a
    /// condition around the function's definition does not count.
    pub(super) fn in_conditional(&self, root: Node<'s>, node: Node<'s>) -> bool {
        self.in_own_function(root, node, Class::CONDITIONAL)
    }

    /// Whether `node` sits in the body of an `if` whose condition is one of
    /// the language's `which` conditions (and is not negated, unless
    /// `negated_too`), in the same function.
    fn in_branch(
        &self,
        root: Node<'s>,
        node: Node<'s>,
        which: BranchKind,
        negated_too: bool,
    ) -> bool {
        let Some(conditions) = self.facts.lang.branch_conditions(which) else {
            return false;
        };
        self.branch_conditions(root, node)
            .into_iter()
            .any(|condition| {
                let text = self.text(condition).trim_start_matches('(').trim_start();
                let negated = text.starts_with("not ") || text.starts_with('!');
                (negated_too || !negated) && conditions.is_match(text)
            })
    }

    /// The conditions of the `if`s (and `elif`s: `elif request.method ==
    /// "POST":` has a condition and a body of its own) of the same function
    /// whose branch holds `node`, innermost first; `if (isDev)`: the
    /// expression inside the parentheses. PHP names the branch `body`.
    pub(super) fn branch_conditions(&self, root: Node<'s>, node: Node<'s>) -> Vec<Node<'s>> {
        let last = &self.last_conditions.0;
        let asked = (root, node);
        if let Some((_, conditions)) = last.borrow().as_ref().filter(|(a, _)| *a == asked) {
            return conditions.clone();
        }
        let conditions = self.find_branch_conditions(root, node);
        *last.borrow_mut() = Some((asked, conditions.clone()));
        conditions
    }

    /// What `branch_conditions` answers, found.
    fn find_branch_conditions(&self, root: Node<'s>, node: Node<'s>) -> Vec<Node<'s>> {
        let mut conditions = Vec::new();
        for n in self.ancestors(root, node) {
            if self.kinds.is(n, Class::BRANCH_END) {
                break;
            }
            if !self.kinds.is(n, Class::IF_OR_ELIF) {
                continue;
            }
            let (Some(condition), Some(body)) = (
                n.child_by_field_id(self.fields.condition),
                n.child_by_field_id(self.fields.consequence)
                    .or_else(|| n.child_by_field_id(self.fields.body)),
            ) else {
                continue;
            };
            if body.start_byte() <= node.start_byte() && node.end_byte() <= body.end_byte() {
                conditions.push(match condition.kind() {
                    "parenthesized_expression" => condition.named_child(0).unwrap_or(condition),
                    _ => condition,
                });
            }
        }
        conditions
    }
}

/// Whether a node kind is a conditional (`if_statement`, `elif_clause`,
/// `expression_switch_statement`, `switch_case`, `case_clause`,
/// `match_statement`, `when_expression`, `ternary_expression`, Ruby's
/// `if`/`unless`/`case`/`when`).
pub(super) fn is_conditional(kind: &str) -> bool {
    kind.split('_').any(|word| {
        matches!(
            word,
            "if" | "elif" | "else" | "unless" | "switch" | "case" | "match" | "when" | "ternary"
        )
    })
}

/// Whether the search for an enclosing `if` stops at a node of this kind:
/// a function, lambda, method or class.
pub(super) fn ends_branch_search(kind: &str) -> bool {
    ["function", "lambda", "method", "class"]
        .iter()
        .any(|f| kind.contains(f))
}
