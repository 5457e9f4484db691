//! A schema migration the server runs as it starts (`startup_only`) is an
//! application finding that every route's cold start pays; the same
//! migration behind a command-line option or command, or only in a route's
//! handler, is not start-up's.

mod common;

use common::{route_ids, rules_of, scan_path, temp_dir, write_file, GO_MOD_URFAVE_CLI};

const RULE: &str = "heavy-startup/go-startup-migration";

const GO_MAIN: &str = r#"package main

import (
	"net/http"
	"os"

	"github.com/urfave/cli/v2"
)

var cmdMigrate = cli.Command{Name: "migrate", Action: migrateAction}

func main() {
	app := &cli.App{Action: serve, Commands: []*cli.Command{&cmdMigrate}}
	app.Run(os.Args)
}

func serve(c *cli.Context) error {
	if c.IsSet("init-db") {
		return createSchema()
	}
	db := openDB()
	db.AutoMigrate(&User{})
	http.HandleFunc("/health", health)
	http.HandleFunc("/admin/upgrade", upgrade)
	return http.ListenAndServe(":8080", nil)
}

func migrateAction(c *cli.Context) error {
	return goose.Up(openDB().DB(), "migrations")
}

func createSchema() error {
	return database.Migrate(openDB())
}

func upgrade(w http.ResponseWriter, r *http.Request) {
	database.RunMigrations(openDB())
}

func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
"#;

#[test]
fn migrations_count_where_the_server_starts_them_and_nowhere_else() {
    let dir = temp_dir("startup-migrations-go");
    write_file(&dir, "go.mod", GO_MOD_URFAVE_CLI);
    write_file(&dir, "main.go", GO_MAIN);
    let report = scan_path(&dir);
    let lines: Vec<u32> = report
        .findings
        .iter()
        .filter(|f| f.at.rule == RULE)
        .map(|f| f.at.line)
        .collect();
    // Only `db.AutoMigrate` on the serving path: not the `migrate` command
    // (goose.Up), the `--init-db` branch (database.Migrate) or the admin
    // route's own call (RunMigrations).
    assert_eq!(lines, vec![22], "{lines:?}");
    // The start-up migration is on every route (each cold start pays it).
    for route in route_ids(&report) {
        assert!(
            rules_of(&report, &route).iter().any(|r| r == RULE),
            "{route}: {:?}",
            rules_of(&report, &route)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
