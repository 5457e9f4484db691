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
pub const STRUCTURE_FILES: &[&str] = &["defs.scm", "calls.scm", "imports.scm", "routes.scm"];

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
    Rule(#[from] Box<RuleError>),
}

/// All languages' compiled queries for one rule set.
pub struct CompiledQueries {
    pub by_lang: Vec<LangQueries>,
}

impl CompiledQueries {
    pub fn compile(rules: &RuleSet) -> Result<CompiledQueries, QueryBuildError> {
        let by_lang = Lang::ALL
            .iter()
            .map(|&lang| compile_lang(lang, rules))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompiledQueries { by_lang })
    }

    pub fn for_lang(&self, lang: Lang) -> &LangQueries {
        // `by_lang` holds every language in `Lang::ALL` order.
        &self.by_lang[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)]
    }
}

fn compile_lang(lang: Lang, rules: &RuleSet) -> Result<LangQueries, QueryBuildError> {
    let grammar = lang.grammar();
    let mut text = String::new();
    let mut owners = Vec::new();
    for dir in lang.query_dirs() {
        for file in STRUCTURE_FILES {
            let Some(part) = embedded::grammar_file(dir, file) else {
                continue;
            };
            let n_patterns = Query::new(&grammar, part)
                .map_err(|err| {
                    Box::new(GrammarError {
                        dir: dir.to_string(),
                        file: file.to_string(),
                        language: lang.name().to_string(),
                        message: err.message.clone(),
                        src: NamedSource::new(format!("grammars/{dir}/{file}"), part.to_string()),
                        span: SourceSpan::from(err.offset..err.offset),
                    })
                })?
                .pattern_count();
            owners.extend(std::iter::repeat_n(PatternOwner::Structure, n_patterns));
            text.push_str(part);
            text.push('\n');
        }
    }
    for (rule_idx, rule) in rules.rules.iter().enumerate() {
        if !rule.applies_to(lang) {
            continue;
        }
        let n_patterns = Query::new(&grammar, &rule.query)
            .map_err(|err| Box::new(rule.query_error(lang, &err)))?
            .pattern_count();
        owners.extend(std::iter::repeat_n(PatternOwner::Rule(rule_idx), n_patterns));
        text.push_str(&rule.query);
        text.push('\n');
    }
    // Each part compiled alone, so the whole compiles too.
    let query = Query::new(&grammar, &text).map_err(|err| {
        Box::new(GrammarError {
            dir: lang.query_dirs().join("+"),
            file: "(combined)".into(),
            language: lang.name().to_string(),
            message: err.message.clone(),
            src: NamedSource::new("combined query", text.clone()),
            span: SourceSpan::from(err.offset..err.offset),
        })
    })?;
    Ok(LangQueries {
        lang,
        query,
        owners,
    })
}
