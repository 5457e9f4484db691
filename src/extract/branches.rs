//! Branches that run only when a form is submitted (`if
//! form.validate_on_submit():`, `if request.method == 'POST':`, the
//! language's `submit_conditions`): a GET of the same handler skips what
//! they call.

use super::ancestry::ancestors;
use super::Extraction;
use tree_sitter::Node;

impl Extraction<'_> {
    /// Whether `node` sits in the body of such an `if`, in the same function.
    pub(super) fn in_submit_branch(&self, root: Node, node: Node) -> bool {
        if !self.facts.lang.has_submit_conditions() {
            return false;
        }
        for n in ancestors(root, node) {
            let kind = n.kind();
            if ["function", "lambda", "method", "class"]
                .iter()
                .any(|f| kind.contains(f))
            {
                return false;
            }
            if kind != "if_statement" {
                continue;
            }
            let (Some(condition), Some(body)) = (
                n.child_by_field_name("condition"),
                n.child_by_field_name("consequence"),
            ) else {
                continue;
            };
            let text = self.text(condition).trim_start_matches('(').trim_start();
            let negated = text.starts_with("not ") || text.starts_with('!');
            let inside =
                body.start_byte() <= node.start_byte() && node.end_byte() <= body.end_byte();
            if inside && !negated && self.facts.lang.is_submit_condition(text) {
                return true;
            }
        }
        false
    }
}
