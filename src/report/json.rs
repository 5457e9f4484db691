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
    // The serialiser writes a token at a time: into a buffer of its own
    // type each write is a copy, where through `dyn Write` it was a call.
    let mut buffered = io::BufWriter::with_capacity(BUFFER, out);
    serde_json::to_writer_pretty(&mut buffered, report)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// What `write` gathers before it writes to its output.
const BUFFER: usize = 64 * 1024;
