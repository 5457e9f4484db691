//! Reads of process state (`global-state/go-state-read`) count where a route
//! writes that state: a registry one route fills and another reads is on the
//! reader; a table only start-up code fills is configuration; a function that
//! writes the state it reads carries the write alone.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir, write_files};

const GO_MOD: &str = r#"module example.com/hub

go 1.21

require github.com/gin-gonic/gin v1.9.1
"#;

const HUB: &str = r#"package main

import "sync"

// Hub is shared by the goroutines that serve requests: the lock says so.
type Hub struct {
	lock    sync.RWMutex
	clients map[uint][]string
	plugins map[string]string
}

func (h *Hub) Register(id uint, conn string) {
	h.lock.Lock()
	defer h.lock.Unlock()
	h.clients[id] = append(h.clients[id], conn)
}

func (h *Hub) Notify(id uint) int {
	h.lock.RLock()
	defer h.lock.RUnlock()
	if conns, ok := h.clients[id]; ok {
		return len(conns)
	}
	return 0
}

func (h *Hub) Drop(id uint) {
	h.lock.Lock()
	defer h.lock.Unlock()
	if _, ok := h.clients[id]; ok {
		delete(h.clients, id)
	}
}

func (h *Hub) Load(name string) {
	h.plugins[name] = name
}

func (h *Hub) Names() []string {
	names := []string{}
	for name := range h.plugins {
		names = append(names, name)
	}
	return names
}
"#;

const MAIN: &str = r#"package main

import "github.com/gin-gonic/gin"

var hub = &Hub{clients: map[uint][]string{}, plugins: map[string]string{}}

func main() {
	hub.Load("echo")
	r := gin.Default()
	r.POST("/register", func(c *gin.Context) { hub.Register(1, c.Query("conn")) })
	r.POST("/message", func(c *gin.Context) { c.JSON(200, hub.Notify(1)) })
	r.DELETE("/client", func(c *gin.Context) { hub.Drop(1) })
	r.GET("/plugins", func(c *gin.Context) { c.JSON(200, hub.Names()) })
	r.Run()
}
"#;

#[test]
fn a_read_counts_where_a_route_writes_the_state() {
    let dir = temp_dir("state-reads-go");
    write_files(
        &dir,
        &[("go.mod", GO_MOD), ("hub.go", HUB), ("main.go", MAIN)],
    );
    let report = scan_path(&dir);
    // Notify reads the clients Register (POST /register) fills.
    let message = rules_of(&report, "POST /message");
    assert!(
        has_rule(&message, "global-state/go-state-read"),
        "{message:?}"
    );
    // The plugins table is filled by main only.
    let plugins = rules_of(&report, "GET /plugins");
    assert!(!has_rule(&plugins, "global-state/"), "{plugins:?}");
    // Drop reads and deletes: the write is the finding.
    let client = rules_of(&report, "DELETE /client");
    assert!(
        has_rule(&client, "global-state/go-package-state"),
        "{client:?}"
    );
    assert!(
        !has_rule(&client, "global-state/go-state-read"),
        "{client:?}"
    );
}
