//! Files compiled into the binary: the built-in rule pack and the grammar
//! queries, each as `(path relative to the crate root, contents)`.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

use crate::rules::literals::{self, PatternLiterals};
use std::sync::OnceLock;

/// The query text for `grammars/<dir>/<file>`, if that file exists.
pub fn grammar_file(dir: &str, file: &str) -> Option<&'static str> {
    grammar_file_at(dir, file).map(|at| GRAMMAR_FILES[at].1)
}

/// The query text for `grammars/<dir>/<file>` with its patterns and the
/// literals each needs (`literals::patterns`: None when the reader does
/// not understand the text), read once per process: the prefilter and the
/// query of every language scanned ask for them.
pub fn grammar_patterns(
    dir: &str,
    file: &str,
) -> Option<(&'static str, Option<&'static [PatternLiterals]>)> {
    static READ: OnceLock<Vec<OnceLock<Option<Vec<PatternLiterals>>>>> = OnceLock::new();
    let at = grammar_file_at(dir, file)?;
    let read = READ.get_or_init(|| GRAMMAR_FILES.iter().map(|_| OnceLock::new()).collect());
    let text = GRAMMAR_FILES[at].1;
    let patterns = read[at].get_or_init(|| literals::patterns(text));
    Some((text, patterns.as_deref()))
}

fn grammar_file_at(dir: &str, file: &str) -> Option<usize> {
    let wanted = format!("grammars/{dir}/{file}");
    GRAMMAR_FILES.iter().position(|(path, _)| *path == wanted)
}

/// The sample app `carve scan` shows when given no path: `samples/express`,
/// as (path relative to the sample, contents).
pub fn sample_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    SAMPLE_FILES.iter().filter_map(|(path, text)| {
        path.strip_prefix("samples/express/")
            .map(|rel| (rel, *text))
    })
}
