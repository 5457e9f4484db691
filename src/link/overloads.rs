//! Overloads: in a language where a class declares several methods of one
//! name told apart by their parameters (Java, Kotlin, C#), a method calling
//! its own name calls another overload (`create(request)` building a user
//! and delegating to `create(user)`), not itself: carve does not type the
//! arguments, and the name resolves to the first of them, so such a call
//! goes to every overload. Other calls keep the one method they resolve to:
//! most overloads of a service are alternatives, and following them all
//! would give a route what its overload never runs.

use super::resolve::{Resolution, Resolver};
use crate::extract::facts::DefKind;

/// `targets` of a call written in `caller` of `file`, with each target that
/// encloses the call (a method calling its own name) followed by the other
/// overloads its class declares beside it.
pub(super) fn with_overloads(
    resolver: &Resolver,
    file: usize,
    caller: Option<usize>,
    targets: Vec<(usize, usize, Resolution)>,
) -> Vec<(usize, usize, Resolution)> {
    let facts = &resolver.files[file];
    if !facts.lang.has_overloads() {
        return targets;
    }
    let encloses = |def: usize| {
        let mut up = caller;
        while let Some(d) = up {
            if d == def {
                return true;
            }
            up = facts.defs[d].parent();
        }
        false
    };
    let mut out = Vec::with_capacity(targets.len());
    for (f, def, how) in targets {
        out.push((f, def, how));
        let method = &resolver.files[f].defs[def];
        let Some(class) = method.class.as_deref() else {
            continue;
        };
        if f != file || method.kind != DefKind::Function || !encloses(def) {
            continue;
        }
        for other in resolver.members_of(file, class) {
            let d = &facts.defs[other];
            let overload = other != def
                && d.kind == DefKind::Function
                && d.name == method.name
                && d.parent() == method.parent();
            if overload && !out.iter().any(|&(of, o, _)| of == file && o == other) {
                out.push((file, other, how));
            }
        }
    }
    out
}
