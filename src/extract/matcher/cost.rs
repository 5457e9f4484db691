//! `carve bench --native`: on the files of a scan held in memory, per
//! language, the query cursor's walk of the patterns the native matcher
//! supports against the native walk of the same patterns over the same
//! trees (best of N, one thread, as × the parse), and the census: patterns
//! supported of all, why the others are not, and the matches that differ
//! (there should be none).

use super::{Captures, NativeQuery};
use crate::extract::queries::{
    rules_text, structure_text, KeepPattern, PatternWriter, STRUCTURE_FILES,
};
use crate::lang::Lang;
use crate::query_cost::best;
use crate::rules::RuleSet;
use std::collections::BTreeMap;
use std::time::Duration;
use tree_sitter::{Parser, Query, QueryCursor, StreamingIterator, Tree};

/// One match as compared: pattern and captures (capture index, start, end,
/// kind), in the order given.
pub type MatchKey = (usize, Vec<(u32, usize, usize, u16)>);

/// The comparable form of one match.
pub fn match_key(pattern: usize, captures: &Captures<'_>) -> MatchKey {
    (
        pattern,
        captures
            .iter()
            .map(|(c, n)| (*c, n.start_byte(), n.end_byte(), n.kind_id()))
            .collect(),
    )
}

/// The cursor's matches of the patterns `native` supports and the native
/// matches, each sorted.
pub fn both_matches(
    query: &Query,
    native: &NativeQuery,
    tree: &Tree,
    text: &str,
) -> (Vec<MatchKey>, Vec<MatchKey>) {
    let mut cursor = QueryCursor::new();
    let mut it = cursor.matches(query, tree.root_node(), text.as_bytes());
    let mut expected = Vec::new();
    while let Some(m) = it.next() {
        if native.supports(m.pattern_index) {
            let caps: Captures = m.captures().iter().map(|c| (c.index, c.node)).collect();
            expected.push(match_key(m.pattern_index, &caps));
        }
    }
    let mut found = Vec::new();
    native.walk(
        &mut native.listing(tree.root_node(), text.as_bytes()),
        || std::ops::ControlFlow::Continue(()),
        |p, caps| {
            found.push(match_key(p, caps));
            std::ops::ControlFlow::Continue(())
        },
    );
    expected.sort();
    found.sort();
    (expected, found)
}

/// One language's figures.
pub struct NativeCost {
    pub lang: Lang,
    pub files: usize,
    pub parse: Duration,
    pub patterns: usize,
    pub supported: usize,
    /// Why the other patterns are not supported, with how many.
    pub unsupported: BTreeMap<String, usize>,
    /// The cursor walking the supported patterns: time, work (thousands
    /// of its units), matches.
    pub cursor: (Duration, u64, usize),
    /// The native walk of the same patterns: time, work (thousands of node
    /// tests), matches.
    pub native: (Duration, u64, usize),
    /// Matches one gives and the other not.
    pub differences: usize,
    /// The first few of them: which side lacks it, the pattern's first
    /// line, where.
    pub examples: Vec<String>,
}

/// How many differing matches `carve bench --native` shows per language.
const EXAMPLES_SHOWN: usize = 5;

/// Every pattern a scan of these files compiles for `lang` (the combined
/// and the rare query's), as the scan writes them.
pub fn scan_text(lang: Lang, rules: &RuleSet, active: &[bool], keep: &KeepPattern<'_>) -> String {
    let grammar = lang.grammar();
    let writer = PatternWriter::new(&grammar);
    let mut text = String::new();
    for file in STRUCTURE_FILES {
        text.push_str(&writer.write_all(&structure_text(lang, file, keep)));
    }
    text.push_str(&writer.write_all(&rules_text(lang, rules, active)));
    text
}

/// Measures every language of `sources`.
pub fn measure(
    sources: &[(Lang, &str)],
    rules: &RuleSet,
    active: &[bool],
    keep: &KeepPattern<'_>,
    iterations: usize,
) -> Vec<NativeCost> {
    crate::query_cost::by_language(sources)
        .into_iter()
        .filter_map(|(lang, texts)| {
            measure_lang(
                lang,
                &texts,
                &scan_text(lang, rules, active, keep),
                iterations,
            )
        })
        .collect()
}

fn measure_lang(lang: Lang, texts: &[&str], text: &str, iterations: usize) -> Option<NativeCost> {
    let grammar = lang.grammar();
    let mut parser = Parser::new();
    parser.set_language(&grammar).ok()?;
    let mut trees: Vec<Tree> = Vec::new();
    let parse = best(iterations, || {
        trees = texts.iter().filter_map(|t| parser.parse(t, None)).collect();
    });
    let query = Query::new(&grammar, text).ok()?;
    let native = NativeQuery::new(&grammar, &query, text, |_| true);
    let mut unsupported = BTreeMap::new();
    for (_, why) in native.unsupported() {
        *unsupported.entry(why.to_string()).or_insert(0) += 1;
    }
    let mut supported_only = Query::new(&grammar, text).ok()?;
    for i in 0..query.pattern_count() {
        if !native.supports(i) {
            supported_only.disable_pattern(i);
        }
    }
    let (mut differences, mut examples) = (0, Vec::new());
    for (tree, source) in trees.iter().zip(texts) {
        let (expected, found) = both_matches(&query, &native, tree, source);
        if expected == found {
            continue;
        }
        let missing = expected.iter().filter(|m| !found.contains(m));
        let extra = found.iter().filter(|m| !expected.contains(m));
        for (side, m) in missing
            .map(|m| ("native lacks", m))
            .chain(extra.map(|m| ("cursor lacks", m)))
        {
            differences += 1;
            if examples.len() < EXAMPLES_SHOWN {
                let start = query.start_byte_for_pattern(m.0);
                let first = text[start..].lines().next().unwrap_or_default();
                let at = m.1.first().map_or(0, |c| c.1);
                let line = source[..at.min(source.len())].lines().count();
                let head = source.lines().next().unwrap_or_default();
                examples.push(format!(
                    "{side} pattern {} `{first}` at line {line} of the file starting `{head}`: {:?}",
                    m.0, m.1
                ));
            }
        }
    }
    let (mut cursor_work, mut cursor_matches) = (0, 0);
    let cursor_time = best(iterations, || {
        (cursor_work, cursor_matches) = (0, 0);
        for (tree, text) in trees.iter().zip(texts) {
            let mut cursor = QueryCursor::new();
            let mut ticks = 0;
            let mut progress = |_: &tree_sitter::QueryCursorState| {
                ticks += 1;
                std::ops::ControlFlow::Continue(())
            };
            let options = tree_sitter::QueryCursorOptions::new().progress_callback(&mut progress);
            let mut matches = cursor.matches_with_options(
                &supported_only,
                tree.root_node(),
                text.as_bytes(),
                options,
            );
            while let Some(m) = matches.next() {
                cursor_matches += 1;
                for c in m.captures() {
                    std::hint::black_box(c.node.start_byte());
                }
            }
            drop(matches);
            cursor_work += ticks;
        }
    });
    let (mut native_work, mut native_matches) = (0, 0);
    let native_time = best(iterations, || {
        (native_work, native_matches) = (0, 0);
        for (tree, text) in trees.iter().zip(texts) {
            let (work, matches) = native.count(tree.root_node(), text.as_bytes());
            native_work += work;
            native_matches += matches;
        }
    });
    Some(NativeCost {
        lang,
        files: trees.len(),
        parse,
        patterns: query.pattern_count(),
        supported: (0..query.pattern_count())
            .filter(|&i| native.supports(i))
            .count(),
        unsupported,
        cursor: (cursor_time, cursor_work, cursor_matches),
        native: (native_time, native_work / 1000, native_matches),
        differences,
        examples,
    })
}

/// The table `carve bench --native` prints.
pub fn table(costs: &[NativeCost]) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut out = String::from(
        "language    files  parse ms  supported  cursor ms  ×parse  work k  matches  native ms  ×parse  work k  matches  differences\n",
    );
    let mut reasons = String::new();
    for c in costs {
        let parse = c.parse.as_secs_f64().max(1e-9);
        out.push_str(&format!(
            "{:<11} {:>5}  {:>8.1}  {:>9}  {:>9.1}  {:>6.2}  {:>6}  {:>7}  {:>9.1}  {:>6.2}  {:>6}  {:>7}  {:>11}\n",
            c.lang.name(),
            c.files,
            ms(c.parse),
            format!("{}/{}", c.supported, c.patterns),
            ms(c.cursor.0),
            c.cursor.0.as_secs_f64() / parse,
            c.cursor.1,
            c.cursor.2,
            ms(c.native.0),
            c.native.0.as_secs_f64() / parse,
            c.native.1,
            c.native.2,
            c.differences,
        ));
        for example in &c.examples {
            reasons.push_str(&format!("{:<11} {example}\n", c.lang.name()));
        }
        for (why, count) in &c.unsupported {
            reasons.push_str(&format!(
                "{:<11} unsupported: {why} ({count})\n",
                c.lang.name()
            ));
        }
    }
    out.push_str(&reasons);
    out
}
