//! `Name`: an interned, immutable string for the names facts repeat across
//! call sites and files (callees, locals, import modules and bindings,
//! captured state): one allocation per distinct text, shared by every fact
//! that holds it, instead of one per occurrence. The interner is shared by
//! the extraction threads (sharded locks) and forgets a text once no fact
//! holds it any more, so a long-lived language server does not accumulate
//! every name it ever saw. A `Name` is one pointer (`ArcStr`: the length
//! sits before the text, not beside the pointer), so the records that hold
//! several (hits, calls, imports, defs) are 8 bytes smaller for each.

use arcstr::ArcStr;
use rustc_hash::{FxBuildHasher, FxHashSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::BuildHasher;
use std::ops::Deref;
use std::sync::{Mutex, OnceLock};

/// An interned string: compares, orders, hashes and prints as its text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(ArcStr);

/// Locks split by the text's hash, so two threads interning seldom wait.
const SHARDS: usize = 16;

/// One shard: the texts held, and its size after the last sweep of the
/// texts no fact holds.
#[derive(Default)]
struct Shard {
    texts: FxHashSet<ArcStr>,
    swept_at: usize,
}

/// The smallest shard swept: below this, forgotten texts cost little.
const SWEEP_FROM: usize = 1024;

fn shards() -> &'static [Mutex<Shard>; SHARDS] {
    static SHARDS_CELL: OnceLock<[Mutex<Shard>; SHARDS]> = OnceLock::new();
    SHARDS_CELL.get_or_init(Default::default)
}

impl Name {
    /// The interned `text`: the one already held, or a new one.
    pub fn new(text: &str) -> Name {
        let shard = FxBuildHasher.hash_one(text) as usize % SHARDS;
        // A poisoned lock only means another thread panicked mid-insert:
        // the set is still a valid set.
        let mut shard = shards()[shard]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(held) = shard.texts.get(text) {
            return Name(held.clone());
        }
        if shard.texts.len() >= SWEEP_FROM.max(2 * shard.swept_at) {
            // Texts only the interner holds belong to facts since dropped.
            shard
                .texts
                .retain(|t| ArcStr::strong_count(t).is_some_and(|n| n > 1));
            shard.swept_at = shard.texts.len();
        }
        let held = ArcStr::from(text);
        shard.texts.insert(held.clone());
        Name(held)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Forgets every text the interner holds (the facts keep theirs): once a
/// one-shot scan's facts are extracted, before link. A `Name` compares,
/// orders and hashes by its text, so one interned later is equal to an
/// earlier one of the same text, only not shared with it; the interner's
/// slots (a pointer and a control byte a distinct text, at most seven
/// eighths full) are freed for link and the report.
pub fn forget_all() {
    for shard in shards() {
        let mut shard = shard
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *shard = Shard::default();
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::new(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::new(&text)
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Name {
        Name::new(text)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        Ok(Name::new(&String::deserialize(deserializer)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_allocation_per_distinct_text() {
        let a = Name::new("db.session.add");
        let b = Name::from(String::from("db.session.add"));
        assert!(ArcStr::ptr_eq(&a.0, &b.0));
        assert_eq!(std::mem::size_of::<Option<Name>>(), 8);
        assert_eq!(a, "db.session.add");
        assert_ne!(a, Name::new("db.session"));
    }

    /// What `forget_all` relies on: a name not shared with an equal one
    /// still equals it, hashes and orders the same.
    #[test]
    fn names_of_one_text_are_equal_shared_or_not() {
        let interned = Name::new("session.get");
        let apart = Name(ArcStr::from("session.get"));
        assert!(!ArcStr::ptr_eq(&interned.0, &apart.0));
        assert_eq!(interned, apart);
        assert_eq!(interned.cmp(&apart), std::cmp::Ordering::Equal);
        assert_eq!(
            FxBuildHasher.hash_one(&interned),
            FxBuildHasher.hash_one(&apart)
        );
    }

    #[test]
    fn round_trips_through_postcard_and_json() {
        let name = Name::new("express");
        let bytes = postcard::to_stdvec(&name).expect("postcard");
        let back: Name = postcard::from_bytes(&bytes).expect("postcard");
        assert_eq!(back, name);
        let json = serde_json::to_string(&name).expect("json");
        assert_eq!(json, "\"express\"");
        let back: Name = serde_json::from_str(&json).expect("json");
        assert_eq!(back, name);
    }

    #[test]
    fn texts_no_fact_holds_are_forgotten() {
        let kept = Name::new("kept-name-for-the-sweep");
        for i in 0..(SHARDS * SWEEP_FROM * 4) {
            drop(Name::new(&format!("dropped-{i}")));
        }
        let held: usize = shards()
            .iter()
            .map(|s| s.lock().map_or(0, |s| s.texts.len()))
            .sum();
        assert!(held < SHARDS * SWEEP_FROM * 3, "{held} texts held");
        assert_eq!(Name::new("kept-name-for-the-sweep"), kept);
    }
}
