//! Optimistic crash recovery for the commands that scan. `carve scan` (and
//! explain, graph, cost, plan) runs as a child of a thin supervisor: the
//! child extracts in process, as fast as ever, and notes in a journal file
//! each file it starts and finishes. If a grammar's C code aborts or
//! segfaults, the child dies before printing anything; the supervisor reads
//! which files were in flight and runs the command again with those files
//! extracted in worker processes (`isolate`), where a crash costs only the
//! file (`parser crashed (SIGABRT): …`). A clean scan pays one process
//! start and two small writes per file. docs/crash-isolation.md has the
//! design and its measured cost.

use crate::discover::{SkippedFile, SourceFile};
use crate::extract::facts::FileFacts;
use crate::extract::queries::CompiledQueries;
use crate::isolate::Isolation;
use crate::lang::Lang;
use crate::rules::RuleSet;
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus};
use std::sync::Mutex;

/// Set in the child: where to write the journal.
pub const JOURNAL_ENV: &str = "CARVE_JOURNAL";
/// Set in the child of a rerun: a file listing the files to isolate.
pub const ISOLATE_ENV: &str = "CARVE_ISOLATE_FILES";

/// Reruns after a crash before giving up (each isolates more files).
const MAX_RERUNS: usize = 4;

/// Runs this command again as a supervised child (same arguments) and
/// returns its exit code, rerunning it with the in-flight files isolated
/// when a parser crashes.
pub fn supervise(exe: &Path, args: &[OsString]) -> io::Result<ExitCode> {
    let dir = std::env::temp_dir().join(format!("carve-journal-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = run_children(exe, args, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_children(exe: &Path, args: &[OsString], dir: &Path) -> io::Result<ExitCode> {
    let journal = dir.join("journal");
    let isolate_list = dir.join("isolate");
    let mut isolated: BTreeSet<String> = BTreeSet::new();
    for _ in 0..=MAX_RERUNS {
        File::create(&journal)?;
        let mut command = Command::new(exe);
        command.args(args).env(JOURNAL_ENV, &journal);
        if !isolated.is_empty() {
            let list: String = isolated
                .iter()
                .map(|rel| serde_json::to_string(rel).unwrap_or_default() + "\n")
                .collect();
            std::fs::write(&isolate_list, list)?;
            command.env(ISOLATE_ENV, &isolate_list);
        }
        let status = command.status()?;
        let Some(signal) = crash_signal(status) else {
            return Ok(exit_code(status));
        };
        let in_flight = in_flight(&std::fs::read_to_string(&journal).unwrap_or_default());
        let new: Vec<String> = in_flight.difference(&isolated).cloned().collect();
        if new.is_empty() {
            eprintln!("carve: crashed ({signal}) outside the parsers");
            return Ok(ExitCode::from(134));
        }
        eprintln!(
            "carve: a parser crashed ({signal}) on one of {}; scanning again with {} isolated",
            new.join(", "),
            if new.len() == 1 { "it" } else { "them" }
        );
        isolated.extend(new);
    }
    eprintln!("carve: parsers kept crashing; giving up");
    Ok(ExitCode::from(134))
}

/// The signal of a child killed by a crash (not by an interrupt).
fn crash_signal(status: ExitStatus) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        return match status.signal()? {
            4 => Some("SIGILL"),
            6 => Some("SIGABRT"),
            7 => Some("SIGBUS"),
            8 => Some("SIGFPE"),
            11 => Some("SIGSEGV"),
            _ => None,
        };
    }
    #[allow(unreachable_code)]
    {
        let _ = status;
        None
    }
}

fn exit_code(status: ExitStatus) -> ExitCode {
    if let Some(code) = status.code() {
        return ExitCode::from(u8::try_from(code).unwrap_or(2));
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return ExitCode::from(u8::try_from(128 + signal).unwrap_or(2));
        }
    }
    ExitCode::from(2)
}

/// Files a journal shows started and not finished.
fn in_flight(journal: &str) -> BTreeSet<String> {
    let mut open = BTreeSet::new();
    for line in journal.lines() {
        let (mark, rel) = line.split_at(line.len().min(1));
        let Ok(rel) = serde_json::from_str::<String>(rel) else {
            continue;
        };
        match mark {
            "S" => {
                open.insert(rel);
            }
            "D" => {
                open.remove(&rel);
            }
            _ => {}
        }
    }
    open
}

/// The child's side: the journal to write and the files to isolate, from
/// the environment the supervisor set (nothing when unsupervised).
#[derive(Default)]
pub struct Recovery {
    journal: Option<Mutex<File>>,
    isolated: BTreeSet<String>,
    isolation: Option<Isolation>,
}

impl Recovery {
    /// Reads the supervisor's settings; `exe` runs the parser workers.
    pub fn from_env(exe: Option<&Path>, rules: &RuleSet, langs: &[Lang]) -> Recovery {
        let journal = std::env::var_os(JOURNAL_ENV)
            .and_then(|p| File::options().append(true).open(PathBuf::from(p)).ok())
            .map(Mutex::new);
        let isolated: BTreeSet<String> = std::env::var_os(ISOLATE_ENV)
            .and_then(|p| std::fs::read_to_string(PathBuf::from(p)).ok())
            .map(|text| {
                text.lines()
                    .filter_map(|l| serde_json::from_str(l).ok())
                    .collect()
            })
            .unwrap_or_default();
        let isolation = match exe {
            Some(exe) if !isolated.is_empty() => Some(Isolation::new(exe, rules, langs)),
            _ => None,
        };
        Recovery {
            journal,
            isolated,
            isolation,
        }
    }

    /// Journals to `journal` and isolates nothing (what `carve bench` measures).
    pub fn with_journal(journal: File) -> Recovery {
        Recovery {
            journal: Some(Mutex::new(journal)),
            ..Recovery::default()
        }
    }

    /// Reads and extracts one file: in a worker when it is isolated (the
    /// worker reads it), in process otherwise, noting it in the journal.
    pub fn extract(
        &self,
        parser: &mut tree_sitter::Parser,
        file: &SourceFile,
        max_file_bytes: u64,
        queries: &CompiledQueries,
        rules: &RuleSet,
    ) -> Result<FileFacts, SkippedFile> {
        if let Some(isolation) = self.isolation_of(file) {
            return isolation.extract_path(file, max_file_bytes);
        }
        let source = crate::scan::load(file, max_file_bytes)?;
        self.extract_text(parser, file, &source, queries, rules)
    }

    /// Extracts `source`, the text of `file` already read: in a worker when
    /// the file is isolated, in process otherwise, noting it in the journal.
    pub fn extract_text(
        &self,
        parser: &mut tree_sitter::Parser,
        file: &SourceFile,
        source: &str,
        queries: &CompiledQueries,
        rules: &RuleSet,
    ) -> Result<FileFacts, SkippedFile> {
        if let Some(isolation) = self.isolation_of(file) {
            return isolation.extract_text(file, source);
        }
        self.note('S', &file.rel);
        let result = crate::scan::extract_source(parser, file, source, queries, rules);
        self.note('D', &file.rel);
        result
    }

    /// The workers to extract `file` in, when it is isolated.
    fn isolation_of(&self, file: &SourceFile) -> Option<&Isolation> {
        self.isolation
            .as_ref()
            .filter(|_| self.isolated.contains(&file.rel))
    }

    fn note(&self, mark: char, rel: &str) {
        if let Some(journal) = &self.journal {
            let line = format!("{mark}{}\n", serde_json::to_string(rel).unwrap_or_default());
            if let Ok(mut f) = journal.lock() {
                // One write per line: the kernel keeps it if the process dies.
                let _ = f.write_all(line.as_bytes());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_flight_files_are_started_and_not_done() {
        let journal = "S\"a.py\"\nS\"b\\nc.py\"\nD\"a.py\"\nS\"d.py\"\nD\"d.py\"\nS\"tor";
        let open: Vec<String> = in_flight(journal).into_iter().collect();
        assert_eq!(open, vec!["b\nc.py".to_string()]);
    }
}
