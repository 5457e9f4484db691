//! Bounded endless loops: a `while True:` whose body exits on a counter it
//! steps (a retry budget, a date stepped towards a weekday), on a clock it
//! reads (a deadline, unless the body pauses: then it polls), or on a value
//! it draws afresh each pass (rejection sampling of a token) ends after a
//! bounded number of passes or time.

use super::Extraction;
use crate::rules::LoopBounds;
use tree_sitter::Node;

/// What one pass over a loop's body found.
#[derive(Default)]
struct Body<'s> {
    /// Whether the body breaks out, returns or raises.
    exits: bool,
    /// Variables the body steps (`n -= 1`, `n = n - 1`, `dt += step`).
    stepped: Vec<&'s str>,
    /// Variables the body assigns a fresh draw to.
    drawn: Vec<&'s str>,
    /// The conditions of its `if`s, each with whether its branch exits.
    conditions: Vec<(&'s str, bool)>,
}

impl<'s> Extraction<'s> {
    /// Whether the loop `node` is bounded by what its body tests (`bounds`
    /// names the clocks and the draws).
    pub(super) fn loop_bounded(&self, node: Node<'s>, bounds: &LoopBounds) -> bool {
        let Some([clocks, draws, pauses]) = bounds.regexes() else {
            return false;
        };
        let Some(body) = node.child_by_field_name("body") else {
            return false;
        };
        let mut found = Body::default();
        self.scan_body(body, 0, draws, &mut found);
        // A variable read in a condition, each compiled once.
        let reader =
            |var: &str| regex::Regex::new(&format!(r"(^|[^\w.]){}\b", regex::escape(var))).ok();
        let stepped: Vec<_> = found.stepped.iter().filter_map(|v| reader(v)).collect();
        let drawn: Vec<_> = found.drawn.iter().filter_map(|v| reader(v)).collect();
        // A loop that pauses between passes polls: a deadline bounds its
        // count of passes, not a wait as long as the deadline.
        let polls = pauses.is_match(self.text(body));
        found.exits
            && (stepped
                .iter()
                .any(|v| found.conditions.iter().any(|(c, _)| v.is_match(c)))
                || found.conditions.iter().any(|(c, exits)| {
                    *exits
                        && ((!polls && clocks.is_match(c)) || drawn.iter().any(|v| v.is_match(c)))
                }))
    }

    /// Collects what `node` holds into `found`, outside nested functions;
    /// `depth` counts the loops inside the scanned one (their `break` ends
    /// only them).
    fn scan_body(&self, node: Node<'s>, depth: usize, draws: &regex::Regex, found: &mut Body<'s>) {
        let kind = node.kind();
        if kind.contains("function") || kind.contains("lambda") || kind.contains("class") {
            return;
        }
        match kind {
            "return_statement" | "raise_statement" | "throw_statement" => found.exits = true,
            "break_statement" if depth == 0 => found.exits = true,
            _ => {}
        }
        if let Some(target) = node
            .child_by_field_id(self.fields.left)
            .map(|l| self.text(l))
        {
            let value = node
                .child_by_field_id(self.fields.right)
                .map_or("", |r| self.text(r));
            // Compiled only for a plain assignment, the one case it decides.
            let steps_itself = || {
                regex::Regex::new(&format!(r"\b{}\s*[-+]", regex::escape(target)))
                    .is_ok_and(|re| re.is_match(value))
            };
            if kind.contains("augmented_assignment")
                || (kind.contains("assignment") && steps_itself())
            {
                found.stepped.push(target);
            } else if kind.contains("assignment") && draws.is_match(value) {
                found.drawn.push(target);
            }
        }
        if kind == "if_statement" || kind == "elif_clause" {
            if let Some(condition) = node.child_by_field_id(self.fields.condition) {
                let mut branch = Body::default();
                if let Some(consequence) = node.child_by_field_id(self.fields.consequence) {
                    self.scan_body(consequence, depth, draws, &mut branch);
                }
                found.conditions.push((self.text(condition), branch.exits));
            }
        }
        let inner =
            depth + usize::from(node.kind().contains("while") || node.kind().contains("for"));
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            self.scan_body(child, inner, draws, found);
        }
    }
}
