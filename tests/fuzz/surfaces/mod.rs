//! One module per surface: how its seeds are gathered and what one input
//! must satisfy. Shared here: walking the repository for seed files and
//! rendering a diagnostic the way the CLI does (a bad span must not panic).

pub mod config;
pub mod cost;
pub mod extract;
pub mod lsp;
pub mod rules;

use std::path::{Path, PathBuf};

/// The repository's own files under `dirs` (relative to the crate) that
/// `keep` accepts, sorted: (path relative to the crate, bytes).
pub fn repo_files(dirs: &[&str], keep: impl Fn(&Path) -> bool) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack: Vec<PathBuf> = dirs.iter().map(|d| root.join(d)).collect();
    let mut out = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && keep(&path) {
                if let Ok(bytes) = std::fs::read(&path) {
                    let rel = path.strip_prefix(root).unwrap_or(&path);
                    out.push((rel.to_string_lossy().replace('\\', "/"), bytes));
                }
            }
        }
    }
    out.sort();
    out
}

/// A diagnostic rendered as the CLI renders it (no colour, fixed width).
pub fn render(diagnostic: &dyn miette::Diagnostic) -> Result<String, String> {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    let mut out = String::new();
    handler
        .render_report(&mut out, diagnostic)
        .map_err(|e| format!("the diagnostic does not render: {e}"))?;
    if out.trim().is_empty() {
        return Err("an empty diagnostic".into());
    }
    Ok(out)
}

/// A stable 64-bit hash of bytes (FNV-1a), to derive choices from an
/// input alone so a saved input replays the same way.
pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A diagnostic's code (`carve::config`), to tally outcomes by kind.
pub fn code(diagnostic: &dyn miette::Diagnostic) -> String {
    diagnostic
        .code()
        .map_or_else(|| "no code".into(), |c| c.to_string())
}
