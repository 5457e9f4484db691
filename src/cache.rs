//! cache: each file's extracted facts kept on disk, so a rescan extracts
//! only the files that changed. An entry is keyed by a BLAKE3 hash of the
//! file's text, its path and language, and a fingerprint of everything else
//! extraction depends on: the rule set in effect (built-in and user rules,
//! after the config's disables and severities), every grammar query, and
//! carve's version and build. It is one file named by that key in the cache
//! folder (`.carve/cache/` in the scanned root by default), written to a
//! temporary file and renamed into place, so concurrent scans never see half
//! an entry. On read every part is checked (magic, schema, version, key,
//! length, checksum of the payload); an entry that fails any check is
//! ignored and rewritten, never trusted. Entries the current scan did not
//! use are pruned once they are a day old. docs/cache.md has the user's view.

use crate::discover::SourceFile;
use crate::extract::facts::FileFacts;
use crate::rules::RuleSet;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"carvefc\0";
/// The layout of an entry; bump it when the header or payload format changes.
const SCHEMA: u32 = 12;
/// carve's version, written in each entry's header.
const VERSION: &str = env!("CARGO_PKG_VERSION");
/// An entry the current scan did not use is deleted once it is this old
/// (scans with other settings, or a concurrent one, keep theirs meanwhile).
pub const PRUNE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);
/// Written in the cache folder so that git (and carve's own walk) ignore it.
const GITIGNORE: &str = "*\n";

/// The key of one file's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key([u8; 32]);

impl Key {
    fn file_name(&self) -> String {
        blake3::Hash::from(self.0).to_hex().to_string()
    }
}

/// A cache folder opened for one scan.
pub struct Cache {
    dir: PathBuf,
    /// Hash of the rules, queries and carve build the entries depend on.
    fingerprint: [u8; 32],
    /// Keys read or written by this scan: kept by `prune`.
    used: Mutex<HashSet<Key>>,
    /// Cleared at the first failed write: the scan goes on without writing.
    writable: AtomicBool,
    /// Makes each temporary file name unique within this process.
    next_temp: AtomicU64,
}

impl Cache {
    /// Opens (creating it if needed) the cache folder `dir` for a scan with
    /// `rules`. When the folder cannot be created, says so once on stderr
    /// and returns None: the scan goes on without a cache.
    pub fn open(dir: &Path, rules: &RuleSet) -> Option<Cache> {
        if let Err(e) = prepare_dir(dir) {
            warn(dir, &e);
            return None;
        }
        Some(Cache {
            dir: dir.to_path_buf(),
            fingerprint: fingerprint(rules),
            used: Mutex::default(),
            writable: AtomicBool::new(true),
            next_temp: AtomicU64::new(0),
        })
    }

    /// The key of `file` with contents `text`.
    pub fn key(&self, file: &SourceFile, text: &str) -> Key {
        let mut hasher = blake3::Hasher::new();
        hasher.update(&self.fingerprint);
        hash_part(&mut hasher, file.lang.name().as_bytes());
        hash_part(&mut hasher, file.rel.as_bytes());
        hash_part(&mut hasher, text.as_bytes());
        Key(*hasher.finalize().as_bytes())
    }

    /// The facts stored under `key`; None when there is no entry or it
    /// fails any check (it is then rewritten by `put`).
    pub fn get(&self, key: &Key) -> Option<FileFacts> {
        self.mark_used(key);
        let bytes = std::fs::read(self.dir.join(key.file_name())).ok()?;
        decode(&bytes, key)
    }

    /// Stores `facts` under `key`. Facts cut short by the work budget are
    /// not stored (the budget includes a time limit, so they may differ
    /// next time). A failed write is reported once and turns writing off.
    pub fn put(&self, key: &Key, facts: &FileFacts) {
        self.mark_used(key);
        if facts.partial || !self.writable.load(Ordering::Relaxed) {
            return;
        }
        let Some(entry) = encode(key, facts) else {
            return;
        };
        if let Err(e) = self.write_atomically(&key.file_name(), &entry) {
            if self.writable.swap(false, Ordering::Relaxed) {
                warn(&self.dir, &e);
            }
        }
    }

    /// Deletes the entries (and leftover temporary files) this scan did not
    /// use once they are older than `PRUNE_AFTER`.
    pub fn prune(&self) {
        if !self.writable.load(Ordering::Relaxed) {
            return;
        }
        let Ok(used) = self.used.lock() else {
            return;
        };
        let used: HashSet<String> = used.iter().map(Key::file_name).collect();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == ".gitignore" || used.contains(&name) {
                continue;
            }
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age >= PRUNE_AFTER);
            if old {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// The folder the entries are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn mark_used(&self, key: &Key) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(*key);
        }
    }

    /// Writes a temporary file beside `name`, then renames it over `name`.
    fn write_atomically(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let temp = self.dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            self.next_temp.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&temp).and_then(|mut f| f.write_all(bytes));
        let renamed = written.and_then(|()| std::fs::rename(&temp, self.dir.join(name)));
        if renamed.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        renamed
    }
}

/// Creates the folder and its `.gitignore` (the walk honours it, so the
/// entries are never scanned as source files).
fn prepare_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let ignore = dir.join(".gitignore");
    if ignore.is_file() {
        return Ok(());
    }
    match std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(&ignore)
    {
        Ok(mut f) => f.write_all(GITIGNORE.as_bytes()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

fn warn(dir: &Path, e: &std::io::Error) {
    eprintln!(
        "carve: cannot write the cache in {} ({e}); scanning without it",
        dir.display()
    );
}

/// Feeds one length-prefixed part, so that parts cannot run into each other.
fn hash_part(hasher: &mut blake3::Hasher, part: &[u8]) {
    hasher.update(&(part.len() as u64).to_le_bytes());
    hasher.update(part);
}

/// Everything besides a file's own path and text that its facts depend on:
/// the schema, carve's version and build (the executable's size and time,
/// so a rebuilt carve never reads a previous build's entries), every
/// embedded grammar file and the rule set in effect.
fn fingerprint(rules: &RuleSet) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new();
    hash_part(&mut hasher, MAGIC);
    hash_part(&mut hasher, &SCHEMA.to_le_bytes());
    hash_part(&mut hasher, VERSION.as_bytes());
    hash_part(&mut hasher, build_id().as_bytes());
    for (path, text) in crate::embedded::GRAMMAR_FILES {
        hash_part(&mut hasher, path.as_bytes());
        hash_part(&mut hasher, text.as_bytes());
    }
    hash_part(
        &mut hasher,
        &serde_json::to_vec(rules).unwrap_or_else(|e| e.to_string().into_bytes()),
    );
    *hasher.finalize().as_bytes()
}

/// The running executable's size and modification time ("" when unknown),
/// read once per process (the file may be replaced while carve runs).
fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(read_build_id)
}

fn read_build_id() -> String {
    let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
    else {
        return String::new();
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{} {modified}", meta.len())
}

/// Header length before the payload: magic, schema, version length and
/// text, key, payload length, payload checksum.
fn header_len() -> usize {
    MAGIC.len() + 4 + 2 + VERSION.len() + 32 + 8 + 32
}

/// An entry: header, then the facts serialised.
fn encode(key: &Key, facts: &FileFacts) -> Option<Vec<u8>> {
    let payload = postcard::to_stdvec(facts).ok()?;
    let version_len = u16::try_from(VERSION.len()).ok()?;
    let mut out = Vec::with_capacity(header_len() + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SCHEMA.to_le_bytes());
    out.extend_from_slice(&version_len.to_le_bytes());
    out.extend_from_slice(VERSION.as_bytes());
    out.extend_from_slice(&key.0);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(blake3::hash(&payload).as_bytes());
    out.extend_from_slice(&payload);
    Some(out)
}

/// The facts in an entry written under `key`; None for anything else.
fn decode(bytes: &[u8], key: &Key) -> Option<FileFacts> {
    let mut rest = bytes;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
        rest = tail;
        Some(head)
    };
    if take(MAGIC.len())? != MAGIC || take(4)? != SCHEMA.to_le_bytes() {
        return None;
    }
    let version_len = u16::from_le_bytes(take(2)?.try_into().ok()?);
    if take(usize::from(version_len))? != VERSION.as_bytes() || take(32)? != key.0 {
        return None;
    }
    let payload_len = u64::from_le_bytes(take(8)?.try_into().ok()?);
    let checksum = take(32)?;
    if u64::try_from(rest.len()).ok()? != payload_len
        || blake3::hash(rest).as_bytes().as_slice() != checksum
    {
        return None;
    }
    postcard::from_bytes(rest).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn facts() -> FileFacts {
        let lang = Lang::by_name("python").expect("python");
        let source = "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/x')\ndef x():\n    return 'x'\n";
        let rules = RuleSet::builtin().expect("built-in rules");
        let queries = crate::extract::queries::CompiledQueries::compile_for(&rules, &[lang])
            .expect("queries compile");
        let mut parser = tree_sitter::Parser::new();
        crate::extract::extract_file(
            &mut parser,
            "app.py",
            lang,
            source,
            queries.for_lang(lang).expect("python queries"),
            &rules,
        )
        .expect("extracts")
    }

    #[test]
    fn an_entry_reads_back_as_written() {
        let facts = facts();
        let key = Key([7; 32]);
        let entry = encode(&key, &facts).expect("encodes");
        let back = decode(&entry, &key).expect("decodes");
        assert_eq!(
            serde_json::to_string(&back).expect("json"),
            serde_json::to_string(&facts).expect("json")
        );
        assert_eq!(back.routes.len(), 1);
    }

    #[test]
    fn any_changed_byte_or_truncation_is_refused() {
        let key = Key([7; 32]);
        let entry = encode(&key, &facts()).expect("encodes");
        for at in 0..entry.len() {
            let mut bad = entry.clone();
            bad[at] ^= 0x20;
            assert!(decode(&bad, &key).is_none(), "byte {at} flipped");
            assert!(decode(&entry[..at], &key).is_none(), "truncated at {at}");
        }
        let mut longer = entry.clone();
        longer.push(b' ');
        assert!(decode(&longer, &key).is_none(), "a byte appended");
        assert!(
            decode(&entry, &Key([8; 32])).is_none(),
            "another key's entry"
        );
    }
}
