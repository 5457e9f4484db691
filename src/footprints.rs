//! footprints: the measured import cost of the packages the heavy-startup
//! rules name (`data/footprints.toml`, written by `bench/measure_footprints.py`:
//! resident memory and import time over the bare runtime). The scan's
//! cold-start estimate and `carve cost`'s memory sizing both read it.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footprints {
    pub date: String,
    pub runtime: BTreeMap<String, Runtime>,
    pub package: Vec<Package>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Runtime {
    pub version: String,
    pub rss_mb: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub runtime: String,
    pub name: String,
    pub imported: String,
    pub distribution: String,
    pub version: String,
    pub rss_mb: f64,
    pub import_ms: f64,
}

const TABLE: &str = include_str!("../data/footprints.toml");

/// The embedded table (a test checks that it parses).
pub fn footprints() -> &'static Footprints {
    static PARSED: OnceLock<Footprints> = OnceLock::new();
    PARSED.get_or_init(|| toml::from_str(TABLE).unwrap_or_default())
}

/// The runtime a framework runs on.
pub fn runtime_of(framework: &str) -> Option<&'static str> {
    match framework.split('-').next()? {
        "flask" | "django" | "fastapi" => Some("python"),
        "express" | "koa" | "fastify" | "nestjs" | "nextjs" => Some("node"),
        _ => None,
    }
}

/// The measurement of package `name` on `runtime` (`python`, `node`).
pub fn package(runtime: &str, name: &str) -> Option<&'static Package> {
    footprints()
        .package
        .iter()
        .find(|p| p.runtime == runtime && p.name == name)
}

/// The measured import time of `packages` on a route of `framework`, in
/// milliseconds, and the packages that were not measured.
pub fn import_ms(framework: &str, packages: &[String]) -> (u32, Vec<String>) {
    let runtime = runtime_of(framework);
    let mut total = 0.0;
    let mut unmeasured = Vec::new();
    for name in packages {
        match runtime.and_then(|r| package(r, name)) {
            Some(p) => total += p.import_ms,
            None => unmeasured.push(name.clone()),
        }
    }
    (total.round() as u32, unmeasured)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measured_import_times_add_up() {
        let table = footprints();
        let ms = |name: &str| {
            table
                .package
                .iter()
                .find(|p| p.runtime == "python" && p.name == name)
                .map(|p| p.import_ms)
                .expect("measured")
        };
        let (total, unmeasured) = import_ms(
            "flask",
            &["pandas".to_string(), "no-such-package".to_string()],
        );
        assert_eq!(total, ms("pandas").round() as u32);
        assert_eq!(unmeasured, ["no-such-package"]);
    }
}
