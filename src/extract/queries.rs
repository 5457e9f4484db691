//! Compiles, once per scan, one query per language that holds the
//! structural patterns (`grammars/<dir>/*.scm`) and every applicable rule, so
//! each file is walked once: each pattern the native matcher takes compiled
//! from its own text, the others (and every pattern of a language without
//! `native_matcher`) by tree-sitter's query compiler for its cursor, both
//! numbered in one table of patterns and captures. The rules that can match
//! in few of the scan's files (`prefilter`) go to a second query, walked only
//! over the files whose text holds their literals.

use super::inner_start::{self, Enclosing};
use super::matcher::{self, NativeQuery, Pattern};
use crate::embedded;
use crate::lang::Lang;
use crate::prefilter::LiteralGate;
use crate::rules::literals::PatternLiterals;
use crate::rules::{RuleError, RuleSet};
use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;
use tree_sitter::{Query, QueryProperty};

/// The structural query files, in the order they are concatenated.
pub const STRUCTURE_FILES: &[&str] = &[
    "defs.scm",
    "calls.scm",
    "imports.scm",
    "routes.scm",
    "entries.scm",
];

/// Who owns a pattern of the combined query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternOwner {
    Structure,
    Rule(usize),
}

/// The queries of one language: the combined one, and the rare rules'.
pub struct LangQueries {
    pub lang: Lang,
    pub combined: PatternQuery,
    /// The rules rare in the scan's files, walked only over the files
    /// `LiteralGate` admits.
    pub rare: Option<(PatternQuery, LiteralGate)>,
}

/// One language's compiled patterns and what they are: each pattern is
/// matched by the native matcher when it takes it, else by tree-sitter's
/// query cursor; both number patterns and captures as this table does.
pub struct PatternQuery {
    /// The names of the captures, by index.
    pub capture_names: Vec<String>,
    pub owners: Vec<PatternOwner>,
    /// Per pattern, the outer nodes it no longer matches itself when it
    /// was rewritten to start at its inner node (`inner_start`), the inner
    /// node's parent first: its matches hold only where the
    /// `START_CAPTURE` node is enclosed so. Empty for a pattern as written.
    pub enclosing: Vec<Vec<Enclosing>>,
    /// Per pattern, its `#set!` properties.
    pub properties: Vec<Vec<QueryProperty>>,
    /// The index of `START_CAPTURE`, when a pattern was rewritten.
    pub start_capture: Option<u32>,
    /// For a language with `native_matcher`: the patterns the native
    /// matcher takes.
    pub native: Option<NativeQuery>,
    /// The patterns left to the query cursor, when there are any.
    pub cursor: Option<CursorQuery>,
}

/// The patterns the native matcher does not take, compiled by tree-sitter.
pub struct CursorQuery {
    pub query: Query,
    /// Per pattern of `query`, its index in the `PatternQuery`.
    pub patterns: Vec<usize>,
    /// Per capture of `query`, its index in the `PatternQuery`.
    pub captures: Vec<u32>,
}

impl PatternQuery {
    /// How many patterns there are, native and cursor's.
    pub fn pattern_count(&self) -> usize {
        self.owners.len()
    }
}

#[derive(Debug, Error, Diagnostic)]
#[error("bad structural query grammars/{dir}/{file} for {language}: {message}")]
#[diagnostic(code(carve::grammar::query))]
pub struct GrammarError {
    pub dir: String,
    pub file: String,
    pub language: String,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("here")]
    pub span: SourceSpan,
}

#[derive(Debug, Error, Diagnostic)]
pub enum QueryBuildError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Grammar(#[from] Box<GrammarError>),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rule(#[from] RuleError),
}

/// Whether to compile a structural pattern of a language that needs these
/// literal sets (see `rules::literals`).
pub type KeepPattern<'a> = dyn Fn(Lang, &[Vec<String>]) -> bool + Sync + 'a;

/// Per language, which rules (by index) are rare in the scan's files.
pub type RareRules<'a> = dyn Fn(Lang) -> Vec<bool> + Sync + 'a;

/// All languages' compiled queries for one rule set.
pub struct CompiledQueries {
    pub by_lang: Vec<LangQueries>,
}

impl CompiledQueries {
    /// Compiles the queries of the given languages only (those a scan met),
    /// in parallel: compiling a big query costs as much as parsing a file.
    pub fn compile_for(
        rules: &RuleSet,
        langs: &[Lang],
    ) -> Result<CompiledQueries, QueryBuildError> {
        Self::compile_active(
            rules,
            langs,
            &vec![true; rules.rules.len()],
            &|_, _| true,
            &|_| Vec::new(),
        )
    }

    /// The same with only the rules `active` marks and the structural
    /// patterns `keep` accepts, given their language and the literal sets
    /// they need (see `prefilter`); the rules `rare` marks in a second
    /// query.
    pub fn compile_active(
        rules: &RuleSet,
        langs: &[Lang],
        active: &[bool],
        keep: &KeepPattern<'_>,
        rare: &RareRules<'_>,
    ) -> Result<CompiledQueries, QueryBuildError> {
        use rayon::prelude::*;
        let mut wanted: Vec<Lang> = langs.to_vec();
        wanted.sort();
        wanted.dedup();
        let by_lang = wanted
            .par_iter()
            .map(|&lang| compile_lang(lang, rules, active, keep, &rare(lang)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompiledQueries { by_lang })
    }

    /// The queries of `lang`; None when it was not compiled.
    pub fn for_lang(&self, lang: Lang) -> Option<&LangQueries> {
        self.by_lang.iter().find(|q| q.lang == lang)
    }
}

/// The patterns of a structural query file `keep` accepts (the whole file
/// when its patterns cannot be told apart).
fn kept_patterns(
    lang: Lang,
    (part, patterns): (&'static str, Option<&[PatternLiterals]>),
    keep: &KeepPattern<'_>,
) -> Vec<&'static str> {
    match patterns {
        Some(patterns) => patterns
            .iter()
            .filter(|(_, sets)| keep(lang, sets))
            .map(|(span, _)| &part[span.clone()])
            .collect(),
        None => vec![part],
    }
}

/// The text of one structural query file of `lang` (over its query
/// folders), with the patterns `keep` accepts: what `carve bench --queries`
/// compiles and runs alone.
pub fn structure_text(lang: Lang, file: &str, keep: &KeepPattern<'_>) -> String {
    let mut text = String::new();
    for dir in lang.query_dirs() {
        if let Some(read) = embedded::grammar_patterns(dir, file) {
            for pattern in kept_patterns(lang, read, keep) {
                text.push_str(pattern);
                text.push('\n');
            }
        }
    }
    text
}

/// The text of the rules of `lang` that `active` marks.
pub fn rules_text(lang: Lang, rules: &RuleSet, active: &[bool]) -> String {
    applicable_rules(lang, rules, active)
        .map(|i| format!("{}\n", rules.rules[i].query))
        .collect()
}

/// The indices of the rules of `lang` that `active` marks.
pub fn applicable_rules<'r>(
    lang: Lang,
    rules: &'r RuleSet,
    active: &'r [bool],
) -> impl Iterator<Item = usize> + 'r {
    (0..rules.rules.len()).filter(move |&i| {
        rules.rules[i].applies_to(lang)
            && rules.rules[i].settings.is_none()
            && active.get(i).copied().unwrap_or(true)
    })
}

/// The text of one query being built: its patterns (each rewritten where
/// `PatternWriter` does), and where each part starts, who owns it and the
/// outer nodes it no longer matches when rewritten.
struct QueryText<'w, 'g> {
    writer: &'w PatternWriter<'g>,
    text: String,
    parts: Vec<(usize, PatternOwner, Vec<Enclosing>)>,
}

impl<'w, 'g> QueryText<'w, 'g> {
    fn new(writer: &'w PatternWriter<'g>) -> Self {
        QueryText {
            writer,
            text: String::new(),
            parts: Vec::new(),
        }
    }

    fn push(&mut self, pattern: &str, owner: PatternOwner) {
        let rewritten = self.writer.write(pattern);
        self.parts.push((
            self.text.len(),
            owner,
            rewritten
                .as_ref()
                .map(|r| r.enclosing.clone())
                .unwrap_or_default(),
        ));
        self.text
            .push_str(rewritten.as_ref().map_or(pattern, |r| r.text.as_str()));
        self.text.push('\n');
    }

    /// Each pattern of a rule (the whole query when its patterns cannot be
    /// told apart).
    fn push_rule(&mut self, rules: &RuleSet, rule_idx: usize) {
        let rule = &rules.rules[rule_idx];
        match rule.literal_patterns() {
            Some(patterns) => {
                for (span, _) in patterns {
                    self.push(&rule.query[span.clone()], PatternOwner::Rule(rule_idx));
                }
            }
            None => self.push(&rule.query, PatternOwner::Rule(rule_idx)),
        }
    }

    /// The patterns compiled: each the native matcher takes from its own
    /// text (with `native`), the others by tree-sitter's query compiler in
    /// one query. None when that query does not compile.
    fn compile(self, grammar: &tree_sitter::Language, native: bool) -> Option<PatternQuery> {
        let mut names: Vec<String> = Vec::new();
        let mut intern = |name: &str| -> u32 {
            match names.iter().position(|n| n == name) {
                Some(at) => at as u32,
                None => {
                    names.push(name.to_string());
                    (names.len() - 1) as u32
                }
            }
        };
        let ends = self.parts.iter().skip(1).map(|(start, _, _)| *start);
        let ends = ends.chain([self.text.len()]);
        // Per part: the native pattern, or where its text starts among
        // those left to the cursor.
        let mut cursor_text = String::new();
        let mut compiled: Vec<Result<Pattern, (String, usize)>> = Vec::new();
        for ((start, _, _), end) in self.parts.iter().zip(ends) {
            let text = &self.text[*start..end];
            let pattern = match native {
                true => matcher::compile(text, grammar, &mut |name| Some(intern(name))),
                false => Err("the language's native matcher is off".to_string()),
            };
            compiled.push(pattern.map_err(|why| {
                cursor_text.push_str(text);
                (why, cursor_text.len())
            }));
        }
        let cursor = match cursor_text.trim().is_empty() {
            true => None,
            false => Some(Query::new(grammar, &cursor_text).ok()?),
        };
        let mut cursor_captures: Vec<u32> = Vec::new();
        for name in cursor.iter().flat_map(Query::capture_names) {
            cursor_captures.push(intern(name));
        }
        let mut table = PatternQuery {
            capture_names: Vec::new(),
            owners: Vec::new(),
            enclosing: Vec::new(),
            properties: Vec::new(),
            start_capture: None,
            native: None,
            cursor: None,
        };
        let mut natives: Vec<Result<Pattern, String>> = Vec::new();
        let mut cursor_patterns: Vec<usize> = Vec::new();
        for ((_, owner, enclosing), pattern) in self.parts.iter().zip(compiled) {
            // Each pattern of the part: its properties and how it is matched.
            let mut rows: Vec<(Vec<QueryProperty>, Result<Pattern, String>)> = Vec::new();
            match (pattern, &cursor) {
                (Ok(mut pattern), _) => {
                    pattern.enclosed_by = enclosing_kinds(grammar, enclosing);
                    rows.push((std::mem::take(&mut pattern.properties), Ok(pattern)))
                }
                (Err((why, end)), Some(query)) => {
                    // The part's patterns in the cursor's query.
                    let mut at = cursor_patterns.len();
                    while at < query.pattern_count() && query.start_byte_for_pattern(at) < end {
                        let properties = query
                            .property_settings(at)
                            .iter()
                            .map(|p| {
                                let capture = p.capture_id.map(|c| cursor_captures[c] as usize);
                                QueryProperty::new(&p.key, p.value.as_deref(), capture)
                            })
                            .collect();
                        cursor_patterns.push(natives.len() + rows.len());
                        rows.push((properties, Err(why.clone())));
                        at += 1;
                    }
                }
                (Err(_), None) => {}
            }
            for (properties, pattern) in rows {
                table.owners.push(*owner);
                table.enclosing.push(enclosing.clone());
                table.properties.push(properties);
                natives.push(pattern);
            }
        }
        table.start_capture = names
            .iter()
            .position(|n| n == inner_start::START_CAPTURE)
            .map(|at| at as u32);
        table.native = natives
            .iter()
            .any(Result::is_ok)
            .then(|| NativeQuery::from_patterns(grammar, natives));
        table.cursor = cursor.map(|query| CursorQuery {
            query,
            patterns: cursor_patterns,
            captures: cursor_captures,
        });
        table.capture_names = names;
        Some(table)
    }
}

/// The kind ids of a rewritten pattern's outer nodes, the parent first
/// (empty when one is not a kind of the grammar: then none is checked).
fn enclosing_kinds(grammar: &tree_sitter::Language, enclosing: &[Enclosing]) -> Vec<u16> {
    let kinds: Vec<u16> = enclosing
        .iter()
        .map(|outer| grammar.id_for_node_kind(&outer.kind, true))
        .collect();
    match kinds.contains(&0) {
        true => Vec::new(),
        false => kinds,
    }
}

fn compile_lang(
    lang: Lang,
    rules: &RuleSet,
    active: &[bool],
    keep: &KeepPattern<'_>,
    rare: &[bool],
) -> Result<LangQueries, QueryBuildError> {
    let grammar = lang.grammar();
    let writer = PatternWriter::new(&grammar);
    let mut combined = QueryText::new(&writer);
    let mut structure_files: Vec<(&str, &str, &str)> = Vec::new();
    for dir in lang.query_dirs() {
        for file in STRUCTURE_FILES {
            if let Some(read) = embedded::grammar_patterns(dir, file) {
                structure_files.push((dir, file, read.0));
                for pattern in kept_patterns(lang, read, keep) {
                    combined.push(pattern, PatternOwner::Structure);
                }
            }
        }
    }
    let applicable: Vec<usize> = applicable_rules(lang, rules, active).collect();
    // A user's rule goes through tree-sitter's query compiler, alone, so a
    // wrong pattern is an error at its line even where the native
    // matcher's compiler would take it (a field the node never has); the
    // built-in patterns are checked by a test, and a rule vetted in a
    // worker was compiled there already.
    for &rule_idx in &applicable {
        let rule = &rules.rules[rule_idx];
        if !rule.source.builtin && !rule.source.vetted {
            if let Err(err) = Query::new(&grammar, &rule.query) {
                return Err(rule.query_error(lang, &err).into());
            }
        }
    }
    let (rare_rules, common): (Vec<usize>, Vec<usize>) = applicable
        .iter()
        .partition(|&&i| rare.get(i).copied().unwrap_or(false));
    for &rule_idx in &common {
        combined.push_rule(rules, rule_idx);
    }
    let rare_query = (!rare_rules.is_empty()).then(|| {
        let mut text = QueryText::new(&writer);
        for &rule_idx in &rare_rules {
            text.push_rule(rules, rule_idx);
        }
        let gate = LiteralGate::new(
            rare_rules
                .iter()
                .map(|&i| rules.rules[i].requirement())
                .collect(),
        );
        text.compile(&grammar, lang.native_matcher())
            .map(|query| (query, gate))
    });
    let combined_text = combined.text.clone();
    match (
        combined.compile(&grammar, lang.native_matcher()),
        rare_query,
    ) {
        (Some(combined), None) => Ok(LangQueries {
            lang,
            combined,
            rare: None,
        }),
        (Some(combined), Some(Some(rare))) => Ok(LangQueries {
            lang,
            combined,
            rare: Some(rare),
        }),
        _ => {
            // Compile the parts alone to point at the one that is wrong.
            for (dir, file, part) in structure_files {
                if let Err(err) = Query::new(&grammar, part) {
                    return Err(Box::new(GrammarError {
                        dir: dir.to_string(),
                        file: file.to_string(),
                        language: lang.name().to_string(),
                        message: crate::rules::describe_query_error(&err),
                        src: NamedSource::new(format!("grammars/{dir}/{file}"), part.to_string()),
                        span: SourceSpan::from(err.offset..err.offset),
                    })
                    .into());
                }
            }
            for &rule_idx in &applicable {
                let rule = &rules.rules[rule_idx];
                if let Err(err) = Query::new(&grammar, &rule.query) {
                    return Err(rule.query_error(lang, &err).into());
                }
            }
            Err(Box::new(GrammarError {
                dir: lang.query_dirs().join("+"),
                file: "(combined)".into(),
                language: lang.name().to_string(),
                message: "the query parts compile alone but not together".into(),
                src: NamedSource::new("combined query", combined_text),
                span: SourceSpan::from(0..0),
            })
            .into())
        }
    }
}

/// Writes the patterns of one language's combined query: each rewritten
/// to start at its inner node where that keeps its matches
/// (`inner_start`).
pub struct PatternWriter<'g> {
    grammar: &'g tree_sitter::Language,
    /// The kind of the root node of every tree (`module`, `program`,
    /// `source_file`), read from the tree of an empty text.
    root_kind: Option<String>,
}

impl<'g> PatternWriter<'g> {
    pub fn new(grammar: &'g tree_sitter::Language) -> Self {
        let mut parser = tree_sitter::Parser::new();
        let root_kind = parser
            .set_language(grammar)
            .ok()
            .and_then(|_| parser.parse("", None))
            .map(|tree| tree.root_node().kind().to_string());
        PatternWriter { grammar, root_kind }
    }

    /// `pattern` (one top-level pattern) rewritten; None when it is
    /// compiled as written.
    pub fn write(&self, pattern: &str) -> Option<inner_start::Rewrite> {
        let root = self.root_kind.as_deref()?;
        inner_start::rewrite(pattern, &|kind| self.is_plain_kind(kind), root)
    }

    /// `text` (whole query files) with every pattern as the combined query
    /// writes it.
    pub fn write_all(&self, text: &str) -> String {
        match crate::rules::literals::patterns(text) {
            Some(patterns) => patterns
                .into_iter()
                .map(|(span, _)| {
                    let pattern = &text[span];
                    let written = self.write(pattern);
                    format!(
                        "{}\n",
                        written.as_ref().map_or(pattern, |r| r.text.as_str())
                    )
                })
                .collect(),
            None => text.to_string(),
        }
    }

    /// Whether `kind` names visible nodes of the grammar, not a supertype.
    fn is_plain_kind(&self, kind: &str) -> bool {
        let id = self.grammar.id_for_node_kind(kind, true);
        kind != "ERROR"
            && id != 0
            && self.grammar.node_kind_is_visible(id)
            && !self.grammar.node_kind_is_supertype(id)
    }
}

/// The source files of the samples and the rules' fixtures in `lang`, for
/// tests that compare walks of the scan's patterns.
#[cfg(test)]
pub(crate) fn sample_sources(lang: Lang) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![root.join("samples"), root.join("rules")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if Lang::from_path(&path) == Some(lang) {
                out.extend(std::fs::read_to_string(&path).ok());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use tree_sitter::{QueryCursor, StreamingIterator};

    use super::sample_sources as sources;

    /// One match: its captures' (name, start, end, kind), sorted.
    type Match = Vec<(String, usize, usize, String)>;

    /// Per pattern, its matches over `trees`, the rewrite's capture checked
    /// and left out.
    fn matches(
        query: &Query,
        enclosing: &[Vec<Enclosing>],
        trees: &[(tree_sitter::Tree, &String)],
    ) -> Vec<BTreeSet<Match>> {
        let start = query.capture_index_for_name(inner_start::START_CAPTURE);
        let mut out = vec![BTreeSet::new(); query.pattern_count()];
        for (tree, text) in trees {
            let root = tree.root_node();
            let mut ancestry = crate::extract::ancestry::Ancestry::default();
            let mut cursor = QueryCursor::new();
            let mut it = cursor.matches(query, root, text.as_bytes());
            while let Some(m) = it.next() {
                let outer = &enclosing[m.pattern_index];
                let mut caps: Vec<_> = Vec::new();
                if !outer.is_empty() {
                    let Some(inner) = m.captures().iter().find(|c| Some(c.index) == start) else {
                        continue;
                    };
                    let path = ancestry.of(root, inner.node);
                    if !inner_start::is_enclosed(outer, path, inner.node) {
                        continue;
                    }
                    for (name, node) in inner_start::outer_captures(outer, path) {
                        let (start, end) = (node.start_byte(), node.end_byte());
                        caps.push((name.to_string(), start, end, node.kind().to_string()));
                    }
                }
                caps.extend(
                    m.captures()
                        .iter()
                        .filter(|c| Some(c.index) != start)
                        .map(|c| {
                            let name = query.capture_names()[c.index as usize].to_string();
                            (
                                name,
                                c.node.start_byte(),
                                c.node.end_byte(),
                                c.node.kind().to_string(),
                            )
                        }),
                );
                caps.sort();
                out[m.pattern_index].insert(caps);
            }
        }
        out
    }

    #[test]
    fn rare_rules_walked_apart_give_the_facts_of_one_walk() {
        let rules = RuleSet::builtin().unwrap();
        let all = vec![true; rules.rules.len()];
        let mut parser = tree_sitter::Parser::new();
        let mut rare_total = 0;
        for lang in Lang::all() {
            let compile = |rare: bool| {
                CompiledQueries::compile_active(&rules, &[lang], &all, &|_, _| true, &|_| {
                    vec![rare; rules.rules.len()]
                })
                .unwrap()
            };
            let (one, apart) = (compile(false), compile(true));
            let (one, apart) = (one.for_lang(lang).unwrap(), apart.for_lang(lang).unwrap());
            assert!(one.rare.is_none());
            rare_total += usize::from(apart.rare.is_some());
            for source in sources(lang) {
                let mut facts = |queries| {
                    let facts = crate::extract::extract_file(
                        &mut parser,
                        "app/x",
                        lang,
                        &source,
                        queries,
                        &rules,
                    )
                    .unwrap();
                    serde_json::to_string(&facts).unwrap()
                };
                let (once, twice) = (facts(one), facts(apart));
                assert_eq!(once, twice, "{}: {source}", lang.name());
            }
        }
        assert!(rare_total > 0);
    }

    #[test]
    fn rewritten_patterns_match_what_they_matched_as_written() {
        let rules = RuleSet::builtin().unwrap();
        let mut rewritten_total = 0;
        for lang in Lang::all() {
            let grammar = lang.grammar();
            let writer = PatternWriter::new(&grammar);
            let mut patterns: Vec<String> = Vec::new();
            for file in STRUCTURE_FILES {
                patterns.push(structure_text(lang, file, &|_, _| true));
            }
            patterns.push(rules_text(lang, &rules, &vec![true; rules.rules.len()]));
            let (mut written, mut compiled) = (String::new(), String::new());
            let (mut enclosing, mut shown) = (Vec::new(), Vec::new());
            for text in &patterns {
                for (span, _) in crate::rules::literals::patterns(text).unwrap_or_default() {
                    let pattern = &text[span];
                    if let Some(rewrite) = writer.write(pattern) {
                        written.push_str(pattern);
                        written.push('\n');
                        compiled.push_str(&rewrite.text);
                        compiled.push('\n');
                        enclosing.push(rewrite.enclosing);
                        shown.push(rewrite.text);
                    }
                }
            }
            if enclosing.is_empty() {
                continue;
            }
            rewritten_total += enclosing.len();
            let sources = sources(lang);
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&grammar).unwrap();
            let trees: Vec<_> = sources
                .iter()
                .filter_map(|s| parser.parse(s, None).map(|t| (t, s)))
                .collect();
            let before = Query::new(&grammar, &written).unwrap();
            let after = Query::new(&grammar, &compiled).unwrap();
            assert_eq!(before.pattern_count(), after.pattern_count());
            let none = vec![Vec::new(); before.pattern_count()];
            let (before, after) = (
                matches(&before, &none, &trees),
                matches(&after, &enclosing, &trees),
            );
            for (i, (b, a)) in before.iter().zip(&after).enumerate() {
                assert_eq!(b, a, "{}: {}", lang.name(), shown[i]);
            }
        }
        assert!(rewritten_total > 0);
    }

    /// Every built-in pattern of `lang` as the scan's combined query
    /// writes it, in its order.
    fn builtin_text(lang: Lang, rules: &RuleSet) -> String {
        let grammar = lang.grammar();
        let writer = PatternWriter::new(&grammar);
        let mut text = String::new();
        for dir in lang.query_dirs() {
            for file in STRUCTURE_FILES {
                if let Some(part) = embedded::grammar_file(dir, file) {
                    text.push_str(&writer.write_all(part));
                }
            }
        }
        for i in applicable_rules(lang, rules, &vec![true; rules.rules.len()]) {
            text.push_str(&writer.write_all(&rules.rules[i].query));
        }
        text
    }

    #[test]
    fn every_builtin_pattern_compiles_with_tree_sitters_query_compiler() {
        // The scan compiles the patterns the native matcher takes from
        // their own text, without tree-sitter's compiler: this is the check
        // that each built-in one is a right pattern for its grammar.
        let rules = RuleSet::builtin().unwrap();
        for lang in Lang::all() {
            let text = builtin_text(lang, &rules);
            if let Err(err) = Query::new(&lang.grammar(), &text) {
                let line = text.lines().nth(err.row).unwrap_or_default();
                let why = crate::rules::describe_query_error(&err);
                panic!("{}: {why}\n  at: {line}", lang.name());
            }
        }
    }

    #[test]
    fn the_scans_pattern_table_numbers_patterns_and_properties_as_tree_sitter() {
        let rules = RuleSet::builtin().unwrap();
        let mut native = 0;
        for lang in Lang::all() {
            let grammar = lang.grammar();
            let compiled = CompiledQueries::compile_for(&rules, &[lang]).unwrap();
            let table = &compiled.for_lang(lang).unwrap().combined;
            let query = Query::new(&grammar, &builtin_text(lang, &rules)).unwrap();
            assert_eq!(
                table.pattern_count(),
                query.pattern_count(),
                "{}",
                lang.name()
            );
            let property = |p: &QueryProperty| (p.key.to_string(), p.value.clone());
            for i in 0..query.pattern_count() {
                let want: Vec<_> = query.property_settings(i).iter().map(property).collect();
                let got: Vec<_> = table.properties[i].iter().map(property).collect();
                assert_eq!(got, want, "{} pattern {i}", lang.name());
            }
            let mut want: Vec<&str> = query.capture_names().to_vec();
            let mut got: Vec<&str> = table.capture_names.iter().map(String::as_str).collect();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{}", lang.name());
            let left = table.cursor.as_ref().map_or(0, |c| c.patterns.len());
            eprintln!("{}: {left} patterns left to the cursor", lang.name());
            native += table.pattern_count() - left;
        }
        assert!(native > 0);
    }

    #[test]
    fn a_users_rule_is_checked_by_tree_sitter() {
        // `name:` is no field of a Python call: the native compiler takes
        // the pattern (it would never match), tree-sitter refuses it.
        let mut rules = RuleSet::builtin().unwrap();
        let mut rule = rules.rules[0].clone();
        rule.languages = vec!["python".into()];
        rule.settings = None;
        rule.query = "(call name: (identifier) @call.name)".into();
        rule.source.builtin = false;
        rules.rules.push(rule);
        let python = Lang::by_name("python").unwrap();
        assert!(CompiledQueries::compile_for(&rules, &[python]).is_err());
        rules.rules.last_mut().unwrap().source.builtin = true;
        assert!(CompiledQueries::compile_for(&rules, &[python]).is_ok());
    }
}
