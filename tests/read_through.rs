//! Read-through memos in Go (`in-memory-cache/go-memo-map`): a map a function
//! fills only after looking the entry up, with a value computed from the
//! key's input, is an advisory cache on the route; the same map evicted by
//! another route is global state at the eviction, and no memo. A goroutine
//! started through a local named like its type's package (`var bounce
//! *bounce.Manager`, `go bounce.Run()`) is followed into the package.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir, write_files};

const GO_MOD: &str = r#"module example.com/links

go 1.21

require github.com/gin-gonic/gin v1.9.1
"#;

const LINKS: &str = r#"package main

import "sync"

type Store interface {
	CreateLink(url string) (string, error)
	LoadUser(id string) (string, error)
}

type Manager struct {
	mu    sync.RWMutex
	links map[string]string
	users map[string]string
	store Store
}

func (m *Manager) TrackLink(url string) string {
	m.mu.RLock()
	if uu, ok := m.links[url]; ok {
		m.mu.RUnlock()
		return uu
	}
	m.mu.RUnlock()
	uu, err := m.store.CreateLink(url)
	if err != nil {
		return url
	}
	m.mu.Lock()
	m.links[url] = uu
	m.mu.Unlock()
	return uu
}

func (m *Manager) User(id string) string {
	m.mu.RLock()
	if u, ok := m.users[id]; ok {
		m.mu.RUnlock()
		return u
	}
	m.mu.RUnlock()
	u, _ := m.store.LoadUser(id)
	m.mu.Lock()
	m.users[id] = u
	m.mu.Unlock()
	return u
}

func (m *Manager) Forget(id string) {
	m.mu.Lock()
	delete(m.users, id)
	m.mu.Unlock()
}
"#;

const MAIN: &str = r#"package main

import "github.com/gin-gonic/gin"

var mgr = &Manager{links: map[string]string{}, users: map[string]string{}}

func main() {
	r := gin.Default()
	r.POST("/track", func(c *gin.Context) { c.String(200, mgr.TrackLink(c.Query("url"))) })
	r.GET("/user", func(c *gin.Context) { c.String(200, mgr.User(c.Query("id"))) })
	r.DELETE("/user", func(c *gin.Context) { mgr.Forget(c.Query("id")) })
	r.Run()
}
"#;

#[test]
fn a_memo_nothing_evicts_is_an_advisory_cache() {
    let dir = temp_dir("read-through-go");
    write_files(
        &dir,
        &[("go.mod", GO_MOD), ("links.go", LINKS), ("main.go", MAIN)],
    );
    let report = scan_path(&dir);
    let track = rules_of(&report, "POST /track");
    assert!(has_rule(&track, "in-memory-cache/go-memo-map"), "{track:?}");
    assert!(!has_rule(&track, "global-state/"), "{track:?}");
    // The users map is evicted by DELETE /user: the eviction is the state.
    let user = rules_of(&report, "GET /user");
    assert!(!has_rule(&user, "in-memory-cache/go-memo-map"), "{user:?}");
    let forget = rules_of(&report, "DELETE /user");
    assert!(
        has_rule(&forget, "global-state/go-package-state"),
        "{forget:?}"
    );
}

const BOUNCE: &str = r#"package bounce

import "time"

type Manager struct{ queue chan int }

func New() *Manager { return &Manager{queue: make(chan int)} }

func (m *Manager) Run() {
	go m.scan()
	for range m.queue {
	}
}

func (m *Manager) scan() {
	for {
		time.Sleep(time.Minute)
	}
}
"#;

const CAMPAIGNS: &str = r#"package campaigns

type Manager struct{}

func New() *Manager { return &Manager{} }

func (m *Manager) Run() {}
"#;

const BOOT: &str = r#"package main

import (
	"example.com/links/bounce"
	"example.com/links/campaigns"
	"github.com/gin-gonic/gin"
)

func main() {
	var (
		mgr    = campaigns.New()
		bounce *bounce.Manager
	)
	bounce = bounce.New()
	go bounce.Run()
	go mgr.Run()
	r := gin.Default()
	r.GET("/", func(c *gin.Context) { c.String(200, "ok") })
	r.Run()
}
"#;

#[test]
fn a_local_named_like_its_package_calls_the_package_type() {
    let dir = temp_dir("shadowed-package-go");
    write_files(
        &dir,
        &[
            ("go.mod", GO_MOD),
            ("bounce/bounce.go", BOUNCE),
            ("campaigns/campaigns.go", CAMPAIGNS),
            ("main.go", BOOT),
        ],
    );
    let report = scan_path(&dir);
    let started: Vec<(String, String)> = report
        .findings
        .iter()
        .map(|f| (f.at.rule.clone(), f.at.file.clone()))
        .collect();
    assert!(
        started.contains(&(
            "background-work/go-goroutine".to_string(),
            "bounce/bounce.go".to_string()
        )),
        "{started:?}"
    );
}
