//! `RareList`: a list most files leave empty (exports, route and mount
//! declarations, fields, tags…) in one pointer instead of a `Vec`'s three
//! words. Every file's facts live until the report, so the 16 bytes saved
//! per list and file add up; a list that has items pays one small block
//! more. Reads as a slice, grows like a `Vec`, serialises as one (the same
//! bytes in a cache entry).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};

/// A list that holds no allocation while empty (`None`), and its items in a
/// boxed `Vec` otherwise.
/// (Boxed on purpose: the `Vec`'s three words leave the record.)
#[allow(clippy::box_collection)]
#[derive(Clone, PartialEq, Eq)]
pub struct RareList<T>(Option<Box<Vec<T>>>);

impl<T> RareList<T> {
    pub const fn new() -> RareList<T> {
        RareList(None)
    }

    pub fn push(&mut self, item: T) {
        self.0.get_or_insert_with(Box::default).push(item);
    }

    /// Keeps the items `keep` accepts; an emptied list lets go of its block.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        if let Some(items) = &mut self.0 {
            items.retain(keep);
        }
        self.shrink_to_fit();
    }

    /// Runs `edit` on the items as a `Vec` (for what only a `Vec` does:
    /// `dedup_by`, a helper's `&mut Vec`); an emptied list lets go of its
    /// block.
    pub fn edit<R>(&mut self, edit: impl FnOnce(&mut Vec<T>) -> R) -> R {
        let mut items = self.0.take().unwrap_or_default();
        let result = edit(&mut items);
        self.0 = Some(items);
        self.shrink_to_fit();
        result
    }

    /// Gives back the spare room; an empty list holds no block.
    pub fn shrink_to_fit(&mut self) {
        match &mut self.0 {
            Some(items) if items.is_empty() => self.0 = None,
            Some(items) => items.shrink_to_fit(),
            None => {}
        }
    }
}

impl<T> Default for RareList<T> {
    fn default() -> RareList<T> {
        RareList::new()
    }
}

impl<T> Deref for RareList<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<T> DerefMut for RareList<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.as_deref_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl<T> From<Vec<T>> for RareList<T> {
    fn from(items: Vec<T>) -> RareList<T> {
        RareList((!items.is_empty()).then(|| Box::new(items)))
    }
}

impl<T> FromIterator<T> for RareList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> RareList<T> {
        RareList::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<T> Extend<T> for RareList<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let mut items = items.into_iter().peekable();
        if items.peek().is_some() {
            self.0.get_or_insert_with(Box::default).extend(items);
        }
    }
}

impl<T> IntoIterator for RareList<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> std::vec::IntoIter<T> {
        self.0.map(|items| *items).unwrap_or_default().into_iter()
    }
}

impl<'a, T> IntoIterator for &'a RareList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> std::slice::Iter<'a, T> {
        self.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut RareList<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> std::slice::IterMut<'a, T> {
        self.iter_mut()
    }
}

impl<T: fmt::Debug> fmt::Debug for RareList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Serialize> Serialize for RareList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for RareList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RareList<T>, D::Error> {
        Vec::deserialize(deserializer).map(RareList::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One pointer, no block while empty, and a `Vec`'s bytes when
    /// serialised (cache entries unchanged).
    #[test]
    fn a_rare_list_is_one_pointer_and_serialises_as_a_vec() {
        assert_eq!(std::mem::size_of::<RareList<String>>(), 8);
        let mut list: RareList<u32> = RareList::new();
        assert!(list.is_empty() && list.0.is_none());
        list.extend(std::iter::empty());
        assert!(list.0.is_none());
        list.push(3);
        list.extend([5, 8]);
        assert_eq!(&*list, &[3, 5, 8]);
        let as_vec = postcard::to_stdvec(&vec![3u32, 5, 8]).expect("postcard");
        assert_eq!(postcard::to_stdvec(&list).expect("postcard"), as_vec);
        let back: RareList<u32> = postcard::from_bytes(&as_vec).expect("postcard");
        assert_eq!(back, list);
        list.retain(|&n| n > 100);
        assert!(list.is_empty() && list.0.is_none());
        let empty: RareList<u32> =
            postcard::from_bytes(&postcard::to_stdvec(&list).expect("postcard")).expect("postcard");
        assert!(empty.0.is_none());
    }
}
