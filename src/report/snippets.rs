//! The source lines of the hits a report lists, read again from the files'
//! texts once the program is linked: extraction keeps no snippet, so the
//! facts of every file hold no copy of their lines while link runs.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::extract::facts::snippet;
use crate::link::Program;

/// The text of a scanned file by its path relative to the root, as
/// extraction read it (None: no longer readable; its hits get no snippet).
pub type Sources<'a> = dyn Fn(&str) -> Option<Cow<'a, str>> + Sync + 'a;

/// Sets the snippet of every live and suppressed hit of a source file from
/// its text, each file read once (settings files' hits have theirs).
pub fn fill(program: &mut Program, sources: &Sources) {
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); program.sources];
    for live in program.hits.iter().chain(&program.suppressed) {
        if let Some(hits) = wanted.get_mut(live.file) {
            hits.push(live.hit);
        }
    }
    program
        .files
        .par_iter_mut()
        .zip(wanted)
        .filter(|(_, hits)| !hits.is_empty())
        .for_each(|(file, hits)| {
            let Some(text) = sources(&file.path) else {
                return;
            };
            for i in hits {
                let hit = &mut file.hits[i];
                hit.set_snippet(snippet(&text, hit.span.get().start));
            }
        });
}
