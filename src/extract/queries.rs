//! Compiles, once per scan, one tree-sitter query per language that holds the
//! structural patterns (`grammars/<dir>/*.scm`) and every applicable rule, so
//! each file is walked by a single query cursor.

use crate::embedded;
use crate::lang::Lang;
use crate::rules::{RuleError, RuleSet};
use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;
use tree_sitter::Query;

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

/// The combined query of one language.
pub struct LangQueries {
    pub lang: Lang,
    pub query: Query,
    pub owners: Vec<PatternOwner>,
    /// Per pattern, whether it was anchored at the file's root and now
    /// starts at the child (`top_level`): its matches hold only where the
    /// `TOP_CAPTURE` node is a child of the root.
    pub top_level: Vec<bool>,
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
        Self::compile_active(rules, langs, &vec![true; rules.rules.len()], &|_, _| true)
    }

    /// The same with only the rules `active` marks and the structural
    /// patterns `keep` accepts, given their language and the literal sets
    /// they need (see `prefilter`).
    pub fn compile_active(
        rules: &RuleSet,
        langs: &[Lang],
        active: &[bool],
        keep: &KeepPattern<'_>,
    ) -> Result<CompiledQueries, QueryBuildError> {
        use rayon::prelude::*;
        let mut wanted: Vec<Lang> = langs.to_vec();
        wanted.sort();
        wanted.dedup();
        let by_lang = wanted
            .par_iter()
            .map(|&lang| compile_lang(lang, rules, active, keep))
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
fn kept_patterns<'p>(lang: Lang, part: &'p str, keep: &KeepPattern<'_>) -> Vec<&'p str> {
    match crate::rules::literals::patterns(part) {
        Some(patterns) => patterns
            .into_iter()
            .filter(|(_, sets)| keep(lang, sets))
            .map(|(span, _)| &part[span])
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
        if let Some(part) = embedded::grammar_file(dir, file) {
            for pattern in kept_patterns(lang, part, keep) {
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

fn compile_lang(
    lang: Lang,
    rules: &RuleSet,
    active: &[bool],
    keep: &KeepPattern<'_>,
) -> Result<LangQueries, QueryBuildError> {
    let grammar = lang.grammar();
    let root_kind = root_kind(&grammar);
    let mut text = String::new();
    // Where each part starts in the combined text, who owns it, and
    // whether it was rewritten to start below the root.
    let mut parts: Vec<(usize, PatternOwner, bool)> = Vec::new();
    let mut push = |text: &mut String, pattern: &str, owner: PatternOwner| {
        let rewritten = root_kind
            .as_deref()
            .and_then(|root| super::top_level::rewrite(pattern, root));
        parts.push((text.len(), owner, rewritten.is_some()));
        text.push_str(rewritten.as_deref().unwrap_or(pattern));
        text.push('\n');
    };
    let mut structure_files: Vec<(&str, &str, &str)> = Vec::new();
    for dir in lang.query_dirs() {
        for file in STRUCTURE_FILES {
            if let Some(part) = embedded::grammar_file(dir, file) {
                structure_files.push((dir, file, part));
                for pattern in kept_patterns(lang, part, keep) {
                    push(&mut text, pattern, PatternOwner::Structure);
                }
            }
        }
    }
    let applicable: Vec<usize> = applicable_rules(lang, rules, active).collect();
    for &rule_idx in &applicable {
        let query = &rules.rules[rule_idx].query;
        match crate::rules::literals::patterns(query) {
            Some(patterns) => {
                for (span, _) in patterns {
                    push(&mut text, &query[span], PatternOwner::Rule(rule_idx));
                }
            }
            None => push(&mut text, query, PatternOwner::Rule(rule_idx)),
        }
    }
    let query = match Query::new(&grammar, &text) {
        Ok(query) => query,
        Err(_) => {
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
            return Err(Box::new(GrammarError {
                dir: lang.query_dirs().join("+"),
                file: "(combined)".into(),
                language: lang.name().to_string(),
                message: "the query parts compile alone but not together".into(),
                src: NamedSource::new("combined query", text.clone()),
                span: SourceSpan::from(0..0),
            })
            .into());
        }
    };
    let (owners, top_level) = (0..query.pattern_count())
        .map(|i| {
            let start = query.start_byte_for_pattern(i);
            let at = parts.partition_point(|&(offset, _, _)| offset <= start);
            let (_, owner, top) = parts[at.saturating_sub(1)];
            (owner, top)
        })
        .unzip();
    Ok(LangQueries {
        lang,
        query,
        owners,
        top_level,
    })
}

/// The kind of the root node of every tree of `grammar` (`module`,
/// `program`, `source_file`), read from the tree of an empty text.
fn root_kind(grammar: &tree_sitter::Language) -> Option<String> {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(grammar).ok()?;
    let tree = parser.parse("", None)?;
    Some(tree.root_node().kind().to_string())
}
