//! The allocator's part in a scan's peak memory (glibc only; elsewhere
//! nothing): large blocks mapped apart, so that a file's text and a
//! tree freed after its extraction go back to the system instead of
//! leaving holes the facts cannot fill, and free pages given back between
//! the stages of a one-shot scan (extraction, link), whose high-water marks
//! add up otherwise.

/// Blocks at least this large are mapped on their own and unmapped when
/// freed. glibc's default starts at 128 KiB and rises to the largest block
/// freed so far, after which the texts of large files and their trees are
/// carved from the arenas and leave holes there.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAPPED_BLOCK: libc::c_int = 64 * 1024;

/// Sets the threshold of `MAPPED_BLOCK` for the rest of the process: once,
/// before the scan allocates its facts.
pub fn map_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes a tunable of the allocator; called
    // with a documented parameter and a valid value.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_BLOCK);
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
