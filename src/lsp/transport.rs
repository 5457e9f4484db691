//! stdio transport: `Content-Length` framed JSON-RPC in and out. Unlike
//! `lsp_server::Connection::stdio`, a malformed frame or a body that is not a
//! JSON-RPC message is skipped and passed on as a [`MALFORMED`] notification
//! (the server logs it to the client), and the server keeps running.

use crossbeam_channel::Sender;
use lsp_server::{Connection, Message, Notification};
use std::io::{self, BufRead, Write};
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

/// Reads messages until end of input or `exit`, passing each to `incoming`;
/// a malformed one is replaced by a [`MALFORMED`] notification.
pub fn read_messages(mut input: impl BufRead, incoming: &Sender<Message>) {
    loop {
        let body = match read_frame(&mut input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(Malformed(why)) => {
                report(incoming, why);
                continue;
            }
        };
        match serde_json::from_str::<Message>(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if incoming.send(msg).is_err() || exit {
                    return;
                }
            }
            Err(e) => report(
                incoming,
                format!("not a JSON-RPC message ({e}): {body:.200}"),
            ),
        }
    }
}

fn report(incoming: &Sender<Message>, why: String) {
    let _ = incoming.send(Notification::new(MALFORMED.to_string(), why).into());
}

/// One frame's body; `Ok(None)` at end of input.
fn read_frame(input: &mut impl BufRead) -> Result<Option<String>, Malformed> {
    let mut length = None;
    let mut bad_header = None;
    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return Ok(None),
            Ok(_) => {}
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            continue; // blank lines between frames
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(header.to_string()),
                }
            }
            Some(_) => {}
            None => bad_header = Some(header.to_string()),
        }
    }
    let Some(length) = length else {
        return Err(Malformed(format!(
            "no Content-Length (header `{}`)",
            bad_header.unwrap_or_default()
        )));
    };
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Ok(None);
    }
    String::from_utf8(body)
        .map(Some)
        .map_err(|_| Malformed("body is not UTF-8".into()))
}
