//! Guards run before parsing, against inputs known to crash a grammar's C
//! code. tree-sitter-python's external scanner serialises its indentation
//! stack into a 1 KiB buffer and aborts past about 380 levels
//! (`ts_parser__external_scanner_serialize: Assertion 'length <= 1024'`);
//! CPython itself refuses more than 100 (`too many levels of indentation`),
//! so such a file is not Python anyway. What no guard knows yet is caught by
//! the worker processes of `isolate`.

use crate::lang::Lang;

/// Why `source` must not be handed to its parser; None when it may be.
/// `CARVE_GUARDS=off` turns the guards off (to see the crash isolation
/// at work on a real grammar crash).
pub fn refuse(lang: Lang, source: &str) -> Option<String> {
    static OFF: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *OFF.get_or_init(|| std::env::var_os("CARVE_GUARDS").is_some_and(|v| v == "off")) {
        return None;
    }
    let max = lang.max_indent_levels()?;
    let levels = indent_levels(source, max + 1);
    (levels > max).then(|| {
        format!(
            "indented more than {max} levels ({}'s own limit)",
            lang.title()
        )
    })
}

/// The deepest block nesting of an indentation-based file (Python), counted up
/// to `stop`: a line opens a level when it is indented deeper than the
/// line before, and that line ended with `:`; other deeper lines are
/// continuations. Linear in the source.
fn indent_levels(source: &str, stop: usize) -> usize {
    let mut stack: Vec<usize> = vec![0];
    let mut deepest = 0;
    let mut opens_block = false;
    for line in source.lines() {
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        // A tab counts as one column here: only the nesting matters.
        let width = line.len() - body.len();
        while stack.last().is_some_and(|&top| width < top) {
            stack.pop();
        }
        if stack.last().is_some_and(|&top| width > top) && opens_block {
            stack.push(width);
            deepest = deepest.max(stack.len() - 1);
            if deepest >= stop {
                return deepest;
            }
        }
        if stack.is_empty() {
            stack.push(width);
        }
        opens_block = body.trim_end().ends_with(':');
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        let mut s = String::new();
        for i in 0..levels {
            s.push_str(&" ".repeat(i));
            s.push_str("if x:\n");
        }
        s.push_str(&" ".repeat(levels));
        s.push_str("pass\n");
        s
    }

    #[test]
    fn counts_blocks_not_continuation_lines() {
        assert_eq!(indent_levels(&nested(3), 1000), 3);
        let call = "x = f(\n    1,\n        2,\n            3)\ndef g():\n    return 1\n";
        assert_eq!(indent_levels(call, 1000), 1);
        assert_eq!(indent_levels("", 1000), 0);
    }

    #[test]
    fn refuses_past_pythons_own_limit() {
        let python = Lang::by_name("python").unwrap();
        assert_eq!(refuse(python, &nested(100)), None);
        let reason = refuse(python, &nested(101)).unwrap();
        assert!(reason.contains("100 levels"), "{reason}");
        let js = Lang::by_name("javascript").unwrap();
        assert_eq!(refuse(js, &nested(500)), None);
    }
}
