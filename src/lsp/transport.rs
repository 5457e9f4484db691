//! stdio transport: `Content-Length` framed JSON-RPC in and out. Unlike
//! `lsp_server::Connection::stdio`, a malformed frame or a body that is not a
//! JSON-RPC message is skipped and passed on as a [`MALFORMED`] notification
//! (the server logs it to the client), and the server keeps running.

use crossbeam_channel::Sender;
use lsp_server::{Connection, Message, Notification};
use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

/// The notification the reader passes on for input it skipped; its params
/// say why.
pub const MALFORMED: &str = "$/carve/malformed";

/// A frame that could not be read as a message, and why.
struct Malformed(String);

/// A connection over stdin/stdout, and the writer thread to join (after the
/// connection is dropped) so every reply is flushed: the connection holds the
/// only sender to the writer. The reader thread stops after `exit` or at end
/// of input and is never joined: it may be blocked on stdin.
pub fn stdio() -> (Connection, JoinHandle<io::Result<()>>) {
    let (to_client, outgoing) = crossbeam_channel::unbounded::<Message>();
    let (incoming, from_client) = crossbeam_channel::unbounded::<Message>();
    std::thread::spawn(move || read_messages(io::stdin().lock(), &incoming));
    let writer = std::thread::spawn(move || {
        let mut stdout = io::stdout().lock();
        for msg in outgoing {
            msg.write(&mut stdout)?;
        }
        stdout.flush()
    });
    let conn = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (conn, writer)
}

/// The largest frame read (a buffer of the largest file the scan reads,
/// escaped, fits many times over); a larger `Content-Length` is skipped
/// without allocating it.
pub const MAX_FRAME: usize = 64 << 20;

/// Reads messages until end of input or `exit`, passing each to `incoming`;
/// a malformed one is replaced by a [`MALFORMED`] notification, and reading
/// resumes at the next `Content-Length` header.
pub fn read_messages(input: impl BufRead, incoming: &Sender<Message>) {
    let mut input = Pushback {
        pending: Vec::new(),
        at: 0,
        inner: input,
    };
    loop {
        let body = match read_frame(&mut input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(Malformed(why)) => {
                report(incoming, why);
                continue;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if incoming.send(msg).is_err() || exit {
                    return;
                }
            }
            Err(e) => {
                // A Content-Length longer than its body swallowed the next
                // frame's header: read on from that header.
                // (An empty body is no message, and has no header in it.)
                let resume = body.get(1..).and_then(find_header).map(|at| at + 1);
                let shown = String::from_utf8_lossy(&body[..resume.unwrap_or(body.len())]);
                report(
                    incoming,
                    format!("not a JSON-RPC message ({e}): {:.200}", shown),
                );
                if let Some(at) = resume {
                    input.push_back(&body[at..]);
                }
            }
        }
    }
}

/// Where `Content-Length:` starts in `bytes`, in any case.
fn find_header(bytes: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length:";
    bytes
        .windows(NAME.len())
        .position(|w| w.eq_ignore_ascii_case(NAME))
}

/// A reader that can be handed back bytes it already gave.
struct Pushback<R> {
    pending: Vec<u8>,
    at: usize,
    inner: R,
}

impl<R> Pushback<R> {
    fn push_back(&mut self, bytes: &[u8]) {
        let mut pending = bytes.to_vec();
        pending.extend_from_slice(&self.pending[self.at..]);
        self.pending = pending;
        self.at = 0;
    }
}

impl<R: BufRead> io::Read for Pushback<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Pushback<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.pending.len() {
            return Ok(&self.pending[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if self.at < self.pending.len() {
            self.at = (self.at + amt).min(self.pending.len());
            if self.at == self.pending.len() {
                self.pending.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(amt);
        }
    }
}

fn report(incoming: &Sender<Message>, why: String) {
    let _ = incoming.send(Notification::new(MALFORMED.to_string(), why).into());
}

/// The longest header line kept; longer lines keep their last bytes (the
/// rest is consumed, so a line with no newline cannot grow memory).
const MAX_HEADER_LINE: usize = 8 << 10;

/// One header line, at most `MAX_HEADER_LINE` bytes kept; None at end of input.
fn read_header_line(input: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut line = Vec::new();
    loop {
        let available = input.fill_buf().ok()?;
        if available.is_empty() {
            return (!line.is_empty()).then_some(line);
        }
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        line.extend_from_slice(&available[..take]);
        if line.len() > MAX_HEADER_LINE {
            // The tail is kept: a header glued after garbage ends the line.
            line.drain(..line.len() - MAX_HEADER_LINE);
        }
        input.consume(take);
        if done {
            return Some(line);
        }
    }
}

/// One frame's body; `Ok(None)` at end of input.
fn read_frame(input: &mut impl BufRead) -> Result<Option<Vec<u8>>, Malformed> {
    let mut length = None;
    let mut bad_header = None;
    loop {
        let Some(raw) = read_header_line(input) else {
            return Ok(None);
        };
        // Garbage left by a frame shorter than its Content-Length runs into
        // the next header on the same line: resynchronise on the header.
        let raw = match find_header(&raw) {
            Some(at) if at > 0 => {
                bad_header = Some(String::from_utf8_lossy(&raw[..at.min(200)]).to_string());
                length = None;
                raw[at..].to_vec()
            }
            _ => raw,
        };
        let line = String::from_utf8_lossy(&raw);
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            continue; // blank lines between frames
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<u64>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(header.chars().take(200).collect()),
                }
            }
            Some(_) => {}
            None => bad_header = Some(header.chars().take(200).collect()),
        }
    }
    let Some(length) = length else {
        return Err(Malformed(format!(
            "no Content-Length (header `{}`)",
            bad_header.unwrap_or_default()
        )));
    };
    if length > MAX_FRAME as u64 {
        // Not allocated, not read: the next header is looked for instead.
        return Err(Malformed(format!(
            "Content-Length {length} is over the {MAX_FRAME}-byte limit"
        )));
    }
    let mut body = Vec::new();
    let read = io::Read::take(&mut *input, length).read_to_end(&mut body);
    if read.is_err() || (body.len() as u64) < length {
        return Ok(None);
    }
    Ok(Some(body))
}
