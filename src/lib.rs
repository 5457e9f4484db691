//! carve: reads a web monolith and tells, route by route, which HTTP
//! endpoints can become serverless functions, which need a container, and
//! which need a refactor first — with the lines and call chains that say why.
//!
//! The pipeline (see DESIGN.md): [`discover`] → [`extract`] → [`link`] →
//! [`assess`] → [`report`], driven by [`scan`].

pub mod app_config;
pub mod assess;
pub mod bench;
pub mod cache;
pub mod config;
pub mod config_files;
pub mod config_routes;
pub mod cost;
pub mod defines;
pub mod discover;
pub mod embedded;
pub mod extract;
pub mod footprints;
pub mod graph;
pub mod guard;
pub mod heap;
pub mod isolate;
pub mod lang;
pub mod link;
pub mod lsp;
pub mod manifest;
pub mod prefilter;
pub mod query_cost;
pub mod report;
pub mod rules;
pub mod scan;
pub mod settings;
pub mod supervise;
