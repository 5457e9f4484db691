//! What a function ships: the adapter for its framework, and of the app's
//! declared dependencies the ones its routes import, with the measured
//! import time an entry mounting only those routes would leave out.

use super::super::imports::RouteImports;
use super::adapter::{adapter_for, Adapter};
use crate::report::RouteReport;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Package {
    pub adapter: Adapter,
    /// Declared dependencies its routes import (manifest names).
    pub dependencies: Vec<String>,
    /// How many the app declares in all.
    pub app_dependencies: usize,
    /// Heavy packages the app loads that these routes never import.
    pub heavy_left_out: Vec<String>,
    /// Their measured import time, saved on each cold start.
    pub import_ms_saved: u32,
    pub reason: String,
}

/// `routes`: the function's routes; `all`: every route of the scan;
/// `imports`: the function's routes' imports merged; `declared`: how many
/// dependencies the manifests declare.
pub fn package(
    routes: &[&RouteReport],
    all: &[RouteReport],
    imports: &RouteImports,
    declared: usize,
) -> Package {
    let frameworks: Vec<&str> = routes.iter().map(|r| r.framework.as_str()).collect();
    let runtime = routes
        .first()
        .and_then(|r| crate::lang::Lang::from_path(std::path::Path::new(&r.file)))
        .map_or("", |l| l.runtime());
    let adapter = adapter_for(&frameworks, runtime);
    let heavy = |rs: &mut dyn Iterator<Item = &RouteReport>| -> BTreeSet<String> {
        rs.flat_map(|r| r.cold_start.packages.iter().cloned())
            .collect()
    };
    let mine = heavy(&mut routes.iter().copied());
    let app = heavy(&mut all.iter());
    let heavy_left_out: Vec<String> = app.difference(&mine).cloned().collect();
    let (import_ms_saved, unmeasured) =
        crate::footprints::import_ms(frameworks.first().copied().unwrap_or(""), &heavy_left_out);
    let dependencies: Vec<String> = imports.packages.iter().cloned().collect();
    let mut reason = format!(
        "the app's code with {}{}; an entry that mounts only these routes would ship {} of the app's {declared} declared dependencies",
        adapter.name,
        adapter
            .package
            .map_or(String::new(), |p| format!(" (add `{p}` to the dependencies)")),
        dependencies.len(),
    );
    if !heavy_left_out.is_empty() {
        let measured = if unmeasured.len() == heavy_left_out.len() {
            "import time not measured".to_string()
        } else {
            format!("{import_ms_saved} ms of measured import time")
        };
        reason.push_str(&format!(
            " and leave {} out of every cold start ({measured})",
            heavy_left_out.join(", ")
        ));
    }
    Package {
        adapter,
        dependencies,
        app_dependencies: declared,
        heavy_left_out,
        import_ms_saved,
        reason,
    }
}
