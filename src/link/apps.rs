//! Which application each file belongs to, when one repository holds
//! several (eShopOnWeb's `Web/` and `PublicApi/`): an application is the
//! folder of a file that starts one (an `entry`); a file belongs to the
//! deepest such folder above it, or to none (shared code, or a repository
//! with a single application at its root). An entry in a configuration
//! folder (the language's `config_dirs`: Rails' `config/application.rb`,
//! `config/database.yml`) starts the application in the folder above it.
//! Code outside every application folder is shared with the applications
//! that import or call into it (eShopOnWeb's `Infrastructure/`), or, when
//! none does (controllers a Spring component scan finds in a sibling
//! module), with the applications nearest to it in the folder tree; never
//! with every application of the repository.
//! A project (`super::projects`: the outermost folder of a manifest of
//! its runtime) with no entry inside it is an application too: a Java
//! service carve finds no entry of is still not the Spring app's beside it.
//! App-wide findings and middleware registered for every route stay
//! within their application, and always within their runtime: a Flask
//! `before_request` never reaches a Java route of the same repository.

use super::projects::Projects;
use crate::extract::facts::FileFacts;

pub struct AppScope {
    /// Index into the application folders, per file.
    app_of: Vec<Option<usize>>,
    /// The runtime each file's code runs on (`python`, `node`, `jvm`).
    runtime_of: Vec<&'static str>,
    /// Per file, the applications it belongs to, sorted: its own; for code
    /// outside every application folder, those whose files reach it through
    /// imports and calls, else the nearest in the folder tree; none known.
    users_of: Vec<Vec<usize>>,
    /// Per file, its project (`super::projects`), if any.
    project_of: Vec<Option<usize>>,
}

impl AppScope {
    /// `next[file]`: the files each file imports or calls into.
    pub fn new(files: &[FileFacts], next: &[Vec<usize>], projects: &Projects) -> Self {
        let paths: Vec<(&str, Option<&str>)> = files
            .iter()
            .map(|f| {
                let dir = f.path.rsplit_once('/').map_or("", |(dir, _)| dir);
                (f.path.as_str(), f.entry.then(|| f.lang.app_folder(dir)))
            })
            .collect();
        let runtimes = files.iter().map(|f| f.lang.runtime()).collect();
        let folders: Vec<&str> = projects.folders().iter().map(String::as_str).collect();
        let mut scope = Self::from_paths(&paths, runtimes, next, &folders);
        scope.project_of = (0..files.len()).map(|f| projects.of(f)).collect();
        scope
    }

    /// From each file's (path, folder of the application it starts),
    /// runtime, the files it imports or calls into, and the projects' root
    /// folders.
    fn from_paths(
        files: &[(&str, Option<&str>)],
        runtime_of: Vec<&'static str>,
        next: &[Vec<usize>],
        projects: &[&str],
    ) -> Self {
        let mut folders: Vec<&str> = files.iter().filter_map(|(_, app)| *app).collect();
        // A project no entry is in is an application; the scanned folder's
        // own project says nothing more.
        let holds =
            |project: &str, app: &str| app == project || super::projects::holds(project, app);
        let without_entry: Vec<&str> = projects
            .iter()
            .copied()
            .filter(|p| !p.is_empty() && !folders.iter().any(|app| holds(p, app)))
            .collect();
        folders.extend(without_entry);
        folders.sort_unstable();
        folders.dedup();
        // One application (or none): nothing to keep apart.
        if folders.len() < 2 {
            return AppScope {
                app_of: vec![None; files.len()],
                runtime_of,
                users_of: Vec::new(),
                project_of: Vec::new(),
            };
        }
        let app_of: Vec<Option<usize>> = files
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
        let mut users_of = shared_users(&app_of, next);
        for (file, (path, _)) in files.iter().enumerate() {
            if let Some(app) = app_of[file] {
                users_of[file] = vec![app];
            } else if users_of[file].is_empty() {
                users_of[file] = nearest_folders(path, &folders);
            }
        }
        AppScope {
            app_of,
            runtime_of,
            users_of,
            project_of: Vec::new(),
        }
    }

    /// The application a file belongs to: its runtime and application
    /// folder (none for shared code). Equal keys, one application.
    pub fn app_key(&self, file: usize) -> (Option<&'static str>, Option<usize>) {
        (
            self.runtime_of.get(file).copied(),
            self.app_of.get(file).copied().flatten(),
        )
    }

    /// Whether two files are of different projects of the tree (two
    /// services, two apps side by side); not when either is of none.
    pub fn apart(&self, a: usize, b: usize) -> bool {
        let project = |f: usize| self.project_of.get(f).copied().flatten();
        matches!((project(a), project(b)), (Some(x), Some(y)) if x != y)
    }

    /// Whether code in `file` concerns a route in `route_file`: the same
    /// runtime, and an application in common (or none known for the route).
    pub fn shares(&self, file: usize, route_file: usize) -> bool {
        if self.runtime_of.get(file) != self.runtime_of.get(route_file) {
            return false;
        }
        let users = |f: usize| self.users_of.get(f).map_or(&[][..], Vec::as_slice);
        let route_apps = users(route_file);
        // A route that no application is known to own (no entry above it,
        // no application's code reaches it, none near it in the folder
        // tree): nothing says which hooks it escapes, so it escapes none.
        route_apps.is_empty()
            || users(file)
                .iter()
                .any(|app| route_apps.binary_search(app).is_ok())
    }
}

/// The applications whose folders have the longest common ancestor with
/// `path`, if that ancestor is not the repository's root.
fn nearest_folders(path: &str, folders: &[&str]) -> Vec<usize> {
    let common = |folder: &str| {
        path.split('/')
            .zip(folder.split('/'))
            .take_while(|(a, b)| a == b)
            .count()
    };
    let depth = folders.iter().map(|f| common(f)).max().unwrap_or(0);
    if depth == 0 {
        return Vec::new();
    }
    (0..folders.len())
        .filter(|&i| common(folders[i]) == depth)
        .collect()
}

/// Per file outside every application folder, the applications whose own
/// files reach it through `next` (one walk per application).
fn shared_users(app_of: &[Option<usize>], next: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut users = vec![Vec::new(); app_of.len()];
    let apps = app_of.iter().flatten().max().map_or(0, |last| last + 1);
    let mut seen = vec![usize::MAX; app_of.len()];
    for app in 0..apps {
        let mut stack: Vec<usize> = (0..app_of.len())
            .filter(|&f| app_of[f] == Some(app))
            .collect();
        while let Some(file) = stack.pop() {
            for &to in next.get(file).into_iter().flatten() {
                if to < app_of.len() && app_of[to].is_none() && seen[to] != app {
                    seen[to] = app;
                    users[to].push(app);
                    stack.push(to);
                }
            }
        }
    }
    users
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
        // Both applications use the shared data layer.
        let next = [vec![4], vec![4], vec![], vec![4], vec![]];
        let scope = AppScope::from_paths(&files, vec!["dotnet"; files.len()], &next, &[]);
        assert!(scope.shares(2, 0));
        assert!(!scope.shares(2, 3));
        assert!(scope.shares(4, 3));
        assert!(scope.shares(4, 2));
        let single = AppScope::from_paths(&files[..1], vec!["dotnet"], &next[..1], &[]);
        assert!(single.shares(0, 0));
    }

    #[test]
    fn code_of_one_runtime_never_concerns_routes_of_another() {
        // A Flask app beside a Java service that has no recognised entry:
        // the Java files are shared code to the folders, not to the runtimes.
        let files = [
            ("flack/manage.py", Some("flack")),
            ("flack/flack/hooks.py", None),
            ("traccar/src/Filter.java", None),
            ("traccar/src/Resource.java", None),
        ];
        let next = [vec![1], vec![], vec![], vec![]];
        let scope =
            AppScope::from_paths(&files, vec!["python", "python", "jvm", "jvm"], &next, &[]);
        assert!(scope.shares(1, 0));
        assert!(!scope.shares(1, 3));
        assert!(!scope.shares(2, 0));
        assert!(scope.shares(2, 3));
    }

    #[test]
    fn code_outside_every_application_is_shared_only_with_its_users() {
        // Two Spring apps and a third with no recognised entry: its filter
        // is not a hook of the others' routes, their hooks not of its routes.
        let files = [
            ("eladmin/system/App.java", Some("eladmin/system")),
            ("eladmin/system/Hook.java", None),
            ("eladmin/tools/Controller.java", None),
            ("petclinic/App.java", Some("petclinic")),
            ("traccar/Filter.java", None),
            ("traccar/Resource.java", None),
        ];
        let next = [vec![1, 2], vec![], vec![], vec![], vec![], vec![4]];
        let scope = AppScope::from_paths(&files, vec!["jvm"; files.len()], &next, &[]);
        assert!(scope.shares(2, 0), "shared code its app uses");
        assert!(scope.shares(2, 1), "a sibling module of its app");
        assert!(!scope.shares(2, 3), "shared code another app never uses");
        assert!(!scope.shares(4, 0));
        assert!(scope.shares(1, 5), "a route of no known application");
        assert!(scope.shares(4, 5), "code outside every app, among itself");
        assert!(
            !scope.shares(4, 2),
            "unused shared code and an app's shared code"
        );
        // With its build's manifest, the third is a project of its own:
        // its routes escape the others' hooks. A project holding an entry
        // adds nothing.
        let projects = ["eladmin", "petclinic", "traccar"];
        let scope = AppScope::from_paths(&files, vec!["jvm"; files.len()], &next, &projects);
        assert!(!scope.shares(1, 5), "a project without an entry is an app");
        assert!(scope.shares(4, 5));
        assert!(scope.shares(2, 0), "shared code its app uses");
        assert!(scope.shares(2, 1), "a sibling module of its app");
    }

    #[test]
    fn files_of_two_projects_are_apart_and_a_file_of_none_is_not() {
        let files = [("a/x.py", None), ("b/y.py", None), ("tools/z.py", None)];
        let mut scope = AppScope::from_paths(&files, vec!["python"; 3], &[], &["a", "b"]);
        scope.project_of = vec![Some(0), Some(1), None];
        assert!(scope.apart(0, 1));
        assert!(!scope.apart(0, 0));
        assert!(!scope.apart(0, 2), "a file of no project");
    }

    #[test]
    fn a_config_folder_starts_the_application_above_it() {
        let ruby = crate::lang::Lang::by_name("ruby").expect("ruby is a language");
        assert_eq!(ruby.app_folder("config/environments"), "");
        assert_eq!(ruby.app_folder("backend/config"), "backend");
        assert_eq!(ruby.app_folder("web"), "web");
        // A Maven or Gradle module: its code and settings under `src/`.
        let java = crate::lang::Lang::by_name("java").expect("java is a language");
        assert_eq!(java.app_folder("api/src/main/java/com/shop"), "api");
        assert_eq!(java.app_folder("api/src/main/resources"), "api");
        assert_eq!(java.app_folder("src/main/resources/config"), "");
        let files = [
            ("config.ru", Some("")),
            ("config/routes.rb", Some(ruby.app_folder("config"))),
            ("config/database.yml", Some(ruby.app_folder("config"))),
            ("app/controllers/users_controller.rb", None),
        ];
        let scope = AppScope::from_paths(&files, vec!["ruby"; files.len()], &[], &[]);
        assert!(scope.shares(2, 3));
    }
}
