//! The driver every surface shares: generates inputs from (seed,
//! iteration), runs each through the surface's check, and turns a panic, a
//! broken property, a slow input, a hang or a memory blow-up into a finding
//! saved to disk. A short fixed number of inputs under `cargo test`; a
//! timed campaign when `CARVE_FUZZ_SECS` is set (see docs/robustness.md).
//!
//! Environment:
//! - `CARVE_FUZZ_SECS`: run each surface this long instead of the smoke;
//! - `CARVE_FUZZ_SEED`: the seed (default 1);
//! - `CARVE_FUZZ_OUT`: where findings, the input in flight and
//!   `summary.jsonl` go (default `$TMPDIR/carve-fuzz`);
//! - `CARVE_FUZZ_REPLAY`: a saved input to run alone through the surface;
//! - `CARVE_FUZZ_LIMIT_MS`: an input slower than this is a finding (timed
//!   campaigns only; default 10 000);
//! - `CARVE_FUZZ_HANG_SECS` / `CARVE_FUZZ_MAX_RSS_MB`: past these the
//!   process aborts with the input saved (defaults 120 s, 3 072 MB).

use super::mutate::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many inputs, or for how long.
enum Mode {
    Inputs(u64),
    Seconds(u64),
    Replay(PathBuf),
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Whether a timed campaign (or a replay) runs rather than the smoke.
pub fn timed() -> bool {
    std::env::var_os("CARVE_FUZZ_SECS").is_some() || std::env::var_os("CARVE_FUZZ_REPLAY").is_some()
}

/// The longest input: `long` in a campaign, a quarter in the smoke (which
/// must take seconds; huge inputs are the campaign's job).
pub fn max_len(long: usize) -> usize {
    if timed() {
        long
    } else {
        long / 4
    }
}

/// Runs one surface: `smoke` inputs under plain `cargo test`.
pub fn run(
    name: &str,
    smoke: u64,
    mut make: impl FnMut(&mut Rng) -> Vec<u8>,
    mut check: impl FnMut(&[u8]) -> Result<String, String>,
) {
    let mode = match (
        std::env::var_os("CARVE_FUZZ_REPLAY"),
        env_u64("CARVE_FUZZ_SECS"),
    ) {
        (Some(path), _) => Mode::Replay(PathBuf::from(path)),
        (None, Some(secs)) => Mode::Seconds(secs),
        (None, None) => Mode::Inputs(smoke),
    };
    let seed = env_u64("CARVE_FUZZ_SEED").unwrap_or(1);
    let out = std::env::var_os("CARVE_FUZZ_OUT")
        .map_or_else(|| std::env::temp_dir().join("carve-fuzz"), PathBuf::from);
    let _ = std::fs::create_dir_all(&out);
    let limit = Duration::from_millis(env_u64("CARVE_FUZZ_LIMIT_MS").unwrap_or(10_000));
    let in_flight = out.join(format!("{name}.current"));
    let watch = Watchdog::start(name, seed, in_flight.clone());

    let started = Instant::now();
    let mut findings: Vec<String> = Vec::new();
    let (mut n_inputs, mut n_bytes) = (0u64, 0u64);
    let mut slowest = (Duration::ZERO, 0usize);
    // What became of the inputs (analysed, skipped and why, ...): a campaign
    // whose inputs all bounce off the first check tests nothing.
    let mut outcomes: std::collections::BTreeMap<String, u64> = Default::default();
    for iteration in 0.. {
        let input = match &mode {
            Mode::Replay(path) if iteration == 0 => std::fs::read(path).expect("replay input"),
            Mode::Replay(_) => break,
            Mode::Inputs(n) if iteration >= *n => break,
            Mode::Seconds(s) if started.elapsed().as_secs() >= *s => break,
            _ => make(&mut Rng::for_input(seed, iteration)),
        };
        // Kept on disk while it runs: an abort leaves it behind.
        let _ = std::fs::write(&in_flight, &input);
        watch.begin(iteration);
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        let took = t.elapsed();
        watch.end();
        n_inputs += 1;
        n_bytes += input.len() as u64;
        if n_inputs % 256 == 0 {
            // What a crash would otherwise lose: how far the run got.
            let progress = serde_json::json!({"surface": name, "seed": seed, "inputs": n_inputs,
                "seconds": started.elapsed().as_secs()});
            let _ = std::fs::write(out.join(format!("{name}.progress")), progress.to_string());
        }
        if took > slowest.0 {
            slowest = (took, input.len());
        }
        let problem = match outcome {
            Ok(Ok(_)) if took > limit && matches!(mode, Mode::Seconds(_)) => Some(format!(
                "slow: {} ms for {} bytes",
                took.as_millis(),
                input.len()
            )),
            Ok(Ok(outcome)) => {
                *outcomes.entry(outcome).or_default() += 1;
                None
            }
            Ok(Err(broken)) => Some(format!("property: {broken}")),
            Err(panic) => Some(format!("panic: {}", panic_text(&*panic))),
        };
        if let Some(problem) = problem {
            let kind = problem.split(':').next().unwrap_or("finding");
            let saved = out.join(format!("{name}-{kind}-{seed}-{iteration}.bin"));
            let _ = std::fs::write(&saved, &input);
            findings.push(format!("{problem} (saved as {})", saved.display()));
        }
    }
    watch.stop();
    let _ = std::fs::remove_file(&in_flight);
    let _ = std::fs::remove_file(out.join(format!("{name}.progress")));
    let secs = started.elapsed().as_secs_f64();
    let summary = serde_json::json!({
        "surface": name,
        "seed": seed,
        "inputs": n_inputs,
        "bytes": n_bytes,
        "seconds": (secs * 10.0).round() / 10.0,
        "slowest_ms": slowest.0.as_millis() as u64,
        "slowest_bytes": slowest.1,
        "peak_rss_mb": peak_rss_mb(),
        "outcomes": outcomes,
        "findings": findings,
    });
    eprintln!("fuzz {summary}");
    if matches!(mode, Mode::Seconds(_)) {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(out.join("summary.jsonl"))
        {
            let _ = writeln!(f, "{summary}");
        }
    }
    assert!(
        findings.is_empty(),
        "fuzz {name} (seed {seed}) found:\n{}",
        findings.join("\n")
    );
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

/// A field of /proc/self/status, in MB (Linux only; 0 elsewhere).
fn status_mb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn peak_rss_mb() -> u64 {
    status_mb("VmHWM:")
}

/// Aborts the process, leaving the input in flight on disk, when one input
/// runs past the hang bound or the process grows past the memory bound.
struct Watchdog {
    current: Arc<Mutex<Option<(u64, Instant)>>>,
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    fn start(name: &str, seed: u64, in_flight: PathBuf) -> Watchdog {
        let hang = Duration::from_secs(env_u64("CARVE_FUZZ_HANG_SECS").unwrap_or(120));
        let max_rss = env_u64("CARVE_FUZZ_MAX_RSS_MB").unwrap_or(3_072);
        let current: Arc<Mutex<Option<(u64, Instant)>>> = Arc::default();
        let done = Arc::new(AtomicBool::new(false));
        let (cur, stop, name) = (current.clone(), done.clone(), name.to_string());
        let thread = std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
                let Some((iteration, since)) = *cur.lock().unwrap_or_else(|e| e.into_inner())
                else {
                    continue;
                };
                let rss = status_mb("VmRSS:");
                let why = if since.elapsed() > hang {
                    format!("hangs (over {} s)", hang.as_secs())
                } else if rss > max_rss {
                    format!("takes {rss} MB (over {max_rss} MB)")
                } else {
                    continue;
                };
                eprintln!(
                    "fuzz {name}: input {iteration} of seed {seed} {why}; it is in {}",
                    in_flight.display()
                );
                std::process::abort();
            }
        });
        Watchdog {
            current,
            done,
            thread: Some(thread),
        }
    }

    fn begin(&self, iteration: u64) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some((iteration, Instant::now()));
    }

    fn end(&self) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn stop(mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
