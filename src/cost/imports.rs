//! What each route's code imports: the files its handler and hooks reach,
//! every file those load on import, and of their imports the app's declared
//! dependencies (as the manifests name them) and the database clients.

use crate::assess::reach::{reach_route, startup};
use crate::link::modules::ModuleIndex;
use crate::link::Program;
use std::collections::{BTreeMap, BTreeSet};

/// Import names (dots and dashes as `_`, lower case) that differ from the
/// distribution's name: (distribution, import).
const ALIASES: &[(&str, &str)] = &[
    ("pyyaml", "yaml"),
    ("pillow", "pil"),
    ("beautifulsoup4", "bs4"),
    ("scikit_learn", "sklearn"),
    ("python_jose", "jose"),
    ("python_dotenv", "dotenv"),
    ("mysqlclient", "mysqldb"),
    ("mysql_connector_python", "mysql"),
    ("djangorestframework", "rest_framework"),
    ("opencv_python", "cv2"),
    ("psycopg2_binary", "psycopg2"),
    ("psycopg_binary", "psycopg"),
];

/// Database clients by the module they are imported as (a prefix, dotted or
/// slashed), and the kind of server they connect to.
const DATABASE_CLIENTS: &[(&str, DatabaseKind)] = &[
    ("psycopg2", DatabaseKind::Sql),
    ("psycopg", DatabaseKind::Sql),
    ("asyncpg", DatabaseKind::Sql),
    ("pymysql", DatabaseKind::Sql),
    ("MySQLdb", DatabaseKind::Sql),
    ("mysql.connector", DatabaseKind::Sql),
    ("sqlalchemy", DatabaseKind::Sql),
    ("flask_sqlalchemy", DatabaseKind::Sql),
    ("sqlmodel", DatabaseKind::Sql),
    ("django.db", DatabaseKind::Sql),
    ("peewee", DatabaseKind::Sql),
    ("tortoise", DatabaseKind::Sql),
    ("cx_Oracle", DatabaseKind::Sql),
    ("oracledb", DatabaseKind::Sql),
    ("pyodbc", DatabaseKind::Sql),
    ("pg", DatabaseKind::Sql),
    ("mysql", DatabaseKind::Sql),
    ("mysql2", DatabaseKind::Sql),
    ("mysql2/promise", DatabaseKind::Sql),
    ("@prisma/client", DatabaseKind::Sql),
    ("sequelize", DatabaseKind::Sql),
    ("typeorm", DatabaseKind::Sql),
    ("knex", DatabaseKind::Sql),
    ("mssql", DatabaseKind::Sql),
    ("pymongo", DatabaseKind::Mongodb),
    ("motor", DatabaseKind::Mongodb),
    ("mongodb", DatabaseKind::Mongodb),
    ("mongoose", DatabaseKind::Mongodb),
    ("redis", DatabaseKind::Redis),
    ("ioredis", DatabaseKind::Redis),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseKind {
    /// PostgreSQL, MySQL and the like: a hard connection limit.
    Sql,
    Mongodb,
    Redis,
}

/// What one route's code imports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RouteImports {
    /// Declared dependencies the route's files import, as the manifest names them.
    pub packages: BTreeSet<String>,
    /// Database clients imported, by kind, with the module imported.
    pub databases: BTreeMap<DatabaseKind, BTreeSet<String>>,
}

impl RouteImports {
    pub fn merge(&mut self, other: &RouteImports) {
        self.packages.extend(other.packages.iter().cloned());
        for (kind, modules) in &other.databases {
            self.databases
                .entry(*kind)
                .or_default()
                .extend(modules.iter().cloned());
        }
    }
}

fn normal(name: &str) -> String {
    name.to_ascii_lowercase().replace(['-', '.'], "_")
}

/// The declared dependency an import of `module` comes from.
fn dependency_of<'a>(module: &str, dependencies: &'a BTreeSet<String>) -> Option<&'a String> {
    if module.starts_with('.') {
        return None;
    }
    if module.starts_with('@') {
        let scoped = module.splitn(3, '/').take(2).collect::<Vec<_>>().join("/");
        return dependencies
            .iter()
            .find(|dep| normal(dep) == normal(&scoped));
    }
    // `google.cloud.storage` comes from `google-cloud-storage`, `yaml` from
    // `PyYAML`: any leading run of the dotted (or slashed) path, joined.
    let parts: Vec<&str> = module.split(['/', '.']).collect();
    let heads: Vec<String> = (1..=parts.len())
        .map(|k| normal(&parts[..k].join("_")))
        .collect();
    dependencies.iter().find(|dep| {
        let d = normal(dep);
        let alias = ALIASES.iter().find(|(dist, _)| *dist == d).map(|a| a.1);
        heads.iter().any(|h| *h == d || Some(h.as_str()) == alias)
    })
}

fn database_of(module: &str) -> Option<DatabaseKind> {
    DATABASE_CLIENTS
        .iter()
        .find(|(prefix, _)| {
            module == *prefix
                || module
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with(['.', '/']))
        })
        .map(|c| c.1)
}

/// What the scanned code imports, per route.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeImports {
    /// By route id.
    pub routes: BTreeMap<String, RouteImports>,
    /// How many dependencies the manifests declare.
    pub declared: usize,
}

impl CodeImports {
    /// The imports of every route in `ids`, merged.
    pub fn of<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> RouteImports {
        let mut all = RouteImports::default();
        for id in ids {
            if let Some(imports) = self.routes.get(id) {
                all.merge(imports);
            }
        }
        all
    }
}

/// What each route of `program` imports.
pub fn route_imports(program: &Program) -> CodeImports {
    let modules = ModuleIndex::new(
        &program.files,
        &program.module_paths,
        &program.project_roots,
    );
    // Per file: the local files it loads, and what it imports from outside.
    let mut loads: Vec<Vec<usize>> = vec![Vec::new(); program.files.len()];
    let mut outside: Vec<RouteImports> = vec![RouteImports::default(); program.files.len()];
    for (from, facts) in program.files.iter().enumerate() {
        for import in &facts.imports {
            let submodule = import.name.as_ref().and_then(|name| {
                modules.submodule_spec(&program.files, from, &import.module, name)
            });
            let specs = std::iter::once(import.module.to_string()).chain(submodule);
            let mut local = false;
            for spec in specs {
                if let Some(file) = modules.resolve(&program.files, from, &spec) {
                    loads[from].push(file);
                    local = true;
                }
            }
            if local {
                continue;
            }
            if let Some(dep) = dependency_of(&import.module, &program.dependencies) {
                outside[from].packages.insert(dep.clone());
            }
            if let Some(kind) = database_of(&import.module) {
                outside[from]
                    .databases
                    .entry(kind)
                    .or_default()
                    .insert(import.module.to_string());
            }
        }
    }
    let mut out = BTreeMap::new();
    let at_startup = startup(program);
    for route in &program.routes {
        let reached = reach_route(program, route, &at_startup);
        let mut stack: Vec<usize> = reached
            .nodes()
            .map(|n| program.graph[n].file())
            .chain([route.file])
            .collect();
        let mut seen = vec![false; program.files.len()];
        let mut imports = RouteImports::default();
        while let Some(file) = stack.pop() {
            if std::mem::replace(&mut seen[file], true) {
                continue;
            }
            imports.merge(&outside[file]);
            stack.extend(loads[file].iter().copied().filter(|&f| !seen[f]));
        }
        out.entry(route.id())
            .or_insert_with(RouteImports::default)
            .merge(&imports);
    }
    CodeImports {
        routes: out,
        declared: program.dependencies.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_map_to_declared_dependencies() {
        let deps: BTreeSet<String> = [
            "SQLAlchemy",
            "psycopg2-binary",
            "@prisma/client",
            "google-cloud-storage",
            "express",
        ]
        .map(String::from)
        .into();
        let dep = |m| dependency_of(m, &deps).map(String::as_str);
        assert_eq!(dep("sqlalchemy.orm"), Some("SQLAlchemy"));
        assert_eq!(dep("psycopg2.pool"), Some("psycopg2-binary"));
        assert_eq!(dep("@prisma/client"), Some("@prisma/client"));
        assert_eq!(dep("google.cloud.storage"), Some("google-cloud-storage"));
        assert_eq!(dep("express"), Some("express"));
        assert_eq!(dep("os"), None);
        assert_eq!(dep("./db"), None);
        assert_eq!(database_of("psycopg2.pool"), Some(DatabaseKind::Sql));
        assert_eq!(database_of("django.db.models"), Some(DatabaseKind::Sql));
        assert_eq!(database_of("django.http"), None);
        assert_eq!(database_of("pgx"), None);
        assert_eq!(database_of("mysql2/promise"), Some(DatabaseKind::Sql));
        assert_eq!(database_of("redis"), Some(DatabaseKind::Redis));
    }
}
