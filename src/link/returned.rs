//! Calls on what another call returns. In a language whose objects may
//! forward any call (`fallback_method`): calls on what a method of the
//! caller's class returns (`worker(…).restart`, read `worker.restart`, where
//! `worker` ends in `ModelProxy.new …`): the returned class's method of that
//! name, inherited or its own, else its fallback for names it does not define
//! (Ruby's `method_missing`, a proxy forwarding the call). In any language:
//! calls on what a class's method declares it returns
//! (`TranscodeStrategyFactory::make($t)->getTranscodeLocation()`, read
//! `TranscodeStrategyFactory.make.getTranscodeLocation`), and calls on a local
//! kept from a call (`$page = $this->pages->getCachePage($url); $page->cache()`,
//! read `this.pages.getCachePage.cache`): the method of the class the called
//! function declares it returns.

use super::callbacks::class_chain;
use super::resolve::{Resolution, Resolver, Symbol};
use crate::extract::facts::DefKind;

/// The targets of `method` called on what `name` returns, `name` a method of
/// the class around the caller `caller` of `file` that declares what it
/// returns (`@def.returns`).
pub(super) fn on_returned(
    resolver: &Resolver,
    file: usize,
    caller: usize,
    name: &str,
    method: &str,
) -> Option<Vec<(usize, usize, Resolution)>> {
    let facts = &resolver.files[file];
    // Only languages whose objects may forward any call (a proxy).
    let fallback = facts.lang.fallback_method()?;
    let class = std::iter::successors(Some(caller), |&d| facts.defs[d].parent())
        .find(|&d| facts.defs[d].kind == DefKind::Class)?;
    let (f, producer) = class_chain(resolver, file, class)
        .into_iter()
        .find_map(|(f, c)| {
            super::callbacks::method_of(&resolver.files[f], c, name).map(|m| (f, m))
        })?;
    let returns = resolver.files[f].defs[producer].returns()?;
    let Some((Symbol::Def(rf, rc), _)) = resolver.resolve(f, returns) else {
        return None;
    };
    if resolver.files[rf].defs[rc].kind != DefKind::Class {
        return None;
    }
    let chain = class_chain(resolver, rf, rc);
    let find = |wanted: &str| {
        chain.iter().find_map(|&(cf, cc)| {
            super::callbacks::method_of(&resolver.files[cf], cc, wanted).map(|m| (cf, m))
        })
    };
    let target = find(method).or_else(|| find(fallback))?;
    Some(vec![(target.0, target.1, Resolution::Member)])
}

/// The method `method` of the class that `factory`, a method of the class
/// `class` as named in `file`, declares it returns (`@def.returns`), its own
/// or inherited: (file, def).
pub(super) fn on_factory_result(
    resolver: &Resolver,
    file: usize,
    class: &str,
    factory: &str,
    method: &str,
) -> Option<(usize, usize)> {
    let Some((Symbol::Def(f, producer), _)) = resolver.resolve(file, &format!("{class}.{factory}"))
    else {
        return None;
    };
    method_of_result(resolver, f, producer, method)
}

/// The method `method` of the class that the function `producer` of `file`
/// declares it returns (`@def.returns`), its own or inherited: (file, def).
/// None when it declares no class.
pub(super) fn method_of_result(
    resolver: &Resolver,
    file: usize,
    producer: usize,
    method: &str,
) -> Option<(usize, usize)> {
    let producer = &resolver.files[file].defs[producer];
    if producer.kind != DefKind::Function {
        return None;
    }
    let Some((Symbol::Def(rf, rc), _)) = resolver.resolve(file, producer.returns()?) else {
        return None;
    };
    if resolver.files[rf].defs[rc].kind != DefKind::Class {
        return None;
    }
    class_chain(resolver, rf, rc)
        .into_iter()
        .find_map(|(cf, cc)| {
            super::callbacks::method_of(&resolver.files[cf], cc, method).map(|m| (cf, m))
        })
}
