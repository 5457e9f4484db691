//! JSON renderer: the `Report` as versioned, pretty-printed JSON.

use super::Report;
use std::io::{self, Write};

pub fn render(report: &Report) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
        + "\n"
}

/// Writes what `render` returns, straight to `out` as it is serialised: a
/// large scan's report is never held whole as text.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
