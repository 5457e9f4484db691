//! A cobra command that serves: its `Run` is a closure a factory returns
//! (`Run: newServerHandler()`), which builds the server through a method
//! called on what a constructor returns (`server.NewServer(db).Setup(addr)`,
//! `grammars/go/calls.scm`). That command is the server's start-up, so the
//! schema migration it runs is reported; the migration of a command that
//! serves nothing (`import`) is a tool's work.

mod common;

use common::{scan_path, temp_dir, write_file};

const GO_MOD: &str = "module example.com/app\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n";

const MAIN: &str = r#"
package main

import (
	"context"
	"net/http"

	"example.com/app/server"
	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "app"}
	root.AddCommand(newServerCommand(), newImportCommand())
	root.Execute()
}

func newServerCommand() *cobra.Command {
	return &cobra.Command{Use: "server", Run: newServerHandler()}
}

func newServerHandler() func(cmd *cobra.Command, args []string) {
	return func(cmd *cobra.Command, args []string) {
		db := initApp(context.Background())
		srv := server.NewServer(db).Setup(":8080")
		srv.ListenAndServe()
	}
}

func initApp(ctx context.Context) *server.DB {
	db := &server.DB{}
	db.Migrate(ctx)
	return db
}

func newImportCommand() *cobra.Command {
	return &cobra.Command{Use: "import", RunE: runImport}
}

func runImport(cmd *cobra.Command, args []string) error {
	return importAll(&server.DB{})
}

func importAll(db *server.DB) error {
	return db.Migrate(context.Background())
}

"#;

const SERVER: &str = r#"
package server

import (
	"context"
	"net/http"
)

type DB struct{}

func (d *DB) Migrate(ctx context.Context) error { return nil }

type Server struct{ db *DB }

func NewServer(db *DB) *Server { return &Server{db: db} }

func (s *Server) Setup(addr string) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", s.list)
	return &http.Server{Addr: addr, Handler: mux}
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("[]"))
}
"#;

#[test]
fn a_cobra_command_that_serves_is_start_up_and_one_that_does_not_is_a_tool() {
    let dir = temp_dir("go-cobra-startup");
    write_file(&dir, "go.mod", GO_MOD);
    write_file(&dir, "main.go", MAIN.trim_start());
    write_file(&dir, "server/server.go", SERVER.trim_start());
    let report = scan_path(&dir);
    let migrations: Vec<u32> = report
        .findings
        .iter()
        .filter(|f| f.at.rule == "heavy-startup/go-startup-migration" && f.at.file == "main.go")
        .map(|f| f.at.line)
        .collect();
    // initApp's migration, run by the server command's closure: start-up.
    assert!(migrations.contains(&31), "{migrations:?}");
    // importAll's, run by the `import` command only: a tool's work.
    assert!(!migrations.contains(&44), "{migrations:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
