//! How the language server extracts facts: in a worker process when
//! isolated, else in-process with queries compiled only for the languages
//! it has met; and the first analysis through the scan's facts cache, so a
//! workspace already scanned (or opened before) is neither parsed nor has a
//! query compiled.

use crate::cache::Cache;
use crate::discover::{self, SkippedFile, SourceFile};
use crate::extract::facts::FileFacts;
use crate::extract::queries::{CompiledQueries, QueryBuildError};
use crate::isolate::Isolation;
use crate::lang::Lang;
use crate::rules::RuleSet;
use crate::scan;
use rayon::prelude::*;

/// One file's text and facts, or why it was left out.
pub type Loaded = Result<(String, FileFacts), SkippedFile>;

/// Queries compiled in the background for the languages the cache spared.
type Compiling = std::thread::JoinHandle<Result<CompiledQueries, QueryBuildError>>;

pub struct Extractor {
    queries: CompiledQueries,
    compiling: Option<Compiling>,
    /// Parser worker processes, so a grammar crash costs one file, not the server.
    isolation: Option<Isolation>,
    parser: tree_sitter::Parser,
}

impl Extractor {
    pub fn new(isolation: Option<Isolation>) -> Extractor {
        Extractor {
            queries: CompiledQueries {
                by_lang: Vec::new(),
            },
            compiling: None,
            isolation,
            parser: tree_sitter::Parser::new(),
        }
    }

    /// Starts compiling, off the caller's thread, the queries of those of
    /// `langs` not compiled yet: the first edit of a workspace whose facts
    /// all came from the cache need not wait for them.
    pub fn prepare_in_background(&mut self, rules: &RuleSet, langs: &[Lang]) {
        let missing = self.missing(langs);
        if self.isolation.is_some() || self.compiling.is_some() || missing.is_empty() {
            return;
        }
        let rules = rules.clone();
        self.compiling = Some(std::thread::spawn(move || {
            CompiledQueries::compile_for(&rules, &missing)
        }));
    }

    /// Those of `langs` without compiled queries, once each.
    fn missing(&self, langs: &[Lang]) -> Vec<Lang> {
        let mut missing: Vec<Lang> = langs
            .iter()
            .copied()
            .filter(|&l| self.queries.for_lang(l).is_none())
            .collect();
        missing.sort();
        missing.dedup();
        missing
    }

    /// Compiles the queries of those of `langs` not compiled yet (nothing
    /// when workers extract).
    pub fn prepare(&mut self, rules: &RuleSet, langs: &[Lang]) -> Result<(), QueryBuildError> {
        if self.isolation.is_some() {
            return Ok(());
        }
        if let Some(compiling) = self.compiling.take() {
            // A failed background compilation is retried below, and reported.
            if let Ok(Ok(compiled)) = compiling.join() {
                self.queries.by_lang.extend(compiled.by_lang);
            }
        }
        let missing = self.missing(langs);
        if !missing.is_empty() {
            let compiled = CompiledQueries::compile_for(rules, &missing)?;
            self.queries.by_lang.extend(compiled.by_lang);
        }
        Ok(())
    }

    /// The facts of `text`, the contents of `file` (an editor's buffer).
    pub fn extract(
        &mut self,
        file: &SourceFile,
        text: &str,
        rules: &RuleSet,
    ) -> Result<FileFacts, SkippedFile> {
        self.prepare(rules, &[file.lang]).map_err(|e| SkippedFile {
            path: file.rel.clone(),
            reason: e.to_string(),
        })?;
        let parser = &mut self.parser;
        extract_with(&self.isolation, &self.queries, parser, file, text, rules)
    }

    /// Every file's text and facts, in order: from `cache` when an entry is
    /// found, else extracted (queries compiled for the languages of the
    /// files that missed only) and written to it. Unused entries are pruned
    /// as after a scan.
    pub fn load_all(
        &mut self,
        files: &[SourceFile],
        max_file_bytes: u64,
        rules: &RuleSet,
        cache: Option<&Cache>,
    ) -> Result<Vec<Loaded>, QueryBuildError> {
        let found: Vec<Result<(String, Option<FileFacts>), SkippedFile>> = files
            .par_iter()
            .map(|file| {
                let text = scan::load(file, max_file_bytes)?;
                let facts = cache.and_then(|c| c.get(&c.key(file, &text)));
                Ok((text, facts))
            })
            .collect();
        let missed: Vec<Lang> = files
            .iter()
            .zip(&found)
            .filter(|(_, f)| matches!(f, Ok((_, None))))
            .map(|(file, _)| file.lang)
            .collect();
        self.prepare(rules, &missed)?;
        let (isolation, queries) = (&self.isolation, &self.queries);
        let loaded = files
            .par_iter()
            .zip(found)
            .map_init(tree_sitter::Parser::new, |parser, (file, found)| {
                let (text, facts) = found?;
                let facts = match facts {
                    Some(facts) => facts,
                    None => {
                        let facts = extract_with(isolation, queries, parser, file, &text, rules)?;
                        if let Some(cache) = cache {
                            cache.put(&cache.key(file, &text), &facts);
                        }
                        facts
                    }
                };
                Ok((text, facts))
            })
            .collect();
        if let Some(cache) = cache {
            cache.prune();
        }
        Ok(loaded)
    }
}

fn extract_with(
    isolation: &Option<Isolation>,
    queries: &CompiledQueries,
    parser: &mut tree_sitter::Parser,
    file: &SourceFile,
    text: &str,
    rules: &RuleSet,
) -> Result<FileFacts, SkippedFile> {
    match isolation {
        Some(isolation) => isolation.extract_text(file, text),
        None => scan::extract_source(parser, file, text, queries, rules),
    }
}

/// Checks an editor's text as the walk checks a file's bytes.
pub fn check_text(
    file: &SourceFile,
    text: Vec<u8>,
    max_file_bytes: u64,
) -> Result<String, SkippedFile> {
    let checked = if text.len() as u64 > max_file_bytes {
        Err(discover::LoadError::TooLarge(text.len() as u64))
    } else {
        discover::check_source(text)
    };
    checked.map_err(|e| SkippedFile {
        path: file.rel.clone(),
        reason: e.to_string(),
    })
}
