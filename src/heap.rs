//! The allocator's part in a scan's peak memory (glibc only; elsewhere
//! nothing): one arena for every thread, large blocks mapped apart, so that a file's text and a
//! tree freed after its extraction go back to the system instead of
//! leaving holes the facts cannot fill, and free pages given back between
//! the stages of a one-shot scan (extraction, link), whose high-water marks
//! add up otherwise; and the pages of the executable's read-only parts
//! (the grammars' parse tables and lexers, the embedded rules and queries,
//! the code) let go of once a stage no longer reads them.

/// Blocks at least this large are mapped on their own and unmapped when
/// freed. glibc's default starts at 128 KiB and rises to the largest block
/// freed so far, after which the texts of large files and their trees are
/// carved from the arenas and leave holes there.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAPPED_BLOCK: libc::c_int = 64 * 1024;

/// Sets the threshold of `MAPPED_BLOCK` for the rest of the process, and
/// one arena for all threads: once, before the scan starts its threads and
/// allocates its facts. An extraction thread's arena otherwise keeps the
/// facts it made among the holes its trees left, beside the other thread's
/// arena with its own holes; with one arena each thread's frees are
/// room for the other's facts (2 MB less at the corpus's peak).
pub fn map_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes a tunable of the allocator; called
    // with documented parameters and valid values.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_BLOCK);
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Gives the whole free pages of every arena back to the system: between
/// stages, after one has freed what the next will not reuse.
pub fn give_back_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases memory the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Lets go of this process's pages of its own executable's read-only
/// mappings (the seven grammars' parse tables and lexers, the embedded rules
/// and queries, the code): between languages during extraction and before
/// link, which reads none of the grammars. They are clean pages of the
/// file: the next read maps them again from the page cache (a minor fault),
/// so nothing is lost, but until then they are not part of the scan's
/// resident set (about 25 MB of it once all seven grammars were read).
pub fn forget_binary_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
            return;
        };
        for (start, end) in read_only_ranges(&smaps, forget_binary_pages as fn() as usize) {
            // SAFETY: the range is a whole private mapping of the executable,
            // never writable and holding no anonymous (written) page: after
            // MADV_DONTNEED its pages read the same bytes from the file.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
            }
        }
    }
}

/// The address ranges of `/proc/self/smaps` (its text `smaps`) that map the
/// same file as the mapping holding address `own`, privately, without write
/// permission, and with no anonymous page (a relocated read-only part, once
/// written, has some: it is left alone).
#[cfg_attr(not(all(target_os = "linux", target_env = "gnu")), allow(dead_code))]
fn read_only_ranges(smaps: &str, own: usize) -> Vec<(usize, usize)> {
    struct Mapping<'a> {
        start: usize,
        end: usize,
        perms: &'a str,
        file: (&'a str, &'a str),
        anonymous: bool,
    }
    let mut mappings: Vec<Mapping> = Vec::new();
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if let Some((start, end)) = first.split_once('-') {
            let (Ok(start), Ok(end)) = (
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            ) else {
                continue;
            };
            let perms = fields.next().unwrap_or_default();
            let _offset = fields.next();
            let dev = fields.next().unwrap_or_default();
            let inode = fields.next().unwrap_or_default();
            mappings.push(Mapping {
                start,
                end,
                perms,
                file: (dev, inode),
                anonymous: false,
            });
        } else if first == "Anonymous:" {
            let kb = fields.next().unwrap_or_default();
            if let Some(last) = mappings.last_mut() {
                last.anonymous = kb != "0";
            }
        }
    }
    let Some(file) = mappings
        .iter()
        .find(|m| m.start <= own && own < m.end)
        .map(|m| m.file)
        .filter(|&(_, inode)| inode != "0")
    else {
        return Vec::new();
    };
    mappings
        .iter()
        .filter(|m| m.file == file && !m.anonymous)
        .filter(|m| m.perms.starts_with('r') && !m.perms.contains('w') && m.perms.ends_with('p'))
        .map(|m| (m.start, m.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The executable's read-only mappings are let go of; its relocated
    /// part (written once, then made read-only), its writable data, other
    /// files and anonymous memory are not.
    #[test]
    fn only_clean_read_only_mappings_of_the_executable() {
        let smaps = "\
55d0a0000000-55d0a1000000 r--p 00000000 fd:01 4242 /work/carve
Rss:                1200 kB
Anonymous:             0 kB
55d0a1000000-55d0a1900000 r-xp 01000000 fd:01 4242 /work/carve
Anonymous:             0 kB
55d0a1900000-55d0a1970000 r--p 01900000 fd:01 4242 /work/carve
Anonymous:           420 kB
55d0a1970000-55d0a1980000 rw-p 01970000 fd:01 4242 /work/carve
Anonymous:            64 kB
55d0a2000000-55d0a2100000 rw-p 00000000 00:00 0 [heap]
Anonymous:          1024 kB
7f0000000000-7f0000100000 r--p 00000000 fd:01 77 /usr/lib/libc.so.6
Anonymous:             0 kB
";
        assert_eq!(
            read_only_ranges(smaps, 0x55d0a1000400),
            vec![
                (0x55d0a0000000, 0x55d0a1000000),
                (0x55d0a1000000, 0x55d0a1900000)
            ]
        );
        assert!(read_only_ranges(smaps, 0x55d0a2000400).is_empty());
        assert!(read_only_ranges(smaps, 0x1000).is_empty());
    }
}
