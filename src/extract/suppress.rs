//! Inline suppressions: `carve: ignore[rule-id, kind] reason` in a comment on
//! a finding's line or in the comment lines just above it, and
//! `carve: ignore-file[rule-id] reason` anywhere in a file for all of it.
//! The reason is kept so the report can show and count it.

use super::facts::Suppression;
use crate::rules::{rule_named, Kind};

const LINE_MARKER: &str = "carve: ignore[";
const FILE_MARKER: &str = "carve: ignore-file[";

/// One suppression comment.
#[derive(Debug, Clone)]
struct Directive {
    /// Rule ids or kinds; `*` for every rule.
    names: Vec<String>,
    reason: Option<String>,
    line: u32,
    /// Whether it covered a hit of this file.
    used: bool,
}

impl Directive {
    fn covers(&self, rule_id: &str, kind: Kind) -> bool {
        self.names
            .iter()
            .any(|n| n == "*" || rule_named(rule_id, kind, n))
    }

    fn suppression(&self) -> Suppression {
        Suppression {
            reason: self.reason.clone(),
            line: self.line,
        }
    }
}

/// The suppression comments of one file, by line.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// (line, directive) for line-level comments, in line order.
    lines: Vec<(u32, Directive)>,
    whole_file: Vec<Directive>,
    /// Lines (1-based) that hold only a comment.
    comment_only: Vec<bool>,
}

impl Suppressions {
    /// Reads the comments of `source`. Cheap when there are none: one
    /// substring search over the file.
    pub fn parse(source: &str) -> Suppressions {
        let mut out = Suppressions::default();
        if !source.contains("carve: ignore") {
            return out;
        }
        out.comment_only.push(false); // line 0 does not exist
        for (i, text) in source.lines().enumerate() {
            let line = i as u32 + 1;
            let trimmed = text.trim_start();
            out.comment_only.push(
                ["#", "//", "/*", "*"]
                    .iter()
                    .any(|c| trimmed.starts_with(c)),
            );
            for (marker, whole) in [(FILE_MARKER, true), (LINE_MARKER, false)] {
                let Some(at) = text.find(marker) else {
                    continue;
                };
                if !in_comment(&text[..at]) {
                    continue;
                }
                let Some(directive) = parse_directive(&text[at + marker.len()..], line) else {
                    continue;
                };
                if whole {
                    out.whole_file.push(directive);
                } else {
                    out.lines.push((line, directive));
                }
            }
        }
        out
    }

    /// The suppression covering a finding of `rule_id` (of `kind`) that
    /// starts on `line`: a comment on the line, in the block of comment lines
    /// right above it, or a file-level one.
    pub fn find(&mut self, rule_id: &str, kind: Kind, line: u32) -> Option<Suppression> {
        if self.lines.is_empty() && self.whole_file.is_empty() {
            return None;
        }
        let mut first = line;
        while first > 1 && self.comment_only.get(first as usize - 1) == Some(&true) {
            first -= 1;
        }
        let directive = self
            .lines
            .iter_mut()
            .filter(|(l, _)| (first..=line).contains(l))
            .map(|(_, d)| d)
            .chain(self.whole_file.iter_mut())
            .find(|d| d.covers(rule_id, kind))?;
        directive.used = true;
        Some(directive.suppression())
    }

    /// Comments that covered no hit of the file: stale, or misspelt.
    pub fn unused(&self) -> Vec<UnusedSuppression> {
        let mut out: Vec<UnusedSuppression> = self
            .lines
            .iter()
            .map(|(_, d)| d)
            .chain(&self.whole_file)
            .filter(|d| !d.used)
            .map(|d| UnusedSuppression {
                line: d.line,
                names: d.names.clone(),
            })
            .collect();
        out.sort_by_key(|u| u.line);
        out
    }
}

/// A suppression comment that suppressed nothing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnusedSuppression {
    pub line: u32,
    pub names: Vec<String>,
}

/// Whether the text before a marker opens a comment (`#`, `//`, `/*`, or a
/// `*` continuation line).
fn in_comment(before: &str) -> bool {
    before.contains('#')
        || before.contains("//")
        || before.contains("/*")
        || before.trim_start().starts_with('*')
}

/// `rule-a, kind] reason` → names and reason (after an optional `:`/`-`/`—`).
fn parse_directive(rest: &str, line: u32) -> Option<Directive> {
    let close = rest.find(']')?;
    let names: Vec<String> = rest[..close]
        .split(',')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    let reason = rest[close + 1..]
        .trim()
        .trim_end_matches("*/")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches([':', '-', '—'])
        .trim();
    Some(Directive {
        names,
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        line,
        used: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_line_and_line_above() {
        let src = "a = 1\n# carve: ignore[py-global] counted per instance on purpose\nCOUNT += 1\nx = y  # carve: ignore[session]: legacy\nz()\n";
        let mut s = Suppressions::parse(src);
        let above = s.find("py-global", Kind::GlobalState, 3).expect("above");
        assert_eq!(above.line, 2);
        assert_eq!(
            above.reason.as_deref(),
            Some("counted per instance on purpose")
        );
        let same = s
            .find("py-session", Kind::Session, 4)
            .expect("same line, by kind");
        assert_eq!(same.reason.as_deref(), Some("legacy"));
        assert!(s.find("py-global", Kind::GlobalState, 5).is_none());
        assert!(s
            .find("global-state/py-global", Kind::GlobalState, 3)
            .is_some());
        assert!(s.find("other", Kind::GlobalState, 3).is_none());
    }

    #[test]
    fn comment_block_above_and_file_level() {
        let src = "// carve: ignore[js-timer] metrics flush, harmless\n// more words\nsetInterval(f, 10)\n\nsetInterval(g, 10)\n";
        let mut s = Suppressions::parse(src);
        assert!(s.find("js-timer", Kind::BackgroundWork, 3).is_some());
        assert!(s.find("js-timer", Kind::BackgroundWork, 5).is_none());
        let mut whole = Suppressions::parse("/* carve: ignore-file[*] generated */\nx()\n\ny()\n");
        let found = whole.find("any", Kind::Session, 4).expect("file-level");
        assert_eq!(found.reason.as_deref(), Some("generated"));
    }

    #[test]
    fn reports_comments_that_suppress_nothing() {
        let mut s = Suppressions::parse(
            "# carve: ignore[js-timer] used\nsetInterval(f)\n# carve: ignore[js-tmier] typo\nsetInterval(g)\n",
        );
        assert!(s.find("js-timer", Kind::BackgroundWork, 2).is_some());
        assert!(s.find("js-timer", Kind::BackgroundWork, 4).is_none());
        let unused = s.unused();
        assert_eq!(unused.len(), 1);
        assert_eq!(
            (unused[0].line, unused[0].names.as_slice()),
            (3, &["js-tmier".to_string()][..])
        );
    }

    #[test]
    fn not_in_strings_and_not_without_names() {
        let mut s = Suppressions::parse("x = 'carve: ignore[a]'\ny = 1  # carve: ignore[]\n");
        assert!(s.find("a", Kind::Session, 1).is_none());
        assert!(s.find("a", Kind::Session, 2).is_none());
        let mut no_reason = Suppressions::parse("# carve: ignore[a]\nx\n");
        let found = no_reason
            .find("a", Kind::Session, 2)
            .expect("suppressed without a reason");
        assert_eq!(found.reason, None);
    }
}
