//! Lambda memory and init time per route. Memory comes from
//! `[cost.memory_mb]` in `.carve/config.toml`, else `--memory-mb`, else an
//! estimate from the measured import footprints of the heavy packages on the
//! route (`data/footprints.toml`, written by `bench/measure_footprints.py`):
//! the runtime's own memory plus each package's, with 50% headroom, rounded
//! up to 128 MB and never under the default. Init time is `--init-ms` plus
//! the measured import time of those packages. A package that was not
//! measured leaves the route on the defaults, and the source says so.

use super::CostOptions;
use crate::footprints::{footprints, package, runtime_of, Package, Runtime};
use crate::report::RouteReport;

const HEADROOM: f64 = 1.5;
const STEP_MB: u32 = 128;

/// A route's Lambda memory and init time, and where they come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sizing {
    pub memory_mb: u32,
    pub memory_source: String,
    pub init_ms: u64,
}

pub fn size_route(route: &RouteReport, options: &CostOptions) -> Sizing {
    let measured = measured_packages(route);
    let init_ms = options.init_ms
        + measured.as_ref().map_or(0, |(_, pkgs)| {
            pkgs.iter().map(|p| p.import_ms.round() as u64).sum()
        });
    let (memory_mb, memory_source) = if let Some(mb) = options.memory_per_route.get(&route.id) {
        (*mb, "config".to_string())
    } else if options.memory_source != "default" {
        (options.memory_mb, options.memory_source.to_string())
    } else {
        match (&measured, route.cold_start.packages.is_empty()) {
            (_, true) => (options.memory_mb, "default".to_string()),
            (Some((runtime, pkgs)), false) => {
                let mb = runtime.rss_mb + pkgs.iter().map(|p| p.rss_mb).sum::<f64>();
                let wanted = ((mb * HEADROOM).ceil() as u32).div_ceil(STEP_MB) * STEP_MB;
                let names: Vec<String> = pkgs
                    .iter()
                    .map(|p| format!("{} {:.0} MB", p.name, p.rss_mb))
                    .collect();
                (
                    wanted.max(options.memory_mb),
                    format!(
                        "estimate: runtime {:.0} MB + {}, × {HEADROOM}",
                        runtime.rss_mb,
                        names.join(" + ")
                    ),
                )
            }
            (None, false) => (
                options.memory_mb,
                format!(
                    "default (footprint not measured: {})",
                    route.cold_start.packages.join(", ")
                ),
            ),
        }
    };
    Sizing {
        memory_mb,
        memory_source,
        init_ms,
    }
}

/// The route's runtime and its heavy packages, when every one was measured.
fn measured_packages(route: &RouteReport) -> Option<(&'static Runtime, Vec<&'static Package>)> {
    if route.cold_start.packages.is_empty() {
        return None;
    }
    let runtime_name = runtime_of(&route.framework)?;
    let runtime = footprints().runtime.get(runtime_name)?;
    let pkgs = route
        .cold_start
        .packages
        .iter()
        .map(|name| package(runtime_name, name))
        .collect::<Option<Vec<_>>>()?;
    Some((runtime, pkgs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_parses() {
        let t = footprints();
        assert!(!t.date.is_empty());
        assert!(t.runtime.contains_key("python") && t.runtime.contains_key("node"));
        assert!(t
            .package
            .iter()
            .any(|p| p.name == "pandas" && p.rss_mb > 0.0));
    }
}
