//! Concurrency the plan reserves and the connections it opens: each
//! function's reserved concurrency from its replayed peak with headroom, the
//! sum against the account's limit less the unreserved pool Lambda requires,
//! and the database connections the functions can open against the
//! database's limit.

use super::super::imports::DatabaseKind;
use super::Setting;
use serde::Serialize;

/// Over the replayed peak: a month holds bursts a few days of log did not.
pub const HEADROOM: f64 = 2.0;
/// Never reserve less: a handful of concurrent requests is ordinary.
pub const MIN_RESERVED: u32 = 5;
/// Lambda keeps at least this much of the account's concurrency unreserved.
pub const UNRESERVED_MIN: u32 = 100;
/// A Lambda instance serves one request at a time: a connection pool of
/// one per instance is all it uses.
pub const CONNECTIONS_PER_INSTANCE: u32 = 1;

/// A function's reserved concurrency: `max(⌈peak × 2⌉, 5, provisioned)`.
pub fn reserved(peak: u32, provisioned: u32) -> Setting<u32> {
    let wanted = (f64::from(peak) * HEADROOM).ceil() as u32;
    let value = wanted.max(MIN_RESERVED).max(provisioned);
    let mut reason =
        format!("peak {peak} concurrent requests in the replay × {HEADROOM} headroom = {wanted}");
    if value == provisioned && provisioned > wanted.max(MIN_RESERVED) {
        reason.push_str(&format!(", raised to the {provisioned} provisioned"));
    } else if value > wanted {
        reason.push_str(&format!(", at least {MIN_RESERVED}"));
    }
    reason.push_str(": caps the function so a spike cannot take the others' concurrency; requests past it are throttled (429)");
    Setting { value, reason }
}

/// The reservations of the whole plan against the account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountCheck {
    pub reserved_total: u32,
    pub account_concurrency: u32,
    pub unreserved_min: u32,
    pub fits: bool,
    pub message: String,
}

/// `reserved`: (function name, reserved concurrency).
pub fn check_account(reserved: &[(&str, u32)], account_concurrency: u32) -> AccountCheck {
    let total: u32 = reserved.iter().map(|r| r.1).sum();
    let available = account_concurrency.saturating_sub(UNRESERVED_MIN);
    let fits = total <= available;
    let message = if fits {
        format!(
            "reserved concurrency totals {total} of the {available} the account can reserve ({account_concurrency} (--account-concurrency) less the {UNRESERVED_MIN} Lambda keeps unreserved)"
        )
    } else {
        let mut largest: Vec<&(&str, u32)> = reserved.iter().collect();
        largest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let names: Vec<String> = largest
            .iter()
            .take(3)
            .map(|(n, v)| format!("{n} {v}"))
            .collect();
        format!(
            "reserved concurrency totals {total}, past the {available} the account can reserve ({account_concurrency} less the {UNRESERVED_MIN} Lambda keeps unreserved): raise the account's Lambda concurrent executions quota to at least {} (Service Quotas), or lower the largest reservations ({})",
            total + UNRESERVED_MIN,
            names.join(", ")
        )
    };
    AccountCheck {
        reserved_total: total,
        account_concurrency,
        unreserved_min: UNRESERVED_MIN,
        fits,
        message,
    }
}

/// The database connections one function can open.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Connections {
    /// Database clients its routes import, by kind.
    pub databases: Vec<DatabaseKind>,
    pub per_instance: u32,
    /// At the replay's peak of live instances (warm ones hold theirs).
    pub replayed_peak: u32,
    /// At its reserved concurrency: the most it can open.
    pub at_reserved: u32,
    pub reason: String,
}

/// `sql`: whether the routes import a SQL client; `peak_instances`: the
/// replay's most live instances; `reserved`: its reserved concurrency.
pub fn connections(
    databases: Vec<DatabaseKind>,
    peak_instances: u32,
    reserved: u32,
) -> Connections {
    let sql = databases.contains(&DatabaseKind::Sql);
    let per_instance = if sql { CONNECTIONS_PER_INSTANCE } else { 0 };
    let reason = if sql {
        format!(
            "its routes import a SQL client: {per_instance} connection per instance (one request at a time: size the pool to 1), {} at the replay's peak of {peak_instances} live instances, up to {} at its reserved concurrency",
            peak_instances * per_instance,
            reserved * per_instance
        )
    } else if databases.is_empty() {
        "its routes import no database client".to_string()
    } else {
        format!(
            "its routes import no SQL client (only {}): not counted against --db-max-connections",
            databases
                .iter()
                .map(|d| format!("{d:?}").to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Connections {
        per_instance,
        replayed_peak: peak_instances * per_instance,
        at_reserved: reserved * per_instance,
        databases,
        reason,
    }
}

/// The plan's connections against the database's limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatabaseCheck {
    pub replayed_peak: u32,
    pub at_reserved: u32,
    pub db_max_connections: u32,
    pub fits: bool,
    pub message: String,
}

/// `functions`: (name, connections) of each function.
pub fn check_database(
    functions: &[(&str, &Connections)],
    db_max_connections: u32,
) -> DatabaseCheck {
    let users: Vec<&(&str, &Connections)> = functions
        .iter()
        .filter(|(_, c)| c.per_instance > 0)
        .collect();
    let peak: u32 = users.iter().map(|(_, c)| c.replayed_peak).sum();
    let worst: u32 = users.iter().map(|(_, c)| c.at_reserved).sum();
    let fits = worst <= db_max_connections;
    let message = if users.is_empty() {
        "no planned function imports a SQL client".to_string()
    } else if fits {
        format!(
            "the functions open up to {worst} connections at their reserved concurrency ({peak} at the replay's peak), within the database's {db_max_connections} (--db-max-connections); the container's own pool comes on top"
        )
    } else {
        let each = db_max_connections / users.len().max(1) as u32;
        format!(
            "the functions can open {worst} connections at their reserved concurrency ({peak} at the replay's peak), past the database's {db_max_connections} (--db-max-connections): put RDS Proxy (or PgBouncer) in front of the database, or cap the reserved concurrency of {} at about {each} each",
            users.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )
    };
    DatabaseCheck {
        replayed_peak: peak,
        at_reserved: worst,
        db_max_connections,
        fits,
        message,
    }
}
