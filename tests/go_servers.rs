//! A server of its own started in a goroutine beside the HTTP one (a
//! function looping on `l.Accept()`) is one long-lived-connection finding,
//! where its goroutine starts: not background work, nor the goroutine that
//! only leads to it, nor the goroutines it starts per connection. Goroutines
//! that accept nothing stay background work, inner ones included.

mod common;

use common::{scan_path, temp_dir, write_file};

const MAIN: &str = r#"package main

import (
	"net/http"

	"example.com/app/sshd"
)

func main() {
	go sshd.Start()
	go runManager()
	http.HandleFunc("/health", health)
	http.ListenAndServe(":8080", nil)
}

func runManager() {
	go pollForever()
	for {
		step()
	}
}

func pollForever() {
	for {
		step()
	}
}

func step() {}

func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
"#;

const SSHD: &str = r#"package sshd

import "net"

func Start() {
	go listen(":2222")
}

func listen(addr string) {
	l, _ := net.Listen("tcp", addr)
	for {
		conn, err := l.Accept()
		if err != nil {
			continue
		}
		go handle(conn)
	}
}

func handle(conn net.Conn) {
	go drain(conn)
	conn.Close()
}

func drain(conn net.Conn) {}
"#;

/// (rule, file, line) of every finding.
fn findings(report: &carve::report::Report) -> Vec<(String, String, u32)> {
    report
        .findings
        .iter()
        .map(|f| (f.at.rule.clone(), f.at.file.clone(), f.at.line))
        .collect()
}

#[test]
fn go_a_listening_server_is_one_finding_where_its_goroutine_starts() {
    let dir = temp_dir("go-servers");
    write_file(&dir, "go.mod", "module example.com/app\n\ngo 1.22\n");
    write_file(&dir, "main.go", MAIN);
    write_file(&dir, "sshd/sshd.go", SSHD);
    let found = findings(&scan_path(&dir));
    let at = |file: &str, line: u32| -> Vec<&str> {
        found
            .iter()
            .filter(|(_, f, l)| f == file && *l == line)
            .map(|(rule, _, _)| rule.as_str())
            .collect()
    };
    // The server, where its goroutine starts.
    assert_eq!(
        at("sshd/sshd.go", 6),
        ["long-lived-connection/go-listener-goroutine"],
        "{found:?}"
    );
    // The goroutine that only leads to it, and those the server starts per
    // connection (and these in turn): part of it.
    assert!(at("main.go", 10).is_empty(), "{found:?}");
    assert!(at("sshd/sshd.go", 16).is_empty(), "{found:?}");
    assert!(at("sshd/sshd.go", 21).is_empty(), "{found:?}");
    // A loop that accepts nothing is background work, and so is the
    // goroutine it starts.
    assert_eq!(
        at("main.go", 11),
        ["background-work/go-goroutine"],
        "{found:?}"
    );
    assert_eq!(
        at("main.go", 17),
        ["background-work/go-goroutine"],
        "{found:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
