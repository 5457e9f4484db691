//! Files compiled into the binary: the built-in rule pack and the grammar
//! queries, each as `(path relative to the crate root, contents)`.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The query text for `grammars/<dir>/<file>`, if that file exists.
pub fn grammar_file(dir: &str, file: &str) -> Option<&'static str> {
    let wanted = format!("grammars/{dir}/{file}");
    GRAMMAR_FILES
        .iter()
        .find(|(path, _)| *path == wanted)
        .map(|(_, text)| *text)
}

/// The sample app `carve scan` shows when given no path: `samples/express`,
/// as (path relative to the sample, contents).
pub fn sample_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    SAMPLE_FILES.iter().filter_map(|(path, text)| {
        path.strip_prefix("samples/express/")
            .map(|rel| (rel, *text))
    })
}
