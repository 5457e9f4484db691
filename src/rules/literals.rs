//! The literals a rule's query needs in a file's text before it can match,
//! derived from the query itself so the prefilter cannot drift from it.
//!
//! A pattern with `(#eq? @f "sleep")` can only match where a node's text is
//! `sleep`, so a file without the bytes `sleep` cannot hold a match; with
//! `(#any-of? @f "get" "post")` one of them must occur. This holds only for
//! captures the pattern always binds: tree-sitter passes a text predicate on
//! a capture that did not match (inside an alternation `[…]`, or under a `?`
//! or `*` quantifier), so those predicates require nothing. Anonymous nodes
//! (`"await"`) are required text in the same way. A rule needs, for at least
//! one of its patterns, one literal of every set that pattern requires; a
//! pattern that requires nothing makes the rule always needed.

use std::collections::BTreeSet;

/// What one pattern needs: one literal of every set.
pub type LiteralSets = Vec<Vec<String>>;

/// One top-level pattern of a query: its text's byte range (with the
/// predicates written after it) and the literal sets it needs.
pub type PatternLiterals = (std::ops::Range<usize>, LiteralSets);

/// What a query needs: per pattern, the sets of literals of which one must
/// occur (all sets of one pattern, any pattern).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Requirement {
    pub patterns: Vec<LiteralSets>,
}

impl Requirement {
    /// The requirement of a query read into `patterns` (None: a query the
    /// reader does not understand, kept).
    pub fn of(patterns: Option<&[PatternLiterals]>) -> Requirement {
        Requirement {
            patterns: patterns
                .map(|p| p.iter().map(|(_, sets)| sets.clone()).collect())
                .unwrap_or_default(),
        }
    }

    /// Every literal the requirement names.
    pub fn literals(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().flatten().flatten().map(String::as_str)
    }

    /// Whether a text in which `present` says which literals occur can hold
    /// a match. A query without patterns (it does not parse) is kept: the
    /// compiler reports it.
    pub fn is_met(&self, present: impl Fn(&str) -> bool) -> bool {
        self.patterns.is_empty()
            || self
                .patterns
                .iter()
                .any(|sets| sets.iter().all(|set| set.iter().any(|l| present(l))))
    }
}

/// Each top-level pattern of a query: its text's byte range (with the
/// predicates written after it) and the literal sets it needs. None when
/// the text is not a query this reader understands.
pub fn patterns(query: &str) -> Option<Vec<PatternLiterals>> {
    let (tokens, spans): (Vec<Token>, Vec<std::ops::Range<usize>>) =
        tokenize(query).into_iter().unzip();
    let mut pos = 0;
    // Top-level items; a predicate written after a pattern belongs to it.
    let mut patterns: Vec<(std::ops::Range<usize>, Vec<Item>)> = Vec::new();
    while pos < tokens.len() {
        let start = pos;
        let item = parse_item(&tokens, &mut pos)?;
        if pos == start {
            return None;
        }
        let span = spans[start].start..spans[pos - 1].end;
        match (&item.kind, patterns.last_mut()) {
            (ItemKind::Predicate(..), Some((range, items))) => {
                range.end = span.end;
                items.push(item);
            }
            _ => patterns.push((span, vec![item])),
        }
    }
    Some(
        patterns
            .into_iter()
            .map(|(span, items)| (span, needed(&items)))
            .collect(),
    )
}

/// The literal sets one pattern (its node and trailing predicates) needs.
fn needed(items: &[Item]) -> Vec<Vec<String>> {
    let mut predicates = Vec::new();
    for item in items {
        collect_predicates(item, &mut predicates);
    }
    sets_of(items.iter(), &BTreeSet::new(), &predicates)
}

/// The literal sets `items` need when they match, given the captures bound
/// outside them (whose predicates are counted there). An alternation needs
/// one literal of the union of one set of each branch: whichever branch
/// matches brings its own literals; a branch that needs nothing makes the
/// alternation need nothing.
fn sets_of<'a>(
    items: impl Iterator<Item = &'a Item>,
    outer: &BTreeSet<String>,
    predicates: &[(String, Vec<Token>)],
) -> Vec<Vec<String>> {
    let mut needed = Vec::new();
    let mut bound = BTreeSet::new();
    let mut alternations = Vec::new();
    for item in items {
        collect_mandatory(item, false, &mut bound, &mut needed, &mut alternations);
    }
    bound.retain(|c| !outer.contains(c));
    for (name, args) in predicates {
        if let Some(set) = predicate_literals(name, args, &bound) {
            needed.push(set);
        }
    }
    let scope: BTreeSet<String> = outer.union(&bound).cloned().collect();
    for branches in alternations {
        let per_branch: Option<Vec<Vec<String>>> = branches
            .iter()
            .map(|branch| {
                sets_of(std::iter::once(branch), &scope, predicates)
                    .into_iter()
                    .filter(|set| !set.is_empty())
                    .min_by_key(Vec::len)
            })
            .collect();
        let mut union: Vec<String> = per_branch.unwrap_or_default().concat();
        union.sort();
        union.dedup();
        if !union.is_empty() {
            needed.push(union);
        }
    }
    needed
}

/// One token of a query's text (also read by `extract::matcher`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Open(char),
    Close(char),
    /// A string's text; None when it holds an escape this reader does not know.
    Str(Option<String>),
    Capture(String),
    /// `?` or `*` (`+` is read as a word).
    Quantifier(char),
    Word(String),
}

/// Where a field name is followed by a predicate instead of a node
/// (`scope: (#eq? …)`): tree-sitter's query compiler aborts the process on
/// that shape (an assertion in C), so it is refused before compiling.
pub fn field_before_predicate(query: &str) -> Option<std::ops::Range<usize>> {
    let tokens = tokenize(query);
    tokens
        .windows(3)
        .find_map(|w| match (&w[0].0, &w[1].0, &w[2].0) {
            (Token::Word(field), Token::Open('('), Token::Word(p))
                if field.ends_with(':') && p.starts_with('#') =>
            {
                Some(w[0].1.start..w[2].1.end)
            }
            _ => None,
        })
}

/// The tokens of a query with their byte ranges.
pub(crate) fn tokenize(query: &str) -> Vec<(Token, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut chars = query.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let token = match c {
            ';' => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                None
            }
            '(' | '[' => Some(Token::Open(c)),
            ')' | ']' => Some(Token::Close(c)),
            '?' | '*' => Some(Token::Quantifier(c)),
            '+' => Some(Token::Word("+".into())),
            '"' => {
                let mut text = Some(String::new());
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            let unescaped = match chars.next().map(|(_, c)| c) {
                                Some('n') => Some('\n'),
                                Some('t') => Some('\t'),
                                Some('r') => Some('\r'),
                                Some(c @ ('\\' | '"')) => Some(c),
                                _ => None,
                            };
                            match (unescaped, text.as_mut()) {
                                (Some(c), Some(t)) => t.push(c),
                                _ => text = None,
                            }
                        }
                        c => {
                            if let Some(t) = text.as_mut() {
                                t.push(c)
                            }
                        }
                    }
                }
                Some(Token::Str(text))
            }
            '@' => {
                let mut name = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_alphanumeric() || "_.-".contains(c) {
                        name.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                Some(Token::Capture(name))
            }
            c if c.is_whitespace() => None,
            c => {
                let mut word = c.to_string();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() || "()[]\";@".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                Some(Token::Word(word))
            }
        };
        if let Some(token) = token {
            let end = chars.peek().map_or(query.len(), |&(i, _)| i);
            out.push((token, start..end));
        }
    }
    out
}

/// One element of a pattern: a node, an alternation, a group, a string or
/// a predicate, with the captures and quantifier written after it.
#[derive(Debug)]
struct Item {
    kind: ItemKind,
    captures: Vec<String>,
    optional: bool,
}

#[derive(Debug)]
enum ItemKind {
    /// `(…)` and `[…]` (alternation: `true`).
    Group(Vec<Item>, bool),
    Predicate(String, Vec<Token>),
    Str(Option<String>),
    Other,
}

fn parse_item(tokens: &[Token], pos: &mut usize) -> Option<Item> {
    let kind = match tokens.get(*pos)? {
        Token::Open(open) => {
            *pos += 1;
            if let (Some(Token::Word(w)), '(') = (tokens.get(*pos), open) {
                if w.starts_with('#') {
                    let name = w.clone();
                    *pos += 1;
                    let mut args = Vec::new();
                    loop {
                        match tokens.get(*pos)? {
                            Token::Close(_) => break,
                            t => args.push(t.clone()),
                        }
                        *pos += 1;
                    }
                    *pos += 1;
                    return Some(Item {
                        kind: ItemKind::Predicate(name, args),
                        captures: Vec::new(),
                        optional: false,
                    });
                }
            }
            let mut children = Vec::new();
            loop {
                match tokens.get(*pos)? {
                    Token::Close(_) => {
                        *pos += 1;
                        break;
                    }
                    _ => children.push(parse_item(tokens, pos)?),
                }
            }
            ItemKind::Group(children, *open == '[')
        }
        Token::Str(text) => {
            *pos += 1;
            ItemKind::Str(text.clone())
        }
        Token::Close(_) => return None,
        _ => {
            *pos += 1;
            ItemKind::Other
        }
    };
    let mut item = Item {
        kind,
        captures: Vec::new(),
        optional: false,
    };
    loop {
        match tokens.get(*pos) {
            Some(Token::Quantifier(_)) => item.optional = true,
            Some(Token::Word(w)) if w == "+" => {}
            Some(Token::Capture(name)) => item.captures.push(name.clone()),
            _ => break,
        }
        *pos += 1;
    }
    Some(item)
}

/// Captures and anonymous-node strings the pattern always binds, and the
/// branches of each alternation it always matches.
fn collect_mandatory<'a>(
    item: &'a Item,
    optional: bool,
    captures: &mut BTreeSet<String>,
    needed: &mut Vec<Vec<String>>,
    alternations: &mut Vec<&'a [Item]>,
) {
    let optional = optional || item.optional;
    if !optional {
        captures.extend(item.captures.iter().cloned());
    }
    match &item.kind {
        ItemKind::Group(children, true) if !optional => alternations.push(children),
        ItemKind::Group(children, alternation) => {
            for child in children {
                collect_mandatory(
                    child,
                    optional || *alternation,
                    captures,
                    needed,
                    alternations,
                );
            }
        }
        ItemKind::Str(Some(text)) if !optional && !text.is_empty() => {
            needed.push(vec![text.clone()])
        }
        _ => {}
    }
}

fn collect_predicates(item: &Item, out: &mut Vec<(String, Vec<Token>)>) {
    match &item.kind {
        ItemKind::Predicate(name, args) => out.push((name.clone(), args.clone())),
        ItemKind::Group(children, _) => {
            for child in children {
                collect_predicates(child, out);
            }
        }
        _ => {}
    }
}

/// `#eq? @c "x"`, `#any-of? @c "x" "y"` and `#match? @c "re"` on a capture
/// always bound: the literals one of which must occur (for a regex, the
/// prefixes every match starts with, when they are finitely many).
fn predicate_literals(
    name: &str,
    args: &[Token],
    always: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let (Token::Capture(capture), rest) = args.split_first()? else {
        return None;
    };
    if !always.contains(capture) || rest.is_empty() {
        return None;
    }
    let strings: Vec<&str> = rest
        .iter()
        .map(|t| match t {
            Token::Str(Some(text)) if !text.is_empty() => Some(text.as_str()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    match (name, strings.as_slice()) {
        ("#eq?", [literal]) => Some(vec![literal.to_string()]),
        ("#any-of?", literals) => Some(literals.iter().map(|l| l.to_string()).collect()),
        ("#match?", [regex]) => regex_prefixes(regex),
        _ => None,
    }
}

/// The literals every match of `regex` starts with; None when any text may
/// start a match (or the regex does not parse: the compiler says so).
fn regex_prefixes(regex: &str) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(regex).ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() {
        return None;
    }
    literals
        .iter()
        .map(|l| {
            std::str::from_utf8(l.as_bytes())
                .ok()
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requirement(query: &str) -> Requirement {
        Requirement::of(patterns(query).as_deref())
    }

    fn sets(query: &str) -> Vec<Vec<Vec<String>>> {
        requirement(query).patterns
    }

    #[test]
    fn eq_and_any_of_on_bound_captures_are_required() {
        let q = r#"
; a comment with "quotes" and (parens)
(call
  function: (attribute object: (identifier) @_m attribute: (identifier) @_f)
  (#eq? @_m "time")
  (#any-of? @_f "sleep" "wait")) @hit
"#;
        assert_eq!(
            sets(q),
            vec![vec![
                vec!["time".to_string()],
                vec!["sleep".to_string(), "wait".to_string()]
            ]]
        );
        let r = requirement(q);
        assert!(r.is_met(|l| l == "time" || l == "wait"));
        assert!(!r.is_met(|l| l == "sleep"));
    }

    #[test]
    fn optional_and_alternative_captures_require_nothing() {
        // A predicate on a capture that may be absent passes in tree-sitter.
        for q in [
            r#"(call function: (identifier) @f (#eq? @f "x"))? @hit"#,
            r#"(call [(identifier) @f (attribute)] (#eq? @f "x")) @hit"#,
            r#"(call (comment)* @f (#eq? @f "x")) @hit"#,
            r#"(call (identifier) @f (#not-eq? @f "x")) @hit"#,
            r#"(call (identifier) @f (#match? @f "^[a-z]+$")) @hit"#,
            r#"(call (identifier) @f (#match? @f "x|")) @hit"#,
            r#"(call (identifier) @f (identifier) @g (#eq? @f @g)) @hit"#,
        ] {
            let r = requirement(q);
            assert!(r.is_met(|_| false), "{q}: {r:?}");
        }
    }

    #[test]
    fn an_alternation_needs_one_literal_of_its_branches() {
        // Each branch binds its own capture: one of them matches, with its literal.
        let q = r#"(call function: [
  (identifier) @f
  (member_expression object: (identifier) @o property: (property_identifier) @p)
  "await"
] (#eq? @f "connect") (#eq? @o "db") (#any-of? @p "open" "connect")) @hit"#;
        let r = requirement(q);
        assert_eq!(
            sets(q),
            vec![vec![vec![
                "await".to_string(),
                "connect".to_string(),
                "db".to_string()
            ]]]
        );
        assert!(r.is_met(|l| l == "connect"));
        assert!(r.is_met(|l| l == "await"));
        assert!(!r.is_met(|l| l == "open"));
        // A capture bound outside is required once, outside; a nested
        // alternation with a branch that needs nothing needs nothing.
        let q = r#"(call (identifier) @f [(string) @s [(integer) (identifier) @i]]
  (#eq? @f "log") (#eq? @s "x") (#eq? @i "y")) @hit"#;
        assert_eq!(sets(q), vec![vec![vec!["log".to_string()]]]);
        // An optional alternation needs nothing.
        let q = r#"(call [(identifier) @f (string) @s]? (#eq? @f "a") (#eq? @s "b")) @hit"#;
        assert!(requirement(q).is_met(|_| false));
    }

    #[test]
    fn regexes_require_the_prefixes_of_their_matches() {
        let q = r#"(call function: (_) @fn (#match? @fn "^((time|asyncio)\\.)?sleep$")) @hit"#;
        let r = requirement(q);
        assert!(r.is_met(|l| l == "sleep"));
        assert!(r.is_met(|l| l == "time.sleep"));
        assert!(!r.is_met(|l| l == "time"));
        // Unanchored: the match may start anywhere, still with its prefix.
        let r = requirement(r#"((identifier) @f (#match? @f "(Redis|Memcache)Store"))"#);
        assert!(r.is_met(|l| l == "MemcacheStore"));
        assert!(!r.is_met(|l| l == "Store"));
    }

    #[test]
    fn any_pattern_of_a_rule_may_match() {
        let q = r#"
(call (identifier) @f (#eq? @f "open")) @hit
(with_statement "with" (identifier) @g (#eq? @g "lock")) @hit
"#;
        let r = requirement(q);
        assert!(r.is_met(|l| l == "open"));
        assert!(r.is_met(|l| l == "with" || l == "lock"));
        assert!(!r.is_met(|l| l == "lock"));
        assert!(!r.is_met(|_| false));
    }

    #[test]
    fn escapes_are_read_and_unknown_ones_require_nothing() {
        assert_eq!(
            sets(r#"(string) @s (#eq? @s "a\"b\\c")"#),
            vec![vec![vec!["a\"b\\c".to_string()]]]
        );
        assert!(requirement(r#"(string) @s (#eq? @s "\u{41}")"#).is_met(|_| false));
    }

    #[test]
    fn patterns_are_cut_at_their_text_with_their_predicates() {
        let q = "; first\n(call (identifier) @f) @hit\n\n((string) @s)\n(#eq? @s \"x\")\n";
        let p = patterns(q).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(&q[p[0].0.clone()], "(call (identifier) @f) @hit");
        assert_eq!(&q[p[1].0.clone()], "((string) @s)\n(#eq? @s \"x\")");
        assert_eq!(p[1].1, vec![vec!["x".to_string()]]);
    }

    #[test]
    fn a_field_before_a_predicate_is_found() {
        let q = "(call\n  scope: (#set! route.method \"GET\"))";
        assert_eq!(
            field_before_predicate(q).map(|r| &q[r]),
            Some("scope: (#set!")
        );
        assert_eq!(
            field_before_predicate("(call scope: (name) (#eq? @a \"x\"))"),
            None
        );
    }

    #[test]
    fn a_pattern_without_literals_is_always_needed() {
        let r = requirement("(call (identifier) @f) @hit\n(x (#eq? @y \"z\")) @hit");
        assert!(r.is_met(|_| false));
        // Unbalanced text: not understood, so nothing is required.
        assert!(requirement("(call (identifier) @f").is_met(|_| false));
    }

    #[test]
    fn every_builtin_rule_yields_a_requirement_its_own_fixture_meets() {
        let rules = crate::rules::RuleSet::builtin().unwrap();
        for (path, text) in crate::embedded::BUILTIN_RULE_FILES {
            if path.ends_with(".toml") {
                continue;
            }
            let stem = path.rsplit_once('.').map_or(*path, |(s, _)| s);
            for rule in rules.rules.iter().filter(|r| {
                r.source
                    .path
                    .to_string_lossy()
                    .strip_suffix(".toml")
                    .is_some_and(|s| s == stem)
            }) {
                let r = requirement(&rule.query);
                assert!(
                    r.is_met(|l| text.contains(l)),
                    "{}: fixture {path} lacks every literal of {:?}",
                    rule.id,
                    r.patterns
                );
            }
        }
    }
}
