//! Timeouts from the replayed durations: p99.9 × a margin, rounded up to
//! whole seconds, at least a floor, capped by the platform's limit; the
//! routes whose longest request the timeout would cut are named.

use super::super::stats::FinishedStats;
use serde::Serialize;

/// Over the p99.9 duration: room for a slower day than the log's.
pub const MARGIN: f64 = 1.5;
/// Lambda's default; shorter timeouts gain nothing and cut slow starts.
pub const FLOOR_S: u32 = 3;
/// API Gateway HTTP API's integration timeout (30 s), less a second so the
/// function times out before the gateway answers 503.
pub const LAMBDA_CAP_S: u32 = 29;
pub const LAMBDA_CAP: &str = "API Gateway's 30 s integration timeout";
/// Cloud Run's request timeout limit.
pub const CLOUD_RUN_CAP_S: u32 = 3600;
pub const CLOUD_RUN_CAP: &str = "Cloud Run's 60 min request limit";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeout {
    pub value: u32,
    pub reason: String,
    /// Routes whose longest logged request runs past `value`: `GET /x (41 s)`.
    pub cut: Vec<String>,
}

fn seconds(us: u64) -> f64 {
    us as f64 / 1e6
}

/// The timeout of a function whose requests `unit` replayed, with its
/// routes' own figures (`(id, stats)`) to name the ones it would cut.
pub fn timeout(
    unit: &FinishedStats,
    routes: &[(&str, &FinishedStats)],
    cap_s: u32,
    cap: &str,
) -> Timeout {
    let p999 = seconds(unit.duration_us.quantile(0.999));
    let wanted = (p999 * MARGIN).ceil();
    let value = (wanted as u32).clamp(FLOOR_S, cap_s);
    let cut: Vec<String> = routes
        .iter()
        .filter(|(_, s)| seconds(s.duration_us.quantile(1.0)) > f64::from(value))
        .map(|(id, s)| format!("{id} ({:.1} s)", seconds(s.duration_us.quantile(1.0))))
        .collect();
    let mut reason = format!("p99.9 duration {p999:.2} s × {MARGIN} = {wanted:.0} s");
    if wanted > f64::from(cap_s) {
        reason.push_str(&format!(", capped at {cap_s} s by {cap}"));
    } else if value == FLOOR_S && wanted < f64::from(FLOOR_S) {
        reason.push_str(&format!(", raised to the {FLOOR_S} s floor"));
    }
    if !cut.is_empty() {
        reason.push_str(&format!(
            "; requests longer than {value} s would fail on {}",
            cut.join(", ")
        ));
    }
    Timeout { value, reason, cut }
}
