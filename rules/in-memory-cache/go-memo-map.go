package webhooks

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
)

type SES struct {
	mu    sync.RWMutex
	certs map[string]*x509.Certificate
}

// A certificate fetched from its URL: looked up first, returned when found.
func (s *SES) getCert(certURL string) (*x509.Certificate, error) {
	u, err := url.Parse(certURL)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	c, ok := s.certs[u.Path]
	s.mu.RUnlock()
	if ok {
		return c, nil
	}
	resp, err := http.Get(certURL)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(body)
	s.mu.Lock()
	s.certs[u.Path] = cert
//^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-memo-map
	s.mu.Unlock()
	return cert, err
}

// The same memo, its value decoded through locals tested on the way (`p ==
// nil` binds nothing), looked up again under the write lock and stored only
// when parsing succeeded.
func (s *SES) getCertChecked(certURL string) (*x509.Certificate, error) {
	u, err := url.Parse(certURL)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	c, ok := s.certs[u.Path]
	s.mu.RUnlock()
	if ok {
		return c, nil
	}
	resp, err := http.Get(certURL)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	p, _ := pem.Decode(body)
	if p == nil {
		return nil, errors.New("invalid PEM")
	}
	cert, err := x509.ParseCertificate(p.Bytes)
	s.mu.Lock()
	if c2, ok := s.certs[u.Path]; ok && c2 != nil {
		s.mu.Unlock()
		return c2, nil
	}
	if err == nil {
		s.certs[u.Path] = cert
//^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-memo-map
	}
	s.mu.Unlock()
	return cert, err
}

type Store interface {
	CreateLink(url string) (string, error)
}

type Manager struct {
	linksMut sync.RWMutex
	links    map[string]string
	hubs     map[string]*Hub
	sessions map[string]string
	store    Store
}

// An idempotent upsert, memoised by its URL.
func (m *Manager) trackLink(url, campUUID string) string {
	m.linksMut.RLock()
	if uu, ok := m.links[url]; ok {
		m.linksMut.RUnlock()
		return uu + campUUID
	}
	m.linksMut.RUnlock()
	uu, err := m.store.CreateLink(url)
	if err != nil {
		return url
	}
	m.linksMut.Lock()
	m.links[url] = uu
//^^^^^^^^^^^^^^^^^^ in-memory-cache/go-memo-map
	m.linksMut.Unlock()
	return uu + campUUID
}

type Hub struct{ room string }

func NewHub(room string) *Hub { return &Hub{room: room} }

// A fresh hub per room: live objects, not a memo.
func (m *Manager) hub(room string) *Hub {
	m.linksMut.Lock()
	defer m.linksMut.Unlock()
	if h, ok := m.hubs[room]; ok {
		return h
	}
	h := NewHub(room)
	// ok: a fresh object stored per key (global-state/go-package-state)
	m.hubs[room] = h
	return h
}

// A login: the token is written without a lookup that returns it.
func (m *Manager) login(token, user string) string {
	m.linksMut.Lock()
	defer m.linksMut.Unlock()
	// ok: no read-through (global-state/go-package-state)
	m.sessions[token] = user
	return token
}

// A lookup that refuses a taken name, then registers it: no memo.
func (m *Manager) register(name, user string) error {
	m.linksMut.Lock()
	defer m.linksMut.Unlock()
	if _, ok := m.sessions[name]; ok {
		return errors.New("taken")
	}
	// ok: the lookup returns no value found
	m.sessions[name] = user
	return nil
}

// A value that does not come from the key's input.
func (m *Manager) remember(name, user string) string {
	m.linksMut.Lock()
	defer m.linksMut.Unlock()
	if v, ok := m.sessions[name]; ok {
		return v
	}
	// ok: the value is not computed from the key
	m.sessions[name] = user
	return user
}

var catalog = map[string]string{}

// The catalogue the app ships, loaded once per language.
func translations(lang string) (string, error) {
	if d, found := catalog[lang]; found {
		return d, nil
	}
	d, err := loadTranslationFile(lang)
	if err != nil {
		return "", err
	}
	// ok: read-only data the app ships
	catalog[lang] = d
	return d, nil
}

var prices = map[string]int{}

// A price fetched once per product: a memo of a package-level map.
func price(sku string) int {
	if p, found := prices[sku]; found {
		return p
	}
	p := fetchPrice(sku)
	prices[sku] = p
//^^^^^^^^^^^^^^^ in-memory-cache/go-memo-map
	return p
}

