//! Parsing with a deadline. A grammar can be slow far beyond the size of
//! its input: tree-sitter-python's scanner looks ahead over every comment
//! line that follows a line end to find the next indentation, so a run of
//! n comment lines costs n² (8,000 lines: 2 s; 16,000: 8 s; a 1 MB file
//! of comments: minutes). The parser checks a progress callback between
//! its steps; past the deadline (in the thread's CPU time, so not moved by
//! the machine's load) it stops, and the file is skipped with its reason
//! rather than holding the scan.

use super::deadline::Deadline;
use std::ops::ControlFlow;
use std::time::Duration;
use tree_sitter::{ParseOptions, ParseState, Parser, Tree};

/// Why parsing gave no tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// tree-sitter refused the grammar or gave up on the file.
    Failed,
    /// The deadline passed: the grammar is too slow on this file.
    TooSlow(Duration),
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Failed => f.write_str("could not be parsed"),
            ParseError::TooSlow(limit) => write!(
                f,
                "parsing stopped after {:.1} s (the grammar is too slow on this file)",
                limit.as_secs_f64()
            ),
        }
    }
}

/// Parses `source` with the parser's language, giving up after `limit`.
/// A stopped parse is reset, so the parser starts afresh on the next file.
pub fn parse_within(
    parser: &mut Parser,
    source: &str,
    limit: Duration,
) -> Result<Tree, ParseError> {
    let deadline = Deadline::after(limit);
    let mut in_time = |_: &ParseState| {
        if deadline.passed() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let bytes = source.as_bytes();
    let tree = parser.parse_with_options(
        &mut |at, _| bytes.get(at..).unwrap_or_default(),
        None,
        Some(ParseOptions::new().progress_callback(&mut in_time)),
    );
    match tree {
        Some(tree) => Ok(tree),
        None if deadline.passed() => {
            parser.reset();
            Err(ParseError::TooSlow(limit))
        }
        None => {
            parser.reset();
            Err(ParseError::Failed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn python() -> Parser {
        let mut parser = Parser::new();
        let lang = Lang::by_name("python").expect("python");
        parser.set_language(&lang.grammar()).expect("grammar");
        parser
    }

    #[test]
    fn a_parse_past_its_deadline_stops_and_the_next_starts_afresh() {
        let mut parser = python();
        // Enough tokens that the parser checks its progress at least once.
        let long: String = (0..200).map(|i| format!("x{i} = f({i})\n")).collect();
        assert_eq!(
            parse_within(&mut parser, &long, Duration::ZERO).map(|t| t.root_node().to_sexp()),
            Err(ParseError::TooSlow(Duration::ZERO))
        );
        let tree = parse_within(
            &mut parser,
            "def f():\n    return 1\n",
            Duration::from_secs(60),
        )
        .expect("parses");
        let root = tree.root_node();
        assert!(!root.has_error(), "{}", root.to_sexp());
        assert_eq!(root.child(0).map(|c| c.kind()), Some("function_definition"));
        assert_eq!(root.end_byte(), 22, "the old parse was not resumed");
    }
}
