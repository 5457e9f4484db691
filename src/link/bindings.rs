//! Implementations chosen at run time: the concrete classes a program binds
//! to an abstract type (`$this->app->bind(SongStorage::class, fn () =>
//! match (config('storage')) { 's3' => S3Storage::class, default =>
//! LocalStorage::class })`) or picks in a `match` arm of a factory, tagged
//! by the language's defs.scm: `bound_default` for what the configuration
//! runs unless set (a binding's own concrete, a `default` arm), `bound` for
//! the other arms. A call through the abstract type runs the default ones
//! (`Resolution::BindingDefault`), or, with no default, each arm
//! (`Resolution::Binding`): carve judges an app as configured by default.

use super::resolve::{Resolution, Resolver};

/// The classes of `implementers` (of one abstract type) that a call
/// through the type runs, with how: the ones the configuration's default
/// picks, else every one the program picks at run time. Empty when the
/// program picks none.
pub(super) fn bound<'a, 'p>(
    resolver: &Resolver<'p>,
    implementers: &'a [(usize, &'p str)],
) -> (Vec<&'a (usize, &'p str)>, Resolution) {
    let picked = |default: bool| -> Vec<&'a (usize, &'p str)> {
        implementers
            .iter()
            .filter(|(_, class)| {
                let (arm, by_default) = resolver.bound(class);
                by_default || (arm && !default)
            })
            .collect()
    };
    let defaults = picked(true);
    if defaults.is_empty() {
        (picked(false), Resolution::Binding)
    } else {
        (defaults, Resolution::BindingDefault)
    }
}
