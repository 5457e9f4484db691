//! A method called on what a function of the same package returns
//! (`newNotifier(db).Send(msg)`, `grammars/go/calls.scm`): the call reaches
//! the method of the type the function declares it returns, as a call through
//! another package's constructor (`mail.NewNotifier(db).Send(msg)`) does.

mod common;

use common::{rule_hits_on, scan_path, temp_dir, write_file};

const GO_MOD: &str = "module example.com/app\n\ngo 1.22\n";

const MAIN: &str = r#"
package main

import "net/http"

type DB struct{}

type Notifier struct{ db *DB }

func newNotifier(db *DB) *Notifier { return &Notifier{db: db} }

func (n *Notifier) Send(msg string) {
	go func() {
		deliver(msg)
	}()
}

func deliver(msg string) {}

func notify(w http.ResponseWriter, r *http.Request) {
	newNotifier(&DB{}).Send(r.FormValue("msg"))
}

func build(w http.ResponseWriter, r *http.Request) {
	_ = newNotifier(&DB{})
}

func main() {
	http.HandleFunc("POST /notify", notify)
	http.HandleFunc("POST /build", build)
	http.ListenAndServe(":8080", nil)
}
"#;

#[test]
fn a_method_called_on_what_a_same_package_function_returns_is_reached() {
    let dir = temp_dir("go-returned-calls");
    write_file(&dir, "go.mod", GO_MOD);
    write_file(&dir, "main.go", MAIN.trim_start());
    let report = scan_path(&dir);
    // `newNotifier(…).Send(…)`: Send's goroutine runs on the route.
    assert_eq!(
        rule_hits_on(&report, "POST /notify", "background-work/go-goroutine"),
        vec!["main.go:12".to_string()]
    );
    // Building the notifier without calling Send starts nothing.
    assert!(rule_hits_on(&report, "POST /build", "background-work/go-goroutine").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
