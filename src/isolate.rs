//! Crash isolation: tree-sitter grammars are C code, and a grammar that
//! aborts or segfaults on one odd file would take the whole process with it.
//! Files are therefore parsed and extracted in worker processes that
//! re-execute carve itself (`carve __extract-worker`); a worker receives the
//! rule set once, then one file per request, and answers with the file's
//! facts, serialised. When a worker dies, the file it held is reported as
//! skipped (`parser crashed (SIGABRT): …`) and the next file gets a fresh
//! worker. docs/crash-isolation.md has the design and its measured cost.

use crate::discover::{self, SkippedFile, SourceFile};
use crate::extract::facts::FileFacts;
use crate::extract::queries::CompiledQueries;
use crate::lang::Lang;
use crate::rules::RuleSet;
use serde::{Deserialize, Serialize};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;
use std::thread::JoinHandle;

/// The first argument that turns the carve binary into a worker.
pub const WORKER_ARG: &str = "__extract-worker";

/// The largest message either side accepts (a frame announcing more is a
/// broken worker, not an allocation).
const MAX_FRAME: u64 = 1 << 30;

/// What a worker keeps of its stderr to explain a crash.
const STDERR_TAIL: usize = 4096;

/// Sent once, when a worker starts.
#[derive(Serialize, Deserialize)]
struct Setup {
    rules: RuleSet,
    langs: Vec<Lang>,
}

/// One file to extract.
#[derive(Serialize, Deserialize)]
enum Request {
    /// Read from disk by the worker (a scan).
    Load { file: Wire, max_bytes: u64 },
    /// The text is given (an editor buffer, a benchmark).
    Text { file: Wire, text: String },
}

/// A `SourceFile` on the wire.
#[derive(Serialize, Deserialize)]
struct Wire {
    rel: String,
    abs: PathBuf,
    lang: Lang,
}

impl Wire {
    fn of(file: &SourceFile) -> Wire {
        Wire {
            rel: file.rel.clone(),
            abs: file.abs.clone(),
            lang: file.lang,
        }
    }

    fn into_source(self) -> SourceFile {
        SourceFile {
            rel: self.rel,
            abs: self.abs,
            lang: self.lang,
        }
    }
}

type Reply = Result<FileFacts, SkippedFile>;

/// Extracts files in worker processes of `exe`, at most one per calling
/// thread, reused from file to file and replaced when one dies.
pub struct Isolation {
    exe: PathBuf,
    setup: Vec<u8>,
    idle: Mutex<Vec<Worker>>,
}

impl Isolation {
    /// Workers of `exe` (the carve binary) that extract with `rules`, with
    /// queries compiled for `langs`.
    pub fn new(exe: &Path, rules: &RuleSet, langs: &[Lang]) -> Isolation {
        let mut langs = langs.to_vec();
        langs.sort();
        langs.dedup();
        let setup = serde_json::to_vec(&Setup {
            rules: rules.clone(),
            langs,
        })
        .unwrap_or_default();
        Isolation {
            exe: exe.to_path_buf(),
            setup,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Reads `file` from disk and extracts its facts in a worker.
    pub fn extract_path(&self, file: &SourceFile, max_bytes: u64) -> Reply {
        self.call(
            &file.rel,
            &Request::Load {
                file: Wire::of(file),
                max_bytes,
            },
        )
    }

    /// Extracts the facts of `text` (the contents of `file`) in a worker.
    pub fn extract_text(&self, file: &SourceFile, text: &str) -> Reply {
        self.call(
            &file.rel,
            &Request::Text {
                file: Wire::of(file),
                text: text.to_string(),
            },
        )
    }

    fn call(&self, rel: &str, request: &Request) -> Reply {
        let skipped = |reason: String| SkippedFile {
            path: rel.to_string(),
            reason,
        };
        let message = serde_json::to_vec(request)
            .map_err(|e| skipped(format!("cannot send to a parser worker: {e}")))?;
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut worker = match idle {
            Some(w) => w,
            None => Worker::spawn(&self.exe, &self.setup)
                .map_err(|e| skipped(format!("cannot start a parser worker: {e}")))?,
        };
        match worker.exchange(&message) {
            Ok(reply) => {
                if let Ok(mut idle) = self.idle.lock() {
                    idle.push(worker);
                }
                reply
            }
            Err(_) => Err(skipped(worker.crashed())),
        }
    }
}

/// One worker process and the pipes to it.
struct Worker {
    child: Child,
    stdin: Option<BufWriter<ChildStdin>>,
    stdout: BufReader<ChildStdout>,
    stderr: Option<JoinHandle<Vec<u8>>>,
}

impl Worker {
    fn spawn(exe: &Path, setup: &[u8]) -> io::Result<Worker> {
        let mut child = spawn_piped(exe, WORKER_ARG)?;
        let missing = || io::Error::other("worker pipes missing");
        let stdin = child.stdin.take().ok_or_else(missing)?;
        let stdout = child.stdout.take().ok_or_else(missing)?;
        let mut stderr = child.stderr.take().ok_or_else(missing)?;
        // Drained all along (a full pipe would block the worker), keeping the tail.
        let stderr = std::thread::spawn(move || {
            let mut tail = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 2 * STDERR_TAIL {
                    tail.drain(..tail.len() - STDERR_TAIL);
                }
            }
            tail
        });
        let mut worker = Worker {
            child,
            stdin: Some(BufWriter::new(stdin)),
            stdout: BufReader::new(stdout),
            stderr: Some(stderr),
        };
        if let Some(stdin) = worker.stdin.as_mut() {
            write_frame(stdin, setup)?;
            stdin.flush()?;
        }
        Ok(worker)
    }

    fn exchange(&mut self, message: &[u8]) -> io::Result<Reply> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| io::Error::other("worker closed"))?;
        write_frame(stdin, message)?;
        stdin.flush()?;
        let frame = read_frame(&mut self.stdout)?
            .ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))?;
        serde_json::from_slice(&frame).map_err(io::Error::other)
    }

    /// Reaps a worker that stopped answering and says why it died.
    fn crashed(mut self) -> String {
        self.stdin = None;
        let _ = self.child.kill();
        let status = self.child.wait();
        let tail = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let last = String::from_utf8_lossy(&tail)
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| format!(": {}", l.chars().take(300).collect::<String>()))
            .unwrap_or_default();
        let how = match status {
            Ok(status) => describe_exit(status),
            Err(e) => e.to_string(),
        };
        format!("parser crashed ({how}){last}")
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing stdin ends the worker's loop; then reap it.
        self.stdin = None;
        let _ = self.child.wait();
        if let Some(h) = self.stderr.take() {
            let _ = h.join();
        }
    }
}

/// Starts `exe ARG` (a worker of this binary) with its three pipes.
pub(crate) fn spawn_piped(exe: &Path, arg: &str) -> io::Result<Child> {
    Command::new(exe)
        .arg(arg)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
}

/// How a process ended, in words (`SIGABRT`, `exit status 2`).
pub(crate) fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                4 => "SIGILL",
                6 => "SIGABRT",
                7 => "SIGBUS",
                8 => "SIGFPE",
                9 => "SIGKILL",
                11 => "SIGSEGV",
                _ => return format!("signal {signal}"),
            };
            return name.to_string();
        }
    }
    match status.code() {
        Some(code) => format!("exit status {code}"),
        None => "no exit status".to_string(),
    }
}

/// A length-prefixed frame: 8 bytes little-endian length, then the bytes.
fn write_frame(w: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(bytes)
}

/// The next frame; None at a clean end of input.
fn read_frame(r: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 8];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u64::from_le_bytes(len);
    if len > MAX_FRAME {
        return Err(io::Error::other(format!("frame of {len} bytes")));
    }
    let mut bytes = Vec::new();
    r.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(bytes))
}

/// The worker's side: reads the setup, then answers requests until its
/// input closes. Runs in the `carve __extract-worker` process.
pub fn serve_worker() -> io::Result<()> {
    let mut input = BufReader::new(io::stdin().lock());
    let mut output = BufWriter::new(io::stdout().lock());
    let Some(setup) = read_frame(&mut input)? else {
        return Ok(());
    };
    let setup: Setup = serde_json::from_slice(&setup).map_err(io::Error::other)?;
    let queries = CompiledQueries::compile_for(&setup.rules, &setup.langs)
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut parser = tree_sitter::Parser::new();
    let rules = setup.rules;
    while let Some(frame) = read_frame(&mut input)? {
        let request: Request = serde_json::from_slice(&frame).map_err(io::Error::other)?;
        let reply: Reply = match request {
            Request::Load { file, max_bytes } => {
                let file = file.into_source();
                discover::load(&file, max_bytes)
                    .map_err(|e| SkippedFile {
                        path: file.rel.clone(),
                        reason: e.to_string(),
                    })
                    .and_then(|text| {
                        crate::scan::extract_source(&mut parser, &file, &text, &queries, &rules)
                    })
            }
            Request::Text { file, text } => {
                let file = file.into_source();
                crate::scan::extract_source(&mut parser, &file, &text, &queries, &rules)
            }
        };
        let bytes = serde_json::to_vec(&reply).map_err(io::Error::other)?;
        write_frame(&mut output, &bytes)?;
        output.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_refuse_absurd_lengths() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"hello").unwrap();
        let mut r = &buf[..];
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"hello");
        assert!(read_frame(&mut r).unwrap().is_none());
        let huge = u64::MAX.to_le_bytes();
        assert!(read_frame(&mut &huge[..]).is_err());
        // A frame cut short is an error, not a short message.
        let mut cut = Vec::new();
        write_frame(&mut cut, b"hello").unwrap();
        cut.truncate(10);
        assert!(read_frame(&mut &cut[..]).is_err());
    }
}
