//! A deadline in the CPU time of the current thread, for the limits that
//! bound what a file may cost (parsing, the query walk). Wall time moves
//! with the machine's load: on a busy machine a thread waits for a core,
//! and a file that costs 0.2 s of work could pass a 2 s wall-clock limit,
//! so which files a scan cut short would depend on what else ran. A thread's
//! CPU time counts only its own work.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// A point in the current thread's CPU time.
pub struct Deadline {
    end: Duration,
    /// When the thread's CPU time was last read, on the wall clock, and how
    /// much of the limit was left then. A thread's CPU time grows no faster
    /// than the wall clock, so until that much wall time has passed the
    /// limit cannot be spent: the wall clock (read in user space) answers,
    /// and the CPU clock (a system call) is read only when it could be.
    checked: Cell<(Instant, Duration)>,
}

impl Deadline {
    /// `limit` of this thread's CPU time from now.
    pub fn after(limit: Duration) -> Self {
        Deadline {
            end: thread_cpu_time().saturating_add(limit),
            checked: Cell::new((Instant::now(), limit)),
        }
    }

    /// Whether this thread has spent its limit. Read on the thread that
    /// made the deadline.
    pub fn passed(&self) -> bool {
        let (at, left) = self.checked.get();
        if at.elapsed() < left {
            return false;
        }
        let now = thread_cpu_time();
        if now > self.end {
            return true;
        }
        self.checked.set((Instant::now(), self.end - now));
        false
    }
}

/// The CPU time the current thread has used.
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec` through a pointer to a
    // valid, exclusively borrowed one; CLOCK_THREAD_CPUTIME_ID is supported
    // on Linux and macOS.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    if status != 0 {
        return fallback_time();
    }
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    fallback_time()
}

/// Wall time since the first call, where the thread's CPU time cannot be read.
fn fallback_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_spends_the_limit_and_a_long_one_is_not_spent() {
        let short = Deadline::after(Duration::from_millis(1));
        let long = Deadline::after(Duration::from_secs(3600));
        let started = std::time::Instant::now();
        let mut n: u64 = 0;
        while !short.passed() && started.elapsed() < Duration::from_secs(30) {
            n = std::hint::black_box(n.wrapping_add(1));
        }
        assert!(
            short.passed(),
            "busy work for 30 s did not spend 1 ms of CPU"
        );
        assert!(!long.passed());
    }

    #[test]
    fn sleeping_spends_no_cpu_time() {
        let deadline = Deadline::after(Duration::from_millis(50));
        std::thread::sleep(Duration::from_millis(120));
        assert!(!deadline.passed(), "a sleeping thread used no CPU time");
    }
}
