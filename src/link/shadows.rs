//! Router names a file declares more than once: `g := e.Group("", auth)` in
//! one block of a function and `g := e.Group("")` in the next. Each use of
//! such a name (a route on it, a mount of it or onto it) means the
//! declaration nearest before it, so the groups keep apart: their prefixes
//! and their middleware do not mix.

use super::resolve::Resolver;
use crate::extract::facts::MountChild;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Per (file, name) declared as a group more than once: where each
/// declaration starts, in order.
#[derive(Default)]
pub(super) struct Shadows(FxHashMap<(usize, String), Vec<usize>>);

impl Shadows {
    /// The local names declared as a group (a mount with a prefix that
    /// makes a router: `v1 := r.Group("/v1")`) more than once in a file.
    pub(super) fn new(resolver: &Resolver) -> Self {
        let mut starts: FxHashMap<(usize, String), Vec<usize>> = FxHashMap::default();
        for (file, facts) in resolver.files.iter().enumerate() {
            for mount in &facts.mounts {
                let MountChild::Name(name) = &mount.child else {
                    continue;
                };
                if mount.child_router
                    && !mount.parent_router
                    && mount.prefix.is_some()
                    && resolver.resolve(file, name).is_none()
                {
                    starts
                        .entry((file, name.clone()))
                        .or_default()
                        .push(mount.span.start);
                }
            }
        }
        starts.retain(|_, at| {
            at.sort_unstable();
            at.dedup();
            at.len() > 1
        });
        Shadows(starts)
    }

    /// `name` as written at byte `at` of `file`: the name itself when it
    /// means its first declaration (or is declared once), else the name
    /// marked with the start of the declaration it means.
    pub(super) fn name<'n>(&self, file: usize, name: &'n str, at: usize) -> Cow<'n, str> {
        let Some(starts) = self.0.get(&(file, name.to_string())) else {
            return Cow::Borrowed(name);
        };
        match starts.iter().rev().find(|&&start| start <= at) {
            Some(start) if Some(start) != starts.first() => Cow::Owned(format!("{name}#{start}")),
            _ => Cow::Borrowed(name),
        }
    }
}
