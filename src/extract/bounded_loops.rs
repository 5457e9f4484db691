//! Bounded endless loops: a `while True:` whose body exits on a counter it
//! steps (a retry budget, a date stepped towards a weekday), on a clock it
//! reads (a deadline, unless the body pauses: then it polls), or on a value
//! it draws afresh each pass (rejection sampling of a token) ends after a
//! bounded number of passes or time.

use super::Extraction;
use crate::rules::LoopBounds;
use regex::Regex;
use std::cell::OnceCell;
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
        let stepped: Vec<_> = found.stepped.iter().map(|v| Reader::new(v)).collect();
        let drawn: Vec<_> = found.drawn.iter().map(|v| Reader::new(v)).collect();
        // A loop that pauses between passes polls: a deadline bounds its
        // count of passes, not a wait as long as the deadline.
        let polls = pauses.is_match(self.text(body));
        found.exits
            && (stepped
                .iter()
                .any(|v| found.conditions.iter().any(|(c, _)| v.reads(c)))
                || found.conditions.iter().any(|(c, exits)| {
                    *exits && ((!polls && clocks.is_match(c)) || drawn.iter().any(|v| v.reads(c)))
                }))
    }

    /// Collects what `node` holds into `found`, outside nested functions;
    /// `depth` counts the loops inside the scanned one (their `break` ends
    /// only them).
    fn scan_body(&self, node: Node<'s>, depth: usize, draws: &Regex, found: &mut Body<'s>) {
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
            if kind.contains("augmented_assignment")
                || (kind.contains("assignment") && steps_itself(target, value))
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

/// A variable read in a condition (`(^|[^\w.])var\b`: not a member
/// `o.var`, nor a part of a longer name). Matched by hand on ASCII text;
/// the regex, whose Unicode `\w` took milliseconds to compile for each
/// variable of each loop, only for other text, compiled on first need.
struct Reader<'v> {
    var: &'v str,
    regex: OnceCell<Option<Regex>>,
}

impl<'v> Reader<'v> {
    fn new(var: &'v str) -> Self {
        Reader {
            var,
            regex: OnceCell::new(),
        }
    }

    /// Whether `condition` reads the variable.
    fn reads(&self, condition: &str) -> bool {
        let var = self.var;
        if plain(var) && condition.is_ascii() {
            let bytes = condition.as_bytes();
            return occurrences(condition, var).any(|at| {
                let before = at.checked_sub(1).map(|b| bytes[b]);
                before.is_none_or(|b| !is_word(b) && b != b'.') && boundary(bytes, at + var.len())
            });
        }
        let regex = self
            .regex
            .get_or_init(|| Regex::new(&format!(r"(^|[^\w.]){}\b", regex::escape(var))).ok());
        regex.as_ref().is_some_and(|re| re.is_match(condition))
    }
}

/// Whether `value` steps `target` (`\btarget\s*[-+]`: `n - 1`, `dt +
/// step`); by hand on ASCII text, as `Reader`.
fn steps_itself(target: &str, value: &str) -> bool {
    if plain(target) && value.is_ascii() {
        let bytes = value.as_bytes();
        return occurrences(value, target).any(|at| {
            let after = bytes.get(at + target.len()..).unwrap_or_default();
            let next = after.iter().find(|b| !is_space(**b));
            boundary(bytes, at) && matches!(next, Some(b'-' | b'+'))
        });
    }
    Regex::new(&format!(r"\b{}\s*[-+]", regex::escape(target))).is_ok_and(|re| re.is_match(value))
}

/// A name matched by hand: ASCII, not empty, and short (its regex always
/// compiles).
fn plain(name: &str) -> bool {
    !name.is_empty() && name.len() <= 256 && name.is_ascii()
}

/// Where `pattern` starts in `text`, overlaps included (as a regex looks
/// at every position).
fn occurrences<'a>(text: &'a str, pattern: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + text.get(from..)?.find(pattern)?;
        from = at + 1;
        Some(at)
    })
}

/// A regex's `\w` on an ASCII byte.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A regex's `\s` on an ASCII byte.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether a regex's `\b` holds before byte `at` of ASCII `bytes`.
fn boundary(bytes: &[u8], at: usize) -> bool {
    let word = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(|b| is_word(*b));
    word(at.checked_sub(1)) != word(Some(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads and steps matched by hand as the regexes match them.
    #[test]
    fn hand_matching_agrees_with_the_regexes() {
        let names = ["n", "tries", "self.n", "a_1", "x[i]", "dt", "é", "nn"];
        let texts = [
            "n",
            "n > 3",
            "tries >= 5",
            "not tries",
            "self.n < 3",
            "o.n < 3",
            "nn < n",
            "an < 3",
            "n_1 > 2",
            "x[i] > 0",
            "x[i]y",
            "(n)",
            "n-1",
            "n - 1",
            "n\t+ step",
            "n\x0b- 1",
            "dt + step",
            "dtx + 1",
            "n *2",
            "é > 1",
            "é- 1",
            "nnn - 1",
            "",
            "a.nn",
        ];
        for name in names {
            let reads = Regex::new(&format!(r"(^|[^\w.]){}\b", regex::escape(name))).unwrap();
            let steps = Regex::new(&format!(r"\b{}\s*[-+]", regex::escape(name))).unwrap();
            let reader = Reader::new(name);
            for text in texts {
                assert_eq!(
                    reader.reads(text),
                    reads.is_match(text),
                    "{name} in {text:?}"
                );
                assert_eq!(
                    steps_itself(name, text),
                    steps.is_match(text),
                    "{name} in {text:?}"
                );
            }
        }
    }
}
