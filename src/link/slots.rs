//! Factories a container keeps under a key (`$container['history'] =
//! function (Container $c) {…}`, Pimple and Slim 3; `@def.slot`): the
//! container runs one when its key is first read, so the calls that read
//! the key reach it (`$this->container->history->add()`, read
//! `this.container.history.add`; `new Feed($container->history)` passed on,
//! a value), not the function that stores it. A key read as a member of the
//! object itself (`$this->history->add()`) is that object's own field.

use super::resolve::Resolution;
use crate::extract::facts::{Call, DefKind, FileFacts};
use rustc_hash::FxHashMap;

/// The slot factories of the program by key: (file, def).
pub(super) struct Slots<'f>(FxHashMap<&'f str, Vec<(usize, usize)>>);

impl<'f> Slots<'f> {
    pub(super) fn new(files: &'f [FileFacts]) -> Self {
        let mut by_key: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
        for (file, facts) in files.iter().enumerate() {
            for (def, d) in facts.defs.iter().enumerate() {
                if d.slot && d.kind == DefKind::Function {
                    by_key.entry(d.name.as_str()).or_default().push((file, def));
                }
            }
        }
        Slots(by_key)
    }

    /// The factories `call` reads the key of: a part after the first that
    /// names a slot, with a member called on it or read as a value.
    pub(super) fn read_by(&self, call: &Call) -> Vec<(usize, usize, Resolution)> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let parts: Vec<&str> = call.callee.split('.').collect();
        let own = matches!(parts[0], "this" | "self");
        let mut out = Vec::new();
        for (i, part) in parts.iter().enumerate().skip(if own { 2 } else { 1 }) {
            if i + 1 == parts.len() && !call.value {
                break;
            }
            if let Some(factories) = self.0.get(part) {
                out.extend(factories.iter().map(|&(f, d)| (f, d, Resolution::Slot)));
            }
        }
        out
    }
}
