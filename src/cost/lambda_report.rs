//! Right-sizing functions already in production from CloudWatch Lambda
//! `REPORT` lines (a text export, or `aws logs filter-log-events` JSON):
//! per function, the memory size against the p99 of max memory used, the
//! durations and init durations, a memory size with headroom, and what it
//! would save. One file per function; the function is the file's name.

use super::logs::parse_rfc3339;
use super::pricing::Rate;
use super::stats::Quantiles;
use regex::Regex;
use serde::Serialize;
use std::io::BufRead;
use std::sync::OnceLock;

/// Headroom over the p99 of max memory used.
const HEADROOM: f64 = 1.3;
const MIN_MEMORY_MB: u32 = 128;
/// Recommendations are rounded up to this step.
const STEP_MB: u32 = 64;

/// One `REPORT` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Invocation {
    pub duration_ms: f64,
    pub billed_ms: f64,
    pub memory_mb: u32,
    pub max_used_mb: u32,
    pub init_ms: Option<f64>,
}

fn fields() -> &'static [Regex; 5] {
    static RE: OnceLock<[Regex; 5]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            r"RequestId: \S+\s+Duration: ([\d.]+) ms",
            r"Billed Duration: ([\d.]+) ms",
            r"Memory Size: (\d+) MB",
            r"Max Memory Used: (\d+) MB",
            r"Init Duration: ([\d.]+) ms",
        ]
        .map(|p| Regex::new(p).unwrap_or_else(|e| unreachable!("fixed pattern: {e}")))
    })
}

/// A `REPORT RequestId: …` line (or message), wherever it starts.
pub fn parse_report(message: &str) -> Option<Invocation> {
    if !message.contains("REPORT RequestId:") {
        return None;
    }
    let [duration, billed, size, used, init] = fields();
    let num = |re: &Regex| -> Option<f64> { re.captures(message)?.get(1)?.as_str().parse().ok() };
    Some(Invocation {
        duration_ms: num(duration)?,
        billed_ms: num(billed)?,
        memory_mb: num(size)? as u32,
        max_used_mb: num(used)? as u32,
        init_ms: num(init),
    })
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FunctionSizing {
    pub function: String,
    pub invocations: u64,
    /// The configured size (the largest seen).
    pub memory_size_mb: u32,
    pub max_memory_used_p99_mb: u64,
    pub max_memory_used_max_mb: u64,
    pub duration_p50_ms: f64,
    pub duration_p99_ms: f64,
    pub cold_starts: u64,
    pub init_duration_p50_ms: f64,
    pub init_duration_max_ms: f64,
    /// p99 of max memory used × 1.3, rounded up to 64 MB, at least 128 MB.
    pub recommended_memory_mb: u32,
    /// Saving at the recommended size per million invocations like these.
    pub saving_per_million_usd: f64,
    /// Per month, when the lines have timestamps to measure their span.
    pub monthly_saving_usd: Option<f64>,
    pub note: String,
}

/// Reads one function's REPORT lines: text, JSON lines of events, or the
/// JSON that `aws logs filter-log-events` prints (pages concatenated).
pub fn read_function(
    name: &str,
    mut input: impl BufRead,
    rate: &Rate,
    month_hours: f64,
) -> FunctionSizing {
    let mut acc = Acc::new();
    let starts_json = input
        .fill_buf()
        .map(|b| b.iter().find(|c| !c.is_ascii_whitespace()).copied())
        .ok()
        .flatten()
        == Some(b'{');
    if starts_json {
        let stream = serde_json::Deserializer::from_reader(input).into_iter::<serde_json::Value>();
        for value in stream.map_while(Result::ok) {
            let events = match value.get("events").and_then(|e| e.as_array()) {
                Some(events) => events.clone(),
                None => vec![value],
            };
            for e in events {
                let message = e.get("message").and_then(|m| m.as_str()).unwrap_or("");
                let ts = e
                    .get("timestamp")
                    .and_then(|t| t.as_i64())
                    .map(|ms| ms * 1000);
                acc.add(message, ts);
            }
        }
    } else {
        let mut line = String::new();
        loop {
            line.clear();
            match input.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let ts = line.split_whitespace().next().and_then(parse_rfc3339);
            acc.add(&line, ts);
        }
    }
    acc.finish(name, rate, month_hours)
}

struct Acc {
    invocations: u64,
    memory_mb: u32,
    used: Quantiles,
    duration_us: Quantiles,
    init_us: Quantiles,
    cold: u64,
    billed_ms_total: f64,
    first_us: Option<i64>,
    last_us: Option<i64>,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            invocations: 0,
            memory_mb: 0,
            used: Quantiles::new(20_480),
            duration_us: Quantiles::new(86_400_000_000),
            init_us: Quantiles::new(86_400_000_000),
            cold: 0,
            billed_ms_total: 0.0,
            first_us: None,
            last_us: None,
        }
    }

    fn add(&mut self, message: &str, ts: Option<i64>) {
        let Some(inv) = parse_report(message) else {
            return;
        };
        self.invocations += 1;
        self.memory_mb = self.memory_mb.max(inv.memory_mb);
        self.used.record(u64::from(inv.max_used_mb));
        self.duration_us.record((inv.duration_ms * 1000.0) as u64);
        self.billed_ms_total += inv.billed_ms;
        if let Some(init) = inv.init_ms {
            self.cold += 1;
            self.init_us.record((init * 1000.0) as u64);
        }
        if let Some(t) = ts {
            self.first_us = Some(self.first_us.map_or(t, |f| f.min(t)));
            self.last_us = Some(self.last_us.map_or(t, |l| l.max(t)));
        }
    }

    fn finish(self, name: &str, rate: &Rate, month_hours: f64) -> FunctionSizing {
        let p99 = self.used.quantile(0.99);
        let wanted = (p99 as f64 * HEADROOM).ceil() as u32;
        let recommended = wanted.div_ceil(STEP_MB).max(1) * STEP_MB;
        let recommended = recommended
            .max(MIN_MEMORY_MB)
            .min(self.memory_mb.max(MIN_MEMORY_MB));
        let delta_gb = f64::from(self.memory_mb.saturating_sub(recommended)) / 1024.0;
        let saving = self.billed_ms_total / 1000.0 * delta_gb * rate.per_gb_second;
        let per_million = if self.invocations == 0 {
            0.0
        } else {
            saving / self.invocations as f64 * 1e6
        };
        let span_us = match (self.first_us, self.last_us) {
            (Some(a), Some(b)) if b > a => Some((b - a) as f64),
            _ => None,
        };
        let monthly = span_us.map(|s| saving * month_hours * 3_600e6 / s);
        let note = if recommended < self.memory_mb {
            "CPU scales with memory on Lambda: a CPU-bound function may run longer at the smaller size; try it and compare durations".to_string()
        } else if p99 as f64 * HEADROOM > f64::from(self.memory_mb) {
            "under 30% headroom over the p99 of memory used: consider more memory".to_string()
        } else {
            "sized well".to_string()
        };
        let ms = |q: &Quantiles, p| q.quantile(p) as f64 / 1000.0;
        FunctionSizing {
            function: name.to_string(),
            invocations: self.invocations,
            memory_size_mb: self.memory_mb,
            max_memory_used_p99_mb: p99,
            max_memory_used_max_mb: self.used.quantile(1.0),
            duration_p50_ms: ms(&self.duration_us, 0.5),
            duration_p99_ms: ms(&self.duration_us, 0.99),
            cold_starts: self.cold,
            init_duration_p50_ms: ms(&self.init_us, 0.5),
            init_duration_max_ms: ms(&self.init_us, 1.0),
            recommended_memory_mb: recommended,
            saving_per_million_usd: per_million,
            monthly_saving_usd: monthly,
            note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB\tMax Memory Used: 180 MB\tInit Duration: 250.55 ms\t";

    #[test]
    fn report_lines() {
        let inv = parse_report(LINE).expect("parses");
        assert_eq!(
            inv,
            Invocation {
                duration_ms: 12.34,
                billed_ms: 13.0,
                memory_mb: 1024,
                max_used_mb: 180,
                init_ms: Some(250.55)
            }
        );
        let warm = "2026-11-01T10:00:00.000Z 2026/11/01/[$LATEST]abc REPORT RequestId: x Duration: 2.00 ms Billed Duration: 2 ms Memory Size: 128 MB Max Memory Used: 60 MB";
        assert_eq!(
            parse_report(warm).map(|i| (i.init_ms, i.max_used_mb)),
            Some((None, 60))
        );
        assert_eq!(parse_report("START RequestId: x Version: $LATEST"), None);
    }

    #[test]
    fn a_function_with_too_much_memory() {
        let rate = Rate {
            per_gb_second: 0.0000166667,
            ..Rate::default()
        };
        // 1,000 invocations of 13 ms billed at 1024 MB using 180 MB, over one hour.
        let mut text = String::new();
        for i in 0..1000 {
            let ts = if i == 999 {
                "2026-11-01T11:00:00Z"
            } else {
                "2026-11-01T10:00:00Z"
            };
            text.push_str(&format!(
                "{ts} {}\n",
                LINE.replace("\tInit Duration: 250.55 ms", "")
            ));
        }
        let f = read_function("orders", std::io::Cursor::new(text), &rate, 730.0);
        assert_eq!(
            (f.invocations, f.memory_size_mb, f.max_memory_used_p99_mb),
            (1000, 1024, 180)
        );
        // 180 × 1.3 = 234 → 256 MB.
        assert_eq!(f.recommended_memory_mb, 256);
        let saving = 0.013 * 0.75 * 0.0000166667; // per invocation: 13 ms × 0.75 GB less
        assert!((f.saving_per_million_usd - saving * 1e6).abs() < 1e-9);
        let monthly = f.monthly_saving_usd.expect("timestamps give a span");
        assert!((monthly - saving * 1000.0 * 730.0).abs() < 1e-9);

        let json = format!(
            "{{\"events\": [{{\"timestamp\": 1793527200000, \"message\": \"{}\"}}], \"searchedLogStreams\": []}}\n",
            LINE.replace('\t', "\\t")
        );
        let f = read_function("orders", std::io::Cursor::new(json), &rate, 730.0);
        assert_eq!(
            (f.invocations, f.cold_starts, f.monthly_saving_usd),
            (1, 1, None)
        );
    }
}
