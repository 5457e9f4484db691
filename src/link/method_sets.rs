//! The method sets of the types of languages whose types implement an
//! interface without naming it (Go): which types have a member of each name,
//! built once, so that finding the one type covering an interface looks at
//! the types having its rarest method instead of at every type of the
//! program for every call through the interface.

use super::resolve::Resolver;
use crate::extract::facts::DefKind;
use crate::lang::Lang;
use rustc_hash::FxHashMap;

#[derive(Default)]
pub struct MethodSets<'p> {
    /// The top-level types with a body of those languages, in program
    /// order (file, then def): (file, name).
    types: Vec<(u32, &'p str)>,
    /// Member name → the types (indices into `types`, ascending) with a
    /// member of that name declared in their file or in another file of
    /// their package, as `Resolver::member` finds one.
    by_member: FxHashMap<&'p str, Vec<u32>>,
}

impl<'p> MethodSets<'p> {
    pub fn new(resolver: &Resolver<'p>) -> Self {
        let files = resolver.files;
        let mut sets = MethodSets::default();
        let mut names: Vec<&'p str> = Vec::new();
        for (file, facts) in files.iter().enumerate() {
            if !facts.lang.implicit_interfaces() {
                continue;
            }
            let Ok(file_id) = u32::try_from(file) else {
                break;
            };
            let types = facts
                .defs
                .iter()
                .filter(|d| d.kind == DefKind::Class && !d.declared_only && d.parent().is_none());
            let package = resolver.modules.package_files(files, file);
            for class in types {
                let Ok(id) = u32::try_from(sets.types.len()) else {
                    return sets;
                };
                sets.types.push((file_id, class.name.as_str()));
                names.clear();
                for f in std::iter::once(file).chain(package.iter().copied()) {
                    let defs = &files[f].defs;
                    names.extend(
                        resolver
                            .members_of(f, &class.name)
                            .map(|m| defs[m].name.as_str()),
                    );
                }
                names.sort_unstable();
                names.dedup();
                for &name in &names {
                    sets.by_member.entry(name).or_default().push(id);
                }
            }
        }
        sets
    }

    /// The one type of `lang` with a member of each name of `wanted`, as
    /// (file, name); none when no type or several have them all.
    pub fn only_type_with(
        &self,
        resolver: &Resolver<'p>,
        lang: Lang,
        wanted: &[&str],
    ) -> Option<(usize, &'p str)> {
        let mut lists = Vec::with_capacity(wanted.len());
        for name in wanted {
            lists.push(self.by_member.get(name)?.as_slice());
        }
        let covers = |id: &u32| {
            resolver.files[self.types[*id as usize].0 as usize].lang == lang
                && lists.iter().all(|l| l.binary_search(id).is_ok())
        };
        let only = match lists.iter().min_by_key(|l| l.len()) {
            Some(rarest) => only(rarest.iter().copied().filter(covers)),
            // Every type covers an interface without methods.
            None => only((0..self.types.len() as u32).filter(covers)),
        }?;
        let (file, name) = self.types[only as usize];
        Some((file as usize, name))
    }
}

/// The only item of `items`; none when it has none or several.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}
