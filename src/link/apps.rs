//! Which application each file belongs to, when one repository holds
//! several (eShopOnWeb's `Web/` and `PublicApi/`): an application is the
//! folder of a file that starts one (an `entry`); a file belongs to the
//! deepest such folder above it, or to none (shared code, or a repository
//! with a single application at its root). An entry in a configuration
//! folder (the language's `config_dirs`: Rails' `config/application.rb`,
//! `config/database.yml`) starts the application in the folder above it.
//! App-wide findings and middleware registered for every route stay
//! within their application.

use crate::extract::facts::FileFacts;

pub struct AppScope {
    /// Index into the application folders, per file.
    app_of: Vec<Option<usize>>,
}

impl AppScope {
    pub fn new(files: &[FileFacts]) -> Self {
        let paths: Vec<(&str, Option<&str>)> = files
            .iter()
            .map(|f| {
                let dir = f.path.rsplit_once('/').map_or("", |(dir, _)| dir);
                (f.path.as_str(), f.entry.then(|| f.lang.app_folder(dir)))
            })
            .collect();
        Self::from_paths(&paths)
    }

    /// From each file's (path, folder of the application it starts).
    fn from_paths(files: &[(&str, Option<&str>)]) -> Self {
        let mut folders: Vec<&str> = files.iter().filter_map(|(_, app)| *app).collect();
        folders.sort_unstable();
        folders.dedup();
        // One application (or none): nothing to keep apart.
        if folders.len() < 2 {
            return AppScope {
                app_of: vec![None; files.len()],
            };
        }
        let app_of = files
            .iter()
            .map(|(path, _)| {
                folders
                    .iter()
                    .enumerate()
                    .filter(|(_, dir)| dir.is_empty() || path.starts_with(&format!("{dir}/")))
                    .max_by_key(|(_, dir)| dir.len())
                    .map(|(i, _)| i)
            })
            .collect();
        AppScope { app_of }
    }

    /// Whether code in `file` concerns a route in `route_file`: the same
    /// application, or either one shared.
    pub fn shares(&self, file: usize, route_file: usize) -> bool {
        match (self.app_of.get(file), self.app_of.get(route_file)) {
            (Some(Some(a)), Some(Some(b))) => a == b,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_belong_to_the_deepest_application_folder() {
        let files = [
            ("Web/Program.cs", Some("Web")),
            ("PublicApi/Program.cs", Some("PublicApi")),
            ("Web/Configuration/Events.cs", None),
            ("PublicApi/Endpoints/List.cs", None),
            ("Infrastructure/Data.cs", None),
        ];
        let scope = AppScope::from_paths(&files);
        assert!(scope.shares(2, 0));
        assert!(!scope.shares(2, 3));
        assert!(scope.shares(4, 3));
        assert!(scope.shares(4, 2));
        let single = AppScope::from_paths(&files[..1]);
        assert!(single.shares(0, 0));
    }

    #[test]
    fn a_config_folder_starts_the_application_above_it() {
        let ruby = crate::lang::Lang::by_name("ruby").expect("ruby is a language");
        assert_eq!(ruby.app_folder("config/environments"), "");
        assert_eq!(ruby.app_folder("backend/config"), "backend");
        assert_eq!(ruby.app_folder("web"), "web");
        let files = [
            ("config.ru", Some("")),
            ("config/routes.rb", Some(ruby.app_folder("config"))),
            ("config/database.yml", Some(ruby.app_folder("config"))),
            ("app/controllers/users_controller.rb", None),
        ];
        let scope = AppScope::from_paths(&files);
        assert!(scope.shares(2, 3));
    }
}
